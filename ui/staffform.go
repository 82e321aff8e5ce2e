package ui

import (
	"errors"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// Row keys of the staff form for the two gelar, which have no data.Field constant.
const (
	fieldGelarDepan    = "gelar_depan"
	fieldGelarBelakang = "gelar_belakang"
)

// staffFormRows is the order of the rows of the staff form, by field name.
var staffFormRows = []string{
	data.FieldKind, data.FieldNIP, data.FieldNIK, data.FieldName, fieldGelarDepan, fieldGelarBelakang,
	data.FieldSex, data.FieldBirthPlace, data.FieldBirthDate, data.FieldRank, data.FieldPosition,
	data.FieldUnit, data.FieldStartDate, data.FieldContractStart, data.FieldContractEnd, data.FieldMismatch,
}

// staffForm adds or edits one staff member. Every change re-runs
// data.ValidateStaff and shows its messages next to the fields the user has
// touched (all of them after a first Simpan): errors in red, warnings in amber.
// A warning about the NIP opens the reason field, which must then be filled.
type staffForm struct {
	u     *App
	orig  data.Staff // ID 0 for a new staff member
	units []data.Unit

	kind, rank, unit                             *widget.Select
	sex                                          *widget.RadioGroup
	nip, nik, name, gelarDepan, gelarBelakang    *widget.Entry
	birthPlace, position, reason                 *widget.Entry
	birthDate, start, contractStart, contractEnd *DateEntry

	labels  map[string]*widget.Label
	strut   *canvas.Rectangle // keeps the label column as wide as its widest label, shown or not
	fields  map[string]*field
	general *widget.Label // problems of later history events
	scroll  *wheelScroll
	save    *widget.Button
	cancel  *widget.Button
	view    fyne.CanvasObject
	dialog  *dialog.CustomDialog

	touched   map[string]bool
	submitted bool
	// fromNIP holds the birth date and sex last filled in from the NIP, so a
	// corrected NIP may correct them while they still hold those values.
	fromNIP struct {
		birth data.Date
		sex   data.Sex
	}
	rankCodes []string // codes behind the rank options, "" for "no rank"
	unitIDs   []uint64 // ids behind the unit options
	onSaved   func(data.Staff)
}

// newStaffForm builds the form for orig (a zero Staff for a new one) on units.
func newStaffForm(u *App, orig data.Staff, units []data.Unit, onSaved func(data.Staff)) *staffForm {
	f := &staffForm{u: u, orig: orig, units: units, onSaved: onSaved, touched: map[string]bool{}}
	f.nip, f.nik, f.name = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.gelarDepan, f.gelarBelakang = widget.NewEntry(), widget.NewEntry()
	f.birthPlace, f.position, f.reason = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.birthDate, f.start, f.contractStart, f.contractEnd = NewDateEntry(), NewDateEntry(), NewDateEntry(), NewDateEntry()
	f.nip.SetPlaceHolder(lang.L("staff.nip.hint"))
	f.gelarDepan.SetPlaceHolder(lang.L("staff.gelardepan.hint"))
	f.gelarBelakang.SetPlaceHolder(lang.L("staff.gelarbelakang.hint"))
	f.reason.SetPlaceHolder(lang.L("staff.reason.hint"))
	f.birthDate.SetPlaceHolder(lang.L("staff.birthdate.hint"))
	kinds := make([]string, len(data.Kinds))
	for i, k := range data.Kinds {
		kinds[i] = string(k)
	}
	f.kind = newSelect(kinds, nil)
	f.sex = widget.NewRadioGroup([]string{sexLabel(data.SexMale), sexLabel(data.SexFemale)}, nil)
	f.sex.Horizontal = true
	f.rank = newSelect(nil, nil)
	f.unit = newSelect(nil, nil)
	f.general = widget.NewLabel("")
	f.general.Importance = widget.DangerImportance
	f.general.Wrapping = fyne.TextWrapWord
	f.general.Hide()

	f.fill(draftOf(orig))
	f.lockChangedByHistory()
	f.view = f.build()
	f.watch()
	f.refreshRows()
	f.check()
	return f
}

// fill puts the draft's values into the inputs.
func (f *staffForm) fill(d staffDraft) {
	if d.Kind == "" {
		d.Kind = data.KindPNS
	}
	f.kind.SetSelected(string(d.Kind))
	f.nip.SetText(data.FormatNIP(d.NIP))
	f.nik.SetText(d.NIK)
	f.name.SetText(d.Name)
	f.gelarDepan.SetText(d.GelarDepan)
	f.gelarBelakang.SetText(d.GelarBelakang)
	if d.Sex != "" {
		f.sex.SetSelected(sexLabel(d.Sex))
	}
	f.birthPlace.SetText(d.BirthPlace)
	f.birthDate.SetDate(d.BirthDate)
	f.setRankOptions(d.Kind, d.Rank)
	f.position.SetText(d.Position)
	f.setUnitOptions(d.UnitID)
	f.start.SetDate(d.Start)
	f.contractStart.SetDate(d.ContractStart)
	f.contractEnd.SetDate(d.ContractEnd)
	f.reason.SetText(d.MismatchReason)
}

// setRankOptions offers the ranks of kind k (with "no rank" where none is
// required) and selects code when it is one of them.
func (f *staffForm) setRankOptions(k data.Kind, code string) {
	f.rankCodes = data.RanksFor(k)
	if k == data.KindPPPKParuhWaktu {
		f.rankCodes = append([]string{""}, f.rankCodes...)
	}
	opts := make([]string, len(f.rankCodes))
	for i, c := range f.rankCodes {
		opts[i] = rankOption(c)
	}
	f.rank.SetOptions(opts)
	if i := slices.Index(f.rankCodes, code); i >= 0 {
		f.rank.SetSelectedIndex(i)
	} else {
		f.rank.ClearSelected()
	}
}

func rankOption(code string) string {
	if code == "" {
		return lang.L("staff.rank.none")
	}
	return data.RankLabel(code)
}

// setUnitOptions offers the active units, and the unit id when it is inactive.
func (f *staffForm) setUnitOptions(id uint64) {
	f.unitIDs = nil
	var opts []string
	for _, un := range f.units {
		if !un.Inactive || un.ID == id {
			f.unitIDs = append(f.unitIDs, un.ID)
			opts = append(opts, un.Name)
		}
	}
	f.unit.SetOptions(opts)
	if i := slices.Index(f.unitIDs, id); i >= 0 {
		f.unit.SetSelectedIndex(i)
	}
}

// lockChangedByHistory disables rank, position and unit when later history
// events changed them; those changes go through the history actions.
func (f *staffForm) lockChangedByHistory() {
	for k, w := range map[data.EventKind]fyne.Disableable{
		data.EventRank: f.rank, data.EventPosition: f.position, data.EventTransfer: f.unit,
	} {
		if changedLater(f.orig, k) {
			w.Disable()
		}
	}
}

// watch re-checks the form whenever an input changes; Enter in a text field saves.
func (f *staffForm) watch() {
	on := func(name string) func(string) {
		return func(string) {
			f.touched[name] = true
			f.check()
		}
	}
	f.kind.OnChanged = func(s string) {
		f.setRankOptions(data.Kind(s), f.selectedRank())
		f.touched[data.FieldKind] = true
		f.refreshRows()
		f.fillFromNIP()
		f.check()
	}
	f.nip.OnChanged = func(string) {
		f.touched[data.FieldNIP] = true
		f.fillFromNIP()
		f.check()
	}
	f.nik.OnChanged = on(data.FieldNIK)
	f.name.OnChanged = on(data.FieldName)
	f.gelarDepan.OnChanged = on(fieldGelarDepan)
	f.gelarBelakang.OnChanged = on(fieldGelarBelakang)
	f.sex.OnChanged = on(data.FieldSex)
	f.birthPlace.OnChanged = on(data.FieldBirthPlace)
	f.birthDate.OnChanged = on(data.FieldBirthDate)
	f.rank.OnChanged = on(data.FieldRank)
	f.position.OnChanged = on(data.FieldPosition)
	f.unit.OnChanged = on(data.FieldUnit)
	f.start.OnChanged = on(data.FieldStartDate)
	f.contractStart.OnChanged = on(data.FieldContractStart)
	f.contractEnd.OnChanged = on(data.FieldContractEnd)
	f.reason.OnChanged = on(data.FieldMismatch)
	for _, e := range []*widget.Entry{f.nip, f.nik, f.name, f.gelarDepan, f.gelarBelakang, f.birthPlace, f.position, f.reason,
		&f.birthDate.Entry, &f.start.Entry, &f.contractStart.Entry, &f.contractEnd.Entry} {
		e.OnSubmitted = func(string) { f.submit() }
	}
}

// fillFromNIP fills the birth date (NIP digits 1–8) and the sex (digit 15,
// Perka BKN 22/2007) from a valid NIP or NI PPPK when they are empty, or
// still hold what an earlier NIP filled in. What the user typed or chose is
// never replaced; where it differs from the NIP, the form warns.
func (f *staffForm) fillFromNIP() {
	k := data.Kind(f.kind.Selected)
	if !k.HasNIP() || !f.fields[data.FieldNIP].box.Visible() {
		return
	}
	var n data.NIP
	var err error
	if k.IsPPPK() {
		n, _, err = data.ParseNIPPPPK(f.nip.Text, f.u.today())
	} else {
		n, err = data.ParseNIP(f.nip.Text, f.u.today())
	}
	if err != nil {
		return
	}
	birth, berr := f.birthDate.Date()
	if strings.TrimSpace(f.birthDate.Text) == "" || (berr == nil && !f.fromNIP.birth.IsZero() && birth.Equal(f.fromNIP.birth)) {
		f.fromNIP.birth = n.BirthDate
		f.birthDate.SetDate(n.BirthDate)
	}
	if sex := sexOf(f.sex.Selected); sex == "" || (f.fromNIP.sex != "" && sex == f.fromNIP.sex) {
		f.fromNIP.sex = n.Sex
		f.sex.SetSelected(sexLabel(n.Sex))
	}
}

func (f *staffForm) selectedRank() string {
	if i := f.rank.SelectedIndex(); i >= 0 && i < len(f.rankCodes) {
		return f.rankCodes[i]
	}
	return ""
}

// draft reads the inputs; dates that cannot be read come back as problems on their fields.
func (f *staffForm) draft() (staffDraft, data.Problems) {
	var p data.Problems
	date := func(e *DateEntry, name string) data.Date {
		d, err := e.Date()
		if err != nil {
			p.Errors = append(p.Errors, data.FieldError{Field: name, Message: err.Error()})
		}
		return d
	}
	d := staffDraft{
		Kind: data.Kind(f.kind.Selected), NIP: f.nip.Text, NIK: f.nik.Text,
		Name: f.name.Text, GelarDepan: f.gelarDepan.Text, GelarBelakang: f.gelarBelakang.Text,
		Sex: sexOf(f.sex.Selected), BirthPlace: f.birthPlace.Text,
		BirthDate: date(f.birthDate, data.FieldBirthDate),
		Rank:      f.selectedRank(), Position: f.position.Text,
		Start:          date(f.start, data.FieldStartDate),
		ContractStart:  date(f.contractStart, data.FieldContractStart),
		ContractEnd:    date(f.contractEnd, data.FieldContractEnd),
		MismatchReason: f.reason.Text,
	}
	if i := f.unit.SelectedIndex(); i >= 0 && i < len(f.unitIDs) {
		d.UnitID = f.unitIDs[i]
	}
	return d, p
}

// check validates the form as it stands, shows the messages of touched fields
// and reports the record and whether it may be saved.
func (f *staffForm) check() (data.Staff, bool) {
	d, p := f.draft()
	s := d.apply(f.orig)
	v := data.ValidateStaff(s, f.units, f.u.today())
	p.Errors = append(p.Errors, v.Errors...)
	p.Warnings = append(p.Warnings, v.Warnings...)
	f.showProblems(p)
	return s, p.OK()
}

// showProblems puts each message next to its field (when touched or after a
// first Simpan) and the history messages under the form.
func (f *staffForm) showProblems(p data.Problems) {
	// The reason applies only while the NIP disagrees with the record (or a
	// reason is already written). Its row is the last of the form, so showing
	// or hiding it never moves a field above it.
	f.showRow(data.FieldMismatch, len(p.Warnings) > 0 || f.reason.Text != "")
	for name, fl := range f.fields {
		if f.submitted || f.touched[name] || name == data.FieldMismatch {
			fl.show(problemsOf(p, name))
		} else {
			fl.show(nil, nil)
		}
	}
	errs, _ := problemsOf(p, data.FieldHistory)
	if f.submitted && len(errs) > 0 {
		f.general.SetText(strings.Join(errs, "\n"))
		f.general.Show()
	} else {
		f.general.Hide()
	}
}

// refreshRows shows the rows that apply to the selected kind: NIP (or NI PPPK)
// for ASN, rank where the kind has one, contract dates for PPPK.
func (f *staffForm) refreshRows() {
	k := data.Kind(f.kind.Selected)
	f.showRow(data.FieldNIP, k.HasNIP())
	if k.IsPPPK() {
		f.labels[data.FieldNIP].SetText(lang.L("staff.nipppk"))
	} else {
		f.labels[data.FieldNIP].SetText(lang.L("staff.nip"))
	}
	if k == data.KindNonASN {
		f.labels[data.FieldNIK].SetText(lang.L("staff.nik.nonasn"))
	} else {
		f.labels[data.FieldNIK].SetText(lang.L("staff.nik"))
	}
	f.showRow(data.FieldRank, len(data.RanksFor(k)) > 0)
	f.showRow(data.FieldContractStart, k.IsPPPK())
	f.showRow(data.FieldContractEnd, k.IsPPPK())
	f.showRow(data.FieldMismatch, f.reason.Text != "")
	var w float32
	for _, l := range f.labels {
		w = max(w, l.MinSize().Width)
	}
	f.strut.SetMinSize(fyne.NewSize(w, 0))
}

func (f *staffForm) showRow(name string, visible bool) {
	l, fl := f.labels[name], f.fields[name]
	if visible {
		l.Show()
		fl.box.Show()
	} else {
		l.Hide()
		fl.box.Hide()
	}
}

// build lays the rows out as a two-column form with Batal and Simpan below.
func (f *staffForm) build() fyne.CanvasObject {
	inputs := map[string]fyne.CanvasObject{
		data.FieldKind: f.kind, data.FieldNIP: f.nip, data.FieldNIK: f.nik, data.FieldName: f.name,
		fieldGelarDepan: f.gelarDepan, fieldGelarBelakang: f.gelarBelakang, data.FieldSex: f.sex,
		data.FieldBirthPlace: f.birthPlace, data.FieldBirthDate: f.birthDate, data.FieldRank: f.rank,
		data.FieldPosition: f.position, data.FieldUnit: f.unit, data.FieldStartDate: f.start,
		data.FieldContractStart: f.contractStart, data.FieldContractEnd: f.contractEnd,
		data.FieldMismatch: f.reason,
	}
	f.labels = map[string]*widget.Label{}
	f.fields = map[string]*field{}
	grid := container.New(layout.NewFormLayout())
	for _, name := range staffFormRows {
		f.labels[name] = widget.NewLabelWithStyle(lang.L("staff.field."+name), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		f.fields[name] = newField(inputs[name])
		grid.Add(f.labels[name])
		grid.Add(f.fields[name].box)
	}
	// A row of no height whose label is as wide as the widest label: the
	// inputs start at the same x whether or not the widest row is shown.
	f.strut = canvas.NewRectangle(color.Transparent)
	grid.Add(f.strut)
	grid.Add(canvas.NewRectangle(color.Transparent))
	f.cancel = widget.NewButton(lang.L("button.cancel"), func() { f.dialog.Hide() })
	f.save = newSaveButton(lang.L("button.save"), f.submit)
	var note fyne.CanvasObject = layout.NewSpacer()
	if f.rank.Disabled() || f.position.Disabled() || f.unit.Disabled() {
		n := widget.NewLabel(lang.L("staff.form.locked"))
		n.Wrapping = fyne.TextWrapWord
		note = n
	}
	buttons := saveBar(f.cancel, f.save)
	f.scroll = newWheelScroll(grid)
	return container.NewBorder(note, container.NewVBox(f.general, buttons), nil, nil, wheelEverywhere(f.scroll))
}

// submit saves the record when it passes; otherwise every message is shown and the form stays open.
func (f *staffForm) submit() {
	f.submitted = true
	s, ok := f.check()
	if !ok {
		f.focusFirstError()
		return
	}
	saved, err := f.u.svc.SaveStaff(s)
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ve):
		f.showProblems(ve.Problems)
		f.focusFirstError()
		return
	case errors.Is(err, data.ErrDuplicateNIP):
		name := data.FieldNIK
		if s.NIP != "" {
			name = data.FieldNIP
		}
		f.fields[name].show([]string{err.Error()}, nil)
		f.focusFirstError()
		return
	case err != nil:
		f.u.showError(err)
		return
	}
	f.dialog.Hide()
	if f.onSaved != nil {
		f.onSaved(saved)
	}
}

