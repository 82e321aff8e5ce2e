package ui

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"sync/atomic"

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

// attImport imports a fingerprint-machine file: the text log (1_attlog.dat)
// directly, a CSV or XLSX export after a column-mapping step. A preview
// lists what would change — days added and changed, hand entries kept,
// punches on non-working days, unknown PINs (each can be mapped to a staff
// member here; the mapping is remembered on saving) and unreadable lines
// with their numbers. Overwriting hand entries needs a confirmation.
// Nothing is saved before Simpan. Planning and saving run off the UI
// goroutine.
type attImport struct {
	u         *App
	name      string
	raw       []byte      // the text log, when the file is one
	table     *data.Table // the CSV or XLSX export, when the file is one
	cols      service.PunchColumns
	colSel    []*widget.Select
	pins      map[string]string // PIN → NIP/NIK chosen in this import
	overwrite bool
	plan      service.ImportPlan
	staff     []data.Staff
	body      *fyne.Container
	buttons   *fyne.Container
	dlg       *dialog.CustomDialog
	save      *widget.Button
	tabs      *container.AppTabs
	previews  atomic.Int32 // previews shown, for tests waiting on the planner
}

// chooseAttendanceFile asks for the machine's file and opens the import.
func (u *App) chooseAttendanceFile() {
	d := u.fileOpen(openAttendance, []string{".dat", ".txt", ".csv", ".xlsx"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.showError(err)
			return
		}
		name := r.URI().Name()
		var raw []byte
		var t *data.Table
		var readErr error
		runAsync(func() {
			raw, readErr = io.ReadAll(r)
			_ = r.Close()
			if readErr == nil && isTableFile(name) {
				var tb data.Table
				tb, readErr = export.ReadTable(name, bytes.NewReader(raw))
				t = &tb
			}
		}, func() {
			if readErr != nil {
				u.showError(fmt.Errorf("membaca %s: %w", name, readErr))
				return
			}
			u.openAttendanceImport(name, raw, t)
		})
	}, u.win)
	d.Resize(fileDialogSize)
	d.Show()
}

// isTableFile reports whether a file is a CSV or XLSX export (by extension).
func isTableFile(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".csv" || ext == ".xlsx"
}

// openAttendanceImport opens the import of a file called name: raw is its
// content; t is the table read from a CSV or XLSX export (nil for a log).
func (u *App) openAttendanceImport(name string, raw []byte, t *data.Table) *attImport {
	w := &attImport{u: u, name: name, raw: raw, table: t, pins: map[string]string{},
		body: container.NewStack(), buttons: container.NewHBox()}
	all, err := u.svc.AllStaff()
	if err != nil {
		u.showError(err)
		return nil
	}
	data.SortStaff(all, data.SortByName, nil)
	for _, s := range all {
		if s.At(u.today()).Active {
			w.staff = append(w.staff, s)
		}
	}
	w.dlg = dialog.NewCustomWithoutButtons(lang.L("att.import.title", map[string]any{"File": name}),
		container.NewBorder(nil, w.buttons, nil, nil, w.body), u.win)
	w.dlg.Resize(fyne.NewSize(860, 600))
	w.dlg.Show()
	if t != nil {
		w.cols = service.GuessPunchColumns(t.Header)
		w.showMapping()
	} else {
		w.replan()
	}
	return w
}

// showMapping is the column-mapping step of a CSV or XLSX export.
func (w *attImport) showMapping() {
	opts := []string{lang.L("import.column.none")}
	for i, h := range w.table.Header {
		opts = append(opts, lang.L("import.column.n", map[string]any{"N": i + 1, "Header": h}))
	}
	grid := container.New(layout.NewFormLayout())
	w.colSel = nil
	for i, c := range []struct {
		key string
		at  int
	}{{"att.import.col.pin", w.cols.PIN}, {"att.import.col.datetime", w.cols.DateTime},
		{"att.import.col.date", w.cols.Date}, {"att.import.col.time", w.cols.Time}} {
		sel := newSelect(opts, nil)
		sel.SetSelectedIndex(c.at + 1)
		w.colSel = append(w.colSel, sel)
		grid.Add(widget.NewLabel(lang.L(c.key)))
		grid.Add(w.colSel[i])
	}
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	intro := widget.NewLabel(lang.L("att.import.mapping", map[string]any{"Rows": len(w.table.Rows)}))
	intro.Wrapping = fyne.TextWrapWord
	w.body.Objects = []fyne.CanvasObject{container.NewBorder(intro, msg, nil, nil, container.NewVScroll(grid))}
	w.body.Refresh()
	next := widget.NewButton(lang.L("import.next"), func() {
		idx := func(i int) int { return w.colSel[i].SelectedIndex() - 1 }
		w.cols = service.PunchColumns{PIN: idx(0), DateTime: idx(1), Date: idx(2), Time: idx(3)}
		if err := w.cols.Check(len(w.table.Header)); err != nil {
			msg.SetText(err.Error())
			return
		}
		w.replan()
	})
	next.Importance = widget.HighImportance
	w.setButtons(next)
}

