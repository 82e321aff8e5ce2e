package cli

import (
	"errors"
	"fmt"

	"kinerja/data/service"
)

// errNotAllValid makes "verify" exit 1 after printing its lines.
var errNotAllValid = errors.New("tidak semua berkas sah dan ditandatangani penanda tangan yang dikenal")

// verify is "kinerja verify FILE...": one line per file; it fails unless
// every file is valid and signed by a signer this office knows.
func verify(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usagef("verify: sebutkan satu berkas PDF atau lebih")
	}
	return c.withService(func(svc *service.Service) error {
		results, err := svc.Verify(c.args)
		if err != nil {
			return err
		}
		ok := true
		for _, r := range results {
			fmt.Fprintln(c.stdout, r.Line())
			ok = ok && r.OK()
		}
		if !ok {
			return errNotAllValid
		}
		return nil
	})
}
