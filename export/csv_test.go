package export

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"kinerja/data"
)

func TestCSVCell(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                        "",
		"Budi":                    "Budi",
		"=HYPERLINK(\"x\",\"y\")": "'=HYPERLINK(\"x\",\"y\")",
		"+62 812":                 "'+62 812",
		"-2+3+cmd|' /C calc'!A0":  "'-2+3+cmd|' /C calc'!A0",
		"@SUM(A1:A9)":             "'@SUM(A1:A9)",
		"\t=1+1":                  "'\t=1+1",
		"\r=1+1":                  "'\r=1+1",
		"-5":                      "-5",
		"+12":                     "+12",
		"12,5":                    "12,5",
		"-12.5":                   "-12.5",
		"-":                       "'-",
		"197503012010012001":      "197503012010012001",
		"3204100103750001":        "3204100103750001",
		"Siti = Kepala":           "Siti = Kepala",
	} {
		if got := CSVCell(in); got != want {
			t.Errorf("CSVCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStaffCSVNeutralisesFormulaNames(t *testing.T) {
	t.Parallel()
	rows := []data.StaffRow{{NIP: "197503012010012001", Name: "=cmd|' /C calc'!A0", Position: "@Kepala", Unit: "-Umum"}}
	var buf bytes.Buffer
	if err := WriteStaffCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Join(recs[1], "|")
	for _, want := range []string{"197503012010012001", "'=cmd|' /C calc'!A0", "'@Kepala"} {
		if !strings.Contains(line, want) {
			t.Errorf("row %q lacks %q", line, want)
		}
	}
	for _, cell := range recs[1] {
		if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) && !plainNumber.MatchString(cell) {
			t.Errorf("cell %q starts a formula", cell)
		}
	}
}
