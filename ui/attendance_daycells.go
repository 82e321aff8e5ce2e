package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// The daily grid shows its rows in a widget.List, which creates widgets
// only for the rows in view and hands them from row to row as the grid
// scrolls. What is typed therefore lives in the model (dayRow), and the
// keyboard follows a cursor (row and column) rather than a widget: an
// entry handed to another row while it has the keyboard gives it to the
// grid (dayTable), which passes what is typed next to the cursor row,
// bringing it back into view.

// dayCursor is the row and column that take what is typed.
type dayCursor struct {
	row   int
	field dayField
}

// dayCells shows one row of the daily grid: name and NIP, the typed
// columns, the label of the code, the minutes the times give, and why a save
// refused the row. The list binds it to whichever row scrolls into view; its
// entries write to that row of the model only.
type dayCells struct {
	widget.BaseWidget
	g       *dayGrid
	id      int // the row shown; -1 before the first bind
	who     *widget.Label
	entries [4]*gridEntry // indexed by dayField
	label   *widget.Label
	minutes *widget.Label
	problem *widget.Label
	box     *fyne.Container
	binding bool // bind is setting the entries: their changes are not typing
}

func (g *dayGrid) newCells() fyne.CanvasObject {
	c := &dayCells{g: g, id: -1}
	c.who = widget.NewLabel("Nama\nNIP") // two lines: the row's height
	for f := range c.entries {
		c.entries[f] = newGridEntry(c, dayField(f))
	}
	c.entries[fieldIn].PlaceHolder = lang.L("att.clock")
	c.entries[fieldOut].PlaceHolder = lang.L("att.clock")
	c.label = widget.NewLabel("")
	c.label.Wrapping = fyne.TextWrapWord
	c.minutes = widget.NewLabel("")
	c.minutes.Wrapping = fyne.TextWrapWord
	c.problem = widget.NewLabel("")
	c.problem.Importance = widget.DangerImportance
	c.problem.Wrapping = fyne.TextWrapWord
	c.problem.Hide()
	line := container.New(columnsLayout{dayColumns}, c.who, c.entries[fieldCode], c.label,
		c.entries[fieldIn], c.entries[fieldOut], c.minutes, c.entries[fieldNote])
	c.box = container.NewVBox(line, c.problem)
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer draws the row's widgets.
func (c *dayCells) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.box) }

// bind shows row id of the model. An entry of these cells that has the
// keyboard while they move to another row gives it to the grid; the cells
// that show the cursor row take it back when the grid holds it.
func (c *dayCells) bind(id int) {
	g := c.g
	if id < 0 || id >= len(g.rows) {
		return
	}
	moved := c.id != id
	if old, ok := g.cells[c.id]; ok && old == c {
		delete(g.cells, c.id)
	}
	c.id = id
	g.cells[id] = c
	r := g.rows[id]
	setLabel(c.who, clip(r.row.Name, 28)+"\n"+r.row.NIP, widget.MediumImportance)
	c.binding = true
	for f, e := range c.entries {
		if s := r.field(dayField(f)); e.Text != s {
			e.SetText(s)
		}
	}
	c.binding = false
	c.showDerived(r)
	setLabel(c.problem, r.problem, widget.DangerImportance)
	if r.problem == "" {
		c.problem.Hide()
	} else {
		c.problem.Show()
	}
	canvas := g.u.win.Canvas()
	focused, _ := canvas.Focused().(*gridEntry)
	switch {
	case focused != nil && focused.cells == c && moved:
		canvas.Focus(g.table)
	case id == g.cursor.row && canvas.Focused() == g.table:
		e := c.entries[g.cursor.field]
		g.focus(e)
		e.CursorColumn = len([]rune(e.Text))
	}
}

// showDerived shows what the row's code means and the minutes its times give.
func (c *dayCells) showDerived(r *dayRow) {
	text, imp := r.label(c.g.codes)
	setLabel(c.label, text, imp)
	text, imp = r.minutes(c.g.shown, c.g.rules)
	setLabel(c.minutes, text, imp)
}

