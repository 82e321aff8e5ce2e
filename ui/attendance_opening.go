package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// openingText describes a person's opening cuti tahunan balance (the balance
// entered when the office started using the app), or says none was entered.
func (u *App) openingText(staffID uint64) string {
	o, found, err := u.svc.LeaveOpening(staffID)
	switch {
	case err != nil:
		return err.Error()
	case !found:
		return lang.L("att.opening.none")
	}
	return lang.L("att.opening.value", map[string]any{"Year": o.Year, "Days": o.Days})
}

// editOpening asks for a person's opening cuti tahunan balance — the year
// the office starts tracking leave in the app and the days then available —
// and stores it; done runs after a save.
func (u *App) editOpening(s data.Staff, done func()) *dialog.CustomDialog {
	o, found, err := u.svc.LeaveOpening(s.ID)
	if err != nil {
		u.showError(err)
		return nil
	}
	if !found {
		o = data.LeaveOpening{Year: u.today().Year(), Days: data.AnnualLeaveDays}
	}
	year := widget.NewEntry()
	year.SetText(strconv.Itoa(o.Year))
	days := widget.NewEntry()
	days.SetText(strconv.Itoa(o.Days))
	msg := widget.NewLabel(lang.L("att.opening.intro"))
	msg.Wrapping = fyne.TextWrapWord
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("att.opening.year")), year,
		widget.NewLabel(lang.L("att.opening.days")), days)
	var d *dialog.CustomDialog
	save := widget.NewButton(lang.L("button.save"), func() {
		y, err1 := strconv.Atoi(strings.TrimSpace(year.Text))
		n, err2 := strconv.Atoi(strings.TrimSpace(days.Text))
		open := data.LeaveOpening{Year: y, Days: n}
		err := open.Check()
		if err1 != nil || err2 != nil {
			err = errors.New(lang.L("att.opening.number"))
		}
		if err == nil {
			err = u.svc.SetLeaveOpening(s.ID, open)
		}
		if err != nil {
			msg.Importance = widget.DangerImportance
			msg.SetText(err.Error())
			return
		}
		d.Hide()
		if done != nil {
			done()
		}
	})
	save.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("button.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(lang.L("att.opening.title", map[string]any{"Name": s.DisplayName()}),
		container.NewVBox(form, msg, container.NewHBox(layout.NewSpacer(), cancel, save)), u.win)
	d.Resize(fyne.NewSize(520, 260))
	d.Show()
	return d
}
