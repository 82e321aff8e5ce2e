package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// nearThresholds is Beranda's card of the ASN near or past a PP 94/2021
// threshold this year (service.NearThresholds): name, the days counted and
// the potential level or the next threshold.
type nearThresholds struct {
	u    *App
	view fyne.CanvasObject
	list *fyne.Container
	// holidays are the holiday-list warnings shown (this year and next).
	holidays []string
}

func newNearThresholds(u *App) *nearThresholds {
	n := &nearThresholds{u: u, list: container.NewVBox()}
	n.view = widget.NewCard(lang.L("att.home.title"), "", n.list)
	return n
}

// refresh lists the people near a threshold on today's date; the count runs
// over every ASN's year of attendance, so it runs off the UI goroutine.
func (n *nearThresholds) refresh() {
	var (
		lines    []service.DisciplineLine
		err      error
		warnings []string
	)
	svc, today := n.u.svc, n.u.today()
	runAsync(func() {
		lines, err = svc.NearThresholds(today)
		// This year's and next year's holiday lists: missing or provisional.
		for _, y := range []int{today.Year(), today.Year() + 1} {
			if l, e := svc.HolidayListStatus(y); e == nil && l.Warning() != "" {
				warnings = append(warnings, l.Warning())
			}
		}
	}, func() {
		n.show(lines, err)
		n.showHolidays(warnings)
	})
}

// showHolidays puts the holiday-list warnings at the top of the card.
func (n *nearThresholds) showHolidays(warnings []string) {
	n.holidays = warnings
	for i := len(warnings) - 1; i >= 0; i-- {
		l := widget.NewLabel(lang.L("att.home.holidays") + ": " + warnings[i])
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.WarningImportance
		n.list.Objects = append([]fyne.CanvasObject{l}, n.list.Objects...)
	}
	n.list.Refresh()
}

// show replaces the list with lines, or with err.
func (n *nearThresholds) show(lines []service.DisciplineLine, err error) {
	n.list.RemoveAll()
	if err != nil {
		l := widget.NewLabel(err.Error())
		l.Importance = widget.DangerImportance
		n.list.Add(l)
		return
	}
	if len(lines) == 0 {
		n.list.Add(widget.NewLabel(lang.L("att.home.none")))
		return
	}
	for _, l := range lines {
		texts := disciplineTexts(l)
		what := widget.NewLabel(texts[0] + "\n" + texts[1] + "\n" + nearText(l.Result))
		what.Wrapping = fyne.TextWrapWord
		if l.Result.Level != data.LevelNone {
			what.Importance = widget.DangerImportance
		} else {
			what.Importance = widget.WarningImportance
		}
		n.list.Add(what)
	}
}

// nearText is the potential level, then the next threshold when there is one.
func nearText(r data.DisciplineResult) string {
	switch {
	case r.Potential != "" && r.NextThreshold != "":
		return r.Potential + ". " + r.NextThreshold
	case r.Potential != "":
		return r.Potential
	}
	return r.NextThreshold
}
