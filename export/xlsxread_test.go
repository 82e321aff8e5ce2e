package export

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// handXLSX zips a minimal workbook around sheet (the XML inside <sheetData>),
// with optional shared strings (the <si> items), cell formats (the <xf>
// items of cellXfs, numFmts given separately) and the 1904 date system.
func handXLSX(t testing.TB, sheet, shared, numFmts, xfs string, date1904 bool) []byte {
	t.Helper()
	pr := ""
	if date1904 {
		pr = `<workbookPr date1904="1"/>`
	}
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` + strings.Replace(pr, "<", "<x:", 1) +
			`<x:sheets><x:sheet name="Pegawai" sheetId="1" r:id="rId7"/><x:sheet name="Lain" sheetId="2" r:id="rId8"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/other.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/first.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/styles.xml": `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts>` + numFmts +
			`</numFmts><cellXfs><xf numFmtId="0"/>` + xfs + `</cellXfs></styleSheet>`,
		"xl/sharedStrings.xml":    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` + shared + `</sst>`,
		"xl/worksheets/first.xml": `<?xml version="1.0"?>` + "\n" + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><!-- dibuat tangan --><sheetData>` + sheet + `</sheetData></worksheet>`,
		"xl/worksheets/other.xml": `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>bukan ini</t></is></c></row></sheetData></worksheet>`,
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadTableXLSXCells checks, cell by cell, what an import sees: dates
// stored as real Excel dates (built-in and custom formats, both date
// systems), as text and as bare serial numbers; NIPs stored as text and as
// numbers; and the ways text is stored.
func TestReadTableXLSXCells(t *testing.T) {
	t.Parallel()
	// Styles: 1 built-in 14 (short date), 2 custom "dd mmmm yyyy", 3 "0"
	// (whole number), 4 custom time "h:mm", 5 custom with an escaped d "0\d", 6 built-in 22 (date and time).
	numFmts := `<numFmt numFmtId="164" formatCode="dd mmmm yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/><numFmt numFmtId="166" formatCode="0\d"/>`
	xfs := `<xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="1"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="22"/>`
	shared := `<si><t>Kolom</t></si><si><t>196804111993031009</t></si><si><r><t>Asep </t></r><r><rPr><b/></rPr><t>Saepudin</t></r><rPh><t>ふりがな</t></rPh></si><si><t xml:space="preserve"> 11-04-1968 </t></si><si/><si><t>Baris_x000D_
dua &amp; &#233;</t></si>`
	tests := []struct {
		name     string
		cell     string // the <c> element in row 2, column B
		date1904 bool
		want     string
	}{
		{"date, built-in short format", `<c r="B2" s="1"><v>24939</v></c>`, false, "11/04/1968"},
		{"date, custom long format", `<c r="B2" s="2"><v>27440</v></c>`, false, "15/02/1975"},
		{"date and time, format 22", `<c r="B2" s="6"><v>43832.75</v></c>`, false, "02/01/2020"},
		{"date, 1904 system", `<c r="B2" s="1"><v>23477</v></c>`, true, "11/04/1968"},
		{"date as ISO cell (t=d)", `<c r="B2" t="d"><v>1968-04-11T00:00:00Z</v></c>`, false, "11/04/1968"},
		{"date as text", `<c r="B2" t="s"><v>3</v></c>`, false, " 11-04-1968 "},
		{"date as inline text", `<c r="B2" t="inlineStr"><is><t>11/04/1968</t></is></c>`, false, "11/04/1968"},
		{"serial with no date format stays a number", `<c r="B2"><v>43832</v></c>`, false, "43832"},
		{"serial under a time format stays a number", `<c r="B2" s="4"><v>0.5</v></c>`, false, "0.5"},
		{"escaped d is no date", `<c r="B2" s="5"><v>7</v></c>`, false, "7"},
		{"NIP as text", `<c r="B2" t="s"><v>1</v></c>`, false, "196804111993031009"},
		{"NIP as text with apostrophe (inline)", `<c r="B2" t="inlineStr"><is><t>196804111993031009</t></is></c>`, false, "196804111993031009"},
		{"NIP as a General number (17 digits written)", `<c r="B2"><v>1.9680411199303101E+17</v></c>`, false, "1.96804111993031E+17"},
		{"NIP as a General number (18 digits written)", `<c r="B2"><v>196804111993031009</v></c>`, false, "1.96804111993031E+17"},
		{"NIP as a whole number, Excel's zero fill", `<c r="B2" s="3"><v>196804111993031000</v></c>`, false, "196804111993031000"},
		{"NIK as a number, 16 digits zero filled", `<c r="B2"><v>3204051104680000</v></c>`, false, "3204051104680000"},
		{"decimal", `<c r="B2"><v>12.5</v></c>`, false, "12.5"},
		{"huge number", `<c r="B2"><v>1e300</v></c>`, false, "1E+300"},
		{"tiny number", `<c r="B2"><v>1e-300</v></c>`, false, "1E-300"},
		{"NaN is not a number Excel holds", `<c r="B2" s="1"><v>NaN</v></c>`, false, "NaN"},
		{"serial past 9999 under a date format", `<c r="B2" s="1"><v>99999999999</v></c>`, false, "99999999999"},
		{"negative under a date format", `<c r="B2" s="1"><v>-5</v></c>`, false, "-5"},
		{"last date Excel shows", `<c r="B2" s="1"><v>2958465</v></c>`, false, "31/12/9999"},
		{"rich text joins runs, drops phonetic", `<c r="B2" t="s"><v>2</v></c>`, false, "Asep Saepudin"},
		{"entities and _x000D_", `<c r="B2" t="s"><v>5</v></c>`, false, "Baris\r\ndua & é"},
		{"formula string", `<c r="B2" t="str"><f>A2&amp;"x"</f><v>ax</v></c>`, false, "ax"},
		{"boolean", `<c r="B2" t="b"><v>1</v></c>`, false, "TRUE"},
		{"error value", `<c r="B2" t="e"><v>#N/A</v></c>`, false, "#N/A"},
		{"CDATA text", `<c r="B2" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>`, false, "a<b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sheet := `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c></row>` +
				`<row r="2" spans="1:3"><c r="A2" t="inlineStr"><is><t>a</t></is></c>` + tt.cell + `<c r="C2" t="s"><v>4</v></c></row>`
			got, err := ReadTable("pegawai.xlsx", bytes.NewReader(handXLSX(t, sheet, shared, numFmts, xfs, tt.date1904)))
			if err != nil {
				t.Fatal(err)
			}
			want := []data.Row{{Line: 2, Cells: []string{"a", tt.want}}}
			if !reflect.DeepEqual(got.Rows, want) {
				t.Errorf("rows %+v, want %+v", got.Rows, want)
			}
		})
	}
}

