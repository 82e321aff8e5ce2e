package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

func init() {
	register(command{name: "import attendance", args: "FILE [--map PIN=NIP ...] [--dry-run] [--overwrite]",
		summary: "mengimpor log mesin sidik jari (1_attlog.dat) atau ekspor CSV/XLSX",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			pins := pinMap{}
			fs.Var(pins, "map", "PIN=NIP: petakan PIN mesin ke pegawai (diingat)")
			dry := fs.Bool("dry-run", false, "hanya tampilkan apa yang akan berubah")
			overwrite := fs.Bool("overwrite", false, "timpa isian yang dibuat manual")
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("import attendance: sebutkan satu FILE")
				}
				return e.withService(func(svc *service.Service) error { return importAttendance(e, svc, args[0], pins, *dry, *overwrite) })
			}
		}})
	register(command{name: "calendar add", args: "--date YYYY-MM-DD --name NAMA [--kind lokal|libur|cuti_bersama]",
		summary: "menambah hari libur (bawaan: libur lokal)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			date := fs.String("date", "", "tanggal")
			name := fs.String("name", "", "nama hari libur")
			kind := fs.String("kind", string(data.HolidayLocal), "lokal, libur atau cuti_bersama")
			return func(e *env, args []string) error {
				d, err := data.ParseDate(*date)
				k, ok := data.ParseHolidayKind(*kind)
				if len(args) > 0 || err != nil || d.IsZero() || !ok || strings.TrimSpace(*name) == "" {
					return usagef("calendar add: pakai --date YYYY-MM-DD --name NAMA [--kind lokal|libur|cuti_bersama]")
				}
				return e.withService(func(svc *service.Service) error {
					if _, err := svc.Calendar(); err != nil {
						return err
					}
					if err := svc.SaveHoliday(data.Holiday{Date: d, Kind: k, Name: *name}); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Hari libur disimpan: %s, %s (%s)\n", d.Long(), strings.TrimSpace(*name), k.Label())
					return nil
				})
			}
		}})
	register(command{name: "calendar list", args: "--year YYYY [--format text|csv|json]", summary: "daftar hari libur setahun",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			year := fs.Int("year", data.Today().Year(), "tahun")
			format := fs.String("format", "text", "text, csv atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 || !validFormat(*format) {
					return usagef("calendar list: pakai --year YYYY [--format text|csv|json]")
				}
				return e.withService(func(svc *service.Service) error { return listCalendar(e, svc, *year, *format) })
			}
		}})
	register(command{name: "calendar import", args: "FILE", summary: "mengimpor daftar hari libur (CSV: date,kind,name)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("calendar import: sebutkan satu FILE .csv")
				}
				return e.withService(func(svc *service.Service) error { return importCalendar(e, svc, args[0]) })
			}
		}})
	register(command{name: "attendance set", args: "--date YYYY-MM-DD --nip NIP --code KODE [--in HH:MM] [--out HH:MM] [--note] [--letter]",
		summary: "mengisi kehadiran satu pegawai pada satu hari",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			date := fs.String("date", "", "tanggal")
			nip := fs.String("nip", "", "NIP atau NIK")
			var in service.DayInput
			fs.StringVar(&in.Code, "code", "", "kode kehadiran (H, TL, PSW, DL, S, I, CT, TK, ...)")
			fs.StringVar(&in.In, "in", "", "jam datang")
			fs.StringVar(&in.Out, "out", "", "jam pulang")
			fs.StringVar(&in.Note, "note", "", "keterangan")
			fs.StringVar(&in.Letter, "letter", "", "nomor surat (SPT untuk DL, surat cuti)")
			fs.StringVar(&in.GrantedBy, "granted-by", "", "pejabat pemberi cuti")
			return func(e *env, args []string) error {
				d, err := data.ParseDate(*date)
				if len(args) > 0 || err != nil || d.IsZero() || *nip == "" || (in.Code == "" && in.In == "" && in.Out == "") {
					return usagef("attendance set: pakai --date YYYY-MM-DD --nip NIP --code KODE [--in HH:MM] [--out HH:MM]")
				}
				return e.withService(func(svc *service.Service) error { return setAttendance(e, svc, d, *nip, in) })
			}
		}})
	register(command{name: "attendance recap", args: "--month YYYY-MM [--format text|csv|json]", summary: "rekap kehadiran dan potongan TPP sebulan",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			month := fs.String("month", "", "bulan")
			format := fs.String("format", "text", "text, csv atau json")
			return func(e *env, args []string) error {
				y, m, err := service.ParseMonth(*month)
				if len(args) > 0 || err != nil || !validFormat(*format) {
					return usagef("attendance recap: pakai --month YYYY-MM [--format text|csv|json]")
				}
				return e.withService(func(svc *service.Service) error { return printRecap(e, svc, y, m, *format) })
			}
		}})
	register(command{name: "discipline", args: "--year YYYY [--format text|csv|json]", summary: "hitungan PP 94/2021 (TK dan keterlambatan) setahun",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			year := fs.Int("year", data.Today().Year(), "tahun")
			format := fs.String("format", "text", "text, csv atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 || !validFormat(*format) {
					return usagef("discipline: pakai --year YYYY [--format text|csv|json]")
				}
				return e.withService(func(svc *service.Service) error { return printDiscipline(e, svc, *year, *format) })
			}
		}})
	register(command{name: "export attendance", args: "--month YYYY-MM --out DIR [--format pdf|xlsx] [--sign --nip NIP]", summary: "mengekspor rekap kehadiran dan rekap potongan TPP",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			month := fs.String("month", "", "bulan")
			out := fs.String("out", "", "folder tujuan")
			format := fs.String("format", service.FormatPDF, "pdf atau xlsx")
			signIt := fs.Bool("sign", false, "tandatangani rekap PDF dengan penanda tangan pegawai --nip (penyusun rekap)")
			nip := fs.String("nip", "", "NIP penyusun rekap yang menandatangani")
			return func(e *env, args []string) error {
				y, m, err := service.ParseMonth(*month)
				if len(args) > 0 || err != nil || *out == "" || (*format != service.FormatPDF && *format != service.FormatXLSX) ||
					*signIt != (*nip != "") || (*signIt && *format != service.FormatPDF) {
					return usagef("export attendance: pakai --month YYYY-MM --out DIR [--format pdf|xlsx] [--sign --nip NIP] (tanda tangan hanya untuk pdf)")
				}
				return e.withService(func(svc *service.Service) error {
					paths, err := exportAttendance(e, svc, y, m, *out, *format, *nip)
					if err != nil {
						return err
					}
					for _, p := range paths {
						fmt.Fprintln(e.stdout, "Tersimpan:", p)
					}
					return nil
				})
			}
		}})
}

