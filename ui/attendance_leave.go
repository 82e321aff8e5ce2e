package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// leaveDialog enters a leave, or another absence over a date range (DL with
// its Surat Perintah Tugas, S, I, TB, FWA), for one staff member: only the
// codes offered for the person's kind (PPPK get their leave kinds only).
// Before saving it shows the days the range counts — working days for cuti
// tahunan, calendar days for CB, CS, CM, CAP and CLTN — and the remaining
// cuti tahunan of the year.
type leaveDialog struct {
	u           *App
	staff       []data.Staff
	who         *widget.Select
	code        *widget.Select
	codes       []data.Code
	from, to    *DateEntry
	granted     *widget.Entry
	letter      *widget.Entry
	letterLabel *widget.Label
	note        *widget.Entry
	reason      *widget.Entry // Alasan Cuti of the form
	address     *widget.Entry // Alamat selama Menjalankan Cuti
	info        *widget.Label
	opening     *widget.Label
	msg         *widget.Label
	dlg         *dialog.CustomDialog
	formPath    string // the leave form last written
}

// rangeCode reports whether a code is entered over a range: not the
// day-by-day codes H, TL and PSW, not TK and not LIB.
func rangeCode(c data.Code) bool {
	switch c.Code {
	case data.CodeH, data.CodeTL, data.CodePSW, data.CodeTK, data.CodeLIB:
		return false
	}
	return true
}

// openLeave opens the leave dialog (staff offered by name), with staffID
// chosen when it is not 0, from and to set to the date of the daily grid.
func (u *App) openLeave(staffID uint64) *leaveDialog {
	l := &leaveDialog{u: u}
	all, err := u.svc.AllStaff()
	if err != nil {
		u.showError(err)
		return nil
	}
	data.SortStaff(all, data.SortByName, nil)
	today := u.today()
	start := today
	if u.attendance != nil && !u.attendance.day.shown.IsZero() {
		start = u.attendance.day.shown
	}
	var names []string
	at := -1
	for _, s := range all {
		if !s.At(today).Active {
			continue
		}
		if s.ID == staffID {
			at = len(l.staff)
		}
		l.staff = append(l.staff, s)
		names = append(names, s.DisplayName()+" — "+s.Identifier())
	}
	l.who = newSelect(names, func(string) { l.personChosen() })
	l.code = newSelect(nil, func(string) { l.update() })
	l.from, l.to = NewDateEntry(), NewDateEntry()
	l.from.SetDate(start)
	l.to.SetDate(start)
	l.from.OnChanged = func(string) { l.update() }
	l.to.OnChanged = func(string) { l.update() }
	l.granted, l.letter, l.note = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	l.reason, l.address = widget.NewEntry(), widget.NewEntry()
	l.letterLabel = widget.NewLabel(lang.L("att.leave.letter"))
	l.info = widget.NewLabel("")
	l.info.Wrapping = fyne.TextWrapWord
	l.msg = widget.NewLabel("")
	l.msg.Importance = widget.DangerImportance
	l.msg.Wrapping = fyne.TextWrapWord
	l.opening = widget.NewLabel("")
	editOpening := widget.NewButton(lang.L("att.opening.edit"), func() {
		if s, ok := l.person(); ok {
			u.editOpening(s, l.personChosen)
		}
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("att.leave.staff")), l.who,
		widget.NewLabel(lang.L("att.leave.code")), l.code,
		widget.NewLabel(lang.L("att.leave.from")), l.from,
		widget.NewLabel(lang.L("att.leave.to")), l.to,
		widget.NewLabel(lang.L("att.leave.granted")), l.granted,
		l.letterLabel, l.letter,
		widget.NewLabel(lang.L("att.leave.reason")), l.reason,
		widget.NewLabel(lang.L("att.leave.address")), l.address,
		widget.NewLabel(lang.L("att.col.note")), l.note,
		widget.NewLabel(lang.L("att.opening.label")), container.NewBorder(nil, nil, nil, editOpening, l.opening),
	)
	cancel := widget.NewButton(lang.L("button.cancel"), func() { l.dlg.Hide() })
	save := widget.NewButton(lang.L("button.save"), func() { l.save(false) })
	save.Importance = widget.HighImportance
	printForm := widget.NewButton(lang.L("att.leave.form"), l.printForm)
	body := container.NewBorder(nil, container.NewVBox(l.info, l.msg, container.NewHBox(printForm, layout.NewSpacer(), cancel, save)), nil, nil, form)
	l.dlg = dialog.NewCustomWithoutButtons(lang.L("att.leave.title"), body, u.win)
	l.dlg.Resize(fyne.NewSize(640, 600))
	if at >= 0 {
		l.who.SetSelectedIndex(at)
	}
	l.update()
	l.dlg.Show()
	return l
}

