package ui

import (
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
	evals    *topCard        // evaluations of the current period not yet final
	overview *officeView     // the current period at a glance
	request  int             // counts refreshes, so a late result of an older one is dropped
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
	h.evals = newTopCard(lang.L("home.eval.title"), lang.L("home.eval.open"), func() { u.Show(ScreenEvaluation) })
	h.overview = newOfficeView(u, true)
	h.ramadan = newRamadanPrompt(u)
	h.view = container.NewVScroll(container.NewPadded(container.NewVBox(
		h.office, h.total, h.warnings, h.ramadan.view,
		container.NewGridWithColumns(2, kinds, units),
		h.overview.view,
		h.near.view,
		h.evals.view,
		h.file,
	)))
	return h
}

// refresh reloads Beranda. Everything it reads (the office, every staff
// record, the period's evaluations, the attendance year) is read and turned
// into rows off the UI goroutine, one part after the other in one goroutine
// so that the start leaves a core to the window; each part is then set in
// one go, the quick ones first.
func (h *homeScreen) refresh() {
	h.request++
	req, svc, today := h.request, h.u.svc, h.u.today()
	evalReq, nearReq := h.evals.begin(), h.near.card.begin()
	var near nearList
	runAsync(func() {
		c := readHomeCounts(svc, today)
		runOnUI(func() {
			if req == h.request {
				h.show(c)
			}
		})
		e := readUnfinished(svc, today)
		runOnUI(func() { h.showEvaluations(evalReq, e) })
		near = readNear(svc, today)
	}, func() { h.near.show(nearReq, near) })
	h.overview.loadCurrentOverview()
	h.ramadan.refresh()
}

// homeCounts is what the top of Beranda shows, read off the UI goroutine.
type homeCounts struct {
	office   string
	counts   activeCounts
	warnings []string
	file     string
}

// readHomeCounts reads the office, the staff and the units and counts them.
func readHomeCounts(svc *service.Service, today data.Date) homeCounts {
	var c homeCounts
	o, err := svc.Office()
	switch {
	case err != nil:
		c.office = err.Error()
	case o.IsSet():
		c.office = lang.L("home.office", map[string]any{"Kecamatan": o.Kecamatan, "Kabupaten": o.Kabupaten})
	default:
		c.office = lang.L("home.office.unset")
	}
	c.warnings = svc.Warnings()
	staff, err1 := svc.AllStaff()
	units, err2 := svc.Units()
	for _, err := range []error{err1, err2} {
		if err != nil {
			c.warnings = append(c.warnings, err.Error())
		}
	}
	c.counts = countActive(staff, units, today)
	c.file = lang.L("home.file", map[string]any{"Path": svc.Path()})
	return c
}

// show fills the top of Beranda from c.
func (h *homeScreen) show(c homeCounts) {
	h.office.SetText(c.office)
	h.total.SetText(lang.L("home.total", map[string]any{"N": c.counts.Total}))
	fillCounts(h.byKind, c.counts.ByKind)
	fillCounts(h.byUnit, c.counts.ByUnit)
	var ws []fyne.CanvasObject
	for _, w := range c.warnings {
		l := widget.NewLabel(w)
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		ws = append(ws, l)
	}
	h.warnings.Objects = ws
	h.warnings.Refresh()
	h.file.SetText(c.file)
}

// unfinishedList is what the evaluations card shows: the first homeTop
// rows, how many evaluations are not final, the text shown when there are
// none, or the error met.
type unfinishedList struct {
	rows  []topRow
	total int
	empty string
	err   error
}

// readUnfinished lists the evaluations of the current period that are not
// final yet: the first homeTop in the order of Kinerja › Evaluasi (unit,
// then name) and how many in all. It runs off the UI goroutine.
func readUnfinished(svc *service.Service, today data.Date) unfinishedList {
	var l unfinishedList
	p, stored, err := svc.CurrentPeriod(today)
	if err != nil {
		return unfinishedList{err: err}
	}
	if !stored {
		l.empty = lang.L("overview.notcreated", map[string]any{"Period": p.Label()})
		return l
	}
	l.empty = lang.L("home.eval.none", map[string]any{"Period": p.Label()})
	list, err := svc.EvaluationStates(p.ID)
	if err != nil {
		return unfinishedList{err: err}
	}
	for _, r := range list {
		if r.Stored && r.Evaluation.State == data.EvalFinal {
			continue
		}
		l.total++
		if len(l.rows) < homeTop {
			text := r.Employee.Name + "\n" + strings.Join(nonEmpty([]string{r.Employee.Unit, rowStatus(r)}), " · ")
			l.rows = append(l.rows, topRow{text: text, imp: widget.MediumImportance})
		}
	}
	return l
}

// showEvaluations replaces the evaluations card's content with l.
func (h *homeScreen) showEvaluations(req int, l unfinishedList) {
	if l.err != nil {
		h.evals.fail(req, l.err)
		return
	}
	h.evals.set(req, l.rows, l.total, l.empty)
}

// homeTop is how many rows a list on Beranda shows at most; the rest are
// counted, and a button opens the screen that lists them all.
const homeTop = 10

// topRow is one entry of a Beranda list: its text (lines separated by
// newlines) and its colour.
type topRow struct {
	text string
	imp  widget.Importance
}

// topCard is a card of Beranda for a list that can be long: at most homeTop
// rows, "dan N lainnya" and a button to the full screen. Its content is
// replaced as a whole, so a long list never relays the card out row by row.
type topCard struct {
	view    *widget.Card
	box     *fyne.Container
	more    *widget.Label
	open    *widget.Button
	request int
}

func newTopCard(title, openText string, open func()) *topCard {
	c := &topCard{box: container.NewVBox()}
	// A plain label: the only italic text of the window would make Fyne
	// load a whole set of italic faces (about 9 MB) for this one line.
	c.more = widget.NewLabel("")
	c.open = widget.NewButtonWithIcon(openText, theme.NavigateNextIcon(), open)
	c.open.IconPlacement = widget.ButtonIconTrailingText
	c.view = widget.NewCard(title, "", container.NewVBox(c.box, c.more, container.NewHBox(c.open)))
	c.set(0, nil, 0, lang.L("overview.loading"))
	return c
}

// begin starts a load and returns its number; set and fail ignore an older one.
func (c *topCard) begin() int {
	c.request++
	return c.request
}

// set shows rows (at most homeTop) out of total, or empty when there are none.
func (c *topCard) set(req int, rows []topRow, total int, empty string) {
	if req != c.request {
		return
	}
	objs := make([]fyne.CanvasObject, 0, max(len(rows), 1))
	for _, r := range rows {
		l := widget.NewLabel(r.text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = r.imp
		objs = append(objs, l)
	}
	if len(rows) == 0 {
		l := widget.NewLabel(empty)
		l.Wrapping = fyne.TextWrapWord
		objs = append(objs, l)
	}
	c.box.Objects = objs
	c.box.Refresh()
	if rest := total - len(rows); rest > 0 {
		c.more.SetText(lang.L("home.more", map[string]any{"N": rest}))
		c.more.Show()
	} else {
		c.more.Hide()
	}
}

// fail shows err in place of the list.
func (c *topCard) fail(req int, err error) {
	if req != c.request {
		return
	}
	l := widget.NewLabel(err.Error())
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.DangerImportance
	c.box.Objects = []fyne.CanvasObject{l}
	c.box.Refresh()
	c.more.Hide()
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
