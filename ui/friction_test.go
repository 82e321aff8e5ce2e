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
