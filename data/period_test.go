package data

import (
	"errors"
	"testing"
	"time"
)

func TestParsePeriodID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, id     string
		kind       PeriodKind
		start, end string
		label      string
	}{
		{"2026-11", "2026-11", PeriodMonthly, "2026-11-01", "2026-11-30", "November 2026"},
		{"2026-01", "2026-01", PeriodMonthly, "2026-01-01", "2026-01-31", "Januari 2026"},
		{"2028-02", "2028-02", PeriodMonthly, "2028-02-01", "2028-02-29", "Februari 2028"},
		{"2026-02", "2026-02", PeriodMonthly, "2026-02-01", "2026-02-28", "Februari 2026"},
		{"2026-12", "2026-12", PeriodMonthly, "2026-12-01", "2026-12-31", "Desember 2026"},
		{"2026-Q1", "2026-Q1", PeriodQuarterly, "2026-01-01", "2026-03-31", "Triwulan I 2026"},
		{"2026-Q2", "2026-Q2", PeriodQuarterly, "2026-04-01", "2026-06-30", "Triwulan II 2026"},
		{"2026-Q3", "2026-Q3", PeriodQuarterly, "2026-07-01", "2026-09-30", "Triwulan III 2026"},
		{"2026-Q4", "2026-Q4", PeriodQuarterly, "2026-10-01", "2026-12-31", "Triwulan IV 2026"},
		{" 2026-q3 ", "2026-Q3", PeriodQuarterly, "2026-07-01", "2026-09-30", "Triwulan III 2026"},
		{"2026-S1", "2026-S1", PeriodSemester, "2026-01-01", "2026-06-30", "Semester I 2026"},
		{"2026-s2", "2026-S2", PeriodSemester, "2026-07-01", "2026-12-31", "Semester II 2026"},
		{"2026", "2026", PeriodAnnual, "2026-01-01", "2026-12-31", "Akhir 2026"},
		{"1900", "1900", PeriodAnnual, "1900-01-01", "1900-12-31", "Akhir 1900"},
		{"2999-12", "2999-12", PeriodMonthly, "2999-12-01", "2999-12-31", "Desember 2999"},
	}
	for _, tt := range tests {
		p, err := ParsePeriodID(tt.in)
		if err != nil {
			t.Errorf("ParsePeriodID(%q): %v", tt.in, err)
			continue
		}
		if p.ID != tt.id || p.Kind != tt.kind || p.Start.String() != tt.start || p.End.String() != tt.end || p.Label() != tt.label {
			t.Errorf("ParsePeriodID(%q) = %+v %q; want %s %s %s..%s %q", tt.in, p, p.Label(), tt.id, tt.kind, tt.start, tt.end, tt.label)
		}
		if want := p.End.AddDays(DefaultDeadlineDays); !p.Deadline.Equal(want) {
			t.Errorf("ParsePeriodID(%q) deadline %s, want %s", tt.in, p.Deadline, want)
		}
		if PeriodLabel(tt.in) != tt.label {
			t.Errorf("PeriodLabel(%q) = %q", tt.in, PeriodLabel(tt.in))
		}
	}
}

func TestParsePeriodIDRejects(t *testing.T) {
	t.Parallel()
	for _, in := range []string{
		"", "  ", "26", "202", "2026-", "2026-Q0", "2026-Q5", "2026-Q", "2026-Q11", "2026-S0", "2026-S3",
		"2026-00", "2026-13", "2026-1", "2026-001", "2026/11", "2026-H1", "2026 Q3", "Q3-2026",
		"1899", "3000", "0000", "20261", "-2026", "２０２６", "2026-ſ1", "2026-Q3x", "2026-1a", "abcd",
	} {
		p, err := ParsePeriodID(in)
		if err == nil {
			t.Errorf("ParsePeriodID(%q) = %+v, want error", in, p)
			continue
		}
		if !errors.Is(err, ErrInvalidPeriod) {
			t.Errorf("ParsePeriodID(%q) error %v does not wrap ErrInvalidPeriod", in, err)
		}
		if PeriodLabel(in) != in {
			t.Errorf("PeriodLabel(%q) = %q, want the id itself", in, PeriodLabel(in))
		}
	}
}

func FuzzParsePeriodID(f *testing.F) {
	for _, s := range []string{"2026-11", "2026-Q3", "2026-S1", "2026", "2026-13", "2026-Q5", " 2026-q1 ", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriodID(s)
		if err != nil {
			if !errors.Is(err, ErrInvalidPeriod) {
				t.Fatalf("error %v does not wrap ErrInvalidPeriod", err)
			}
			return
		}
		if !p.Kind.Valid() || p.Start.After(p.End) || p.Deadline.Before(p.End) || p.Start.Year() != p.End.Year() {
			t.Fatalf("ParsePeriodID(%q) = %+v", s, p)
		}
		again, err := ParsePeriodID(p.ID)
		if err != nil || again != p {
			t.Fatalf("canonical id %q does not parse back: %+v %v", p.ID, again, err)
		}
		if p.Label() == "" || p.Label() == p.ID {
			t.Fatalf("no label for %q", p.ID)
		}
	})
}

