package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// actingChoices are the acting kinds offered, the definitive holder first.
var actingChoices = []data.Acting{"", data.ActingPlt, data.ActingPlh}

// raterDialog sets for one period who rates and reviews a staff member in
// place of the default from the unit structure: another staff member (a Plt
// or Plh) or a registered official outside the office (the Camat's rater at
// the kabupaten, the Sekda as atasan of a Kasi); or restores the default.
type raterDialog struct {
	f                         *evaluationForm
	people                    []data.Staff    // who may rate: active staff but the person rated
	officials                 []data.Official // active officials outside the office, listed after the staff
	rater, atasan             *widget.Select
	raterActing, atasanActing *widget.Select
	dialog                    *dialog.CustomDialog
	save, reset, cancel       *widget.Button
	addOfficial               *widget.Button
	officialForm              *officialForm // the open "Pejabat luar kantor…" form, for tests
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
	for _, st := range all {
		if st.ID != f.v.Staff.ID && st.Kind.Evaluated() && st.At(day).Active {
			d.people = append(d.people, st)
		}
	}
	data.SortStaff(d.people, data.SortByName, nil)
	var acting []string
	for _, a := range actingChoices {
		acting = append(acting, actingLabel(a))
	}
	d.rater, d.atasan = newSelect(nil, nil), newSelect(nil, nil)
	d.raterActing, d.atasanActing = newSelect(acting, nil), newSelect(acting, nil)
	d.loadOptions()
	e := f.v.Evaluation
	d.pick(d.rater, d.raterActing, e.Rater, e.External.Rater)
	d.pick(d.atasan, d.atasanActing, e.Atasan, e.External.Atasan)

	d.save = widget.NewButton(lang.L("button.save"), d.apply)
	d.save.Importance = widget.HighImportance
	d.reset = widget.NewButton(lang.L("eval.raters.reset"), func() { d.store(data.RaterPair{}, data.ExternalRaters{}) })
	d.cancel = widget.NewButton(lang.L("button.cancel"), func() { d.dialog.Hide() })
	d.addOfficial = widget.NewButtonWithIcon(lang.L("eval.raters.outside"), theme.ContentAddIcon(), func() {
		d.officialForm = newOfficialForm(f.s.u, func(o data.Official) {
			d.loadOptions()
			d.pickOfficial(d.rater, o.ID)
		})
		d.officialForm.show()
	})
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("eval.rater")), container.NewBorder(nil, nil, nil, d.raterActing, d.rater),
		widget.NewLabel(lang.L("eval.atasan")), container.NewBorder(nil, nil, nil, d.atasanActing, d.atasan),
	)
	intro := wrapLabel(lang.L("eval.raters.intro", map[string]any{"Period": f.v.Period.Label()}))
	d.dialog = dialog.NewCustomWithoutButtons(lang.L("eval.raters.change"), container.NewVBox(intro, form, container.NewHBox(d.addOfficial)), f.s.u.win)
	d.dialog.SetButtons([]fyne.CanvasObject{d.cancel, d.reset, d.save})
	d.dialog.Resize(fyne.NewSize(640, 0))
	return d
}

// loadOptions fills both choices: the staff by name, then the active
// officials outside the office, marked as such. The selections are kept.
func (d *raterDialog) loadOptions() {
	all, err := d.f.s.u.svc.Officials()
	if err != nil {
		d.f.says(err.Error(), true)
	}
	d.officials = d.officials[:0]
	for _, o := range all {
		if !o.Inactive {
			d.officials = append(d.officials, o)
		}
	}
	var opts []string
	for _, st := range d.people {
		opts = append(opts, staffOption(st))
	}
	for _, o := range d.officials {
		opts = append(opts, o.String()+" ("+lang.L("eval.raters.outsideTag")+")")
	}
	for _, s := range []*widget.Select{d.rater, d.atasan} {
		i := s.SelectedIndex()
		s.SetOptions(opts)
		if i >= 0 && i < len(opts) {
			s.SetSelectedIndex(i)
		}
	}
}

func actingLabel(a data.Acting) string {
	if a == "" {
		return lang.L("eval.raters.definitive")
	}
	return string(a)
}

// pick selects the official of off when set, otherwise ref's person, and
// the acting kind.
func (d *raterDialog) pick(who, acting *widget.Select, ref data.RaterRef, off data.OfficialRef) {
	for i, st := range d.people {
		if st.ID == ref.StaffID && !off.IsSet() {
			who.SetSelectedIndex(i)
		}
	}
	if off.IsSet() {
		d.pickOfficial(who, off.OfficialID)
	}
	a := ref.Acting
	if off.IsSet() {
		a = off.Acting
	}
	acting.SetSelectedIndex(0)
	for i, x := range actingChoices {
		if x == a {
			acting.SetSelectedIndex(i)
		}
	}
}

// pickOfficial selects the official with id in who.
func (d *raterDialog) pickOfficial(who *widget.Select, id uint64) {
	for i, o := range d.officials {
		if o.ID == id {
			who.SetSelectedIndex(len(d.people) + i)
		}
	}
}

func (d *raterDialog) show() { d.dialog.Show() }

// ref returns the choice of who: a staff member or an official outside
// the office, with the acting kind.
func (d *raterDialog) ref(who, acting *widget.Select) (data.RaterRef, data.OfficialRef) {
	var (
		r data.RaterRef
		o data.OfficialRef
		a data.Acting
	)
	if i := acting.SelectedIndex(); i > 0 && i < len(actingChoices) {
		a = actingChoices[i]
	}
	switch i := who.SelectedIndex(); {
	case i >= 0 && i < len(d.people):
		r = data.RaterRef{StaffID: d.people[i].ID, Acting: a}
	case i >= len(d.people) && i < len(d.people)+len(d.officials):
		o = data.OfficialRef{OfficialID: d.officials[i-len(d.people)].ID, Acting: a}
	}
	return r, o
}

func (d *raterDialog) apply() {
	var (
		pair data.RaterPair
		ext  data.ExternalRaters
	)
	pair.Rater, ext.Rater = d.ref(d.rater, d.raterActing)
	pair.Atasan, ext.Atasan = d.ref(d.atasan, d.atasanActing)
	d.store(pair, ext)
}

// store records the choice for the period (the zero values restore the
// default).
func (d *raterDialog) store(pair data.RaterPair, ext data.ExternalRaters) {
	if !d.f.store() {
		d.dialog.Hide()
		return
	}
	if _, err := d.f.s.u.svc.SetRaterChoice(d.f.v.Period.ID, d.f.v.Staff.ID, pair, ext); err != nil {
		d.f.s.u.showError(err)
		return
	}
	d.dialog.Hide()
	d.f.after(lang.L("eval.raters.saved"), nil)
}
