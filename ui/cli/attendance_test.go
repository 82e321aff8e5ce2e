package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/internal/testkit"
	"kinerja/internal/testkit/svckit"
)

// twoStaff makes a data file holding two PNS in Seksi Pemerintahan and returns its path and their NIPs.
func twoStaff(t *testing.T) (string, []string) {
	t.Helper()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	svc, err := service.Open(db, service.Options{Create: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	var list []data.Staff
	for i, nip := range []string{"196804111993031009", "197502022005012003"} {
		born, _ := data.ParseDate(nip[6:8] + "/" + nip[4:6] + "/" + nip[:4])
		sex := data.SexMale
		if nip[14] == '2' {
			sex = data.SexFemale
		}
		list = append(list, data.Staff{NIP: nip, Name: []string{"Asep Saepudin", "Euis Rahayu"}[i], Kind: data.KindPNS, Sex: sex, BirthDate: born,
			History: []data.Event{{Date: data.NewDate(2015, 1, 5), Kind: data.EventStart, Rank: "III/b", Position: "Pengadministrasi Perkantoran", UnitID: 5}}})
	}
	if _, err := svc.AddStaff(list); err != nil {
		t.Fatal(err)
	}
	return db, []string{list[0].NIP, list[1].NIP}
}

func TestDemoRecapAndDisciplineMatchService(t *testing.T) {
	t.Parallel()
	db := svckit.DemoFile(t)
	today := testkit.Today
	prev := today.AddDays(-today.Day())
	month := prev.String()[:7]
	code, out, errOut := cli(t, "attendance", "recap", "--data", db, "--month", month, "--format", "json")
	if code != 0 {
		t.Fatalf("recap: exit %d: %s", code, errOut)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("recap JSON: %v\n%s", err, out)
	}
	for _, key := range []string{"nip", "working_days", "present", "h", "late_count", "late_minutes", "early_count", "early_minutes",
		"duty", "sick", "permit", "leave", "absent", "not_entered", "tpp_cut_percent"} {
		if _, ok := raw[0][key]; !ok {
			t.Errorf("recap JSON lacks %q", key)
		}
	}
	var lines []recapJSON
	if err := json.Unmarshal([]byte(out), &lines); err != nil {
		t.Fatal(err)
	}
	svc, err := service.Open(db, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := svc.MonthRecap(prev.Year(), prev.Month(), 0)
	if err != nil {
		t.Fatal(err)
	}
	disc, err := svc.DisciplineYear(today.Year())
	svc.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) != len(rec.Lines) || len(lines) < 20 {
		t.Fatalf("recap has %d lines, service %d", len(lines), len(rec.Lines))
	}
	present := 0
	for i, l := range lines {
		want := rec.Lines[i]
		sameCut := (l.TPPCut == nil) == (want.TPPCut == nil) && (l.TPPCut == nil || *l.TPPCut == *want.TPPCut)
		if l.NIP != want.NIP || l.Present != want.Recap.Present || l.LateMinutes != want.Recap.LateMinutes ||
			l.TK != want.Recap.TK || l.NotEntered != want.Recap.NotEntered || !sameCut {
			t.Errorf("line %d: CLI %+v, service %+v %+v", i, l, want.Recap, want.TPP)
		}
		present += l.Present
	}
	if present == 0 {
		t.Error("the demo month has nobody present")
	}
	code, out, errOut = cli(t, "discipline", "--data", db, "--year", today.String()[:4], "--format", "json")
	if code != 0 {
		t.Fatalf("discipline: exit %d: %s", code, errOut)
	}
	var dl []map[string]any
	if err := json.Unmarshal([]byte(out), &dl); err != nil || len(dl) != len(disc) {
		t.Fatalf("discipline JSON (%d lines, service %d): %v", len(dl), len(disc), err)
	}
	leveled := 0
	for i, l := range dl {
		for _, key := range []string{"nip", "absent_days", "late_days", "total_days", "longest_run", "level"} {
			if _, ok := l[key]; !ok {
				t.Fatalf("discipline JSON lacks %q", key)
			}
		}
		if l["nip"] != disc[i].NIP || int(l["total_days"].(float64)) != disc[i].Result.TotalDays || l["level"] != disc[i].Result.Potential {
			t.Errorf("line %d: CLI %v, service %+v", i, l, disc[i].Result)
		}
		if l["level"] != "" {
			leveled++
		}
	}
	if leveled == 0 {
		t.Error("nobody in the demo has a potential level")
	}
}

func TestCalendarCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := created(t, filepath.Join(dir, "k.db"))
	if code, out, errOut := cli(t, "calendar", "add", "--data", db, "--date", "2026-12-30", "--name", "Hari Jadi Kecamatan"); code != 0 || !strings.Contains(out, "30 Desember 2026") {
		t.Fatalf("calendar add: exit %d, %q %q", code, out, errOut)
	}
	code, out, _ := cli(t, "calendar", "list", "--data", db, "--year", "2026", "--format", "json")
	var hs []data.Holiday
	if code != 0 || json.Unmarshal([]byte(out), &hs) != nil {
		t.Fatalf("calendar list: exit %d\n%s", code, out)
	}
	if len(hs) < 20 || !hs[0].Date.Equal(data.NewDate(2026, 1, 1)) || hs[len(hs)-1].Name != "Hari Jadi Kecamatan" || hs[len(hs)-1].Kind != data.HolidayLocal {
		t.Fatalf("calendar 2026 = %+v", hs)
	}
	if code, out, _ := cli(t, "calendar", "list", "--data", db, "--year", "2026", "--format", "csv"); code != 0 || !strings.HasPrefix(out, "date,kind,name\n2026-01-01,libur,") {
		t.Errorf("csv: exit %d, %q", code, out)
	}
	if code, out, _ := cli(t, "calendar", "list", "--data", db, "--year", "2030", "--format", "json"); code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty year: exit %d, %q", code, out)
	}
	file := filepath.Join(dir, "libur-2027.csv")
	os.WriteFile(file, []byte("# SKB 2027\ndate,kind,name\n2027-01-01,libur,Tahun Baru 2027 Masehi\n2027-08-17,libur,Hari Proklamasi Kemerdekaan RI\n"), 0o644)
	if code, out, errOut := cli(t, "calendar", "import", file, "--data", db); code != 0 || !strings.Contains(out, "2 hari libur") {
		t.Fatalf("calendar import: exit %d, %q %q", code, out, errOut)
	}
	if _, out, _ := cli(t, "calendar", "list", "--data", db, "--year", "2027"); !strings.Contains(out, "Hari Proklamasi") {
		t.Errorf("2027 list:\n%s", out)
	}
	os.WriteFile(file, []byte("2027-02-30,libur,x\n2027-03-01,pesta,y\n"), 0o644)
	if code, _, errOut := cli(t, "calendar", "import", file, "--data", db); code != 1 || !strings.Contains(errOut, "baris 1") || !strings.Contains(errOut, "baris 2") {
		t.Errorf("bad import: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "calendar", "add", "--data", db, "--date", "2026-12-30"); code != 2 {
		t.Errorf("add without a name: exit %d, want 2", code)
	}
}

func TestAttendanceSetAndRecap(t *testing.T) {
	t.Parallel()
	db, nips := twoStaff(t)
	if code, out, errOut := cli(t, "attendance", "set", "--data", db, "--date", "2026-11-02", "--nip", nips[0], "--code", "H", "--in", "07:45", "--out", "16:00"); code != 0 ||
		!strings.Contains(out, "TL — Terlambat (terlambat 15 menit)") {
		t.Fatalf("set: exit %d, %q %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "attendance", "set", "--data", db, "--date", "2026-11-02", "--nip", nips[1], "--code", "DL"); code != 0 || !strings.Contains(errOut, "Surat Perintah Tugas") {
		t.Fatalf("DL without SPT: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "attendance", "set", "--data", db, "--date", "2026-11-03", "--nip", nips[1], "--code", "XYZ"); code != 1 || !strings.Contains(errOut, "XYZ") {
		t.Errorf("unknown code: exit %d, %q", code, errOut)
	}
	if code, out, errOut := cli(t, "attendance", "set", "--data", db, "--date", "2026-11-01", "--nip", nips[1], "--code", "H", "--in", "08:00", "--out", "12:00"); code != 0 || !strings.Contains(out, "piket") {
		t.Errorf("presence on a Sunday is piket: exit %d, %q, %q", code, out, errOut)
	}
	if code, _, errOut := cli(t, "attendance", "set", "--data", db, "--date", "2026-11-01", "--nip", nips[0], "--code", "S"); code != 1 || !strings.Contains(errOut, "bukan hari kerja") {
		t.Errorf("sick on a Sunday: exit %d, %q", code, errOut)
	}
	_, out, _ := cli(t, "attendance", "recap", "--data", db, "--month", "2026-11", "--format", "json")
	var lines []recapJSON
	if err := json.Unmarshal([]byte(out), &lines); err != nil || len(lines) != 2 {
		t.Fatalf("recap: %v\n%s", err, out)
	}
	if l := lines[0]; l.NIP != nips[0] || l.LateCount != 1 || l.LateMinutes != 15 || l.WorkingDays != 21 || l.NotEntered != 20 || l.TPPCut == nil || *l.TPPCut != 0.5 {
		t.Errorf("recap line = %+v", l)
	}
	if _, out, _ := cli(t, "attendance", "recap", "--data", db, "--month", "2026-11", "--format", "csv"); !strings.HasPrefix(out, "NIP/NIK,Nama") {
		t.Errorf("csv recap: %q", out)
	}
	if code, _, _ := cli(t, "attendance", "recap", "--data", db, "--month", "11/2026"); code != 2 {
		t.Errorf("bad month: exit %d, want 2", code)
	}
}

func TestImportAttendanceCommand(t *testing.T) {
	t.Parallel()
	db, nips := twoStaff(t)
	dir := t.TempDir()
	log := "\ufeff    1\t2026-11-02 07:25:10\t1\t0\t1\t0\r\n" +
		"1\t2026-11-02 16:10:00\t1\t1\r\n" +
		"1\t2026-11-02 16:10:00\t1\t1\r\n" + // duplicate
		"this is not a punch\r\n" +
		"2  02/11/2026  08:05:00\r\n" + // day-first date, spaces
		"7\t2026-11-03 07:00:00\t1\r\n" + // unknown PIN
		"1\t2026-11-07 09:00:00\r\n" + // Saturday
		"1\t2026-13-01 07:00:00\r\n"
	file := filepath.Join(dir, "1_attlog.dat")
	os.WriteFile(file, []byte(log), 0o644)
	code, out, errOut := cli(t, "import", "attendance", file, "--data", db, "--map", "1="+nips[0], "--map", "2="+nips[1], "--dry-run")
	if code != 0 {
		t.Fatalf("dry run: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"Ditambahkan: 2 hari", "Di luar hari kerja (tidak disimpan): 1 hari", "PIN tidak dikenal: 7",
		"baris 4:", "baris 8:", "tidak ada yang disimpan"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, out)
		}
	}
	if _, out, _ := cli(t, "attendance", "recap", "--data", db, "--month", "2026-11", "--format", "json"); strings.Contains(out, `"present": 1`) {
		t.Fatal("the dry run saved days")
	}
	code, out, errOut = cli(t, "import", "attendance", file, "--data", db, "--map", "1="+nips[0], "--map", "2="+nips[1])
	if code != 0 || !strings.Contains(out, "Tersimpan: 2 hari") {
		t.Fatalf("import: exit %d\n%s\n%s", code, out, errOut)
	}
	// The mapping is remembered, and importing again changes nothing.
	code, out, _ = cli(t, "import", "attendance", file, "--data", db)
	if code != 0 || !strings.Contains(out, "Ditambahkan: 0 hari") || !strings.Contains(out, "Tidak berubah: 2 hari") || !strings.Contains(out, "Tersimpan: 0 hari") {
		t.Fatalf("re-import: exit %d\n%s", code, out)
	}
	// A hand entry is kept unless --overwrite.
	cli(t, "attendance", "set", "--data", db, "--date", "2026-11-02", "--nip", nips[1], "--code", "S")
	if _, out, _ := cli(t, "import", "attendance", file, "--data", db); !strings.Contains(out, "Dilewati (diisi manual, dipertahankan; pakai --overwrite untuk menimpa): 1 hari") {
		t.Fatalf("hand entry not kept:\n%s", out)
	}
	if _, out, _ := cli(t, "import", "attendance", file, "--data", db, "--overwrite"); !strings.Contains(out, "Diubah: 1 hari") {
		t.Fatalf("--overwrite:\n%s", out)
	}
	os.WriteFile(file, []byte("garbage\nmore garbage\n"), 0o644)
	if code, _, _ := cli(t, "import", "attendance", file, "--data", db); code != 1 {
		t.Errorf("a file with no readable line: exit %d, want 1", code)
	}
	csv := filepath.Join(dir, "scan.csv")
	os.WriteFile(csv, []byte("No;Nama;Tanggal;Jam\n"+nips[0]+";Asep;03/11/2026;07:10\n"+nips[0]+";Asep;03/11/2026;16:15\n"), 0o644)
	if code, out, errOut := cli(t, "import", "attendance", csv, "--data", db); code != 0 || !strings.Contains(out, "Ditambahkan: 1 hari") {
		t.Errorf("csv import: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestExportAttendance(t *testing.T) {
	t.Parallel()
	db, nips := twoStaff(t)
	cli(t, "attendance", "set", "--data", db, "--date", "2026-11-02", "--nip", nips[0], "--code", "TK")
	dir := filepath.Join(t.TempDir(), "rekap")
	code, out, errOut := cli(t, "export", "attendance", "--data", db, "--month", "2026-11", "--out", dir, "--format", "xlsx")
	if code != 0 {
		t.Fatalf("export xlsx: exit %d: %s", code, errOut)
	}
	path := filepath.Join(dir, "rekap-kehadiran-2026-11.xlsx")
	if !strings.Contains(out, path) {
		t.Errorf("output %q does not name %s", out, path)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if sheets := f.GetSheetList(); len(sheets) != 3 || sheets[0] != "Rekap November 2026" || sheets[1] != "TPP November 2026" || sheets[2] != "Keterangan kode" {
		t.Fatalf("sheets = %v", sheets)
	}
	if v, _ := f.GetCellValue("Rekap November 2026", "B2"); v != nips[0] {
		t.Errorf("B2 = %q", v)
	}
	if v, _ := f.GetCellValue("TPP November 2026", "D1"); v != "Jenis" {
		t.Errorf("TPP sheet column D is %q, want the kind (Jenis)", v)
	}
	if v, _ := f.GetCellValue("TPP November 2026", "F2"); v != "1" {
		t.Errorf("TPP TK days = %q", v)
	}
	code, _, errOut = cli(t, "export", "attendance", "--data", db, "--month", "2026-11", "--out", dir)
	if code != 0 {
		t.Fatalf("export pdf: exit %d: %s", code, errOut)
	}
	for _, name := range []string{"rekap-kehadiran-2026-11.pdf", "rekap-tpp-2026-11.pdf"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || !strings.HasPrefix(string(b), "%PDF") {
			t.Errorf("%s: %v", name, err)
		}
	}
	if code, _, _ := cli(t, "export", "attendance", "--data", db, "--month", "2026-11", "--out", dir, "--format", "doc"); code != 2 {
		t.Errorf("bad format: exit %d", code)
	}
}
