package export

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// Sheet names of the evaluation workbook.
const (
	EvaluationSheet = "Penilaian"      // one row per evaluation
	HasilKerjaSheet = "Hasil Kerja"    // one row per hasil kerja row of the SKP
	PerilakuSheet   = "Perilaku Kerja" // one row per BerAKHLAK value of each evaluation
)

// EvaluationRecord is one evaluation as the export needs it: the employee's
// identity and the rater's (frozen ones for a final evaluation), the
// evaluation, and the hasil kerja rows of its SKP in the order of
// Evaluation.Rows.
type EvaluationRecord struct {
	Employee   data.Identity
	Rater      data.Identity
	Atasan     data.Identity // the Atasan Pejabat Penilai Kinerja
	Evaluation data.Evaluation
	HasilKerja []data.HasilKerja
	// Ekspektasi is the ekspektasi khusus pimpinan of each BerAKHLAK value
	// from the SKP, in BerAKHLAK order.
	Ekspektasi [7]string
}

// EvaluationWorkbook is the content of an evaluation export: a period, the
// capaian kinerja organisasi set for it, and its evaluations.
type EvaluationWorkbook struct {
	Period  data.Period
	Capaian data.CapaianOrganisasi
	Records []EvaluationRecord
}

// evaluationHeader is the header of the Penilaian sheet.
var evaluationHeader = []string{"NIP", "Nama", "Jabatan", "Unit Kerja", "Periode", "Rating Hasil Kerja", "Rating Perilaku Kerja",
	"Predikat Kinerja", "Status", "Revisi", "NIP Pejabat Penilai", "Nama Pejabat Penilai", "Catatan/Rekomendasi",
	"Pangkat/Gol. Ruang", "Tanggal Mulai Periode", "Tanggal Akhir Periode", "Capaian Kinerja Organisasi",
	"NIP Atasan Pejabat Penilai", "Nama Atasan Pejabat Penilai"}

// hasilKerjaHeader is the header of the Hasil Kerja sheet.
var hasilKerjaHeader = []string{"NIP", "Nama", "Jabatan", "Unit Kerja", "Jenis", "RHK Pimpinan yang Diintervensi", "RHK", "Aspek",
	"IKI", "Target", "Realisasi", "Umpan Balik", "Rating Hasil Kerja", "Rating Perilaku Kerja", "Predikat Kinerja", "NIP Pejabat Penilai",
	"Target (Angka)", "Target (Satuan)"}

// perilakuHeader is the header of the Perilaku Kerja sheet.
var perilakuHeader = []string{"NIP", "Nama", "No", "Perilaku Kerja (BerAKHLAK)", "Ekspektasi Khusus Pimpinan", "Umpan Balik"}

// targetNumberColumn is the Hasil Kerja column written as a number.
const targetNumberColumn = 16

// WriteEvaluationsFile writes the workbook to path atomically (see
// WriteEvaluationsXLSX and WriteFileAtomic).
func WriteEvaluationsFile(path string, b EvaluationWorkbook) error {
	return WriteFileAtomic(path, func(w io.Writer) error { return WriteEvaluationsXLSX(w, b) })
}

// WriteEvaluationsXLSX writes the evaluations of a period for re-entry into
// e-Kinerja in three sheets. "Penilaian" has one row per evaluation (NIP,
// nama, jabatan, unit, periode, the two ratings, predikat, status, revisi,
// NIP and name of the Pejabat Penilai, catatan), because e-Kinerja takes the
// ratings once per employee. "Hasil Kerja" has one row per hasil kerja row
// (NIP, nama, jabatan, unit, jenis, RHK pimpinan, RHK, aspek, IKI, target,
// realisasi, umpan balik, then the ratings, predikat and rater NIP
// repeated), because realisasi is entered per RHK; an evaluation without SKP
// rows gets one row with the hasil kerja columns empty. Ratings and predikat
// are written with their labels ("Di Atas Ekspektasi", "Kurang/Misconduct");
// NIP columns are Text so a NIP never becomes a number. The columns added
// later come last, so a sheet read by column position keeps working:
// Penilaian adds pangkat, the period's dates, the capaian and the atasan;
// Hasil Kerja adds the target as a number and its unit where the SKP writes
// it so ("12 dokumen", data.ParseTarget; free text leaves both empty).
// "Perilaku Kerja" has one row per BerAKHLAK value of each evaluation with
// the ekspektasi khusus pimpinan and the umpan balik.
func WriteEvaluationsXLSX(w io.Writer, b EvaluationWorkbook) error {
	f := excelize.NewFile()
	defer f.Close()
	var perEval, perRow, perValue [][]string
	values := data.BerAKHLAK()
	for _, r := range b.Records {
		e := r.Evaluation
		id := []string{data.NormalizeNIP(r.Employee.NIP), r.Employee.Name, r.Employee.Position, r.Employee.Unit}
		ratings := []string{e.WorkRating.Label(), e.BehaviorRating.Label(), e.Predikat.Label()}
		raterNIP := data.NormalizeNIP(r.Rater.NIP)
		perEval = append(perEval, concat(id, []string{b.Period.Label()}, ratings,
			[]string{e.State.Label(), strconv.Itoa(e.Revision), raterNIP, r.Rater.Name, e.Note,
				r.Employee.Rank, b.Period.Start.Slash(), b.Period.End.Slash(), b.Capaian.Label(),
				data.NormalizeNIP(r.Atasan.NIP), r.Atasan.Name}))
		for i, v := range values {
			perValue = append(perValue, []string{id[0], r.Employee.Name, strconv.Itoa(i + 1), v.Name, r.Ekspektasi[i], e.PerilakuFeedback[i]})
		}
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
			number, unit := "", ""
			if v, u, ok := data.ParseTarget(hk.Target); ok {
				number, unit = strconv.FormatFloat(v, 'f', -1, 64), u
			}
			perRow = append(perRow, concat(id, []string{hk.Kind.Label(), hk.RHKPimpinan, hk.RHK, hk.Aspek.Label(), hk.IKI, hk.Target,
				re.Realisasi, re.UmpanBalik}, ratings, []string{raterNIP, number, unit}))
		}
	}
	if err := f.SetSheetName(f.GetSheetName(0), EvaluationSheet); err != nil {
		return fmt.Errorf("membuat XLSX: %w", err)
	}
	for _, sheet := range []string{HasilKerjaSheet, PerilakuSheet} {
		if _, err := f.NewSheet(sheet); err != nil {
			return fmt.Errorf("membuat XLSX: %w", err)
		}
	}
	if err := fillTextSheet(f, EvaluationSheet, evaluationHeader, perEval, []int{0, 10, 17}); err != nil {
		return fmt.Errorf("membuat lembar %s: %w", EvaluationSheet, err)
	}
	if err := fillTextSheet(f, HasilKerjaSheet, hasilKerjaHeader, perRow, []int{0, 15}, targetNumberColumn); err != nil {
		return fmt.Errorf("membuat lembar %s: %w", HasilKerjaSheet, err)
	}
	if err := fillTextSheet(f, PerilakuSheet, perilakuHeader, perValue, []int{0}); err != nil {
		return fmt.Errorf("membuat lembar %s: %w", PerilakuSheet, err)
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
// sheet; the columns textCols (from 0) are formatted as Text, and the
// non-empty cells of numberCols are written as numbers.
func fillTextSheet(f *excelize.File, sheet string, header []string, rows [][]string, textCols []int, numberCols ...int) error {
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
			if slices.Contains(numberCols, i) && c != "" {
				if v, err := strconv.ParseFloat(c, 64); err == nil {
					values[i] = v
				}
			}
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
