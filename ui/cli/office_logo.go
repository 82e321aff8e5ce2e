package cli

import (
	"flag"
	"fmt"
	"os"

	"kinerja/data/service"
)

func init() {
	register(command{name: "office logo", args: "FILE | --remove",
		summary: fmt.Sprintf("memasang logo kop surat (PNG/JPEG, paling besar %d KB) atau menghapusnya", service.MaxLogoSize>>10),
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			remove := fs.Bool("remove", false, "hapus logo kop surat")
			return func(e *env, args []string) error {
				if *remove == (len(args) == 1) || len(args) > 1 {
					return usagef("office logo: pakai FILE atau --remove")
				}
				if *remove {
					return e.withService(func(svc *service.Service) error {
						if err := svc.RemoveOfficeLogo(); err != nil {
							return err
						}
						fmt.Fprintln(e.stdout, "Logo kop surat dihapus.")
						return nil
					})
				}
				logo, err := os.ReadFile(args[0])
				if err != nil {
					return fmt.Errorf("membaca logo %s: %w", args[0], err)
				}
				if err := service.CheckLogo(logo); err != nil {
					return fmt.Errorf("%s: %w", args[0], err)
				}
				return e.withService(func(svc *service.Service) error {
					if err := svc.SetOfficeLogo(logo); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Logo kop surat dipasang: %s (%d KB)\n", args[0], (len(logo)+1023)>>10)
					return nil
				})
			}
		}})
}
