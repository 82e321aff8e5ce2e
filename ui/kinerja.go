package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// kinerjaScreen is Kinerja: the evaluation periods with their dates,
// deadline and capaian kinerja organisasi (editable), buttons to create the
// next period and the annual one, and the office view of the chosen period.
type kinerjaScreen struct {
	u    *App
	view fyne.CanvasObject

	periods  []data.EvaluationPeriod
	selected string // id of the period shown
	list     *widget.List
	title    *widget.Label
	dates    *widget.Label
	capaian  *widget.Select
	next     *widget.Button
	annual   *widget.Button
	overview *officeView
	filling  bool // true while the capaian select is set from the store
}

func newKinerjaScreen(u *App) *kinerjaScreen {
	k := &kinerjaScreen{u: u}
	k.list = widget.NewList(
		func() int { return len(k.periods) },
		newTwoLineRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(k.periods) {
				return
			}
			p := k.periods[i]
			row := o.(*fyne.Container).Objects
			row[0].(*widget.Label).SetText(p.Label())
			row[1].(*widget.Label).SetText(periodSummary(p))
		},
	)
	k.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(k.periods) {
			k.showPeriod(k.periods[i])
		}
	}
	k.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	k.title.SizeName = theme.SizeNameSubHeadingText
	k.dates = widget.NewLabel("")
	k.dates.Wrapping = fyne.TextWrapWord
	k.capaian = newSelect(capaianOptions(), func(string) { k.saveCapaian() })
	k.next = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { k.create(k.nextID()) })
	k.annual = widget.NewButtonWithIcon("", theme.ContentAddIcon(), func() { k.create(k.annualID()) })
	k.overview = newOfficeView(u, false)

	periodsHead := widget.NewLabelWithStyle(lang.L("kinerja.periods"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(container.NewVBox(periodsHead, k.next, k.annual), nil, nil, nil, k.list)
	capaianRow := container.New(layout.NewFormLayout(), widget.NewLabel(lang.L("kinerja.capaian")), k.capaian)
	right := container.NewVScroll(container.NewPadded(container.NewVBox(k.title, k.dates, capaianRow, k.overview.view)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.25
	k.view = container.NewPadded(split)
	return k
}

// capaianOptions is "not set" followed by the capaian labels.
func capaianOptions() []string {
	out := []string{lang.L("kinerja.capaian.none")}
	for _, c := range data.Capaians {
		out = append(out, c.Label())
	}
	return out
}

// periodSummary is the second line of a period row: dates, deadline, capaian.
func periodSummary(p data.EvaluationPeriod) string {
	s := p.Start.Slash() + "–" + p.End.Slash() + " · " + lang.L("kinerja.deadline.short", map[string]any{"Date": p.Deadline.Slash()})
	if p.Capaian != "" {
		s += " · " + p.Capaian.Label()
	}
	return s
}

// reload reads the periods and shows the one chosen before, else the current one, else the latest.
func (k *kinerjaScreen) reload() {
	periods, err := k.u.svc.Periods()
	if err != nil {
		k.u.showError(err)
		return
	}
	k.periods = periods
	k.next.SetText(lang.L("kinerja.create", map[string]any{"Period": data.PeriodLabel(k.nextID())}))
	k.annual.SetText(lang.L("kinerja.create", map[string]any{"Period": data.PeriodLabel(k.annualID())}))
	k.annual.Hidden = k.hasPeriod(k.annualID())
	k.annual.Refresh()
	k.list.Refresh()
	want := k.selected
	if want == "" {
		if p, stored, err := k.u.svc.CurrentPeriod(k.u.today()); err == nil && stored {
			want = p.ID
		}
	}
	if want == "" && len(periods) > 0 {
		want = periods[len(periods)-1].ID
	}
	for i, p := range periods {
		if p.ID == want {
			k.list.Select(i)
			k.showPeriod(p)
			return
		}
	}
	k.title.SetText(lang.L("kinerja.noperiod"))
	k.dates.SetText("")
	k.capaian.Disable()
	k.overview.clear("")
}

func (k *kinerjaScreen) hasPeriod(id string) bool {
	for _, p := range k.periods {
		if p.ID == id {
			return true
		}
	}
	return false
}

// showPeriod shows p's dates and capaian and loads its office view.
func (k *kinerjaScreen) showPeriod(p data.EvaluationPeriod) {
	k.selected = p.ID
	k.title.SetText(p.Label())
	k.dates.SetText(lang.L("kinerja.dates", map[string]any{"Start": p.Start.Long(), "End": p.End.Long(), "Deadline": p.Deadline.Long()}))
	k.filling = true
	k.capaian.Enable()
	k.capaian.SetSelectedIndex(capaianIndex(p.Capaian))
	k.filling = false
	k.overview.load(p.ID)
}

func capaianIndex(c data.CapaianOrganisasi) int {
	for i, x := range data.Capaians {
		if x == c {
			return i + 1
		}
	}
	return 0
}

// saveCapaian stores the capaian chosen for the period shown.
func (k *kinerjaScreen) saveCapaian() {
	if k.filling || k.selected == "" {
		return
	}
	var c data.CapaianOrganisasi
	if i := k.capaian.SelectedIndex(); i > 0 && i <= len(data.Capaians) {
		c = data.Capaians[i-1]
	}
	if _, err := k.u.svc.SetCapaian(k.selected, c); err != nil {
		k.u.showError(err)
	}
	k.reload()
}

// nextID is the id of the period to create next: after the latest stored
// period of the office's cadence, or the current one when none is stored.
func (k *kinerjaScreen) nextID() string {
	set, err := k.u.svc.EvaluationSettings()
	if err != nil {
		set = data.DefaultEvaluationSettings()
	}
	return nextPeriod(k.periods, set.Cadence, k.u.today()).ID
}

// annualID is the id of the annual period of the year of the latest stored
// period (today's year when none).
func (k *kinerjaScreen) annualID() string {
	year := k.u.today().Year()
	if n := len(k.periods); n > 0 {
		year = k.periods[n-1].End.Year()
	}
	return data.CurrentPeriod(data.NewDate(year, 1, 1), data.PeriodAnnual).ID
}

// nextPeriod returns the period of cadence that follows the latest one of
// that cadence in periods, or the one containing today when there is none.
func nextPeriod(periods []data.EvaluationPeriod, cadence data.PeriodKind, today data.Date) data.Period {
	var last data.Date
	for _, p := range periods {
		if p.Kind == cadence && p.End.After(last) {
			last = p.End
		}
	}
	if last.IsZero() {
		return data.CurrentPeriod(today, cadence)
	}
	return data.CurrentPeriod(last.AddDays(1), cadence)
}

// create makes the period id after asking for confirmation.
func (k *kinerjaScreen) create(id string) {
	msg := lang.L("kinerja.create.confirm", map[string]any{"Period": data.PeriodLabel(id)})
	d := dialog.NewConfirm(lang.L("kinerja.create.title"), msg, func(ok bool) {
		if !ok {
			return
		}
		p, err := k.u.svc.CreatePeriod(id)
		if err != nil {
			k.u.showError(err)
			return
		}
		k.selected = p.ID
		k.reload()
	}, k.u.win)
	d.SetConfirmText(lang.L("kinerja.create.ok"))
	d.SetDismissText(lang.L("button.cancel"))
	d.Show()
}
