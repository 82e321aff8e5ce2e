package cli

import (
	"errors"
	"fmt"
	"os"

	"golang.org/x/term"

	"kinerja/data/service"
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

// errPassphrasesDiffer refuses a new passphrase typed differently the second time.
var errPassphrasesDiffer = errors.New("kedua frasa sandi yang diketik tidak sama; tidak ada yang diubah")

// newSecret is secret for a passphrase that will seal a new key (of the
// holder with nip; "" for the office root). From the environment it is
// taken as it is (the service judges it); on the terminal it is judged by
// service.CheckPassphrase first, then asked a second time to rule out a typo.
func newSecret(c *call, what, nip string, variables ...string) (string, error) {
	for _, v := range variables {
		if s, ok := os.LookupEnv(v); ok && s != "" {
			return s, nil
		}
	}
	p, err := secret(c, what+" (baru)", variables...)
	if err != nil {
		return "", err
	}
	if err := service.CheckPassphrase(p, nip); err != nil {
		return "", err
	}
	again, err := secret(c, "Ulangi "+what, variables...)
	if err != nil {
		return "", err
	}
	if again != p {
		return "", errPassphrasesDiffer
	}
	return p, nil
}

// signerPassphrase is the passphrase of an existing signer.
func signerPassphrase(c *call) (string, error) {
	return secret(c, "Frasa sandi penanda tangan", envPassphrase)
}

// newSignerPassphrase is the passphrase for a new signer of the staff member with nip.
func newSignerPassphrase(c *call, nip string) (string, error) {
	return newSecret(c, "Frasa sandi penanda tangan", nip, envPassphrase)
}

// officePassphrase is the passphrase of the office root, which signs trust
// in other roots, revocations and new signers.
func officePassphrase(c *call) (string, error) {
	return secret(c, "Frasa sandi sertifikat induk kantor", envOfficePassphrase, envPassphrase)
}

// newOfficePassphrase is the passphrase for the office root being created.
func newOfficePassphrase(c *call) (string, error) {
	return newSecret(c, "Frasa sandi sertifikat induk kantor", "", envOfficePassphrase, envPassphrase)
}
