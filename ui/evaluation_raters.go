package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// actingChoices are the acting kinds offered, the definitive holder first.
var actingChoices = []data.Acting{"", data.ActingPlt, data.ActingPlh}

// raterDialog sets for one period who rates a staff member in place of the
// default from the unit structure (a Plt or Plh), or restores the default.
type raterDialog struct {
	f                         *evaluationForm
	people                    []data.Staff // who may rate: active staff but the person rated
	rater, atasan             *widget.Select
	raterActing, atasanActing *widget.Select
	dialog                    *dialog.CustomDialog
	save, reset, cancel       *widget.Button
}

func newRaterDialog(f *evaluationForm) *raterDialog {
	d := &raterDialog{f: f}
	all, err := f.s.u.svc.AllStaff()
	if err != nil {
		f.says(err.Error(), true)
	}
	day := f.v.Period.End
	if t := f.s.u.today(); t.Before(day) {
		day = t
	}
	var opts []string
	for _, st := range all {
		if st.ID != f.v.Staff.ID && st.Kind.Evaluated() && st.At(day).Active {
			d.people = append(d.people, st)
		}
	}
	data.SortStaff(d.people, data.SortByName, nil)
	for _, st := range d.people {
		opts = append(opts, staffOption(st))
	}
	var acting []string
	for _, a := range actingChoices {
		acting = append(acting, actingLabel(a))
	}
	d.rater, d.atasan = newSelect(opts, nil), newSelect(opts, nil)
	d.raterActing, d.atasanActing = newSelect(acting, nil), newSelect(acting, nil)
	d.pick(d.rater, d.raterActing, f.v.Evaluation.Rater)
	d.pick(d.atasan, d.atasanActing, f.v.Evaluation.Atasan)

	d.save = widget.NewButton(lang.L("button.save"), d.apply)
	d.save.Importance = widget.HighImportance
	d.reset = widget.NewButton(lang.L("eval.raters.reset"), func() { d.store(data.RaterPair{}) })
	d.cancel = widget.NewButton(lang.L("button.cancel"), func() { d.dialog.Hide() })
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("eval.rater")), container.NewBorder(nil, nil, nil, d.raterActing, d.rater),
		widget.NewLabel(lang.L("eval.atasan")), container.NewBorder(nil, nil, nil, d.atasanActing, d.atasan),
	)
	intro := wrapLabel(lang.L("eval.raters.intro", map[string]any{"Period": f.v.Period.Label()}))
	d.dialog = dialog.NewCustomWithoutButtons(lang.L("eval.raters.change"), container.NewVBox(intro, form), f.s.u.win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.reset, d.save})
	d.dialog.Resize(fyne.NewSize(640, 0))
	return d
}

func actingLabel(a data.Acting) string {
	if a == "" {
		return lang.L("eval.raters.definitive")
	}
	return string(a)
}

// pick selects ref's person and acting kind.
func (d *raterDialog) pick(who, acting *widget.Select, ref data.RaterRef) {
	for i, st := range d.people {
		if st.ID == ref.StaffID {
			who.SetSelectedIndex(i)
		}
	}
	acting.SetSelectedIndex(0)
	for i, a := range actingChoices {
		if a == ref.Acting {
			acting.SetSelectedIndex(i)
		}
	}
}

func (d *raterDialog) show() { d.dialog.Show() }

func (d *raterDialog) ref(who, acting *widget.Select) data.RaterRef {
	var r data.RaterRef
	if i := who.SelectedIndex(); i >= 0 && i < len(d.people) {
		r.StaffID = d.people[i].ID
	}
	if i := acting.SelectedIndex(); i > 0 && i < len(actingChoices) && r.StaffID != 0 {
		r.Acting = actingChoices[i]
	}
	return r
}

func (d *raterDialog) apply() {
	d.store(data.RaterPair{Rater: d.ref(d.rater, d.raterActing), Atasan: d.ref(d.atasan, d.atasanActing)})
}

// store records pair for the period (the zero pair restores the default).
func (d *raterDialog) store(pair data.RaterPair) {
	if !d.f.store() {
		d.dialog.Hide()
		return
	}
	if _, err := d.f.s.u.svc.SetRaterOverride(d.f.v.Period.ID, d.f.v.Staff.ID, pair); err != nil {
		d.f.s.u.showError(err)
		return
	}
	d.dialog.Hide()
	d.f.after(lang.L("eval.raters.saved"), nil)
}
