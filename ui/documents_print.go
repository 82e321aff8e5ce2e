package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// printTab is Dokumen › Cetak: choose a period and a staff member and open
// their Dokumen Evaluasi Kinerja in the system's PDF viewer, which prints it
// (Fyne cannot print). A final evaluation that was signed opens as signed; any
// other prints with "KONSEP – BELUM DITETAPKAN".
type printTab struct {
	u    *App
	view fyne.CanvasObject

	period   *periodPicker
	units    *unitPicker
	rows     []service.EvaluationRow
	staffSel *widget.Select
	printB   *widget.Button
	skpB     *widget.Button
	msg      *widget.Label
	dir      string // where copies for the viewer are written
	opened   string // the last file written for the viewer
}

func newPrintTab(u *App) *printTab {
	t := &printTab{u: u, dir: filepath.Join(os.TempDir(), "kinerja-cetak")}
	t.period = newPeriodPicker(t.loadRows)
	t.units = newUnitPicker(t.loadRows)
	t.staffSel = newSelect(nil, nil)
	t.printB = widget.NewButtonWithIcon(lang.L("doc.print.evaluation"), theme.DocumentPrintIcon(), t.printEvaluation)
	t.printB.Importance = widget.HighImportance
	t.skpB = widget.NewButtonWithIcon(lang.L("doc.print.skp"), theme.DocumentPrintIcon(), t.printSKP)
	t.msg = docNote("")
	t.msg.Hide()
	t.view = container.NewVScroll(container.NewVBox(
		docHeading(lang.L("doc.print.title")),
		docNote(lang.L("doc.print.text")),
		widget.NewForm(
			widget.NewFormItem(lang.L("doc.period"), t.period.sel),
			widget.NewFormItem(lang.L("doc.unit"), t.units.sel),
			widget.NewFormItem(lang.L("doc.print.staff"), t.staffSel),
		),
		container.NewHBox(t.printB, t.skpB),
		t.msg,
	))
	return t
}

// reload offers the periods, units and staff again.
func (t *printTab) reload() {
	if err := t.period.load(t.u); err != nil {
		t.u.showError(err)
		return
	}
	if units, err := t.u.svc.Units(); err == nil {
		t.units.load(units)
	}
	t.loadRows()
}

// loadRows lists the evaluated staff of the chosen period and unit with the
// state of their evaluation.
func (t *printTab) loadRows() {
	t.rows = nil
	var opts []string
	if id := t.period.id(); id != "" {
		rows, err := t.u.svc.EvaluationList(id)
		if err != nil {
			t.u.showError(err)
		}
		unit := t.units.id()
		for _, r := range rows {
			if unit == 0 || r.UnitID == unit {
				t.rows = append(t.rows, r)
				opts = append(opts, r.Employee.Name+" — "+rowStatus(r))
			}
		}
	}
	t.staffSel.ClearSelected()
	t.staffSel.SetOptions(opts)
}

// printEvaluation writes the chosen person's document to a temporary folder
// off the UI goroutine and opens it in the system's PDF viewer.
func (t *printTab) printEvaluation() {
	i := t.staffSel.SelectedIndex()
	if i < 0 || i >= len(t.rows) {
		docSay(t.msg, lang.L("doc.print.needstaff"), true)
		return
	}
	r, periodID := t.rows[i], t.period.id()
	svc, dir := t.u.svc, t.dir
	t.openInViewer(func() (string, error) { return writePrintCopy(svc, dir, periodID, r) })
}

// printSKP writes the SKP document (with its Lampiran) the chosen person's
// evaluation of the period rests on and opens it in the PDF viewer.
func (t *printTab) printSKP() {
	i := t.staffSel.SelectedIndex()
	if i < 0 || i >= len(t.rows) {
		docSay(t.msg, lang.L("doc.print.needstaff"), true)
		return
	}
	r := t.rows[i]
	if !r.HasSKP {
		docSay(t.msg, lang.L("doc.print.noskp"), true)
		return
	}
	svc, dir := t.u.svc, t.dir
	t.openInViewer(func() (string, error) { return writeSKPCopy(svc, dir, r) })
}

// openInViewer runs write off the UI goroutine with both buttons disabled,
// then opens the file it wrote in the system's PDF viewer.
func (t *printTab) openInViewer(write func() (string, error)) {
	docSay(t.msg, lang.L("doc.working"), false)
	t.printB.Disable()
	t.skpB.Disable()
	var path string
	var err error
	runAsync(func() {
		path, err = write()
	}, func() {
		t.printB.Enable()
		t.skpB.Enable()
		if err != nil {
			docSay(t.msg, err.Error(), true)
			return
		}
		if err := t.u.fyne.OpenURL(fileURL(path)); err != nil {
			docSay(t.msg, lang.L("doc.print.openfail", map[string]any{"Path": path, "Err": err.Error()}), true)
		} else {
			docSay(t.msg, lang.L("doc.print.opened", map[string]any{"Path": path}), false)
		}
		t.opened = path
	})
}

// writeSKPCopy writes the SKP document of row r into the temporary
// "kinerja-cetak" folder as "SKP_<NIP>_<name>_<first day>.pdf" and returns
// the file's path.
func writeSKPCopy(svc *service.Service, dir string, r service.EvaluationRow) (string, error) {
	content, err := svc.RenderSKP(r.Staff.ID, r.SKP.ID)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, "SKP_"+service.AppraisalFileName(r.Employee.NIP, r.Staff.Name, r.SKP.Start.Compact(), 0))
	return path, writeBytes(svc, path, content)
}

// writePrintCopy writes the evaluation document of row r of a period into the
// temporary "kinerja-cetak" folder: the signed copy kept for a final
// evaluation when there is one, otherwise a fresh rendering (a draft carries
// the KONSEP banner). It returns the file's path.
func writePrintCopy(svc *service.Service, dir, periodID string, r service.EvaluationRow) (string, error) {
	e := r.Evaluation
	content, _, err := svc.EvaluationPDF(periodID, r.Staff.ID, e.Revision)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, service.AppraisalFileName(r.Employee.NIP, r.Staff.Name, periodID, e.Revision))
	return path, writeBytes(svc, path, content)
}
