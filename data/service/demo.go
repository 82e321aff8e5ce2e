package service

import (
	"fmt"
	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/export/pdf"
	"sort"
	"strconv"
	"time"
)

// FillDemo fills an empty data file with the fictional office of demo.New:
// office identity (when not yet set), staff, and the head of each unit, then
// opt.HistoryYears() years of attendance and evaluations, signers and signed
// documents. It refuses a file that already holds staff. Both the "demo"
// command and the GUI's "Muat data demo" call it.
//
// The fill is many transactions (the staff, each year of attendance, each
// year of evaluations, each signed document), so memory stays bounded for a
// large office over several years; it is not atomic by itself. A fill that
// stops half way leaves staff in the file, and a second FillDemo refuses it
// (data.ErrNotEmpty). The "demo" command makes a new file all-or-nothing by
// filling a temporary file beside it and moving it into place at the end.
func (svc *Service) FillDemo(opt demo.Options) (int, error) {
	n, err := svc.st.StaffCount()
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, data.ErrNotEmpty
	}
	office := demo.New(opt)
	if o, err := svc.st.Office(); err != nil {
		return 0, err
	} else if !o.IsSet() {
		if err := svc.st.SetOffice(office.Office); err != nil {
			return 0, fmt.Errorf("identitas kantor demo: %w", err)
		}
	}
	saved, err := svc.AddDemoStaff(office)
	if err != nil {
		return 0, err
	}
	if err := svc.fillDemoAttendance(opt); err != nil {
		return 0, err
	}
	if err := svc.fillDemoEvaluations(opt); err != nil {
		return 0, err
	}
	if err := svc.fillDemoOutside(opt); err != nil {
		return 0, err
	}
	return len(saved), svc.fillDemoSigners()
}

// fillDemoAttendance adds the demo's twelve months of attendance up to
// opt.Today (demo.Attendance) in one transaction, and maps machine PIN
// 1, 2, 3… to the staff in register order so a fingerprint log can be tried.
func (svc *Service) fillDemoAttendance(opt demo.Options) error {
	cal, err := svc.Calendar()
	if err != nil {
		return err
	}
	staff, err := svc.st.AllStaff()
	if err != nil {
		return err
	}
	today := opt.Today
	if today.IsZero() {
		today = data.Today()
	}
	// Older years first, one transaction each, so one year is in memory at a time.
	recent := demo.AttendanceFrom(today)
	for k := opt.HistoryYears() - 1; k >= 1; k-- {
		from := recent.AddYears(-k)
		months := demo.AttendanceBetween(staff, cal, from, from.AddYears(1).AddDays(-1), opt.Seed)
		if err := svc.st.SaveAttendance(months); err != nil {
			return fmt.Errorf("menyimpan kehadiran demo %d: %w", from.Year(), err)
		}
	}
	months := demo.Attendance(staff, cal, today, opt.Seed)
	if err := svc.st.SaveAttendance(months); err != nil {
		return fmt.Errorf("menyimpan kehadiran demo: %w", err)
	}
	pins := make(map[string]uint64, len(staff))
	for i, s := range staff {
		pins[strconv.Itoa(i+1)] = s.ID
	}
	if err := svc.st.MapPins(pins); err != nil {
		return fmt.Errorf("PIN mesin demo: %w", err)
	}
	return nil
}

// demoEndedPeriods is how many ended periods the demo evaluates at least.
const demoEndedPeriods = 3

// fillDemoEvaluations adds the evaluation history of the demo office: the
// periods of the office's cadence in this year up to today (and the last
// ones of the previous year while fewer than three have ended), an SKP for
// every evaluated staff member for each year involved, and the evaluations
// of demo.Evaluations for the ended periods with their capaian.
func (svc *Service) fillDemoEvaluations(opt demo.Options) error {
	today := opt.Today
	if today.IsZero() {
		today = data.Today()
	}
	if _, err := svc.CreatePeriodsUpTo(today); err != nil {
		return fmt.Errorf("periode demo: %w", err)
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		return err
	}
	ended, err := svc.demoPeriodsToEvaluate(today, set.Cadence)
	if err != nil {
		return err
	}
	staff, err := svc.st.AllStaff()
	if err != nil {
		return err
	}
	units, err := svc.st.Units()
	if err != nil {
		return err
	}
	var skps []data.SKP
	years := map[int]bool{today.Year(): true}
	for _, p := range ended {
		years[p.Year()] = true
	}
	for year := range years {
		skps = append(skps, demo.SKPs(staff, year)...)
	}
	saved, err := svc.st.SaveSKPs(skps)
	if err != nil {
		return fmt.Errorf("SKP demo: %w", err)
	}
	made := demo.Evaluations(demo.EvaluationOptions{Staff: staff, Units: units, SKPs: saved, Periods: ended, Today: today, Seed: opt.Seed})
	for id, c := range made.Capaian {
		if _, err := svc.SetCapaian(id, c); err != nil {
			return fmt.Errorf("capaian demo %s: %w", id, err)
		}
	}
	if err := svc.st.SaveEvaluations(made.Evaluations, made.Revisions); err != nil {
		return fmt.Errorf("penilaian demo: %w", err)
	}
	done := map[string]bool{}
	for _, p := range ended {
		done[p.ID] = true
	}
	for year := today.Year() - 1; year > today.Year()-opt.HistoryYears(); year-- {
		if err := svc.fillDemoYear(opt, year, today, set.Cadence, done, years[year]); err != nil {
			return err
		}
	}
	return nil
}