// replan plans the import again (after a PIN was mapped or the overwrite
// choice changed) off the UI goroutine, then shows the preview.
func (w *attImport) replan() {
	w.setButtons()
	w.body.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("import.checking"))}
	w.body.Refresh()
	pins := make(map[string]string, len(w.pins))
	for k, v := range w.pins {
		pins[k] = v
	}
	overwrite, raw, table, cols := w.overwrite, w.raw, w.table, w.cols
	var plan service.ImportPlan
	var err error
	runAsync(func() {
		if table != nil {
			plan, err = w.u.svc.PlanPunchTable(*table, cols, pins, overwrite)
		} else {
			plan, err = w.u.svc.PlanAttlogImport(bytes.NewReader(raw), pins, overwrite)
		}
	}, func() {
		if err != nil {
			w.u.showError(err)
		}
		w.showPreview(plan)
	})
}

// daysWith returns the planned days with one of the outcomes.
func (w *attImport) daysWith(outcomes ...data.MergeOutcome) []service.ImportDay {
	var out []service.ImportDay
	for _, d := range w.plan.Days {
		for _, o := range outcomes {
			if d.Result.Outcome == o {
				out = append(out, d)
			}
		}
	}
	return out
}

// dayText is one planned day as a line of the preview.
func dayText(d service.ImportDay) string {
	punches := d.Punches.First
	if d.Punches.Last != "" {
		punches += "–" + d.Punches.Last
	}
	s := d.Date.Slash() + " · " + d.Name
	if d.PIN != d.NIP {
		s += " (PIN " + d.PIN + ")"
	}
	s += ": " + punches
	if d.Result.Had {
		s += " · " + lang.L("att.import.before", map[string]any{"Code": entryText(d.Result.Before)})
	}
	if d.Result.Changes() {
		s += " → " + entryText(d.Result.After)
	}
	return s
}

// entryText is an entry in short: code and times.
func entryText(e data.DayEntry) string {
	s := e.Code
	if e.In != "" || e.Out != "" {
		s += " " + e.In + "–" + e.Out
	}
	return s
}

// showPreview shows the plan with its sections and the save button.
func (w *attImport) showPreview(plan service.ImportPlan) {
	w.plan = plan
	p := plan
	summary := widget.NewLabel(lang.L("att.import.summary", map[string]any{
		"Punches": p.Punches, "Added": p.Count(data.MergeAdded), "Changed": p.Count(data.MergeChanged),
		"Same": p.Count(data.MergeUnchanged), "Kept": p.Count(data.MergeKeptHand), "Off": p.Count(data.MergeNonWorking),
		"Unknown": len(p.Unknown), "Bad": len(p.BadLines)}))
	summary.Wrapping = fyne.TextWrapWord
	over := widget.NewCheck(lang.L("att.import.overwrite"), nil)
	over.SetChecked(w.overwrite)
	over.OnChanged = func(on bool) { w.askOverwrite(on, over) }
	var lines []string
	for _, b := range p.BadLines {
		lines = append(lines, lang.L("att.import.badline", map[string]any{"Line": b.Line, "Reason": b.Message, "Text": b.Text}))
	}
	w.tabs = container.NewAppTabs(
		w.dayTab("att.import.tab.change", w.daysWith(data.MergeAdded, data.MergeChanged)),
		w.dayTab("att.import.tab.kept", w.daysWith(data.MergeKeptHand)),
		w.dayTab("att.import.tab.off", w.daysWith(data.MergeNonWorking)),
		container.NewTabItem(lang.L("att.import.tab.unknown", map[string]any{"N": len(p.Unknown)}), w.unknownView()),
		container.NewTabItem(lang.L("att.import.tab.bad", map[string]any{"N": len(lines)}), textList(lines)),
	)
	w.tabs.SetTabLocation(container.TabLocationLeading)
	w.body.Objects = []fyne.CanvasObject{container.NewBorder(container.NewVBox(summary, over), nil, nil, nil, w.tabs)}
	w.body.Refresh()
	n := p.Count(data.MergeAdded) + p.Count(data.MergeChanged)
	w.save = widget.NewButton(lang.L("att.import.save", map[string]any{"N": n}), w.apply)
	w.save.Importance = widget.HighImportance
	if !p.Changes() {
		w.save.Disable()
	}
	var bs []fyne.CanvasObject
	if w.table != nil {
		bs = append(bs, widget.NewButton(lang.L("import.back"), w.showMapping))
	}
	w.setButtons(append(bs, w.save)...)
	w.previews.Add(1)
}

