package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// skpForm edits one SKP: post, dates, approach, the hasil kerja rows (added
// and removed freely), the ekspektasi khusus pimpinan per BerAKHLAK value
// beside its guide behaviours, and the Lampiran. data.ValidateSKP runs on
// every change once the SKP was stored or a first save was tried; its
// messages show under the fields they name.
type skpForm struct {
	orig data.SKP

	position   *widget.Entry
	start, end *DateEntry
	approach   *widget.RadioGroup
	rows       []*skpRowEditor
	rowBox     *fyne.Container
	addRow     *widget.Button
	ekspektasi [7]*widget.Entry
	dukungan   *widget.Entry
	skema      *widget.Entry
	konsekuen  *widget.Entry

	fields    map[string]*field
	view      fyne.CanvasObject
	showAll   bool
	onChanged func()
}

// skpRowEditor is one hasil kerja row of the form.
type skpRowEditor struct {
	kind                     *widget.Select
	rhkPimpinan, rhk         *widget.Entry
	aspek                    *widget.Select
	iki, target              *widget.Entry
	remove                   *widget.Button
	title                    *widget.Label
	fields                   map[string]*field
	box                      *fyne.Container
	kindOptions, aspekOption []string
}

// approachChoices are the approaches in the order the radio group offers them.
var approachChoices = []data.Approach{data.ApproachKuantitatif, data.ApproachKualitatif}

// hasilKinds are the hasil kerja kinds in the order the row select offers them.
var hasilKinds = []data.HasilKerjaKind{data.HasilUtama, data.HasilTambahan}

func newSKPForm(k data.SKP) *skpForm {
	f := &skpForm{orig: k, fields: map[string]*field{}, showAll: k.ID != 0}
	f.position = widget.NewEntry()
	f.start, f.end = NewDateEntry(), NewDateEntry()
	var labels []string
	for _, a := range approachChoices {
		labels = append(labels, a.Label())
	}
	f.approach = widget.NewRadioGroup(labels, nil)
	f.approach.Horizontal = true
	f.rowBox = container.NewVBox()
	f.addRow = widget.NewButtonWithIcon(lang.L("skp.row.add"), theme.ContentAddIcon(), func() {
		f.appendRow(data.HasilKerja{Kind: data.HasilUtama})
		f.changed()
	})
	for i := range f.ekspektasi {
		f.ekspektasi[i] = widget.NewEntry()
		f.ekspektasi[i].SetPlaceHolder(lang.L("skp.ekspektasi.hint"))
	}
	f.dukungan, f.skema, f.konsekuen = lampiranEntry(), lampiranEntry(), lampiranEntry()

	f.fill(k)
	f.view = f.build()
	f.watch()
	f.check()
	return f
}

func lampiranEntry() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(3)
	e.SetPlaceHolder(lang.L("skp.lampiran.hint"))
	return e
}

// fill puts k's values into the inputs.
func (f *skpForm) fill(k data.SKP) {
	f.position.SetText(k.Position)
	f.start.SetDate(k.Start)
	f.end.SetDate(k.End)
	if k.Approach.Label() != "" {
		f.approach.SetSelected(k.Approach.Label())
	}
	for _, r := range k.Rows {
		f.appendRow(r)
	}
	for _, e := range k.Perilaku {
		if e.ValueIndex >= 1 && e.ValueIndex <= 7 {
			f.ekspektasi[e.ValueIndex-1].SetText(e.Ekspektasi)
		}
	}
	f.dukungan.SetText(strings.Join(k.Lampiran.DukunganSumberDaya, "\n"))
	f.skema.SetText(strings.Join(k.Lampiran.SkemaPertanggungjawaban, "\n"))
	f.konsekuen.SetText(strings.Join(k.Lampiran.Konsekuensi, "\n"))
}

