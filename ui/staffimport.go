package ui

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

// importWizard imports a staff list from a CSV or XLSX file in three steps:
// the column mapping (pre-filled by data.GuessMapping), a preview with the
// accepted count and every refused row as "baris N: alasan", and the
// confirmation that saves all accepted rows in one transaction. Nothing is
// saved before the confirmation.
type importWizard struct {
	u           *App
	name        string
	table       data.Table
	selects     []*widget.Select // one per data.StaffColumns entry
	mapMsg      *widget.Label
	mappingView fyne.CanvasObject
	result      service.StaffImportPlan
	summary     *widget.Label
	refused     *widget.List
	body        *fyne.Container
	buttons     *fyne.Container
	dialog      *dialog.CustomDialog
	confirm     *widget.Button
}

// importStaff asks for a CSV or XLSX file, reads it off the UI goroutine and opens the wizard.
func (u *App) importStaff() {
	d := u.fileOpen(openStaff, []string{".csv", ".xlsx"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.showError(err)
			return
		}
		name := r.URI().Name()
		var t data.Table
		var readErr error
		runAsync(func() {
			t, readErr = readTable(name, r)
		}, func() {
			if readErr != nil {
				u.showError(readErr)
				return
			}
			u.openImport(name, t)
		})
	}, u.win)
	d.Show()
}

func readTable(name string, r io.ReadCloser) (data.Table, error) {
	defer r.Close()
	t, err := export.ReadTable(name, r)
	if err != nil {
		return data.Table{}, fmt.Errorf("membaca %s: %w", name, err)
	}
	return t, nil
}

// openImport opens the wizard on a table read from the file called name.
func (u *App) openImport(name string, t data.Table) *importWizard {
	w := &importWizard{u: u, name: name, table: t, body: container.NewStack(), buttons: container.NewHBox()}
	w.dialog = dialog.NewCustomWithoutButtons(lang.L("import.title", map[string]any{"File": name}),
		container.NewBorder(nil, w.buttons, nil, nil, w.body), u.win)
	w.dialog.Resize(fyne.NewSize(760, 600))
	w.showMapping()
	w.dialog.Show()
	u.staff.importer = w
	return w
}

// showMapping is step 1: a Select per column of the staff file.
func (w *importWizard) showMapping() {
	guess := data.GuessMapping(w.table.Header)
	opts := []string{lang.L("import.column.none")}
	for i, h := range w.table.Header {
		opts = append(opts, lang.L("import.column.n", map[string]any{"N": i + 1, "Header": h}))
	}
	if w.selects == nil {
		grid := container.New(layout.NewFormLayout())
		for _, c := range data.StaffColumns {
			sel := newSelect(opts, func(string) { w.checkMapping() })
			sel.SetSelectedIndex(guess.Index(c.Key) + 1)
			w.selects = append(w.selects, sel)
			label := c.Header
			if c.Required {
				label += " *"
			}
			grid.Add(widget.NewLabel(label))
			grid.Add(sel)
		}
		w.mapMsg = widget.NewLabel("")
		w.mapMsg.Importance = widget.DangerImportance
		w.mapMsg.Wrapping = fyne.TextWrapWord
		intro := widget.NewLabel(lang.L("import.mapping.intro", map[string]any{"Rows": len(w.table.Rows)}))
		intro.Wrapping = fyne.TextWrapWord
		w.mappingView = container.NewBorder(intro, w.mapMsg, nil, nil, container.NewVScroll(grid))
	}
	w.body.Objects = []fyne.CanvasObject{w.mappingView}
	w.body.Refresh()
	next := widget.NewButton(lang.L("import.next"), w.preview)
	next.Importance = widget.HighImportance
	w.setButtons(next)
	w.checkMapping()
}

// mapping reads the Selects.
func (w *importWizard) mapping() data.Mapping {
	m := data.Mapping{}
	for i, c := range data.StaffColumns {
		m[c.Key] = w.selects[i].SelectedIndex() - 1
	}
	return m
}

// checkMapping shows what is wrong with the mapping, if anything.
func (w *importWizard) checkMapping() {
	if w.mapMsg == nil || len(w.selects) < len(data.StaffColumns) {
		return
	}
	if err := data.ValidateMapping(w.mapping()); err != nil {
		w.mapMsg.SetText(err.Error())
		w.mapMsg.Show()
		return
	}
	w.mapMsg.Hide()
}

// preview is step 2: every row is checked off the UI goroutine, then the
// accepted count and the refused rows are shown.
func (w *importWizard) preview() {
	m := w.mapping()
	if err := data.ValidateMapping(m); err != nil {
		w.checkMapping()
		return
	}
	today := w.u.today()
	w.setButtons()
	w.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("import.checking"))}
	w.body.Refresh()
	var plan service.StaffImportPlan
	var err error
	runAsync(func() {
		plan, err = w.u.svc.PlanStaffImport(w.table, m, today)
	}, func() {
		if err != nil {
			w.u.showError(err)
			w.showMapping()
			return
		}
		w.showPreview(plan)
	})
}

// showPreview shows the result of the check with the confirm button.
func (w *importWizard) showPreview(res service.StaffImportPlan) {
	w.result = res
	w.summary = widget.NewLabel(lang.L("import.summary", map[string]any{
		"Accepted": len(res.Accepted), "Rejected": len(res.Rejected)}))
	w.summary.Wrapping = fyne.TextWrapWord
	w.refused = widget.NewList(
		func() int { return len(w.result.Rejected) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := w.result.Rejected[i]
			o.(*widget.Label).SetText(lang.L("import.row", map[string]any{"Line": p.Line, "Reason": p.Reason}))
			w.refused.SetItemHeight(i, o.MinSize().Height)
		},
	)
	w.body.Objects = []fyne.CanvasObject{container.NewBorder(w.summary, nil, nil, nil, w.refused)}
	w.body.Refresh()
	back := widget.NewButton(lang.L("import.back"), w.showMapping)
	w.confirm = widget.NewButton(lang.L("import.confirm", map[string]any{"N": len(res.Accepted)}), w.save)
	w.confirm.Importance = widget.HighImportance
	if len(res.Accepted) == 0 {
		w.confirm.Disable()
	}
	w.setButtons(back, w.confirm)
}

// save is step 3: every accepted row in one transaction, off the UI goroutine.
func (w *importWizard) save() {
	plan := w.result
	w.setButtons()
	var saved []data.Staff
	var err error
	runAsync(func() {
		saved, err = w.u.svc.ApplyStaffImport(plan)
	}, func() {
		if err != nil {
			w.u.showError(err)
			w.showPreview(w.result)
			return
		}
		w.dialog.Hide()
		w.u.refreshAll()
		dialog.ShowInformation(lang.L("import.done.title"),
			lang.L("import.done", map[string]any{"N": len(saved)}), w.u.win)
	})
}

// setButtons puts Batal and then the given buttons under the wizard.
func (w *importWizard) setButtons(bs ...fyne.CanvasObject) {
	cancel := widget.NewButton(lang.L("button.cancel"), func() { w.dialog.Hide() })
	w.buttons.Objects = append([]fyne.CanvasObject{layout.NewSpacer(), cancel}, bs...)
	w.buttons.Refresh()
}
