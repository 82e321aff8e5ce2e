package main

import (
	"errors"
	"flag"
	"fmt"

	"kinerja/data/service"
	"kinerja/data/store"
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
				return e.withStore(func(st *store.Store) error { return verifyFiles(e, st, args) })
			}
		}})
}

// verifyFiles prints one line per file and fails unless every file is valid
// and signed by a signer this office knows.
func verifyFiles(e *env, st *store.Store, files []string) error {
	results, err := service.Verify(st, files)
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
