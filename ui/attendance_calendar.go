package ui

import (
	"errors"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// calendarView is the work-calendar tab: the days off of a year (national
// holidays, cuti bersama and local days off) with their kind, adding a
// local day off, removing a day, and importing next year's list from a CSV
// of the shipped shape. These days are not working days for anything.
type calendarView struct {
	u       *App
	view    fyne.CanvasObject
	year    *widget.Select
	list    *widget.List
	days    []data.Holiday
	newDate *DateEntry
	newName *widget.Entry
	msg     *widget.Label
}

func newCalendarView(u *App) *calendarView {
	v := &calendarView{u: u}
	today := u.today()
	v.year = newSelect(yearOptions(today), func(string) { v.reload() })
	v.year.SetSelected(strconv.Itoa(today.Year()))
	v.list = widget.NewList(func() int { return len(v.days) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Senin\nLibur") // two lines: the day, then its name
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
	v.view = left
	return v
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
	cal, err := v.u.svc.Calendar()
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
}

// add saves a local day off.
func (v *calendarView) add() {
	d, err := v.newDate.Date()
	switch {
	case err != nil:
	case d.IsZero():
		err = errors.New(lang.L("att.cal.needdate"))
	default:
		err = v.u.svc.SaveHoliday(data.Holiday{Date: d, Kind: data.HolidayLocal, Name: strings.TrimSpace(v.newName.Text)})
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
		if err := v.u.svc.RemoveHoliday(h.Date); err != nil {
			v.u.showError(err)
		}
		v.reload()
	}, v.u.win)
}

// chooseCSV imports a holiday list (the SKB of next year) from a CSV file.
func (v *calendarView) chooseCSV() {
	d := v.u.fileOpen(openCalendar, []string{".csv"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			v.u.showError(err)
			return
		}
		defer r.Close()
		v.importHolidays(r)
	}, v.u.win)
	d.Resize(fileDialogSize)
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
		n, err := v.u.svc.ImportHolidays(hs)
		if err != nil {
			v.u.showError(err)
			return
		}
		v.msg.Importance = widget.SuccessImportance
		v.reload()
		v.msg.SetText(lang.L("att.cal.imported", map[string]any{"N": n}))
	}, v.u.win)
}
