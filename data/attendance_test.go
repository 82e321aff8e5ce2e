package data

import (
	"encoding/json"
	"reflect"
	"testing"
	"time"
)

func TestDefaultCodes(t *testing.T) {
	t.Parallel()
	cs := DefaultCodes()
	if got := cs.CodeLabel("TL"); got != "TL — Terlambat" {
		t.Errorf("CodeLabel(TL) = %q", got)
	}
	if got := cs.CodeLabel("XYZ"); got != "XYZ" {
		t.Errorf("CodeLabel(unknown) = %q", got)
	}
	if c, ok := cs.Lookup(" psw "); !ok || !c.NeedsMinutes {
		t.Errorf("Lookup(psw) = %+v, %v", c, ok)
	}
	if c, _ := cs.Lookup(CodeCT); c.CalendarDays || !c.NeedsGrantor || !c.NeedsLetter {
		t.Errorf("CT must count working days and need a grantor and letter: %+v", c)
	}
	for _, code := range []string{CodeCB, CodeCS, CodeCM, CodeCAP, CodeCLTN} {
		if c, _ := cs.Lookup(code); !c.CalendarDays {
			t.Errorf("%s must count calendar days", code)
		}
	}
	if c, _ := cs.Lookup(CodeDL); !c.NeedsLetter || c.Category != CategoryPresent {
		t.Errorf("DL = %+v", c)
	}
}

func TestCodesCheck(t *testing.T) {
	t.Parallel()
	if err := DefaultCodes().Check(); err != nil {
		t.Fatalf("default codes: %v", err)
	}
	bad := []func(Codes) Codes{
		func(cs Codes) Codes {
			return append(cs, Code{Code: "tl", Label: "Tugas Luar", Category: CategoryPresent})
		},
		func(cs Codes) Codes { return append(cs, Code{Code: "", Label: "x", Category: CategoryPresent}) },
		func(cs Codes) Codes { return append(cs, Code{Code: "W F", Label: "x", Category: CategoryPresent}) },
		func(cs Codes) Codes { return append(cs, Code{Code: "WFO", Label: " ", Category: CategoryPresent}) },
		func(cs Codes) Codes { return append(cs, Code{Code: "WFO", Label: "x", Category: "hadir"}) },
	}
	for i, f := range bad {
		if err := f(DefaultCodes()).Check(); err == nil {
			t.Errorf("case %d accepted", i)
		}
	}
	ok := append(DefaultCodes(), Code{Code: "WFO", Label: "Kerja di kantor", Category: CategoryPresent})
	if err := ok.Check(); err != nil {
		t.Errorf("an added code refused: %v", err)
	}
}

func TestCodesForPPPK(t *testing.T) {
	t.Parallel()
	cs := DefaultCodes()
	leaveOf := func(k Kind) []string {
		var out []string
		for _, c := range cs.CodesFor(k) {
			if c.Category == CategoryLeave {
				out = append(out, c.Code)
			}
		}
		return out
	}
	if got, want := leaveOf(KindPPPK), []string{CodeCT, CodeCS, CodeCM}; !reflect.DeepEqual(got, want) {
		t.Errorf("PPPK leave codes = %v, want %v", got, want)
	}
	if got, want := leaveOf(KindPPPKParuhWaktu), []string{CodeCT, CodeCS, CodeCM}; !reflect.DeepEqual(got, want) {
		t.Errorf("PPPK paruh waktu leave codes = %v, want %v", got, want)
	}
	if got := len(cs.CodesFor(KindPNS)); got != len(cs) {
		t.Errorf("PNS get %d of %d codes", got, len(cs))
	}
	if _, ok := lookupIn(cs.CodesFor(KindPPPK), CodeLIB); !ok {
		t.Error("cuti bersama (LIB) must be offered to PPPK")
	}
}

func lookupIn(cs []Code, code string) (Code, bool) { return Codes(cs).Lookup(code) }

func TestCheckEntry(t *testing.T) {
	t.Parallel()
	cs := DefaultCodes()
	tests := []struct {
		name     string
		e        DayEntry
		k        Kind
		errors   []string
		warnings []string
	}{
		{"plain H", DayEntry{Code: CodeH, In: "07:30"}, KindPNS, nil, nil},
		{"unknown code", DayEntry{Code: "ZZ"}, KindPNS, []string{FieldCode}, nil},
		{"cuti besar for PPPK", DayEntry{Code: CodeCB, Letter: "1", GrantedBy: "Camat"}, KindPPPK, []string{FieldCode}, nil},
		{"bad time", DayEntry{Code: CodeH, In: "25:00", Out: "x"}, KindPNS, []string{FieldIn, FieldOut}, nil},
		{"negative minutes", DayEntry{Code: CodeTL, LateMinutes: -1}, KindPNS, []string{FieldLateMinutes}, nil},
		{"DL without SPT", DayEntry{Code: CodeDL}, KindPNS, nil, []string{FieldLetter}},
		{"CT without form", DayEntry{Code: CodeCT}, KindPPPK, nil, []string{FieldLetter, FieldGrantedBy}},
	}
	for _, tt := range tests {
		p := CheckEntry(tt.e, cs, tt.k)
		if got := fieldsOf(p.Errors); !reflect.DeepEqual(got, tt.errors) {
			t.Errorf("%s: errors on %v, want %v (%v)", tt.name, got, tt.errors, p.Errors)
		}
		if got := fieldsOf(p.Warnings); !reflect.DeepEqual(got, tt.warnings) {
			t.Errorf("%s: warnings on %v, want %v", tt.name, got, tt.warnings)
		}
	}
}

func fieldsOf(fes []FieldError) []string {
	var out []string
	for _, fe := range fes {
		out = append(out, fe.Field)
	}
	return out
}

func TestAttendanceMonthJSONAndSet(t *testing.T) {
	t.Parallel()
	m := NewAttendanceMonth(7, 2026, time.November)
	if err := m.Set(NewDate(2026, 11, 2), DayEntry{Code: CodeTL, In: "07:45", LateMinutes: 15, Source: SourceHand}); err != nil {
		t.Fatal(err)
	}
	if err := m.Set(NewDate(2026, 12, 1), DayEntry{Code: CodeH}); err == nil {
		t.Error("a December day must not go into November")
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var back AttendanceMonth
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, m) {
		t.Errorf("JSON round trip: %+v, want %+v (%s)", back, m, b)
	}
	if e, ok := back.Entry(NewDate(2026, 11, 2)); !ok || e.LateMinutes != 15 {
		t.Errorf("Entry = %+v, %v", e, ok)
	}
	if _, ok := back.Entry(NewDate(2026, 11, 3)); ok {
		t.Error("3 Nov was not entered")
	}
}
