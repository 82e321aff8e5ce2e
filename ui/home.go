package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// homeScreen is Beranda: the office, how many staff are active by kind and by
// unit, and the data file's warnings.
type homeScreen struct {
	u        *App
	view     fyne.CanvasObject
	office   *widget.Label
	total    *widget.Label
	byKind   *fyne.Container
	byUnit   *fyne.Container
	warnings *fyne.Container
	file     *widget.Label
	near     *nearThresholds // staff near a PP 94/2021 threshold
	overview *officeView     // the current period at a glance
	ramadan  *ramadanPrompt  // asks to check estimated Ramadan dates (home_ramadan.go)
}

func newHomeScreen(u *App) *homeScreen {
	h := &homeScreen{u: u}
	h.office = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.office.SizeName = theme.SizeNameHeadingText
	h.total = widget.NewLabel("")
	h.byKind = container.New(layout.NewFormLayout())
	h.byUnit = container.New(layout.NewFormLayout())
	h.warnings = container.NewVBox()
	h.file = widget.NewLabel("")
	h.file.Wrapping = fyne.TextWrapBreak
	kinds := widget.NewCard(lang.L("home.bykind"), "", h.byKind)
	units := widget.NewCard(lang.L("home.byunit"), "", h.byUnit)
	h.near = newNearThresholds(u)
	h.overview = newOfficeView(u, true)
	h.ramadan = newRamadanPrompt(u)
	h.view = container.NewVScroll(container.NewPadded(container.NewVBox(
		h.office, h.total, h.warnings, h.ramadan.view,
		container.NewGridWithColumns(2, kinds, units),
		h.overview.view,
		h.near.view,
		h.file,
	)))
	return h
}

// refresh reloads the office and counts from the store. Reading every staff
// record runs off the UI goroutine, as do the two cards below the counts.
func (h *homeScreen) refresh() {
	var (
		staff      []data.Staff
		units      []data.Unit
		err1, err2 error
	)
	svc := h.u.svc
	runAsync(func() {
		staff, err1 = svc.AllStaff()
		units, err2 = svc.Units()
	}, func() { h.show(staff, units, err1, err2) })
	h.near.refresh()
	h.overview.loadCurrentOverview()
	h.ramadan.refresh()
}

// show fills Beranda from the staff and units read by refresh.
func (h *homeScreen) show(staff []data.Staff, units []data.Unit, err1, err2 error) {
	o, err := h.u.svc.Office()
	switch {
	case err != nil:
		h.office.SetText(err.Error())
	case o.IsSet():
		h.office.SetText(lang.L("home.office", map[string]any{"Kecamatan": o.Kecamatan, "Kabupaten": o.Kabupaten}))
	default:
		h.office.SetText(lang.L("home.office.unset"))
	}
	warnings := h.u.svc.Warnings()
	for _, err := range []error{err1, err2} {
		if err != nil {
			warnings = append(warnings, err.Error())
		}
	}
	c := countActive(staff, units, h.u.today())
	h.total.SetText(lang.L("home.total", map[string]any{"N": c.Total}))
	fillCounts(h.byKind, c.ByKind)
	fillCounts(h.byUnit, c.ByUnit)
	h.warnings.RemoveAll()
	for _, w := range warnings {
		l := widget.NewLabel(w)
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		h.warnings.Add(l)
	}
	h.file.SetText(lang.L("home.file", map[string]any{"Path": h.u.svc.Path()}))
}

func fillCounts(c *fyne.Container, rows []countRow) {
	c.RemoveAll()
	for _, r := range rows {
		n := widget.NewLabel(strconv.Itoa(r.N))
		n.Alignment = fyne.TextAlignTrailing
		c.Add(widget.NewLabel(r.Label))
		c.Add(n)
	}
	if len(rows) == 0 {
		c.Add(widget.NewLabel(lang.L("home.none")))
		c.Add(widget.NewLabel(""))
	}
}

// countRow is one line of a count table: a label and how many.
type countRow struct {
	Label string
	N     int
}

// activeCounts are the numbers on Beranda.
type activeCounts struct {
	Total  int
	ByKind []countRow // in data.Kinds order, kinds with nobody left out
	ByUnit []countRow // in unit order, units with nobody left out
}

// countActive counts the staff active on day today, by kind and by unit.
func countActive(staff []data.Staff, units []data.Unit, today data.Date) activeCounts {
	kinds := map[data.Kind]int{}
	perUnit := map[uint64]int{}
	var c activeCounts
	for _, s := range staff {
		sit := s.At(today)
		if !sit.Active {
			continue
		}
		c.Total++
		kinds[s.Kind]++
		perUnit[sit.UnitID]++
	}
	for _, k := range data.Kinds {
		if kinds[k] > 0 {
			c.ByKind = append(c.ByKind, countRow{string(k), kinds[k]})
		}
	}
	for _, u := range units {
		if perUnit[u.ID] > 0 {
			c.ByUnit = append(c.ByUnit, countRow{u.Name, perUnit[u.ID]})
			delete(perUnit, u.ID)
		}
	}
	rest := 0
	for _, n := range perUnit {
		rest += n
	}
	if rest > 0 {
		c.ByUnit = append(c.ByUnit, countRow{lang.L("home.nounit"), rest})
	}
	return c
}
