package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// eventDialog records one history event on a staff member: a rank change, a
// position change, a transfer to another unit, or leaving the office. It asks
// for the date, what changes, and the SK number; the event is appended to the
// history and saved only when data.ValidateStaff accepts the result.
type eventDialog struct {
	d      *staffDetail
	kind   data.EventKind
	date   *DateEntry
	choice *widget.Select // new rank, unit or leave reason
	text   *widget.Entry  // new position
	letter *widget.Entry
	note   *widget.Entry
	msg    *widget.Label
	form   *widget.Form
	dialog *dialog.CustomDialog
	values []string // the rank codes, unit ids or reasons behind choice's options
}

// openEvent opens the dialog for an event of kind k on the shown staff member.
func (d *staffDetail) openEvent(k data.EventKind) {
	e := &eventDialog{d: d, kind: k, date: NewDateEntry(), letter: widget.NewEntry(), note: widget.NewEntry()}
	e.date.SetDate(d.s.u.today())
	e.letter.SetPlaceHolder(lang.L("event.letter.hint"))
	e.msg = widget.NewLabel("")
	e.msg.Importance = widget.DangerImportance
	e.msg.Wrapping = fyne.TextWrapWord
	e.msg.Hide()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("event.date"), e.date)}
	sit := d.staff.Current()
	switch k {
	case data.EventRank:
		e.values = data.RanksFor(d.staff.Kind)
		e.choice = newSelect(mapStrings(e.values, data.RankLabel), nil)
		items = append(items, widget.NewFormItem(lang.L("event.newrank"), e.choice))
	case data.EventPosition:
		e.text = widget.NewEntry()
		e.text.SetPlaceHolder(sit.Position)
		items = append(items, widget.NewFormItem(lang.L("event.newposition"), e.text))
	case data.EventTransfer:
		var names []string
		for _, un := range d.s.units {
			if !un.Inactive && un.ID != sit.UnitID {
				e.values = append(e.values, strconv.FormatUint(un.ID, 10))
				names = append(names, un.Name)
			}
		}
		e.choice = newSelect(names, nil)
		items = append(items, widget.NewFormItem(lang.L("event.newunit"), e.choice))
	case data.EventLeave:
		for _, r := range data.LeaveReasons {
			e.values = append(e.values, string(r))
		}
		e.choice = newSelect(e.values, nil)
		items = append(items, widget.NewFormItem(lang.L("event.reason"), e.choice))
	}
	items = append(items,
		widget.NewFormItem(lang.L("event.letter.label"), e.letter),
		widget.NewFormItem(lang.L("event.note"), e.note))
	e.form = &widget.Form{Items: items, SubmitText: lang.L("button.save"), CancelText: lang.L("button.cancel"),
		OnSubmit: e.submit, OnCancel: func() { e.dialog.Hide() }}
	title := lang.L("event.title."+string(k), map[string]any{"Name": d.staff.DisplayName()})
	e.dialog = dialog.NewCustomWithoutButtons(title, container.NewVBox(e.form, e.msg), d.s.u.win)
	e.dialog.Resize(fyne.NewSize(520, 0))
	e.dialog.Show()
	d.s.events = e
}

// event reads the dialog into an event; a date that cannot be read is an error.
func (e *eventDialog) event() (data.Event, error) {
	date, err := e.date.Date()
	if err != nil {
		return data.Event{}, err
	}
	ev := data.Event{Date: date, Kind: e.kind, Letter: strings.TrimSpace(e.letter.Text), Note: strings.TrimSpace(e.note.Text)}
	pick := ""
	if e.choice != nil {
		if i := e.choice.SelectedIndex(); i >= 0 && i < len(e.values) {
			pick = e.values[i]
		}
	}
	switch e.kind {
	case data.EventRank:
		ev.Rank = pick
	case data.EventPosition:
		ev.Position = strings.TrimSpace(e.text.Text)
	case data.EventTransfer:
		ev.UnitID, _ = strconv.ParseUint(pick, 10, 64) // 0, refused by validation, when none was picked
	case data.EventLeave:
		ev.Reason = data.LeaveReason(pick)
	}
	return ev, nil
}

// submit appends the event and saves, or shows why it cannot be saved.
func (e *eventDialog) submit() {
	ev, err := e.event()
	if err != nil {
		e.fail([]string{err.Error()})
		return
	}
	if msgs := missingChoice(e.kind, ev); len(msgs) > 0 {
		e.fail(msgs)
		return
	}
	st := e.d.staff
	st.History = append(append([]data.Event(nil), st.History...), ev)
	if p := data.ValidateStaff(st, e.d.s.units, e.d.s.u.today()); !p.OK() {
		e.fail(messagesOf(p.Errors))
		return
	}
	saved, err := e.d.s.u.svc.SaveStaff(st)
	if err != nil {
		e.fail([]string{err.Error()})
		return
	}
	e.dialog.Hide()
	e.d.s.reload()
	e.d.s.selectID(saved.ID)
	e.d.s.u.home.refresh()
}

func (e *eventDialog) fail(msgs []string) {
	e.msg.SetText(strings.Join(msgs, "\n"))
	e.msg.Show()
}

// missingChoice names what the user has not chosen or typed for an event of kind k.
func missingChoice(k data.EventKind, ev data.Event) []string {
	switch {
	case ev.Date.IsZero():
		return []string{lang.L("event.missing.date")}
	case k == data.EventRank && ev.Rank == "":
		return []string{lang.L("event.missing.rank")}
	case k == data.EventPosition && ev.Position == "":
		return []string{lang.L("event.missing.position")}
	case k == data.EventTransfer && ev.UnitID == 0:
		return []string{lang.L("event.missing.unit")}
	case k == data.EventLeave && ev.Reason == "":
		return []string{lang.L("event.missing.reason")}
	}
	return nil
}

// messagesOf returns the messages of the field errors, in order.
func messagesOf(errs []data.FieldError) []string {
	out := make([]string, len(errs))
	for i, fe := range errs {
		out[i] = fe.Message
	}
	return out
}

// mapStrings applies fn to each string of in.
func mapStrings(in []string, fn func(string) string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = fn(s)
	}
	return out
}

// sortEvents orders events by date, keeping the order of same-day events.
func sortEvents(h []data.Event) {
	s := data.Staff{History: h}
	s.SortHistory()
}
