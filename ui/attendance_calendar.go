package ui

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// calendarView is the work-calendar tab: the days off of a year (national
// holidays, cuti bersama and local days off) with their kind, adding a
// local day off, removing a day, importing next year's list from a CSV of
// the shipped shape, and the work week with its hours and the Ramadan
// ranges (attendance settings).
type calendarView struct {
	u        *App
	view     fyne.CanvasObject
	year     *widget.Select
	list     *widget.List
	days     []data.Holiday
	newDate  *DateEntry
	newName  *widget.Entry
	msg      *widget.Label
	week     [7]*weekdayRow
	ramadan  *fyne.Container
	ranges   []*ramadanRow
	settings data.AttendanceSettings
	setMsg   *widget.Label
}

// weekdayRow edits one weekday's usual hours: whether it is a working day,
// start, end and the break.
type weekdayRow struct {
	works                   *widget.Check
	start, end, brk, brkEnd *widget.Entry
}

// ramadanRow edits one Ramadan date range.
type ramadanRow struct {
	from, to *DateEntry
	box      fyne.CanvasObject
}

func newCalendarView(u *App) *calendarView {
	v := &calendarView{u: u, ramadan: container.NewVBox()}
	today := u.today()
	v.year = newSelect(yearOptions(today), func(string) { v.reload() })
	v.year.SetSelected(strconv.Itoa(today.Year()))
	v.list = widget.NewList(func() int { return len(v.days) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewButtonWithIcon("", theme.DeleteIcon(), nil), l)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := v.days[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(data.DayNames[h.Date.Weekday()] + ", " + h.Date.Long() + " — " + h.Kind.Label() + "\n" + h.Name)
			c.Objects[1].(*widget.Button).OnTapped = func() { v.remove(h) }
		})
	v.newDate = NewDateEntry()
	v.newName = widget.NewEntry()
	v.newName.PlaceHolder = lang.L("att.cal.name")
	add := widget.NewButton(lang.L("att.cal.add"), v.add)
	imp := widget.NewButton(lang.L("att.cal.import"), v.chooseCSV)
	v.msg = widget.NewLabel("")
	v.msg.Wrapping = fyne.TextWrapWord
	addRow := container.NewBorder(nil, nil, nil, add, container.NewGridWithColumns(2, v.newDate, v.newName))
	left := container.NewBorder(container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("att.cal.year")), v.year, layout.NewSpacer(), imp),
		addRow, v.msg), nil, nil, nil, v.list)
	v.setMsg = widget.NewLabel("")
	v.setMsg.Wrapping = fyne.TextWrapWord
	split := container.NewHSplit(left, container.NewVScroll(v.settingsForm()))
	split.Offset = 0.5
	v.view = split
	return v
}

