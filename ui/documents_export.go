package ui

import (
	"context"
	"errors"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// exportFunc is (*service.Service).ExportAppraisals or (*service.Service).ExportForms.
type exportFunc func(svc *service.Service, ctx context.Context, periodID string, f service.ExportFilter, dir string, p service.Progress) (service.ExportResult, error)

// exportTab is Dokumen › Ekspor penilaian: every final evaluation of a period
// (or of one unit) into a chosen folder with its index workbook, blank forms
// for the evaluations not final yet, and one final document for TTE through
// BSrE or Srikandi. An export runs off the UI goroutine with a progress bar
// and Batal.
type exportTab struct {
	u    *App
	view fyne.CanvasObject

	period   *periodPicker
	units    *unitPicker
	dirLabel *widget.Label
	dir      string // the destination folder; "" until chosen
	appraise *widget.Button
	forms    *widget.Button
	penetap  *widget.Button // signs the period's Penetapan Predikat Kinerja
	progress *widget.ProgressBar
	cancelB  *widget.Button
	msg      *widget.Label
	cancel   context.CancelFunc // set while an export runs

	finals  []service.EvaluationRow // final evaluations of the period, for TTE
	tteSel  *widget.Select
	tteB    *widget.Button
	tteMsg  *widget.Label
	running bool
}

func newExportTab(u *App) *exportTab {
	t := &exportTab{u: u}
	t.period = newPeriodPicker(t.loadFinals)
	t.units = newUnitPicker(t.loadFinals)
	t.dirLabel = widget.NewLabel(lang.L("doc.export.nodir"))
	t.dirLabel.Wrapping = fyne.TextWrapBreak // a long path wraps, shown whole, instead of being cut
	chooseDir := widget.NewButtonWithIcon(lang.L("doc.export.choosedir"), theme.FolderOpenIcon(), t.chooseDir)
	t.appraise = widget.NewButtonWithIcon(lang.L("doc.export.appraisals"), theme.DownloadIcon(), func() {
		t.run((*service.Service).ExportAppraisals)
	})
	t.appraise.Importance = widget.HighImportance
	t.forms = widget.NewButtonWithIcon(lang.L("doc.export.forms"), theme.DocumentIcon(), func() { t.run((*service.Service).ExportForms) })
	t.penetap = widget.NewButtonWithIcon(lang.L("doc.penetapan.sign"), theme.ConfirmIcon(), t.signPenetapan)
	t.progress = widget.NewProgressBar()
	t.progress.Hide()
	t.cancelB = widget.NewButtonWithIcon(lang.L("button.cancel"), theme.CancelIcon(), t.stop)
	t.cancelB.Hide()
	t.msg = docNote("")
	t.msg.Hide()

	t.tteSel = newSelect(nil, nil)
	t.tteB = widget.NewButtonWithIcon(lang.L("doc.tte.button"), theme.DocumentSaveIcon(), t.exportTTE)
	t.tteMsg = docNote("")
	t.tteMsg.Hide()

	choose := widget.NewForm(
		widget.NewFormItem(lang.L("doc.period"), t.period.sel),
		widget.NewFormItem(lang.L("doc.unit"), t.units.sel),
		widget.NewFormItem(lang.L("doc.export.dir"), container.NewBorder(nil, nil, nil, chooseDir, t.dirLabel)),
	)
	run := container.NewHBox(t.appraise, t.forms, t.penetap)
	bar := container.NewBorder(nil, nil, nil, t.cancelB, t.progress)
	tte := container.NewVBox(
		widget.NewSeparator(),
		docHeading(lang.L("doc.tte.title")),
		docNote(lang.L("doc.tte.text")),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("doc.tte.staff")), t.tteB, t.tteSel),
		t.tteMsg,
	)
	t.view = container.NewVScroll(container.NewVBox(
		docHeading(lang.L("doc.export.title")),
		docNote(lang.L("doc.export.text")),
		choose, run, bar, t.msg, layout.NewSpacer(), tte,
	))
	return t
}

// reload offers the periods and units again and the final evaluations of
// the chosen period for TTE. The first time, the latest period holding a
// final evaluation is chosen: the current one usually holds none yet.
func (t *exportTab) reload() {
	first := t.period.id() == ""
	if err := t.period.load(t.u); err != nil {
		t.u.showError(err)
		return
	}
	if first {
		t.chooseLatestFinal()
	}
	if units, err := t.u.svc.Units(); err == nil {
		t.units.load(units)
	}
	t.loadFinals()
}

// chooseLatestFinal chooses the latest period with a final evaluation, if any.
func (t *exportTab) chooseLatestFinal() {
	for i := len(t.period.periods) - 1; i >= 0; i-- {
		id := t.period.periods[i].ID
		all, err := t.u.svc.Evaluations(id)
		if err != nil {
			return
		}
		for _, e := range all {
			if e.State == data.EvalFinal {
				t.period.choose(id)
				return
			}
		}
	}
}

// loadFinals lists the final evaluations of the chosen period and unit.
func (t *exportTab) loadFinals() {
	t.finals = nil
	var opts []string
	if id := t.period.id(); id != "" {
		rows, err := t.u.svc.EvaluationStates(id) // names and states only: no SKP is read
		if err != nil {
			t.u.showError(err)
		}
		unit := t.units.id()
		for _, r := range rows {
			if r.Evaluation.State == data.EvalFinal && (unit == 0 || r.UnitID == unit) {
				t.finals = append(t.finals, r)
				opts = append(opts, r.Employee.Name+" — "+data.FormatNIP(r.Employee.NIP))
			}
		}
	}
	t.tteSel.ClearSelected()
	t.tteSel.SetOptions(opts)
	t.tteSel.PlaceHolder = lang.L("select.placeholder")
	if len(opts) == 0 {
		t.tteSel.PlaceHolder = lang.L("doc.tte.none")
	}
	t.tteSel.Refresh()
}

