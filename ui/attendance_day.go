package ui

import (
	"errors"
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

// dayColumns are the widths of the daily grid's columns: name and NIP,
// code, the code's full label, arrival, departure, minutes late or short;
// the note takes the rest.
var dayColumns = []float32{220, 64, 220, 70, 70, 130}

// dayGrid is the daily entry tab: one row per active staff member (of one
// unit, when chosen) for one date. The admin types a code and presses Enter
// to move to the next row; nothing is assumed for a row left empty, which
// stays "belum diisi". Simpan saves every changed row with one
// service.SaveDay; a refused row shows its reason under it.
type dayGrid struct {
	u        *App
	view     fyne.CanvasObject
	date     *DateEntry
	units    *unitPicker
	status   *widget.Label
	msg      *widget.Label
	list     *fyne.Container
	scroll   *container.Scroll
	rows     []*dayRow
	codes    data.Codes
	hours    data.DayHours
	rules    data.AttendanceRules // the rules in force, to derive the figures of what is typed
	shown    data.Date
	unitID   uint64        // the unit shown, restored when a change of unit is cancelled
	legend   *widget.Label // the codes with their labels, beside the grid
	asking   bool          // the "Simpan perubahan?" question is open
	markH    *widget.Button
	copyPrev *widget.Button
	save     *widget.Button
	sheet    *sheetDialog   // the blank sign-in sheet dialog last opened
	warnings []string       // what the last save noted without refusing
	piket    bool           // the day off shown is open for piket entries
	piketBtn *widget.Button // "Catat piket" on a day off
}

func newDayGrid(u *App) *dayGrid {
	g := &dayGrid{u: u, list: container.NewVBox()}
	g.date = NewDateEntry()
	g.date.OnChanged = func(s string) {
		if d, err := data.ParseDate(s); err == nil && !d.IsZero() && d.Slash() == strings.TrimSpace(s) && d != g.shown {
			g.goTo(d, false)
		}
	}
	g.date.OnSubmitted = func(s string) {
		if d, err := data.ParseDate(s); err == nil && !d.IsZero() {
			g.goTo(d, true)
		}
	}
	g.units = newUnitPicker(func() {
		if g.units.id() == g.unitID {
			return
		}
		if g.confirmLeave(func() { g.unitID = g.units.id(); g.show(g.shown) }, func() { g.units.choose(g.unitID) }) {
			return
		}
		g.unitID = g.units.id()
		g.show(g.shown)
	})
	prev := widget.NewButtonWithIcon("", theme.NavigateBackIcon(), func() { g.goTo(g.shown.AddDays(-1), true) })
	next := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { g.goTo(g.shown.AddDays(1), true) })
	today := widget.NewButton(lang.L("att.day.today"), func() { g.goTo(u.today(), true) })
	g.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.status.Wrapping = fyne.TextWrapWord
	g.msg = widget.NewLabel("")
	g.msg.Wrapping = fyne.TextWrapWord
	g.markH = widget.NewButton(lang.L("att.day.markh"), g.markAllH)
	g.copyPrev = widget.NewButton(lang.L("att.day.copy"), g.copyPrevious)
	g.save = widget.NewButtonWithIcon(lang.L("button.save"), theme.DocumentSaveIcon(), g.saveDay)
	g.save.Importance = widget.HighImportance
	leave := widget.NewButton(lang.L("att.day.leave"), func() { u.openLeave(0) })
	imp := widget.NewButton(lang.L("att.day.import"), u.chooseAttendanceFile)
	sheet := widget.NewButton(lang.L("att.day.sheet"), func() { g.sheet = u.openSheet(g.shown, g.units.id()) })
	dateRow := container.NewHBox(widget.NewLabel(lang.L("att.day.date")),
		container.NewGridWrap(fyne.NewSize(200, g.date.MinSize().Height), g.date), prev, next, today,
		widget.NewLabel(lang.L("att.unit")), container.NewGridWrap(fyne.NewSize(260, g.units.sel.MinSize().Height), g.units.sel))
	g.piketBtn = widget.NewButton(lang.L("att.day.piketbtn"), func() { g.piket = true; g.show(g.shown) })
	g.piketBtn.Hide()
	incomplete := widget.NewButton(lang.L("att.day.incomplete"), func() { u.openIncomplete(g.shown) })
	pins := widget.NewButton(lang.L("att.day.pins"), u.openPins)
	tools := container.NewHBox(g.piketBtn, leave, imp, sheet, incomplete, pins)
	actions := container.NewHBox(g.markH, g.copyPrev, layout.NewSpacer(), g.save)
	header := dayHeader()
	top := container.NewVBox(dateRow, container.NewBorder(nil, nil, nil, tools, g.status), actions, widget.NewSeparator(), header)
	g.scroll = container.NewVScroll(g.list)
	g.legend = widget.NewLabel("")
	side := container.NewVScroll(container.NewVBox(widget.NewLabelWithStyle(lang.L("att.day.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), g.legend))
	side.SetMinSize(fyne.NewSize(230, 0))
	g.view = container.NewBorder(top, g.msg, nil, side, g.scroll)
	return g
}

// goTo shows another date, asking first when typed rows are not saved.
func (g *dayGrid) goTo(d data.Date, focus bool) {
	if d == g.shown {
		if focus {
			g.focusFirst()
		}
		return
	}
	open := func() {
		if focus {
			g.showAndFocus(d)
		} else {
			g.show(d)
		}
	}
	if g.confirmLeave(open, func() { g.date.SetDate(g.shown) }) {
		return
	}
	open()
}

// dirty reports whether rows were typed and not saved.
func (g *dayGrid) dirty() bool { return len(g.pending()) > 0 }

// confirmLeave asks "Simpan perubahan?" when typed rows are not saved, and
// reports whether it asked. Simpan saves them and, when the save succeeds,
// calls proceed (a refused save stays on the grid with the rows named);
// Buang drops them and calls proceed; Batal calls stay and leaves
// everything as it is.
func (g *dayGrid) confirmLeave(proceed, stay func()) bool {
	if !g.dirty() || g.asking {
		return g.asking
	}
	g.asking = true
	n := len(g.pending())
	var d *dialog.CustomDialog
	done := func(next func()) func() {
		return func() {
			g.asking = false
			d.Hide()
			if next != nil {
				next()
			}
		}
	}
	save := widget.NewButton(lang.L("att.unsaved.save"), nil)
	save.Importance = widget.HighImportance
	save.OnTapped = func() {
		if !g.savePending() {
			done(stay)()
			return
		}
		g.rows = nil // saved: nothing left to ask about
		done(proceed)()
	}
	discard := widget.NewButton(lang.L("att.unsaved.discard"), func() {
		g.rows = nil
		done(proceed)()
	})
	cancel := widget.NewButton(lang.L("att.unsaved.cancel"), nil)
	cancel.OnTapped = done(stay)
	body := widget.NewLabel(lang.L("att.unsaved.body", map[string]any{"N": n, "Day": g.shown.Long()}))
	d = dialog.NewCustomWithoutButtons(lang.L("att.unsaved.title"), body, g.u.win)
	d.SetButtons([]fyne.CanvasObject{cancel, discard, save})
	d.Show()
	return true
}

func dayHeader() fyne.CanvasObject {
	var cells []fyne.CanvasObject
	for _, k := range []string{"att.col.staff", "att.col.code", "att.col.label", "att.col.in", "att.col.out", "att.col.minutes", "att.col.note"} {
		cells = append(cells, widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	return container.New(columnsLayout{dayColumns}, cells...)
}

// reload shows the date shown again from the store; at first the last
// working day up to today (a Saturday opens on the Friday before).
func (g *dayGrid) reload() {
	if g.dirty() {
		return // typed rows stay until saved or dropped (confirmLeave)
	}
	d := g.shown
	if d.IsZero() {
		d = g.u.today()
		if cal, err := g.u.svc.Calendar(); err == nil {
			for i := 0; i < 14 && !cal.IsWorkingDay(d); i++ {
				d = d.AddDays(-1)
			}
			if !cal.IsWorkingDay(d) {
				d = g.u.today()
			}
		}
	}
	g.show(d)
}

// show loads the grid of d: the rows of a working day, or the reason it is not one.
func (g *dayGrid) show(d data.Date) {
	if d != g.shown {
		g.piket = false // piket is chosen again for each day off
	}
	g.shown = d
	if g.date.Text != d.Slash() {
		g.date.SetDate(d)
	}
	units, err := g.u.svc.Units()
	if err == nil {
		g.units.load(units)
	}
	rules, err2 := g.u.svc.AttendanceRules()
	status, err3 := g.u.svc.WorkingDay(d)
	list, err4 := g.u.svc.HolidayListStatus(d.Year())
	g.rows = nil
	g.list.RemoveAll()
	g.msg.SetText("")
	if err = errors.Join(err, err2, err3, err4); err != nil {
		g.setWorking(false, err.Error())
		return
	}
	g.rules, g.codes, g.hours = rules, rules.Settings.Codes, status.Hours
	g.legend.SetText(strings.Join(legendLines(rules.Settings.Codes), "\n"))
	day := data.DayNames[d.Weekday()] + ", " + d.Long()
	var notes []string
	if today := g.u.today(); d.After(today) {
		notes = append(notes, lang.L("att.day.future", map[string]any{"Today": today.Long()}))
	}
	if w := list.Warning(); w != "" {
		notes = append(notes, w)
	}
	note := strings.Join(notes, " ")
	if note != "" {
		note = "\n" + note
	}
	if !status.Working && !g.piket {
		g.setWorking(false, lang.L("att.day.offday", map[string]any{"Day": day, "Reason": status.Reason})+note)
		g.piketBtn.Show()
		return
	}
	g.piketBtn.Hide()
	var rows []service.GridRow
	if status.Working {
		rows, err = g.u.svc.DayGrid(d, g.units.id())
	} else {
		rows, err = g.u.svc.PiketGrid(d, g.units.id())
	}
	if err != nil {
		g.setWorking(false, err.Error())
		return
	}
	hours := data.FormatClockDot(status.Hours.Start) + "–" + data.FormatClockDot(status.Hours.End)
	text := lang.L("att.day.working", map[string]any{"Day": day, "Hours": hours})
	if status.Ramadan {
		text += " " + lang.L("att.day.ramadan")
	}
	if !status.Working {
		text = lang.L("att.day.piketday", map[string]any{"Day": day, "Reason": status.Reason})
	}
	g.setWorking(true, text+note)
	if !status.Working {
		g.markH.Disable()
		g.copyPrev.Disable()
	}
	objs := make([]fyne.CanvasObject, 0, len(rows))
	for _, r := range rows {
		row := newDayRow(g, r)
		g.rows = append(g.rows, row)
		objs = append(objs, row.box)
	}
	if len(rows) == 0 {
		objs = append(objs, widget.NewLabel(lang.L("att.day.nostaff")))
	}
	g.list.Objects = objs
	g.list.Refresh()
	g.scroll.ScrollToTop()
	g.scroll.Refresh()
	g.showCounts()
}

func (g *dayGrid) setWorking(working bool, status string) {
	g.status.SetText(status)
	for _, b := range []*widget.Button{g.markH, g.copyPrev, g.save} {
		if working {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	g.list.Refresh()
}

// showCounts says how many rows are still not entered.
func (g *dayGrid) showCounts() {
	n := 0
	for _, r := range g.rows {
		if !r.row.Entered {
			n++
		}
	}
	g.msg.Importance = widget.MediumImportance
	g.msg.SetText(lang.L("att.day.count", map[string]any{"N": len(g.rows), "Missing": n}))
}

// showAndFocus shows d and puts the keyboard in the code of the first row
// not entered yet (the first row when all are entered), ready to type.
func (g *dayGrid) showAndFocus(d data.Date) {
	g.show(d)
	g.focusFirst()
}

// focusFirst puts the keyboard in the code of the first row not entered yet.
func (g *dayGrid) focusFirst() {
	if len(g.rows) == 0 {
		return
	}
	first := g.rows[0]
	for _, r := range g.rows {
		if !r.row.Entered {
			first = r
			break
		}
	}
	g.u.win.Canvas().Focus(first.code)
}

// focusNext moves the keyboard focus to the same field of the row after r,
// or to Simpan after the last row.
func (g *dayGrid) focusNext(r *dayRow, field func(*dayRow) fyne.Focusable) {
	c := g.u.win.Canvas()
	for i, x := range g.rows {
		if x != r {
			continue
		}
		if i+1 < len(g.rows) {
			next := field(g.rows[i+1])
			c.Focus(next)
			if sc, ok := next.(fyne.Shortcutable); ok {
				sc.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces what is there
			}
			return
		}
		c.Focus(g.save)
		return
	}
}

// pending returns the inputs of the rows changed since loading.
func (g *dayGrid) pending() []service.DayInput {
	var out []service.DayInput
	for _, r := range g.rows {
		if r.changed() {
			out = append(out, r.input())
		}
	}
	return out
}

// savePending saves the changed rows; it reports false when a row was
// refused (shown under the row) or the save failed.
func (g *dayGrid) savePending() bool {
	for _, r := range g.rows {
		r.showProblem("")
	}
	inputs := g.pending()
	if len(inputs) == 0 {
		return true
	}
	warnings, err := g.u.svc.SaveDayWarnings(g.shown, inputs)
	g.warnings = warnings
	var refused service.DayErrors
	switch {
	case errors.As(err, &refused):
		byID := map[uint64]string{}
		for _, re := range refused {
			byID[re.StaffID] = re.Error()
		}
		for _, r := range g.rows {
			if m, ok := byID[r.row.StaffID]; ok {
				r.showProblem(m)
			}
		}
		g.msg.Importance = widget.DangerImportance
		g.msg.SetText(lang.L("att.day.refused", map[string]any{"N": len(refused)}))
		return false
	case err != nil:
		g.msg.Importance = widget.DangerImportance
		g.msg.SetText(err.Error())
		return false
	}
	return true
}

func (g *dayGrid) saveDay() {
	n := len(g.pending())
	if !g.savePending() {
		return
	}
	g.show(g.shown)
	g.msg.Importance = widget.SuccessImportance
	g.msg.SetText(lang.L("att.day.saved", map[string]any{"N": n}))
	if len(g.warnings) > 0 {
		g.msg.Importance = widget.WarningImportance
		g.msg.SetText(g.msg.Text + " " + lang.L("att.day.warnings", map[string]any{"Text": strings.Join(g.warnings, "; ")}))
	}
}

// legendLines are the codes with their full labels ("TL — Terlambat").
func legendLines(cs data.Codes) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.FullLabel()
	}
	return out
}

func (g *dayGrid) markAllH() {
	g.fill((*service.Service).MarkNotEnteredAsH, "att.day.marked")
}

func (g *dayGrid) copyPrevious() {
	g.fill((*service.Service).CopyPreviousDay, "att.day.copied")
}

// fill saves the rows changed by hand first, then runs a service fill of the
// rows not entered and shows how many it filled with the message key done.
func (g *dayGrid) fill(op func(svc *service.Service, d data.Date, unitID uint64) (int, error), done string) {
	if !g.savePending() {
		return
	}
	n, err := op(g.u.svc, g.shown, g.units.id())
	g.show(g.shown)
	if err != nil {
		g.msg.Importance = widget.DangerImportance
		g.msg.SetText(err.Error())
		return
	}
	g.msg.Importance = widget.SuccessImportance
	g.msg.SetText(lang.L(done, map[string]any{"N": n}))
}
