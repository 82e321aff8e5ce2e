package service

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/export/pdf"
)

// ramadanWeek types the Ramadan hours (08.00–15.00, Friday 15.30) for the
// week of 23–27 February 2026 by hand, with the times written as people type them.
func ramadanWeek(t *testing.T, svc *Service, staffID uint64) {
	t.Helper()
	for d := day(time.February, 23); !d.After(day(time.February, 27)); d = d.AddDays(1) {
		out := "1500"
		if d.Weekday() == time.Friday {
			out = "15.30"
		}
		if err := svc.SaveDay(d, []DayInput{{StaffID: staffID, In: "0800", Out: out}}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRamadanWeekBeforeAndAfterTheRangeIsSet(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPNS, 5))
	if _, err := svc.Calendar(); err != nil { // seeds the shipped holidays and Ramadan ranges
		t.Fatal(err)
	}
	set, err := svc.AttendanceSettings()
	if err != nil || len(set.RamadanPeriods) == 0 {
		t.Fatalf("shipped Ramadan ranges not seeded: %+v, %v", set.RamadanPeriods, err)
	}
	shipped := set.RamadanPeriods
	set.RamadanPeriods = nil // the admin removes them: the seeding does not put them back
	if err := svc.SetAttendanceSettings(set); err != nil {
		t.Fatal(err)
	}
	ramadanWeek(t, svc, staff[0].ID) // entered BEFORE the range is set
	rec, err := svc.MonthRecap(2026, time.February, 0)
	if err != nil {
		t.Fatal(err)
	}
	before := rec.Lines[0].Recap
	if before.LateCount != 5 || before.LateMinutes != 150 || before.EarlyCount != 5 || before.EarlyMinutes != 5*60 {
		t.Fatalf("without the range = %+v", before)
	}
	set.RamadanPeriods = shipped
	effect, err := svc.SettingsChangeEffect(set)
	if err != nil {
		t.Fatal(err)
	}
	if len(effect.Months) != 1 || effect.Months[0].Month != time.February || effect.Days != 5 || !strings.Contains(effect.Summary(), "5 hari-orang") {
		t.Errorf("preview = %+v %q", effect, effect.Summary())
	}
	if err := svc.SetAttendanceSettings(set); err != nil {
		t.Fatal(err)
	}
	ramadanWeek(t, svc, staff[1].ID) // entered AFTER the range is set
	rec, err = svc.MonthRecap(2026, time.February, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range rec.Lines {
		r := l.Recap
		if r.H != 5 || r.LateCount != 0 || r.EarlyCount != 0 || r.Present != 5 || l.TPP.Percent != 0 {
			t.Errorf("%s with the range = %+v", l.Name, r)
		}
	}
	if again, _ := svc.SettingsChangeEffect(set); again.Days != 0 {
		t.Errorf("no change still previews %+v", again)
	}
}

func TestPiketOnCutiBersama(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	id := staff[0].ID
	xmas := day(time.December, 24) // cuti bersama 2026
	for i := 0; i < 2; i++ {       // entered twice: counted once
		if err := svc.SaveDay(xmas, []DayInput{{StaffID: id, Code: "H", In: "08.15", Out: "12:00"}}); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := svc.MonthRecap(2026, time.December, 0)
	if err != nil {
		t.Fatal(err)
	}
	r := rec.Lines[0].Recap
	if r.Piket != 1 || r.Present != 0 || r.H != 0 || r.TK != 0 || r.WorkingDays != 21 || r.LateCount != 0 {
		t.Errorf("December recap = %+v", r)
	}
	raw, _ := json.Marshal(r)
	if !strings.Contains(string(raw), `"piket":1`) {
		t.Errorf("JSON lacks piket: %s", raw)
	}
	bal, err := svc.LeaveStatus(id, 2026)
	if err != nil || bal.Piket != 1 || bal.Available != bal.Entitlement+bal.Carried+bal.OpeningDays+1 {
		t.Errorf("balance = %+v, %v", bal, err)
	}
	lines, err := svc.LeaveBalances(2026, RecapFilter{})
	if err != nil || len(lines) != 1 || lines[0].Piket != 1 || lines[0].Remaining != bal.Remaining {
		t.Errorf("balances = %+v, %v", lines, err)
	}
	// Only presence may be entered on a day off.
	if err := svc.SaveDay(xmas, []DayInput{{StaffID: id, Code: "S"}}); !errors.Is(err, ErrNotWorkingDay) {
		t.Errorf("S on cuti bersama: %v", err)
	}
}

// piketLog holds a fingerprint log of 24 December 2026 (cuti bersama).
const piketLog = "1\t2026-12-24 08:00:00\t1\t0\n1\t2026-12-24 12:00:00\t1\t1\n"

func TestImportPiketOnlyWhenChosen(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	if err := svc.MapPins(map[string]uint64{"1": staff[0].ID}); err != nil {
		t.Fatal(err)
	}
	opt := ImportOptions{To: day(time.December, 31)}
	plan, err := svc.PlanAttlogImportWith(strings.NewReader(piketLog), nil, opt)
	if err != nil {
		t.Fatal(err)
	}
	if p := plan.PiketDays(); len(p) != 1 || p[0].Result.Planned == nil || plan.Changes() {
		t.Fatalf("piket listed apart = %+v", plan.PiketDays())
	}
	if n, err := svc.ApplyImport(plan); n != 0 || err != nil {
		t.Fatalf("applied piket without choosing it: %d, %v", n, err)
	}
	opt.Piket = true
	plan, _ = svc.PlanAttlogImportWith(strings.NewReader(piketLog), nil, opt)
	if n, err := svc.ApplyImport(plan); n != 1 || err != nil {
		t.Fatalf("piket import = %d, %v", n, err)
	}
	if bal, _ := svc.LeaveStatus(staff[0].ID, 2026); bal.Piket != 1 {
		t.Errorf("piket by machine not added to the balance: %+v", bal)
	}
}

// partialLog: a double tap (07.25 and 07.27) is one punch; a lone 16.20
// punch is a departure; the 2030 line comes from a machine clock set wrong.
const partialLog = "1\t2026-11-02 07:25:10\t1\t0\n" +
	"1\t2026-11-02 07:27:00\t1\t0\n" +
	"1\t2026-11-03 16:20:00\t1\t1\n" +
	"2\t2026-11-02 07:30:00\t1\t0\n" +
	"2\t2026-11-02 16:05:00\t1\t1\n" +
	"2\t2026-12-15 07:30:00\t1\t0\n"

func TestImportPartialAndDoubledPunches(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPNS, 5))
	if err := svc.MapPins(map[string]uint64{"1": staff[0].ID, "2": staff[1].ID}); err != nil {
		t.Fatal(err)
	}
	plan, err := svc.PlanAttlogImportWith(strings.NewReader(partialLog), nil, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Refused) != 1 || !plan.Refused[0].Date.Equal(data.NewDate(2026, time.December, 15)) || plan.To != day(time.November, 28) {
		t.Errorf("refused = %+v (window to %s)", plan.Refused, plan.To)
	}
	if inc := plan.IncompleteDays(); len(inc) != 2 {
		t.Fatalf("incomplete in the preview = %+v", inc)
	}
	if n, err := svc.ApplyImport(plan); n != 3 || err != nil {
		t.Fatalf("apply = %d, %v", n, err)
	}
	m, _ := svc.AttendanceMonth(staff[0].ID, 2026, time.November)
	if e := m.Days[2]; e.Punch != "07:25" || e.In != "" || e.Out != "" {
		t.Errorf("double tap = %+v", e)
	}
	list, err := svc.IncompleteRecords(2026, time.November, 0, false)
	if err != nil || len(list) != 2 || !list[1].Figures.ArrivalMissing || !list[0].Figures.DepartureMissing {
		t.Fatalf("incomplete = %+v, %v", list, err)
	}
	if err := svc.ConfirmIncomplete(staff[0].ID, day(time.November, 2)); err != nil {
		t.Fatal(err)
	}
	if list, _ := svc.IncompleteRecords(2026, time.November, 0, false); len(list) != 1 {
		t.Errorf("after confirming = %+v", list)
	}
	if all, _ := svc.IncompleteRecords(2026, time.November, 0, true); len(all) != 2 || !all[0].Entry.Confirmed {
		t.Errorf("with confirmed = %+v", all)
	}
	if err := svc.ConfirmIncomplete(staff[1].ID, day(time.November, 2)); err == nil {
		t.Error("a complete record was confirmed")
	}
	audit, _ := svc.st.Audit()
	found := false
	for _, a := range audit {
		found = found || strings.Contains(a.Action, "konfirmasi")
	}
	if !found {
		t.Error("the confirmation is not in the audit")
	}
}

func TestNonASNHasNoTPPFigure(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindNonASN, 5))
	setDays(t, svc, staff[1].ID, map[data.Date]data.DayEntry{day(time.November, 2): {Code: data.CodeTK}})
	rec, err := svc.MonthRecapFor(2026, time.November, RecapFilter{})
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(rec.Lines)
	if !strings.Contains(string(raw), `"kind":"Non-ASN"`) || !strings.Contains(string(raw), `"tpp_cut_percent":null`) {
		t.Errorf("JSON = %s", raw)
	}
	if got := rec.TPPLines(); len(got) != 1 || got[0].Kind != data.KindPNS {
		t.Errorf("TPP rekap = %+v", got)
	}
	x := XLSXRecap(rec)
	if x.Lines[1].TPP != nil || x.Lines[1].Kind != "Non-ASN" {
		t.Errorf("XLSX line = %+v", x.Lines[1])
	}
	only, _ := svc.MonthRecapFor(2026, time.November, RecapFilter{Kind: data.KindNonASN})
	if len(only.Lines) != 1 || only.Lines[0].Kind != data.KindNonASN || only.Office.TK != 1 {
		t.Errorf("kind filter = %+v", only)
	}
	disc, _ := svc.DisciplineYearFor(2026, RecapFilter{Kind: data.KindNonASN})
	if len(disc) != 1 || !disc[0].Result.CountsOnly || disc[0].Result.AbsentDays != 1 {
		t.Errorf("discipline by kind = %+v", disc)
	}
}

