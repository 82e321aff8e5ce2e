package cli

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
	"kinerja/export/pdf"
)

// sheetUsage is the usage line of "export sheet".
const sheetUsage = "--date YYYY-MM-DD [--days N] [--unit UNIT] --out FILE.pdf"

func init() {
	register(command{name: "export sheet", args: sheetUsage,
		summary: "mencetak daftar hadir kosong (satu hari sampai seminggu) untuk hari mesin sidik jari mati",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			date := fs.String("date", "", "hari pertama")
			days := fs.Int("days", 1, fmt.Sprintf("jumlah hari, 1–%d", pdf.SheetMaxDays))
			unit := fs.String("unit", "", "hanya unit ini (nomor atau nama)")
			out := fs.String("out", "", "berkas tujuan .pdf")
			return func(e *env, args []string) error {
				from, err := data.ParseDate(*date)
				switch {
				case len(args) > 0 || err != nil || from.IsZero() || *out == "":
					return usagef("export sheet: pakai %s", sheetUsage)
				case *days < 1 || *days > pdf.SheetMaxDays:
					return usagef("export sheet: --days %d; isi 1 sampai %d", *days, pdf.SheetMaxDays)
				case !strings.EqualFold(filepath.Ext(*out), ".pdf"):
					return usagef("export sheet: --out %s harus berkas .pdf", *out)
				}
				return e.withService(func(svc *service.Service) error {
					return exportSheet(e, svc, from, from.AddDays(*days-1), *unit, *out)
				})
			}
		}})
}

// exportSheet writes the daftar hadir of from through to (one unit when unit
// names one) to out atomically.
func exportSheet(e *env, svc *service.Service, from, to data.Date, unit, out string) error {
	var unitID uint64
	if strings.TrimSpace(unit) != "" {
		id, err := svc.ResolveUnit(unit)
		if err != nil {
			return err
		}
		unitID = id
	}
	b, err := svc.AttendanceSheet(from, to, unitID)
	if err != nil {
		return err
	}
	if err := export.WriteFileAtomic(out, func(w io.Writer) error { _, err := w.Write(b); return err }); err != nil {
		return fmt.Errorf("menyimpan daftar hadir ke %s: %w", out, err)
	}
	fmt.Fprintln(e.stdout, "Tersimpan:", out)
	return nil
}
