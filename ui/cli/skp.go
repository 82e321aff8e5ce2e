package cli

import (
	"flag"
	"fmt"
	"io"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

func init() {
	register(command{name: "export skp", args: "--nip NIP [--year YYYY] --out FILE.pdf",
		summary: "mengekspor dokumen SKP seorang pegawai beserta Lampirannya (.pdf)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			nip := fs.String("nip", "", "NIP pegawai")
			year := fs.Int("year", data.Today().Year(), "tahun SKP")
			out := fs.String("out", "", "berkas tujuan .pdf")
			return func(e *env, args []string) error {
				if len(args) > 0 || *nip == "" || *out == "" || *year < 1900 || *year > 9999 {
					return usagef("export skp: pakai --nip NIP [--year YYYY] --out FILE.pdf")
				}
				return e.withService(func(svc *service.Service) error { return exportSKP(e, svc, *nip, *year, *out) })
			}
		}})
}

// exportSKP writes the SKP document of the staff member with nip for year to
// out, under a temporary name first so no half-written file is left.
func exportSKP(e *env, svc *service.Service, nip string, year int, out string) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	k, err := svc.SKPForYear(s.ID, year)
	if err != nil {
		return fmt.Errorf("%s: %w", s.DisplayName(), err)
	}
	content, err := svc.RenderSKP(s.ID, k.ID)
	if err != nil {
		return err
	}
	if err := export.WriteFileAtomic(out, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	}); err != nil {
		return fmt.Errorf("menulis %s: %w", out, err)
	}
	fmt.Fprintf(e.stdout, "Ditulis: %s\n", out)
	return nil
}
