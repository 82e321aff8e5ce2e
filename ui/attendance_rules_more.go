package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// rulesMore holds the parts of the "Jadwal & aturan" tab for the settings
// behind the attendance figures (docs/aturan.md §10, all configurable): the
// Ramadan periods with their status and source, the fingerprint-machine punch
// window, the minutes counted for a punch not recorded under the 7.5-hour
// rule, the kinds of staff who receive TPP and the codes Non-ASN may use.
type rulesMore struct {
	periods    *fyne.Container
	periodRows []*periodRow
	periodHead fyne.CanvasObject // the heading of the Ramadan periods, to scroll to
	window     *widget.Entry
	missing    *widget.Entry
	tppKinds   []*kindCheck
	nonASN     *fyne.Container
	nonASNRows []*codeCheck
}

// kindCheck is one staff kind's "receives TPP" check.
type kindCheck struct {
	kind  data.Kind
	check *widget.Check
}

// codeCheck is one absence code's "allowed for Non-ASN" check.
type codeCheck struct {
	code  string
	check *widget.Check
}

// periodRow edits one Ramadan period: the Hijri year, the dates, the status
// (pasti / perkiraan) and where the dates come from; confirm marks it fixed
// by the sidang isbat.
type periodRow struct {
	year     *widget.Entry
	from, to *DateEntry
	status   *widget.Select
	source   *widget.Entry
	confirm  *widget.Button
	box      fyne.CanvasObject
}

// ramadanStatuses are the statuses the status picker offers, in its order.
var ramadanStatuses = []data.RamadanStatus{data.RamadanConfirmed, data.RamadanEstimate}

// newRulesMore builds the parts; the caller places them in the tab.
func newRulesMore(v *rulesView) *rulesMore {
	m := &rulesMore{periods: container.NewVBox(), nonASN: container.NewGridWithColumns(4)}
	m.window = widget.NewEntry()
	m.window.PlaceHolder = strconv.Itoa(data.DefaultPunchWindowMinutes)
	m.missing = widget.NewEntry()
	m.missing.PlaceHolder = "0"
	for _, k := range data.Kinds {
		m.tppKinds = append(m.tppKinds, &kindCheck{kind: k, check: widget.NewCheck(string(k), nil)})
	}
	return m
}

// ramadanSection returns the Ramadan periods' heading, hint, rows and add
// button; they sit with the Ramadan hours.
func (m *rulesMore) ramadanSection(v *rulesView, heading, hint func(string) fyne.CanvasObject) []fyne.CanvasObject {
	m.periodHead = heading("att.rules.periods")
	add := widget.NewButton(lang.L("att.rules.periods.add"), func() {
		m.addPeriod(v, data.RamadanPeriod{Status: data.RamadanEstimate})
	})
	return []fyne.CanvasObject{m.periodHead, hint("att.rules.periods.hint"), m.periods, add}
}

// otherSections returns the punch, 7.5-hour, TPP recipient and Non-ASN code sections.
func (m *rulesMore) otherSections(heading, hint func(string) fyne.CanvasObject) []fyne.CanvasObject {
	kinds := container.NewGridWithColumns(5)
	for _, k := range m.tppKinds {
		kinds.Add(k.check)
	}
	return []fyne.CanvasObject{
		heading("att.rules.punch"),
		container.New(layout.NewFormLayout(),
			widget.NewLabel(lang.L("att.rules.window")), m.window,
			widget.NewLabel(lang.L("att.rules.missing")), m.missing),
		hint("att.rules.punch.hint"), widget.NewSeparator(),
		heading("att.rules.tppkinds"), hint("att.rules.tppkinds.hint"), kinds, widget.NewSeparator(),
		heading("att.rules.nonasn"), hint("att.rules.nonasn.hint"), m.nonASN, widget.NewSeparator(),
	}
}

// show fills the parts from the settings stored.
func (m *rulesMore) show(v *rulesView, s data.AttendanceSettings) {
	m.periodRows = nil
	m.periods.RemoveAll()
	for _, p := range s.RamadanPeriods {
		m.addPeriod(v, p)
	}
	m.window.SetText(strconv.Itoa(s.Punches.Window()))
	m.missing.SetText(strconv.Itoa(s.Discipline.MissingPunchMinutes))
	for _, k := range m.tppKinds {
		k.check.SetChecked(s.ReceivesTPP(k.kind))
	}
	allowed := s.NonASNCodes
	if allowed == nil {
		allowed = data.DefaultNonASNCodes()
	}
	m.nonASNRows = nil
	m.nonASN.RemoveAll()
	for _, c := range s.Codes {
		if c.Category != data.CategoryExcused && c.Category != data.CategoryLeave {
			continue // the other categories are always allowed
		}
		row := &codeCheck{code: c.Code, check: widget.NewCheck(c.FullLabel(), nil)}
		for _, a := range allowed {
			if strings.EqualFold(a, c.Code) {
				row.check.SetChecked(true)
			}
		}
		m.nonASNRows = append(m.nonASNRows, row)
		m.nonASN.Add(row.check)
	}
}

