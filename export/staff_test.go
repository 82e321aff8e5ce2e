package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

var exportToday = data.NewDate(2026, time.November, 28)

// sampleStaff returns valid staff of every kind as an import builds them:
// ID 0, a start event, and a leave event for the one who left.
func sampleStaff() []data.Staff {
	d := data.NewDate
	return []data.Staff{
		{NIP: "196804111993031009", NIK: "3204011104680001", Name: "Asep Saepudin", GelarDepan: "Drs. H.", GelarBelakang: "M.Si.",
			Kind: data.KindPNS, Sex: data.SexMale, BirthPlace: "Bandung", BirthDate: d(1968, time.April, 11),
			History: []data.Event{{Kind: data.EventStart, Date: d(2020, time.January, 2), Rank: "IV/a", Position: "Camat", UnitID: 1}}},
		{NIP: "197502152000032001", Name: "Siti Nurhayati, \"Ibu Siti\"", GelarBelakang: "S.E.",
			Kind: data.KindPNS, Sex: data.SexFemale, BirthPlace: "Garut", BirthDate: d(1975, time.February, 15),
			History: []data.Event{{Kind: data.EventStart, Date: d(2015, time.July, 1), Rank: "III/d", Position: "Kepala Subbagian Umum; Kepegawaian", UnitID: 3}}},
		{NIP: "199001012022211001", Name: "Dedi Kurniawan", GelarBelakang: "S.Kom.",
			Kind: data.KindPPPK, Sex: data.SexMale, BirthPlace: "Soreang", BirthDate: d(1990, time.January, 1),
			ContractStart: d(2022, time.March, 1), ContractEnd: d(2027, time.February, 28),
			History: []data.Event{{Kind: data.EventStart, Date: d(2022, time.March, 1), Rank: "IX", Position: "Pranata Komputer Ahli Pertama", UnitID: 5}}},
		{NIP: "199203102024241005", Name: "Rudi Hartono",
			Kind: data.KindPPPKParuhWaktu, Sex: data.SexMale, BirthDate: d(1992, time.March, 10),
			ContractStart: d(2025, time.January, 1), ContractEnd: d(2025, time.December, 31),
			History: []data.Event{{Kind: data.EventStart, Date: d(2025, time.January, 1), Position: "Operator Layanan Operasional", UnitID: 9}}},
		{NIK: "3204015505900003", Name: "Euis Sumiati",
			Kind: data.KindNonASN, Sex: data.SexFemale, BirthDate: d(1990, time.May, 15),
			History: []data.Event{{Kind: data.EventStart, Date: d(2019, time.August, 1), Position: "Pramu Kantor", UnitID: 3}}},
		{NIP: "195901011985031002", Name: "Ujang Sobari",
			Kind: data.KindPNS, Sex: data.SexMale, BirthDate: d(1959, time.January, 1),
			History: []data.Event{
				{Kind: data.EventStart, Date: d(2010, time.January, 4), Rank: "III/c", Position: "Kepala Seksi Pemerintahan", UnitID: 5},
				{Kind: data.EventLeave, Date: d(2017, time.February, 1), Reason: data.LeaveRetireBUP},
			}},
		{NIP: "198512202010012003", Name: "Wulan Sari", MismatchReason: "NIP konversi lama; tanggal lahir sesuai akta",
			Kind: data.KindPNS, Sex: data.SexFemale, BirthDate: d(1985, time.December, 21),
			History: []data.Event{{Kind: data.EventStart, Date: d(2018, time.May, 2), Rank: "III/b", Position: "Pengelola Keuangan", UnitID: 4}}},
	}
}

func sampleRows() []data.StaffRow {
	var rows []data.StaffRow
	for _, s := range sampleStaff() {
		rows = append(rows, data.StaffRowOf(s, data.DefaultUnits()))
	}
	return rows
}

func TestExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	writers := []struct {
		file  string
		write func(w *bytes.Buffer, rows []data.StaffRow) error
	}{
		{"pegawai.csv", func(w *bytes.Buffer, rows []data.StaffRow) error { return WriteStaffCSV(w, rows) }},
		{"pegawai.xlsx", func(w *bytes.Buffer, rows []data.StaffRow) error { return WriteStaffXLSX(w, rows) }},
	}
	for _, wr := range writers {
		t.Run(wr.file, func(t *testing.T) {
			var buf bytes.Buffer
			if err := wr.write(&buf, sampleRows()); err != nil {
				t.Fatal(err)
			}
			tbl, err := ReadTable(wr.file, &buf)
			if err != nil {
				t.Fatal(err)
			}
			m := data.GuessMapping(tbl.Header)
			if err := data.ValidateMapping(m); err != nil {
				t.Fatal(err)
			}
			res := data.ParseStaffImport(tbl, m, data.DefaultUnits(), nil, exportToday)
			if len(res.Rejected) > 0 {
				t.Fatalf("rejected: %v", res.Rejected)
			}
			if want := sampleStaff(); !reflect.DeepEqual(res.Accepted, want) {
				t.Errorf("round trip:\n%+v\nwant\n%+v", res.Accepted, want)
			}
		})
	}
}

