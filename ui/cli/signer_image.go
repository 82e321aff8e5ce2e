package cli

import (
	"flag"
	"fmt"
	"os"

	"kinerja/data/service"
)

func init() {
	register(command{name: "signer image", args: "--nip NIP FILE | --nip NIP --remove",
		summary: fmt.Sprintf("memasang gambar tanda tangan hasil pindai seorang pegawai (PNG/JPEG, paling besar %d KB) atau menghapusnya", service.MaxSignatureImageSize>>10),
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			nip := fs.String("nip", "", "NIP atau NIK pemilik tanda tangan")
			remove := fs.Bool("remove", false, "hapus gambar tanda tangan")
			return func(e *env, args []string) error {
				if *nip == "" || *remove == (len(args) == 1) || len(args) > 1 {
					return usagef("signer image: pakai --nip NIP dengan FILE atau --remove")
				}
				if *remove {
					return e.withService(func(svc *service.Service) error {
						staff, err := svc.StaffByIdentifier(*nip)
						if err != nil {
							return err
						}
						if err := svc.RemoveSignatureImage(staff.ID); err != nil {
							return err
						}
						fmt.Fprintf(e.stdout, "Gambar tanda tangan %s dihapus.\n", staff.DisplayName())
						return nil
					})
				}
				img, err := os.ReadFile(args[0])
				if err != nil {
					return fmt.Errorf("membaca gambar tanda tangan %s: %w", args[0], err)
				}
				if err := service.CheckSignatureImage(img); err != nil {
					return fmt.Errorf("%s: %w", args[0], err)
				}
				return e.withService(func(svc *service.Service) error {
					staff, err := svc.StaffByIdentifier(*nip)
					if err != nil {
						return err
					}
					if err := svc.SetSignatureImage(staff.ID, img); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Gambar tanda tangan %s dipasang: %s (%d KB)\n", staff.DisplayName(), args[0], (len(img)+1023)>>10)
					return nil
				})
			}
		}})
}
