package pdf

import (
	"fmt"
	"math"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// sampleSheet is a sheet over days for n staff members in units of ten.
func sampleSheet(days []SheetDay, n int) Sheet {
	s := Sheet{
		Common: Common{DocumentID: "DH-2026-11-30", Letterhead: sampleLetterhead()},
		Days:   days,
		Acknowledged: Signature{Place: "Soreang", Date: "30 November 2026", Above: "Mengetahui,", Role: "CAMAT SOREANG,", Name: superiorName,
			Rank: "Pembina Utama Muda (IV/c)", NIP: superiorNIP},
		Prepared: Signature{Place: "Soreang", Date: "30 November 2026", Role: "Kepala Subbagian Umum dan Kepegawaian,", Name: raterName,
			Rank: "Pembina Tingkat I (IV/b)", NIP: raterNIP},
	}
	for i := 1; i <= n; i++ {
		name := fmt.Sprintf("Pegawai Nomor %02d, S.Sos.", i)
		if i == 1 {
			name = employeeName
		}
		s.Staff = append(s.Staff, Person{Name: name, NIP: employeeNIP, Position: "Pengadministrasi Perkantoran",
			Unit: fmt.Sprintf("Seksi %d", (i-1)/10+1)})
	}
	return s
}

// monday is the one-day sheet's day.
var monday = SheetDay{Weekday: "Senin", Date: "30 November 2026", Short: "30/11"}

// christmasWeek is 21–27 December 2026 with cuti bersama on Thursday, the
// holiday on Friday and the weekend.
func christmasWeek() []SheetDay {
	names := []string{"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"}
	days := make([]SheetDay, 7)
	for i := range days {
		days[i] = SheetDay{Weekday: names[i], Date: fmt.Sprintf("%d Desember 2026", 21+i), Short: fmt.Sprintf("%d/12", 21+i)}
	}
	days[3].Off = "Cuti Bersama Kelahiran Yesus Kristus — cuti bersama"
	days[4].Off = "Kelahiran Yesus Kristus — libur nasional"
	days[5].Off, days[6].Off = "bukan hari kerja", "bukan hari kerja"
	return days
}

// pageSizeRe reads the first page's size from pdfinfo.
var pageSizeRe = regexp.MustCompile(`(?m)^Page size:\s+([\d.]+) x ([\d.]+) pts`)

// landscape reports whether the file's pages are wider than tall.
func landscape(t *testing.T, path string) bool {
	t.Helper()
	out, err := exec.Command(needTool(t, "pdfinfo"), path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := pageSizeRe.FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("pdfinfo gives no page size: %q", out)
	}
	var w, h float64
	fmt.Sscan(m[1], &w)
	fmt.Sscan(m[2], &h)
	return w > h
}

func TestAttendanceSheetDay(t *testing.T) {
	t.Parallel()
	path := writePDF(t, "daftar-hadir-hari.pdf", mustPDF(t)(AttendanceSheet(sampleSheet([]SheetDay{monday}, 12))))
	qpdfCheck(t, path)
	if landscape(t, path) {
		t.Error("a one-day sheet must be portrait")
	}
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{SheetTitle, "Senin, 30 November 2026", "KECAMATAN SOREANG", "Raden Asep Saepudin", employeeNIP,
		"Jam Datang", "Jam Pulang", "Tanda Tangan", "Keterangan", "Seksi 2", "Mengetahui,", "CAMAT SOREANG", raterName, "Halaman 1 dari"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	if strings.Contains(text, "KONSEP") {
		t.Error("a form must not carry the draft banner")
	}
	if strings.Contains(text, "s.d.") {
		t.Error("a one-day sheet must not print a range")
	}
}

func TestAttendanceSheetWeekSkipsDaysOff(t *testing.T) {
	t.Parallel()
	path := writePDF(t, "daftar-hadir-minggu.pdf", mustPDF(t)(AttendanceSheet(sampleSheet(christmasWeek(), 12))))
	qpdfCheck(t, path)
	if !landscape(t, path) {
		t.Error("a week sheet must be landscape")
	}
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	for _, want := range []string{"Senin, 21 Desember 2026 s.d. Minggu, 27 Desember 2026", "Senin 21/12", "Selasa 22/12", "Rabu 23/12",
		"Jumat, 25 Desember 2026: Kelahiran Yesus Kristus — libur nasional",
		"Kamis, 24 Desember 2026: Cuti Bersama Kelahiran Yesus Kristus — cuti bersama", "Sabtu, 26 Desember 2026: bukan hari kerja"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	for _, off := range []string{"Kamis 24/12", "Jumat 25/12", "Sabtu 26/12", "Minggu 27/12"} {
		if strings.Contains(text, off) {
			t.Errorf("sheet has a column for the day off %q", off)
		}
	}
	if got := strings.Count(pageText(t, path, 1), "Datang"); got != 3 {
		t.Errorf("page 1 has %d Datang columns, want 3 (Monday to Wednesday)", got)
	}
}

func TestAttendanceSheetPagesRepeatHeader(t *testing.T) {
	t.Parallel()
	path := writePDF(t, "daftar-hadir-45.pdf", mustPDF(t)(AttendanceSheet(sampleSheet([]SheetDay{monday}, 45))))
	qpdfCheck(t, path)
	pages := pageCount(t, path)
	if pages < 2 {
		t.Fatalf("45 staff fit on %d page; rows are too short to sign", pages)
	}
	for p := 1; p <= pages; p++ {
		text := pageText(t, path, p)
		if !strings.Contains(text, fmt.Sprintf("Halaman %d dari %d", p, pages)) {
			t.Errorf("page %d lacks its page number", p)
		}
		if p < pages && !strings.Contains(text, "Nama / NIP") {
			t.Errorf("page %d lacks the table header", p)
		}
	}
	text := strings.Join(strings.Fields(pdfText(t, path)), " ")
	if !strings.Contains(text, "Pegawai Nomor 45") || !strings.Contains(text, "CAMAT SOREANG") {
		t.Error("the last row or the signatures are missing")
	}
}

func TestSheetRowsAreTallEnoughToSign(t *testing.T) {
	t.Parallel()
	doc, err := newDocument(Common{}, false, "uji")
	if err != nil {
		t.Fatal(err)
	}
	tb := table{cols: sheetColumns([]SheetDay{monday}, doc.width()), size: sheetSize, header: true, borders: true}
	for _, r := range sheetRows([]Person{{Name: "A"}, {Name: "B", NIP: employeeNIP, Position: "Camat"}}) {
		if h := tb.rowHeight(doc, r, tb.lines(doc, r)); h < 9 {
			t.Errorf("row %q is %.1f mm tall, want at least 9", r.cells, h)
		}
	}
}

func TestAttendanceSheetRefuses(t *testing.T) {
	t.Parallel()
	allOff := christmasWeek()[3:5]
	eight := append(christmasWeek(), monday)
	cases := []struct {
		name    string
		days    []SheetDay
		wantErr string
	}{
		{"tanpa hari", nil, "tidak ada hari kerja"},
		{"semua libur", allOff, "tidak ada hari kerja"},
		{"delapan hari", eight, "paling banyak 7 hari"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := AttendanceSheet(sampleSheet(c.days, 3))
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("error %v, want one containing %q", err, c.wantErr)
			}
		})
	}
}

func TestAttendanceSheetEmptyFields(t *testing.T) {
	t.Parallel()
	s := Sheet{Days: []SheetDay{{Off: ""}}, Staff: []Person{{}, {Unit: "Seksi"}}}
	qpdfCheck(t, writePDF(t, "daftar-hadir-kosong.pdf", mustPDF(t)(AttendanceSheet(s))))
}

// TestSheetColumnsFillThePage checks the week layout for every number of
// working days: the columns add up to the page, a signature cell is between
// sheetSignMin and sheetSignWidth millimetres, the name keeps room and no
// column title wraps.
func TestSheetColumnsFillThePage(t *testing.T) {
	t.Parallel()
	doc, err := newDocument(Common{}, true, "uji")
	if err != nil {
		t.Fatal(err)
	}
	width := doc.width()
	for working := 1; working <= SheetMaxDays; working++ {
		t.Run(fmt.Sprint(working), func(t *testing.T) {
			days := make([]SheetDay, SheetMaxDays)
			for i := working; i < SheetMaxDays; i++ {
				days[i].Off = "libur"
			}
			cols := sheetColumns(days, width)
			if len(cols) != 3+2*working {
				t.Fatalf("%d columns, want %d", len(cols), 3+2*working)
			}
			total := 0.0
			for _, c := range cols {
				total += c.width
			}
			if math.Abs(total-width) > 0.01 {
				t.Errorf("columns add up to %.2f mm, want %.2f", total, width)
			}
			if w := cols[3].width; w < sheetSignMin || w > sheetSignWidth {
				t.Errorf("signature cell %.1f mm wide", w)
			}
			if cols[1].width < 40 {
				t.Errorf("name column %.1f mm wide", cols[1].width)
			}
			doc.setFont(true, sheetSize)
			for _, c := range cols {
				if lines := doc.wrap(c.title, c.width); len(lines) != 1 {
					t.Errorf("title %q wraps in %.1f mm: %q", c.title, c.width, lines)
				}
			}
		})
	}
}

// TestAttendanceSheetSevenWorkingDays prints the narrowest layout: a pair of
// cells for each of seven working days.
func TestAttendanceSheetSevenWorkingDays(t *testing.T) {
	t.Parallel()
	days := christmasWeek()
	for i := range days {
		days[i].Off = ""
	}
	path := writePDF(t, "daftar-hadir-tujuh.pdf", mustPDF(t)(AttendanceSheet(sampleSheet(days, 5))))
	qpdfCheck(t, path)
	text := pageText(t, path, 1)
	if got := strings.Count(text, "Pulang"); got != 7 {
		t.Errorf("%d Pulang columns, want 7", got)
	}
	if strings.Contains(text, "Hari tidak masuk kerja") {
		t.Error("notes printed for a week without days off")
	}
}
