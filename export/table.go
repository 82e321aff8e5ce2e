package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// MaxTableSize is the largest table file ReadTable accepts: 20 MiB, far above
// any kecamatan's staff list, small enough to hold in memory.
const MaxTableSize = 20 << 20

// maxUnzippedXLSX bounds what an XLSX file may expand to when unzipped, so a
// zip bomb is refused instead of filling memory or disk.
const maxUnzippedXLSX = 256 << 20

// Errors of ReadTable, each with the Indonesian message shown to the user.
var (
	ErrTableTooLarge   = errors.New("file terlalu besar: paling besar 20 MiB")
	ErrTableEmpty      = errors.New("file kosong: tidak ada baris judul kolom")
	ErrTableBinary     = errors.New("file ini bukan teks CSV (berisi data biner); pilih file .csv atau .xlsx yang benar")
	ErrTableNotUTF8    = errors.New("file CSV bukan teks UTF-8; di Excel simpan ulang dengan \"Save As\" → \"CSV UTF-8 (Comma delimited)\"")
	ErrTableXLS        = errors.New("format .xls (Excel 97-2003) tidak didukung; di Excel simpan ulang sebagai .xlsx atau CSV")
	ErrTableFormat     = errors.New("jenis file tidak didukung; pilih file .csv, .txt atau .xlsx")
	ErrTableXLSXBroken = errors.New("file XLSX tidak bisa dibaca (rusak atau bukan file Excel)")
)

// ReadTable reads a table from r, choosing the format by the extension of
// name: .csv and .txt are UTF-8 text (a byte-order mark is dropped, the
// delimiter — comma, semicolon or tab — is sniffed from the first line, an
// Excel "sep=;" first line is honoured, quoted fields and rows of uneven
// length are accepted); .xlsx is read from its first sheet with cells as
// displayed text, except that date-formatted cells become DD/MM/YYYY.
//
// The first non-blank row is the header; blank rows are dropped; each Row
// keeps its line in the file (for XLSX, the spreadsheet row number). Files
// over MaxTableSize, empty files, binary junk and CSV that is not UTF-8 are
// refused with the errors above.
func ReadTable(name string, r io.Reader) (data.Table, error) {
	ext := strings.ToLower(filepath.Ext(name))
	switch ext {
	case ".csv", ".txt", ".xlsx":
	case ".xls":
		return data.Table{}, ErrTableXLS
	default:
		return data.Table{}, fmt.Errorf("%q: %w", filepath.Base(name), ErrTableFormat)
	}
	b, err := io.ReadAll(io.LimitReader(r, MaxTableSize+1))
	if err != nil {
		return data.Table{}, fmt.Errorf("membaca %q: %w", filepath.Base(name), err)
	}
	if len(b) > MaxTableSize {
		return data.Table{}, ErrTableTooLarge
	}
	if ext == ".xlsx" {
		return readXLSX(b)
	}
	return readCSV(b)
}

func readCSV(b []byte) (data.Table, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return data.Table{}, ErrTableEmpty
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return data.Table{}, ErrTableBinary
	}
	if !utf8.Valid(b) {
		return data.Table{}, ErrTableNotUTF8
	}
	delim, skipped := excelSepLine(b)
	lineOffset := 0
	if skipped > 0 {
		b, lineOffset = b[skipped:], 1
	} else {
		delim = sniffDelimiter(b)
	}
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = delim
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var lines []data.Row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return data.Table{}, fmt.Errorf("file CSV rusak di baris %d: %w", pe.StartLine+lineOffset, err)
			}
			return data.Table{}, fmt.Errorf("membaca CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		lines = append(lines, data.Row{Line: line + lineOffset, Cells: rec})
	}
	return tableOf(lines)
}

// excelSepLine recognises the "sep=;" first line Excel writes and reads to
// declare a delimiter; it returns the delimiter and the bytes to skip.
func excelSepLine(b []byte) (rune, int) {
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		end = len(b)
	}
	first := strings.TrimRight(string(b[:end]), "\r")
	if len(first) != 5 || !strings.EqualFold(first[:4], "sep=") {
		return 0, 0
	}
	d := rune(first[4])
	if d == '"' || d == '\r' || d == '\n' {
		return 0, 0
	}
	skip := end + 1
	if skip > len(b) {
		skip = len(b)
	}
	return d, skip
}