// settingsForm builds the work week and Ramadan editor.
func (v *calendarView) settingsForm() fyne.CanvasObject {
	grid := container.NewGridWithColumns(5)
	for _, k := range []string{"att.cal.day", "att.cal.start", "att.cal.end", "att.cal.break", "att.cal.breakend"} {
		grid.Add(widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	for _, wd := range []int{1, 2, 3, 4, 5, 6, 0} {
		r := &weekdayRow{works: widget.NewCheck(data.DayNames[wd], nil),
			start: widget.NewEntry(), end: widget.NewEntry(), brk: widget.NewEntry(), brkEnd: widget.NewEntry()}
		v.week[wd] = r
		grid.Add(r.works)
		for _, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
			e.PlaceHolder = lang.L("att.clock")
			grid.Add(e)
		}
	}
	addRange := widget.NewButton(lang.L("att.cal.ramadan.add"), func() { v.addRange(data.DateRange{}) })
	save := widget.NewButton(lang.L("att.cal.save"), v.saveSettings)
	save.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(lang.L("att.cal.week"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rtitle := widget.NewLabelWithStyle(lang.L("att.cal.ramadan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	hint := widget.NewLabel(lang.L("att.cal.ramadan.hint"))
	hint.Wrapping = fyne.TextWrapWord
	return container.NewVBox(title, grid, rtitle, hint, v.ramadan, addRange, v.setMsg, container.NewHBox(layout.NewSpacer(), save))
}

func (v *calendarView) chosenYear() int {
	y, err := strconv.Atoi(v.year.Selected)
	if err != nil {
		return v.u.today().Year()
	}
	return y
}

// reload shows the year's days off and the settings from the store.
func (v *calendarView) reload() {
	if v.list == nil {
		return
	}
	cal, err := service.Calendar(v.u.st)
	if err != nil {
		v.msg.SetText(err.Error())
		return
	}
	year := v.chosenYear()
	v.days = nil
	for _, h := range cal.Holidays {
		if h.Date.Year() == year {
			v.days = append(v.days, h)
		}
	}
	v.msg.SetText(lang.L("att.cal.count", map[string]any{"N": len(v.days), "Year": year}))
	v.list.Refresh()
	v.settings, err = v.u.st.AttendanceSettings()
	if err != nil {
		v.setMsg.SetText(err.Error())
		return
	}
	v.showSettings()
}

// showSettings fills the week and the Ramadan ranges from v.settings.
func (v *calendarView) showSettings() {
	for wd, r := range v.week {
		h := v.settings.Schedule.Week[wd]
		r.works.SetChecked(h.Works())
		texts := []string{"", "", "", ""}
		if h.Works() {
			texts = []string{data.FormatClock(h.Start), data.FormatClock(h.End), "", ""}
			if h.BreakEnd > h.BreakStart {
				texts[2], texts[3] = data.FormatClock(h.BreakStart), data.FormatClock(h.BreakEnd)
			}
		}
		for i, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
			e.SetText(texts[i])
		}
	}
	v.ranges = nil
	v.ramadan.RemoveAll()
	for _, r := range v.settings.Ramadan {
		v.addRange(r)
	}
}

func (v *calendarView) addRange(r data.DateRange) {
	row := &ramadanRow{from: NewDateEntry(), to: NewDateEntry()}
	row.from.SetDate(r.From)
	row.to.SetDate(r.To)
	var del *widget.Button
	del = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() {
		for i, x := range v.ranges {
			if x == row {
				v.ranges = append(v.ranges[:i], v.ranges[i+1:]...)
			}
		}
		v.ramadan.Remove(row.box)
	})
	row.box = container.NewBorder(nil, nil, nil, del, container.NewGridWithColumns(2, row.from, row.to))
	v.ranges = append(v.ranges, row)
	v.ramadan.Add(row.box)
}

// readSettings reads the week and the Ramadan ranges into a copy of v.settings.
func (v *calendarView) readSettings() (data.AttendanceSettings, error) {
	s := v.settings
	for wd, r := range v.week {
		if !r.works.Checked {
			s.Schedule.Week[wd] = data.DayHours{}
			continue
		}
		var mins [4]int
		for i, e := range []*widget.Entry{r.start, r.end, r.brk, r.brkEnd} {
			if i >= 2 && strings.TrimSpace(e.Text) == "" {
				continue
			}
			m, err := data.ParseClock(e.Text)
			if err != nil {
				return s, fmt.Errorf("%s: %w", data.DayNames[wd], err)
			}
			mins[i] = m
		}
		s.Schedule.Week[wd] = data.DayHours{Start: mins[0], End: mins[1], BreakStart: mins[2], BreakEnd: mins[3]}
	}
	s.Ramadan = nil
	for i, r := range v.ranges {
		from, err1 := r.from.Date()
		to, err2 := r.to.Date()
		if err := errors.Join(err1, err2); err != nil {
			return s, fmt.Errorf("rentang Ramadan ke-%d: %w", i+1, err)
		}
		s.Ramadan = append(s.Ramadan, data.DateRange{From: from, To: to})
	}
	return s, s.Check()
}

func (v *calendarView) saveSettings() {
	s, err := v.readSettings()
	if err == nil {
		err = v.u.st.SetAttendanceSettings(s)
	}
	if err != nil {
		v.setMsg.Importance = widget.DangerImportance
		v.setMsg.SetText(err.Error())
		return
	}
	v.settings = s
	v.setMsg.Importance = widget.SuccessImportance
	v.setMsg.SetText(lang.L("att.cal.saved"))
}

// add saves a local day off.
func (v *calendarView) add() {
	d, err := v.newDate.Date()
	switch {
	case err != nil:
	case d.IsZero():
		err = errors.New(lang.L("att.cal.needdate"))
	default:
		err = v.u.st.SaveHoliday(data.Holiday{Date: d, Kind: data.HolidayLocal, Name: strings.TrimSpace(v.newName.Text)})
	}
	if err != nil {
		v.msg.Importance = widget.DangerImportance
		v.msg.SetText(err.Error())
		return
	}
	v.newDate.SetText("")
	v.newName.SetText("")
	v.year.SetSelected(strconv.Itoa(d.Year()))
	v.reload()
}

// remove makes a day off a normal day again, after confirmation.
func (v *calendarView) remove(h data.Holiday) {
	dialog.ShowConfirm(lang.L("att.cal.remove.title"), lang.L("att.cal.remove.ask", map[string]any{"Day": h.Date.Long(), "Name": h.Name}), func(yes bool) {
		if !yes {
			return
		}
		if err := v.u.st.RemoveHoliday(h.Date); err != nil {
			v.u.showError(err)
		}
		v.reload()
	}, v.u.win)
}

// chooseCSV imports a holiday list (the SKB of next year) from a CSV file.
func (v *calendarView) chooseCSV() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			v.u.showError(err)
			return
		}
		defer r.Close()
		v.importHolidays(r)
	}, v.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".CSV"}))
	d.Show()
}

// importHolidays reads a holiday CSV and, after confirmation, saves its days
// in one transaction. A file with an unreadable line is refused whole.
func (v *calendarView) importHolidays(r io.Reader) {
	hs, err := data.ParseHolidaysCSV(r)
	if err != nil {
		v.u.showError(err)
		return
	}
	dialog.ShowConfirm(lang.L("att.cal.import"), lang.L("att.cal.import.ask", map[string]any{"N": len(hs)}), func(yes bool) {
		if !yes {
			return
		}
		n, err := v.u.st.ImportHolidays(hs)
		if err != nil {
			v.u.showError(err)
			return
		}
		v.msg.Importance = widget.SuccessImportance
		v.reload()
		v.msg.SetText(lang.L("att.cal.imported", map[string]any{"N": n}))
	}, v.u.win)
}
