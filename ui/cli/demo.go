package cli

import (
	"flag"
	"fmt"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
)

func init() {
	register(command{name: "demo", creates: true, args: "[--staff N] [--seed S]", summary: "mengisi file data kosong dengan kantor contoh (fiktif)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			n := fs.Int("staff", 45, "jumlah pegawai")
			seed := fs.Int64("seed", 1, "benih acak (hasil sama untuk benih sama)")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("demo: argumen %q tidak dikenal", args[0])
				}
				if *n < 1 || *n > 5000 {
					return usagef("demo: --staff harus antara 1 dan 5000")
				}
				return e.withService(func(svc *service.Service) error {
					count, err := svc.FillDemo(demo.Options{Staff: *n, Seed: *seed, Today: data.Today()})
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Data demo dibuat: %d pegawai di %s\n", count, svc.Path())
					return nil
				})
			}
		}})
}
