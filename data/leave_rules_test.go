package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCodeAllowedByKind(t *testing.T) {
	t.Parallel()
	s := DefaultAttendanceSettings()
	tests := []struct {
		code string
		kind Kind
		rule Rule // "" when allowed
	}{
		{CodeCT, KindPNS, ""},
		{CodeCB, KindPNS, ""},
		{CodeCT, KindPPPK, ""},
		{CodeCS, KindPPPK, ""},
		{CodeCM, KindPPPK, ""},
		{CodeCB, KindPPPK, RulePPPKLeave},
		{CodeCAP, KindPPPK, RulePPPKLeave},
		{CodeCLTN, KindPPPKParuhWaktu, RulePPPKLeave},
		{CodeS, KindPPPK, ""},
		{CodeS, KindNonASN, ""},
		{CodeI, KindNonASN, ""},
		{CodeTB, KindNonASN, RuleNonASNCodes},
		{CodeCT, KindNonASN, RuleNonASNCodes},
		{CodeH, KindNonASN, ""},
		{CodeTK, KindNonASN, ""},
		{CodeDL, KindNonASN, ""},
		{"ZZ", KindPNS, RuleUnknownCode},
	}
	for _, tt := range tests {
		err := s.CodeAllowed(tt.code, tt.kind)
		var re *RuleError
		switch {
		case tt.rule == "" && err != nil:
			t.Errorf("%s for %s refused: %v", tt.code, tt.kind, err)
		case tt.rule != "" && (!errors.As(err, &re) || re.Rule != tt.rule):
			t.Errorf("%s for %s: %v, want rule %s", tt.code, tt.kind, err, tt.rule)
		}
	}
	// An office leave code is not for PPPK either.
	s.Codes = append(s.Codes, Code{Code: "CKL", Label: "Cuti Khusus", Category: CategoryLeave})
	if err := s.CodeAllowed("CKL", KindPPPK); err == nil || !strings.Contains(err.Error(), "PP 49/2018") {
		t.Errorf("CKL for PPPK: %v", err)
	}
	// The office may allow more for Non-ASN.
	s.NonASNCodes = []string{"s", "I", "CT"}
	if err := s.CodeAllowed(CodeCT, KindNonASN); err != nil {
		t.Errorf("CT allowed by setting: %v", err)
	}
	var ids []string
	for _, c := range DefaultAttendanceSettings().CodesForKind(KindPPPK) {
		ids = append(ids, c.Code)
	}
	if got := strings.Join(ids, " "); got != "H TL PSW DL FWA TB S I CT CS CM TK LIB" {
		t.Errorf("codes for PPPK: %s", got)
	}
}

func TestCheckLeave(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	d := func(m time.Month, day int) Date { return NewDate(2026, m, day) }
	bal := &LeaveStatus{Year: 2026, Entitlement: 12, Carried: 2, Piket: 1, Taken: 13, Remaining: 2}
	tests := []struct {
		name     string
		req      LeaveRequest
		days     int
		rule     Rule // refused by this rule, "" when accepted
		warn     Rule
		contains string
	}{
		{"cuti besar one day short of 5 years", LeaveRequest{Code: CodeCB, Kind: KindPNS, From: d(11, 2), To: d(11, 30), ServiceStart: d(11, 3).AddYears(-5)},
			0, RuleCutiBesarService, "", "5 tahun"},
		{"cuti besar on the day of 5 years", LeaveRequest{Code: CodeCB, Kind: KindPNS, From: d(11, 2), To: d(11, 30), ServiceStart: d(11, 2).AddYears(-5)},
			29, "", "", ""},
		{"cuti besar, service start unknown", LeaveRequest{Code: CodeCB, Kind: KindPNS, From: d(11, 2), To: d(11, 3)},
			2, "", RuleServiceUnknown, ""},
		{"cuti besar for PPPK", LeaveRequest{Code: CodeCB, Kind: KindPPPK, From: d(11, 2), To: d(11, 3), ServiceStart: d(1, 1).AddYears(-10)},
			0, RulePPPKLeave, "", "PPPK"},
		{"CT within the balance", LeaveRequest{Code: CodeCT, Kind: KindPNS, From: d(11, 5), To: d(11, 8), Balance: bal},
			2, "", "", ""},
		{"CT one day beyond the balance", LeaveRequest{Code: CodeCT, Kind: KindPNS, From: d(11, 5), To: d(11, 9), Balance: bal},
			0, RuleAnnualBalance, "", "sisa cuti tahunan 2026: 2 hari"},
		{"CT without a balance", LeaveRequest{Code: CodeCT, Kind: KindPNS, From: d(11, 5), To: d(11, 5)},
			1, "", RuleAnnualBalance, ""},
		{"CT for Non-ASN", LeaveRequest{Code: CodeCT, Kind: KindNonASN, From: d(11, 5), To: d(11, 5), Balance: bal},
			0, RuleNonASNCodes, "", "Non-ASN"},
		{"S one day", LeaveRequest{Code: CodeS, Kind: KindNonASN, From: d(11, 5), To: d(11, 5)},
			1, "", "", ""},
		{"S two working days", LeaveRequest{Code: CodeS, Kind: KindPNS, From: d(11, 5), To: d(11, 6)},
			2, "", RuleSickLetter, ""},
		{"S Friday to Monday", LeaveRequest{Code: CodeS, Kind: KindPNS, From: d(11, 6), To: d(11, 9)},
			2, "", RuleSickLetter, ""},
		{"S Saturday to Monday", LeaveRequest{Code: CodeS, Kind: KindPNS, From: d(11, 7), To: d(11, 9)},
			1, "", "", ""},
		{"CS counts calendar days", LeaveRequest{Code: CodeCS, Kind: KindPPPK, From: d(11, 6), To: d(11, 9)},
			4, "", "", ""},
		{"range reversed", LeaveRequest{Code: CodeCT, Kind: KindPNS, From: d(11, 9), To: d(11, 6), Balance: bal},
			0, RuleLeaveRange, "", "berurutan"},
		{"CT on a weekend only", LeaveRequest{Code: CodeCT, Kind: KindPNS, From: d(11, 7), To: d(11, 8), Balance: bal},
			0, RuleLeaveRange, "", "hari kerja"},
	}
	for _, tt := range tests {
		days, warns, err := CheckLeave(tt.req, r)
		var re *RuleError
		if tt.rule != "" {
			if !errors.As(err, &re) || re.Rule != tt.rule || !strings.Contains(re.Message, tt.contains) {
				t.Errorf("%s: %v, want rule %s mentioning %q", tt.name, err, tt.rule, tt.contains)
			}
			continue
		}
		if err != nil || len(days) != tt.days {
			t.Errorf("%s: %d days, %v; want %d days", tt.name, len(days), err, tt.days)
		}
		if (tt.warn == "") != (len(warns) == 0) || (tt.warn != "" && warns[0].Rule != tt.warn) {
			t.Errorf("%s: warnings %+v, want %q", tt.name, warns, tt.warn)
		}
	}
}

