package data

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// runes returns n runes of a two-byte letter, so a byte count would be wrong.
func runes(n int) string { return strings.Repeat("é", n) }

func TestTooLongBoundary(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		n, max int
		long   bool
	}{{0, 5, false}, {5, 5, false}, {6, 5, true}, {MaxNameRunes, MaxNameRunes, false}, {MaxNameRunes + 1, MaxNameRunes, true}} {
		msg := TooLong("Nama", runes(tt.n), tt.max)
		if (msg != "") != tt.long {
			t.Errorf("TooLong(%d runes, max %d) = %q, want long=%v", tt.n, tt.max, msg, tt.long)
		}
		if tt.long && !strings.Contains(msg, "Nama terlalu panjang") {
			t.Errorf("message does not name the field: %q", msg)
		}
	}
}

func TestValidateStaffLimits(t *testing.T) {
	t.Parallel()
	year := validateToday.Year()
	tests := []struct {
		name   string
		base   func() Staff
		mutate func(*Staff)
		errs   []string
	}{
		{"name at max", validNonASN, func(s *Staff) { s.Name = runes(MaxNameRunes) }, nil},
		{"name over max", validNonASN, func(s *Staff) { s.Name = runes(MaxNameRunes + 1) }, []string{FieldName}},
		{"gelar depan at max", validNonASN, func(s *Staff) { s.GelarDepan = runes(MaxGelarRunes) }, nil},
		{"gelar depan over max", validNonASN, func(s *Staff) { s.GelarDepan = runes(MaxGelarRunes + 1) }, []string{ColGelarDepan}},
		{"gelar belakang over max", validNonASN, func(s *Staff) { s.GelarBelakang = runes(MaxGelarRunes + 1) }, []string{ColGelarBelakang}},
		{"birth place over max", validNonASN, func(s *Staff) { s.BirthPlace = runes(MaxPlaceRunes + 1) }, []string{FieldBirthPlace}},
		{"mismatch reason at max", validNonASN, func(s *Staff) { s.MismatchReason = runes(MaxReasonRunes) }, nil},
		{"mismatch reason over max", validNonASN, func(s *Staff) { s.MismatchReason = runes(MaxReasonRunes + 1) }, []string{FieldMismatch}},
		{"jabatan at max", validNonASN, func(s *Staff) { s.History[0].Position = runes(MaxPositionRunes) }, nil},
		{"jabatan over max", validNonASN, func(s *Staff) { s.History[0].Position = runes(MaxPositionRunes + 1) }, []string{FieldPosition}},
		{"event note at max", validNonASN, func(s *Staff) { s.History[0].Note = runes(MaxNoteRunes) }, nil},
		{"event note over max", validNonASN, func(s *Staff) { s.History[0].Note = runes(MaxNoteRunes + 1) }, []string{FieldHistory}},
		{"event letter over max", validNonASN, func(s *Staff) { s.History[0].Letter = runes(MaxLetterRunes + 1) }, []string{FieldHistory}},
		{"later jabatan over max", validNonASN, func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2024, 1, 1), Kind: EventPosition, Position: runes(MaxPositionRunes + 1)})
		}, []string{FieldHistory}},

		{"TMT 1949", validNonASN, func(s *Staff) { s.History[0].Date = NewDate(1949, 12, 31) }, []string{FieldStartDate}},
		{"TMT 1950", validNonASN, func(s *Staff) { s.History[0].Date = NewDate(1950, 1, 1) }, nil},
		{"TMT year+1", validNonASN, func(s *Staff) { s.History[0].Date = NewDate(year+1, 12, 31) }, nil},
		{"TMT year+2", validNonASN, func(s *Staff) { s.History[0].Date = NewDate(year+2, 1, 1) }, []string{FieldStartDate}},
		{"event year+2", validNonASN, func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(year+2, 1, 1), Kind: EventPosition, Position: "Staf"})
		}, []string{FieldHistory}},
		{"leave 2099", validNonASN, func(s *Staff) {
			s.History = append(s.History, Event{Date: NewDate(2099, 1, 1), Kind: EventLeave, Reason: LeaveMoved})
		}, []string{FieldHistory}},

		{"born 1939", validNonASN, func(s *Staff) { s.BirthDate = NewDate(1939, 12, 31) }, []string{FieldBirthDate}},
		{"born 1940", validNonASN, func(s *Staff) { s.BirthDate = NewDate(1940, 1, 1) }, nil},
		{"aged 17 tomorrow", validNonASN, func(s *Staff) { s.BirthDate = validateToday.AddYears(-MinStaffAge).AddDays(1) }, []string{FieldBirthDate}},
		{"aged 17 today", validNonASN, func(s *Staff) { s.BirthDate = validateToday.AddYears(-MinStaffAge) }, nil},

		{"contract start 1949", validPPPK, func(s *Staff) { s.ContractStart = NewDate(1949, 12, 31) }, []string{FieldContractStart}},
		{"contract start year+2", validPPPK, func(s *Staff) {
			s.ContractStart, s.ContractEnd = NewDate(year+2, 1, 1), NewDate(year+3, 1, 1)
		}, []string{FieldContractStart}},
		{"contract end at max", validPPPK, func(s *Staff) { s.ContractEnd = NewDate(2022+MaxContractYears, 12, 31) }, nil},
		{"contract end over max", validPPPK, func(s *Staff) { s.ContractEnd = NewDate(2022+MaxContractYears+1, 1, 1) }, []string{FieldContractEnd}},
	}
	for _, tt := range tests {
		s := tt.base()
		tt.mutate(&s)
		p := ValidateStaff(s, validateUnits(), validateToday)
		if got := validateFields(p.Errors); !slices.Equal(got, validateSorted(tt.errs)) {
			t.Errorf("%s: error fields %v, want %v; errors: %v", tt.name, got, validateSorted(tt.errs), p.Errors)
		}
		for _, fe := range p.Errors {
			if len(fe.Message) > 400 {
				t.Errorf("%s: message repeats the value (%d bytes)", tt.name, len(fe.Message))
			}
		}
	}
}