func TestLeaveRules(t *testing.T) {
	cpns := person(2, data.KindCPNS, 5)
	born := cpns.BirthDate
	cpns.NIP = born.Compact() + "202501" + "1" + "002" // TMT CPNS January 2025
	cpns.History[0].Date = data.NewDate(2025, time.January, 2)
	svc, staff := openService(t, person(1, data.KindPNS, 5), cpns)
	_, err := svc.AddLeave(LeaveRequest{StaffID: staff[1].ID, Code: "CB", From: day(time.November, 2), To: day(time.November, 30)})
	var re *data.RuleError
	if !errors.As(err, &re) || re.Rule != data.RuleCutiBesarService {
		t.Errorf("CPNS cuti besar: %v", err)
	}
	if err := svc.SetLeaveOpening(staff[0].ID, data.LeaveOpening{Year: 2026, Days: 2}); err != nil {
		t.Fatal(err)
	}
	_, err = svc.AddLeave(LeaveRequest{StaffID: staff[0].ID, Code: "CT", From: day(time.November, 2), To: day(time.November, 4)})
	if !errors.As(err, &re) || re.Rule != data.RuleAnnualBalance || !strings.Contains(re.Message, "2 hari") {
		t.Errorf("CT over the balance: %v", err)
	}
	if m, _ := svc.AttendanceMonth(staff[0].ID, 2026, time.November); len(m.Days) != 0 {
		t.Error("a refused leave was saved")
	}
	res, err := svc.AddLeave(LeaveRequest{StaffID: staff[0].ID, Code: "CT", From: day(time.November, 2), To: day(time.November, 3),
		Letter: "800/12/Kec", GrantedBy: "Camat", Reason: "Keperluan keluarga", Address: "Jl. Raya Soreang 5"})
	if err != nil || res.Days != 2 {
		t.Fatalf("CT within the balance = %+v, %v", res, err)
	}
	g, err := svc.LeaveGrant(staff[0].ID, day(time.November, 2))
	if err != nil || g.Reason != "Keperluan keluarga" || g.Address != "Jl. Raya Soreang 5" || g.Letter != "800/12/Kec" || g.Days != 2 {
		t.Errorf("grant = %+v, %v", g, err)
	}
	if bal, _ := svc.LeaveStatus(staff[0].ID, 2026); bal.Remaining != 0 || bal.Taken != 2 {
		t.Errorf("balance after = %+v", bal)
	}
	form, err := svc.LeaveForm(staff[0].ID, day(time.November, 2))
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, form)
	for _, w := range []string{"FORMULIR PERMINTAAN DAN PEMBERIAN CUTI", "Nomor: 800/12/Kec", "Pegawai 01", "1. Cuti Tahunan ✓",
		"Keperluan keluarga", "2 hari kerja", "2 November 2026", "3 November 2026", "N 2026 0", "Jl. Raya Soreang 5",
		"VII. PERTIMBANGAN ATASAN LANGSUNG", "VIII. KEPUTUSAN PEJABAT"} {
		if !strings.Contains(text, w) {
			t.Errorf("leave form lacks %q:\n%s", w, text)
		}
	}
	if _, err := svc.LeaveForm(staff[0].ID, day(time.November, 20)); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("form of a leave never granted: %v", err)
	}
	// Several days of S warn (a doctor's letter: CS), without refusing.
	res, err = svc.AddLeave(LeaveRequest{StaffID: staff[0].ID, Code: "S", From: day(time.November, 9), To: day(time.November, 11)})
	if err != nil || len(res.Warnings) == 0 {
		t.Errorf("S over three days = %+v, %v", res, err)
	}
}

