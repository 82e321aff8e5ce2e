package data

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestParseHolidaysCSVShippedFile(t *testing.T) {
	t.Parallel()
	cal := calendar2026(t)
	libur, cuti := 0, 0
	for _, h := range cal.Holidays {
		switch h.Kind {
		case HolidayNational:
			libur++
		case HolidayCutiBersama:
			cuti++
		}
		if h.Date.Year() != 2026 || h.Name == "" {
			t.Errorf("odd holiday %+v", h)
		}
	}
	if libur != 17 || cuti != 8 {
		t.Errorf("2026 list: %d libur, %d cuti bersama; the header says 17 and 8", libur, cuti)
	}
}

func TestParseHolidaysCSVBadLines(t *testing.T) {
	t.Parallel()
	in := "# comment\r\n" +
		"date,kind,name\r\n" +
		"2026-01-01,libur,Tahun Baru\r\n" +
		"\r\n" +
		"2026-02-30,libur,Tidak ada\r\n" +
		"2026-05-01,hari besar,Buruh\r\n" +
		"only-one-field\r\n" +
		"05/11/2026,lokal,\"Hari Jadi, Kabupaten\"\r\n" +
		"2026-06-01,cuti bersama,\r\n"
	hs, err := ParseHolidaysCSV(strings.NewReader(in))
	var les LineErrors
	if !errors.As(err, &les) {
		t.Fatalf("err = %v, want LineErrors", err)
	}
	wantLines := []int{5, 6, 7, 9}
	if len(les) != len(wantLines) {
		t.Fatalf("bad lines = %v, want lines %v", les, wantLines)
	}
	for i, le := range les {
		if le.Line != wantLines[i] {
			t.Errorf("bad line %d reported as %d", wantLines[i], le.Line)
		}
	}
	if len(hs) != 2 || hs[1].Name != "Hari Jadi, Kabupaten" || hs[1].Kind != HolidayLocal || !hs[1].Date.Equal(NewDate(2026, 11, 5)) {
		t.Errorf("good lines = %+v", hs)
	}
}

func TestParseHolidaysCSVEmpty(t *testing.T) {
	t.Parallel()
	hs, err := ParseHolidaysCSV(strings.NewReader(""))
	if err != nil || len(hs) != 0 {
		t.Errorf("empty = %v, %v", hs, err)
	}
}

func TestWriteHolidaysCSVRoundTrip(t *testing.T) {
	t.Parallel()
	in := []Holiday{
		{Date: NewDate(2026, 1, 1), Kind: HolidayNational, Name: "Tahun Baru"},
		{Date: NewDate(2026, 11, 5), Kind: HolidayLocal, Name: `Hari "Jadi", Kabupaten`},
	}
	var buf bytes.Buffer
	if err := WriteHolidaysCSV(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := ParseHolidaysCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != len(in) {
		t.Fatalf("round trip = %+v", out)
	}
	for i := range in {
		if out[i] != in[i] {
			t.Errorf("round trip %d = %+v, want %+v", i, out[i], in[i])
		}
	}
}

func FuzzParseHolidaysCSV(f *testing.F) {
	shipped, err := os.ReadFile("../assets/holidays/2026.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(shipped))
	f.Add("date,kind,name\n2026-01-01,libur,Tahun Baru\n")
	f.Add("\uFEFF# x\n01/01/2026,lokal,\"a,\"\"b\"\"\"\n")
	f.Add("2026-13-01,libur,x\n,,\n")
	f.Fuzz(func(t *testing.T, in string) {
		hs, err := ParseHolidaysCSV(strings.NewReader(in))
		var les LineErrors
		if err != nil && !errors.As(err, &les) {
			t.Fatalf("error of an unexpected type: %v", err)
		}
		for _, h := range hs {
			if h.Date.IsZero() || h.Name == "" {
				t.Fatalf("holiday without date or name: %+v", h)
			}
			if _, ok := ParseHolidayKind(string(h.Kind)); !ok {
				t.Fatalf("unknown kind %q", h.Kind)
			}
		}
		var buf bytes.Buffer
		if err := WriteHolidaysCSV(&buf, hs); err != nil {
			t.Fatal(err)
		}
		again, err := ParseHolidaysCSV(&buf)
		if err != nil || len(again) != len(hs) {
			t.Fatalf("rewritten list does not read back: %v (%d of %d)", err, len(again), len(hs))
		}
	})
}

func TestHolidayCSVNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	hs := []Holiday{
		{Date: NewDate(2026, 12, 24), Kind: HolidayLocal, Name: `=HYPERLINK("http://x","klik")`},
		{Date: NewDate(2026, 12, 28), Kind: HolidayLocal, Name: "-HUT Desa"},
		{Date: NewDate(2026, 12, 29), Kind: HolidayLocal, Name: "HUT Kecamatan"},
	}
	var b strings.Builder
	if err := WriteHolidaysCSV(&b, hs); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `"'=HYPERLINK(""http://x"",""klik"")"`) || !strings.Contains(out, ",'-HUT Desa") || strings.Contains(out, "'HUT Kecamatan") {
		t.Fatalf("formulas not neutralised:\n%s", out)
	}
	back, err := ParseHolidaysCSV(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range back {
		if h.Name != hs[i].Name {
			t.Errorf("round trip %d: %q, want %q", i, h.Name, hs[i].Name)
		}
	}
}
