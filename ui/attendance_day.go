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
// the note takes the rest. The label and the minutes wrap onto the row's
// second line, so the grid with a useful note column fits the smallest
// window (1000 px with the sidebar).
var dayColumns = []float32{200, 56, 150, 64, 64, 100}

// dayGrid is the daily entry tab: one row per active staff member (of one
// unit, when chosen) for one date. The admin types a code and presses Enter
// or ↓ to move to the next row (↑ goes back); nothing is assumed for a row
// left empty, which stays "belum diisi". Simpan saves every changed row with
// one service.SaveDay; a refused row shows its reason under it. Rows are
// loaded off the UI goroutine and drawn only while in view (see dayCells),
// so a kabupaten-sized list shows as fast as a kecamatan's.
type dayGrid struct {
	u        *App
	view     fyne.CanvasObject
	date     *DateEntry
	units    *unitPicker
	status   *widget.Label
	msg      *widget.Label
	count    *widget.Label // how many rows, how many still "belum diisi"
	list     *widget.List
	table    *dayTable
	rows     []*dayRow         // the model: what is loaded and typed
	cells    map[int]*dayCells // the cells last bound to each row
	cursor   dayCursor         // the row and column typing goes to
	missing  int               // rows still "belum diisi"
	rowH     float32           // the height of a row without a problem line
	tall     map[int]float32   // the height of rows made taller to show a problem line
	focusing bool              // the grid itself is moving the keyboard (see gridEntry.FocusGained)
	bad      int               // rows whose typed time cannot be read
	loads    int               // counts show calls: a slower, older load is dropped
	codes    data.Codes
	hours    data.DayHours
	rules    data.AttendanceRules // the rules in force, to derive the figures of what is typed
	shown    data.Date
	unitID   uint64        // the unit shown, restored when a change of unit is cancelled
	legend   *widget.Label // the codes with their labels, beside the grid when there is room
	matches  *widget.Label // the codes the code being typed may become
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
	g := &dayGrid{u: u, cells: map[int]*dayCells{}, tall: map[int]float32{}}
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
	g.count = widget.NewLabel("")
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
	// The day's status takes a row of its own: beside the tools it would be
	// squeezed into a tall narrow column in the smallest window.
	top := container.NewVBox(dateRow, g.status, tools, actions, widget.NewSeparator(), header)
	g.list = widget.NewList(func() int { return len(g.rows) }, g.newCells,
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*dayCells).bind(id) })
	g.list.OnSelected = func(id widget.ListItemID) { // a click on a row's name: type its code
		g.list.Unselect(id)
		g.focusCell(id, fieldCode)
	}
	g.rowH = g.newCells().MinSize().Height
	g.table = newDayTable(g)
	g.legend = widget.NewLabel("")
	g.matches = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	g.matches.Hide()
	side := container.NewVScroll(container.NewVBox(g.matches,
		widget.NewLabelWithStyle(lang.L("att.day.legend"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), g.legend))
	bottom := container.NewBorder(nil, nil, g.count, nil, g.msg)
	// The code list stands beside the grid only when the window leaves the
	// note column room; in the smallest window the grid keeps the width.
	center := container.New(sideIfRoomLayout{sideWidth: 220, room: 200}, g.table, side)
	g.view = container.NewBorder(top, bottom, nil, nil, center)
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
		g.setRows(nil) // saved: nothing left to ask about
		done(proceed)()
	}
	discard := widget.NewButton(lang.L("att.unsaved.discard"), func() {
		g.setRows(nil)
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

// dayLoad is what show reads from the store off the UI goroutine.
type dayLoad struct {
	units   []data.Unit
	rules   data.AttendanceRules
	status  service.DayStatus
	list    service.HolidayList
	rows    []service.GridRow
	err     error // the day cannot be shown
	gridErr error // the rows cannot be read
}

// load reads the grid of d for the unit (0: every unit), with the piket
// rows of a day off when piket is chosen.
func (g *dayGrid) load(d data.Date, unit uint64, piket bool) dayLoad {
	var l dayLoad
	var err, err2, err3, err4 error
	l.units, err = g.u.svc.Units()
	l.rules, err2 = g.u.svc.AttendanceRules()
	l.status, err3 = g.u.svc.WorkingDay(d)
	l.list, err4 = g.u.svc.HolidayListStatus(d.Year())
	if l.err = errors.Join(err, err2, err3, err4); l.err != nil {
		return l
	}
	switch {
	case l.status.Working:
		l.rows, l.gridErr = g.u.svc.DayGrid(d, unit)
	case piket:
		l.rows, l.gridErr = g.u.svc.PiketGrid(d, unit)
	}
	return l
}

// show loads the grid of d: the rows of a working day, or the reason it is not one.
func (g *dayGrid) show(d data.Date) { g.showThen(d, nil) }

// showThen shows d like show, then calls then once the rows are shown.
// The store is read off the UI goroutine; until the rows arrive the grid
// is empty, so nothing can be typed into a day still loading.
func (g *dayGrid) showThen(d data.Date, then func()) {
	if d != g.shown {
		g.piket = false // piket is chosen again for each day off
	}
	g.shown = d
	if g.date.Text != d.Slash() {
		g.date.SetDate(d)
	}
	if _, ok := g.u.win.Canvas().Focused().(*gridEntry); ok {
		g.u.win.Canvas().Unfocus()
	}
	g.loads++
	n, unit, piket := g.loads, g.units.id(), g.piket
	g.setRows(nil)
	g.msg.SetText("")
	var l dayLoad
	runAsync(func() { l = g.load(d, unit, piket) }, func() {
		if n != g.loads {
			return // a later show replaced this one
		}
		g.apply(d, l)
		if then != nil {
			then()
		}
	})
}

// apply shows what load read for d.
func (g *dayGrid) apply(d data.Date, l dayLoad) {
	if l.units != nil {
		g.units.load(l.units)
	}
	if l.err != nil {
		g.setWorking(false, l.err.Error())
		return
	}
	status := l.status
	g.rules, g.codes, g.hours = l.rules, l.rules.Settings.Codes, status.Hours
	g.legend.SetText(strings.Join(legendLines(g.codes), "\n"))
	day := data.DayNames[d.Weekday()] + ", " + d.Long()
	var notes []string
	if today := g.u.today(); d.After(today) {
		notes = append(notes, lang.L("att.day.future", map[string]any{"Today": today.Long()}))
	}
	if w := l.list.Warning(); w != "" {
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
	if l.gridErr != nil {
		g.setWorking(false, l.gridErr.Error())
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
	rows := make([]*dayRow, len(l.rows))
	for i, r := range l.rows {
		rows[i] = newDayRow(r)
	}
	g.setRows(rows)
	if len(rows) == 0 {
		g.count.SetText(lang.L("att.day.nostaff"))
	}
}

// setRows puts rows in the model and shows them from the top.
func (g *dayGrid) setRows(rows []*dayRow) {
	g.rows = rows
	g.cursor = dayCursor{}
	g.missing, g.bad = 0, 0
	for _, r := range rows {
		if r.missing {
			g.missing++
		}
		if r.bad = r.badTime(); r.bad {
			g.bad++
		}
	}
	for id := range g.tall {
		g.list.SetItemHeight(id, g.rowH)
		delete(g.tall, id)
	}
	g.list.Refresh()
	if len(rows) > 0 && g.list.GetScrollOffset() > 0 {
		g.list.ScrollTo(0)
	}
	g.showMatches()
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
}

// showCounts says how many rows are still not entered; it follows typing.
func (g *dayGrid) showCounts() {
	if len(g.rows) == 0 {
		g.count.SetText("")
		return
	}
	text := lang.L("att.day.count", map[string]any{"N": len(g.rows), "Missing": g.missing})
	if g.bad > 0 {
		text += " " + lang.L("att.day.badcount", map[string]any{"N": g.bad})
	}
	g.count.SetText(text)
}

// typed keeps what was typed in one column of the row c shows, and shows
// what follows from it: the code's label, the minutes, the count of rows
// not entered, the codes the code typed may become.
func (g *dayGrid) typed(c *dayCells, f dayField, s string) {
	if c.id < 0 || c.id >= len(g.rows) {
		return
	}
	r := g.rows[c.id]
	r.setField(f, s)
	g.recount(r)
	c.showDerived(r)
	if f == fieldCode {
		g.showMatches()
	}
}

// recount keeps the counts of rows not entered and of rows with a time
// that cannot be read after r changed.
func (g *dayGrid) recount(r *dayRow) {
	changed := false
	if m := r.isMissing(); m != r.missing {
		r.missing, changed = m, true
		if m {
			g.missing++
		} else {
			g.missing--
		}
	}
	if b := r.badTime(); b != r.bad {
		r.bad, changed = b, true
		if b {
			g.bad++
		} else {
			g.bad--
		}
	}
	if changed {
		g.showCounts()
	}
}

// showMatches lists beside the grid the codes the cursor row's code may
// still become ("T": TB, TK, TL), with their labels.
func (g *dayGrid) showMatches() {
	var m []data.Code
	if c := g.cursor; c.row < len(g.rows) && c.field == fieldCode {
		m = g.rows[c.row].matches(g.codes)
	}
	if len(m) == 0 {
		g.matches.Hide()
		return
	}
	g.matches.SetText(lang.L("att.day.matchtitle", map[string]any{"Code": g.rows[g.cursor.row].typedCode()}) +
		"\n" + strings.Join(legendLines(m), "\n"))
	g.matches.Show()
}

// showAndFocus shows d and puts the keyboard in the code of the first row
// not entered yet (the first row when all are entered), ready to type.
func (g *dayGrid) showAndFocus(d data.Date) {
	g.showThen(d, g.focusFirst)
}

// focusFirst puts the keyboard in the code of the first row not entered yet.
func (g *dayGrid) focusFirst() {
	first := 0
	for i, r := range g.rows {
		if r.missing {
			first = i
			break
		}
	}
	g.focusCell(first, fieldCode)
}

// inView reports whether row i is at least partly in the list's view.
func (g *dayGrid) inView(i int) bool {
	top, h := g.rowSpan(i)
	off := g.list.GetScrollOffset()
	return top+h > off && top < off+g.list.Size().Height
}

// wholeInView reports whether row i is wholly in the list's view.
func (g *dayGrid) wholeInView(i int) bool {
	top, h := g.rowSpan(i)
	off := g.list.GetScrollOffset()
	return top >= off && top+h <= off+g.list.Size().Height
}

// rowSpan returns where row i begins in the list and its height.
func (g *dayGrid) rowSpan(i int) (top, height float32) {
	top, height = float32(i)*(g.rowH+theme.Padding()), g.rowH
	for id, th := range g.tall {
		switch {
		case id < i:
			top += th - g.rowH
		case id == i:
			height = th
		}
	}
	return top, height
}

// focus gives the keyboard to e as one of the grid's own moves.
func (g *dayGrid) focus(e *gridEntry) {
	g.focusing = true
	g.u.win.Canvas().Focus(e)
	g.focusing = false
}

// focusCell makes row i and column f the cursor, scrolls the row into
// view and puts the keyboard in it; it returns the entry now focused, or
// nil when the row cannot be shown.
func (g *dayGrid) focusCell(i int, f dayField) *gridEntry {
	if i < 0 || i >= len(g.rows) {
		return nil
	}
	g.cursor = dayCursor{row: i, field: f}
	if !g.wholeInView(i) {
		g.list.ScrollTo(i)
	}
	c, ok := g.cells[i]
	if !ok || c.id != i || !g.inView(i) {
		return nil
	}
	e := c.entries[f]
	canvas := g.u.win.Canvas()
	g.focus(e)
	if canvas.Focused() != e {
		return nil
	}
	g.showMatches()
	return e
}

// step moves the cursor from row id to the same column delta rows on (Enter
// and ↓: 1, ↑: -1), scrolling as needed; past the last row Simpan takes
// the keyboard. A code typed that begins one code only becomes that code.
// Typing in the row reached replaces what is there.
func (g *dayGrid) step(id int, f dayField, delta int) {
	if id < 0 || id >= len(g.rows) {
		return
	}
	if f == fieldCode {
		g.complete(id)
	}
	next := id + delta
	switch {
	case next < 0:
		return
	case next >= len(g.rows):
		g.u.win.Canvas().Focus(g.save)
		return
	}
	if e := g.focusCell(next, f); e != nil {
		e.TypedShortcut(&fyne.ShortcutSelectAll{}) // typing replaces what is there
	}
}

// complete turns the code typed in row id into the one code it begins, if
// only one does ("P" becomes PSW).
func (g *dayGrid) complete(id int) {
	r := g.rows[id]
	code := r.completed(g.codes)
	if code == "" {
		return
	}
	r.setField(fieldCode, code)
	g.recount(r)
	if c, ok := g.cells[id]; ok && c.id == id {
		c.bind(id)
	}
	g.showMatches()
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
	g.showProblems(nil)
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
		g.showProblems(byID)
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

// showProblems shows under each row refused why (by staff id), making the
// row taller for it, and clears the reasons of the other rows.
func (g *dayGrid) showProblems(byID map[uint64]string) {
	width := g.list.Size().Width - 2*theme.Padding()
	if width < 300 {
		width = 300
	}
	changed := false
	for i, r := range g.rows {
		msg := byID[r.row.StaffID]
		if msg == r.problem {
			continue
		}
		changed = true
		r.problem = msg
		if msg == "" {
			delete(g.tall, i)
			g.list.SetItemHeight(i, g.rowH)
			continue
		}
		l := widget.NewLabel(msg)
		l.Wrapping = fyne.TextWrapWord
		l.Resize(fyne.NewSize(width, 0))
		g.tall[i] = g.rowH + theme.Padding() + l.MinSize().Height
		g.list.SetItemHeight(i, g.tall[i])
	}
	if changed {
		g.list.Refresh()
	}
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
