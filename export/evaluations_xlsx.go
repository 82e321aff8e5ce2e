package export

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// Sheet names of the evaluation workbook.
const (
	EvaluationSheet = "Penilaian"   // one row per evaluation
	HasilKerjaSheet = "Hasil Kerja" // one row per hasil kerja row of the SKP
)

// EvaluationRecord is one evaluation as the export needs it: the employee's
// identity and the rater's (frozen ones for a final evaluation), the
// evaluation, and the hasil kerja rows of its SKP in the order of
// Evaluation.Rows.
type EvaluationRecord struct {
	Employee   data.Identity
	Rater      data.Identity
	Evaluation data.Evaluation
	HasilKerja []data.HasilKerja
}

// EvaluationWorkbook is the content of an evaluation export: a period and
// its evaluations.
type EvaluationWorkbook struct {
	Period  data.Period
	Records []EvaluationRecord
}

// evaluationHeader is the header of the Penilaian sheet.
var evaluationHeader = []string{"NIP", "Nama", "Jabatan", "Unit Kerja", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja",
	"Predikat Kinerja", "Status", "Revisi", "NIP Pejabat Penilai", "Nama Pejabat Penilai", "Catatan/Rekomendasi"}

// hasilKerjaHeader is the header of the Hasil Kerja sheet.
var hasilKerjaHeader = []string{"NIP", "Nama", "Jabatan", "Unit Kerja", "Jenis", "RHK Pimpinan yang Diintervensi", "RHK", "Aspek",
	"IKI", "Target", "Realisasi", "Umpan Balik", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Predikat Kinerja", "NIP Pejabat Penilai"}

// WriteEvaluationsFile writes the workbook to path atomically (see
// WriteEvaluationsXLSX and WriteFileAtomic).
func WriteEvaluationsFile(path string, b EvaluationWorkbook) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return WriteEvaluationsXLSX(w, b) })
}

// WriteEvaluationsXLSX writes the evaluations of a period for re-entry into
// e-Kinerja in two sheets. "Penilaian" has one row per evaluation (NIP,
// nama, jabatan, unit, periode, the two ratings, predikat, status, revisi,
// NIP and name of the Pejabat Penilai, catatan), because e-Kinerja takes the
// ratings once per employee. "Hasil Kerja" has one row per hasil kerja row
// (NIP, nama, jabatan, unit, jenis, RHK pimpinan, RHK, aspek, IKI, target,
// realisasi, umpan balik, then the ratings, predikat and rater NIP
// repeated), because realisasi is entered per RHK; an evaluation without SKP
// rows gets one row with the hasil kerja columns empty. Ratings and predikat
// are written with their labels ("Di Atas Ekspektasi", "Kurang/Misconduct");
// NIP columns are Text so a NIP never becomes a number.
func WriteEvaluationsXLSX(w io.Writer, b EvaluationWorkbook) error {
	f := excelize.NewFile()
	defer f.Close()
	var perEval, perRow [][]string
	for _, r := range b.Records {
		e := r.Evaluation
		id := []string{data.NormalizeNIP(r.Employee.NIP), r.Employee.Name, r.Employee.Position, r.Employee.Unit}
		ratings := []string{e.WorkRating.Label(), e.BehaviorRating.Label(), e.Predikat.Label()}
		raterNIP := data.NormalizeNIP(r.Rater.NIP)
		perEval = append(perEval, concat(id, []string{b.Period.Label()}, ratings,
			[]string{e.State.Label(), strconv.Itoa(e.Revision), raterNIP, r.Rater.Name, e.Note}))
		n := max(len(r.HasilKerja), 1)
		for i := range n {
			var hk data.HasilKerja
			var re data.Realisasi
			if i < len(r.HasilKerja) {
				hk = r.HasilKerja[i]
			}
			if i < len(e.Rows) {
				re = e.Rows[i]
			}
			perRow = append(perRow, concat(id, []string{hk.Kind.Label(), hk.RHKPimpinan, hk.RHK, hk.Aspek.Label(), hk.IKI, hk.Target,
				re.Realisasi, re.UmpanBalik}, ratings, []string{raterNIP}))
		}
	}
	if err := f.SetSheetName(f.GetSheetName(0), EvaluationSheet); err != nil {
		return fmt.Errorf("membuat XLSX: %w", err)
	}
	if _, err := f.NewSheet(HasilKerjaSheet); err != nil {
		return fmt.Errorf("membuat XLSX: %w", err)
	}
	if err := fillTextSheet(f, EvaluationSheet, evaluationHeader, perEval, []int{0, 10}); err != nil {
		return fmt.Errorf("membuat lembar %s: %w", EvaluationSheet, err)
	}
	if err := fillTextSheet(f, HasilKerjaSheet, hasilKerjaHeader, perRow, []int{0, 15}); err != nil {
		return fmt.Errorf("membuat lembar %s: %w", HasilKerjaSheet, err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("menulis XLSX: %w", err)
	}
	return nil
}

func concat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// fillTextSheet writes a bold, frozen, filtered header and rows of text to
// sheet; the columns textCols (from 0) are formatted as Text.
func fillTextSheet(f *excelize.File, sheet string, header []string, rows [][]string, textCols []int) error {
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: xlsxTextFormat})
	if err != nil {
		return err
	}
	headerStyle, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}, NumFmt: xlsxTextFormat})
	if err != nil {
		return err
	}
	for _, c := range textCols {
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return err
		}
		if err := f.SetColStyle(sheet, col, textStyle); err != nil {
			return err
		}
	}
	widths := make([]int, len(header))
	cells := make([]any, len(header))
	for i, h := range header {
		widths[i], cells[i] = utf8.RuneCountInString(h), h
	}
	if err := f.SetSheetRow(sheet, "A1", &cells); err != nil {
		return err
	}
	for n, r := range rows {
		values := make([]any, len(r))
		for i, c := range r {
			values[i] = c
			widths[i] = max(widths[i], utf8.RuneCountInString(c))
		}
		cell, err := excelize.CoordinatesToCellName(1, n+2)
		if err != nil {
			return err
		}
		if err := f.SetSheetRow(sheet, cell, &values); err != nil {
			return err
		}
	}
	last, err := excelize.CoordinatesToCellName(len(header), 1)
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(sheet, "A1", last, headerStyle); err != nil {
		return err
	}
	for i, wd := range widths {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, float64(min(max(wd, minColumnWidth), maxColumnWidth)+2)); err != nil {
			return err
		}
	}
	lastData, err := excelize.CoordinatesToCellName(len(header), len(rows)+1)
	if err != nil {
		return err
	}
	if err := f.AutoFilter(sheet, "A1:"+lastData, nil); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}