// sniffDelimiter picks the most frequent of comma, semicolon and tab outside
// quotes on the first line; comma on a tie or when none occurs.
func sniffDelimiter(b []byte) rune {
	counts := map[rune]int{}
	inQuotes := false
	for _, c := range string(b) {
		if c == '"' {
			inQuotes = !inQuotes
			continue
		}
		if inQuotes {
			continue
		}
		if c == '\n' {
			break
		}
		counts[c]++
	}
	best := ','
	for _, d := range []rune{';', '\t'} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// tableOf makes the first non-blank row the header and keeps the non-blank rows after it.
func tableOf(rows []data.Row) (data.Table, error) {
	var t data.Table
	headerFound := false
	for _, r := range rows {
		if r.Blank() {
			continue
		}
		if !headerFound {
			t.Header, headerFound = r.Cells, true
			continue
		}
		t.Rows = append(t.Rows, r)
	}
	if !headerFound {
		return data.Table{}, ErrTableEmpty
	}
	return t, nil
}

func readXLSX(b []byte) (data.Table, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return data.Table{}, ErrTableEmpty
	}
	f, err := excelize.OpenReader(bytes.NewReader(b), excelize.Options{UnzipSizeLimit: maxUnzippedXLSX})
	if err != nil {
		return data.Table{}, fmt.Errorf("%w: %w", ErrTableXLSXBroken, err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return data.Table{}, ErrTableEmpty
	}
	sheet := sheets[0]
	shown, err := f.GetRows(sheet)
	if err != nil {
		return data.Table{}, fmt.Errorf("%w: lembar %q: %w", ErrTableXLSXBroken, sheet, err)
	}
	raw, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return data.Table{}, fmt.Errorf("%w: lembar %q: %w", ErrTableXLSXBroken, sheet, err)
	}
	dates := newDateCells(f, sheet)
	rows := make([]data.Row, 0, len(shown))
	for i, cells := range shown {
		for j, text := range cells {
			if i < len(raw) && j < len(raw[i]) && raw[i][j] != text {
				cells[j] = dates.text(j, i+1, raw[i][j], text)
			}
		}
		rows = append(rows, data.Row{Line: i + 1, Cells: cells})
	}
	return tableOf(rows)
}

// dateCells turns date-formatted numeric cells into DD/MM/YYYY. Excelize
// shows Excel's built-in short date (format 14) month-first, while Excel
// itself shows it in the user's regional order; reading the serial number
// avoids guessing.
type dateCells struct {
	f        *excelize.File
	sheet    string
	date1904 bool
	isDate   map[int]bool // style index → its number format shows a date
}

func newDateCells(f *excelize.File, sheet string) *dateCells {
	props, err := f.GetWorkbookProps()
	d := &dateCells{f: f, sheet: sheet, isDate: map[int]bool{}}
	if err == nil && props.Date1904 != nil {
		d.date1904 = *props.Date1904
	}
	return d
}

// text returns DD/MM/YYYY when the cell at column col (0-based) and row line
// holds a number under a date format, else the displayed text unchanged.
func (d *dateCells) text(col, line int, raw, shown string) string {
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return shown
	}
	cell, err := excelize.CoordinatesToCellName(col+1, line)
	if err != nil {
		return shown
	}
	styleID, err := d.f.GetCellStyle(d.sheet, cell)
	if err != nil {
		return shown
	}
	isDate, known := d.isDate[styleID]
	if !known {
		style, err := d.f.GetStyle(styleID)
		isDate = err == nil && styleShowsDate(style)
		d.isDate[styleID] = isDate
	}
	if !isDate {
		return shown
	}
	t, err := excelize.ExcelDateToTime(serial, d.date1904)
	if err != nil {
		return shown
	}
	return data.DateOf(t).Slash()
}

// builtinDateFormats are Excel's built-in number formats that show a date
// (ECMA-376 §18.8.30 and the East Asian locale formats 27–36 and 50–58).
var builtinDateFormats = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 32: true, 33: true, 34: true, 35: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 55: true, 56: true, 57: true, 58: true}

// styleShowsDate reports whether a style's number format shows a day or a
// year: a built-in date format, or a custom code with d or y outside quoted
// text and [bracketed] sections (m alone may mean minutes).
func styleShowsDate(s *excelize.Style) bool {
	if s.CustomNumFmt == nil {
		return builtinDateFormats[s.NumFmt]
	}
	inQuote, inBracket := false, false
	for _, c := range strings.ToLower(*s.CustomNumFmt) {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == 'd' || c == 'y':
			return true
		}
	}
	return false
}
