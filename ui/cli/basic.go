package cli

import (
	"flag"
	"fmt"
	"kinerja/data/service"
	"runtime"
)

func init() {
	register(command{name: "version", summary: "menampilkan versi Kinerja",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("version: tidak menerima argumen")
				}
				fmt.Fprintf(e.stdout, "Kinerja %s (%s, %s/%s)\n", e.version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return nil
			}
		}})
	register(command{name: "backup", args: "--out FILE", summary: "menyalin seluruh file data (salinan utuh yang konsisten) ke FILE",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			out := fs.String("out", "", "file cadangan")
			return func(e *env, args []string) error {
				if *out == "" || len(args) > 0 {
					return usagef("backup: pakai --out FILE")
				}
				return e.withService(func(svc *service.Service) error {
					if err := svc.BackupFile(*out); err != nil {
						return fmt.Errorf("membuat cadangan: %w", err)
					}
					fmt.Fprintf(e.stdout, "Cadangan tersimpan di %s\n", *out)
					return nil
				})
			}
		}})
}