// exportAttendance writes a month's recap; with a preparer's NIP the PDFs are
// signed with that person's signer, the passphrase from KINERJA_PASSPHRASE
// or the terminal.
func exportAttendance(e *env, svc *service.Service, year int, month time.Month, out, format, nip string) ([]string, error) {
	if nip == "" {
		return svc.ExportAttendance(year, month, out, format, data.Today())
	}
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return nil, err
	}
	pass, err := secret(e, "Frasa sandi "+s.DisplayName(), envPassphrase)
	if err != nil {
		return nil, err
	}
	return svc.ExportAttendanceSigned(year, month, out, data.Today(), s.ID, pass)
}

func validFormat(f string) bool { return f == "text" || f == "csv" || f == "json" }

// pinMap collects repeated --map PIN=NIP flags.
type pinMap map[string]string

func (p pinMap) String() string { return fmt.Sprint(map[string]string(p)) }

func (p pinMap) Set(v string) error {
	pin, nip, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(pin) == "" || strings.TrimSpace(nip) == "" {
		return fmt.Errorf("--map %q: tulis PIN=NIP", v)
	}
	p[strings.TrimSpace(pin)] = strings.TrimSpace(nip)
	return nil
}

func importAttendance(e *env, svc *service.Service, path string, pins pinMap, dry, overwrite bool) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	var plan service.ImportPlan
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".xlsx":
		table, err := export.ReadTable(filepath.Base(path), f)
		if err != nil {
			return fmt.Errorf("membaca %s: %w", path, err)
		}
		cols := service.GuessPunchColumns(table.Header)
		if err := cols.Check(len(table.Header)); err != nil {
			return fmt.Errorf("%s: %w (judul kolom: %s)", path, err, strings.Join(table.Header, ", "))
		}
		plan, err = svc.PlanPunchTable(table, cols, pins, overwrite)
		if err != nil {
			return err
		}
	default:
		plan, err = svc.PlanAttlogImport(f, pins, overwrite)
		if err != nil {
			return err
		}
	}
	printPlan(e.stdout, plan)
	if plan.Punches == 0 && len(plan.BadLines) > 0 {
		return fmt.Errorf("%s: tidak ada baris yang terbaca", path)
	}
	if dry {
		fmt.Fprintln(e.stdout, "Uji coba (--dry-run): tidak ada yang disimpan.")
		return nil
	}
	n, err := svc.ApplyImport(plan)
	if err != nil {
		return fmt.Errorf("menyimpan impor: %w", err)
	}
	fmt.Fprintf(e.stdout, "Tersimpan: %d hari.\n", n)
	return nil
}

