package service

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"kinerja/data"
	"kinerja/data/store"
)

// ImportDay is what a fingerprint import does to one person's day.
type ImportDay struct {
	StaffID uint64          `json:"staff_id"`
	NIP     string          `json:"nip"`
	Name    string          `json:"name"`
	PIN     string          `json:"pin"`
	Date    data.Date       `json:"date"`
	Punches data.DayPunches `json:"punches"`
	// Result holds the outcome (added, changed, unchanged, kept_hand,
	// non_working) and the entry before and after.
	Result data.MergeResult `json:"result"`
	// NonWorking: the day is not a working day; its punches are piket,
	// saved only when ImportOptions.Piket is chosen (Result.Planned is the
	// entry that would be made).
	NonWorking bool `json:"non_working"`
	// Incomplete: the day's punches are one punch (or punches within the
	// window): only an arrival or a departure is known.
	Incomplete bool `json:"incomplete"`
}

// RefusedDay is a day of punches the import does not save: dated after the
// import window (a machine clock set wrong, or the future), before it, or
// on a day the person did not work at the office.
type RefusedDay struct {
	StaffID uint64    `json:"staff_id"`
	Name    string    `json:"name"`
	PIN     string    `json:"pin"`
	Date    data.Date `json:"date"`
	Punches int       `json:"punches"`
	Reason  string    `json:"reason"`
}

// ImportOptions are the choices of one import.
type ImportOptions struct {
	// Overwrite replaces days entered by hand.
	Overwrite bool `json:"overwrite"`
	// Piket saves punches on days that are not working days as piket.
	Piket bool `json:"piket"`
	// From and To bound the dates accepted (zero From: no lower bound; zero
	// To: today). Punches outside are refused and listed.
	From data.Date `json:"from"`
	To   data.Date `json:"to"`
}

// UnknownPIN is a machine PIN the import could not map to a staff member:
// its punches are listed, never dropped silently, and nothing is saved for it.
type UnknownPIN struct {
	PIN     string    `json:"pin"`
	Punches int       `json:"punches"`
	First   data.Date `json:"first"`
	Last    data.Date `json:"last"`
}

// ImportPlan is the preview of a fingerprint import: what would change,
// before anything is saved. ApplyImport saves it.
type ImportPlan struct {
	Overwrite bool `json:"overwrite"`
	Piket     bool `json:"piket"`
	// From and To are the import window applied; Refused lists the days
	// outside it or outside the person's active days.
	From    data.Date    `json:"from"`
	To      data.Date    `json:"to"`
	Refused []RefusedDay `json:"refused"`
	// Days lists every day of a known PIN, by date and name. Count tells
	// how many days have each outcome.
	Days []ImportDay `json:"days"`
	// Unknown lists the PINs mapped to nobody; BadLines the unreadable lines
	// with their line numbers (the rest still imports).
	Unknown  []UnknownPIN     `json:"unknown"`
	BadLines []data.LineError `json:"bad_lines"`
	// NewPins are the PIN → staff id mappings given for this import; they
	// are remembered when the plan is applied.
	NewPins map[string]uint64 `json:"new_pins,omitempty"`
	Punches int               `json:"punches"` // readable punches in the file
}

// Count returns how many planned days have the outcome o.
func (p ImportPlan) Count(o data.MergeOutcome) int {
	n := 0
	for _, d := range p.Days {
		if d.Result.Outcome == o {
			n++
		}
	}
	return n
}

// PiketDays are the planned days that are not working days, shown apart:
// saved as piket only when the plan was made with ImportOptions.Piket.
func (p ImportPlan) PiketDays() []ImportDay {
	var out []ImportDay
	for _, d := range p.Days {
		if d.NonWorking {
			out = append(out, d)
		}
	}
	return out
}

// IncompleteDays are the planned working days with a single punch (arrival
// or departure only), for the admin to complete or confirm after saving.
func (p ImportPlan) IncompleteDays() []ImportDay {
	var out []ImportDay
	for _, d := range p.Days {
		if d.Incomplete && !d.NonWorking {
			out = append(out, d)
		}
	}
	return out
}

// Changes reports whether applying the plan alters anything.
func (p ImportPlan) Changes() bool {
	return p.Count(data.MergeAdded)+p.Count(data.MergeChanged) > 0 || len(p.NewPins) > 0
}

// PlanAttlogImport reads a fingerprint-machine text log (data.ParseAttlog)
// and plans its import without saving anything. PINs are mapped through the
// remembered mappings (store.MachinePins), then extraPins (PIN → NIP or NIK,
// for PINs mapped in this import; remembered on ApplyImport), then a PIN that
// equals a staff member's NIP or NIK. The first punch of a day is the
// arrival, the last the departure (data.PlanMerge): a hand-entered day is
// kept unless overwrite, punches on non-working days are listed apart, and
// planning the same file again after applying it shows nothing to change.
func (svc *Service) PlanAttlogImport(r io.Reader, extraPins map[string]string, overwrite bool) (ImportPlan, error) {
	return svc.PlanAttlogImportWith(r, extraPins, ImportOptions{Overwrite: overwrite})
}