// TestReadTableXLSXExcelizeFile reads what excelize writes the way a user's
// Excel would: dates set as time values under the built-in and a custom
// format, NIPs as text and as a float (excelize writes the float zero-filled
// after 15 digits, as Excel does, which data.ExcelMangled catches).
func TestReadTableXLSXExcelizeFile(t *testing.T) {
	t.Parallel()
	b := xlsxBytes(t, func(f *excelize.File, sheet string) {
		header := []any{"NIP", "Tanggal lahir", "TMT"}
		if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
			t.Fatal(err)
		}
		set(t, f, sheet, "A2", "196804111993031009")
		set(t, f, sheet, "B2", time.Date(1968, time.April, 11, 0, 0, 0, 0, time.UTC))
		set(t, f, sheet, "C2", "01-03-2020")
		set(t, f, sheet, "A3", 196804111993031009.0)
		set(t, f, sheet, "B3", time.Date(2000, time.February, 29, 0, 0, 0, 0, time.UTC))
		set(t, f, sheet, "C3", 43891)
		custom := "d/m/yyyy"
		style, err := f.NewStyle(&excelize.Style{CustomNumFmt: &custom})
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStyle(sheet, "C3", "C3", style); err != nil {
			t.Fatal(err)
		}
		set(t, f, sheet, "A4", "  ")
		set(t, f, sheet, "D5", "x & <y>")
	})
	got, err := ReadTable("pegawai.xlsx", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []data.Row{
		{Line: 2, Cells: []string{"196804111993031009", "11/04/1968", "01-03-2020"}},
		{Line: 3, Cells: []string{"196804111993031000", "29/02/2000", "01/03/2020"}},
		{Line: 5, Cells: []string{"", "", "", "x & <y>"}},
	}
	if !reflect.DeepEqual(got.Header, []string{"NIP", "Tanggal lahir", "TMT"}) || !reflect.DeepEqual(got.Rows, want) {
		t.Errorf("got %q %+v\nwant %+v", got.Header, got.Rows, want)
	}
}

func TestReadTableXLSXBroken(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, sheet string }{
		{"unclosed tag", `<row r="1"><c r="A1" t="s"`},
		{"shared string out of range", `<row r="1"><c r="A1" t="s"><v>99</v></c></row>`},
		{"cell of another row", `<row r="1"><c r="A2"><v>1</v></c></row>`},
		{"cells out of order", `<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>`},
		{"rows out of order", `<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`},
		{"row beyond Excel", `<row r="1048577"><c><v>1</v></c></row>`},
		{"column beyond Excel", `<row r="1"><c r="XFE1"><v>1</v></c></row>`},
		{"bad style", `<row r="1"><c r="A1" s="x"><v>1</v></c></row>`},
		{"DTD", `<!DOCTYPE x [<!ENTITY a "b">]><row r="1"><c r="A1"><v>1</v></c></row>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := ReadTable("a.xlsx", bytes.NewReader(handXLSX(t, tt.sheet, `<si><t>x</t></si>`, "", "", false)))
			if !errors.Is(err, ErrTableXLSXBroken) {
				t.Errorf("err = %v, want ErrTableXLSXBroken", err)
			}
		})
	}
}

func FuzzReadTableXLSXSheet(f *testing.F) {
	f.Add(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>24939</v></c></row>`)
	f.Add(`<row><c t="inlineStr"><is><r><t>a&amp;b</t></r><rPh><t>x</t></rPh></is></c><c/><c t="b"><v>0</v></c></row>`)
	f.Add(`<row r="3"><c r="C3"><v>1.9680411199303101E+17</v></c></row><!-- x --><row r="4"><c r="A4" t="d"><v>2020-01-02</v></c></row>`)
	f.Add(`<row r="1"><c r='A1' t='str'><v><![CDATA[x]]></v></c></row>`)
	f.Fuzz(func(t *testing.T, sheet string) {
		tbl, err := ReadTable("fuzz.xlsx", bytes.NewReader(handXLSX(t, sheet, `<si><t>x</t></si>`, "", `<xf numFmtId="14"/>`, false)))
		if err != nil {
			return
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