// setLabel sets a label's text and importance, drawing it again only when
// either changed.
func setLabel(l *widget.Label, text string, imp widget.Importance) {
	if l.Text == text && l.Importance == imp {
		return
	}
	l.Importance = imp
	l.SetText(text)
}

// gridEntry is a typed column of one row of the daily grid. Enter and ↓
// move to the same column of the next row, ↑ to the row before; a code
// that only begins one code of the list ("P") becomes that code (PSW) as
// the cursor leaves it.
type gridEntry struct {
	widget.Entry
	cells *dayCells
	field dayField
}

func newGridEntry(c *dayCells, f dayField) *gridEntry {
	e := &gridEntry{cells: c, field: f}
	e.ExtendBaseWidget(e)
	e.OnChanged = func(s string) {
		if !c.binding {
			c.g.typed(c, f, s)
		}
	}
	return e
}

// away reports whether the row these cells show went out of view while
// the entry kept the keyboard (the list keeps cells it scrolled past
// without showing another row in them until it needs them).
func (e *gridEntry) away() bool {
	return e.cells.id >= 0 && !e.cells.g.inView(e.cells.id)
}

// TypedRune types into the row, bringing it back into view first.
func (e *gridEntry) TypedRune(r rune) {
	if e.away() {
		e.cells.g.table.TypedRune(r)
		return
	}
	e.Entry.TypedRune(r)
}

// TypedKey moves between rows with Enter, ↓ and ↑; other keys edit the
// text, bringing the row back into view first.
func (e *gridEntry) TypedKey(k *fyne.KeyEvent) {
	if e.away() {
		e.cells.g.table.TypedKey(k)
		return
	}
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		e.cells.g.step(e.cells.id, e.field, 1)
	case fyne.KeyUp:
		e.cells.g.step(e.cells.id, e.field, -1)
	default:
		e.Entry.TypedKey(k)
	}
}

// FocusGained makes this row and column the grid's cursor. Reached with
// Tab (not by the grid's own moves, nor by a click, which places the text
// cursor itself), the column's text is selected, so what is typed replaces
// it, as in a spreadsheet.
func (e *gridEntry) FocusGained() {
	e.Entry.FocusGained()
	g := e.cells.g
	if !g.focusing && e.Text != "" {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
	}
	if id := e.cells.id; id >= 0 && id < len(g.rows) {
		g.cursor = dayCursor{row: id, field: e.field}
		g.showMatches()
	}
}

// dayTable holds the grid's list and takes the keyboard when the entry
// that had it scrolled away: what is typed then goes to the cursor row,
// which scrolls back into view.
type dayTable struct {
	widget.BaseWidget
	g *dayGrid
}

func newDayTable(g *dayGrid) *dayTable {
	t := &dayTable{g: g}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer draws the list.
func (t *dayTable) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.g.list) }

// FocusGained does nothing: the cursor row takes what is typed.
func (t *dayTable) FocusGained() {}

// FocusLost does nothing.
func (t *dayTable) FocusLost() {}

// TypedRune types into the cursor's column, bringing its row into view.
func (t *dayTable) TypedRune(r rune) {
	if e := t.g.focusCell(t.g.cursor.row, t.g.cursor.field); e != nil {
		e.CursorColumn = len([]rune(e.Text))
		e.TypedRune(r)
	}
}

// TypedKey moves the cursor with Enter, ↓ and ↑, and passes other keys to
// the cursor's column.
func (t *dayTable) TypedKey(k *fyne.KeyEvent) {
	g := t.g
	switch k.Name {
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyDown:
		g.step(g.cursor.row, g.cursor.field, 1)
	case fyne.KeyUp:
		g.step(g.cursor.row, g.cursor.field, -1)
	default:
		// The key goes to the end of the cursor's column, as typed runes
		// do, wherever the recycled entry's own cursor was.
		if e := g.focusCell(g.cursor.row, g.cursor.field); e != nil {
			e.CursorColumn = len([]rune(e.Text))
			e.TypedKey(k)
		}
	}
}
