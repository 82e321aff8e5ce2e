package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// followUpStatuses are the development follow-up statuses in select order.
var followUpStatuses = []data.FollowUpStatus{data.FollowUpNeeded, data.FollowUpPlanned, data.FollowUpDone}

// developmentEditor edits the development follow-up rows of an evaluation:
// the need (e.g. a training), the plan and its status; rows are added and
// removed freely, and rows left blank are dropped.
type developmentEditor struct {
	rows      []*developmentRow
	box       *fyne.Container
	add       *widget.Button
	view      fyne.CanvasObject
	onChanged func()
}

type developmentRow struct {
	need, plan *widget.Entry
	status     *widget.Select
	remove     *widget.Button
	box        *fyne.Container
}

func newDevelopmentEditor(items []data.FollowUp) *developmentEditor {
	d := &developmentEditor{box: container.NewVBox()}
	d.add = widget.NewButtonWithIcon(lang.L("eval.dev.add"), theme.ContentAddIcon(), func() {
		d.append(data.FollowUp{Status: data.FollowUpNeeded})
		d.changed()
	})
	for _, it := range items {
		d.append(it)
	}
	d.view = container.NewVBox(d.box, container.NewHBox(d.add))
	return d
}

func (d *developmentEditor) append(it data.FollowUp) {
	r := &developmentRow{need: widget.NewEntry(), plan: widget.NewEntry()}
	r.need.SetPlaceHolder(lang.L("eval.dev.need"))
	r.plan.SetPlaceHolder(lang.L("eval.dev.plan"))
	r.need.SetText(it.Need)
	r.plan.SetText(it.Plan)
	var opts []string
	for _, s := range followUpStatuses {
		opts = append(opts, s.Label())
	}
	r.status = newSelect(opts, nil)
	r.status.SetSelectedIndex(0)
	for i, s := range followUpStatuses {
		if s == it.Status {
			r.status.SetSelectedIndex(i)
		}
	}
	r.remove = widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { d.removeRow(r) })
	on := func(string) { d.changed() }
	r.need.OnChanged, r.plan.OnChanged, r.status.OnChanged = on, on, on
	r.box = container.NewBorder(nil, nil, nil, container.NewHBox(r.status, r.remove), container.NewGridWithColumns(2, r.need, r.plan))
	d.rows = append(d.rows, r)
	d.box.Add(r.box)
}

func (d *developmentEditor) removeRow(r *developmentRow) {
	for i, x := range d.rows {
		if x == r {
			d.rows = append(d.rows[:i], d.rows[i+1:]...)
			d.box.Remove(r.box)
			break
		}
	}
	d.changed()
}

func (d *developmentEditor) changed() {
	if d.onChanged != nil {
		d.onChanged()
	}
}

// items returns the rows typed, leaving out those with neither need nor plan.
func (d *developmentEditor) items() []data.FollowUp {
	var out []data.FollowUp
	for _, r := range d.rows {
		it := data.FollowUp{Need: strings.TrimSpace(r.need.Text), Plan: strings.TrimSpace(r.plan.Text)}
		if it.Need == "" && it.Plan == "" {
			continue
		}
		if i := r.status.SelectedIndex(); i >= 0 && i < len(followUpStatuses) {
			it.Status = followUpStatuses[i]
		}
		out = append(out, it)
	}
	return out
}
