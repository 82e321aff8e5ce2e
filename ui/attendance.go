package ui

import (
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// attendanceScreen is Kehadiran: tabs for the daily entry grid (with the
// leave, fingerprint-import and sign-in sheet dialogs), the monthly recap,
// the PP 94/2021 discipline count, the work calendar, and the schedule and
// rules. Each tab reloads from the store
// when it is shown.
type attendanceScreen struct {
	u          *App
	view       fyne.CanvasObject
	tabs       *container.AppTabs
	day        *dayGrid
	recap      *recapView
	discipline *disciplineView
	calendar   *calendarView
	rules      *rulesView
}

func newAttendanceScreen(u *App) *attendanceScreen {
	a := &attendanceScreen{u: u}
	a.day = newDayGrid(u)
	a.recap = newRecapView(u)
	a.discipline = newDisciplineView(u)
	a.calendar = newCalendarView(u)
	a.rules = newRulesView(u)
	a.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("att.tab.day"), a.day.view),
		container.NewTabItem(lang.L("att.tab.recap"), a.recap.view),
		container.NewTabItem(lang.L("att.tab.discipline"), a.discipline.view),
		container.NewTabItem(lang.L("att.tab.calendar"), a.calendar.view),
		container.NewTabItem(lang.L("att.tab.rules"), a.rules.view),
	)
	a.tabs.OnSelected = func(*container.TabItem) { a.refresh() }
	a.view = a.tabs
	// Closing the window with typed rows not saved asks first.
	u.win.SetCloseIntercept(func() {
		if !a.day.confirmLeave(u.win.Close, nil) {
			u.win.Close()
		}
	})
	return a
}

// confirmLeave asks before leaving Kehadiran with typed rows not saved
// (see dayGrid.confirmLeave) and reports whether it asked.
func (a *attendanceScreen) confirmLeave(proceed, stay func()) bool {
	return a.day.confirmLeave(proceed, stay)
}

// refresh reloads the tab shown.
func (a *attendanceScreen) refresh() {
	switch a.tabs.SelectedIndex() {
	case 0:
		a.day.reload()
	case 1:
		a.recap.reload()
	case 2:
		a.discipline.reload()
	case 3:
		a.calendar.reload()
	case 4:
		a.rules.reload()
	}
}

// yearOptions lists the years offered by the year pickers: five years back
// through next year, as text.
func yearOptions(today data.Date) []string {
	var out []string
	for y := today.Year() - 5; y <= today.Year()+1; y++ {
		out = append(out, strconv.Itoa(y))
	}
	return out
}

// fileDialogSize is the size of the file and folder dialogs of Kehadiran:
// Fyne's default is too small to read a folder of machine logs.
var fileDialogSize = fyne.NewSize(820, 560)

// monthOptions lists the month names, January first.
func monthOptions() []string { return append([]string(nil), data.MonthNames[:]...) }

// monthOf returns the month of a month picker's index (0 is January).
func monthOf(index int) time.Month { return time.Month(index + 1) }

// unitPicker is the optional unit filter of the attendance tabs: "Semua
// unit" or one unit.
type unitPicker struct {
	sel   *widget.Select
	units []data.Unit
}

func newUnitPicker(changed func()) *unitPicker {
	p := &unitPicker{}
	p.sel = newSelect([]string{lang.L("att.unit.all")}, nil)
	p.sel.SetSelectedIndex(0)
	p.sel.OnChanged = func(string) { changed() }
	return p
}

// load offers the units, keeping the unit chosen when it still exists.
func (p *unitPicker) load(units []data.Unit) {
	keep := p.id()
	p.units = units
	opts := []string{lang.L("att.unit.all")}
	at := 0
	for i, un := range units {
		opts = append(opts, un.Name)
		if un.ID == keep {
			at = i + 1
		}
	}
	changed := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetOptions(opts)
	p.sel.SetSelectedIndex(at)
	p.sel.OnChanged = changed
}

// choose selects the unit id (0: every unit) without calling back.
func (p *unitPicker) choose(id uint64) {
	at := 0
	for i, un := range p.units {
		if un.ID == id {
			at = i + 1
		}
	}
	changed := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetSelectedIndex(at)
	p.sel.OnChanged = changed
}

// id returns the unit chosen, 0 for every unit.
func (p *unitPicker) id() uint64 {
	i := p.sel.SelectedIndex()
	if i <= 0 || i > len(p.units) {
		return 0
	}
	return p.units[i-1].ID
}

// columnsLayout lays its objects side by side with fixed widths; the last
// object takes the width left (at least its own minimum). Rows and their
// header use the same widths, so the columns line up without a Table.
type columnsLayout struct{ widths []float32 }

func (l columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	pad := theme.Padding()
	for i, o := range objs {
		w := size.Width - x
		if i < len(l.widths) && i < len(objs)-1 {
			w = l.widths[i]
		}
		// Resize to the column's width first: a wrapping label knows its
		// height only once it knows its width.
		o.Resize(fyne.NewSize(w, size.Height))
		h := fyne.Min(o.MinSize().Height, size.Height)
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		o.Resize(fyne.NewSize(w, h))
		x += w + pad
	}
}

func (l columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	pad := theme.Padding()
	for i, o := range objs {
		m := o.MinSize()
		if i < len(l.widths) && i < len(objs)-1 {
			w += l.widths[i]
		} else {
			w += m.Width
		}
		if i > 0 {
			w += pad
		}
		h = fyne.Max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

// sideIfRoomLayout lays out the main object (first) with an optional panel
// (second) at its right, sideWidth wide, only when the width left to the
// main object is still at least its minimum plus room; otherwise the panel is
// hidden rather than squeezed, and the window is never asked to grow for it.
type sideIfRoomLayout struct{ sideWidth, room float32 }

func (l sideIfRoomLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	main, side := objs[0], objs[1]
	pad := theme.Padding()
	mainW := size.Width - l.sideWidth - pad
	if mainW < main.MinSize().Width+l.room {
		side.Hide()
		main.Move(fyne.NewPos(0, 0))
		main.Resize(size)
		return
	}
	side.Show()
	main.Move(fyne.NewPos(0, 0))
	main.Resize(fyne.NewSize(mainW, size.Height))
	side.Move(fyne.NewPos(mainW+pad, 0))
	side.Resize(fyne.NewSize(l.sideWidth, size.Height))
}

func (l sideIfRoomLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}
