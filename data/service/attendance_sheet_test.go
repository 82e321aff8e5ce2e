package service

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/internal/testkit"
)

// sheetOffice is an office in Soreang with n staff spread over the units
// (the Camat heading unit 1, the Kasubbag heading unit 3), a gelar on the
// Camat, one person who left before November 2026 and one who starts in
// December 2026.
func sheetOffice(t *testing.T, n int) (*Service, []data.Staff) {
	t.Helper()
	list := make([]data.Staff, 0, n+2)
	for i := 1; i <= n; i++ {
		list = append(list, person(i, data.KindPNS, uint64(i%9+1)))
	}
	list[0].Name, list[0].GelarDepan, list[0].GelarBelakang = "Ade Ruhimat", "Drs. H.", "M.Si."
	list[0].History[0].UnitID, list[0].History[0].Position = 1, "Camat"
	list[1].Name, list[1].History[0].UnitID, list[1].History[0].Position = "Euis Komariah", 3, "Kepala Subbagian Umum dan Kepegawaian"
	gone := person(n+1, data.KindPNS, 5)
	gone.Name = "Sudah Pindah"
	gone.History = append(gone.History, data.Event{Date: day(time.October, 30), Kind: data.EventLeave, Reason: data.LeaveMoved})
	late := person(n+2, data.KindPNS, 5)
	late.Name = "Belum Mulai"
	late.History[0].Date = day(time.December, 1)
	svc, saved := openService(t, append(list, gone, late)...)
	if err := svc.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Alamat: "Jl. Alun-alun Utara No. 1", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	units, err := svc.Units()
	if err != nil {
		t.Fatal(err)
	}
	heads := map[uint64]uint64{1: saved[0].ID, 3: saved[1].ID}
	for _, u := range units {
		if h, ok := heads[u.ID]; ok {
			u.HeadStaffID = h
			if _, err := svc.SaveUnit(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	return svc, saved
}

// sheetText checks a sheet with qpdf and returns its text with the spaces
// collapsed.
func sheetText(t *testing.T, b []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "daftar-hadir.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(testkit.NeedTool(t, "qpdf"), "--check", path).CombinedOutput(); err != nil {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	out, err := exec.Command(testkit.NeedTool(t, "pdftotext"), "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestAttendanceSheetDay(t *testing.T) {
	t.Parallel()
	svc, staff := sheetOffice(t, 12)
	b, err := svc.AttendanceSheet(day(time.November, 30), day(time.November, 30), 0)
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, b)
	for _, want := range []string{"DAFTAR HADIR PEGAWAI", "Senin, 30 November 2026", "KECAMATAN SOREANG", "Drs. H. Ade Ruhimat, M.Si.",
		"19700102 201001 1 002", "Pegawai 12", "Pimpinan Kecamatan", "Seksi Pelayanan Umum", "Mengetahui,", "CAMAT SOREANG",
		"Kepala Subbagian Umum dan Kepegawaian,", "Euis Komariah", "Soreang, 30 November 2026", "Dokumen DH-2026-11-30"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	for _, absent := range []string{"Sudah Pindah", "Belum Mulai", "KONSEP"} {
		if strings.Contains(text, absent) {
			t.Errorf("sheet has %q", absent)
		}
	}
	if n := strings.Count(text, "Soreang, 30 November 2026"); n != 1 {
		t.Errorf("place and date printed %d times; only the issuing signer's block has them", n)
	}
	// The place and date line stands in the right-hand (Kasubbag) block:
	// after "Mengetahui," and right above the Kasubbag's role.
	if i, j, k := strings.Index(text, "Mengetahui,"), strings.Index(text, "Soreang, 30 November 2026"),
		strings.Index(text, "Kepala Subbagian Umum dan Kepegawaian,"); i < 0 || j < i || k < j {
		t.Errorf("place and date not in the issuing block: Mengetahui at %d, date at %d, Kasubbag at %d", i, j, k)
	}
	if len(staff) != 14 {
		t.Fatalf("%d staff saved", len(staff))
	}
	// Unit 2 (Sekretariat, Pegawai 10) comes before unit 5 (Seksi
	// Pemerintahan, Pegawai 04).
	if i, j := strings.Index(text, "Pegawai 10"), strings.Index(text, "Pegawai 04"); i < 0 || j < 0 || i > j {
		t.Errorf("units out of order: Pegawai 10 at %d, Pegawai 04 at %d", i, j)
	}
}

func TestAttendanceSheetWeekAcrossHoliday(t *testing.T) {
	t.Parallel()
	svc, _ := sheetOffice(t, 5)
	b, err := svc.AttendanceSheet(day(time.December, 21), day(time.December, 27), 0)
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, b)
	for _, want := range []string{"Senin, 21 Desember 2026 s.d. Minggu, 27 Desember 2026", "Senin 21/12", "Rabu 23/12",
		"Jumat, 25 Desember 2026: Kelahiran Yesus Kristus — libur nasional", "Minggu, 27 Desember 2026: bukan hari kerja",
		"Belum Mulai", "Soreang, 23 Desember 2026"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	for _, off := range []string{"Kamis 24/12", "Jumat 25/12", "Sabtu 26/12", "Minggu 27/12"} {
		if strings.Contains(text, off) {
			t.Errorf("sheet has a column for %q", off)
		}
	}
}

func TestAttendanceSheetOneUnit(t *testing.T) {
	t.Parallel()
	svc, _ := sheetOffice(t, 20)
	b, err := svc.AttendanceSheet(day(time.November, 30), day(time.December, 4), 5)
	if err != nil {
		t.Fatal(err)
	}
	text := sheetText(t, b)
	for _, want := range []string{"Unit kerja: Seksi Pemerintahan", "Pegawai 04", "Pegawai 13", "Belum Mulai"} {
		if !strings.Contains(text, want) {
			t.Errorf("sheet lacks %q", want)
		}
	}
	for _, other := range []string{"Pegawai 03", "Pegawai 05", "Pimpinan Kecamatan", "Sudah Pindah"} {
		if strings.Contains(text, other) {
			t.Errorf("sheet of unit 5 has %q", other)
		}
	}
	if i, j := strings.Index(text, "Belum Mulai"), strings.Index(text, "Pegawai 04"); i > j {
		t.Error("names are not in alphabetical order within the unit")
	}
}

func TestAttendanceSheetManyPages(t *testing.T) {
	t.Parallel()
	svc, _ := sheetOffice(t, 45)
	b, err := svc.AttendanceSheet(day(time.November, 30), day(time.November, 30), 0)
	if err != nil {
		t.Fatal(err)
	}
	if text := sheetText(t, b); !strings.Contains(text, "Halaman 2 dari") {
		t.Error("45 staff fit on one page")
	}
}

func TestAttendanceSheetRefuses(t *testing.T) {
	t.Parallel()
	svc, _ := sheetOffice(t, 3)
	emptyUnit := uint64(9)
	cases := []struct {
		name       string
		from, to   data.Date
		unit       uint64
		want       string
		notWorking bool
	}{
		{"tanpa tanggal", data.Date{}, day(time.November, 30), 0, "tanggal belum diisi", false},
		{"terbalik", day(time.November, 30), day(time.November, 29), 0, "sebelum tanggal awal", false},
		{"delapan hari", day(time.November, 30), day(time.December, 7), 0, "paling banyak 7 hari", false},
		{"hari Sabtu", day(time.November, 28), day(time.November, 28), 0, "Sabtu", true},
		{"hari Natal", day(time.December, 25), day(time.December, 25), 0, "Kelahiran Yesus Kristus", true},
		{"libur dan akhir pekan", day(time.December, 24), day(time.December, 27), 0, "24 Desember 2026 sampai 27 Desember 2026 semuanya bukan hari kerja", true},
		{"unit tidak dikenal", day(time.November, 30), day(time.November, 30), 99, "unit 99 tidak dikenal", false},
		{"unit kosong", day(time.November, 30), day(time.November, 30), emptyUnit, "tidak ada pegawai aktif di Seksi Pelayanan Umum", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := svc.AttendanceSheet(c.from, c.to, c.unit)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
			if got := errors.Is(err, ErrNotWorkingDay); got != c.notWorking {
				t.Errorf("errors.Is(err, ErrNotWorkingDay) = %v", got)
			}
		})
	}
}