// fillDemoYear evaluates the periods of an older year of a demo with several
// years of history (those not evaluated yet, all decided), with the year's
// SKPs unless haveSKPs, in one transaction for the evaluations.
func (svc *Service) fillDemoYear(opt demo.Options, year int, today data.Date, kind data.PeriodKind, done map[string]bool, haveSKPs bool) error {
	var periods []data.Period
	for _, p := range data.PeriodsOfYear(year, kind) {
		if p.Kind != kind || done[p.ID] {
			continue
		}
		if _, err := svc.CreatePeriod(p.ID); err != nil {
			return fmt.Errorf("periode demo %s: %w", p.ID, err)
		}
		stored, err := svc.st.Period(p.ID)
		if err != nil {
			return err
		}
		periods = append(periods, stored.Period)
	}
	if len(periods) == 0 {
		return nil
	}
	sort.Slice(periods, func(i, j int) bool { return periods[i].Start.Before(periods[j].Start) })
	staff, err := svc.st.AllStaff()
	if err != nil {
		return err
	}
	units, err := svc.st.Units()
	if err != nil {
		return err
	}
	skps, err := svc.st.SKPs()
	if err != nil {
		return err
	}
	if !haveSKPs {
		saved, err := svc.st.SaveSKPs(demo.SKPs(staff, year))
		if err != nil {
			return fmt.Errorf("SKP demo %d: %w", year, err)
		}
		skps = append(skps, saved...)
	}
	made := demo.Evaluations(demo.EvaluationOptions{Staff: staff, Units: units, SKPs: skps, Periods: periods,
		Today: today, Seed: opt.Seed + int64(year), Closed: true})
	for id, c := range made.Capaian {
		if _, err := svc.SetCapaian(id, c); err != nil {
			return fmt.Errorf("capaian demo %s: %w", id, err)
		}
	}
	if err := svc.st.SaveEvaluations(made.Evaluations, made.Revisions); err != nil {
		return fmt.Errorf("penilaian demo %d: %w", year, err)
	}
	return nil
}

// demoPeriodsToEvaluate returns the ended periods of the cadence, in date
// order, creating those of the previous year needed to have at least
// demoEndedPeriods.
func (svc *Service) demoPeriodsToEvaluate(today data.Date, cadence data.PeriodKind) ([]data.Period, error) {
	var ended []data.Period
	for _, p := range data.PeriodsOfYear(today.Year(), cadence) {
		if p.Kind == cadence && p.End.Before(today) {
			ended = append(ended, p)
		}
	}
	previous := data.PeriodsOfYear(today.Year()-1, cadence)
	for i := len(previous) - 1; i >= 0 && len(ended) < demoEndedPeriods; i-- {
		p := previous[i]
		if p.Kind != cadence {
			continue
		}
		if _, err := svc.CreatePeriod(p.ID); err != nil {
			return nil, fmt.Errorf("periode demo %s: %w", p.ID, err)
		}
		ended = append(ended, p)
	}
	sort.Slice(ended, func(i, j int) bool { return ended[i].Start.Before(ended[j].Start) })
	for i, p := range ended {
		stored, err := svc.st.Period(p.ID)
		if err != nil {
			return nil, err
		}
		ended[i] = stored.Period
	}
	return ended, nil
}

// DemoPassphrase is the one passphrase of the demo's office root and of every
// demo signer. It is for the fictional demo office only.
const DemoPassphrase = "demo-kinerja"

// fillDemoSigners gives the demo office its root and every rater of a final
// demo evaluation a signer, all under DemoPassphrase, and signs those final
// evaluations. Each key is unlocked once (argon2id is slow on purpose).
func (svc *Service) fillDemoSigners() error {
	if _, found, err := svc.OfficeRootInfo(); err != nil {
		return err
	} else if !found {
		if _, err := svc.CreateOfficeRoot(DemoPassphrase); err != nil {
			return fmt.Errorf("sertifikat induk kantor demo: %w", err)
		}
	}
	periods, err := svc.Periods()
	if err != nil {
		return err
	}
	var raters []uint64
	seen := map[uint64]bool{}
	for _, p := range periods {
		all, err := svc.st.Evaluations(p.ID)
		if err != nil {
			return err
		}
		for _, e := range all {
			if r := e.Rater.StaffID; e.State == data.EvalFinal && r != 0 && !seen[r] {
				seen[r] = true
				raters = append(raters, r)
			}
		}
	}
	signers, err := svc.CreateSigners(raters, DemoPassphrase, DemoPassphrase)
	if err != nil {
		return fmt.Errorf("penanda tangan demo: %w", err)
	}
	for _, u := range signers {
		for _, p := range periods {
			if _, err := svc.SignRated(p.ID, u); err != nil {
				return fmt.Errorf("menandatangani penilaian demo %s: %w", p.ID, err)
			}
		}
	}
	return nil
}

