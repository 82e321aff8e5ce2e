package service

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/export"
	"kinerja/export/pdf"
)

// Export formats of ExportAttendance.
const (
	FormatXLSX = "xlsx"
	FormatPDF  = "pdf"
)

// AttendanceFileNames returns the files ExportAttendance writes for a month:
// the workbook "rekap-kehadiran-2026-11.xlsx", or the two PDFs
// "rekap-kehadiran-2026-11.pdf" and "rekap-tpp-2026-11.pdf".
func AttendanceFileNames(year int, month time.Month, format string) []string {
	stem := fmt.Sprintf("%04d-%02d", year, int(month))
	if format == FormatPDF {
		return []string{"rekap-kehadiran-" + stem + ".pdf", "rekap-tpp-" + stem + ".pdf"}
	}
	return []string{"rekap-kehadiran-" + stem + ".xlsx"}
}

// ExportAttendance writes the office's recap of one month into dir (created
// when missing) and returns the paths written: as XLSX one workbook with the
// rekap kehadiran and the rekap potongan TPP (export.WriteAttendanceXLSX);
// as PDF the two recaps on A4 landscape with the kop surat and the
// signature blocks of the Camat ("Mengetahui") and the Kasubbag Umum dan
// Kepegawaian who prepared it, dated today. Files are written atomically.
func (svc *Service) ExportAttendance(year int, month time.Month, dir, format string, today data.Date) ([]string, error) {
	return svc.exportAttendance(year, month, dir, format, today, nil)
}

// exportAttendance is ExportAttendance; a PDF export is signed by u when it
// is not nil (see ExportAttendanceSigned).
func (svc *Service) exportAttendance(year int, month time.Month, dir, format string, today data.Date, u *UnlockedSigner) ([]string, error) {
	if format != FormatXLSX && format != FormatPDF {
		return nil, fmt.Errorf("format ekspor %q tidak dikenal; pakai xlsx atau pdf", format)
	}
	rec, err := svc.MonthRecap(year, month, 0)
	if err != nil {
		return nil, err
	}
	names := AttendanceFileNames(year, month, format)
	paths := make([]string, len(names))
	for i, n := range names {
		paths[i] = filepath.Join(dir, n)
		if err := svc.st.GuardOutput(paths[i]); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, diskError(dir, err)
	}
	if format == FormatXLSX {
		recaps := []export.AttendanceRecap{XLSXRecap(rec)}
		if err := svc.writeOutput(paths[0], func(w io.Writer) error { return export.WriteAttendanceXLSX(w, recaps) }); err != nil {
			return nil, err
		}
		return paths, nil
	}
	docs, err := svc.PDFRecaps(rec, today)
	if err != nil {
		return nil, err
	}
	for i, d := range docs {
		b, err := svc.recapPDF(d, today, u)
		if err != nil {
			return nil, err
		}
		if err := svc.writeExportFile(context.Background(), paths[i], b); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// XLSXRecap turns a month's recap into the plain struct the XLSX writer takes.
func XLSXRecap(rec Recap) export.AttendanceRecap {
	out := export.AttendanceRecap{Year: rec.Year, Month: rec.Month, Rules: rec.TPP, Office: rec.Office}
	for _, l := range rec.Lines {
		out.Lines = append(out.Lines, export.AttendanceLine{NIP: l.NIP, Name: l.Name, Unit: l.Unit, Recap: l.Recap, TPP: l.TPP})
	}
	for _, u := range rec.Units {
		out.Units = append(out.Units, export.AttendanceUnit{Unit: u.Unit, Recap: u.Recap})
	}
	return out
}

// PDFRecaps lays a month's recap out for export/pdf: the rekap kehadiran
// (pdf.AttendanceColumns, a heading and a subtotal per unit, the office
// total) and the rekap potongan TPP, both with the kop surat of the office
// and the two signature blocks.
func (svc *Service) PDFRecaps(rec Recap, today data.Date) ([]pdf.Recap, error) {
	common, ack, prep, err := svc.recapFrame(today)
	if err != nil {
		return nil, err
	}
	period := strings.ToUpper(data.MonthNames[rec.Month-1]) + " " + fmt.Sprint(rec.Year)
	first := data.NewDate(rec.Year, rec.Month, 1)
	working := rec.Office.WorkingDays
	if rec.Office.Staff > 0 {
		working /= rec.Office.Staff
	}
	subtitle := fmt.Sprintf("Hari kerja: %d hari (%d–%s)", working, 1, monthEnd(first).Long())
	att := pdf.Recap{Common: common, Title: "REKAP KEHADIRAN PEGAWAI — BULAN " + period, Subtitle: subtitle,
		Columns: pdf.AttendanceColumns(), Acknowledged: ack, Prepared: prep,
		Notes: []string{"Hadir = H + TL + PSW + DL + FWA. Belum diisi: hari kerja tanpa isian (bukan H dan bukan TK)."}}
	tpp := pdf.Recap{Common: common, Title: "REKAP POTONGAN TPP — BULAN " + period, Subtitle: subtitle,
		Columns: tppColumns(rec.TPP), Acknowledged: ack, Prepared: prep, Notes: tppNotes(rec.TPP)}
	att.Common.DocumentID = fmt.Sprintf("RKH-%04d-%02d", rec.Year, int(rec.Month))
	tpp.Common.DocumentID = fmt.Sprintf("RTPP-%04d-%02d", rec.Year, int(rec.Month))
	n := 0
	for _, u := range rec.Units {
		att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowUnit, Cells: []string{u.Unit}})
		for _, l := range rec.Lines {
			if l.UnitID != u.UnitID {
				continue
			}
			n++
			who := l.Name + "\n" + pdf.GroupNIP(l.NIP)
			att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowStaff, Cells: append(append([]string{pdf.FormatNumber(int64(n)), who},
				pdfCounts(l.Recap)...), pdf.FormatDecimal(l.TPP.Percent, 2))})
			tpp.Rows = append(tpp.Rows, pdf.RecapRow{Kind: pdf.RowStaff, Cells: tppCells(n, who, l.TPP, rec.TPP)})
		}
		att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowSubtotal, Cells: append(append([]string{"", "Jumlah " + u.Unit}, pdfCounts(u.Recap)...), "")})
	}
	att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowTotal, Cells: append(append([]string{"", "Jumlah kantor"}, pdfCounts(rec.Office)...), "")})
	return []pdf.Recap{att, tpp}, nil
}

