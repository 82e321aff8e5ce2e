package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// dayRow is one staff member's line of the daily grid: the code typed (its
// full label beside it, or why it is not accepted), arrival and departure,
// the minutes late and short they give, a note, and the reason a save
// refused the row.
type dayRow struct {
	g       *dayGrid
	row     service.GridRow
	code    *widget.Entry
	label   *widget.Label
	in      *widget.Entry
	out     *widget.Entry
	minutes *widget.Label
	note    *widget.Entry
	problem *widget.Label
	box     fyne.CanvasObject
}

func newDayRow(g *dayGrid, gr service.GridRow) *dayRow {
	r := &dayRow{g: g, row: gr}
	who := widget.NewLabel(clip(gr.Name, 28) + "\n" + gr.NIP)
	r.code = widget.NewEntry()
	r.in, r.out, r.note = widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	r.in.PlaceHolder, r.out.PlaceHolder = lang.L("att.clock"), lang.L("att.clock")
	r.label = widget.NewLabel("")
	r.minutes = widget.NewLabel("")
	r.problem = widget.NewLabel("")
	r.problem.Importance = widget.DangerImportance
	r.problem.Wrapping = fyne.TextWrapWord
	r.problem.Hide()
	e := gr.Entry
	// Set before the entries are first drawn: SetText would lay each out now.
	r.code.Text, r.in.Text, r.out.Text, r.note.Text = e.Code, e.In, e.Out, e.Note
	for _, en := range []*widget.Entry{r.code, r.in, r.out} {
		en.OnChanged = func(string) { r.update() }
	}
	r.code.OnSubmitted = func(string) { g.focusNext(r, func(x *dayRow) fyne.Focusable { return x.code }) }
	r.in.OnSubmitted = func(string) { g.focusNext(r, func(x *dayRow) fyne.Focusable { return x.in }) }
	r.out.OnSubmitted = func(string) { g.focusNext(r, func(x *dayRow) fyne.Focusable { return x.out }) }
	r.note.OnSubmitted = func(string) { g.focusNext(r, func(x *dayRow) fyne.Focusable { return x.note }) }
	line := container.New(columnsLayout{dayColumns}, who, r.code, r.label, r.in, r.out, r.minutes, r.note)
	r.box = container.NewVBox(line, r.problem)
	r.update()
	return r
}

// typedCode returns the code as typed, upper case and trimmed.
func (r *dayRow) typedCode() string { return strings.ToUpper(strings.TrimSpace(r.code.Text)) }

// update shows the label of the code typed and the minutes the times give.
func (r *dayRow) update() {
	code := r.typedCode()
	switch c, known := r.g.codes.Lookup(code); {
	case code == "" && strings.TrimSpace(r.in.Text+r.out.Text) == "":
		r.label.Importance = widget.WarningImportance
		r.label.SetText(lang.L("att.day.notentered"))
	case code == "":
		r.label.Importance = widget.MediumImportance
		r.label.SetText(lang.L("att.day.fromtimes"))
	case !known:
		r.label.Importance = widget.DangerImportance
		r.label.SetText(lang.L("att.day.unknown", map[string]any{"Code": code}))
	case !c.AllowedFor(r.row.Kind):
		r.label.Importance = widget.DangerImportance
		r.label.SetText(lang.L("att.day.notfor", map[string]any{"Code": c.Code, "Kind": string(r.row.Kind)}))
	default:
		r.label.Importance = widget.MediumImportance
		r.label.SetText(c.FullLabel())
	}
	r.minutes.Importance = widget.MediumImportance
	r.minutes.SetText(r.minutesText())
}

// minutesText describes what the rules in force derive from what is typed:
// minutes late and short, a time not recorded, piket; TL without an arrival
// time asks for it. Times are read as people type them (0815, 8.15, 08:15).
func (r *dayRow) minutesText() string {
	for _, t := range []string{r.in.Text, r.out.Text} {
		if strings.TrimSpace(t) == "" {
			continue
		}
		if _, err := data.ParseTimeOfDay(t); err != nil {
			r.minutes.Importance = widget.DangerImportance
			return lang.L("att.day.badtime")
		}
	}
	e := data.DayEntry{Code: r.typedCode(), In: strings.TrimSpace(r.in.Text), Out: strings.TrimSpace(r.out.Text)}
	if !r.changed() {
		e = r.row.Entry
	}
	if e.Code == "" && e.In == "" && e.Out == "" && e.Punch == "" {
		return ""
	}
	f := data.DeriveDay(r.g.shown, e, r.g.rules)
	var parts []string
	switch {
	case f.Piket:
		parts = append(parts, lang.L("att.day.piket"))
	case e.Code == data.CodeTL && e.In == "" && e.Punch == "":
		r.minutes.Importance = widget.WarningImportance
		parts = append(parts, lang.L("att.day.needin"))
	case f.ArrivalMissing:
		parts = append(parts, lang.L("att.day.nopunch"))
	case f.LateMinutes > 0:
		parts = append(parts, lang.L("att.day.late", map[string]any{"N": f.LateMinutes}))
	}
	switch {
	case f.DepartureMissing && !f.Piket && e.Code != data.CodeTL:
		parts = append(parts, lang.L("att.day.noout"))
	case f.EarlyMinutes > 0:
		parts = append(parts, lang.L("att.day.early", map[string]any{"N": f.EarlyMinutes}))
	}
	return strings.Join(parts, "\n")
}

// clip shortens s to at most n characters, ending it with "…" when cut. The
// grid's labels are cut this way rather than with Fyne's truncation, which
// measures the text again on every layout and makes a large grid slow.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// changed reports whether the row differs from what was loaded.
func (r *dayRow) changed() bool {
	e := r.row.Entry
	return r.typedCode() != e.Code || strings.TrimSpace(r.in.Text) != e.In ||
		strings.TrimSpace(r.out.Text) != e.Out || strings.TrimSpace(r.note.Text) != e.Note
}

// input is what the row asks SaveDay to store. The letter number and the
// grantor of an entry are kept while its code stays the same.
func (r *dayRow) input() service.DayInput {
	in := service.DayInput{StaffID: r.row.StaffID, Code: r.typedCode(), In: r.in.Text, Out: r.out.Text, Note: r.note.Text}
	if in.Code == r.row.Entry.Code {
		in.Letter, in.GrantedBy = r.row.Entry.Letter, r.row.Entry.GrantedBy
	}
	return in
}

// showProblem shows why the row was refused, or hides the message.
func (r *dayRow) showProblem(msg string) {
	r.problem.SetText(msg)
	if msg == "" {
		r.problem.Hide()
		return
	}
	r.problem.Show()
}
