package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// disciplineView is the PP 94/2021 tab: for a calendar year, each staff
// member's TK days, lateness converted to days, the total, the longest run
// of consecutive TK days and — for ASN — the potential level and the next
// threshold. Non-ASN get the counts only. Nothing is imposed: the level is
// a potential one.
type disciplineView struct {
	u       *App
	request int // the latest reload; an older result arriving late is dropped
	view    fyne.CanvasObject
	year    *widget.Select
	list    *widget.List
	lines   []service.DisciplineLine
	msg     *widget.Label
}

func newDisciplineView(u *App) *disciplineView {
	v := &disciplineView{u: u}
	today := u.today()
	v.year = newSelect(yearOptions(today), func(string) { v.reload() })
	v.year.SetSelected(strconv.Itoa(today.Year()))
	v.list = widget.NewList(func() int { return len(v.lines) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			counts, level, next := widget.NewLabel(""), widget.NewLabel(""), widget.NewLabel("")
			for _, l := range []*widget.Label{title, counts, level, next} {
				l.Truncation = fyne.TextTruncateEllipsis
			}
			return container.NewVBox(title, counts, level, next)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			labels := o.(*fyne.Container).Objects
			texts := disciplineTexts(v.lines[i])
			for j, l := range labels {
				l.(*widget.Label).SetText(texts[j])
			}
			r := v.lines[i].Result
			level := labels[2].(*widget.Label)
			switch {
			case r.Level != data.LevelNone:
				level.Importance = widget.DangerImportance
			case r.DaysToNext > 0 && r.DaysToNext <= service.NearDays && r.TotalDays > 0:
				level.Importance = widget.WarningImportance
			default:
				level.Importance = widget.MediumImportance
			}
			level.Refresh()
		})
	v.msg = widget.NewLabel("")
	v.msg.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("att.disc.note"))
	note.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewHBox(widget.NewLabel(lang.L("att.disc.year")), v.year), note)
	v.view = container.NewBorder(top, v.msg, nil, nil, v.list)
	return v
}

// disciplineTexts are the four lines shown for a person: name, counts,
// potential level, next threshold.
func disciplineTexts(l service.DisciplineLine) [4]string {
	r := l.Result
	title := l.Name + " — " + l.NIP + " (" + string(l.Kind) + ", " + l.Unit + ")"
	counts := lang.L("att.disc.counts", map[string]any{"TK": r.AbsentDays, "Late": r.LateDays,
		"Minutes": r.LateMinutes, "Total": r.TotalDays, "Run": r.LongestRun})
	level, next := r.Potential, r.NextThreshold
	switch {
	case r.CountsOnly:
		level, next = lang.L("att.disc.countsonly"), ""
	case level == "":
		level = lang.L("att.disc.nolevel")
	}
	return [4]string{title, counts, level, next}
}

func (v *disciplineView) reload() {
	if v.list == nil {
		return
	}
	year, convErr := strconv.Atoi(v.year.Selected)
	if convErr != nil {
		year = v.u.today().Year()
	}
	v.request++
	req, svc := v.request, v.u.svc
	var (
		lines []service.DisciplineLine
		err   error
	)
	runAsync(func() {
		lines, err = svc.DisciplineYear(year) // a year for every staff member
	}, func() {
		if req != v.request {
			return // a later year was chosen meanwhile
		}
		if err != nil {
			v.msg.SetText(err.Error())
			lines = nil
		} else {
			v.msg.SetText(lang.L("att.disc.status", map[string]any{"N": len(lines)}))
		}
		v.lines = lines
		v.list.Refresh()
	})
}