// PlanAttlogImportWith is PlanAttlogImport with all the choices of an
// import. Punches are grouped per person and day with the punch window of
// the settings (data.GroupPunches: a double tap is one punch) and planned
// with data.PlanMergeDay, which stores facts only. Days that are not working
// days are marked NonWorking (piket, saved only with opt.Piket); days with a
// single punch are marked Incomplete; days outside the window or outside the
// person's active days are refused and listed in Refused.
func (svc *Service) PlanAttlogImportWith(r io.Reader, extraPins map[string]string, opt ImportOptions) (ImportPlan, error) {
	punches, bad := data.ParseAttlog(r)
	return svc.planPunches(punches, bad, extraPins, opt)
}

func (svc *Service) planPunches(punches []data.Punch, bad []data.LineError, extraPins map[string]string, opt ImportOptions) (ImportPlan, error) {
	punches, bad = data.FilterPunchWindow(punches, bad, svc.today())
	if opt.To.IsZero() {
		opt.To = data.DateOf(svc.now())
	}
	plan := ImportPlan{Overwrite: opt.Overwrite, Piket: opt.Piket, From: opt.From, To: opt.To, BadLines: bad, Punches: len(punches)}
	ctx, err := svc.loadContext()
	if err != nil {
		return plan, err
	}
	pins, err := svc.resolvePins(ctx.staff, extraPins, &plan)
	if err != nil {
		return plan, err
	}
	byID := staffByID(ctx.staff)
	perPIN := data.GroupPunches(punches, ctx.settings.Punches.Window())
	first, last := map[uint64]store.YearMonth{}, map[uint64]store.YearMonth{}
	unknown := map[string]*UnknownPIN{}
	for _, p := range punches {
		id, ok := pins[p.PIN]
		d := data.DateOf(p.At)
		if !ok {
			u := unknown[p.PIN]
			if u == nil {
				u = &UnknownPIN{PIN: p.PIN, First: d, Last: d}
				unknown[p.PIN] = u
			}
			u.Punches++
			u.First, u.Last = minDate(u.First, d), maxDate(u.Last, d)
			continue
		}
		ym := store.MonthOf(d)
		if f, seen := first[id]; !seen || ym.Before(f) {
			first[id] = ym
		}
		if l, seen := last[id]; !seen || l.Before(ym) {
			last[id] = ym
		}
	}
	for _, u := range unknown {
		plan.Unknown = append(plan.Unknown, *u)
	}
	sort.Slice(plan.Unknown, func(i, j int) bool { return pinLess(plan.Unknown[i].PIN, plan.Unknown[j].PIN) })
	months, err := svc.loadSpans(first, last)
	if err != nil {
		return plan, err
	}
	for pin, days := range perPIN {
		id, ok := pins[pin]
		if !ok {
			continue
		}
		s := byID[id]
		for d, dp := range days {
			if why := outOfWindow(s, d, opt); why != "" {
				plan.Refused = append(plan.Refused, RefusedDay{StaffID: id, Name: s.DisplayName(), PIN: pin, Date: d, Punches: dp.Count, Reason: why})
				continue
			}
			m := months[store.MonthKey{StaffID: id, YearMonth: store.MonthOf(d)}]
			if m.Days == nil {
				m = data.NewAttendanceMonth(id, d.Year(), d.Month())
			}
			res := data.PlanMergeDay(m, d, dp, ctx.rules, data.MergeOptions{Overwrite: opt.Overwrite, Piket: opt.Piket})
			plan.Days = append(plan.Days, ImportDay{StaffID: id, NIP: s.Identifier(), Name: s.DisplayName(), PIN: pin,
				Date: d, Punches: dp, Result: res, NonWorking: !ctx.cal.IsWorkingDay(d), Incomplete: dp.Last == ""})
		}
	}
	sort.Slice(plan.Refused, func(i, j int) bool {
		a, b := plan.Refused[i], plan.Refused[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.Name < b.Name
	})
	sort.Slice(plan.Days, func(i, j int) bool {
		a, b := plan.Days[i], plan.Days[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.StaffID < b.StaffID
	})
	return plan, nil
}

// outOfWindow says why a day of punches is refused, or "".
func outOfWindow(s data.Staff, d data.Date, opt ImportOptions) string {
	switch {
	case d.After(opt.To):
		return "tanggal sesudah " + opt.To.Long() + " (jam mesin salah atau tanggal yang belum terjadi)"
	case !opt.From.IsZero() && d.Before(opt.From):
		return "tanggal sebelum " + opt.From.Long()
	case !s.At(d).Active:
		return s.DisplayName() + " tidak aktif di kantor ini pada tanggal itu"
	}
	return ""
}

// resolvePins returns the PIN → staff id map for an import: remembered
// mappings, then extraPins (recorded in plan.NewPins), then NIPs and NIKs.
func (svc *Service) resolvePins(staff []data.Staff, extraPins map[string]string, plan *ImportPlan) (map[string]uint64, error) {
	pins, err := svc.machinePins()
	if err != nil {
		return nil, err
	}
	for pin, nip := range extraPins {
		pin = strings.TrimSpace(pin)
		s, err := svc.st.StaffByIdentifier(nip)
		if err != nil || pin == "" {
			return nil, fmt.Errorf("pemetaan PIN %s ke NIP/NIK %s: pegawai tidak ditemukan", pin, nip)
		}
		if plan.NewPins == nil {
			plan.NewPins = map[string]uint64{}
		}
		pins[pin], plan.NewPins[pin] = s.ID, s.ID
	}
	for _, s := range staff {
		for _, id := range []string{s.NIP, s.NIK} {
			if id = data.NormalizeNIP(id); id != "" {
				if _, taken := pins[id]; !taken {
					pins[id] = s.ID
				}
			}
		}
	}
	return pins, nil
}

// loadSpans reads each person's months from first[id] through last[id].
func (svc *Service) loadSpans(first, last map[uint64]store.YearMonth) (map[store.MonthKey]data.AttendanceMonth, error) {
	out := map[store.MonthKey]data.AttendanceMonth{}
	if len(first) == 0 {
		return out, nil
	}
	var lo, hi store.YearMonth
	ids := make([]uint64, 0, len(first))
	for id, f := range first {
		ids = append(ids, id)
		if len(ids) == 1 || f.Before(lo) {
			lo = f
		}
		if l := last[id]; len(ids) == 1 || hi.Before(l) {
			hi = l
		}
	}
	all, err := svc.st.AttendanceBetween(ids, lo, hi)
	if err != nil {
		return nil, err
	}
	for _, ms := range all {
		for _, m := range ms {
			out[store.KeyOf(m)] = m
		}
	}
	return out, nil
}

// ApplyImport saves a plan in one audited transaction: each planned day is
// merged again against the month as stored at that moment (so a day entered
// by hand since the preview is still kept unless the plan overwrites), and
// the plan's new PIN mappings are remembered. Applying a plan of a file
// already imported changes nothing. It returns the days added or changed.
func (svc *Service) ApplyImport(plan ImportPlan) (int, error) {
	if !plan.Changes() {
		return 0, nil
	}
	r, err := svc.rules()
	if err != nil {
		return 0, err
	}
	var keys []store.MonthKey
	for _, d := range plan.Days {
		if d.Result.Changes() {
			keys = append(keys, store.MonthKey{StaffID: d.StaffID, YearMonth: store.MonthOf(d.Date)})
		}
	}
	n := 0
	err = svc.st.EditAttendance("impor kehadiran mesin", keys, plan.NewPins, func(ms map[store.MonthKey]*data.AttendanceMonth) error {
		n = 0
		for _, d := range plan.Days {
			m, ok := ms[store.MonthKey{StaffID: d.StaffID, YearMonth: store.MonthOf(d.Date)}]
			if !ok || !d.Result.Changes() {
				continue
			}
			res := data.PlanMergeDay(*m, d.Date, d.Punches, r, data.MergeOptions{Overwrite: plan.Overwrite, Piket: plan.Piket})
			if res.Changes() {
				m.ApplyMerge(d.Date, res)
				n++
			}
		}
		return nil
	})
	return n, err
}

func minDate(a, b data.Date) data.Date {
	if b.Before(a) {
		return b
	}
	return a
}

func maxDate(a, b data.Date) data.Date {
	if b.After(a) {
		return b
	}
	return a
}

// pinLess orders PINs numerically when both are digits, else as text.
func pinLess(a, b string) bool {
	if len(a) != len(b) && strings.Trim(a+b, "0123456789") == "" {
		return len(a) < len(b)
	}
	return a < b
}

// machinePins returns the remembered PIN mappings without the removed ones
// (staff id 0, see store.UnmapPin).
func (svc *Service) machinePins() (map[string]uint64, error) {
	pins, err := svc.st.MachinePins()
	for pin, id := range pins {
		if id == 0 {
			delete(pins, pin)
		}
	}
	return pins, err
}

// PinMapping is one remembered machine PIN with the staff member it maps to.
type PinMapping struct {
	PIN     string `json:"pin"`
	StaffID uint64 `json:"staff_id"`
	NIP     string `json:"nip"`
	Name    string `json:"name"`
}

// PinMappings lists the remembered machine PINs in PIN order.
func (svc *Service) PinMappings() ([]PinMapping, error) {
	pins, err := svc.machinePins()
	if err != nil {
		return nil, err
	}
	staff, err := svc.st.AllStaff()
	if err != nil {
		return nil, err
	}
	byID := staffByID(staff)
	out := make([]PinMapping, 0, len(pins))
	for pin, id := range pins {
		s := byID[id]
		out = append(out, PinMapping{PIN: pin, StaffID: id, NIP: s.Identifier(), Name: s.DisplayName()})
	}
	sort.Slice(out, func(i, j int) bool { return pinLess(out[i].PIN, out[j].PIN) })
	return out, nil
}

// UnmapPin removes the mapping of a machine PIN (audited; the PIN's punches
// are listed as unknown in the next import until it is mapped again).
func (svc *Service) UnmapPin(pin string) error { return svc.st.UnmapPin(pin) }
