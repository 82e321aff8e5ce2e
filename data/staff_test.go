package data

import (
	"encoding/json"
	"testing"
	"time"
)

func TestKindPredicates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind                    Kind
		valid, asn, pppk, hasNI bool
	}{
		{KindPNS, true, true, false, true},
		{KindCPNS, true, true, false, true},
		{KindPPPK, true, true, true, true},
		{KindPPPKParuhWaktu, true, true, true, true},
		{KindNonASN, true, false, false, false},
		{"", false, false, false, false},
		{"Honorer", false, false, false, false},
	}
	for _, tt := range tests {
		if got := tt.kind.Valid(); got != tt.valid {
			t.Errorf("%q.Valid() = %v", tt.kind, got)
		}
		if got := tt.kind.IsASN(); got != tt.asn {
			t.Errorf("%q.IsASN() = %v", tt.kind, got)
		}
		if got := tt.kind.IsPPPK(); got != tt.pppk {
			t.Errorf("%q.IsPPPK() = %v", tt.kind, got)
		}
		if got := tt.kind.HasNIP(); got != tt.hasNI {
			t.Errorf("%q.HasNIP() = %v", tt.kind, got)
		}
		if got := tt.kind.Evaluated(); got != tt.asn {
			t.Errorf("%q.Evaluated() = %v", tt.kind, got)
		}
	}
}

func TestParseKind(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"PNS", KindPNS, true},
		{" pns ", KindPNS, true},
		{"CPNS", KindCPNS, true},
		{"P3K", KindPPPK, true},
		{"PPPK  Paruh   Waktu", KindPPPKParuhWaktu, true},
		{"pppk-pw", KindPPPKParuhWaktu, true},
		{"Honorer", KindNonASN, true},
		{"TKK", KindNonASN, true},
		{"Alih Daya", KindNonASN, true},
		{"Non-ASN", KindNonASN, true},
		{"", "", false},
		{"PNS daerah", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseKind(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, k := range Kinds {
		if got, ok := ParseKind(string(k)); !ok || got != k {
			t.Errorf("ParseKind(%q) does not read its own name: %q", k, got)
		}
	}
}

func TestSex(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want Sex
		ok   bool
	}{
		{"L", SexMale, true}, {"l", SexMale, true}, {"Laki-laki", SexMale, true}, {"pria", SexMale, true},
		{"P", SexFemale, true}, {" Perempuan ", SexFemale, true}, {"WANITA", SexFemale, true},
		{"", "", false}, {"x", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseSex(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSex(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	labels := map[Sex]string{SexMale: "Laki-laki", SexFemale: "Perempuan", "": "", "X": ""}
	for s, want := range labels {
		if got := s.Label(); got != want {
			t.Errorf("%q.Label() = %q, want %q", s, got, want)
		}
	}
}

func historyStaff() Staff {
	// Stored out of date order on purpose.
	return Staff{Name: "Asep", History: []Event{
		{Date: NewDate(2020, 1, 2), Kind: EventTransfer, UnitID: 5},
		startEvent(2015, time.March, 1, "III/c", "Kepala Seksi", 7),
		{Date: NewDate(2019, 4, 1), Kind: EventRank, Rank: "III/d"},
		{Date: NewDate(2020, 1, 2), Kind: EventPosition, Position: "Sekretaris Kecamatan"},
		{Date: NewDate(2027, 6, 1), Kind: EventLeave, Reason: LeaveRetireBUP},
	}}
}

func TestStaffAt(t *testing.T) {
	t.Parallel()
	s := historyStaff()
	tests := []struct {
		day  Date
		want Situation
	}{
		{NewDate(2015, 2, 28), Situation{}},
		{NewDate(2015, 3, 1), Situation{Rank: "III/c", Position: "Kepala Seksi", UnitID: 7, Started: true, Active: true}},
		{NewDate(2019, 3, 31), Situation{Rank: "III/c", Position: "Kepala Seksi", UnitID: 7, Started: true, Active: true}},
		{NewDate(2019, 4, 1), Situation{Rank: "III/d", Position: "Kepala Seksi", UnitID: 7, Started: true, Active: true}},
		{NewDate(2020, 1, 2), Situation{Rank: "III/d", Position: "Sekretaris Kecamatan", UnitID: 5, Started: true, Active: true}},
		{NewDate(2027, 6, 1), Situation{Rank: "III/d", Position: "Sekretaris Kecamatan", UnitID: 5, Started: true,
			Left: LeaveRetireBUP, LeftOn: NewDate(2027, 6, 1)}},
	}
	for _, tt := range tests {
		if got := s.At(tt.day); got != tt.want {
			t.Errorf("At(%v) = %+v, want %+v", tt.day, got, tt.want)
		}
	}
	if got, want := s.Current(), s.At(NewDate(2100, 1, 1)); got != want {
		t.Errorf("Current() = %+v, want the situation after every event %+v", got, want)
	}
	if s.History[0].Kind != EventTransfer {
		t.Error("At reordered the stored history")
	}
}

func TestStaffHistoryHelpers(t *testing.T) {
	t.Parallel()
	s := historyStaff()
	if got := s.StartDate(); !got.Equal(NewDate(2015, 3, 1)) {
		t.Errorf("StartDate() = %v", got)
	}
	if got := (Staff{}).StartDate(); !got.IsZero() {
		t.Errorf("StartDate() without history = %v", got)
	}
	s.SortHistory()
	wantKinds := []EventKind{EventStart, EventRank, EventTransfer, EventPosition, EventLeave}
	for i, e := range s.History {
		if e.Kind != wantKinds[i] {
			t.Fatalf("SortHistory: event %d is %q, want %q (same-day order must be kept)", i, e.Kind, wantKinds[i])
		}
	}
}

func TestStaffNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s           Staff
		display, id string
	}{
		{Staff{Name: "Asep Saepudin", GelarDepan: "Drs. H.", GelarBelakang: "M.Si.", NIP: "196804111993031009"},
			"Drs. H. Asep Saepudin, M.Si.", "196804111993031009"},
		{Staff{Name: " Rina ", GelarBelakang: " S.Sos. ", NIK: "3204055104680002"}, "Rina, S.Sos.", "3204055104680002"},
		{Staff{Name: "Ujang", GelarDepan: "  "}, "Ujang", ""},
	}
	for _, tt := range tests {
		if got := tt.s.DisplayName(); got != tt.display {
			t.Errorf("DisplayName() = %q, want %q", got, tt.display)
		}
		if got := tt.s.Identifier(); got != tt.id {
			t.Errorf("Identifier() = %q, want %q", got, tt.id)
		}
	}
}

func TestStaffJSONRoundTrip(t *testing.T) {
	t.Parallel()
	s := validPPPK()
	s.ID, s.GelarBelakang, s.MismatchReason = 7, "S.Kom.", "alasan"
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	var back Staff
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	again, _ := json.Marshal(back)
	if string(again) != string(b) {
		t.Errorf("round trip changed the record:\n%s\n%s", b, again)
	}
}
