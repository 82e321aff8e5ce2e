package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// weekdayOrder is the order the schedule editor lists the days: Monday first.
var weekdayOrder = []int{1, 2, 3, 4, 5, 6, 0}

// rulesView is the "Jadwal & aturan" tab, the office's attendance settings
// (docs/aturan.md §2, §3.1, §5, §6.1; every part configurable): the work week with its usual and
// Ramadan hours, the Ramadan date ranges, the TPP deduction table and the
// PP 94/2021 lateness conversion, and the attendance code list. One Simpan stores them after
// data.AttendanceSettings.Check.
type rulesView struct {
	u          *App
	lastEffect service.SettingsEffect // the preview of the last save
	view       fyne.CanvasObject
	settings   data.AttendanceSettings
	week       [7]*hoursRow
	ramWeek    [7]*hoursRow
	ramadan    *fyne.Container
	ranges     []*rangeRow
	absent     *widget.Entry
	late       []*bandRow
	early      []*bandRow
	bands      *fyne.Container
	convert    *widget.Check
	perDay     *widget.Entry
	codes      *fyne.Container
	codeRows   []*codeRow
	scroll     *container.Scroll
	msg        *widget.Label
	more       *rulesMore // Ramadan periods, punches, TPP recipients, Non-ASN codes
}

// hoursRow edits one weekday's hours: start, end and the break; works is
// the "hari kerja" check of the usual week (nil for Ramadan hours, where
// empty fields keep the usual hours).
type hoursRow struct {
	works                   *widget.Check
	start, end, brk, brkEnd *widget.Entry
}

// rangeRow edits one Ramadan date range.
type rangeRow struct {
	from, to *DateEntry
	box      fyne.CanvasObject
}

// bandRow edits one TPP band: its name, upper limit in minutes (empty for
// the open last band) and percent.
type bandRow struct {
	name, upTo, percent *widget.Entry
}

func newRulesView(u *App) *rulesView {
	v := &rulesView{u: u, ramadan: container.NewVBox(), bands: container.NewVBox(), codes: container.NewVBox()}
	heading := func(key string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	hint := func(key string) fyne.CanvasObject {
		l := widget.NewLabel(lang.L(key))
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	addRange := widget.NewButton(lang.L("att.cal.ramadan.add"), func() { v.addRange(data.DateRange{}) })
	v.more = newRulesMore(v)
	v.absent = widget.NewEntry()
	v.convert = widget.NewCheck(lang.L("att.rules.convert"), nil)
	v.perDay = widget.NewEntry()
	v.msg = widget.NewLabel("")
	v.msg.Wrapping = fyne.TextWrapWord
	save := widget.NewButton(lang.L("att.cal.save"), v.save)
	save.Importance = widget.HighImportance
	body := container.NewVBox(
		heading("att.cal.week"), v.hoursGrid(&v.week, true),
		heading("att.rules.ramhours"), hint("att.rules.ramhours.hint"), v.hoursGrid(&v.ramWeek, false))
	body.Objects = append(body.Objects, v.more.ramadanSection(v, heading, hint)...)
	body.Objects = append(body.Objects,
		heading("att.rules.ranges"), hint("att.cal.ramadan.hint"), v.ramadan, addRange, widget.NewSeparator(),
		heading("att.rules.tpp"), hint("att.rules.tpp.hint"),
		container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("att.rules.absent")), v.absent), v.bands,
		widget.NewSeparator(), heading("att.rules.disc"), v.convert,
		container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("att.rules.perday")), v.perDay),
		hint("att.rules.disc.hint"), widget.NewSeparator())
	body.Objects = append(body.Objects, v.more.otherSections(heading, hint)...)
	body.Objects = append(body.Objects,
		heading("att.codes.title"), hint("att.codes.hint"), v.codes,
		widget.NewButton(lang.L("att.codes.add"), v.addCode))
	v.scroll = container.NewScroll(body)
	v.view = container.NewBorder(nil, container.NewBorder(nil, nil, nil, save, v.msg), nil, nil, v.scroll)
	return v
}

