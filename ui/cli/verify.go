package cli

import (
	"fmt"
	"os"
	"strings"

	"kinerja/data/service"
)

// verify is "kinerja verify FILE..." against this office's data file, or
// "kinerja verify --root FILE.cer [--crl FILE.crl] FILE..." against one root
// alone, without any data file (the kabupaten's PC): for each file the
// document verdict, then one line per signature. It fails unless every file
// is Sah, naming those that are not.
func verify(c *call) error {
	rootFile := c.flags.String("root", "", "verifikasi hanya dengan sertifikat induk ini (.cer), tanpa file data")
	crlFile := c.flags.String("crl", "", "daftar pencabutan sertifikat induk itu (.crl), bersama --root")
	if err := c.parse(); err != nil {
		return err
	}
	switch {
	case len(c.args) == 0:
		return usagef("verify: sebutkan satu berkas PDF atau lebih")
	case *crlFile != "" && *rootFile == "":
		return usagef("verify: --crl hanya bersama --root FILE.cer")
	}
	if *rootFile != "" {
		results, err := verifyWithRoot(*rootFile, *crlFile, c.args)
		if err != nil {
			return err
		}
		return printVerdicts(c, results)
	}
	c.access = reads // the table says noFile: --root opens no data file
	return c.withService(func(svc *service.Service) error {
		results, err := svc.Verify(c.args)
		if err != nil {
			return err
		}
		return printVerdicts(c, results)
	})
}

// verifyWithRoot reads the root certificate and its revocation list and
// verifies files against them alone; it opens and creates no data file.
func verifyWithRoot(rootFile, crlFile string, files []string) ([]service.VerifyResult, error) {
	cer, err := os.ReadFile(rootFile)
	if err != nil {
		return nil, fmt.Errorf("membaca sertifikat induk %s: %w", rootFile, err)
	}
	var results []service.VerifyResult
	if crlFile == "" {
		results, err = service.VerifyWithRoot(cer, files)
	} else {
		crl, rerr := os.ReadFile(crlFile)
		if rerr != nil {
			return nil, fmt.Errorf("membaca daftar pencabutan %s: %w", crlFile, rerr)
		}
		results, err = service.VerifyWithRootList(cer, crl, files)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rootFile, err)
	}
	return results, nil
}

// printVerdicts prints each file's verdict and its signatures, and fails
// unless every file is Sah.
func printVerdicts(c *call, results []service.VerifyResult) error {
	var bad []string
	for _, r := range results {
		if r.Err != nil {
			fmt.Fprintf(c.stdout, "%s: GAGAL — %s\n", r.File, r.Err)
		} else {
			fmt.Fprintf(c.stdout, "%s: %s\n", r.File, r.Verdict)
			for _, line := range r.SignatureLines {
				fmt.Fprintf(c.stdout, "    %s\n", line)
			}
		}
		if !r.OK() {
			bad = append(bad, r.File)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d dari %d berkas tidak sah: %s", len(bad), len(results), strings.Join(bad, ", "))
	}
	return nil
}
