package export

import (
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// AttendanceLine is one staff member's line of a monthly attendance recap.
type AttendanceLine struct {
	NIP   string
	Name  string
	Kind  string // the staff kind as `staff list` prints it (PNS, CPNS, PPPK, ...)
	Unit  string
	Recap data.RecapRow
	// TPP is the rekap potongan TPP (TPP.Percent is the cut); nil for staff
	// who receive no TPP: "—" on the recap, left out of the TPP sheet.
	TPP *data.TPPDetail
}

// AttendanceUnit is the recap summed over one unit's staff.
type AttendanceUnit struct {
	Unit  string
	Recap data.RecapRow
}

// AttendanceRecap is one month's recap for the office: the lines ordered by
// unit (each unit's lines together, in the order of Units), the unit totals
// and the office total, and the TPP bands behind each line's TPP detail.
type AttendanceRecap struct {
	Year   int
	Month  time.Month
	Rules  data.TPPRules
	Lines  []AttendanceLine
	Units  []AttendanceUnit
	Office data.RecapRow
	// Codes are the attendance codes in force, listed on the legend sheet
	// (AttendanceLegendSheet); the workbook's legend takes the codes of every
	// month, each code once.
	Codes data.Codes
}

// AttendanceLegendSheet is the name of the workbook's legend sheet: each
// code with its label and category, as the keterangan of the PDF recap.
const AttendanceLegendSheet = "Keterangan kode"

// AttendanceSheetNames returns the names of a month's two sheets:
// "Rekap November 2026" and "TPP November 2026".
func AttendanceSheetNames(year int, month time.Month) (recap, tpp string) {
	suffix := fmt.Sprintf("%s %d", data.MonthNames[month-1], year)
	return "Rekap " + suffix, "TPP " + suffix
}

// WriteAttendanceXLSX writes the recaps as one workbook with, for each
// month, a sheet of the rekap kehadiran (per person, per unit, office total;
// an office's own codes summed in "Kode lain") and a sheet of the rekap
// potongan TPP (TK days, days per TL and PSW band, cut in percent), then the
// legend sheet when the recaps carry their codes. Counts are numbers, NIPs
// text.
func WriteAttendanceXLSX(w io.Writer, recaps []AttendanceRecap) error {
	if len(recaps) == 0 {
		return fmt.Errorf("membuat XLSX: tidak ada bulan untuk diekspor")
	}
	f := excelize.NewFile()
	defer f.Close()
	first := f.GetSheetName(0)
	for i, r := range recaps {
		if r.Month < time.January || r.Month > time.December {
			return fmt.Errorf("membuat XLSX: bulan %d tidak sah", r.Month)
		}
		recapName, tppName := AttendanceSheetNames(r.Year, r.Month)
		if i == 0 {
			if err := f.SetSheetName(first, recapName); err != nil {
				return fmt.Errorf("membuat XLSX: %w", err)
			}
		} else if _, err := f.NewSheet(recapName); err != nil {
			return fmt.Errorf("membuat XLSX: %w", err)
		}
		if _, err := f.NewSheet(tppName); err != nil {
			return fmt.Errorf("membuat XLSX: %w", err)
		}
		if err := fillSheet(f, recapName, recapHeader(), recapRows(r)); err != nil {
			return fmt.Errorf("membuat XLSX %s: %w", recapName, err)
		}
		if err := fillSheet(f, tppName, tppHeader(r.Rules), tppRows(r)); err != nil {
			return fmt.Errorf("membuat XLSX %s: %w", tppName, err)
		}
	}
	if legend := legendRows(recaps); len(legend) > 0 {
		if _, err := f.NewSheet(AttendanceLegendSheet); err != nil {
			return fmt.Errorf("membuat XLSX: %w", err)
		}
		if err := fillSheet(f, AttendanceLegendSheet, []string{"Kode", "Keterangan", "Kategori", "Kolom rekap"}, legend); err != nil {
			return fmt.Errorf("membuat XLSX %s: %w", AttendanceLegendSheet, err)
		}
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

// WriteAttendanceXLSXFile writes the workbook to path atomically.
func WriteAttendanceXLSXFile(path string, recaps []AttendanceRecap) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return WriteAttendanceXLSX(w, recaps) })
}

func recapHeader() []string {
	return []string{"No", "NIP/NIK", "Nama", "Jenis", "Unit kerja", "Hari kerja", "Hadir", "Hadir (%)", "H — Hadir",
		"TL — Terlambat (kali)", "TL — Terlambat (menit)", "PSW — Pulang Sebelum Waktunya (kali)", "PSW — Pulang Sebelum Waktunya (menit)",
		"DL — Dinas Luar", "FWA", "TB — Tugas Belajar", "S — Sakit", "I — Izin",
		"CT", "CB", "CS", "CM", "CAP", "CLTN", "Cuti", "TK — Tanpa Keterangan", "Belum diisi", "Kode lain", "Piket", "Potongan TPP (%)"}
}

func recapCells(r data.RecapRow) []any {
	return []any{r.WorkingDays, r.Present, round2(r.PresentPercent), r.H, r.LateCount, r.LateMinutes, r.EarlyCount, r.EarlyMinutes,
		r.DL, r.FWA, r.TB, r.S, r.I, r.CT, r.CB, r.CS, r.CM, r.CAP, r.CLTN, r.Leave, r.TK, r.NotEntered, otherCodes(r), r.Piket}
}

