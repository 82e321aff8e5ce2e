package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// evaluationForm is the evaluation of one staff member for one period:
// realisasi and umpan balik per hasil kerja row, umpan balik per BerAKHLAK
// value, the two ratings with the predikat computed live from them (never
// typed), catatan/rekomendasi and development follow-up; beside it the
// attendance, the raters and the revisions; under it the workflow buttons.
// A final evaluation is shown read-only, except its follow-up and objection.
type evaluationForm struct {
	s *evaluationScreen
	v service.EvaluationView

	realisasi  []*widget.Entry
	umpanBalik []*widget.Entry
	perilaku   [7]*widget.Entry
	work       *widget.RadioGroup
	behavior   *widget.RadioGroup
	predikat   *widget.Label
	note       *widget.Entry
	dev        *developmentEditor
	objection  *objectionEditor
	state      *widget.Label
	status     *widget.Label
	dirty      bool // typed into since shown; saved before another person is opened

	save, submit, withdraw, finalize, reopen, saveDev *widget.Button
	fixOutside                                        *widget.Button // "Tetapkan (penilai di luar kantor)…"
	outside                                           *outsideFixDialog
	view                                              fyne.CanvasObject
	scroll                                            *wheelScroll  // the long middle column
	jumps                                             []*jumpTarget // the cards the bar above it jumps to

	pass         *passphraseDialog  // the passphrase dialog opened last
	reopenDialog *dialog.FormDialog // the reopen dialog opened last
	reopenReason *widget.Entry
	raters       *raterDialog
}

func newEvaluationForm(s *evaluationScreen, v service.EvaluationView) *evaluationForm {
	f := &evaluationForm{s: s, v: v}
	e := v.Evaluation
	for i := range v.SKP.Rows {
		r, u := widget.NewEntry(), widget.NewEntry()
		r.SetPlaceHolder(lang.L("eval.realisasi"))
		u.SetPlaceHolder(lang.L("eval.umpanbalik"))
		if i < len(e.Rows) {
			r.SetText(e.Rows[i].Realisasi)
			u.SetText(e.Rows[i].UmpanBalik)
		}
		f.realisasi, f.umpanBalik = append(f.realisasi, r), append(f.umpanBalik, u)
	}
	for i := range f.perilaku {
		f.perilaku[i] = widget.NewEntry()
		f.perilaku[i].SetPlaceHolder(lang.L("eval.umpanbalik"))
		f.perilaku[i].SetText(e.PerilakuFeedback[i])
	}
	f.work, f.behavior = ratingRadio(e.WorkRating), ratingRadio(e.BehaviorRating)
	f.predikat = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.predikat.SizeName = theme.SizeNameSubHeadingText
	f.note = widget.NewMultiLineEntry()
	f.note.Wrapping = fyne.TextWrapWord
	f.note.SetMinRowsVisible(3)
	f.note.SetText(e.Note)
	f.dev = newDevelopmentEditor(e.Development)
	f.objection = newObjectionEditor(f)
	f.state = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.state.Wrapping = fyne.TextWrapWord
	f.status = widget.NewLabel("")
	f.status.Wrapping = fyne.TextWrapWord
	f.buttons()
	f.view = f.build()
	f.watch()
	f.lock()
	f.showPredikat()
	return f
}

// ratingRadio offers the three ratings, best first, with r selected.
func ratingRadio(r data.Rating) *widget.RadioGroup {
	var labels []string
	for _, x := range data.Ratings {
		labels = append(labels, x.Label())
	}
	g := widget.NewRadioGroup(labels, nil)
	g.SetSelected(r.Label())
	return g
}

// ratingOf returns the rating chosen in g, "" when none.
func ratingOf(g *widget.RadioGroup) data.Rating {
	for _, r := range data.Ratings {
		if r.Label() == g.Selected && g.Selected != "" {
			return r
		}
	}
	return ""
}

