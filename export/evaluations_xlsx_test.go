package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

func TestWriteEvaluationsXLSX(t *testing.T) {
	t.Parallel()
	q3, _ := data.ParsePeriodID("2026-Q3")
	e := data.Evaluation{PeriodID: q3.ID, StaffID: 1, State: data.EvalFinal, Revision: 1, WorkRating: data.RatingDiAtas,
		BehaviorRating: data.RatingDiBawah, Rows: []data.Realisasi{{Realisasi: "130 surat", UmpanBalik: "Baik sekali"}}}
	e = e.Normalize()
	b := EvaluationWorkbook{Period: q3, Records: []EvaluationRecord{
		{
			Employee:   data.Identity{Name: "Euis Rahayu, S.Sos.", NIP: "19800101 200501 2 003", Position: "Pengadministrasi Perkantoran", Unit: "Seksi Pemerintahan"},
			Rater:      data.Identity{Name: "Dedi Hidayat", NIP: "197001012000031001"},
			Evaluation: e,
			HasilKerja: []data.HasilKerja{
				{Kind: data.HasilUtama, RHKPimpinan: "Layanan prima", RHK: "Surat terselesaikan", Aspek: data.AspekKuantitas, IKI: "Jumlah surat", Target: "120 surat"},
				{Kind: data.HasilTambahan, RHK: "Arsip tertata", IKI: "Waktu cari", Target: "5 menit"},
			},
		},
		{Employee: data.Identity{Name: "Tanpa SKP", NIP: "198001012005011004"}, Evaluation: data.Evaluation{State: data.EvalDraft}},
	}}
	var buf bytes.Buffer
	if err := WriteEvaluationsXLSX(&buf, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != EvaluationSheet || got[1] != HasilKerjaSheet {
		t.Fatalf("sheets = %v", got)
	}
	ev, _ := f.GetRows(EvaluationSheet)
	if len(ev) != 3 {
		t.Fatalf("Penilaian has %d rows, want header + 2", len(ev))
	}
	want := []string{"198001012005012003", "Euis Rahayu, S.Sos.", "Pengadministrasi Perkantoran", "Seksi Pemerintahan", "Triwulan III 2026",
		"Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct", "Ditetapkan", "1", "197001012000031001", "Dedi Hidayat"}
	for i, w := range want {
		if ev[1][i] != w {
			t.Errorf("Penilaian %s = %q, want %q", evaluationHeader[i], ev[1][i], w)
		}
	}
	hk, _ := f.GetRows(HasilKerjaSheet)
	if len(hk) != 4 {
		t.Fatalf("Hasil Kerja has %d rows, want header + 2 + 1", len(hk))
	}
	if hk[1][6] != "Surat terselesaikan" || hk[1][10] != "130 surat" || hk[1][14] != "Kurang/Misconduct" || hk[1][15] != "197001012000031001" {
		t.Errorf("first hasil kerja row = %q", hk[1])
	}
	at := func(row []string, i int) string { // GetRows drops trailing empty cells
		if i < len(row) {
			return row[i]
		}
		return ""
	}
	if at(hk[2], 6) != "Arsip tertata" || at(hk[2], 10) != "" || at(hk[3], 1) != "Tanpa SKP" || at(hk[3], 6) != "" {
		t.Errorf("rows 2–3 = %q / %q", hk[2], hk[3])
	}
	cell, _ := f.GetCellType(EvaluationSheet, "A2")
	if cell == excelize.CellTypeNumber {
		t.Error("NIP stored as a number")
	}
	path := filepath.Join(t.TempDir(), "penilaian.xlsx")
	if err := WriteEvaluationsFile(path, b); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	g.Close()
}