// addPeriod adds the editor of one Ramadan period.
func (m *rulesMore) addPeriod(v *rulesView, p data.RamadanPeriod) {
	row := &periodRow{year: widget.NewEntry(), from: NewDateEntry(), to: NewDateEntry(), source: widget.NewEntry()}
	row.year.PlaceHolder = lang.L("att.rules.periods.year")
	if p.HijriYear > 0 {
		row.year.SetText(strconv.Itoa(p.HijriYear))
	}
	row.from.SetDate(p.From)
	row.to.SetDate(p.To)
	row.source.SetText(p.Source)
	row.source.PlaceHolder = lang.L("att.rules.periods.source")
	labels := make([]string, len(ramadanStatuses))
	for i, st := range ramadanStatuses {
		labels[i] = st.Label()
	}
	row.confirm = widget.NewButtonWithIcon(lang.L("att.rules.periods.confirm"), theme.ConfirmIcon(), func() { row.markConfirmed(v.u.today()) })
	row.status = widget.NewSelect(labels, func(string) { row.showStatus() })
	for i, st := range ramadanStatuses {
		if st == p.Status {
			row.status.SetSelectedIndex(i)
		}
	}
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		m.periodRows = slices.DeleteFunc(m.periodRows, func(x *periodRow) bool { return x == row })
		m.periods.Remove(row.box)
		v.relayout()
	})
	row.box = container.NewVBox(
		container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(90, row.year.MinSize().Height), row.year), nil,
			container.NewGridWithColumns(3, row.from, row.to, row.status)),
		container.NewBorder(nil, nil, nil, container.NewHBox(row.confirm, del), row.source))
	m.periodRows = append(m.periodRows, row)
	m.periods.Add(row.box)
	row.showStatus()
	if v.scroll != nil {
		v.relayout()
	}
}

// statusOf returns the status picked.
func (r *periodRow) statusOf() data.RamadanStatus {
	if i := r.status.SelectedIndex(); i >= 0 && i < len(ramadanStatuses) {
		return ramadanStatuses[i]
	}
	return ""
}

// showStatus offers "Tandai pasti" only for a period that is not yet confirmed.
func (r *periodRow) showStatus() {
	if r.confirm == nil {
		return
	}
	if r.statusOf() == data.RamadanConfirmed {
		r.confirm.Disable()
	} else {
		r.confirm.Enable()
	}
}

// markConfirmed marks the period fixed by the sidang isbat; a source that
// still speaks of the estimate is replaced by one naming the check. The
// admin still saves with Simpan.
func (r *periodRow) markConfirmed(today data.Date) {
	r.status.SetSelectedIndex(0)
	if src := strings.ToLower(r.source.Text); src == "" || strings.Contains(src, "perkiraan") || strings.Contains(src, "hisab") {
		r.source.SetText(lang.L("att.rules.periods.confirmed", map[string]any{"Date": today.Long()}))
	}
}

// read reads the period typed; n is its place in the list for the message.
func (r *periodRow) read(n int) (data.RamadanPeriod, error) {
	var p data.RamadanPeriod
	year, err := strconv.Atoi(strings.TrimSpace(r.year.Text))
	if err != nil {
		return p, fmt.Errorf("Ramadan baris %d: tahun Hijriah %q bukan angka", n, r.year.Text)
	}
	from, err1 := r.from.Date()
	to, err2 := r.to.Date()
	for _, err := range []error{err1, err2} {
		if err != nil {
			return p, fmt.Errorf("Ramadan %d H: %w", year, err)
		}
	}
	p = data.RamadanPeriod{HijriYear: year, From: from, To: to, Status: r.statusOf(), Source: strings.TrimSpace(r.source.Text)}
	if p.Status == "" {
		return p, fmt.Errorf("Ramadan %d H: pilih status pasti atau perkiraan", year)
	}
	return p, nil
}

// read copies the parts into s; Check on the whole settings follows.
func (m *rulesMore) read(s *data.AttendanceSettings) error {
	s.RamadanPeriods = nil
	seen := map[int]bool{}
	for i, r := range m.periodRows {
		p, err := r.read(i + 1)
		if err != nil {
			return err
		}
		if seen[p.HijriYear] {
			return fmt.Errorf("Ramadan %d H tercantum dua kali", p.HijriYear)
		}
		seen[p.HijriYear] = true
		s.RamadanPeriods = append(s.RamadanPeriods, p)
	}
	var err error
	if s.Punches.WindowMinutes, err = minutesField(m.window.Text, lang.L("att.rules.window")); err != nil {
		return err
	}
	if s.Discipline.MissingPunchMinutes, err = minutesField(m.missing.Text, lang.L("att.rules.missing")); err != nil {
		return err
	}
	s.TPPKinds = []data.Kind{}
	for _, k := range m.tppKinds {
		if k.check.Checked {
			s.TPPKinds = append(s.TPPKinds, k.kind)
		}
	}
	s.NonASNCodes = []string{}
	for _, c := range m.nonASNRows {
		if c.check.Checked {
			s.NonASNCodes = append(s.NonASNCodes, c.code)
		}
	}
	return nil
}

// minutesField reads a whole number of minutes; empty is 0.
func minutesField(text, field string) (int, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("%s: %q bukan jumlah menit", field, text)
	}
	return n, nil
}

// effectText is the preview shown before saving: the service's summary and
// one line per month changed (how many days, how many people).
func effectText(e service.SettingsEffect) string {
	lines := []string{e.Summary()}
	for _, me := range e.Months {
		lines = append(lines, lang.L("att.rules.effect.month", map[string]any{
			"Month": data.MonthNames[me.Month-1], "Year": me.Year, "Days": me.Days, "Staff": me.Staff}))
	}
	return strings.Join(lines, "\n")
}
