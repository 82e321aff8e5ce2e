package data

import (
	"errors"
	"testing"
	"time"
)

func TestParseNIKValid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want NIK
	}{
		{"3204051104680001", NIK{Digits: "3204051104680001", Region: "320405", BirthDay: 11,
			BirthMonth: time.April, YY: 68, Sex: SexMale, Sequence: "0001"}},
		{"3204055104680002", NIK{Digits: "3204055104680002", Region: "320405", BirthDay: 11,
			BirthMonth: time.April, YY: 68, Sex: SexFemale, Sequence: "0002"}},
		{"3204.0511-0468 0001", NIK{Digits: "3204051104680001", Region: "320405", BirthDay: 11,
			BirthMonth: time.April, YY: 68, Sex: SexMale, Sequence: "0001"}},
		{"3204050101000001", NIK{Digits: "3204050101000001", Region: "320405", BirthDay: 1,
			BirthMonth: time.January, YY: 0, Sex: SexMale, Sequence: "0001"}},
		{"3204054101990001", NIK{Digits: "3204054101990001", Region: "320405", BirthDay: 1,
			BirthMonth: time.January, YY: 99, Sex: SexFemale, Sequence: "0001"}},
		{"3204057112990001", NIK{Digits: "3204057112990001", Region: "320405", BirthDay: 31,
			BirthMonth: time.December, YY: 99, Sex: SexFemale, Sequence: "0001"}},
		// 29 February: 2000 is a leap year, so YY 00 is accepted; so is 04.
		{"3204052902000001", NIK{Digits: "3204052902000001", Region: "320405", BirthDay: 29,
			BirthMonth: time.February, YY: 0, Sex: SexMale, Sequence: "0001"}},
		{"3204056902040001", NIK{Digits: "3204056902040001", Region: "320405", BirthDay: 29,
			BirthMonth: time.February, YY: 4, Sex: SexFemale, Sequence: "0001"}},
	}
	for _, tt := range tests {
		got, err := ParseNIK(tt.in)
		if err != nil {
			t.Errorf("ParseNIK(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNIK(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestParseNIKErrors(t *testing.T) {
	t.Parallel()
	dateMsg := func(ddmmyy string) string {
		return "Tanggal lahir pada NIK (digit 7–12, tanggal +40 untuk perempuan) tidak ada di kalender: " + ddmmyy + "."
	}
	tests := []struct{ name, in, want string }{
		{"15 digits", "320405110468000", "NIK harus 16 digit angka (tertulis 15)."},
		{"18 digits", "196804111993031009", "NIK harus 16 digit angka (tertulis 18)."},
		{"empty", "", "NIK harus 16 digit angka (tertulis 0)."},
		{"letter", "32040511046800O1", "NIK hanya boleh berisi angka; ditemukan 'O'."},
		{"day 00", "3204050004680001", dateMsg("000468")},
		{"day 32", "3204053201680001", dateMsg("320168")},
		{"day 40", "3204054001680001", dateMsg("400168")},
		{"day 72", "3204057201680001", dateMsg("720168")},
		{"31 April", "3204053104680001", dateMsg("310468")},
		{"71 = 31 April woman", "3204057104680001", dateMsg("710468")},
		{"month 00", "3204051100680001", dateMsg("110068")},
		{"month 13", "3204051113680001", dateMsg("111368")},
		{"29 Feb 01", "3204052902010001", dateMsg("290201")},
		{"30 Feb", "3204053002000001", dateMsg("300200")},
	}
	for _, tt := range tests {
		_, err := ParseNIK(tt.in)
		var fe FieldError
		if !errors.As(err, &fe) || fe.Field != FieldNIK || fe.Message != tt.want {
			t.Errorf("%s: ParseNIK(%q) error = %v, want %q", tt.name, tt.in, err, tt.want)
		}
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3204051104680001", "3204055104680002", "3204052902000001",
		"3204.0511-0468 0001", "320405110468000", "", "0000000000000000", "9999999999999999", "３２"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIK(s)
		if err != nil {
			var fe FieldError
			if !errors.As(err, &fe) || fe.Field != FieldNIK || fe.Message == "" {
				t.Fatalf("%q: error %v is not a FieldError on NIK", s, err)
			}
			return
		}
		if n.Digits != NormalizeNIP(s) || !allDigits(n.Digits, NIKLength) {
			t.Fatalf("%q: Digits %q", s, n.Digits)
		}
		if n.BirthDay < 1 || n.BirthDay > 31 || n.BirthMonth < time.January || n.BirthMonth > time.December ||
			n.YY < 0 || n.YY > 99 || n.Sex.Label() == "" {
			t.Fatalf("%q: parts out of range: %+v", s, n)
		}
		again, err := ParseNIK(n.Digits)
		if err != nil || again != n {
			t.Fatalf("%q: reparse gave %+v, %v; want %+v", s, again, err, n)
		}
	})
}