func TestWriteStaffCSV(t *testing.T) {
	t.Parallel()
	rows := sampleRows()[:1]
	rows[0].NIP = "19680411 199303 1 009"
	var buf bytes.Buffer
	if err := WriteStaffCSV(&buf, rows); err != nil {
		t.Fatal(err)
	}
	text := buf.String()
	want := "\uFEFFNIP,NIK,Nama,Gelar depan,Gelar belakang,Jenis pegawai,Jenis kelamin,Tempat lahir,Tanggal lahir," +
		"Golongan,Jabatan,Unit kerja,TMT di kantor ini,Awal kontrak,Akhir kontrak,Status,Alasan keluar,Tanggal keluar,Alasan NIP berbeda\r\n" +
		"196804111993031009,3204011104680001,Asep Saepudin,Drs. H.,M.Si.,PNS,L,Bandung,11/04/1968," +
		"IV/a,Camat,Pimpinan Kecamatan,02/01/2020,,,Aktif,,,\r\n"
	if text != want {
		t.Errorf("CSV =\n%q\nwant\n%q", text, want)
	}
}

func TestWriteStaffXLSX(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteStaffXLSX(&buf, sampleRows()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"Pegawai"}) {
		t.Errorf("sheets = %q", got)
	}
	rows, err := f.GetRows("Pegawai")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rows[0], data.StaffHeaders()) || len(rows) != len(sampleRows())+1 {
		t.Errorf("header %q, %d rows", rows[0], len(rows))
	}
	for _, cell := range []string{"A2", "B2", "A6", "B5"} {
		typ, err := f.GetCellType("Pegawai", cell)
		if err != nil {
			t.Fatal(err)
		}
		if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s has type %v, want text", cell, typ)
		}
		styleID, err := f.GetCellStyle("Pegawai", cell)
		if err != nil {
			t.Fatal(err)
		}
		style, err := f.GetStyle(styleID)
		if err != nil {
			t.Fatal(err)
		}
		if style.NumFmt != xlsxTextFormat {
			t.Errorf("%s number format %d, want Text (49)", cell, style.NumFmt)
		}
	}
	if v, _ := f.GetCellValue("Pegawai", "A2"); v != "196804111993031009" {
		t.Errorf("A2 = %q", v)
	}
	headerStyle, _ := f.GetCellStyle("Pegawai", "C1")
	if style, err := f.GetStyle(headerStyle); err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header not bold: %+v, %v", style, err)
	}
	panes, err := f.GetPanes("Pegawai")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	nipWidth, _ := f.GetColWidth("Pegawai", "A")
	jabatanWidth, _ := f.GetColWidth("Pegawai", "K")
	if nipWidth < 18 || jabatanWidth < float64(len("Kepala Subbagian Umum; Kepegawaian")) || jabatanWidth > maxColumnWidth+2 {
		t.Errorf("widths: NIP %.1f, Jabatan %.1f", nipWidth, jabatanWidth)
	}
}

func TestWriteStaffXLSXEmpty(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := WriteStaffXLSX(&buf, nil); err != nil {
		t.Fatal(err)
	}
	tbl, err := ReadTable("kosong.xlsx", &buf)
	if err != nil || !reflect.DeepEqual(tbl.Header, data.StaffHeaders()) || len(tbl.Rows) != 0 {
		t.Errorf("empty export read back as %+v, %v", tbl, err)
	}
}

func TestWriteStaffFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{"pegawai.csv", "PEGAWAI.XLSX"} {
		path := filepath.Join(dir, name)
		if err := WriteStaffFile(path, sampleRows()); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		tbl, err := ReadTable(name, f)
		f.Close()
		if err != nil || len(tbl.Rows) != len(sampleRows()) {
			t.Errorf("%s read back: %d rows, %v", name, len(tbl.Rows), err)
		}
	}
	err := WriteStaffFile(filepath.Join(dir, "pegawai.pdf"), sampleRows())
	if err == nil || !strings.Contains(err.Error(), ".xlsx atau .csv") {
		t.Errorf("pdf: err = %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(dir, "pegawai.pdf")); !os.IsNotExist(statErr) {
		t.Error("a file was written for an unsupported extension")
	}
}