// Demo officials outside the office: the Camat is rated at the kabupaten.
var demoOfficials = []data.Official{
	{Name: "Dr. H. Cakra Amiwijaya, M.Si.", NIP: "196801011990031001", Rank: "Pembina Utama Madya (IV/d)",
		Position: "Sekretaris Daerah Kabupaten", Agency: "Pemerintah Kabupaten"},
	{Name: "Drs. Ruli Hadiana, M.Si.", NIP: "197002021995031002", Rank: "Pembina Utama Muda (IV/c)",
		Position: "Asisten Pemerintahan dan Kesejahteraan Rakyat", Agency: "Sekretariat Daerah Kabupaten"},
}

// fillDemoOutside registers the demo's officials outside the office, makes
// them the Camat's Pejabat Penilai and Atasan in every period, and records
// the Camat's evaluation of each ended period but the last as set outside
// the office, with a stand-in copy as its scan.
func (svc *Service) fillDemoOutside(opt demo.Options) error {
	office, err := svc.st.Office()
	if err != nil {
		return err
	}
	var ids []uint64
	for _, o := range demoOfficials {
		o.Position += " " + office.Kabupaten
		o.Agency += " " + office.Kabupaten
		saved, err := svc.st.SaveOfficial(o)
		if err != nil {
			return fmt.Errorf("pejabat luar kantor demo: %w", err)
		}
		ids = append(ids, saved.ID)
	}
	units, err := svc.st.Units()
	if err != nil {
		return err
	}
	head := OfficeHead(units)
	if head == 0 {
		return nil
	}
	periods, err := svc.Periods()
	if err != nil {
		return err
	}
	today := opt.Today
	if today.IsZero() {
		today = data.Today()
	}
	var ended []data.EvaluationPeriod
	for _, p := range periods {
		if _, err := svc.SetExternalRaters(p.ID, head, data.ExternalRaters{Rater: data.OfficialRef{OfficialID: ids[0]},
			Atasan: data.OfficialRef{OfficialID: ids[1]}}); err != nil {
			return err
		}
		if p.End.Before(today) {
			ended = append(ended, p)
		}
	}
	for i, p := range ended {
		if i == len(ended)-1 {
			break
		}
		e, found, err := svc.st.Evaluation(p.ID, head)
		if err != nil || !found || e.State == data.EvalFinal {
			continue
		}
		on := p.Deadline.AddDays(-3)
		if on.After(today) {
			on = today
		}
		at := time.Date(on.Year(), on.Month(), on.Day(), 9, 0, 0, 0, time.Local)
		if at.After(time.Now()) {
			at = time.Now()
		}
		scan, err := svc.demoScan(p.ID, head, e, at)
		if err != nil {
			return err
		}
		if _, err := svc.FixExternally(p.ID, head, demoOfficials[0].Name, at, scan); err != nil {
			return fmt.Errorf("penilaian camat demo %s: %w", p.ID, err)
		}
	}
	return nil
}

// demoScan stands in for the paper copy the kabupaten sends back: the
// Dokumen Evaluasi Kinerja Pegawai of e as it will be set, marked as a demo
// copy.
func (svc *Service) demoScan(periodID string, staffID uint64, e data.Evaluation, at time.Time) ([]byte, error) {
	src, err := svc.loadDocSource(periodID, staffID, e)
	if err != nil {
		return nil, err
	}
	e.State, e.FinalizedAt = data.EvalFinal, at
	d := evaluationContent(src, e, nil)
	d.RaterSignature.Above = "Contoh salinan (data demo)"
	return pdf.EvaluationSummary(d)
}

// AddDemoStaff stores the staff of a demo office and makes its unit heads
// the heads of the office's units; it returns the staff as stored. FillDemo
// starts with it; tests build smaller offices with it.
func (svc *Service) AddDemoStaff(office demo.Office) ([]data.Staff, error) {
	saved, err := svc.st.AddStaff(office.Staff)
	if err != nil {
		return nil, fmt.Errorf("menyimpan pegawai demo: %w", err)
	}
	units, err := svc.st.Units()
	if err != nil {
		return nil, err
	}
	for _, u := range units {
		i, ok := office.Heads[u.ID]
		if !ok {
			continue
		}
		u.HeadStaffID = saved[i].ID
		if _, err := svc.st.SaveUnit(u); err != nil {
			return nil, fmt.Errorf("kepala unit %s: %w", u.Name, err)
		}
	}
	return saved, nil
}