func TestWithDeadlineDays(t *testing.T) {
	t.Parallel()
	p, _ := ParsePeriodID("2026-Q3")
	tests := []struct {
		days int
		want string
	}{
		{0, "2026-09-30"}, {10, "2026-10-10"}, {31, "2026-10-31"}, {-5, "2026-09-30"},
	}
	for _, tt := range tests {
		if got := p.WithDeadlineDays(tt.days).Deadline.String(); got != tt.want {
			t.Errorf("WithDeadlineDays(%d) = %s, want %s", tt.days, got, tt.want)
		}
	}
	if p.Deadline.String() != "2026-10-10" {
		t.Errorf("WithDeadlineDays changed the receiver: %s", p.Deadline)
	}
}

func TestPeriodsOfYear(t *testing.T) {
	t.Parallel()
	ids := func(ps []Period) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.ID)
		}
		return out
	}
	tests := []struct {
		cadence PeriodKind
		want    []string
	}{
		{PeriodQuarterly, []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"}},
		{PeriodSemester, []string{"2026-S1", "2026-S2", "2026"}},
		{PeriodAnnual, []string{"2026"}},
		{"", []string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"}},
		{PeriodMonthly, []string{"2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06",
			"2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12", "2026"}},
	}
	for _, tt := range tests {
		ps := PeriodsOfYear(2026, tt.cadence)
		got := ids(ps)
		if len(got) != len(tt.want) {
			t.Errorf("PeriodsOfYear(%q) = %v, want %v", tt.cadence, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("PeriodsOfYear(%q)[%d] = %s, want %s", tt.cadence, i, got[i], tt.want[i])
			}
			parsed, err := ParsePeriodID(got[i])
			if err != nil || parsed != ps[i] {
				t.Errorf("PeriodsOfYear(%q)[%d] = %+v, ParsePeriodID gives %+v %v", tt.cadence, i, ps[i], parsed, err)
			}
		}
		// the periodic periods tile the year without gaps
		periodic := ps[:len(ps)-1]
		for i := 1; i < len(periodic); i++ {
			if !periodic[i].Start.Equal(periodic[i-1].End.AddDays(1)) {
				t.Errorf("PeriodsOfYear(%q): gap between %s and %s", tt.cadence, periodic[i-1].ID, periodic[i].ID)
			}
		}
	}
}

func TestCurrentPeriod(t *testing.T) {
	t.Parallel()
	tests := []struct {
		day     Date
		cadence PeriodKind
		want    string
	}{
		{NewDate(2026, time.November, 28), PeriodQuarterly, "2026-Q4"},
		{NewDate(2026, time.September, 30), PeriodQuarterly, "2026-Q3"},
		{NewDate(2026, time.October, 1), PeriodQuarterly, "2026-Q4"},
		{NewDate(2026, time.January, 1), PeriodQuarterly, "2026-Q1"},
		{NewDate(2026, time.June, 30), PeriodSemester, "2026-S1"},
		{NewDate(2026, time.July, 1), PeriodSemester, "2026-S2"},
		{NewDate(2026, time.November, 28), PeriodMonthly, "2026-11"},
		{NewDate(2026, time.December, 31), PeriodAnnual, "2026"},
		{NewDate(2026, time.April, 1), "mingguan", "2026-Q2"},
	}
	for _, tt := range tests {
		p := CurrentPeriod(tt.day, tt.cadence)
		if p.ID != tt.want || !p.Contains(tt.day) {
			t.Errorf("CurrentPeriod(%s, %q) = %s (contains %v), want %s", tt.day, tt.cadence, p.ID, p.Contains(tt.day), tt.want)
		}
	}
}

func TestPeriodContains(t *testing.T) {
	t.Parallel()
	p, _ := ParsePeriodID("2026-Q3")
	tests := []struct {
		d    Date
		want bool
	}{
		{NewDate(2026, time.June, 30), false},
		{NewDate(2026, time.July, 1), true},
		{NewDate(2026, time.September, 30), true},
		{NewDate(2026, time.October, 1), false},
	}
	for _, tt := range tests {
		if p.Contains(tt.d) != tt.want {
			t.Errorf("Contains(%s) = %v", tt.d, !tt.want)
		}
	}
}

func TestPeriodKindLabels(t *testing.T) {
	t.Parallel()
	want := map[PeriodKind]string{PeriodMonthly: "Bulanan", PeriodQuarterly: "Triwulan", PeriodSemester: "Semester", PeriodAnnual: "Akhir", "x": ""}
	for k, l := range want {
		if k.Label() != l || k.Valid() != (l != "") {
			t.Errorf("%q: Label %q Valid %v", k, k.Label(), k.Valid())
		}
	}
	if PeriodAnnual.IsCadence() || !PeriodMonthly.IsCadence() {
		t.Error("IsCadence wrong")
	}
}

func TestPeriodFileLabel(t *testing.T) {
	tests := []struct{ id, want string }{
		{"2026-Q4", "Triwulan-IV-2026"},
		{"2026-Q1", "Triwulan-I-2026"},
		{"2026-S2", "Semester-II-2026"},
		{"2026-11", "November-2026"},
		{"2026-01", "Januari-2026"},
		{"2026", "Akhir-2026"},
		{"20260101", "20260101"}, // an SKP's start date, not a period id
		{"", ""},
		{"2026-Q5", "2026-Q5"},
	}
	for _, tt := range tests {
		if got := PeriodFileLabel(tt.id); got != tt.want {
			t.Errorf("PeriodFileLabel(%q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
