package data

import (
	"errors"
	"strings"
	"testing"
	"time"
)

var nipToday = NewDate(2026, time.November, 28)

func TestNormalizeNIP(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"196804111993031009", "196804111993031009"},
		{"19680411 199303 1 009", "196804111993031009"},
		{" 1968.0411-199303-1-009 ", "196804111993031009"},
		{"19680411\u00a0199303\t1\n009", "196804111993031009"},
		{"19680411–199303—1‐009", "196804111993031009"},
		{"1968O411", "1968O411"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NormalizeNIP(tt.in); got != tt.want {
			t.Errorf("NormalizeNIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFormatNIP(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"196804111993031009", "19680411 199303 1 009"},
		{"19680411 199303 1 009", "19680411 199303 1 009"},
		{"196804111993121009", "19680411 199312 1 009"},
		{"199001012022211001", "19900101 2022 21 1 001"},
		{"199001012022241001", "19900101 2022 24 1 001"},
		{"199001012022001001", "19900101 2022 00 1 001"},
		{"19680411199303100", "19680411199303100"},
		{"1968041119930310090", "1968041119930310090"},
		{"19680411199303100x", "19680411199303100x"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FormatNIP(tt.in); got != tt.want {
			t.Errorf("FormatNIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseNIPValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in    string
		today Date
		want  NIP
	}{
		{"196804111993031009", nipToday, NIP{Digits: "196804111993031009", BirthDate: NewDate(1968, 4, 11),
			TMTYear: 1993, TMTMonth: 3, Sex: SexMale, Sequence: 9}},
		{"19680411 199303 2 001", nipToday, NIP{Digits: "196804111993032001", BirthDate: NewDate(1968, 4, 11),
			TMTYear: 1993, TMTMonth: 3, Sex: SexFemale, Sequence: 1}},
		{"196802291993031999", nipToday, NIP{Digits: "196802291993031999", BirthDate: NewDate(1968, 2, 29),
			TMTYear: 1993, TMTMonth: 3, Sex: SexMale, Sequence: 999}},
		// 2000 is a leap year; TMT in the month of the 18th birthday is allowed.
		{"200002292018021001", nipToday, NIP{Digits: "200002292018021001", BirthDate: NewDate(2000, 2, 29),
			TMTYear: 2018, TMTMonth: 2, Sex: SexMale, Sequence: 1}},
		{"197506151993061001", nipToday, NIP{Digits: "197506151993061001", BirthDate: NewDate(1975, 6, 15),
			TMTYear: 1993, TMTMonth: 6, Sex: SexMale, Sequence: 1}},
		// TMT in the current month is not in the future.
		{"199001012026111001", nipToday, NIP{Digits: "199001012026111001", BirthDate: NewDate(1990, 1, 1),
			TMTYear: 2026, TMTMonth: 11, Sex: SexMale, Sequence: 1}},
		// A zero today skips the future check.
		{"199001012030011001", Date{}, NIP{Digits: "199001012030011001", BirthDate: NewDate(1990, 1, 1),
			TMTYear: 2030, TMTMonth: 1, Sex: SexMale, Sequence: 1}},
		{"190001011930011001", nipToday, NIP{Digits: "190001011930011001", BirthDate: NewDate(1900, 1, 1),
			TMTYear: 1930, TMTMonth: 1, Sex: SexMale, Sequence: 1}},
	}
	for _, tt := range tests {
		got, err := ParseNIP(tt.in, tt.today)
		if err != nil {
			t.Errorf("ParseNIP(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNIP(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseNIPErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"17 digits", "19680411199303100", "NIP harus 18 digit angka (tertulis 17)."},
		{"19 digits", "1968041119930310090", "NIP harus 18 digit angka (tertulis 19)."},
		{"empty", "", "NIP harus 18 digit angka (tertulis 0)."},
		{"letter", "19680411199303100A", `NIP hanya boleh berisi angka; ditemukan 'A'.`},
		{"30 Feb", "196802301993031009", "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19680230."},
		{"29 Feb common year", "196902291993031009", "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19690229."},
		{"29 Feb 1900", "190002291930031009", "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19000229."},
		{"month 13", "196813011993031009", "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19681301."},
		{"day 00", "196804001993031009", "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19680400."},
		{"born 1899", "189912311930031009", "Tahun lahir pada NIP (digit 1–4) tidak masuk akal: 1899."},
		{"TMT month 00", "196804111993001009", "TMT CPNS pada NIP (digit 9–14) bukan bulan yang sah: 199300."},
		{"TMT month 13", "196804111993131009", "TMT CPNS pada NIP (digit 9–14) bukan bulan yang sah: 199313."},
		{"NI PPPK", "199001012022211001", "TMT CPNS pada NIP (digit 9–14) bukan bulan yang sah: 202221. Nomor ini tampaknya NI PPPK (kode 21); pilih jenis pegawai yang sesuai."},
		{"TMT before 18", "197506151993051001", "TMT CPNS pada NIP (Mei 1993) sebelum bulan pegawai berusia 18 tahun (Juni 1993)."},
		{"TMT before 18, leap day", "200002292018011001", "TMT CPNS pada NIP (Januari 2018) sebelum bulan pegawai berusia 18 tahun (Februari 2018)."},
		{"TMT future", "199001012026121001", "TMT CPNS pada NIP (Desember 2026) belum tiba; periksa digit 9–14."},
		{"sex 0", "196804111993030009", "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2, tertulis 0."},
		{"sex 3", "196804111993033009", "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2, tertulis 3."},
		{"sequence 000", "196804111993031000", "Nomor urut pada NIP (digit 16–18) harus 001–999, tertulis 000."},
	}
	for _, tt := range tests {
		_, err := ParseNIP(tt.in, nipToday)
		var fe FieldError
		if !errors.As(err, &fe) {
			t.Errorf("%s: ParseNIP(%q) error = %v, want FieldError", tt.name, tt.in, err)
			continue
		}
		if fe.Field != FieldNIP || fe.Message != tt.want {
			t.Errorf("%s: ParseNIP(%q) = %q on %q, want %q", tt.name, tt.in, fe.Message, fe.Field, tt.want)
		}
	}
}

func TestParseNIPPPPK(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in  string
		want      NIP
		warning   string
		wantError string
	}{
		{name: "PPPK", in: "199001012022211001", want: NIP{Digits: "199001012022211001",
			BirthDate: NewDate(1990, 1, 1), TMTYear: 2022, Sex: SexMale, Sequence: 1, Code: "21"}},
		{name: "paruh waktu grouped", in: "19950512 2025 24 2 117", want: NIP{Digits: "199505122025242117",
			BirthDate: NewDate(1995, 5, 12), TMTYear: 2025, Sex: SexFemale, Sequence: 117, Code: "24"}},
		{name: "sequence 000 not checked", in: "199001012022211000", want: NIP{Digits: "199001012022211000",
			BirthDate: NewDate(1990, 1, 1), TMTYear: 2022, Sex: SexMale, Code: "21"}},
		{name: "TMT in year of 18th birthday", in: "200512312023211001", want: NIP{Digits: "200512312023211001",
			BirthDate: NewDate(2005, 12, 31), TMTYear: 2023, Sex: SexMale, Sequence: 1, Code: "21"}},
		{name: "TMT this year", in: "199001012026211001", want: NIP{Digits: "199001012026211001",
			BirthDate: NewDate(1990, 1, 1), TMTYear: 2026, Sex: SexMale, Sequence: 1, Code: "21"}},
		{name: "unknown code", in: "199001012022371001", want: NIP{Digits: "199001012022371001",
			BirthDate: NewDate(1990, 1, 1), TMTYear: 2022, Sex: SexMale, Sequence: 1, Code: "37"},
			warning: `Kode pada NI PPPK (digit 13–14) "37" tidak dikenal; yang dikenal 21 (PPPK) dan 24 (PPPK paruh waktu).`},
		{name: "short", in: "19900101202221100", wantError: "NIP harus 18 digit angka (tertulis 17)."},
		{name: "bad birth", in: "199002302022211001", wantError: "Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: 19900230."},
		{name: "TMT before 18", in: "200501012022211001", wantError: "Tahun TMT pada NI PPPK (digit 9–12) 2022 sebelum pegawai berusia 18 tahun (tahun 2023)."},
		{name: "TMT future", in: "199001012027211001", wantError: "Tahun TMT pada NI PPPK (digit 9–12) 2027 belum tiba."},
		{name: "sex 9", in: "199001012022219001", wantError: "Digit ke-15 NIP (jenis kelamin) harus 1 atau 2, tertulis 9."},
	}
	for _, tt := range tests {
		got, warnings, err := ParseNIPPPPK(tt.in, nipToday)
		if tt.wantError != "" {
			var fe FieldError
			if !errors.As(err, &fe) || fe.Field != FieldNIP || fe.Message != tt.wantError {
				t.Errorf("%s: error = %v, want %q", tt.name, err, tt.wantError)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
		switch {
		case tt.warning == "" && len(warnings) != 0:
			t.Errorf("%s: unexpected warnings %v", tt.name, warnings)
		case tt.warning != "" && (len(warnings) != 1 || warnings[0].Message != tt.warning || warnings[0].Field != FieldNIP):
			t.Errorf("%s: warnings = %v, want %q", tt.name, warnings, tt.warning)
		}
	}
}

var nipSeeds = []string{
	"196804111993031009", "19680411 199303 1 009", "199001012022211001", "199001012022371001",
	"196802301993031009", "19680411199303100", "", "x", "00000000000000000000", "999912319999129999",
	"200002292018021001", "19680411–199303—1‐009", "１９６８",
}

// checkParsedNIP checks what every successful parse must satisfy.
func checkParsedNIP(t *testing.T, in string, n NIP) {
	t.Helper()
	if n.Digits != NormalizeNIP(in) || !allDigits(n.Digits, NIPLength) {
		t.Fatalf("%q: Digits %q", in, n.Digits)
	}
	if n.BirthDate.Compact() != n.Digits[:8] {
		t.Fatalf("%q: BirthDate %s does not match digits", in, n.BirthDate)
	}
	if n.Sex.Label() == "" {
		t.Fatalf("%q: Sex %q", in, n.Sex)
	}
	if !strings.Contains(FormatNIP(n.Digits), " ") {
		t.Fatalf("%q: FormatNIP(%q) not grouped", in, n.Digits)
	}
}

func FuzzParseNIP(f *testing.F) {
	for _, s := range nipSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIP(s, nipToday)
		if err != nil {
			var fe FieldError
			if !errors.As(err, &fe) || fe.Field != FieldNIP || fe.Message == "" {
				t.Fatalf("%q: error %v is not a FieldError on NIP", s, err)
			}
			return
		}
		checkParsedNIP(t, s, n)
		again, err := ParseNIP(FormatNIP(n.Digits), nipToday)
		if err != nil || again != n {
			t.Fatalf("%q: reparse of %q gave %+v, %v; want %+v", s, FormatNIP(n.Digits), again, err, n)
		}
	})
}

func FuzzParseNIPPPPK(f *testing.F) {
	for _, s := range nipSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, warnings, err := ParseNIPPPPK(s, nipToday)
		if err != nil {
			var fe FieldError
			if !errors.As(err, &fe) || fe.Field != FieldNIP || fe.Message == "" {
				t.Fatalf("%q: error %v is not a FieldError on NIP", s, err)
			}
			return
		}
		checkParsedNIP(t, s, n)
		if n.TMTMonth != 0 || n.Code != n.Digits[12:14] {
			t.Fatalf("%q: TMTMonth %d, Code %q", s, n.TMTMonth, n.Code)
		}
		again, againWarnings, err := ParseNIPPPPK(FormatNIP(n.Digits), nipToday)
		if err != nil || again != n || len(againWarnings) != len(warnings) {
			t.Fatalf("%q: reparse of %q gave %+v, %v, %v; want %+v", s, FormatNIP(n.Digits), again, againWarnings, err, n)
		}
	})
}
