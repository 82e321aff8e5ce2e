package export

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

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
// length are accepted); .xlsx is read from its first sheet in one pass, text
// as written, date-formatted numbers as DD/MM/YYYY and other numbers as
// Excel's General format shows them (see xlsxread.go).
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
