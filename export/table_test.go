package export

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

func TestReadTableCSV(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		text   string
		header []string
		rows   []data.Row
	}{
		{"comma", "NIP,Nama\n1,Asep\n2,Siti\n", []string{"NIP", "Nama"},
			[]data.Row{{Line: 2, Cells: []string{"1", "Asep"}}, {Line: 3, Cells: []string{"2", "Siti"}}}},
		{"semicolon from Indonesian Excel", "NIP;Nama;Jabatan\n1;Asep, S.E.;Camat\n", []string{"NIP", "Nama", "Jabatan"},
			[]data.Row{{Line: 2, Cells: []string{"1", "Asep, S.E.", "Camat"}}}},
		{"tab", "NIP\tNama\n1\tAsep\n", []string{"NIP", "Nama"}, []data.Row{{Line: 2, Cells: []string{"1", "Asep"}}}},
		{"BOM and CRLF", "\uFEFFNIP,Nama\r\n1,Asep\r\n", []string{"NIP", "Nama"}, []data.Row{{Line: 2, Cells: []string{"1", "Asep"}}}},
		{"Excel sep line", "sep=;\r\nNIP;Nama\r\n1;Asep, S.E.\r\n", []string{"NIP", "Nama"},
			[]data.Row{{Line: 3, Cells: []string{"1", "Asep, S.E."}}}},
		{"quoted comma in semicolon header", "\"Nama, gelar\";NIP\nA;1\n", []string{"Nama, gelar", "NIP"},
			[]data.Row{{Line: 2, Cells: []string{"A", "1"}}}},
		{"quoted newline keeps line numbers", "Nama,Alamat\nA,\"Jl. Satu\nSoreang\"\nB,x\n", []string{"Nama", "Alamat"},
			[]data.Row{{Line: 2, Cells: []string{"A", "Jl. Satu\nSoreang"}}, {Line: 4, Cells: []string{"B", "x"}}}},
		{"ragged rows", "A,B,C\n1\n1,2,3,4\n", []string{"A", "B", "C"},
			[]data.Row{{Line: 2, Cells: []string{"1"}}, {Line: 3, Cells: []string{"1", "2", "3", "4"}}}},
		{"blank lines dropped", "\n\nA,B\n,\n1,2\n\n", []string{"A", "B"}, []data.Row{{Line: 5, Cells: []string{"1", "2"}}}},
		{"stray quote tolerated", "Nama,Jabatan\nAsep \"Ujang\" S,Camat\n", []string{"Nama", "Jabatan"},
			[]data.Row{{Line: 2, Cells: []string{"Asep \"Ujang\" S", "Camat"}}}},
		{"header only", "NIP,Nama", []string{"NIP", "Nama"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadTable("pegawai.csv", strings.NewReader(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got.Header, tt.header) || !reflect.DeepEqual(got.Rows, tt.rows) {
				t.Errorf("got %q %+v\nwant %q %+v", got.Header, got.Rows, tt.header, tt.rows)
			}
		})
	}
}

func TestReadTableRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, file string
		content    []byte
		want       error
	}{
		{"empty", "a.csv", nil, ErrTableEmpty},
		{"only BOM and spaces", "a.csv", []byte("\uFEFF \r\n\t\n"), ErrTableEmpty},
		{"only separators", "a.csv", []byte(";;;\n;;\n"), ErrTableEmpty},
		{"NUL bytes", "a.csv", []byte("NIP,Nama\n1,\x00\x00\x01"), ErrTableBinary},
		{"a zip renamed .csv", "a.csv", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), ErrTableBinary},
		{"Windows-1252", "a.txt", []byte("Nama\nJos\xe9\n"), ErrTableNotUTF8},
		{"old Excel", "a.XLS", []byte("whatever"), ErrTableXLS},
		{"unknown extension", "a.pdf", []byte("%PDF-1.4"), ErrTableFormat},
		{"no extension", "pegawai", []byte("a,b"), ErrTableFormat},
		{"junk xlsx", "a.xlsx", []byte("this is not a zip file at all"), ErrTableXLSXBroken},
		{"empty xlsx", "a.xlsx", nil, ErrTableEmpty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTable(tt.file, bytes.NewReader(tt.content))
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadTableTooLarge(t *testing.T) {
	t.Parallel()
	line := []byte(strings.Repeat("a", 1021) + ",b\n") // 1 KiB
	big := bytes.Repeat(line, MaxTableSize/len(line)+1)
	if _, err := ReadTable("big.csv", bytes.NewReader(big)); !errors.Is(err, ErrTableTooLarge) {
		t.Errorf("err = %v, want ErrTableTooLarge", err)
	}
	if _, err := ReadTable("big.xlsx", bytes.NewReader(big)); !errors.Is(err, ErrTableTooLarge) {
		t.Errorf("xlsx err = %v, want ErrTableTooLarge", err)
	}
	exact := big[:MaxTableSize]
	tbl, err := ReadTable("exact.csv", bytes.NewReader(exact))
	if err != nil || len(tbl.Rows) != MaxTableSize/len(line)-1 {
		t.Errorf("a file of exactly 20 MiB: %d rows, err %v", len(tbl.Rows), err)
	}
}

// xlsxBytes builds an XLSX with excelize; fill sets up its first sheet.
func xlsxBytes(t testing.TB, fill func(f *excelize.File, sheet string)) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	fill(f, f.GetSheetName(0))
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func set(t testing.TB, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

func TestReadTableXLSX(t *testing.T) {
	t.Parallel()
	b := xlsxBytes(t, func(f *excelize.File, sheet string) {
		set(t, f, sheet, "A2", "NIP")
		set(t, f, sheet, "B2", "Nama")
		set(t, f, sheet, "C2", "Tanggal lahir")
		set(t, f, sheet, "D2", "TMT")
		set(t, f, sheet, "E2", "Masa kerja")
		set(t, f, sheet, "A3", "196804111993031009")
		set(t, f, sheet, "B3", "Asep")
		set(t, f, sheet, "C3", time.Date(1968, time.April, 11, 0, 0, 0, 0, time.UTC))
		set(t, f, sheet, "D3", "02/01/2020")
		set(t, f, sheet, "E3", 12.5)
		set(t, f, sheet, "B6", "Siti")
		set(t, f, sheet, "C6", time.Date(1975, time.February, 15, 0, 0, 0, 0, time.UTC))
		custom := "dd mmmm yyyy"
		style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheet, "C6", "C6", style); err != nil {
			t.Fatal(err)
		}
		set(t, f, sheet, "D6", 43832) // 2 January 2020 as a serial with no date format: a plain number
		if _, err := f.NewSheet("Lain"); err != nil {
			t.Fatal(err)
		}
		set(t, f, "Lain", "A1", "bukan ini")
	})
	got, err := ReadTable("pegawai.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	wantHeader := []string{"NIP", "Nama", "Tanggal lahir", "TMT", "Masa kerja"}
	wantRows := []data.Row{
		{Line: 3, Cells: []string{"196804111993031009", "Asep", "11/04/1968", "02/01/2020", "12.5"}},
		{Line: 6, Cells: []string{"", "Siti", "15/02/1975", "43832"}},
	}
	if !reflect.DeepEqual(got.Header, wantHeader) || !reflect.DeepEqual(got.Rows, wantRows) {
		t.Errorf("got %q %+v\nwant %q %+v", got.Header, got.Rows, wantHeader, wantRows)
	}
}

func TestReadTableXLSXNumericNIPIsRefusedOnImport(t *testing.T) {
	t.Parallel()
	b := xlsxBytes(t, func(f *excelize.File, sheet string) {
		header := data.StaffHeaders()
		if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
			t.Fatal(err)
		}
		row := sampleRows()[0].Cells()
		values := make([]any, len(row))
		for i, c := range row {
			values[i] = c
		}
		values[0] = 196804111993031009.0 // typed into a General cell, Excel stores a float
		if err := f.SetSheetRow(sheet, "A2", &values); err != nil {
			t.Fatal(err)
		}
	})
	tbl, err := ReadTable("pegawai.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	res := data.ParseStaffImport(tbl, data.GuessMapping(tbl.Header), data.DefaultUnits(), nil, exportToday)
	if len(res.Accepted) != 0 || len(res.Rejected) != 1 || !strings.Contains(res.Rejected[0].Reason, "telah diubah Excel") {
		t.Errorf("cell %q: accepted %d, rejected %v", tbl.Rows[0].Cells[0], len(res.Accepted), res.Rejected)
	}
}

func TestReadTable10MBCSV(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF" + strings.Join(data.StaffHeaders(), ";") + "\r\n")
	base := sampleRows()[0]
	n := 0
	for buf.Len() < 10<<20 {
		r := base
		r.Name = fmt.Sprintf("Pegawai %d", n)
		r.NIP = fmt.Sprintf("19680411199303%d%03d", 1+n/999%2, 1+n%999)
		r.Sex = []string{"L", "P"}[n/999%2]
		r.BirthDate = "11/04/1968"
		buf.WriteString(strings.Join(r.Cells(), ";") + "\r\n")
		n++
	}
	tbl, err := ReadTable("besar.csv", &buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(tbl.Rows) != n || tbl.Rows[n-1].Line != n+1 {
		t.Fatalf("rows %d (last line %d), want %d", len(tbl.Rows), tbl.Rows[len(tbl.Rows)-1].Line, n)
	}
	res := data.ParseStaffImport(tbl, data.GuessMapping(tbl.Header), data.DefaultUnits(), nil, exportToday)
	// 1998 distinct NIPs repeat through the file, so every row past them is a duplicate.
	if n < 2*1998 {
		t.Fatalf("only %d rows generated", n)
	}
	if len(res.Accepted) != 0 || len(res.Rejected) != n {
		t.Errorf("accepted %d, rejected %d of %d", len(res.Accepted), len(res.Rejected), n)
	}
	if !strings.Contains(res.Rejected[0].Reason, "juga tertulis di baris") {
		t.Errorf("first reason %q", res.Rejected[0].Reason)
	}
}

func BenchmarkReadTableCSV2000(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteStaffCSV(&buf, slices.Repeat(sampleRows(), 2000/len(sampleRows())+1)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadTable("pegawai.csv", bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadTableXLSX2000(b *testing.B) {
	var buf bytes.Buffer
	if err := WriteStaffXLSX(&buf, slices.Repeat(sampleRows(), 2000/len(sampleRows())+1)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ReadTable("pegawai.xlsx", bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzReadTableCSV(f *testing.F) {
	f.Add([]byte("NIP,Nama\n196804111993031009,Asep\n"))
	f.Add([]byte("\uFEFFNIP;Nama\r\n1;\"a;b\"\r\n"))
	f.Add([]byte("sep=\t\nA\tB\n"))
	f.Add([]byte("sep=\""))
	f.Add([]byte("\"unterminated,\n\"\"x"))
	f.Add([]byte("\n\n\r\n"))
	f.Add([]byte("a\x00b"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tbl, err := ReadTable("fuzz.csv", bytes.NewReader(b))
		if err != nil {
			return
		}
		if len(tbl.Header) == 0 {
			t.Fatal("table without header")
		}
		last := 0
		for _, r := range tbl.Rows {
			if r.Line <= last || r.Blank() {
				t.Fatalf("row %+v after line %d", r, last)
			}
			last = r.Line
		}
	})
}