func (f *evaluationForm) build() fyne.CanvasObject {
	id := f.v.Identities.Employee
	name := widget.NewLabelWithStyle(id.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.SizeName = theme.SizeNameSubHeadingText
	who := widget.NewLabel(strings.Join(nonEmpty([]string{data.FormatNIP(id.NIP), id.Rank, id.Position, id.Unit}), " · "))
	who.Wrapping = fyne.TextWrapWord
	header := container.NewVBox(name, who, f.state)

	ratings := container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("eval.rating.work")), f.ratingOrText(f.work),
		widget.NewLabel(lang.L("eval.rating.behavior")), f.ratingOrText(f.behavior),
		widget.NewLabel(lang.L("eval.predikat")), f.predikat,
	)
	ratingParts := []fyne.CanvasObject{ratings}
	if f.v.IsHead {
		l := widget.NewLabel(lang.L("eval.head.nocapaian"))
		if f.v.HeadWorkRating != "" {
			l.SetText(lang.L("eval.head.follows", map[string]any{"Capaian": f.v.Period.Capaian.Label(), "Rating": f.v.HeadWorkRating.Label()}))
		}
		l.Wrapping = fyne.TextWrapWord
		l.Importance = widget.LowImportance
		ratingParts = append(ratingParts, l)
	}
	hasil := section(lang.L("eval.hasilkerja"), f.skpLine(), f.rowsBox())
	perilaku := section(lang.L("eval.perilaku"), "", f.perilakuBox())
	rating := section(lang.L("eval.ratings"), lang.L("eval.ratings.sub"), container.NewVBox(ratingParts...))
	note := section(lang.L("eval.note"), "", f.valueOf(f.note))
	parts := []fyne.CanvasObject{
		hasil, perilaku, rating, note,
		section(lang.L("eval.dev"), lang.L("eval.dev.sub"), container.NewVBox(f.dev.view, container.NewHBox(f.saveDev))),
	}
	if f.v.Locked() || f.v.Evaluation.Objection != (data.Objection{}) {
		parts = append(parts, section(lang.L("eval.objection"), lang.L("eval.objection.sub"), f.objection.view))
	}
	f.scroll = newWheelScroll(container.NewPadded(container.NewVBox(parts...)))
	f.jumps = []*jumpTarget{
		{name: lang.L("eval.jump.hasilkerja"), card: hasil},
		{name: lang.L("eval.jump.perilaku"), card: perilaku},
		{name: lang.L("eval.jump.rating"), card: rating},
		{name: lang.L("eval.jump.note"), card: note},
	}
	bar := container.NewHBox()
	for _, j := range f.jumps {
		j.button = widget.NewButton(j.name, func() { f.jumpTo(j) })
		j.button.Importance = widget.LowImportance
		bar.Add(j.button)
	}
	// The wheel moves the form over its fields too; the catatan, the one
	// multi-line field, then scrolls with its bar and the keyboard.
	center := container.NewBorder(bar, nil, nil, nil, wheelEverywhere(f.scroll))
	side := newEvaluationSide(f)
	steps := container.NewHBox(f.s.prev, f.s.place, f.s.next)
	flow := container.New(layout.NewRowWrapLayout(), f.save, f.submit, f.withdraw, f.finalize, f.fixOutside, f.reopen)
	buttons := container.NewBorder(nil, nil, nil, steps, flow)
	body := container.NewBorder(nil, nil, nil, side.view, center)
	return container.NewBorder(header, container.NewVBox(f.status, buttons), nil, nil, body)
}

// formPlace is where the user was in an evaluation form: how far it was
// scrolled and which of its entries (by position, -1 for none) had the focus.
type formPlace struct {
	offset   fyne.Position
	entry    int
	row, col int // the text cursor in that entry
}

// entries are the form's text fields in a fixed order.
func (f *evaluationForm) entries() []*widget.Entry {
	out := make([]*widget.Entry, 0, 2*len(f.realisasi)+len(f.perilaku)+1)
	for i := range f.realisasi {
		out = append(out, f.realisasi[i], f.umpanBalik[i])
	}
	return append(append(out, f.perilaku[:]...), f.note)
}

