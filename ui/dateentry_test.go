package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

func TestDateEntry(t *testing.T) {
	useIndonesian(t)
	tests := []struct {
		typed   string
		want    data.Date
		wantErr bool
		shown   string // text after leaving the field
	}{
		{"28/11/2026", data.NewDate(2026, 11, 28), false, "28/11/2026"},
		{"28 November 2026", data.NewDate(2026, 11, 28), false, "28/11/2026"},
		{"1 mar 2015", data.NewDate(2015, 3, 1), false, "01/03/2015"},
		{"05-01-2024", data.NewDate(2024, 1, 5), false, "05/01/2024"},
		{"", data.Date{}, false, ""},
		{"31/02/2026", data.Date{}, true, "31/02/2026"},
		{"11/28/2026", data.Date{}, true, "11/28/2026"},
		{"kemarin", data.Date{}, true, "kemarin"},
	}
	for _, tt := range tests {
		t.Run(tt.typed, func(t *testing.T) {
			e := NewDateEntry()
			w := test.NewTempWindow(t, e)
			test.Type(e, tt.typed)
			got, err := e.Date()
			if (err != nil) != tt.wantErr || !got.Equal(tt.want) {
				t.Fatalf("Date() = %v, %v; want %v, error %v", got, err, tt.want, tt.wantErr)
			}
			if (e.Validate() != nil) != tt.wantErr {
				t.Errorf("Validate() = %v, want error %v", e.Validate(), tt.wantErr)
			}
			w.Canvas().Focus(e)
			w.Canvas().Unfocus()
			if e.Text != tt.shown {
				t.Errorf("after leaving the field the text is %q, want %q", e.Text, tt.shown)
			}
		})
	}
}

func TestDateEntryCalendar(t *testing.T) {
	useIndonesian(t)
	e := NewDateEntry()
	e.SetDate(data.NewDate(2026, 11, 28))
	w := test.NewTempWindow(t, e)
	w.Resize(fyne.NewSize(400, 400))
	test.Tap(e.ActionItem.(*widget.Button))
	var day *widget.Button
	for _, o := range objects(w.Canvas()) {
		if b, ok := o.(*widget.Button); ok && b.Text == "15" {
			day = b
		}
	}
	if day == nil {
		t.Fatal("the calendar did not open on November 2026")
	}
	test.Tap(day)
	if e.Text != "15/11/2026" {
		t.Errorf("picking 15 gives %q, want 15/11/2026", e.Text)
	}
	if len(w.Canvas().Overlays().List()) != 0 && w.Canvas().Overlays().Top().Visible() {
		t.Error("the calendar stays open after a day was picked")
	}
}
