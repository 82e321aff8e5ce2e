package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// nearThresholds is Beranda's card of the ASN near or past a PP 94/2021
// threshold this year (service.NearThresholds): the homeTop with the most
// days, each with the days counted and the potential level or the next
// threshold, how many more there are, and a button to Kehadiran › Disiplin,
// which lists them all.
type nearThresholds struct {
	u    *App
	card *topCard
	// holidays warns above the card when this year's or next year's holiday
	// list is missing or only an estimate; hidden otherwise.
	holidays *widget.Label
	view     fyne.CanvasObject
}

func newNearThresholds(u *App) *nearThresholds {
	n := &nearThresholds{u: u}
	n.card = newTopCard(lang.L("att.home.title"), lang.L("home.att.open"), u.showDiscipline)
	n.holidays = widget.NewLabel("")
	n.holidays.Wrapping = fyne.TextWrapWord
	n.holidays.Importance = widget.WarningImportance
	n.holidays.Hide()
	n.view = container.NewVBox(n.holidays, n.card.view)
	return n
}

// nearList is what the card shows: the first homeTop rows, how many people
// there are in all, or the error met; and the holiday-list warnings.
type nearList struct {
	rows     []topRow
	total    int
	err      error
	holidays []string
}

// readNear counts, for today's year, who is near a threshold and makes the
// card's rows, and reads whether this year's and next year's holiday lists
// are there; it runs off the UI goroutine (every ASN's year of attendance).
func readNear(svc *service.Service, today data.Date) nearList {
	var warnings []string
	for _, y := range []int{today.Year(), today.Year() + 1} {
		if l, err := svc.HolidayListStatus(y); err == nil && l.Warning() != "" {
			warnings = append(warnings, lang.L("att.home.holidays")+": "+l.Warning())
		}
	}
	lines, err := svc.NearThresholds(today)
	if err != nil {
		return nearList{err: err, holidays: warnings}
	}
	return nearList{rows: nearRows(lines[:min(len(lines), homeTop)]), total: len(lines), holidays: warnings}
}

// show replaces the card's content with l in one go; req is the number
// begin gave the load.
func (n *nearThresholds) show(req int, l nearList) {
	n.holidays.SetText(strings.Join(l.holidays, "\n"))
	n.holidays.Hidden = len(l.holidays) == 0
	n.holidays.Refresh()
	if l.err != nil {
		n.card.fail(req, l.err)
		return
	}
	n.card.set(req, l.rows, l.total, lang.L("att.home.none"))
}

// nearRows are the card's rows for lines: name, counts, then the potential
// level or the next threshold; red once a level is reached.
func nearRows(lines []service.DisciplineLine) []topRow {
	rows := make([]topRow, len(lines))
	for i, l := range lines {
		texts := disciplineTexts(l)
		rows[i] = topRow{text: texts[0] + "\n" + texts[1] + "\n" + nearText(l.Result), imp: widget.WarningImportance}
		if l.Result.Level != data.LevelNone {
			rows[i].imp = widget.DangerImportance
		}
	}
	return rows
}

// showDiscipline opens Kehadiran on its PP 94/2021 tab.
func (u *App) showDiscipline() {
	const tab = 2 // Disiplin, see newAttendanceScreen
	if u.attendance.tabs.SelectedIndex() == tab {
		u.Show(ScreenAttendance)
		return
	}
	u.attendance.tabs.SelectIndex(tab) // reloads the tab
	u.display(ScreenAttendance, u.attendance.view)
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
