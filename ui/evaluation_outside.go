package ui

import (
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// outsideFixDialog records that an evaluation rated outside the office was
// set by its rater (service.FixExternally): who set it, the date, and the
// signed copy as a PDF (a scan of the paper or the BSrE-signed file). The
// office's key signs nothing here.
type outsideFixDialog struct {
	f        *evaluationForm
	by       *widget.Entry
	at       *DateEntry
	scan     []byte
	scanName *widget.Label
	pick     *widget.Button
	status   *widget.Label
	dialog   *dialog.CustomDialog
	ok       *widget.Button
	cancel   *widget.Button
}

// askFixOutside saves the form and opens the outside-rater dialog.
func (f *evaluationForm) askFixOutside() {
	if !f.store() {
		return
	}
	f.outside = newOutsideFixDialog(f)
	f.outside.dialog.Show()
}

func newOutsideFixDialog(f *evaluationForm) *outsideFixDialog {
	d := &outsideFixDialog{f: f, by: widget.NewEntry(), at: NewDateEntry(), scanName: widget.NewLabel(lang.L("eval.outside.noscan")), status: wrapLabel("")}
	d.by.SetText(f.v.Identities.Rater.Name)
	d.at.SetDate(f.s.u.today())
	d.pick = widget.NewButton(lang.L("eval.outside.pick"), func() {
		open := f.s.u.fileOpen(openPDF, []string{".pdf"}, func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			defer r.Close()
			d.loadScan(r.URI().Path())
		}, f.s.u.win)
		open.Show()
	})
	intro := wrapLabel(lang.L("eval.outside.intro", map[string]any{"Rater": f.v.Identities.Rater.Name}))
	form := widget.NewForm(
		widget.NewFormItem(lang.L("eval.outside.by"), d.by),
		widget.NewFormItem(lang.L("eval.outside.at"), d.at),
		widget.NewFormItem(lang.L("eval.outside.scan"), container.NewBorder(nil, nil, nil, d.pick, d.scanName)),
	)
	d.ok = widget.NewButton(lang.L("eval.outside.ok"), d.apply)
	d.ok.Importance = widget.HighImportance
	d.cancel = widget.NewButton(lang.L("button.cancel"), func() { d.dialog.Hide() })
	d.dialog = dialog.NewCustomWithoutButtons(lang.L("eval.outside.title"), container.NewVBox(intro, form, d.status), f.s.u.win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.ok})
	d.dialog.Resize(fyne.NewSize(600, 0))
	return d
}

// loadScan reads the chosen file; the service checks that it is a PDF and
// not too large when the evaluation is set.
func (d *outsideFixDialog) loadScan(path string) {
	b, err := os.ReadFile(path)
	if err != nil {
		d.says(err.Error())
		return
	}
	d.scan = b
	d.scanName.SetText(path)
}

func (d *outsideFixDialog) says(msg string) {
	d.status.Importance = widget.DangerImportance
	d.status.SetText(msg)
}

// apply sets the evaluation; a refusal stays in the dialog with its message.
func (d *outsideFixDialog) apply() {
	day, err := d.at.Date()
	if err != nil {
		d.says(err.Error())
		return
	}
	if day.IsZero() {
		d.says(data.ErrOutsideFixedAt.Error())
		return
	}
	if d.scan == nil {
		d.says(lang.L("eval.outside.noscan"))
		return
	}
	at := time.Now()
	if day != data.DateOf(at) {
		at = time.Date(day.Year(), day.Month(), day.Day(), 12, 0, 0, 0, time.Local)
	}
	if _, err := d.f.s.u.svc.FixExternally(d.f.v.Period.ID, d.f.v.Staff.ID, d.by.Text, at, d.scan); err != nil {
		d.says(err.Error())
		return
	}
	d.dialog.Hide()
	d.f.after(lang.L("eval.outside.done"), nil)
}

// viewScan writes the copy kept with an evaluation set outside the office
// into the temporary print folder and opens it in the PDF viewer.
func (f *evaluationForm) viewScan() {
	e := f.v.Evaluation
	scan, found, err := f.s.u.svc.OutsideScan(f.v.Period.ID, f.v.Staff.ID, e.Revision)
	if err != nil || !found {
		if err == nil {
			err = data.ErrOutsideScan
		}
		f.says(err.Error(), true)
		return
	}
	dir := filepath.Join(os.TempDir(), "kinerja-cetak")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		f.says(err.Error(), true)
		return
	}
	path := filepath.Join(dir, service.ScanFileName(f.v.Staff.NIP, f.v.Staff.Name, f.v.Period.ID, e.Revision))
	if err := writeBytes(f.s.u.svc, path, scan); err != nil {
		f.says(err.Error(), true)
		return
	}
	if err := f.s.u.fyne.OpenURL(fileURL(path)); err != nil {
		f.says(err.Error(), true)
	}
}
