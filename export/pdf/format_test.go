package pdf

import (
	"math"
	"testing"

	"kinerja/data"
)

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {7, "7"}, {999, "999"}, {1000, "1.000"}, {2345, "2.345"}, {-2345, "-2.345"},
		{1234567, "1.234.567"}, {100000, "100.000"}, {math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, c := range cases {
		if got := FormatNumber(c.in); got != c.want {
			t.Errorf("FormatNumber(%d) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestFormatDecimal(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in     float64
		places int
		want   string
	}{
		{97.5, 1, "97,5"}, {97.5, 0, "98"}, {100, 1, "100,0"}, {1234.567, 2, "1.234,57"},
		{-1234.5, 1, "-1.234,5"}, {-0.04, 1, "0,0"}, {0.5, -3, "0"}, {2.5, 2, "2,50"},
		{math.NaN(), 1, "-"}, {math.Inf(1), 1, "-"}, {math.Inf(-1), 0, "-"},
	}
	for _, c := range cases {
		if got := FormatDecimal(c.in, c.places); got != c.want {
			t.Errorf("FormatDecimal(%v, %d) = %q, want %q", c.in, c.places, got, c.want)
		}
	}
}

func TestGroupNIP(t *testing.T) {
	t.Parallel()
	cases := []struct{ in, want string }{
		{"196804111993031009", "19680411 199303 1 009"},
		{" 196804111993031009 ", "19680411 199303 1 009"},
		{"19680411 199303 1 009", "19680411 199303 1 009"},
		{"19680411199303100", "19680411199303100"},
		{"1968041119930310090", "1968041119930310090"},
		{"19680411199303100X", "19680411199303100X"},
		{"", ""},
		{"199102262023211085", "19910226 2023 21 1 085"},
		{"19910226 202321 1 085", "19910226 2023 21 1 085"},
		{"19910226.2023.21.1.085", "19910226 2023 21 1 085"},
		{"١٩٦٨٠٤١١١٩٩٣٠٣١٠٠٩", "١٩٦٨٠٤١١١٩٩٣٠٣١٠٠٩"},
	}
	for _, c := range cases {
		if got := GroupNIP(c.in); got != c.want {
			t.Errorf("GroupNIP(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	kinds := []struct {
		kind     data.Kind
		in, want string
	}{
		{data.KindPPPK, "199102262023111085", "19910226 2023 11 1 085"},
		{data.KindPNS, "196804111993031009", "19680411 199303 1 009"},
	}
	for _, c := range kinds {
		if got := GroupNIPOf(c.kind, c.in); got != c.want {
			t.Errorf("GroupNIPOf(%q, %q) = %q, want %q", c.kind, c.in, got, c.want)
		}
	}
}

func TestAppendPoints(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   float64
		want string
	}{{0, "0.00 "}, {1.005, "1.00 "}, {12.345, "12.35 "}, {841.89, "841.89 "}, {-3, "0.00 "}, {0.999, "1.00 "}}
	for _, c := range cases {
		if got := string(appendPoints(nil, c.in)); got != c.want {
			t.Errorf("appendPoints(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}
