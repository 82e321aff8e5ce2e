package cli

import (
	"fmt"
	"os"

	"golang.org/x/term"
)

// Environment variables that supply passphrases to the CLI. The office
// passphrase (of the sertifikat induk kantor) falls back to the signer's.
const (
	envPassphrase       = "KINERJA_PASSPHRASE"
	envOfficePassphrase = "KINERJA_OFFICE_PASSPHRASE"
	envPFXPassword      = "KINERJA_PFX_PASSWORD"
)

// errNoTerminal is returned when a passphrase is needed, no environment
// variable gives it and there is no terminal to ask on.
func errNoTerminal(what, variable string) error {
	return fmt.Errorf("%s diperlukan: isi variabel lingkungan %s atau jalankan dari terminal agar dapat ditanyakan", what, variable)
}

// secret returns the value of the first set environment variable, or asks
// for it on the terminal without echo (prompt on stderr). A passphrase is
// never read from a pipe or typed visibly: without a terminal on standard
// input it is an error.
func secret(c *call, what string, variables ...string) (string, error) {
	for _, v := range variables {
		if s, ok := os.LookupEnv(v); ok && s != "" {
			return s, nil
		}
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", errNoTerminal(what, variables[0])
	}
	fmt.Fprintf(c.stderr, "%s: ", what)
	line, err := term.ReadPassword(fd)
	fmt.Fprintln(c.stderr)
	if err != nil {
		return "", fmt.Errorf("membaca %s: %w", what, err)
	}
	return string(line), nil
}

func signerPassphrase(c *call) (string, error) {
	return secret(c, "Frasa sandi penanda tangan", envPassphrase)
}

func officePassphrase(c *call) (string, error) {
	return secret(c, "Frasa sandi sertifikat induk kantor", envOfficePassphrase, envPassphrase)
}
