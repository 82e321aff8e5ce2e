package cli

import (
	"errors"
	"flag"
	"fmt"

	"kinerja/data/service"
)

// errNotAllValid makes "verify" exit 1 after printing its lines.
var errNotAllValid = errors.New("tidak semua berkas sah dan ditandatangani penanda tangan yang dikenal")

func init() {
	register(command{name: "verify", args: "FILE...",
		summary: "memeriksa tanda tangan PDF secara offline (keluar 0 hanya bila semuanya sah)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) == 0 {
					return usagef("verify: sebutkan satu berkas PDF atau lebih")
				}
				return e.withService(func(svc *service.Service) error { return verifyFiles(e, svc, args) })
			}
		}})
}

// verifyFiles prints one line per file and fails unless every file is valid
// and signed by a signer this office knows.
func verifyFiles(e *env, svc *service.Service, files []string) error {
	results, err := svc.Verify(files)
	if err != nil {
		return err
	}
	ok := true
	for _, r := range results {
		fmt.Fprintln(e.stdout, r.Line())
		ok = ok && r.OK()
	}
	if !ok {
		return errNotAllValid
	}
	return nil
}