func (f *skpForm) build() fyne.CanvasObject {
	add := func(name string, input fyne.CanvasObject) fyne.CanvasObject {
		fl := newField(input)
		f.fields[name] = fl
		return fl.box
	}
	head := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("skp.position")), add(data.FieldPosition, f.position),
		widget.NewLabel(lang.L("skp.start")), add(data.FieldSKPStart, f.start),
		widget.NewLabel(lang.L("skp.end")), add(data.FieldSKPEnd, f.end),
		widget.NewLabel(lang.L("skp.approach")), add(data.FieldSKPApproach, f.approach),
	)
	perilaku := container.NewVBox()
	for i, v := range data.BerAKHLAK() {
		name := widget.NewLabelWithStyle(v.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		guide := widget.NewLabel("• " + strings.Join(v.Behaviours[:], "\n• "))
		guide.Wrapping = fyne.TextWrapWord
		guide.SizeName = theme.SizeNameCaptionText
		perilaku.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), name, guide, f.ekspektasi[i]))
	}
	perilakuField := newField(perilaku)
	f.fields[data.FieldSKPPerilaku] = perilakuField
	lampiran := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("skp.lampiran.dukungan")), f.dukungan,
		widget.NewLabel(lang.L("skp.lampiran.skema")), f.skema,
		widget.NewLabel(lang.L("skp.lampiran.konsekuensi")), f.konsekuen,
	)
	rowsField := newField(container.NewVBox(f.rowBox, container.NewHBox(f.addRow)))
	f.fields[data.FieldSKPRows] = rowsField
	return container.NewVBox(
		head,
		section(lang.L("skp.rows"), "", rowsField.box),
		section(lang.L("skp.perilaku"), lang.L("skp.perilaku.sub"), perilakuField.box),
		section(lang.L("skp.lampiran"), "", lampiran),
	)
}

// appendRow adds an editor for hasil kerja row r at the end.
func (f *skpForm) appendRow(r data.HasilKerja) {
	e := &skpRowEditor{fields: map[string]*field{}}
	for _, k := range hasilKinds {
		e.kindOptions = append(e.kindOptions, k.Label())
	}
	e.aspekOption = []string{lang.L("skp.aspek.none")}
	for _, a := range data.Aspeks {
		e.aspekOption = append(e.aspekOption, a.Label())
	}
	e.kind = newSelect(e.kindOptions, nil)
	e.aspek = newSelect(e.aspekOption, nil)
	e.rhkPimpinan, e.rhk, e.iki, e.target = multiEntry(), multiEntry(), multiEntry(), widget.NewEntry()
	if r.Kind.Label() != "" {
		e.kind.SetSelected(r.Kind.Label())
	}
	e.aspek.SetSelectedIndex(0)
	if r.Aspek.Label() != "" {
		e.aspek.SetSelected(r.Aspek.Label())
	}
	e.rhkPimpinan.SetText(r.RHKPimpinan)
	e.rhk.SetText(r.RHK)
	e.iki.SetText(r.IKI)
	e.target.SetText(r.Target)
	e.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.remove = widget.NewButtonWithIcon(lang.L("skp.row.remove"), theme.DeleteIcon(), func() { f.removeRow(e) })
	add := func(name string, input fyne.CanvasObject) fyne.CanvasObject {
		fl := newField(input)
		e.fields[name] = fl
		return fl.box
	}
	form := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("skp.row.kind")), add("kind", e.kind),
		widget.NewLabel(lang.L("skp.row.rhkpimpinan")), add("rhk_pimpinan", e.rhkPimpinan),
		widget.NewLabel(lang.L("skp.row.rhk")), add("rhk", e.rhk),
		widget.NewLabel(lang.L("skp.row.aspek")), add("aspek", e.aspek),
		widget.NewLabel(lang.L("skp.row.iki")), add("iki", e.iki),
		widget.NewLabel(lang.L("skp.row.target")), add("target", e.target),
	)
	e.box = container.NewVBox(container.NewBorder(nil, nil, nil, e.remove, e.title), form, widget.NewSeparator())
	f.rows = append(f.rows, e)
	f.rowBox.Add(e.box)
	f.renumber()
	f.watchRow(e)
}

func multiEntry() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
	return e
}

func (f *skpForm) removeRow(e *skpRowEditor) {
	for i, r := range f.rows {
		if r == e {
			f.rows = append(f.rows[:i], f.rows[i+1:]...)
			f.rowBox.Remove(e.box)
			break
		}
	}
	f.renumber()
	f.changed()
}

func (f *skpForm) renumber() {
	for i, r := range f.rows {
		r.title.SetText(lang.L("skp.row.title", map[string]any{"N": i + 1}))
	}
}

// watch re-checks the form whenever an input changes.
func (f *skpForm) watch() {
	on := func(string) { f.changed() }
	f.position.OnChanged = on
	f.start.OnChanged = on
	f.end.OnChanged = on
	f.approach.OnChanged = on
	for _, e := range f.ekspektasi {
		e.OnChanged = on
	}
	f.dukungan.OnChanged, f.skema.OnChanged, f.konsekuen.OnChanged = on, on, on
}

