package ui

import (
	"testing"

	"fyne.io/fyne/v2"
)

// typeKeys types s into whatever has the keyboard, as the keyboard does.
func typeKeys(u *App, s string) {
	for _, r := range s {
		u.win.Canvas().Focused().TypedRune(r)
	}
}

// pressKey sends one key to whatever has the keyboard.
func pressKey(u *App, name fyne.KeyName) {
	u.win.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: name})
}

// focusedCell returns the row and column of the grid entry that has the
// keyboard, if one has.
func focusedCell(u *App) (dayCursor, bool) {
	e, ok := u.win.Canvas().Focused().(*gridEntry)
	if !ok {
		return dayCursor{}, false
	}
	return dayCursor{row: e.cells.id, field: e.field}, true
}

// cellsOf scrolls row i into view and returns the cells showing it.
func cellsOf(t testing.TB, g *dayGrid, i int) *dayCells {
	t.Helper()
	g.list.ScrollTo(i)
	c, ok := g.cells[i]
	if !ok || c.id != i {
		t.Fatalf("row %d is not shown after scrolling to it", i)
	}
	return c
}

// typeAt puts the keyboard in row i, column f, and types s there.
func typeAt(t testing.TB, g *dayGrid, i int, f dayField, s string) {
	t.Helper()
	if g.focusCell(i, f) == nil {
		t.Fatalf("row %d cannot take the keyboard", i)
	}
	typeKeys(g.u, s)
}