func TestYearWithoutHolidayList(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	l27, err := svc.HolidayListStatus(2027)
	if err != nil || !l27.Present || !l27.Provisional || !strings.Contains(l27.Warning(), "perkiraan") {
		t.Errorf("2027 = %+v %q, %v", l27, l27.Warning(), err)
	}
	w, err := svc.SaveDayWarnings(data.NewDate(2027, time.January, 4), []DayInput{{StaffID: staff[0].ID, Code: "H"}})
	if err != nil || !strings.Contains(strings.Join(w, "\n"), "tahun 2027 masih perkiraan") || !strings.Contains(strings.Join(w, "\n"), "belum terjadi") {
		t.Errorf("2027 entry warnings = %q, %v", w, err)
	}
	// 2028 is past the attendance window while it is still 2026; a year
	// later it is inside it, and no holiday list ships for it.
	opt := testOptions()
	opt.Now = func() time.Time { return time.Date(2027, time.December, 1, 9, 0, 0, 0, time.Local) }
	later, err := Open(filepath.Join(t.TempDir(), "k.db"), opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = later.Close() })
	saved, err := later.AddStaff([]data.Staff{person(1, data.KindPNS, 5)})
	if err != nil {
		t.Fatal(err)
	}
	w, _ = later.SaveDayWarnings(data.NewDate(2028, time.January, 4), []DayInput{{StaffID: saved[0].ID, Code: "H"}})
	if !strings.Contains(strings.Join(w, "\n"), "tahun 2028 belum ada") {
		t.Errorf("2028 entry warnings = %q", w)
	}
	rec, _ := later.MonthRecap(2028, time.January, 0)
	if len(rec.Warnings) != 1 {
		t.Errorf("2028 recap warnings = %q", rec.Warnings)
	}
	// An imported official list ends the estimate.
	if _, err := svc.ImportHolidays([]data.Holiday{{Date: data.NewDate(2027, time.January, 1), Kind: data.HolidayNational, Name: "Tahun Baru 2027 Masehi"}}); err != nil {
		t.Fatal(err)
	}
	if l, _ := svc.HolidayListStatus(2027); l.Provisional || l.Warning() != "" {
		t.Errorf("after import = %+v", l)
	}
}