// place reports where the user is in the form.
func (f *evaluationForm) place() formPlace {
	p := formPlace{offset: f.scroll.Offset, entry: -1}
	focused := f.s.u.win.Canvas().Focused()
	for i, e := range f.entries() {
		if focused != nil && focused == fyne.Focusable(e) {
			p.entry, p.row, p.col = i, e.CursorRow, e.CursorColumn
		}
	}
	return p
}

// restore scrolls a form just shown to p and gives the focus back to the
// same entry when the form may still be typed into.
func (f *evaluationForm) restore(p formPlace) {
	f.scroll.ScrollToOffset(p.offset)
	if es := f.entries(); p.entry >= 0 && p.entry < len(es) && !f.v.Locked() && !es[p.entry].Disabled() {
		e := es[p.entry]
		e.CursorRow, e.CursorColumn = p.row, p.col
		f.s.u.win.Canvas().Focus(e)
		e.Refresh()
	}
}

// jumpTarget is a card of the evaluation form and its button in the bar above it.
type jumpTarget struct {
	name   string
	card   fyne.CanvasObject
	button *widget.Button
}

// jumpTo scrolls the form so that j's card is at the top.
func (f *evaluationForm) jumpTo(j *jumpTarget) {
	f.scroll.ScrollToOffset(fyne.NewPos(0, j.card.Position().Y))
}

// valueOf is e itself while the evaluation may change, and once it is
// final (Ditetapkan) the value as plain text: a disabled entry draws its
// text in the grey of an empty placeholder, so locked values would read as
// missing.
func (f *evaluationForm) valueOf(e *widget.Entry) fyne.CanvasObject {
	if !f.v.Locked() {
		return e
	}
	if strings.TrimSpace(e.Text) == "" {
		text := lang.L("eval.value.empty")
		if e.PlaceHolder != "" {
			text = e.PlaceHolder + ": " + text
		}
		l := wrapLabel(text)
		l.Importance = widget.LowImportance
		return l
	}
	if e.PlaceHolder != "" {
		return wrapLabel(e.PlaceHolder + ": " + e.Text)
	}
	return wrapLabel(e.Text)
}

