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
	warns, err := svc.SaveDayWarnings(d, []service.DayInput{in})
	if err != nil {
		return err
	}
	warn(c, warns...)
	m, err := svc.AttendanceMonth(s.ID, d.Year(), d.Month())
	if err != nil {
		return err
	}
	rules, err := svc.AttendanceRules()
	if err != nil {
		return err
	}
	e, entered := m.Days[d.Day()]
	f := data.DeriveDay(d, e, rules)
	if !entered || f.Code == "" && e.Code == "" {
		fmt.Fprintf(c.stdout, "%s, %s: isian dihapus (belum diisi)\n", s.DisplayName(), d.Long())
		return nil
	}
	label := f.Label
	if label == "" {
		label = rules.Settings.Codes.CodeLabel(e.Code)
	}
	fmt.Fprintf(c.stdout, "%s, %s: %s%s\n", s.DisplayName(), d.Long(), label, figuresNote(f))
	return nil
}

// figuresNote is what a day's derived figures add to its code: piket,
// minutes late or early, a time not recorded.
func figuresNote(f data.DayFigures) string {
	var parts []string
	if f.Piket {
		parts = append(parts, "piket")
	}
	switch {
	case f.ArrivalMissing:
		parts = append(parts, "jam datang tidak tercatat")
	case f.LateMinutes > 0:
		parts = append(parts, fmt.Sprintf("terlambat %d menit", f.LateMinutes))
	}
	switch {
	case f.DepartureMissing:
		parts = append(parts, "jam pulang tidak tercatat")
	case f.EarlyMinutes > 0:
		parts = append(parts, fmt.Sprintf("pulang %d menit lebih awal", f.EarlyMinutes))
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
	kind := c.kindFlag()
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	year, m, err := service.ParseMonth(*month)
	if len(c.args) > 0 || err != nil {
		return usagef("attendance recap: pakai --month YYYY-MM [--kind JENIS] [--format text|csv|json]")
	}
	f, err := c.recapFilter(*kind)
	if err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		rec, err := svc.MonthRecapFor(year, m, f)
		if err != nil {
			return err
		}
		warn(c, rec.Warnings...)
		lines := make([]recapJSON, len(rec.Lines))
		for i, l := range rec.Lines {
			lines[i] = recapJSON{NIP: l.NIP, Name: l.Name, Unit: l.Unit, Kind: string(l.Kind), RecapRow: l.Recap, TPPCut: l.TPPCut}
		}
		label := rec.Codes.CodeLabel
		header := []string{"NIP/NIK", "Nama", "Unit", "Jenis", "Hari kerja", "Hadir", "Hadir %", label(data.CodeH), label(data.CodeTL), "TL menit",
			label(data.CodePSW), "PSW menit", label("DL"), label("S"), label("I"), "Cuti", label("TK"), "Belum diisi", "Belum lengkap", "Piket", "Potongan TPP %"}
		row := func(nip, name, unit, kind string, r data.RecapRow, cut string) []string {
			n := strconv.Itoa
			return []string{nip, name, unit, kind, n(r.WorkingDays), n(r.Present), strconv.FormatFloat(r.PresentPercent, 'f', 1, 64), n(r.H),
				n(r.LateCount), n(r.LateMinutes), n(r.EarlyCount), n(r.EarlyMinutes), n(r.DL), n(r.S), n(r.I), n(r.Leave), n(r.TK), n(r.NotEntered),
				n(r.Incomplete), n(r.Piket), cut}
		}
		rows := make([][]string, 0, len(lines)+1)
		for _, l := range lines {
			cut := "—"
			if l.TPPCut != nil {
				cut = strconv.FormatFloat(*l.TPPCut, 'f', 2, 64)
			}
			rows = append(rows, row(l.NIP, l.Name, l.Unit, l.Kind, l.RecapRow, cut))
		}
		return c.print(listing{json: lines, header: header, rows: rows, text: func(w io.Writer) error {
			fmt.Fprintf(w, "Rekap kehadiran %s %d%s\n\n", data.MonthNames[m-1], year, kindNote(f.Kind))
			return writeTable(w, header, append(rows, row("", "Jumlah kantor", "", "", rec.Office, "")))
		}})
	})
}