// chooseDir asks for the destination folder, e.g. the USB stick.
func (t *exportTab) chooseDir() {
	d := t.u.folderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			t.u.showError(err)
			return
		}
		t.setDir(dir.Path())
	}, t.u.win)
	d.Show()
}

// setDir makes dir the destination folder.
func (t *exportTab) setDir(dir string) {
	t.dir = dir
	t.dirLabel.SetText(dir)
}

// run starts an export of the chosen period and unit into the chosen folder.
func (t *exportTab) run(export exportFunc) {
	if t.running {
		return
	}
	periodID := t.period.id()
	switch {
	case periodID == "":
		docSay(t.msg, lang.L("doc.export.needperiod"), true)
		return
	case t.dir == "":
		docSay(t.msg, lang.L("doc.export.needdir"), true)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.cancel = cancel
	t.busy(true)
	filter := service.ExportFilter{UnitID: t.units.id()}
	dir, svc := t.dir, t.u.svc
	var res service.ExportResult
	var err error
	runAsync(func() {
		res, err = export(svc, ctx, periodID, filter, dir, func(done, total int) {
			runOnUI(func() {
				t.progress.Max = float64(total)
				t.progress.SetValue(float64(done))
			})
		})
		cancel()
	}, func() {
		t.done(res, err)
		t.busy(false)
	})
}

// busy shows the progress bar and Batal while an export runs.
func (t *exportTab) busy(on bool) {
	t.running = on
	if on {
		t.progress.Min, t.progress.Max = 0, 1
		t.progress.SetValue(0)
		t.progress.Show()
		t.cancelB.Enable()
		t.cancelB.Show()
		t.appraise.Disable()
		t.forms.Disable()
		docSay(t.msg, lang.L("doc.export.running"), false)
		return
	}
	t.progress.Hide()
	t.cancelB.Hide()
	t.appraise.Enable()
	t.forms.Enable()
}

// stop cancels the running export.
func (t *exportTab) stop() {
	if t.cancel != nil {
		t.cancel()
		t.cancelB.Disable()
	}
}

// done reports the result: files and index written, or why it stopped.
func (t *exportTab) done(res service.ExportResult, err error) {
	n := len(res.Files)
	var diskErr *service.ExportError
	switch {
	case errors.Is(err, service.ErrExportCancelled):
		docSay(t.msg, lang.L("doc.export.cancelled", map[string]any{"N": n}), true)
	case errors.As(err, &diskErr):
		docSay(t.msg, lang.L("doc.export.diskerror", map[string]any{"Reason": diskErr.Reason, "N": n}), true)
	case err != nil:
		docSay(t.msg, err.Error(), true)
	case res.Index != "":
		docSay(t.msg, lang.L("doc.export.done", map[string]any{"N": n, "Dir": t.dir, "Index": filepath.Base(res.Index)}), false)
	default:
		docSay(t.msg, lang.L("doc.export.formsdone", map[string]any{"N": n, "Dir": t.dir}), false)
	}
}

// exportTTE asks where to save the chosen final document for BSrE/Srikandi
// and writes it there.
func (t *exportTab) exportTTE() {
	i := t.tteSel.SelectedIndex()
	if i < 0 || i >= len(t.finals) {
		docSay(t.tteMsg, lang.L("doc.tte.needstaff"), true)
		return
	}
	r := t.finals[i]
	svc := t.u.svc
	t.u.saveFile(saveRequest{Title: lang.L("save.title.tte"), Exts: []string{".pdf"},
		Name:  service.AppraisalFileName(r.Employee.NIP, r.Staff.Name, r.Evaluation.PeriodID, r.Evaluation.Revision),
		Write: func(path string, _ bool) error { return svc.ExportForTTE(r.Evaluation.PeriodID, r.Staff.ID, path) },
		Done:  func(path string) { docSay(t.tteMsg, lang.L("doc.tte.done", map[string]any{"Path": path}), false) }})
}

// writeTTE writes the final document of row r to path off the UI goroutine.
func (t *exportTab) writeTTE(r service.EvaluationRow, path string) {
	svc := t.u.svc
	var err error
	runAsync(func() {
		err = svc.ExportForTTE(r.Evaluation.PeriodID, r.Staff.ID, path)
	}, func() {
		if err != nil {
			docSay(t.tteMsg, err.Error(), true)
			return
		}
		docSay(t.tteMsg, lang.L("doc.tte.done", map[string]any{"Path": path}), false)
	})
}

// signPenetapan signs the chosen period's Penetapan Predikat Kinerja with the
// Camat's own signer (SE MenPANRB 3/2023: the pimpinan fixes the
// organisation's predikat and its staff's distribution), asking his
// passphrase in the one passphrase dialog; the batch export then carries the
// signed copy as Penetapan_<periode>.pdf.
func (t *exportTab) signPenetapan() {
	periodID := t.period.id()
	if periodID == "" {
		docSay(t.msg, lang.L("doc.penetapan.noperiod"), true)
		return
	}
	svc := t.u.svc
	askPassphrase(t.u.win, lang.L("doc.penetapan.sign"), lang.L("doc.penetapan.ask", map[string]any{"Period": data.PeriodLabel(periodID)}),
		lang.L("doc.penetapan.yes"), func(pass string) error {
			_, err := svc.SignPenetapan(periodID, pass)
			return err
		}, func(err error) {
			if err != nil {
				docSay(t.msg, err.Error(), true)
				return
			}
			docSay(t.msg, lang.L("doc.penetapan.done", map[string]any{"Period": data.PeriodLabel(periodID)}), false)
		})
}