// pdfCounts are the cells of pdf.AttendanceColumns from "Hari Kerja" to "Hadir (%)".
func pdfCounts(r data.RecapRow) []string {
	n := func(v int) string { return pdf.FormatNumber(int64(v)) }
	return []string{n(r.WorkingDays), n(r.H), n(r.LateCount), n(r.LateMinutes), n(r.EarlyCount), n(r.EarlyMinutes),
		n(r.DL), n(r.FWA), n(r.TB), n(r.S), n(r.I), n(r.Leave), n(r.TK), n(r.NotEntered), pdf.FormatDecimal(r.PresentPercent, 1)}
}

func tppColumns(rules data.TPPRules) []pdf.RecapColumn {
	cols := []pdf.RecapColumn{{Title: "No", Width: 7}, {Title: "Nama / NIP", Width: 56, Align: "L"}, {Title: "TK (hari)", Width: 11}}
	for _, b := range rules.Late {
		cols = append(cols, pdf.RecapColumn{Title: b.Name, Group: "Terlambat (hari)", Width: 9})
	}
	for _, b := range rules.Early {
		cols = append(cols, pdf.RecapColumn{Title: b.Name, Group: "Pulang cepat (hari)", Width: 9})
	}
	return append(cols, pdf.RecapColumn{Title: "Potongan TPP (%)", Width: 14})
}

func tppCells(n int, who string, d data.TPPDetail, rules data.TPPRules) []string {
	cells := []string{pdf.FormatNumber(int64(n)), who, pdf.FormatNumber(int64(d.TK))}
	for i := range rules.Late {
		cells = append(cells, pdf.FormatNumber(int64(countAt(d.Late, i))))
	}
	for i := range rules.Early {
		cells = append(cells, pdf.FormatNumber(int64(countAt(d.Early, i))))
	}
	return append(cells, pdf.FormatDecimal(d.Percent, 2))
}

func countAt(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// tppNotes explains the bands of the TPP table in force.
func tppNotes(rules data.TPPRules) []string {
	band := func(b data.TPPBand, from int) string {
		if b.UpTo == 0 {
			return fmt.Sprintf("%s: lebih dari %d menit atau tidak tercatat, %s%%", b.Name, from-1, pdf.FormatDecimal(b.Percent, 2))
		}
		return fmt.Sprintf("%s: %d–%d menit, %s%%", b.Name, from, b.UpTo, pdf.FormatDecimal(b.Percent, 2))
	}
	notes := []string{fmt.Sprintf("Potongan per hari TK: %s%%.", pdf.FormatDecimal(rules.AbsentPercent, 2))}
	for _, set := range [][]data.TPPBand{rules.Late, rules.Early} {
		var parts []string
		from := 1
		for _, b := range set {
			parts = append(parts, band(b, from))
			from = b.UpTo + 1
		}
		notes = append(notes, strings.Join(parts, "; ")+".")
	}
	return notes
}

// recapFrame returns the kop surat and the two signature blocks of a recap:
// the Camat (head of the leadership unit) and the head of the Subbagian Umum
// dan Kepegawaian; a post without a head prints blank lines to fill by hand.
func (svc *Service) recapFrame(today data.Date) (pdf.Common, pdf.Signature, pdf.Signature, error) {
	office, err := svc.st.Office()
	if err != nil {
		return pdf.Common{}, pdf.Signature{}, pdf.Signature{}, err
	}
	units, err := svc.st.Units()
	if err != nil {
		return pdf.Common{}, pdf.Signature{}, pdf.Signature{}, err
	}
	logo, err := svc.OfficeLogo()
	if err != nil {
		return pdf.Common{}, pdf.Signature{}, pdf.Signature{}, err
	}
	common := pdf.Common{Final: true, Letterhead: pdfLetterhead(office, logo)}
	ack := pdf.Signature{Place: office.Kota, Date: today.Long(), Above: "Mengetahui,", Role: "CAMAT " + strings.ToUpper(office.Kecamatan) + ","}
	prep := pdf.Signature{Place: office.Kota, Date: today.Long(), Role: "Kepala Subbagian Umum dan Kepegawaian,"}
	if head := OfficeHead(units); head != 0 {
		if err := svc.signer(&ack, head, today); err != nil {
			return pdf.Common{}, pdf.Signature{}, pdf.Signature{}, err
		}
	}
	for _, u := range units {
		if u.Kind == data.UnitSubsection && !u.Inactive && strings.Contains(strings.ToLower(u.Name), "umum") && u.HeadStaffID != 0 {
			if err := svc.signer(&prep, u.HeadStaffID, today); err != nil {
				return pdf.Common{}, pdf.Signature{}, pdf.Signature{}, err
			}
			break
		}
	}
	return common, ack, prep, nil
}

func (svc *Service) signer(sig *pdf.Signature, staffID uint64, today data.Date) error {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return err
	}
	sig.Name, sig.NIP = s.DisplayName(), pdf.GroupNIP(s.NIP)
	sig.Rank = data.RankLabel(s.At(today).Rank)
	return nil
}