func (f *skpForm) watchRow(e *skpRowEditor) {
	on := func(string) { f.changed() }
	e.kind.OnChanged, e.aspek.OnChanged = on, on
	e.rhkPimpinan.OnChanged, e.rhk.OnChanged, e.iki.OnChanged, e.target.OnChanged = on, on, on, on
}

func (f *skpForm) changed() {
	f.check()
	if f.onChanged != nil {
		f.onChanged()
	}
}

// skp reads the inputs into an SKP (keeping orig's id, staff and unit);
// dates that cannot be read come back as problems on their fields.
func (f *skpForm) skp() (data.SKP, data.Problems) {
	var p data.Problems
	date := func(e *DateEntry, name string) data.Date {
		d, err := e.Date()
		if err != nil {
			p.Errors = append(p.Errors, data.FieldError{Field: name, Message: err.Error()})
		}
		return d
	}
	k := data.SKP{ID: f.orig.ID, StaffID: f.orig.StaffID, UnitID: f.orig.UnitID,
		Position: strings.TrimSpace(f.position.Text),
		Start:    date(f.start, data.FieldSKPStart), End: date(f.end, data.FieldSKPEnd)}
	for j, label := range f.approach.Options {
		if label == f.approach.Selected && j < len(approachChoices) {
			k.Approach = approachChoices[j]
		}
	}
	for _, r := range f.rows {
		k.Rows = append(k.Rows, r.hasilKerja())
	}
	for i, e := range f.ekspektasi {
		if t := strings.TrimSpace(e.Text); t != "" {
			k.Perilaku = append(k.Perilaku, data.PerilakuExpectation{ValueIndex: i + 1, Ekspektasi: t})
		}
	}
	k.Lampiran = data.Lampiran{
		DukunganSumberDaya:      lines(f.dukungan.Text),
		SkemaPertanggungjawaban: lines(f.skema.Text),
		Konsekuensi:             lines(f.konsekuen.Text),
	}
	return k, p
}

func (e *skpRowEditor) hasilKerja() data.HasilKerja {
	h := data.HasilKerja{RHKPimpinan: strings.TrimSpace(e.rhkPimpinan.Text), RHK: strings.TrimSpace(e.rhk.Text),
		IKI: strings.TrimSpace(e.iki.Text), Target: strings.TrimSpace(e.target.Text)}
	if i := e.kind.SelectedIndex(); i >= 0 && i < len(hasilKinds) {
		h.Kind = hasilKinds[i]
	}
	if i := e.aspek.SelectedIndex(); i > 0 && i <= len(data.Aspeks) {
		h.Aspek = data.Aspeks[i-1]
	}
	return h
}

// lines splits text into its non-empty trimmed lines (one Lampiran item each).
func lines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// check validates the form and shows the messages (when showAll); it returns
// the SKP and whether it may be saved.
func (f *skpForm) check() (data.SKP, bool) {
	k, p := f.skp()
	v := data.ValidateSKP(k)
	p.Errors = append(p.Errors, v.Errors...)
	p.Warnings = append(p.Warnings, v.Warnings...)
	shown := p
	if !f.showAll {
		shown = data.Problems{}
	}
	for name, fl := range f.fields {
		fl.show(problemsOf(shown, name))
	}
	for i, r := range f.rows {
		for name, fl := range r.fields {
			fl.show(problemsOf(shown, data.FieldSKPRow(i+1, name)))
		}
	}
	return k, p.OK()
}

// messages returns every message shown in the form, in form order.
func (f *skpForm) messages() []string {
	var out []string
	for _, name := range []string{data.FieldPosition, data.FieldSKPStart, data.FieldSKPEnd, data.FieldSKPApproach, data.FieldSKPRows} {
		if m := f.fields[name].message(); m != "" {
			out = append(out, m)
		}
	}
	for _, r := range f.rows {
		for _, name := range []string{"kind", "rhk_pimpinan", "rhk", "aspek", "iki", "target"} {
			if m := r.fields[name].message(); m != "" {
				out = append(out, m)
			}
		}
	}
	if m := f.fields[data.FieldSKPPerilaku].message(); m != "" {
		out = append(out, m)
	}
	return out
}