// focusFirstError scrolls to the first field, top to bottom, that shows an
// error and puts the keyboard focus in it.
func (f *staffForm) focusFirstError() {
	for _, name := range staffFormRows {
		fl := f.fields[name]
		if !fl.box.Visible() || !fl.hasError() {
			continue
		}
		if f.scroll != nil {
			top := fl.box.Position().Y - theme.Padding()
			if top < f.scroll.Offset.Y || top+fl.box.Size().Height > f.scroll.Offset.Y+f.scroll.Size().Height {
				f.scroll.ScrollToOffset(fyne.NewPos(0, max(top, 0)))
			}
		}
		fl.focus(f.u.win.Canvas())
		return
	}
}

// show opens the form in a dialog on the main window.
func (f *staffForm) show() {
	title := lang.L("staff.form.add")
	if f.orig.ID != 0 {
		title = lang.L("staff.form.edit")
	}
	f.dialog = dialog.NewCustomWithoutButtons(title, f.view, f.u.win)
	f.dialog.Resize(fyne.NewSize(720, 640))
	f.dialog.Show()
	first := fyne.Focusable(f.name)
	if f.fields[data.FieldNIP].box.Visible() {
		first = f.nip
	}
	f.u.win.Canvas().Focus(first)
}

// sexLabel is the translated label of a sex.
func sexLabel(s data.Sex) string { return lang.L("sex." + string(s)) }

// sexOf is the sex of a label made by sexLabel, "" when none.
func sexOf(label string) data.Sex {
	for _, s := range []data.Sex{data.SexMale, data.SexFemale} {
		if label != "" && label == sexLabel(s) {
			return s
		}
	}
	return ""
}