// hoursGrid builds the editor of one week's hours into rows.
func (v *rulesView) hoursGrid(rows *[7]*hoursRow, usual bool) fyne.CanvasObject {
	grid := container.NewGridWithColumns(5)
	for _, k := range []string{"att.cal.day", "att.cal.start", "att.cal.end", "att.cal.break", "att.cal.breakend"} {
		grid.Add(widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, wd := range weekdayOrder {
		r := &hoursRow{start: widget.NewEntry(), end: widget.NewEntry(), brk: widget.NewEntry(), brkEnd: widget.NewEntry()}
		if usual {
			r.works = widget.NewCheck(data.DayNames[wd], nil)
			grid.Add(r.works)
		} else {
			grid.Add(widget.NewLabel(data.DayNames[wd]))
		}
		for _, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
			e.PlaceHolder = lang.L("att.clock")
			grid.Add(e)
		}
		rows[wd] = r
	}
	return grid
}

// reload shows the settings stored.
func (v *rulesView) reload() {
	s, err := v.u.svc.AttendanceSettings()
	if err != nil {
		v.msg.SetText(err.Error())
		return
	}
	v.settings = s
	for wd := range v.week {
		v.week[wd].show(s.Schedule.Week[wd])
		v.ramWeek[wd].show(s.Schedule.Ramadan[wd])
	}
	v.ranges = nil
	v.ramadan.RemoveAll()
	for _, r := range s.Ramadan {
		v.addRange(r)
	}
	v.absent.SetText(formatPercent(s.TPP.AbsentPercent))
	v.late, v.early = nil, nil
	v.bands.RemoveAll()
	for _, set := range []struct {
		key   string
		bands []data.TPPBand
		rows  *[]*bandRow
	}{{"att.rules.late", s.TPP.Late, &v.late}, {"att.rules.early", s.TPP.Early, &v.early}} {
		grid := container.NewGridWithColumns(3)
		for _, k := range []string{set.key, "att.rules.upto", "att.rules.percent"} {
			grid.Add(widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		}
		for _, b := range set.bands {
			r := &bandRow{name: widget.NewEntry(), upTo: widget.NewEntry(), percent: widget.NewEntry()}
			r.name.SetText(b.Name)
			if b.UpTo > 0 {
				r.upTo.SetText(strconv.Itoa(b.UpTo))
			}
			r.upTo.PlaceHolder = lang.L("att.rules.open")
			r.percent.SetText(formatPercent(b.Percent))
			grid.Add(r.name)
			grid.Add(r.upTo)
			grid.Add(r.percent)
			*set.rows = append(*set.rows, r)
		}
		v.bands.Add(grid)
	}
	v.convert.SetChecked(s.Discipline.ConvertLateness)
	v.perDay.SetText(formatPercent(s.Discipline.HoursPerDay))
	v.showCodes(s.Codes)
	v.more.show(v, s)
	v.msg.SetText("")
	v.relayout()
}

// relayout lays the tab out again after rows were added or removed.
func (v *rulesView) relayout() {
	if c, ok := v.scroll.Content.(*fyne.Container); ok {
		c.Refresh()
	}
	v.scroll.Refresh()
}

// show fills the row from h; a day off leaves it empty.
func (r *hoursRow) show(h data.DayHours) {
	if r.works != nil {
		r.works.SetChecked(h.Works())
	}
	texts := []string{"", "", "", ""}
	if h.Works() {
		texts[0], texts[1] = data.FormatClock(h.Start), data.FormatClock(h.End)
		if h.BreakEnd > h.BreakStart {
			texts[2], texts[3] = data.FormatClock(h.BreakStart), data.FormatClock(h.BreakEnd)
		}
	}
	for i, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
		e.SetText(texts[i])
	}
}

// read returns the hours typed; a day not checked as a working day, or
// Ramadan hours left empty, give the zero DayHours.
func (r *hoursRow) read(day string) (data.DayHours, error) {
	if r.works != nil && !r.works.Checked {
		return data.DayHours{}, nil
	}
	if r.works == nil && strings.TrimSpace(r.start.Text+r.end.Text+r.brk.Text+r.brkEnd.Text) == "" {
		return data.DayHours{}, nil
	}
	var mins [4]int
	for i, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
		if i >= 2 && strings.TrimSpace(e.Text) == "" {
			continue
		}
		m, err := data.ParseTimeOfDay(e.Text)
		if err != nil {
			return data.DayHours{}, fmt.Errorf("%s: %w", day, err)
		}
		mins[i] = m
	}
	return data.DayHours{Start: mins[0], End: mins[1], BreakStart: mins[2], BreakEnd: mins[3]}, nil
}

func (v *rulesView) addRange(r data.DateRange) {
	row := &rangeRow{from: NewDateEntry(), to: NewDateEntry()}
	row.from.SetDate(r.From)
	row.to.SetDate(r.To)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		v.ranges = slices.DeleteFunc(v.ranges, func(x *rangeRow) bool { return x == row })
		v.ramadan.Remove(row.box)
		v.relayout()
	})
	row.box = container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(2, row.from, row.to))
	v.ranges = append(v.ranges, row)
	v.ramadan.Add(row.box)
	if v.scroll != nil {
		v.relayout()
	}
}