// printPlan prints an import plan for people: the counts, then the days
// kept or not saved, the unknown PINs and the unreadable lines.
func printPlan(w io.Writer, p service.ImportPlan) {
	fmt.Fprintf(w, "Ditambahkan: %d hari\n", p.Count(data.MergeAdded))
	fmt.Fprintf(w, "Diubah: %d hari\n", p.Count(data.MergeChanged))
	skip := "Dilewati (diisi manual, dipertahankan; pakai --overwrite untuk menimpa)"
	fmt.Fprintf(w, "%s: %d hari\n", skip, p.Count(data.MergeKeptHand))
	fmt.Fprintf(w, "Tidak berubah: %d hari\n", p.Count(data.MergeUnchanged))
	fmt.Fprintf(w, "Di luar hari kerja (tidak disimpan): %d hari\n", p.Count(data.MergeNonWorking))
	for _, d := range p.Days {
		switch d.Result.Outcome {
		case data.MergeKeptHand:
			fmt.Fprintf(w, "  dilewati: %s %s (%s) tetap %s\n", d.Date.Slash(), d.Name, d.NIP, d.Result.Before.Code)
		case data.MergeNonWorking:
			fmt.Fprintf(w, "  bukan hari kerja: %s %s %s %s–%s\n", data.DayNames[d.Date.Weekday()], d.Date.Slash(), d.Name, d.Punches.First, d.Punches.Last)
		}
	}
	for _, u := range p.Unknown {
		fmt.Fprintf(w, "PIN tidak dikenal: %s (%d pindaian, %s–%s); petakan dengan --map %s=NIP\n", u.PIN, u.Punches, u.First.Slash(), u.Last.Slash(), u.PIN)
	}
	for _, b := range p.BadLines {
		fmt.Fprintf(w, "Baris tidak terbaca: baris %d: %s (%q)\n", b.Line, b.Message, b.Text)
	}
}

func listCalendar(e *env, svc *service.Service, year int, format string) error {
	if _, err := svc.Calendar(); err != nil {
		return err
	}
	all, err := svc.Holidays()
	if err != nil {
		return err
	}
	var hs []data.Holiday
	for _, h := range all {
		if h.Date.Year() == year {
			hs = append(hs, h)
		}
	}
	switch format {
	case "json":
		return writeJSON(e.stdout, hs)
	case "csv":
		return data.WriteHolidaysCSV(e.stdout, hs)
	}
	rows := make([][]string, len(hs))
	for i, h := range hs {
		rows[i] = []string{data.DayNames[h.Date.Weekday()] + ", " + h.Date.Long(), h.Kind.Label(), h.Name}
	}
	return writeTable(e.stdout, []string{"Tanggal", "Jenis", "Nama"}, rows)
}

func importCalendar(e *env, svc *service.Service, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	hs, err := data.ParseHolidaysCSV(f)
	var bad data.LineErrors
	if errors.As(err, &bad) {
		for _, b := range bad {
			fmt.Fprintf(e.stderr, "%s: %s\n", path, b.Error())
		}
		return fmt.Errorf("%d baris bermasalah; tidak ada yang disimpan", len(bad))
	}
	if err != nil {
		return err
	}
	n, err := svc.ImportHolidays(hs)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%d hari libur dibaca, %d disimpan atau diubah\n", len(hs), n)
	return nil
}

func setAttendance(e *env, svc *service.Service, d data.Date, nip string, in service.DayInput) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	in.StaffID = s.ID
	if err := svc.SaveDay(d, []service.DayInput{in}); err != nil {
		return err
	}
	rows, err := svc.DayGrid(d, 0)
	if err != nil {
		return err
	}
	settings, err := svc.AttendanceSettings()
	if err != nil {
		return err
	}
	for _, r := range rows {
		if r.StaffID != s.ID {
			continue
		}
		if !r.Entered {
			fmt.Fprintf(e.stdout, "%s, %s: isian dihapus (belum diisi)\n", r.Name, d.Long())
			return nil
		}
		fmt.Fprintf(e.stdout, "%s, %s: %s%s\n", r.Name, d.Long(), settings.Codes.CodeLabel(r.Entry.Code), minutesNote(r.Entry))
		for _, w := range data.CheckEntry(r.Entry, settings.Codes, s.Kind).Warnings {
			fmt.Fprintln(e.stderr, "peringatan:", w.Message)
		}
	}
	return nil
}

