package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// DateEntry is a day-first date field whatever the system region: the user
// types 28/11/2026, 28-11-2026 or 28 November 2026 (see data.ParseDate), or
// picks a day from a calendar. A date that cannot be read shows its message on
// the field (and under it inside a widget.Form). On leaving the field a valid
// date is rewritten as 28/11/2026. An empty field is the zero data.Date.
type DateEntry struct {
	widget.Entry
	popUp *widget.PopUp
}

// NewDateEntry returns an empty DateEntry.
func NewDateEntry() *DateEntry {
	e := &DateEntry{}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("date.placeholder")
	e.Validator = func(s string) error {
		_, err := data.ParseDate(s)
		return err
	}
	pick := widget.NewButtonWithIcon("", theme.CalendarIcon(), e.showCalendar)
	pick.Importance = widget.LowImportance
	e.ActionItem = pick
	return e
}

// Date returns the date typed, the zero Date when empty, or the reason it cannot be read.
func (e *DateEntry) Date() (data.Date, error) {
	return data.ParseDate(e.Text)
}

// SetDate shows d as 28/11/2026, or clears the field for the zero Date.
func (e *DateEntry) SetDate(d data.Date) {
	e.SetText(d.Slash())
}

// FocusLost rewrites a readable date in the day-first numeric form.
func (e *DateEntry) FocusLost() {
	if d, err := e.Date(); err == nil && !d.IsZero() && e.Text != d.Slash() {
		e.SetText(d.Slash())
	}
	e.Entry.FocusLost()
}

func (e *DateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start := time.Now()
	if d, err := e.Date(); err == nil && !d.IsZero() {
		start = d.Time()
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		e.SetDate(data.DateOf(t))
		if e.popUp != nil {
			e.popUp.Hide()
		}
	})
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(fyne.Max(e.Size().Width, cal.MinSize().Width), cal.MinSize().Height))
}