// read reads every field into a copy of the settings and checks it.
func (v *rulesView) read() (data.AttendanceSettings, error) {
	s := v.settings
	s.Ramadan = nil
	for wd := range v.week {
		var err1, err2 error
		s.Schedule.Week[wd], err1 = v.week[wd].read(data.DayNames[wd])
		s.Schedule.Ramadan[wd], err2 = v.ramWeek[wd].read(data.DayNames[wd] + " (Ramadan)")
		if err := errors.Join(err1, err2); err != nil {
			return s, err
		}
	}
	for i, r := range v.ranges {
		from, err1 := r.from.Date()
		to, err2 := r.to.Date()
		if err := errors.Join(err1, err2); err != nil {
			return s, fmt.Errorf("rentang Ramadan ke-%d: %w", i+1, err)
		}
		s.Ramadan = append(s.Ramadan, data.DateRange{From: from, To: to})
	}
	var err error
	if s.TPP.AbsentPercent, err = parseNumber(v.absent.Text, lang.L("att.rules.absent")); err != nil {
		return s, err
	}
	if s.TPP.Late, err = readBands(v.late); err != nil {
		return s, err
	}
	if s.TPP.Early, err = readBands(v.early); err != nil {
		return s, err
	}
	s.Discipline.ConvertLateness = v.convert.Checked
	if s.Discipline.HoursPerDay, err = parseNumber(v.perDay.Text, lang.L("att.rules.perday")); err != nil {
		return s, err
	}
	s.Codes = v.readCodes()
	if err := v.more.read(&s); err != nil {
		return s, err
	}
	return s, s.Check()
}

func readBands(rows []*bandRow) ([]data.TPPBand, error) {
	out := make([]data.TPPBand, len(rows))
	for i, r := range rows {
		b := data.TPPBand{Name: strings.TrimSpace(r.name.Text)}
		if t := strings.TrimSpace(r.upTo.Text); t != "" {
			n, err := strconv.Atoi(t)
			if err != nil {
				return nil, fmt.Errorf("%s: batas menit %q bukan angka", b.Name, t)
			}
			b.UpTo = n
		}
		p, err := parseNumber(r.percent.Text, b.Name)
		if err != nil {
			return nil, err
		}
		b.Percent = p
		out[i] = b
	}
	return out, nil
}

// parseNumber reads a decimal number written with a point or a comma.
func parseNumber(s, field string) (float64, error) {
	f, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(s), ",", "."), 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q bukan angka", field, s)
	}
	return f, nil
}

// formatPercent writes a number the Indonesian way, with a decimal comma.
func formatPercent(f float64) string {
	return strings.ReplaceAll(strconv.FormatFloat(f, 'f', -1, 64), ".", ",")
}

// save previews what the change does to the figures already recorded
// (service.SettingsChangeEffect: how many days in which months) and, when it
// changes any, asks before saving; the preview runs off the UI goroutine.
func (v *rulesView) save() {
	s, err := v.read()
	if err != nil {
		v.msg.Importance = widget.DangerImportance
		v.msg.SetText(err.Error())
		return
	}
	var effect service.SettingsEffect
	svc := v.u.svc
	runAsync(func() { effect, err = svc.SettingsChangeEffect(s) }, func() {
		if err != nil {
			v.msg.Importance = widget.DangerImportance
			v.msg.SetText(err.Error())
			return
		}
		v.lastEffect = effect
		if effect.Days == 0 {
			v.store(s)
			return
		}
		text := widget.NewLabel(effectText(effect))
		text.Wrapping = fyne.TextWrapWord
		ask := dialog.NewCustomConfirm(lang.L("att.rules.preview.title"), lang.L("Yes"), lang.L("No"),
			container.NewVScroll(text), func(yes bool) {
				if yes {
					v.store(s)
				}
			}, v.u.win)
		ask.Resize(fyne.NewSize(560, 340))
		ask.Show()
	})
}

// store saves the settings.
func (v *rulesView) store(s data.AttendanceSettings) {
	err := v.u.svc.SetAttendanceSettings(s)
	if err != nil {
		v.msg.Importance = widget.DangerImportance
		v.msg.SetText(err.Error())
		return
	}
	v.settings = s
	v.msg.Importance = widget.SuccessImportance
	text := lang.L("att.cal.saved")
	if v.lastEffect.Days == 0 {
		text += " " + v.lastEffect.Summary()
	}
	v.msg.SetText(text)
}

// showRamadan scrolls the tab to the Ramadan periods (Beranda's "Periksa
// tanggal Ramadan" opens it there).
func (v *rulesView) showRamadan() {
	if v.more.periodHead == nil {
		return
	}
	y := v.more.periodHead.Position().Y
	v.scroll.Offset = fyne.NewPos(0, y)
	v.scroll.Refresh()
}