func TestLongSickRuns(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	nov := NewAttendanceMonth(1, 2026, time.November)
	nov.Days[2] = DayEntry{Code: CodeS} // Mon–Tue: a run of 2
	nov.Days[3] = DayEntry{Code: CodeS}
	nov.Days[5] = DayEntry{Code: CodeS} // Thu, then H Fri: alone
	nov.Days[6] = DayEntry{Code: CodeH}
	nov.Days[13] = DayEntry{Code: CodeS} // Fri + Mon across the weekend
	nov.Days[16] = DayEntry{Code: CodeS}
	nov.Days[30] = DayEntry{Code: CodeS} // Mon 30 Nov + Tue 1 Dec across months
	dec := NewAttendanceMonth(1, 2026, time.December)
	dec.Days[1] = DayEntry{Code: CodeS}
	runs := LongSickRuns([]AttendanceMonth{dec, nov}, r)
	var got []string
	for _, run := range runs {
		got = append(got, run.From.String()+"/"+run.To.String())
		if run.Warning.Rule != RuleSickLetter || !strings.Contains(run.Warning.Message, "CS — Cuti Sakit") {
			t.Errorf("warning %+v", run.Warning)
		}
	}
	if strings.Join(got, " ") != "2026-11-02/2026-11-03 2026-11-13/2026-11-16 2026-11-30/2026-12-01" {
		t.Errorf("runs = %v", got)
	}
}

func TestCheckDayEntry(t *testing.T) {
	t.Parallel()
	r := rules2026(t)
	mon, sun, cb := NewDate(2026, time.November, 2), NewDate(2026, time.November, 1), NewDate(2026, time.December, 24)
	tests := []struct {
		name string
		d    Date
		e    DayEntry
		k    Kind
		ok   bool
	}{
		{"H on a working day", mon, DayEntry{Code: CodeH}, KindPNS, true},
		{"times only", mon, DayEntry{In: "0730", Out: "16.00"}, KindPNS, true},
		{"nothing", mon, DayEntry{}, KindPNS, false},
		{"bad time", mon, DayEntry{In: "7.3"}, KindPNS, false},
		{"H on a Sunday (piket)", sun, DayEntry{Code: CodeH}, KindPNS, true},
		{"times on cuti bersama (piket)", cb, DayEntry{In: "08:00"}, KindPPPK, true},
		{"TK on a Sunday", sun, DayEntry{Code: CodeTK}, KindPNS, false},
		{"CT on cuti bersama", cb, DayEntry{Code: CodeCT, Letter: "1", GrantedBy: "Camat"}, KindPNS, false},
		{"CT for Non-ASN", mon, DayEntry{Code: CodeCT}, KindNonASN, false},
		{"CB for PPPK", mon, DayEntry{Code: CodeCB}, KindPPPK, false},
	}
	for _, tt := range tests {
		if p := CheckDayEntry(tt.d, tt.e, r, tt.k); p.OK() != tt.ok {
			t.Errorf("%s: %+v", tt.name, p)
		}
	}
	if p := CheckDayEntry(mon, DayEntry{Code: CodeDL}, r, KindPNS); len(p.Warnings) != 1 || !strings.Contains(p.Warnings[0].Message, "Surat Perintah Tugas") {
		t.Errorf("DL without SPT: %+v", p)
	}
}
