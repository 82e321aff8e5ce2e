package cli

import (
	"flag"
	"fmt"

	"kinerja/data"
	"kinerja/data/service"
)

func init() {
	register(command{name: "office show", args: "[--format text|json]", summary: "menampilkan identitas kantor",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("office show: tidak menerima argumen")
				}
				return e.withService(func(svc *service.Service) error {
					o, err := svc.Office()
					if err != nil {
						return err
					}
					switch *format {
					case "json":
						return writeJSON(e.stdout, officeJSON(o))
					case "text":
						fmt.Fprintf(e.stdout, "Kecamatan: %s\nKabupaten: %s\nAlamat:    %s\nKota:      %s\n", o.Kecamatan, o.Kabupaten, o.Alamat, o.Kota)
						return nil
					}
					return usagef("office show: --format harus text atau json")
				})
			}
		}})
	register(command{name: "office set", creates: true, args: "[--kecamatan K] [--kabupaten K] [--alamat A] [--kota K]",
		summary: "mengisi atau mengubah identitas kantor",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			set := map[string]*string{}
			for _, f := range []string{"kecamatan", "kabupaten", "alamat", "kota"} {
				set[f] = fs.String(f, "\x00", f)
			}
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("office set: argumen %q tidak dikenal", args[0])
				}
				return e.withService(func(svc *service.Service) error {
					o, err := svc.Office()
					if err != nil {
						return err
					}
					for field, dst := range map[string]*string{"kecamatan": &o.Kecamatan, "kabupaten": &o.Kabupaten, "alamat": &o.Alamat, "kota": &o.Kota} {
						if v := *set[field]; v != "\x00" {
							*dst = v
						}
					}
					if err := svc.SetOffice(o); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Identitas kantor tersimpan: Kecamatan %s, Kabupaten %s\n", o.Kecamatan, o.Kabupaten)
					return nil
				})
			}
		}})
}

func officeJSON(o data.Office) []map[string]string {
	return []map[string]string{{"kecamatan": o.Kecamatan, "kabupaten": o.Kabupaten, "alamat": o.Alamat, "kota": o.Kota}}
}
