package ui

import (
	"strings"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// dayField is one of the typed columns of the daily grid.
type dayField int

// The typed columns, left to right.
const (
	fieldCode dayField = iota
	fieldIn
	fieldOut
	fieldNote
)

// dayRow is one staff member's line of the daily grid as typed: the grid
// keeps what is typed here, in the model, never in its widgets, which are
// recycled as the grid scrolls (see dayCells). It holds the row loaded from
// the store, the code, arrival, departure and note as typed, and the reason
// the last save refused the row.
type dayRow struct {
	row                 service.GridRow
	code, in, out, note string
	problem             string
	missing             bool // counted as "belum diisi" (kept by dayGrid.setField)
	bad                 bool // counted as a time that cannot be read (kept by dayGrid.recount)
}

func newDayRow(gr service.GridRow) *dayRow {
	e := gr.Entry
	r := &dayRow{row: gr, code: e.Code, in: e.In, out: e.Out, note: e.Note}
	r.missing = r.isMissing()
	return r
}

// field returns what is typed in one column.
func (r *dayRow) field(f dayField) string {
	switch f {
	case fieldCode:
		return r.code
	case fieldIn:
		return r.in
	case fieldOut:
		return r.out
	}
	return r.note
}

// setField keeps what is typed in one column.
func (r *dayRow) setField(f dayField, s string) {
	switch f {
	case fieldCode:
		r.code = s
	case fieldIn:
		r.in = s
	case fieldOut:
		r.out = s
	default:
		r.note = s
	}
}

// typedCode returns the code as typed, upper case and trimmed.
func (r *dayRow) typedCode() string { return strings.ToUpper(strings.TrimSpace(r.code)) }

// changed reports whether the row differs from what was loaded.
func (r *dayRow) changed() bool {
	e := r.row.Entry
	return r.typedCode() != e.Code || strings.TrimSpace(r.in) != e.In ||
		strings.TrimSpace(r.out) != e.Out || strings.TrimSpace(r.note) != e.Note
}

// badTime reports whether a typed arrival or departure time cannot be read
// (the grid's count line then says how to write one).
func (r *dayRow) badTime() bool {
	for _, t := range []string{r.in, r.out} {
		if strings.TrimSpace(t) == "" {
			continue
		}
		if _, err := data.ParseTimeOfDay(t); err != nil {
			return true
		}
	}
	return false
}

// isMissing reports whether the row is "belum diisi": nothing stored and
// nothing typed, or everything typed cleared again.
func (r *dayRow) isMissing() bool {
	if !r.changed() {
		return !r.row.Entered
	}
	return r.typedCode() == "" && strings.TrimSpace(r.in+r.out) == ""
}

// input is what the row asks SaveDay to store. The letter number and the
// grantor of an entry are kept while its code stays the same.
func (r *dayRow) input() service.DayInput {
	in := service.DayInput{StaffID: r.row.StaffID, Code: r.typedCode(), In: r.in, Out: r.out, Note: r.note}
	if in.Code == r.row.Entry.Code {
		in.Letter, in.GrantedBy = r.row.Entry.Letter, r.row.Entry.GrantedBy
	}
	return in
}

// matches returns the codes offered to this person (their kind's codes; on
// a day off only those that count as present) that begin with the code
// typed, when it is not a whole code already: "T" gives TB, TK and TL.
func (r *dayRow) matches(codes data.Codes) []data.Code {
	code := r.typedCode()
	if code == "" {
		return nil
	}
	if _, known := codes.Lookup(code); known {
		return nil
	}
	var out []data.Code
	for _, c := range r.row.Codes {
		if strings.HasPrefix(strings.ToUpper(c.Code), code) {
			out = append(out, c)
		}
	}
	return out
}

// completed returns the one code the code typed begins, when exactly one
// does ("P" gives PSW); "" otherwise.
func (r *dayRow) completed(codes data.Codes) string {
	if m := r.matches(codes); len(m) == 1 {
		return m[0].Code
	}
	return ""
}

// label says what the code typed means: its full label, the codes it may
// still become, why it is not accepted, or "belum diisi".
func (r *dayRow) label(codes data.Codes) (string, widget.Importance) {
	code := r.typedCode()
	c, known := codes.Lookup(code)
	switch {
	case r.isMissing():
		return lang.L("att.day.notentered"), widget.WarningImportance
	case code == "":
		return lang.L("att.day.fromtimes"), widget.MediumImportance
	case !known:
		switch m := r.matches(codes); len(m) {
		case 0:
			return lang.L("att.day.unknown", map[string]any{"Code": code}), widget.DangerImportance
		case 1:
			return lang.L("att.day.completes", map[string]any{"Label": m[0].FullLabel()}), widget.MediumImportance
		default:
			ids := make([]string, len(m))
			for i, x := range m {
				ids[i] = x.Code
			}
			return lang.L("att.day.matches", map[string]any{"Codes": strings.Join(ids, ", ")}), widget.MediumImportance
		}
	case !c.AllowedFor(r.row.Kind):
		return lang.L("att.day.notfor", map[string]any{"Code": c.Code, "Kind": string(r.row.Kind)}), widget.DangerImportance
	}
	return c.FullLabel(), widget.MediumImportance
}

// minutes describes what the rules in force derive on d from what is
// typed: minutes late and short, a time not recorded, piket; TL without an
// arrival time asks for it. Times are read as people type them (0815, 8.15,
// 08:15).
func (r *dayRow) minutes(d data.Date, rules data.AttendanceRules) (string, widget.Importance) {
	if r.badTime() {
		return lang.L("att.day.badtime"), widget.DangerImportance
	}
	e := data.DayEntry{Code: r.typedCode(), In: strings.TrimSpace(r.in), Out: strings.TrimSpace(r.out)}
	if !r.changed() {
		e = r.row.Entry
	}
	if e.Code == "" && e.In == "" && e.Out == "" && e.Punch == "" {
		return "", widget.MediumImportance
	}
	f := data.DeriveDay(d, e, rules)
	imp := widget.MediumImportance
	var parts []string
	switch {
	case f.Piket:
		parts = append(parts, lang.L("att.day.piket"))
	case e.Code == data.CodeTL && e.In == "" && e.Punch == "":
		imp = widget.WarningImportance
		parts = append(parts, lang.L("att.day.needin"))
	case f.ArrivalMissing:
		parts = append(parts, lang.L("att.day.nopunch.short"))
	case f.LateMinutes > 0:
		parts = append(parts, lang.L("att.day.late", map[string]any{"N": f.LateMinutes}))
	}
	switch {
	case f.DepartureMissing && !f.Piket && e.Code != data.CodeTL:
		parts = append(parts, lang.L("att.day.noout.short"))
	case f.EarlyMinutes > 0:
		parts = append(parts, lang.L("att.day.early", map[string]any{"N": f.EarlyMinutes}))
	}
	return strings.Join(parts, "\n"), imp
}

// clip shortens s to at most n characters, ending it with "…" when cut. The
// grid's labels are cut this way rather than with Fyne's truncation, which
// measures the text again on every layout.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
