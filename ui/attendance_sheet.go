package ui

import (
	"errors"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// sheetDialog prints a blank daftar hadir (service.AttendanceSheet) for the
// days the fingerprint machine is down: one day, or up to a week, for the
// whole office or the unit chosen in the daily grid. "Simpan PDF…" saves it;
// "Cetak" opens it in the system's PDF viewer.
type sheetDialog struct {
	u        *App
	from, to *DateEntry
	unitID   uint64
	msg      *widget.Label
	dlg      *dialog.CustomDialog
}

// openSheet opens the dialog for the grid's date and unit.
func (u *App) openSheet(day data.Date, unitID uint64) *sheetDialog {
	s := &sheetDialog{u: u, from: NewDateEntry(), to: NewDateEntry(), unitID: unitID}
	s.from.SetDate(day)
	s.to.SetDate(day)
	s.msg = widget.NewLabel(lang.L("att.sheet.intro"))
	s.msg.Wrapping = fyne.TextWrapWord
	week := widget.NewButton(lang.L("att.sheet.week"), func() {
		d, err := s.from.Date()
		if err != nil || d.IsZero() {
			d = day
		}
		monday := d.AddDays(-((int(d.Weekday()) + 6) % 7))
		s.from.SetDate(monday)
		s.to.SetDate(monday.AddDays(6))
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("att.leave.from")), s.from,
		widget.NewLabel(lang.L("att.leave.to")), container.NewBorder(nil, nil, nil, week, s.to))
	cancel := widget.NewButton(lang.L("button.cancel"), func() { s.dlg.Hide() })
	save := widget.NewButton(lang.L("att.sheet.save"), s.saveAs)
	printB := widget.NewButton(lang.L("att.recap.print"), s.print)
	printB.Importance = widget.HighImportance
	body := container.NewVBox(form, s.msg, container.NewHBox(layout.NewSpacer(), cancel, save, printB))
	s.dlg = dialog.NewCustomWithoutButtons(lang.L("att.sheet.title"), body, u.win)
	s.dlg.Resize(fyne.NewSize(620, 300))
	s.dlg.Show()
	return s
}

// render makes the PDF of the dates typed.
func (s *sheetDialog) render() ([]byte, data.Date, error) {
	from, err1 := s.from.Date()
	to, err2 := s.to.Date()
	if err := errors.Join(err1, err2); err != nil {
		return nil, from, err
	}
	b, err := s.u.svc.AttendanceSheet(from, to, s.unitID)
	return b, from, err
}

func (s *sheetDialog) fail(err error) {
	s.msg.Importance = widget.DangerImportance
	s.msg.SetText(err.Error())
}

// saveAs asks where to save the sheet and writes it there.
func (s *sheetDialog) saveAs() {
	b, from, err := s.render()
	if err != nil {
		s.fail(err)
		return
	}
	s.u.saveFile(saveRequest{Title: lang.L("save.title.sheet"), Name: "daftar-hadir-" + from.String() + ".pdf", Exts: []string{".pdf"},
		Write: func(path string, _ bool) error { return s.u.svc.WriteOutput(path, b) },
		Done: func(path string) {
			s.dlg.Hide()
			dialog.ShowInformation(lang.L("att.sheet.title"), lang.L("att.sheet.saved", map[string]any{"Path": path}), s.u.win)
		}})
}

// print writes the sheet to a temporary folder and opens it in the system viewer.
func (s *sheetDialog) print() {
	b, from, err := s.render()
	if err != nil {
		s.fail(err)
		return
	}
	path := filepath.Join(os.TempDir(), "kinerja-cetak", "daftar-hadir-"+from.String()+".pdf")
	if err := writeBytes(s.u.svc, path, b); err != nil {
		s.fail(err)
		return
	}
	if err := s.u.fyne.OpenURL(fileURL(path)); err != nil {
		s.fail(err)
		return
	}
	s.dlg.Hide()
}
