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

// staffDetail is the record of the selected staff member: identity, what they
// hold now, their status, the dated history, and the actions that change it.
type staffDetail struct {
	s     *staffScreen
	staff data.Staff
	view  fyne.CanvasObject

	title   *widget.Label
	facts   *fyne.Container
	history *fyne.Container
	actions *fyne.Container
	empty   *widget.Label

	edit, rank, position, transfer, leave *widget.Button
}

func newStaffDetail(s *staffScreen) *staffDetail {
	d := &staffDetail{s: s}
	d.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	d.title.SizeName = theme.SizeNameSubHeadingText
	d.title.Wrapping = fyne.TextWrapWord
	d.facts = container.New(layout.NewFormLayout())
	d.history = container.NewVBox()
	d.edit = widget.NewButtonWithIcon(lang.L("staff.action.edit"), theme.DocumentCreateIcon(), func() {
		st := d.staff
		s.openForm(&st)
	})
	d.rank = widget.NewButton(lang.L("staff.action.rank"), func() { d.openEvent(data.EventRank) })
	d.position = widget.NewButton(lang.L("staff.action.position"), func() { d.openEvent(data.EventPosition) })
	d.transfer = widget.NewButton(lang.L("staff.action.transfer"), func() { d.openEvent(data.EventTransfer) })
	d.leave = widget.NewButton(lang.L("staff.action.leave"), func() { d.openEvent(data.EventLeave) })
	d.leave.Importance = widget.DangerImportance
	d.actions = container.NewGridWithColumns(3, d.edit, d.rank, d.position, d.transfer, d.leave)
	d.empty = widget.NewLabel(lang.L("staff.detail.empty"))
	d.empty.Wrapping = fyne.TextWrapWord
	histTitle := widget.NewLabelWithStyle(lang.L("staff.history"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	record := container.NewVBox(d.title, d.actions, d.facts, widget.NewSeparator(), histTitle, d.history)
	d.view = container.NewStack(d.empty, container.NewVScroll(container.NewPadded(record)))
	d.clear()
	return d
}

// clear shows the hint that nobody is selected.
func (d *staffDetail) clear() {
	d.staff = data.Staff{}
	d.view.(*fyne.Container).Objects[0].Show()
	d.view.(*fyne.Container).Objects[1].Hide()
}

// setStaff shows the record of st.
func (d *staffDetail) setStaff(st data.Staff) {
	d.staff = st
	units := d.s.units
	sit := st.Current()
	d.title.SetText(st.DisplayName())
	d.facts.RemoveAll()
	for _, f := range staffFacts(st, sit, units) {
		l := widget.NewLabelWithStyle(f[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		v := widget.NewLabel(f[1])
		v.Wrapping = fyne.TextWrapWord
		d.facts.Add(l)
		d.facts.Add(v)
	}
	d.history.RemoveAll()
	h := append([]data.Event(nil), st.History...)
	sortEvents(h)
	for _, e := range h {
		l := widget.NewLabel(e.Date.Slash() + "  " + eventText(e, units))
		l.Wrapping = fyne.TextWrapWord
		d.history.Add(l)
	}
	for _, b := range []*widget.Button{d.rank, d.position, d.transfer, d.leave} {
		if sit.Active {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	if len(data.RanksFor(st.Kind)) == 0 {
		d.rank.Disable()
	}
	d.view.(*fyne.Container).Objects[0].Hide()
	d.view.(*fyne.Container).Objects[1].Show()
	d.view.Refresh()
}

// staffFacts are the label/value lines of a record.
func staffFacts(st data.Staff, sit data.Situation, units []data.Unit) [][2]string {
	var out [][2]string
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			out = append(out, [2]string{lang.L(key), value})
		}
	}
	if st.Kind.IsPPPK() {
		add("staff.nipppk", data.FormatNIP(st.NIP))
	} else {
		add("staff.nip", data.FormatNIP(st.NIP))
	}
	add("staff.nik", st.NIK)
	add("staff.field.kind", string(st.Kind))
	add("staff.field.sex", sexLabel(st.Sex))
	add("staff.birth", strings.Trim(st.BirthPlace+", "+st.BirthDate.Long(), ", "))
	add("staff.field.rank", data.RankLabel(sit.Rank))
	add("staff.field.position", sit.Position)
	add("staff.field.unit", data.UnitName(units, sit.UnitID))
	add("staff.field.start_date", st.StartDate().Long())
	if st.Kind.IsPPPK() {
		add("staff.contract", st.ContractStart.Slash()+" – "+st.ContractEnd.Slash())
	}
	add("staff.field.status", statusText(sit))
	add("staff.field.mismatch_reason", st.MismatchReason)
	return out
}

// statusText is "Aktif" or "Tidak aktif — <reason> sejak <date>".
func statusText(sit data.Situation) string {
	switch {
	case sit.Active:
		return lang.L("staff.status.active")
	case sit.Left != "":
		return lang.L("staff.status.leftsince", map[string]any{"Reason": string(sit.Left), "Date": sit.LeftOn.Long()})
	}
	return lang.L("staff.status.notstarted")
}

// eventText describes one history event: what changed, then the SK number and note.
func eventText(e data.Event, units []data.Unit) string {
	var what string
	switch e.Kind {
	case data.EventStart:
		what = lang.L("event.start", map[string]any{"Position": e.Position, "Unit": data.UnitName(units, e.UnitID)})
		if e.Rank != "" {
			what += ", " + data.RankLabel(e.Rank)
		}
	case data.EventRank:
		what = lang.L("event.rank", map[string]any{"Rank": data.RankLabel(e.Rank)})
	case data.EventPosition:
		what = lang.L("event.position", map[string]any{"Position": e.Position})
	case data.EventTransfer:
		what = lang.L("event.transfer", map[string]any{"Unit": data.UnitName(units, e.UnitID)})
	case data.EventLeave:
		what = lang.L("event.leave", map[string]any{"Reason": string(e.Reason)})
	default:
		what = string(e.Kind)
	}
	if e.Letter != "" {
		what += " · " + lang.L("event.letter", map[string]any{"Letter": e.Letter})
	}
	if e.Note != "" {
		what += " · " + e.Note
	}
	return what
}