// dayTab is a tab listing planned days, titled by key with their count.
func (w *attImport) dayTab(key string, days []service.ImportDay) *container.TabItem {
	lines := make([]string, len(days))
	for i, d := range days {
		lines[i] = dayText(d)
	}
	return container.NewTabItem(lang.L(key, map[string]any{"N": len(days)}), textList(lines))
}

// textList is a read-only list of lines, or "(tidak ada)" when empty.
func textList(lines []string) fyne.CanvasObject {
	if len(lines) == 0 {
		return widget.NewLabel(lang.L("att.none"))
	}
	var list *widget.List
	list = widget.NewList(func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(lines[i])
			list.SetItemHeight(i, o.MinSize().Height)
		})
	return list
}

// unknownView lists the unknown PINs, each with a staff picker that maps it.
func (w *attImport) unknownView() fyne.CanvasObject {
	if len(w.plan.Unknown) == 0 {
		return widget.NewLabel(lang.L("att.none"))
	}
	names := make([]string, len(w.staff))
	for i, s := range w.staff {
		names[i] = s.DisplayName() + " — " + s.Identifier()
	}
	intro := widget.NewLabel(lang.L("att.import.unknown.intro"))
	intro.Wrapping = fyne.TextWrapWord
	rows := container.NewVBox(intro)
	for _, un := range w.plan.Unknown {
		pin := un.PIN
		sel := newSelect(names, nil)
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i >= 0 && i < len(w.staff) {
				w.pins[pin] = w.staff[i].Identifier()
				w.replan()
			}
		}
		what := widget.NewLabel(lang.L("att.import.unknown", map[string]any{"PIN": pin, "N": un.Punches,
			"From": un.First.Slash(), "To": un.Last.Slash()}))
		rows.Add(container.NewBorder(nil, nil, what, nil, sel))
	}
	return container.NewVScroll(rows)
}

// askOverwrite asks before hand entries may be overwritten; turning it off
// needs no question. Either way the plan is made again.
func (w *attImport) askOverwrite(on bool, check *widget.Check) {
	if !on {
		w.overwrite = false
		w.replan()
		return
	}
	dialog.ShowConfirm(lang.L("att.import.overwrite.title"), lang.L("att.import.overwrite.ask"), func(yes bool) {
		if !yes {
			check.OnChanged = nil
			check.SetChecked(false)
			check.OnChanged = func(on bool) { w.askOverwrite(on, check) }
			return
		}
		w.overwrite = true
		w.replan()
	}, w.u.win)
}

// apply saves the plan off the UI goroutine.
func (w *attImport) apply() {
	plan := w.plan
	w.setButtons()
	var n int
	var err error
	runAsync(func() {
		n, err = w.u.svc.ApplyImport(plan)
	}, func() {
		if err != nil {
			w.u.showError(err)
			w.showPreview(plan)
			return
		}
		w.dlg.Hide()
		if w.u.attendance != nil {
			w.u.attendance.refresh()
		}
		dialog.ShowInformation(lang.L("att.import.done.title"), lang.L("att.import.done", map[string]any{"N": n}), w.u.win)
	})
}

// setButtons puts Batal and then the given buttons under the import.
func (w *attImport) setButtons(bs ...fyne.CanvasObject) {
	cancel := widget.NewButton(lang.L("button.cancel"), func() { w.dlg.Hide() })
	w.buttons.Objects = append([]fyne.CanvasObject{layout.NewSpacer(), cancel}, bs...)
	w.buttons.Refresh()
}
