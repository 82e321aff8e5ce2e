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
	return svc.exportAttendance(year, month, dir, format, today, nil, RecapFilter{})
}

// ExportAttendanceFor is ExportAttendance for the staff f keeps (unit and
// kind, as `--kind` filters); the kind is named under the title.
func (svc *Service) ExportAttendanceFor(year int, month time.Month, dir, format string, today data.Date, f RecapFilter) ([]string, error) {
	return svc.exportAttendance(year, month, dir, format, today, nil, f)
}

// exportAttendance is ExportAttendance; a PDF export is signed by u when it
// is not nil (see ExportAttendanceSigned).
func (svc *Service) exportAttendance(year int, month time.Month, dir, format string, today data.Date, u *UnlockedSigner, f RecapFilter) ([]string, error) {
	if format != FormatXLSX && format != FormatPDF {
		return nil, fmt.Errorf("format ekspor %q tidak dikenal; pakai xlsx atau pdf", format)
	}
	rec, err := svc.MonthRecapFor(year, month, f)
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
	out := export.AttendanceRecap{Year: rec.Year, Month: rec.Month, Rules: rec.TPP, Office: rec.Office, Codes: rec.Codes}
	for _, l := range rec.Lines {
		out.Lines = append(out.Lines, export.AttendanceLine{NIP: l.NIP, Name: l.Name, Kind: string(l.Kind), Unit: l.Unit, Recap: l.Recap, TPP: l.TPP})
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
	if rec.Kind != "" {
		subtitle += " — jenis pegawai: " + string(rec.Kind)
	}
	// Only the issuing signer dates the recap; the Camat's block carries no place and date.
	ack.NoPlaceDate = true
	notes := []string{"Hadir = semua kode berkategori hadir (H, TL, PSW, DL, FWA); dihitung per kategori kode. " +
		"Belum diisi: hari kerja tanpa isian (bukan H dan bukan TK). Piket: hadir pada hari libur, tidak dihitung sebagai hari kerja. " +
		"Kode lain: kode tambahan kantor, dihitung menurut kategorinya.",
		"Keterangan kode: " + strings.Join(legend(rec.Codes), "; ") + "."}
	if h, ok := svc.firstHours(first); ok {
		notes = append(notes, "Jam kerja mulai "+data.FormatPukul(h.Start)+"; "+
			"datang setelah jam mulai = TL — Terlambat, pulang sebelum jam selesai = PSW — Pulang Sebelum Waktunya.")
	}
	att := pdf.Recap{Common: common, Title: "REKAP KEHADIRAN PEGAWAI — BULAN " + period, Subtitle: subtitle,
		Columns: pdf.AttendanceColumns(), Acknowledged: ack, Prepared: prep, Notes: notes}
	tpp := pdf.Recap{Common: common, Title: "REKAP POTONGAN TPP — BULAN " + period, Subtitle: subtitle,
		Columns: tppColumns(rec.TPP), Acknowledged: ack, Prepared: prep,
		Notes: append(tppNotes(rec.TPP), "Hanya pegawai penerima TPP; pegawai lain tidak dimuat.")}
	att.Common.DocumentID = fmt.Sprintf("RKH-%04d-%02d", rec.Year, int(rec.Month))
	tpp.Common.DocumentID = fmt.Sprintf("RTPP-%04d-%02d", rec.Year, int(rec.Month))
	n, nt := 0, 0
	for _, u := range rec.Units {
		att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowUnit, Cells: []string{u.Unit}})
		for _, l := range rec.Lines {
			if l.UnitID != u.UnitID {
				continue
			}
			n++
			who := l.Name + "\n" + pdf.GroupNIP(l.NIP)
			cut := "—"
			if l.TPP != nil {
				cut = pdf.FormatDecimal(l.TPP.Percent, 2)
				nt++
				tpp.Rows = append(tpp.Rows, pdf.RecapRow{Kind: pdf.RowStaff, Cells: tppCells(nt, who, string(l.Kind), *l.TPP, rec.TPP)})
			}
			att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowStaff, Cells: append(append([]string{pdf.FormatNumber(int64(n)), who, string(l.Kind)},
				pdfCounts(l.Recap)...), cut)})
		}
		att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowSubtotal, Cells: append(append([]string{"", "Jumlah " + u.Unit, ""}, pdfCounts(u.Recap)...), "")})
	}
	att.Rows = append(att.Rows, pdf.RecapRow{Kind: pdf.RowTotal, Cells: append(append([]string{"", "Jumlah kantor", ""}, pdfCounts(rec.Office)...), "")})
	return []pdf.Recap{att, tpp}, nil
}

// pdfCounts are the cells of pdf.AttendanceColumns from "Hari Kerja" to "Hadir (%)".
func pdfCounts(r data.RecapRow) []string {
	n := func(v int) string { return pdf.FormatNumber(int64(v)) }
	return []string{n(r.WorkingDays), n(r.H), n(r.LateCount), n(r.LateMinutes), n(r.EarlyCount), n(r.EarlyMinutes),
		n(r.DL), n(r.FWA), n(r.TB), n(r.S), n(r.I), n(r.Leave), n(r.TK), n(r.NotEntered), n(otherCodes(r)), n(r.Piket),
		pdf.FormatDecimal(r.PresentPercent, 1)}
}

// otherCodes counts the working days of the office's own codes (counted by
// their category in Hadir, Cuti, TK; listed here so every day is seen).
func otherCodes(r data.RecapRow) int {
	n := 0
	for _, v := range r.Other {
		n += v
	}
	return n
}

// legend lists every code with its label ("TL — Terlambat"), for the
// keterangan of a document (some offices read TL as Tugas Luar).
func legend(cs data.Codes) []string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		out = append(out, c.FullLabel())
	}
	return out
}

// firstHours returns the hours of the first working day from d on (within a month).
func (svc *Service) firstHours(d data.Date) (data.DayHours, bool) {
	cal, err := svc.Calendar()
	if err != nil {
		return data.DayHours{}, false
	}
	for i := 0; i < 31; i++ {
		if h, ok := cal.DayHours(d.AddDays(i)); ok {
			return h, true
		}
	}
	return data.DayHours{}, false
}

func tppColumns(rules data.TPPRules) []pdf.RecapColumn {
	cols := []pdf.RecapColumn{{Title: "No", Width: 7}, {Title: "Nama / NIP", Width: 56, Align: "L"}, {Title: "Jenis", Width: 12},
		{Title: "TK — Tanpa Keterangan (hari)", Width: 16}}
	for _, b := range rules.Late {
		cols = append(cols, pdf.RecapColumn{Title: b.Name, Group: "TL — Terlambat (hari)", Width: 9})
	}
	for _, b := range rules.Early {
		cols = append(cols, pdf.RecapColumn{Title: b.Name, Group: "PSW — Pulang Sebelum Waktunya (hari)", Width: 9})
	}
	return append(cols, pdf.RecapColumn{Title: "Potongan TPP (%)", Width: 14})
}

func tppCells(n int, who, kind string, d data.TPPDetail, rules data.TPPRules) []string {
	cells := []string{pdf.FormatNumber(int64(n)), who, kind, pdf.FormatNumber(int64(d.TK))}
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
