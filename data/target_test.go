package data

import (
	"strings"
	"testing"
)

func TestParseTarget(t *testing.T) {
	tests := []struct {
		in   string
		v    float64
		unit string
		ok   bool
	}{
		{"12 dokumen", 12, "dokumen", true},
		{" 3  dokumen  perencanaan ", 3, "dokumen perencanaan", true},
		{"95%", 95, "%", true},
		{"95 %", 95, "%", true},
		{"85", 85, "", true},
		{"2,5 jam", 2.5, "jam", true},
		{"1.200 berkas", 1200, "berkas", true},
		{"1.200,75 m2", 0, "", false}, // a digit in the unit
		{"1.200,75 meter", 1200.75, "meter", true},
		{"30 menit", 30, "menit", true},
		{"0 keluhan", 0, "keluhan", true},
		{"", 0, "", false},
		{"Sesuai jadwal", 0, "", false},
		{"Nilai 85", 0, "", false},
		{"1 s.d. 3 hari", 0, "", false},
		{"12a", 0, "", false},
		{"1.20 jam", 0, "", false},
		{"12.000.0 x", 0, "", false},
		{"2, jam", 0, "", false},
		{",5 jam", 0, "", false},
		{"1,2,3 x", 0, "", false},
		{".5", 0, "", false},
		{"1234.567 x", 0, "", false},
	}
	for _, tt := range tests {
		v, unit, ok := ParseTarget(tt.in)
		if ok != tt.ok || v != tt.v || unit != tt.unit {
			t.Errorf("ParseTarget(%q) = %v, %q, %v; want %v, %q, %v", tt.in, v, unit, ok, tt.v, tt.unit, tt.ok)
		}
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"12 dokumen", "95%", "2,5 jam", "1.200 berkas", "Sesuai jadwal", "1 s.d. 3 hari", ",", "1..2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, unit, ok := ParseTarget(s)
		if !ok {
			if v != 0 || unit != "" {
				t.Fatalf("refused %q but returned %v %q", s, v, unit)
			}
			return
		}
		if v < 0 || strings.ContainsAny(unit, "0123456789") || unit != strings.TrimSpace(unit) {
			t.Fatalf("ParseTarget(%q) = %v, %q", s, v, unit)
		}
	})
}