// otherCodes counts the days coded with an office's own codes (counted by
// their category in Hadir, Cuti and TK; shown here so every day is seen).
func otherCodes(r data.RecapRow) int {
	n := 0
	for _, v := range r.Other {
		n += v
	}
	return n
}

// legendRows lists each code of the recaps once, in the order of the first
// month that has it: code, label, category and the recap column it is
// counted in ("Kode lain" for an office's own codes).
func legendRows(recaps []AttendanceRecap) []sheetRow {
	var rows []sheetRow
	seen := map[string]bool{}
	for _, r := range recaps {
		for _, c := range r.Codes {
			if seen[c.Code] {
				continue
			}
			seen[c.Code] = true
			column := c.Code
			switch {
			case data.IsOfficeCode(c.Code):
				column = "Kode lain"
			case c.Category == data.CategoryNonWorking:
				column = "—"
			}
			rows = append(rows, sheetRow{cells: []any{c.Code, c.Label, c.Category.Label(), column}})
		}
	}
	return rows
}

// tppCut is the cut of a line, "—" for staff who receive no TPP.
func tppCut(t *data.TPPDetail) any {
	if t == nil {
		return "—"
	}
	return t.Percent
}

// sheetRow is one row of a sheet; total rows are bold.
type sheetRow struct {
	cells []any
	total bool
}

// byUnit calls line for each line of r grouped under its unit, then total
// for the unit, then office for the office.
func byUnit(r AttendanceRecap, line func(n int, l AttendanceLine) sheetRow, total func(u AttendanceUnit) sheetRow, office func() sheetRow) []sheetRow {
	var rows []sheetRow
	n := 0
	used := make([]bool, len(r.Lines))
	for _, u := range r.Units {
		for i, l := range r.Lines {
			if l.Unit == u.Unit && !used[i] {
				used[i] = true
				n++
				rows = append(rows, line(n, l))
			}
		}
		rows = append(rows, total(u))
	}
	for i, l := range r.Lines {
		if !used[i] {
			n++
			rows = append(rows, line(n, l))
		}
	}
	return append(rows, office())
}

func recapRows(r AttendanceRecap) []sheetRow {
	return byUnit(r,
		func(n int, l AttendanceLine) sheetRow {
			return sheetRow{cells: append(append([]any{n, l.NIP, l.Name, l.Kind, l.Unit}, recapCells(l.Recap)...), tppCut(l.TPP))}
		},
		func(u AttendanceUnit) sheetRow {
			return sheetRow{cells: append([]any{"", "", "Jumlah " + u.Unit, "", u.Unit}, recapCells(u.Recap)...), total: true}
		},
		func() sheetRow {
			return sheetRow{cells: append([]any{"", "", "Jumlah kantor", "", ""}, recapCells(r.Office)...), total: true}
		})
}

func tppHeader(rules data.TPPRules) []string {
	h := []string{"No", "NIP/NIK", "Nama", "Jenis", "Unit kerja", "TK — Tanpa Keterangan (hari)"}
	for _, b := range rules.Late {
		h = append(h, b.Name+" (hari)")
	}
	for _, b := range rules.Early {
		h = append(h, b.Name+" (hari)")
	}
	return append(h, "Potongan TPP (%)")
}

func tppRows(r AttendanceRecap) []sheetRow {
	var rows []sheetRow
	n := 0
	for _, l := range r.Lines {
		if l.TPP == nil {
			continue // receives no TPP
		}
		n++
		cells := []any{n, l.NIP, l.Name, l.Kind, l.Unit, l.TPP.TK}
		for i := range r.Rules.Late {
			cells = append(cells, at(l.TPP.Late, i))
		}
		for i := range r.Rules.Early {
			cells = append(cells, at(l.TPP.Early, i))
		}
		rows = append(rows, sheetRow{cells: append(cells, l.TPP.Percent)})
	}
	return rows
}

func at(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

func round2(v float64) float64 { return float64(int64(v*100+0.5)) / 100 }

// fillSheet writes a bold frozen header, the rows (totals bold), the NIP
// column as text, and column widths that fit the content.
func fillSheet(f *excelize.File, sheet string, header []string, rows []sheetRow) error {
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: xlsxTextFormat})
	if err != nil {
		return err
	}
	if err := f.SetColStyle(sheet, "B", text); err != nil {
		return err
	}
	widths := make([]int, len(header))
	for i, h := range header {
		widths[i] = utf8.RuneCountInString(h)
	}
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
		return err
	}
	for n, r := range rows {
		for i, c := range r.cells {
			if i < len(widths) {
				widths[i] = max(widths[i], utf8.RuneCountInString(fmt.Sprint(c)))
			}
		}
		start, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, start, &r.cells); err != nil {
			return err
		}
		if r.total {
			end, err := excelize.CoordinatesToCellName(len(header), n+2)
			if err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, start, end, bold); err != nil {
				return err
			}
		}
	}
	for i, wd := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, float64(min(max(wd+2, minColumnWidth), maxColumnWidth))); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
