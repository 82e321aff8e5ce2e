package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

func init() {
	register(command{name: "staff list", args: "[--format text|csv|json]", summary: "daftar pegawai (aktif dan yang sudah keluar)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text, csv atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("staff list: argumen %q tidak dikenal", args[0])
				}
				return e.withService(func(svc *service.Service) error { return listStaff(e, svc, *format) })
			}
		}})
	register(command{name: "import staff", args: "FILE [--skip-invalid]", summary: "mengimpor pegawai dari CSV atau XLSX",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			skip := fs.Bool("skip-invalid", false, "simpan baris yang sah, lewati yang salah")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("import staff: sebutkan satu FILE (.csv atau .xlsx)")
				}
				return e.withService(func(svc *service.Service) error { return importStaff(e, svc, args[0], *skip) })
			}
		}})
	register(command{name: "export staff", args: "--out FILE", summary: "mengekspor daftar pegawai ke .xlsx atau .csv",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			out := fs.String("out", "", "file tujuan (.xlsx atau .csv)")
			return func(e *env, args []string) error {
				ext := strings.ToLower(filepath.Ext(*out))
				if len(args) > 0 || (ext != ".xlsx" && ext != ".csv") {
					return usagef("export staff: pakai --out FILE.xlsx atau --out FILE.csv")
				}
				return e.withService(func(svc *service.Service) error { return exportStaff(e, svc, *out) })
			}
		}})
}

// staffJSON is one staff member as "staff list --format json" prints it.
type staffJSON struct {
	ID       uint64 `json:"id"`
	NIP      string `json:"nip"`
	NIK      string `json:"nik"`
	Name     string `json:"name"`
	FullName string `json:"full_name"`
	Kind     string `json:"kind"`
	Rank     string `json:"rank"`
	Position string `json:"position"`
	Unit     string `json:"unit"`
	Status   string `json:"status"`
}

func staffView(s data.Staff, units []data.Unit) staffJSON {
	cur := s.Current()
	status := "active"
	if !cur.Active {
		status = "left"
	}
	return staffJSON{ID: s.ID, NIP: s.NIP, NIK: s.NIK, Name: s.Name, FullName: s.DisplayName(), Kind: string(s.Kind),
		Rank: cur.Rank, Position: cur.Position, Unit: data.UnitName(units, cur.UnitID), Status: status}
}

func listStaff(e *env, svc *service.Service, format string) error {
	staff, err := svc.AllStaff()
	if err != nil {
		return err
	}
	units, err := svc.Units()
	if err != nil {
		return err
	}
	views := make([]staffJSON, 0, len(staff))
	for _, s := range staff {
		views = append(views, staffView(s, units))
	}
	header := []string{"NIP/NIK", "Nama", "Jenis", "Gol.", "Jabatan", "Unit kerja", "Status"}
	rows := make([][]string, 0, len(views))
	for _, v := range views {
		status := "Aktif"
		if v.Status == "left" {
			status = "Tidak aktif"
		}
		id := v.NIP
		if id == "" {
			id = v.NIK
		}
		rows = append(rows, []string{id, v.FullName, v.Kind, v.Rank, v.Position, v.Unit, status})
	}
	switch format {
	case "json":
		return writeJSON(e.stdout, views)
	case "csv":
		return writeCSV(e.stdout, header, rows)
	case "text":
		return writeTable(e.stdout, header, rows)
	}
	return usagef("staff list: --format harus text, csv atau json")
}

func importStaff(e *env, svc *service.Service, path string, skipInvalid bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	table, err := export.ReadTable(filepath.Base(path), f)
	if err != nil {
		return fmt.Errorf("membaca %s: %w", path, err)
	}
	mapping := data.GuessMapping(table.Header)
	if err := data.ValidateMapping(mapping); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	existing, err := svc.AllStaff()
	if err != nil {
		return err
	}
	units, err := svc.Units()
	if err != nil {
		return err
	}
	res := data.ParseStaffImport(table, mapping, units, existing, data.Today())
	for _, p := range res.Rejected {
		fmt.Fprintf(e.stderr, "baris %d: %s\n", p.Line, p.Reason)
	}
	if len(res.Rejected) > 0 && !skipInvalid {
		return fmt.Errorf("%d baris bermasalah; tidak ada yang disimpan (perbaiki barisnya, atau pakai --skip-invalid untuk menyimpan baris yang sah)", len(res.Rejected))
	}
	if len(res.Accepted) > 0 {
		if _, err := svc.AddStaff(res.Accepted); err != nil {
			return fmt.Errorf("menyimpan pegawai: %w", err)
		}
	}
	fmt.Fprintf(e.stdout, "%d pegawai disimpan, %d baris dilewati\n", len(res.Accepted), len(res.Rejected))
	return nil
}

func exportStaff(e *env, svc *service.Service, out string) error {
	n, err := svc.ExportStaff(out)
	if err != nil {
		return fmt.Errorf("mengekspor ke %s: %w", out, err)
	}
	fmt.Fprintf(e.stdout, "%d pegawai diekspor ke %s\n", n, out)
	return nil
}
