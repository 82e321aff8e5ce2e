package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
)

// attendanceSet is "kinerja attendance set": one person's entry for one day.
func attendanceSet(c *call) error {
	date := c.flags.String("date", "", "tanggal")
	nip := c.flags.String("nip", "", "NIP atau NIK")
	var in service.DayInput
	c.flags.StringVar(&in.Code, "code", "", "kode kehadiran (H, TL, PSW, DL, S, I, CT, TK, ...)")
	c.flags.StringVar(&in.In, "in", "", "jam datang")
	c.flags.StringVar(&in.Out, "out", "", "jam pulang")
	c.flags.StringVar(&in.Note, "note", "", "keterangan")
	c.flags.StringVar(&in.Letter, "letter", "", "nomor surat (SPT untuk DL, surat cuti)")
	c.flags.StringVar(&in.GrantedBy, "granted-by", "", "pejabat pemberi cuti")
	if err := c.parse(); err != nil {
		return err
	}
	d, err := data.ParseDate(*date)
	if len(c.args) > 0 || err != nil || d.IsZero() || *nip == "" || (in.Code == "" && in.In == "" && in.Out == "") {
		return usagef("attendance set: pakai --date YYYY-MM-DD --nip NIP --code KODE [--in HH:MM] [--out HH:MM]")
	}
	return c.withService(func(svc *service.Service) error { return setAttendance(c, svc, d, *nip, in) })
}

func setAttendance(c *call, svc *service.Service, d data.Date, nip string, in service.DayInput) error {
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
			fmt.Fprintf(c.stdout, "%s, %s: isian dihapus (belum diisi)\n", r.Name, d.Long())
			return nil
		}
		fmt.Fprintf(c.stdout, "%s, %s: %s%s\n", r.Name, d.Long(), settings.Codes.CodeLabel(r.Entry.Code), minutesNote(r.Entry))
		for _, w := range data.CheckEntry(r.Entry, settings.Codes, s.Kind).Warnings {
			fmt.Fprintln(c.stderr, "peringatan:", w.Message)
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
	Kind string `json:"kind"`
	data.RecapRow
	TPPCut *float64 `json:"tpp_cut_percent"` // null for staff who receive no TPP
}

// attendanceRecap is "kinerja attendance recap": a month's recap and TPP cuts.
func attendanceRecap(c *call) error {
	month := c.flags.String("month", "", "bulan")
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	year, m, err := service.ParseMonth(*month)
	if len(c.args) > 0 || err != nil {
		return usagef("attendance recap: pakai --month YYYY-MM [--format text|csv|json]")
	}
	return c.withService(func(svc *service.Service) error {
		rec, err := svc.MonthRecap(year, m, 0)
		if err != nil {
			return err
		}
		lines := make([]recapJSON, len(rec.Lines))
		for i, l := range rec.Lines {
			lines[i] = recapJSON{NIP: l.NIP, Name: l.Name, Unit: l.Unit, Kind: string(l.Kind), RecapRow: l.Recap, TPPCut: l.TPPCut}
		}
		header := []string{"NIP/NIK", "Nama", "Unit", "Hari kerja", "Hadir", "Hadir %", "H", "TL", "TL menit", "PSW", "PSW menit",
			"DL", "S", "I", "Cuti", "TK", "Belum diisi", "Potongan TPP %"}
		row := func(nip, name, unit string, r data.RecapRow, cut string) []string {
			n := strconv.Itoa
			return []string{nip, name, unit, n(r.WorkingDays), n(r.Present), strconv.FormatFloat(r.PresentPercent, 'f', 1, 64), n(r.H),
				n(r.LateCount), n(r.LateMinutes), n(r.EarlyCount), n(r.EarlyMinutes), n(r.DL), n(r.S), n(r.I), n(r.Leave), n(r.TK), n(r.NotEntered), cut}
		}
		rows := make([][]string, 0, len(lines)+1)
		for _, l := range lines {
			cut := "—"
			if l.TPPCut != nil {
				cut = strconv.FormatFloat(*l.TPPCut, 'f', 2, 64)
			}
			rows = append(rows, row(l.NIP, l.Name, l.Unit, l.RecapRow, cut))
		}
		return c.print(listing{json: lines, header: header, rows: rows, text: func(w io.Writer) error {
			fmt.Fprintf(w, "Rekap kehadiran %s %d\n\n", data.MonthNames[m-1], year)
			return writeTable(w, header, append(rows, row("", "Jumlah kantor", "", rec.Office, "")))
		}})
	})
}
