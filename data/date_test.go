package data

import (
	"encoding/json"
	"testing"
	"time"
)

func TestValidDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		y    int
		m    time.Month
		d    int
		want bool
	}{
		{2026, time.November, 28, true},
		{2024, time.February, 29, true},
		{2000, time.February, 29, true},
		{1900, time.February, 29, false},
		{2026, time.February, 29, false},
		{2026, time.April, 31, false},
		{2026, time.December, 31, true},
		{2026, 0, 1, false},
		{2026, 13, 1, false},
		{2026, time.January, 0, false},
		{2026, time.January, -1, false},
		{2026, time.January, 32, false},
	}
	for _, tt := range tests {
		if got := ValidDate(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("ValidDate(%d, %d, %d) = %v, want %v", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	nov28 := NewDate(2026, time.November, 28)
	tests := []struct {
		in      string
		want    Date
		wantErr bool
	}{
		{"", Date{}, false},
		{"   ", Date{}, false},
		{"28/11/2026", nov28, false},
		{"28-11-2026", nov28, false},
		{"28.11.2026", nov28, false},
		{" 28/11/2026 ", nov28, false},
		{"2026-11-28", nov28, false},
		{"2026/11/28", nov28, false},
		{"28 November 2026", nov28, false},
		{"28 november 2026", nov28, false},
		{"28 NOV 2026", nov28, false},
		{"1 Mei 2026", NewDate(2026, time.May, 1), false},
		{"5/1/2026", NewDate(2026, time.January, 5), false},
		{"29/02/2024", NewDate(2024, time.February, 29), false},
		{"29/02/2026", Date{}, true},
		{"31 April 2026", Date{}, true},
		{"32/01/2026", Date{}, true},
		{"00/01/2026", Date{}, true},
		{"28/13/2026", Date{}, true},
		{"28/11/26", Date{}, true},
		{"11/28/2026", Date{}, true},
		{"28 Nop 2026", Date{}, true},
		{"28 No 2026", Date{}, true},
		{"28/xx/2026", Date{}, true},
		{"28/11", Date{}, true},
		{"28/11/2026/1", Date{}, true},
		{"besok", Date{}, true},
		{"1/11/+202", Date{}, true},
		{"1/11/-202", Date{}, true},
		{"1/11/0202", NewDate(202, time.November, 1), false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseDate(%q) error = %v, wantErr %v", tt.in, err, tt.wantErr)
			continue
		}
		if !got.Equal(tt.want) {
			t.Errorf("ParseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestDateFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		d                         Date
		long, slash, iso, compact string
	}{
		{NewDate(2026, time.November, 28), "28 November 2026", "28/11/2026", "2026-11-28", "20261128"},
		{NewDate(2026, time.January, 5), "5 Januari 2026", "05/01/2026", "2026-01-05", "20260105"},
		{NewDate(1968, time.April, 11), "11 April 1968", "11/04/1968", "1968-04-11", "19680411"},
		{NewDate(202, time.March, 1), "1 Maret 0202", "01/03/0202", "0202-03-01", "02020301"},
		{Date{}, "", "", "", "00010101"},
	}
	for _, tt := range tests {
		if got := tt.d.Long(); got != tt.long {
			t.Errorf("Long() = %q, want %q", got, tt.long)
		}
		if got := tt.d.Slash(); got != tt.slash {
			t.Errorf("Slash() = %q, want %q", got, tt.slash)
		}
		if got := tt.d.String(); got != tt.iso {
			t.Errorf("String() = %q, want %q", got, tt.iso)
		}
		if got := tt.d.Compact(); got != tt.compact {
			t.Errorf("Compact() = %q, want %q", got, tt.compact)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	t.Parallel()
	leap := NewDate(2024, time.February, 29)
	if got := leap.AddYears(1); !got.Equal(NewDate(2025, time.March, 1)) {
		t.Errorf("AddYears from 29 Feb = %v", got)
	}
	if got := leap.AddDays(1); !got.Equal(NewDate(2024, time.March, 1)) {
		t.Errorf("AddDays = %v", got)
	}
	tests := []struct {
		from, to Date
		want     int
	}{
		{NewDate(2026, 1, 1), NewDate(2026, 1, 1), 0},
		{NewDate(2026, 1, 1), NewDate(2026, 12, 31), 364},
		{NewDate(2024, 1, 1), NewDate(2025, 1, 1), 366},
		{NewDate(2026, 1, 2), NewDate(2026, 1, 1), -1},
		{NewDate(1700, 1, 1), NewDate(2026, 1, 1), 119069},
		{NewDate(2026, 1, 1), NewDate(1700, 1, 1), -119069},
	}
	for _, tt := range tests {
		if got := tt.from.DaysUntil(tt.to); got != tt.want {
			t.Errorf("%v.DaysUntil(%v) = %d, want %d", tt.from, tt.to, got, tt.want)
		}
	}
	a, b := NewDate(2026, 3, 1), NewDate(2026, 3, 2)
	if !a.Before(b) || a.After(b) || !b.After(a) || a.Equal(b) || !a.Equal(NewDate(2026, 3, 1)) {
		t.Error("Before/After/Equal disagree")
	}
	if !(Date{}).IsZero() || a.IsZero() {
		t.Error("IsZero wrong")
	}
	if got := NewDate(2026, time.November, 28).Weekday(); DayNames[got] != "Sabtu" {
		t.Errorf("28 November 2026 is %s, want Sabtu", DayNames[got])
	}
	if got := DateOf(time.Date(2026, 11, 28, 23, 59, 0, 0, time.FixedZone("WIB", 7*3600))); !got.Equal(NewDate(2026, 11, 28)) {
		t.Errorf("DateOf in WIB = %v", got)
	}
}

func TestDateJSON(t *testing.T) {
	t.Parallel()
	type rec struct {
		D Date `json:"d"`
	}
	tests := []struct {
		d    Date
		json string
	}{
		{NewDate(2026, time.November, 28), `{"d":"2026-11-28"}`},
		{Date{}, `{"d":""}`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(rec{tt.d})
		if err != nil || string(b) != tt.json {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.d, b, err, tt.json)
		}
		var back rec
		if err := json.Unmarshal(b, &back); err != nil || !back.D.Equal(tt.d) {
			t.Errorf("Unmarshal(%s) = %v, %v", b, back.D, err)
		}
	}
	for _, bad := range []string{`{"d":"28/11/2026"}`, `{"d":"2026-02-30"}`, `{"d":5}`} {
		var r rec
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"28/11/2026", "2026-11-28", "28 November 2026", "28 nov 2026", "29.02.2024",
		"", "31/04/2026", "1/1/0001", "1/1/+202", "x/y/z", "28 Mei", "00/00/0000", "9/9/9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			return
		}
		for _, form := range []string{d.Slash(), d.String(), d.Long()} {
			again, err := ParseDate(form)
			if err != nil || !again.Equal(d) {
				t.Fatalf("%q parsed to %v; its form %q reparsed to %v, %v", s, d, form, again, err)
			}
		}
	})
}

// FuzzDateJSON: the quick reading of "YYYY-MM-DD" gives what reading the
// JSON string and time.Parse give, for any input.
func FuzzDateJSON(f *testing.F) {
	for _, s := range []string{`"2026-11-28"`, `"2024-02-29"`, `"2026-02-29"`, `"0000-01-01"`, `"9999-12-31"`,
		`"2026-13-01"`, `"2026-00-10"`, `"2026-1-028"`, `"+026-11-28"`, `"2026\u002d11-28"`, `""`, `5`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var quick Date
		errQuick := quick.UnmarshalJSON(b)
		var slow Date
		var s string
		errSlow := json.Unmarshal(b, &s)
		if errSlow == nil && s != "" {
			var tm time.Time
			if tm, errSlow = time.Parse("2006-01-02", s); errSlow == nil {
				slow = DateOf(tm)
			}
		}
		if (errQuick == nil) != (errSlow == nil) || quick != slow {
			t.Fatalf("%q: quick %v, %v; slow %v, %v", b, quick, errQuick, slow, errSlow)
		}
	})
}