func TestParseStaffImportRefusesLongAndOldRows(t *testing.T) {
	t.Parallel()
	long := validRow()
	long.Name = strings.Repeat("A", 10<<20)
	old := validRow()
	old.NIP, old.Kind, old.Rank, old.MismatchReason = "", "Non-ASN", "", ""
	old.NIK = ""
	old.StartDate = "01/01/1900"
	unit := validRow()
	unit.Unit = strings.Repeat("Seksi ", 1000)
	res := parseRows(nil, long, old, unit)
	if len(res.Accepted) != 0 || len(res.Rejected) != 3 {
		t.Fatalf("accepted %d, rejected %v", len(res.Accepted), res.Rejected)
	}
	for i, want := range []string{"Nama terlalu panjang: 10485760 karakter, paling banyak 200", "tahun paling awal 1950", "Unit kerja"} {
		r := res.Rejected[i]
		if r.Line != i+2 || !strings.Contains(r.Reason, want) {
			t.Errorf("row %d: %s, want line %d with %q", i, r, i+2, want)
		}
		if len(r.Reason) > 2000 {
			t.Errorf("row %d: reason of %d bytes repeats the value", i, len(r.Reason))
		}
	}
}

func TestAttendanceDateWindow(t *testing.T) {
	t.Parallel()
	today := NewDate(2026, 11, 28)
	for _, tt := range []struct {
		d  Date
		ok bool
	}{
		{NewDate(1970, 1, 1), false}, {NewDate(1999, 12, 31), false}, {NewDate(2000, 1, 1), true},
		{NewDate(2027, 12, 31), true}, {NewDate(2028, 1, 1), false}, {NewDate(2099, 12, 1), false}, {NewDate(9999, 1, 1), false},
	} {
		err := CheckAttendanceDate(tt.d, today)
		if (err == nil) != tt.ok {
			t.Errorf("CheckAttendanceDate(%s) = %v, want ok=%v", tt.d, err, tt.ok)
		}
		var fe FieldError
		if err != nil && (!errors.As(err, &fe) || fe.Field != FieldDate || !strings.Contains(fe.Message, tt.d.Long())) {
			t.Errorf("error %v does not name the date", err)
		}
	}
}

func TestFilterPunchWindow(t *testing.T) {
	t.Parallel()
	log := "1\t2026-11-02 07:30:00\n2\t1970-01-01 07:00:00\n3\t2099-12-01 07:00:00\n4\t9999-01-02 07:00:00\nx\n5\t2027-12-31 07:00:00\n"
	punches, bad := ParseAttlog(strings.NewReader(log))
	punches, bad = FilterPunchWindow(punches, bad, NewDate(2026, 11, 28))
	var pins []string
	for _, p := range punches {
		pins = append(pins, p.PIN)
	}
	if !slices.Equal(pins, []string{"1", "5"}) {
		t.Errorf("kept %v, want [1 5]", pins)
	}
	var lines []int
	for _, b := range bad {
		lines = append(lines, b.Line)
	}
	if !slices.Equal(lines, []int{2, 3, 4, 5}) {
		t.Errorf("bad lines %v, want [2 3 4 5]: %v", lines, bad)
	}
	if !strings.Contains(bad[0].Message, "tahun paling awal 2000") || !strings.Contains(bad[1].Message, "tahun paling akhir 2027") {
		t.Errorf("messages: %v", bad)
	}
}

