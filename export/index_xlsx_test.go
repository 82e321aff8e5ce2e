package export

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteIndexFile(t *testing.T) {
	t.Parallel()
	entries := []IndexEntry{
		{File: "196804111993031009_DrsAsepSaepudin_2026-Q3.pdf", NIP: "196804111993031009", Name: "Drs. Asep Saepudin",
			Unit: "Seksi Pemerintahan", Period: "Triwulan III 2026", Predikat: "Baik", Signer: "Dedi Hidayat",
			SignedAt: "28 November 2026 pukul 10.15 WIB", DocumentID: "EVK-2026-Q3-196804111993031009-r0", SHA256: "ab12",
			Document: "Evaluasi Kinerja Pegawai"},
		{File: "197001012000031001_Euis_2026-Q3_r1.pdf", NIP: "197001012000031001", Name: "Euis", Revision: 1},
	}
	path := filepath.Join(t.TempDir(), "indeks.xlsx")
	if err := WriteIndexFile(path, entries); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("excelize cannot open the index: %v", err)
	}
	defer f.Close()
	rows, err := f.GetRows(indexSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("rows = %d, want header + 2", len(rows))
	}
	tests := []struct {
		row, col int
		want     string
	}{
		{0, 1, "NIP"},
		{1, 1, "196804111993031009"},
		{1, 7, entries[0].File},
		{1, 8, "Dedi Hidayat"},
		{2, 5, "1"},
		{2, 8, "belum ditandatangani"},
		{0, 12, "Dokumen"},
		{1, 12, "Evaluasi Kinerja Pegawai"},
	}
	for _, tt := range tests {
		if got := rows[tt.row][tt.col]; got != tt.want {
			t.Errorf("row %d col %d = %q, want %q", tt.row, tt.col, got, tt.want)
		}
	}
	if tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*tmp*")); len(tmp) != 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func TestWriteIndexFileMissingFolder(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tidak-ada", "indeks.xlsx")
	if err := WriteIndexFile(path, nil); err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("index exists after a failure: %v", err)
	}
}