// person returns the staff member chosen.
func (l *leaveDialog) person() (data.Staff, bool) {
	i := l.who.SelectedIndex()
	if i < 0 || i >= len(l.staff) {
		return data.Staff{}, false
	}
	return l.staff[i], true
}

// personChosen offers the codes allowed for the person's kind.
func (l *leaveDialog) personChosen() {
	s, ok := l.person()
	if !ok {
		return
	}
	settings, err := l.u.svc.AttendanceSettings()
	if err != nil {
		l.msg.SetText(err.Error())
		return
	}
	l.opening.SetText(l.u.openingText(s.ID))
	l.codes = nil
	var opts []string
	for _, c := range settings.CodesForKind(s.Kind) {
		if rangeCode(c) {
			l.codes = append(l.codes, c)
			opts = append(opts, c.FullLabel())
		}
	}
	chosen := l.code.Selected
	l.code.SetOptions(opts)
	l.code.ClearSelected()
	for _, o := range opts {
		if o == chosen {
			l.code.SetSelected(o)
		}
	}
	l.update()
}

// chosenCode returns the code chosen.
func (l *leaveDialog) chosenCode() (data.Code, bool) {
	i := l.code.SelectedIndex()
	if i < 0 || i >= len(l.codes) {
		return data.Code{}, false
	}
	return l.codes[i], true
}

// update shows the days counted and, for cuti tahunan, the balance.
func (l *leaveDialog) update() {
	if l.info == nil {
		return
	}
	c, okc := l.chosenCode()
	if okc && c.Code == data.CodeDL {
		l.letterLabel.SetText(lang.L("att.leave.spt"))
	} else {
		l.letterLabel.SetText(lang.L("att.leave.letter"))
	}
	s, oks := l.person()
	from, err1 := l.from.Date()
	to, err2 := l.to.Date()
	if !okc || !oks || err1 != nil || err2 != nil || from.IsZero() || to.IsZero() || to.Before(from) {
		l.info.SetText(lang.L("att.leave.choose"))
		return
	}
	days, err := l.u.svc.LeaveDays(c.Code, from, to)
	if err != nil {
		l.info.SetText(err.Error())
		return
	}
	text := lang.L("att.leave.workdays", map[string]any{"N": len(days)})
	if c.CalendarDays {
		text = lang.L("att.leave.caldays", map[string]any{"N": len(days)})
	}
	if c.Code == data.CodeCT {
		if bal, err := l.u.svc.LeaveStatus(s.ID, from.Year()); err != nil {
			text += " " + err.Error()
		} else {
			text += " " + balanceText(bal, len(days))
		}
	}
	l.info.SetText(text)
}

// balanceText describes the cuti tahunan left before and after taking n days.
func balanceText(b data.LeaveStatus, n int) string {
	if b.Cancelled {
		return lang.L("att.leave.cancelled", map[string]any{"Year": b.Year})
	}
	return lang.L("att.leave.balance", map[string]any{"Year": b.Year, "Remaining": b.Remaining,
		"Available": b.Available, "Taken": b.Taken, "After": b.Remaining - n})
}