func TestOtherRecordLimits(t *testing.T) {
	t.Parallel()
	office := Office{Kecamatan: "Soreang", Kabupaten: "Bandung"}
	official := Official{Name: "Dr. H. Budi", Position: "Sekretaris Daerah", Agency: "Pemkab Bandung"}
	skp := goodSKP()
	entry := DayEntry{Code: CodeH}
	codes := DefaultCodes()
	fields := func(errs []FieldError) []string {
		var out []string
		for _, e := range errs {
			out = append(out, e.Field)
		}
		return out
	}
	for _, tt := range []struct {
		name string
		errs func(n int) []FieldError
		max  int
		want string
	}{
		{"kecamatan", func(n int) []FieldError { o := office; o.Kecamatan = runes(n); return o.Validate() }, MaxNameRunes, FieldKecamatan},
		{"alamat", func(n int) []FieldError { o := office; o.Alamat = runes(n); return o.Validate() }, MaxAddressRunes, FieldAlamat},
		{"kota", func(n int) []FieldError { o := office; o.Kota = runes(n); return o.Validate() }, MaxPlaceRunes, FieldKota},
		{"official position", func(n int) []FieldError { o := official; o.Position = runes(n); return o.Validate() }, MaxPositionRunes, FieldPosition},
		{"skp position", func(n int) []FieldError { k := skp; k.Position = runes(n); return ValidateSKP(k).Errors }, MaxPositionRunes, FieldPosition},
		{"skp iki", func(n int) []FieldError {
			k := skp
			k.Rows = slices.Clone(k.Rows)
			k.Rows[1].IKI = runes(n)
			return ValidateSKP(k).Errors
		}, MaxNoteRunes, FieldSKPRow(2, "iki")},
		{"skp lampiran", func(n int) []FieldError {
			k := skp
			k.Lampiran.Konsekuensi = []string{runes(n)}
			return ValidateSKP(k).Errors
		}, MaxNoteRunes, FieldSKPLampiran},
		{"entry note", func(n int) []FieldError { e := entry; e.Note = runes(n); return CheckEntry(e, codes, KindPNS).Errors }, MaxNoteRunes, FieldNote},
		{"entry letter", func(n int) []FieldError { e := entry; e.Letter = runes(n); return CheckEntry(e, codes, KindPNS).Errors }, MaxLetterRunes, FieldLetter},
	} {
		if got := tt.errs(tt.max); len(got) != 0 {
			t.Errorf("%s at max: %v", tt.name, got)
		}
		if got := fields(tt.errs(tt.max + 1)); !slices.Equal(got, []string{tt.want}) {
			t.Errorf("%s over max: fields %v, want [%s]", tt.name, got, tt.want)
		}
	}
}

func TestEvaluationTextLimits(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
	e := NewEvaluation("2026", 3, now)
	if _, err := e.Edit(func(x *Evaluation) { x.Note = runes(MaxNoteRunes) }, now); err != nil {
		t.Errorf("note at max: %v", err)
	}
	var ve *ValidationError
	if _, err := e.Edit(func(x *Evaluation) { x.Note = runes(MaxNoteRunes + 1) }, now); !errors.As(err, &ve) || ve.Problems.Errors[0].Field != FieldNoteEval {
		t.Errorf("note over max: %v", err)
	}
	if _, err := e.Edit(func(x *Evaluation) { x.PerilakuFeedback[6] = runes(MaxNoteRunes + 1) }, now); !errors.As(err, &ve) {
		t.Errorf("feedback over max: %v", err)
	}
	if _, err := e.SetDevelopment([]FollowUp{{Need: runes(MaxReasonRunes + 1), Status: FollowUpNeeded}}, now); !errors.As(err, &ve) {
		t.Errorf("follow-up over max: %v", err)
	}
	final := e
	final.State = EvalFinal
	if _, err := final.SetObjection(Objection{Keberatan: runes(MaxNoteRunes + 1)}, now); !errors.As(err, &ve) {
		t.Errorf("objection over max: %v", err)
	}
	if _, _, err := final.Reopen(runes(MaxReasonRunes), now); err != nil {
		t.Errorf("reopen reason at max: %v", err)
	}
	if _, _, err := final.Reopen(runes(MaxReasonRunes+1), now); !errors.As(err, &ve) {
		t.Errorf("reopen reason over max: %v", err)
	}
}