func minutesNote(e data.DayEntry) string {
	var parts []string
	if e.LateMinutes > 0 {
		parts = append(parts, fmt.Sprintf("terlambat %d menit", e.LateMinutes))
	}
	if e.EarlyMinutes > 0 {
		parts = append(parts, fmt.Sprintf("pulang %d menit lebih awal", e.EarlyMinutes))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// recapJSON is one line of "attendance recap --format json".
type recapJSON struct {
	NIP  string `json:"nip"`
	Name string `json:"name"`
	Unit string `json:"unit"`
	data.RecapRow
	TPPCut float64 `json:"tpp_cut_percent"`
}

func printRecap(e *env, svc *service.Service, year int, month time.Month, format string) error {
	rec, err := svc.MonthRecap(year, month, 0)
	if err != nil {
		return err
	}
	lines := make([]recapJSON, len(rec.Lines))
	for i, l := range rec.Lines {
		lines[i] = recapJSON{NIP: l.NIP, Name: l.Name, Unit: l.Unit, RecapRow: l.Recap}
		if l.TPPCut != nil { // nil for staff who receive no TPP
			lines[i].TPPCut = *l.TPPCut
		}
	}
	if format == "json" {
		return writeJSON(e.stdout, lines)
	}
	header := []string{"NIP/NIK", "Nama", "Unit", "Hari kerja", "Hadir", "Hadir %", "H", "TL", "TL menit", "PSW", "PSW menit",
		"DL", "S", "I", "Cuti", "TK", "Belum diisi", "Potongan TPP %"}
	rows := make([][]string, 0, len(lines)+1)
	row := func(nip, name, unit string, r data.RecapRow, cut string) []string {
		n := strconv.Itoa
		return []string{nip, name, unit, n(r.WorkingDays), n(r.Present), strconv.FormatFloat(r.PresentPercent, 'f', 1, 64), n(r.H),
			n(r.LateCount), n(r.LateMinutes), n(r.EarlyCount), n(r.EarlyMinutes), n(r.DL), n(r.S), n(r.I), n(r.Leave), n(r.TK), n(r.NotEntered), cut}
	}
	for _, l := range lines {
		rows = append(rows, row(l.NIP, l.Name, l.Unit, l.RecapRow, strconv.FormatFloat(l.TPPCut, 'f', 2, 64)))
	}
	if format == "csv" {
		return writeCSV(e.stdout, header, rows)
	}
	rows = append(rows, row("", "Jumlah kantor", "", rec.Office, ""))
	fmt.Fprintf(e.stdout, "Rekap kehadiran %s %d\n\n", data.MonthNames[month-1], year)
	return writeTable(e.stdout, header, rows)
}

// disciplineJSON is one line of "discipline --format json".
type disciplineJSON struct {
	NIP  string    `json:"nip"`
	Name string    `json:"name"`
	Kind data.Kind `json:"kind"`
	Unit string    `json:"unit"`
	data.DisciplineResult
}

func printDiscipline(e *env, svc *service.Service, year int, format string) error {
	lines, err := svc.DisciplineYear(year)
	if err != nil {
		return err
	}
	out := make([]disciplineJSON, len(lines))
	for i, l := range lines {
		out[i] = disciplineJSON{NIP: l.NIP, Name: l.Name, Kind: l.Kind, Unit: l.Unit, DisciplineResult: l.Result}
	}
	if format == "json" {
		return writeJSON(e.stdout, out)
	}
	header := []string{"NIP/NIK", "Nama", "Jenis", "TK", "Terlambat+pulang cepat (menit)", "Hari dari keterlambatan", "Jumlah hari", "TK berturut-turut", "Potensi"}
	rows := make([][]string, len(out))
	for i, l := range out {
		n := strconv.Itoa
		level := l.Potential
		if l.CountsOnly {
			level = "hanya hitungan (Non-ASN)"
		} else if level == "" {
			level = "-"
		}
		rows[i] = []string{l.NIP, l.Name, string(l.Kind), n(l.AbsentDays), n(l.LateMinutes), n(l.LateDays), n(l.TotalDays), n(l.LongestRun), level}
	}
	if format == "csv" {
		return writeCSV(e.stdout, header, rows)
	}
	fmt.Fprintf(e.stdout, "Hitungan disiplin PP 94/2021 tahun %d (potensi, bukan keputusan)\n\n", year)
	return writeTable(e.stdout, header, rows)
}