// request reads the dialog into a LeaveRequest.
func (l *leaveDialog) request() (service.LeaveRequest, error) {
	s, ok := l.person()
	if !ok {
		return service.LeaveRequest{}, errors.New(lang.L("att.leave.needstaff"))
	}
	c, ok := l.chosenCode()
	if !ok {
		return service.LeaveRequest{}, errors.New(lang.L("att.leave.needcode"))
	}
	from, err := l.from.Date()
	if err != nil {
		return service.LeaveRequest{}, fmt.Errorf("%s: %w", lang.L("att.leave.from"), err)
	}
	to, err := l.to.Date()
	if err != nil {
		return service.LeaveRequest{}, fmt.Errorf("%s: %w", lang.L("att.leave.to"), err)
	}
	return service.LeaveRequest{StaffID: s.ID, Code: c.Code, From: from, To: to,
		GrantedBy: l.granted.Text, Letter: l.letter.Text, Note: l.note.Text, Reason: l.reason.Text, Address: l.address.Text}, nil
}

// save enters the leave; days that already hold another entry are replaced
// only after the user confirms.
func (l *leaveDialog) save(overwrite bool) {
	req, err := l.request()
	if err != nil {
		l.msg.SetText(err.Error())
		return
	}
	req.Overwrite = overwrite
	res, err := l.u.svc.AddLeave(req)
	var conflict *service.LeaveConflictError
	switch {
	case errors.As(err, &conflict):
		dialog.ShowConfirm(lang.L("att.leave.conflict.title"), conflict.Error(), func(yes bool) {
			if yes {
				l.save(true)
			}
		}, l.u.win)
		return
	case err != nil:
		l.msg.Importance = widget.DangerImportance
		l.msg.SetText(err.Error()) // a *data.RuleError names the rule (PP 11/2017)
		return
	}
	if l.u.attendance != nil {
		l.u.attendance.day.reload()
	}
	// The dialog stays open so the form can be printed (Cetak formulir).
	text := lang.L("att.leave.done", map[string]any{"N": res.Days, "Code": req.Code})
	l.msg.Importance = widget.SuccessImportance
	if len(res.Warnings) > 0 {
		l.msg.Importance = widget.WarningImportance
		text += " " + lang.L("att.leave.warnings", map[string]any{"Text": strings.Join(res.Warnings, "; ")})
	}
	l.msg.SetText(text)
	l.update()
}

// printForm writes the Formulir Permintaan dan Pemberian Cuti of the leave
// of the person chosen starting on the date chosen (service.LeaveForm) to
// the print folder and opens it in the system's PDF viewer, off the UI
// goroutine. A leave not saved yet has no form.
func (l *leaveDialog) printForm() {
	s, ok := l.person()
	from, err := l.from.Date()
	if !ok || err != nil || from.IsZero() {
		l.msg.SetText(lang.L("att.leave.choose"))
		return
	}
	var (
		path string
		b    []byte
	)
	svc := l.u.svc
	runAsync(func() {
		if b, err = svc.LeaveForm(s.ID, from); err != nil {
			return
		}
		dir := filepath.Join(os.TempDir(), "kinerja-cetak")
		if err = os.MkdirAll(dir, 0o755); err != nil {
			return
		}
		path = filepath.Join(dir, "formulir-cuti-"+s.Identifier()+"-"+from.String()+".pdf")
		err = os.WriteFile(path, b, 0o644)
	}, func() {
		if errors.Is(err, data.ErrNotFound) {
			l.msg.Importance = widget.DangerImportance
			l.msg.SetText(lang.L("att.leave.formneeds"))
			return
		}
		if err != nil {
			l.msg.Importance = widget.DangerImportance
			l.msg.SetText(err.Error())
			return
		}
		l.formPath = path
		l.msg.Importance = widget.SuccessImportance
		l.msg.SetText(lang.L("att.leave.formsaved", map[string]any{"Path": path}))
		if err := l.u.fyne.OpenURL(fileURL(path)); err != nil {
			l.u.showError(err)
		}
	})
}
