package data

import "strings"

// Row is one row of a table read from a file. Line is its line in the file
// (the spreadsheet row number for XLSX), so messages can say "baris 7"; the
// header is line 1 unless blank lines precede it.
type Row struct {
	Line  int
	Cells []string
}

// Cell returns the trimmed cell at index i, or "" when i is negative or past
// the end of a short (ragged) row.
func (r Row) Cell(i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return strings.TrimSpace(r.Cells[i])
}

// Blank reports whether every cell of the row is empty or white space.
func (r Row) Blank() bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Table is a file's content as text: the header row's cells and the data rows
// below it. It holds no file I/O; export.ReadTable builds it from CSV or XLSX.
type Table struct {
	Header []string
	Rows   []Row
}
