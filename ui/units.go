package ui

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// unitsEditor lists the units of the office and edits one at a time: name,
// kind, parent unit, head, and whether it is still in use. Units are never
// deleted; one no longer used is marked inactive so history keeps its name.
type unitsEditor struct {
	u     *App
	view  fyne.CanvasObject
	units []data.Unit
	staff []data.Staff
	edit  data.Unit // the unit in the form; ID 0 for a new one

	list     *widget.List
	name     *widget.Entry
	kind     *widget.Select
	parent   *widget.Select
	head     *widget.Select
	inactive *widget.Check
	fields   map[string]*field
	form     *widget.Form
	heading  *widget.Label // which unit the form edits

	parentIDs []uint64 // ids behind parent's options; 0 = none
	headIDs   []uint64 // ids behind head's options; 0 = none
}

func newUnitsEditor(u *App) *unitsEditor {
	e := &unitsEditor{u: u}
	e.list = widget.NewList(
		func() int { return len(e.units) },
		func() fyne.CanvasObject { return widget.NewLabel("Subbagian Perencanaan dan Keuangan") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(unitLine(e.units[i]))
		},
	)
	e.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(e.units) {
			e.load(e.units[i])
		}
	}
	e.name = widget.NewEntry()
	e.kind = newSelect(mapStrings(unitKindStrings(), unitKindLabel), nil)
	e.parent = newSelect(nil, nil)
	e.head = newSelect(nil, nil)
	e.inactive = widget.NewCheck(lang.L("unit.inactive"), nil)
	e.fields = map[string]*field{
		data.FieldName: newField(e.name), data.FieldKind: newField(e.kind), data.FieldUnit: newField(e.parent),
	}
	e.form = &widget.Form{
		Items: []*widget.FormItem{
			widget.NewFormItem(lang.L("unit.name"), e.fields[data.FieldName].box),
			widget.NewFormItem(lang.L("unit.kind"), e.fields[data.FieldKind].box),
			widget.NewFormItem(lang.L("unit.parent"), e.fields[data.FieldUnit].box),
			widget.NewFormItem(lang.L("unit.head"), e.head),
			widget.NewFormItem("", e.inactive),
		},
	}
	save := newSaveButton(lang.L("button.save"), e.save)
	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	add := widget.NewButtonWithIcon(lang.L("unit.new"), theme.ContentAddIcon(), func() {
		e.list.UnselectAll()
		e.load(data.Unit{Kind: data.UnitSection})
	})
	list := container.NewBorder(nil, add, nil, nil, container.NewGridWrap(fyne.NewSize(380, 300), e.list))
	e.view = container.NewBorder(nil, nil, list, nil, container.NewVBox(e.heading, e.form, saveBar(save)))
	return e
}

// reload reads the units and staff and resets the form to a new unit.
func (e *unitsEditor) reload() {
	units, err := e.u.svc.Units()
	if err != nil {
		e.u.showError(err)
		return
	}
	staff, err := e.u.svc.AllStaff()
	if err != nil {
		e.u.showError(err)
		return
	}
	e.units, e.staff = units, staff
	e.list.UnselectAll()
	e.list.Refresh()
	e.load(data.Unit{Kind: data.UnitSection})
}

// load puts u into the form.
func (e *unitsEditor) load(u data.Unit) {
	e.edit = u
	if u.ID == 0 {
		e.heading.SetText(lang.L("unit.new"))
	} else {
		e.heading.SetText(lang.L("unit.edit", map[string]any{"Name": u.Name}))
	}
	e.name.SetText(u.Name)
	e.kind.SetSelectedIndex(slices.Index(data.UnitKinds, u.Kind))
	e.parentIDs = []uint64{0}
	parents := []string{lang.L("unit.none")}
	for _, o := range e.units {
		if o.ID != u.ID {
			e.parentIDs = append(e.parentIDs, o.ID)
			parents = append(parents, o.Name)
		}
	}
	e.parent.SetOptions(parents)
	e.parent.SetSelectedIndex(max(0, slices.Index(e.parentIDs, u.ParentID)))
	e.headIDs = []uint64{0}
	heads := []string{lang.L("unit.none")}
	for _, s := range e.staff {
		if s.Current().Active || s.ID == u.HeadStaffID {
			e.headIDs = append(e.headIDs, s.ID)
			heads = append(heads, s.DisplayName())
		}
	}
	e.head.SetOptions(heads)
	e.head.SetSelectedIndex(max(0, slices.Index(e.headIDs, u.HeadStaffID)))
	e.inactive.SetChecked(u.Inactive)
	for _, f := range e.fields {
		f.show(nil, nil)
	}
}

// unit reads the form.
func (e *unitsEditor) unit() data.Unit {
	u := e.edit
	u.Name = e.name.Text
	if i := e.kind.SelectedIndex(); i >= 0 {
		u.Kind = data.UnitKinds[i]
	}
	u.ParentID = pick(e.parentIDs, e.parent.SelectedIndex())
	u.HeadStaffID = pick(e.headIDs, e.head.SelectedIndex())
	u.Inactive = e.inactive.Checked
	return u
}

// save stores the unit; a refusal shows its messages next to the fields.
func (e *unitsEditor) save() {
	saved, err := e.u.svc.SaveUnit(e.unit())
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		for name, f := range e.fields {
			f.show(problemsOf(ve.Problems, name))
		}
		focusFirstError(e.u.win.Canvas(), e.fields[data.FieldName], e.fields[data.FieldKind], e.fields[data.FieldUnit])
		return
	}
	if err != nil {
		e.u.showError(err)
		return
	}
	e.reload()
	if i := slices.IndexFunc(e.units, func(u data.Unit) bool { return u.ID == saved.ID }); i >= 0 {
		e.list.Select(i)
	}
	e.u.staff.reload()
	e.u.home.refresh()
}

// pick returns ids[i], or 0 when i is out of range.
func pick(ids []uint64, i int) uint64 {
	if i < 0 || i >= len(ids) {
		return 0
	}
	return ids[i]
}

// unitLine is a unit as listed: name, kind and "(tidak aktif)" when so.
func unitLine(u data.Unit) string {
	s := u.Name + " — " + unitKindLabel(string(u.Kind))
	if u.Inactive {
		s += " " + lang.L("unit.inactive.mark")
	}
	return s
}

func unitKindStrings() []string {
	out := make([]string, len(data.UnitKinds))
	for i, k := range data.UnitKinds {
		out[i] = string(k)
	}
	return out
}

// unitKindLabel is the translated label of a unit kind.
func unitKindLabel(k string) string { return lang.L("unitkind." + k) }
