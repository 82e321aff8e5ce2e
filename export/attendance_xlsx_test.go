package export

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

func sampleAttendance() AttendanceRecap {
	a := data.RecapRow{Staff: 1, WorkingDays: 21, Present: 20, PresentPercent: 95.238, H: 18, TL: 2, LateCount: 2, LateMinutes: 40, TK: 1}
	b := data.RecapRow{Staff: 1, WorkingDays: 21, Present: 21, PresentPercent: 100, H: 21}
	c := data.RecapRow{Staff: 1, WorkingDays: 21, NotEntered: 19, Present: 2, PresentPercent: 9.52, Other: map[string]int{"RPT": 2}}
	unit1, unit2 := data.SumRecaps([]data.RecapRow{a, b}), data.SumRecaps([]data.RecapRow{c})
	return AttendanceRecap{
		Year: 2026, Month: time.November, Rules: data.DefaultTPPRules(),
		Lines: []AttendanceLine{
			{NIP: "196804111993031009", Name: "Asep Saepudin", Kind: "PNS", Unit: "Seksi Pemerintahan", Recap: a,
				TPP: &data.TPPDetail{TK: 1, Late: []int{1, 1, 0, 0}, Early: []int{0, 0, 0, 0}, Percent: 3}},
			{NIP: "197001012010011002", Name: "Dedi Suryana", Kind: "PNS", Unit: "Seksi Pemerintahan", Recap: b, TPP: &data.TPPDetail{}},
			{NIP: "3204101001700003", Name: "Ujang", Kind: "Non-ASN", Unit: "Seksi Pelayanan Umum", Recap: c},
		},
		Units:  []AttendanceUnit{{Unit: "Seksi Pemerintahan", Recap: unit1}, {Unit: "Seksi Pelayanan Umum", Recap: unit2}},
		Office: data.SumRecaps([]data.RecapRow{a, b, c}),
		Codes:  append(data.DefaultCodes(), data.Code{Code: "RPT", Label: "Rapat di kabupaten", Category: data.CategoryPresent}),
	}
}

func TestWriteAttendanceXLSX(t *testing.T) {
	t.Parallel()
	oct := sampleAttendance()
	oct.Month = time.October
	var buf bytes.Buffer
	if err := WriteAttendanceXLSX(&buf, []AttendanceRecap{sampleAttendance(), oct}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := []string{"Rekap November 2026", "TPP November 2026", "Rekap Oktober 2026", "TPP Oktober 2026", "Keterangan kode"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	cells := map[string]string{
		"B2": "196804111993031009", "C2": "Asep Saepudin", "D2": "PNS", "F2": "21", "H2": "95.24", "K2": "40", "AD2": "3",
		"C4": "Jumlah Seksi Pemerintahan", "G4": "41",
		"D5": "Non-ASN", "AB1": "Kode lain", "AB5": "2", "AD5": "—", "AB2": "0",
		"C7": "Jumlah kantor", "F7": "63", "AA7": "19", "AB7": "2", "AC1": "Piket",
	}
	for cell, v := range cells {
		if got, _ := f.GetCellValue("Rekap November 2026", cell); got != v {
			t.Errorf("%s = %q, want %q", cell, got, v)
		}
	}
	if typ, _ := f.GetCellType("Rekap November 2026", "F2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("counts are written as text")
	}
	tpp, _ := f.GetRows("TPP November 2026")
	// Ujang (Non-ASN) receives no TPP and is left out of the TPP sheet.
	if len(tpp) != 3 || tpp[0][6] != "TL1 (hari)" || tpp[1][3] != "PNS" || tpp[1][5] != "1" || tpp[1][14] != "3" {
		t.Fatalf("TPP sheet = %v", tpp)
	}
	// The legend lists each code once (both months carry the same codes),
	// with its label and category, and says where the recap counts it.
	legend, err := f.GetRows("Keterangan kode")
	if err != nil {
		t.Fatal(err)
	}
	if len(legend) != len(sampleAttendance().Codes)+1 || !slices.Equal(legend[0], []string{"Kode", "Keterangan", "Kategori", "Kolom rekap"}) {
		t.Fatalf("legend = %v", legend)
	}
	wantRows := map[string][]string{
		"TL":  {"TL", "Terlambat", "Hadir", "TL"},
		"S":   {"S", "Sakit", "Tidak hadir dengan keterangan", "S"},
		"LIB": {"LIB", "Libur / Cuti Bersama", "Bukan hari kerja", "—"},
		"RPT": {"RPT", "Rapat di kabupaten", "Hadir", "Kode lain"},
	}
	for _, row := range legend[1:] {
		if w, ok := wantRows[row[0]]; ok {
			if !slices.Equal(row, w) {
				t.Errorf("legend row %v, want %v", row, w)
			}
			delete(wantRows, row[0])
		}
	}
	if len(wantRows) != 0 {
		t.Errorf("legend lacks %v", wantRows)
	}
}

func TestWriteAttendanceXLSXRefuses(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteAttendanceXLSX(&buf, nil); err == nil {
		t.Error("an empty workbook was written")
	}
	bad := sampleAttendance()
	bad.Month = 13
	if err := WriteAttendanceXLSX(&buf, []AttendanceRecap{bad}); err == nil {
		t.Error("month 13 was written")
	}
	path := filepath.Join(t.TempDir(), "rekap.xlsx")
	if err := WriteAttendanceXLSXFile(path, []AttendanceRecap{sampleAttendance()}); err != nil {
		t.Fatal(err)
	}
}