// attendanceIncomplete is "kinerja attendance incomplete": the records of a
// month with only an arrival or only a departure, for the admin to complete
// ("attendance set") or let stand ("attendance confirm"); with --all also
// the ones already confirmed.
func attendanceIncomplete(c *call) error {
	month := c.flags.String("month", "", "bulan")
	all := c.flags.Bool("all", false, "juga yang sudah dikonfirmasi")
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	year, m, err := service.ParseMonth(*month)
	if len(c.args) > 0 || err != nil {
		return usagef("attendance incomplete: pakai --month YYYY-MM [--all] [--format text|json]")
	}
	return c.withService(func(svc *service.Service) error {
		lines, err := svc.IncompleteRecords(year, m, 0, *all)
		if err != nil {
			return err
		}
		header := []string{"Tanggal", "NIP/NIK", "Nama", "Unit", "Datang", "Pulang", "Kode", "Dikonfirmasi"}
		rows := make([][]string, len(lines))
		for i, l := range lines {
			confirmed := "belum"
			if l.Figures.Confirmed {
				confirmed = "ya"
			}
			rows[i] = []string{l.Date.Slash(), l.NIP, l.Name, l.Unit, orDash(l.Figures.In), orDash(l.Figures.Out), l.Figures.Label, confirmed}
		}
		return c.print(listing{json: lines, header: header, rows: rows, text: func(w io.Writer) error {
			if len(lines) == 0 {
				fmt.Fprintf(w, "Tidak ada catatan kehadiran yang kurang lengkap pada %s %d.\n", data.MonthNames[m-1], year)
				return nil
			}
			fmt.Fprintf(w, "Catatan kehadiran kurang lengkap %s %d (lengkapi dengan \"attendance set\" atau biarkan dengan \"attendance confirm\")\n\n", data.MonthNames[m-1], year)
			return writeTable(w, header, rows)
		}})
	})
}

// attendanceConfirm is "kinerja attendance confirm": the admin lets an
// incomplete record stand; its figures do not change.
func attendanceConfirm(c *call) error {
	nip := c.flags.String("nip", "", "NIP atau NIK")
	date := c.flags.String("date", "", "tanggal")
	if err := c.parse(); err != nil {
		return err
	}
	d, err := data.ParseDate(*date)
	if len(c.args) > 0 || *nip == "" || err != nil || d.IsZero() {
		return usagef("attendance confirm: pakai --nip NIP --date YYYY-MM-DD")
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		if err := svc.ConfirmIncomplete(s.ID, d); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%s, %s: catatan kurang lengkap dikonfirmasi\n", s.DisplayName(), d.Long())
		return nil
	})
}

// attendancePins is "kinerja attendance pins": the machine PINs remembered
// for staff, or with --remove PIN forgetting one.
func attendancePins(c *call) error {
	remove := c.flags.String("remove", "", "lupakan pemetaan PIN ini")
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("attendance pins: pakai [--remove PIN] [--format text|json]")
	}
	if *remove == "" {
		c.access = reads
	}
	return c.withService(func(svc *service.Service) error {
		if *remove != "" {
			if err := svc.UnmapPin(*remove); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "PIN %s tidak lagi dipetakan\n", *remove)
			return nil
		}
		pins, err := svc.PinMappings()
		if err != nil {
			return err
		}
		rows := make([][]string, len(pins))
		for i, p := range pins {
			rows[i] = []string{p.PIN, p.NIP, p.Name}
		}
		return c.print(listing{json: pins, header: []string{"PIN", "NIP/NIK", "Nama"}, rows: rows})
	})
}

// orDash is s, or "—" when it is empty.
func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
