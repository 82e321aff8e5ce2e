package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// listRowText returns the two lines shown in list's row for name, as drawn.
func listRowText(list *widget.List, name string) (string, bool) {
	for _, o := range objectsUnder(list) {
		c, ok := o.(*fyne.Container)
		if !ok || len(c.Objects) != 2 {
			continue
		}
		title, ok1 := c.Objects[0].(*widget.Label)
		sub, ok2 := c.Objects[1].(*widget.Label)
		if ok1 && ok2 && title.Text == name {
			return sub.Text, true
		}
	}
	return "", false
}

// The automatic save of a draft when the next person is opened shows at
// once in the list: the row says Draf, as the detail does.
func TestEvaluationListRowFollowsAutosave(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	row := openFirstToRate(t, u)
	s := u.evaluation
	s.unitSel.SetSelectedIndex(0) // every unit, so there is a next person
	if s.staffID != row.Staff.ID {
		t.Fatal("choosing every unit did not keep the person open")
	}
	if got, ok := listRowText(s.list, row.Employee.Name); !ok || got != "Belum dimulai" {
		t.Fatalf("before typing the row says %q (drawn %v)", got, ok)
	}
	test.Type(s.form.realisasi[0], "Laporan selesai tepat waktu")
	i := s.index(row.Staff.ID)
	other := i + 1
	if other >= len(s.shown) {
		other = i - 1
	}
	s.list.Select(other)
	if s.staffID == row.Staff.ID {
		t.Fatalf("selecting another person (%d of %d, was %d) did not open them: %q", other, len(s.shown), i, s.form.status.Text)
	}
	if got, ok := listRowText(s.list, row.Employee.Name); !ok || got != "Draf" {
		t.Errorf("after the automatic save the row says %q (drawn %v), want Draf", got, ok)
	}
}

// One wheel notch (25 px from the driver) moves the evaluation form at
// least a few rows, and the bar above it jumps straight to the ratings.
func TestEvaluationFormScrollsAtAUsefulPace(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFirstToRate(t, u)
	f := u.evaluation.form
	if f.scroll.Content.MinSize().Height <= f.scroll.Size().Height {
		t.Fatalf("the form (%v) fits its pane (%v); nothing to scroll", f.scroll.Content.MinSize(), f.scroll.Size())
	}
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(f.scroll).Add(fyne.NewPos(20, 20))
	test.Scroll(u.win.Canvas(), at, 0, -3*25) // three notches down
	if got := f.scroll.Offset.Y; got < 250 {
		t.Errorf("three wheel notches moved the form %.0f px, want at least 250", got)
	}
	test.Tap(buttonIn(t, objectsUnder(f.view), "Rating"))
	rating := f.jumps[2].card
	top := rating.Position().Y - f.scroll.Offset.Y
	if top < 0 || top > f.scroll.Size().Height/2 {
		t.Errorf("after Rating the ratings card is at %.0f px in a pane of %.0f px", top, f.scroll.Size().Height)
	}
	if !inside(f.work, f.scroll) {
		t.Error("the ratings are not in the scrolled form")
	}
	test.Tap(buttonIn(t, objectsUnder(f.view), "Hasil kerja"))
	if f.scroll.Offset.Y != f.jumps[0].card.Position().Y {
		t.Errorf("Hasil kerja scrolled to %.0f, want the card's top %.0f", f.scroll.Offset.Y, f.jumps[0].card.Position().Y)
	}
}

// inside reports whether o is drawn within root.
func inside(o, root fyne.CanvasObject) bool {
	for _, x := range objectsUnder(root) {
		if x == o {
			return true
		}
	}
	return false
}

// A final (Ditetapkan) evaluation shows its values as text, not as
// disabled entries drawn in the grey of empty placeholders.
func TestFinalEvaluationValuesReadAsText(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	openFinal(t, u, "2026-Q2")
	f := u.evaluation.form
	for _, o := range objectsUnder(f.scroll) {
		if e, ok := o.(*widget.Entry); ok && e.Disabled() {
			t.Errorf("a disabled entry %q (placeholder %q) in a final evaluation", e.Text, e.PlaceHolder)
		}
		if r, ok := o.(*widget.RadioGroup); ok && (r == f.work || r == f.behavior) {
			t.Errorf("a rating radio group in a final evaluation")
		}
	}
	e := f.v.Evaluation
	if e.WorkRating == "" || !shownText(u, e.WorkRating.Label()) {
		t.Errorf("the work rating %q is not shown as text", e.WorkRating.Label())
	}
	if len(e.Rows) > 0 && e.Rows[0].Realisasi != "" && !shownText(u, "Realisasi: "+e.Rows[0].Realisasi) {
		t.Errorf("the realisasi %q is not shown as text", e.Rows[0].Realisasi)
	}
}
