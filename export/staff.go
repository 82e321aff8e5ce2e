package export

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// staffSheet is the name of the one sheet of a staff XLSX file.
const staffSheet = "Pegawai"

// Column widths of the staff XLSX, in characters.
const (
	minColumnWidth = 8
	maxColumnWidth = 45
)

// xlsxTextFormat is Excel's built-in "@" (Text) number format: a cell in it
// keeps what is typed as text, so a NIP is never turned into a number.
const xlsxTextFormat = 49

// WriteStaffFile writes rows to path as XLSX or CSV by its extension (.xlsx
// or .csv, any case), atomically (see WriteFileAtomic).
func WriteStaffFile(path string, rows []data.StaffRow) error {
	return WriteStaffFileGuarded(path, nil, rows)
}

// WriteStaffFileGuarded is WriteStaffFile asking guard first (see
// WriteFileAtomicGuarded).
func WriteStaffFileGuarded(path string, guard Guard, rows []data.StaffRow) error {
	if err := CheckStaffFileName(path); err != nil {
		return err
	}
	return WriteFileAtomicGuarded(path, guard, StaffWriter(path, rows))
}

// CheckStaffFileName refuses a staff export name not ending in .xlsx or .csv.
func CheckStaffFileName(path string) error {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".csv":
		return nil
	}
	return fmt.Errorf("%q: nama file harus berakhiran .xlsx atau .csv", filepath.Base(path))
}

// StaffWriter returns the writer of rows in the format path's extension
// names: CSV for .csv, XLSX otherwise (check the name with
// CheckStaffFileName first).
func StaffWriter(path string, rows []data.StaffRow) func(io.Writer) error {
	if strings.ToLower(filepath.Ext(path)) == ".csv" {
		return func(w io.Writer) error { return WriteStaffCSV(w, rows) }
	}
	return func(w io.Writer) error { return WriteStaffXLSX(w, rows) }
}

// WriteStaffCSV writes rows as CSV the way Excel opens it cleanly: UTF-8 with
// a byte-order mark, commas, CRLF line ends, the StaffColumns headers first,
// NIP and NIK as bare digits, and every cell a spreadsheet could take for a
// formula neutralised (CSVCell).
func WriteStaffCSV(w io.Writer, rows []data.StaffRow) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	cw := NewCSVWriter(w)
	if err := cw.Write(data.StaffHeaders()); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	for _, r := range rows {
		if err := cw.Write(bareIDs(r).Cells()); err != nil {
			return fmt.Errorf("menulis CSV: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	return nil
}

// bareIDs returns r with NIP and NIK stripped of grouping spaces, dots and dashes.
func bareIDs(r data.StaffRow) data.StaffRow {
	r.NIP, r.NIK = data.NormalizeNIP(r.NIP), data.NormalizeNIP(r.NIK)
	return r
}

// WriteStaffXLSX writes rows as an XLSX workbook with one sheet, "Pegawai":
// a bold header of StaffColumns headers, frozen and with a filter, every cell
// as text, the NIP and NIK columns formatted as Text so Excel never turns a
// NIP into a number, and columns wide enough for their content.
func WriteStaffXLSX(w io.Writer, rows []data.StaffRow) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := fillStaffSheet(f, rows); err != nil {
		return fmt.Errorf("membuat XLSX: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

func fillStaffSheet(f *excelize.File, rows []data.StaffRow) error {
	if err := f.SetSheetName(f.GetSheetName(0), staffSheet); err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: xlsxTextFormat})
	if err != nil {
		return err
	}
	headerStyle, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center"},
		NumFmt:    xlsxTextFormat,
	})
	if err != nil {
		return err
	}
	header := data.StaffHeaders()
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h)
	}
	for i, c := range data.StaffColumns {
		if c.Key != data.ColNIP && c.Key != data.ColNIK {
			continue
		}
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColStyle(staffSheet, col, textStyle); err != nil {
			return err
		}
	}
	if err := f.SetSheetRow(staffSheet, "A1", &header); err != nil {
		return err
	}
	for n, r := range rows {
		cells := bareIDs(r).Cells()
		values := make([]any, len(cells))
		for i, c := range cells {
			values[i] = c
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(staffSheet, cell, &values); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(staffSheet, "A1", last, headerStyle); err != nil {
		return err
	}
	for i, wd := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(staffSheet, col, col, float64(min(max(wd, minColumnWidth), maxColumnWidth)+2)); err != nil {
			return err
		}
	}
	lastData, err := excelize.CoordinatesToCellName(len(header), len(rows)+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(staffSheet, "A1:"+lastData, nil); err != nil {
		return err
	}
	return f.SetPanes(staffSheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