// ratingOrText is g while the evaluation may change, and its choice as bold
// text once it is final.
func (f *evaluationForm) ratingOrText(g *widget.RadioGroup) fyne.CanvasObject {
	if !f.v.Locked() {
		return g
	}
	if g.Selected == "" {
		l := widget.NewLabel(lang.L("eval.value.empty"))
		l.Importance = widget.LowImportance
		return l
	}
	return widget.NewLabelWithStyle(g.Selected, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// skpLine is the subtitle of the hasil kerja card: the SKP used, or that there is none.
func (f *evaluationForm) skpLine() string {
	if !f.v.HasSKP {
		return lang.L("eval.noskp")
	}
	k := f.v.SKP
	return lang.L("eval.skp", map[string]any{"Start": k.Start.Slash(), "End": k.End.Slash(), "Approach": k.Approach.Label()})
}

func (f *evaluationForm) rowsBox() fyne.CanvasObject {
	box := container.NewVBox()
	for i, r := range f.v.SKP.Rows {
		title := widget.NewLabelWithStyle(lang.L("eval.row.title", map[string]any{"N": i + 1, "Kind": r.Kind.Label(), "RHK": r.RHK}),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		iki := widget.NewLabel(lang.L("eval.row.iki", map[string]any{"IKI": r.IKI, "Target": r.Target}))
		iki.Wrapping = fyne.TextWrapWord
		iki.SizeName = theme.SizeNameCaptionText
		box.Add(container.New(layout.NewCustomPaddedVBoxLayout(2), title, iki,
			container.NewGridWithColumns(2, f.valueOf(f.realisasi[i]), f.valueOf(f.umpanBalik[i]))))
	}
	return box
}

func (f *evaluationForm) perilakuBox() fyne.CanvasObject {
	ekspektasi := map[int]string{}
	for _, e := range f.v.SKP.Perilaku {
		ekspektasi[e.ValueIndex] = e.Ekspektasi
	}
	box := container.NewVBox()
	for i, v := range data.BerAKHLAK() {
		name := widget.NewLabelWithStyle(v.Name, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		guide := widget.NewLabel("• " + strings.Join(v.Behaviours[:], "\n• "))
		guide.Wrapping = fyne.TextWrapWord
		guide.SizeName = theme.SizeNameCaptionText
		parts := []fyne.CanvasObject{name, guide}
		if x := ekspektasi[v.Number]; x != "" {
			l := widget.NewLabel(lang.L("eval.ekspektasi", map[string]any{"Text": x}))
			l.Wrapping = fyne.TextWrapWord
			l.Importance = widget.HighImportance
			parts = append(parts, l)
		}
		parts = append(parts, f.valueOf(f.perilaku[i]))
		box.Add(container.New(layout.NewCustomPaddedVBoxLayout(2), parts...))
	}
	return box
}

// watch marks the form changed and updates the predikat on every input.
func (f *evaluationForm) watch() {
	on := func(string) {
		f.dirty = true
		f.showPredikat()
	}
	for _, e := range append(append(append([]*widget.Entry{f.note}, f.realisasi...), f.umpanBalik...), f.perilaku[:]...) {
		e.OnChanged = on
	}
	f.work.OnChanged, f.behavior.OnChanged = on, on
	f.dev.onChanged = func() { f.dirty = true }
}

// showPredikat shows the predikat the two chosen ratings give.
func (f *evaluationForm) showPredikat() {
	p, err := data.PredikatOf(ratingOf(f.work), ratingOf(f.behavior))
	if err != nil {
		f.predikat.SetText(lang.L("eval.predikat.pending"))
		f.predikat.Importance = widget.LowImportance
		f.predikat.Refresh()
		return
	}
	f.predikat.SetText(p.Label())
	f.predikat.Importance = widget.MediumImportance
	if p.NeedsFollowUp() {
		f.predikat.Importance = widget.WarningImportance
	}
	f.predikat.Refresh()
}

// lock shows the state and makes a final evaluation read-only.
func (f *evaluationForm) lock() {
	e := f.v.Evaluation
	text := lang.L("eval.state", map[string]any{"State": stateText(f.v.Stored, e)})
	if e.Revision > 0 {
		text += " · " + lang.L("eval.revision", map[string]any{"N": e.Revision})
		if e.ReopenReason != "" {
			text += " · " + lang.L("eval.reopened.because", map[string]any{"Reason": e.ReopenReason})
		}
	}
	f.state.Importance = widget.MediumImportance
	if f.v.Locked() {
		text = lang.L("eval.locked", map[string]any{"Date": data.DateOf(e.FinalizedAt).Slash(), "Revision": e.Revision})
		f.state.Importance = widget.SuccessImportance
	}
	f.state.SetText(text)
	if !f.v.Locked() {
		if f.v.IsHead && f.v.HeadWorkRating != "" {
			f.work.Disable()
		}
		return
	}
	for _, e := range append(append(append([]*widget.Entry{f.note}, f.realisasi...), f.umpanBalik...), f.perilaku[:]...) {
		e.Disable()
	}
	f.work.Disable()
	f.behavior.Disable()
}

// change copies the form into an evaluation (the SetEvaluation change).
func (f *evaluationForm) change(e *data.Evaluation) {
	for i := range f.realisasi {
		for len(e.Rows) <= i {
			e.Rows = append(e.Rows, data.Realisasi{})
		}
		e.Rows[i] = data.Realisasi{Realisasi: strings.TrimSpace(f.realisasi[i].Text), UmpanBalik: strings.TrimSpace(f.umpanBalik[i].Text)}
	}
	for i, p := range f.perilaku {
		e.PerilakuFeedback[i] = strings.TrimSpace(p.Text)
	}
	e.WorkRating, e.BehaviorRating = ratingOf(f.work), ratingOf(f.behavior)
	e.Note = strings.TrimSpace(f.note.Text)
	e.Development = f.dev.items()
}

// says shows msg under the form, red for an error.
func (f *evaluationForm) says(msg string, isErr bool) {
	f.status.Importance = widget.SuccessImportance
	if isErr {
		f.status.Importance = widget.DangerImportance
	}
	f.status.SetText(msg)
}