func TestHolidaysChangeEffect(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	setDays(t, svc, staff[0].ID, map[data.Date]data.DayEntry{day(time.November, 27): {Code: data.CodeTK}})
	local := []data.Holiday{{Date: day(time.November, 27), Kind: data.HolidayLocal, Name: "HUT Kecamatan"}}
	e, err := svc.HolidaysChangeEffect(local)
	if err != nil || e.Days != 1 || e.Months[0].Month != time.November {
		t.Fatalf("effect = %+v, %v", e, err)
	}
	if _, err := svc.ImportHolidays(local); err != nil {
		t.Fatal(err)
	}
	rec, _ := svc.MonthRecap(2026, time.November, 0)
	if r := rec.Lines[0].Recap; r.TK != 0 || r.WorkingDays != 20 {
		t.Errorf("after the day off = %+v", r)
	}
}

func TestRecapPDFCarriesKindLegendAndOneDatedSigner(t *testing.T) {
	svc, staff := sheetOffice(t, 6)
	nonASN, err := svc.AddStaff([]data.Staff{person(40, data.KindNonASN, 5)})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.SaveDay(day(time.November, 2), []DayInput{{StaffID: staff[2].ID, In: "0745", Out: "16:00"}, {StaffID: nonASN[0].ID, Code: "I"}}); err != nil {
		t.Fatal(err)
	}
	rec, err := svc.MonthRecap(2026, time.November, 0)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := svc.PDFRecaps(rec, day(time.November, 30))
	if err != nil {
		t.Fatal(err)
	}
	att, err := pdf.AttendanceRecap(docs[0])
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, att)
	for _, w := range []string{"Jenis", "Non-ASN", "—", "TL — Terlambat", "PSW — Pulang Sebelum Waktunya", "Piket",
		"Keterangan kode: H — Hadir", "TK — Tanpa Keterangan", "pukul 07.30", "Mengetahui,"} {
		if !strings.Contains(text, w) {
			t.Errorf("recap PDF lacks %q", w)
		}
	}
	if n := strings.Count(text, "Soreang, 30 November 2026"); n != 1 {
		t.Errorf("%d dated signature blocks, want only the issuer's", n)
	}
	tpp, err := pdf.AttendanceRecap(docs[1])
	if err != nil {
		t.Fatal(err)
	}
	if text := sheetText(t, tpp); strings.Contains(text, "Pegawai 40") || !strings.Contains(text, "Hanya pegawai penerima TPP") {
		t.Errorf("TPP rekap holds the Non-ASN or lacks the note:\n%s", text)
	}
	if dir := os.Getenv("KINERJA_PDF_KEEP"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "rekap-service.pdf"), att, 0o644)
	}
}
