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
	e.PerilakuFeedback[1] = "Selalu tepat waktu"
	b := EvaluationWorkbook{Period: q3, Capaian: data.CapaianBaik, Records: []EvaluationRecord{
		{
			Employee:   data.Identity{Name: "Euis Rahayu, S.Sos.", NIP: "19800101 200501 2 003", Rank: "Penata Muda (III/a)", Position: "Pengadministrasi Perkantoran", Unit: "Seksi Pemerintahan"},
			Rater:      data.Identity{Name: "Dedi Hidayat", NIP: "197001012000031001"},
			Atasan:     data.Identity{Name: "Dr. H. Cakra Amiwijaya, M.Si.", NIP: "19680101 199003 1 001"},
			Ekspektasi: [7]string{1: "Hadir sebelum pukul 07.30"},
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
	if got := f.GetSheetList(); len(got) != 3 || got[0] != EvaluationSheet || got[1] != HasilKerjaSheet || got[2] != PerilakuSheet {
		t.Fatalf("sheets = %v", got)
	}
	ev, _ := f.GetRows(EvaluationSheet)
	if len(ev) != 3 {
		t.Fatalf("Penilaian has %d rows, want header + 2", len(ev))
	}
	want := []string{"198001012005012003", "Euis Rahayu, S.Sos.", "Pengadministrasi Perkantoran", "Seksi Pemerintahan", "Triwulan III 2026",
		"Di Atas Ekspektasi", "Di Bawah Ekspektasi", "Kurang/Misconduct", "Ditetapkan", "1", "197001012000031001", "Dedi Hidayat"}
	want = append(want, "", "Penata Muda (III/a)", "01/07/2026", "30/09/2026", "Baik", "196801011990031001", "Dr. H. Cakra Amiwijaya, M.Si.")
	for i, w := range want {
		if i == 12 {
			continue // catatan, empty here
		}
		if i >= len(ev[1]) || ev[1][i] != w {
			t.Errorf("Penilaian %s = %q, want %q", evaluationHeader[i], ev[1], w)
		}
	}
	if typ, _ := f.GetCellType(EvaluationSheet, "R2"); typ == excelize.CellTypeNumber {
		t.Error("NIP of the atasan stored as a number")
	}
	pk, _ := f.GetRows(PerilakuSheet)
	if len(pk) != 1+2*7 || pk[2][3] != "Akuntabel" || pk[2][4] != "Hadir sebelum pukul 07.30" || pk[2][5] != "Selalu tepat waktu" {
		t.Errorf("Perilaku Kerja rows: %d, second %q", len(pk), pk[2])
	}
	hk, _ := f.GetRows(HasilKerjaSheet)
	if len(hk) != 4 {
		t.Fatalf("Hasil Kerja has %d rows, want header + 2 + 1", len(hk))
	}
	if hk[1][6] != "Surat terselesaikan" || hk[1][10] != "130 surat" || hk[1][14] != "Kurang/Misconduct" || hk[1][15] != "197001012000031001" ||
		hk[1][16] != "120" || hk[1][17] != "surat" {
		t.Errorf("first hasil kerja row = %q", hk[1])
	}
	if typ, _ := f.GetCellType(HasilKerjaSheet, "Q2"); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Error("target number stored as text")
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
