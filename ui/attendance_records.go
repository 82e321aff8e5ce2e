package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// recordsDialog is a dialog listing lines with one action each: the
// incomplete attendance records of a month (Konfirmasi) or the remembered
// machine PINs (Hapus pemetaan). The list is read and the action run off the
// UI goroutine.
type recordsDialog struct {
	u    *App
	dlg  dialog.Dialog
	list *fyne.Container
	msg  *widget.Label
}

func (u *App) newRecordsDialog(title string) *recordsDialog {
	r := &recordsDialog{u: u, list: container.NewVBox(), msg: widget.NewLabel("")}
	r.msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(r.list)
	scroll.SetMinSize(fyne.NewSize(640, 360))
	r.dlg = dialog.NewCustom(title, lang.L("att.close"), container.NewBorder(nil, r.msg, nil, nil, scroll), u.win)
	r.dlg.Resize(fyne.NewSize(720, 480))
	return r
}

// incompleteDialog lists the incomplete records of the month of d.
type incompleteDialog struct {
	*recordsDialog
	month data.Date
	lines []service.IncompleteLine
}

// openIncomplete shows the month's working days with an arrival or a
// departure only (service.IncompleteRecords), each with Konfirmasi to let it
// stand (service.ConfirmIncomplete, an audited write).
func (u *App) openIncomplete(d data.Date) *incompleteDialog {
	w := &incompleteDialog{recordsDialog: u.newRecordsDialog(lang.L("att.incomplete.title")), month: d}
	w.load()
	w.dlg.Show()
	return w
}

func (w *incompleteDialog) load() {
	var (
		lines []service.IncompleteLine
		err   error
	)
	svc, d := w.u.svc, w.month
	runAsync(func() { lines, err = svc.IncompleteRecords(d.Year(), d.Month(), 0, false) }, func() {
		w.lines = lines
		w.list.RemoveAll()
		if err != nil {
			w.msg.SetText(err.Error())
			return
		}
		if len(lines) == 0 {
			w.list.Add(widget.NewLabel(lang.L("att.incomplete.none")))
		}
		for _, l := range lines {
			what := lang.L("att.day.nopunch")
			if l.Figures.DepartureMissing {
				what = lang.L("att.day.noout")
			}
			text := lang.L("att.incomplete.line", map[string]any{"Date": l.Date.Long(), "Name": l.Name, "What": what})
			staffID, day := l.StaffID, l.Date
			btn := widget.NewButton(lang.L("att.incomplete.confirm"), func() { w.confirm(staffID, day) })
			w.list.Add(container.NewBorder(nil, nil, nil, btn, widget.NewLabel(text)))
		}
	})
}

func (w *incompleteDialog) confirm(staffID uint64, d data.Date) {
	var err error
	svc := w.u.svc
	runAsync(func() { err = svc.ConfirmIncomplete(staffID, d) }, func() {
		if err != nil {
			w.msg.SetText(err.Error())
			return
		}
		w.load()
	})
}

// pinsDialog lists the remembered machine PINs.
type pinsDialog struct {
	*recordsDialog
	pins []service.PinMapping
}

// openPins shows the machine PIN → staff mappings, each removable.
func (u *App) openPins() {
	w := &pinsDialog{recordsDialog: u.newRecordsDialog(lang.L("att.pins.title"))}
	w.load()
	w.dlg.Show()
}

func (w *pinsDialog) load() {
	var (
		pins []service.PinMapping
		err  error
	)
	svc := w.u.svc
	runAsync(func() { pins, err = svc.PinMappings() }, func() {
		w.pins = pins
		w.list.RemoveAll()
		if err != nil {
			w.msg.SetText(err.Error())
			return
		}
		if len(pins) == 0 {
			w.list.Add(widget.NewLabel(lang.L("att.pins.none")))
		}
		for _, p := range pins {
			pin := p.PIN
			btn := widget.NewButton(lang.L("att.pins.remove"), func() { w.remove(pin) })
			w.list.Add(container.NewBorder(nil, nil, nil, btn, widget.NewLabel("PIN "+p.PIN+" → "+p.Name+" ("+p.NIP+")")))
		}
	})
}

func (w *pinsDialog) remove(pin string) {
	var err error
	svc := w.u.svc
	runAsync(func() { err = svc.UnmapPin(pin) }, func() {
		if err != nil {
			w.msg.SetText(err.Error())
			return
		}
		w.msg.SetText(lang.L("att.pins.removed", map[string]any{"PIN": pin}))
		w.load()
	})
}
