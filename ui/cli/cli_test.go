package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"kinerja/data/service"
	"kinerja/internal/testkit"
	"kinerja/internal/testkit/svckit"
)

// cli runs the program with args and returns its exit code, stdout and stderr.
func cli(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code, _ := Run(args, &out, &errOut, "uji")
	return code, out.String(), errOut.String()
}

func listJSON(t *testing.T, db string) []staffJSON {
	t.Helper()
	code, out, errOut := cli(t, "staff", "list", "--data", db, "--format", "json")
	if code != 0 {
		t.Fatalf("staff list: exit %d: %s", code, errOut)
	}
	var list []staffJSON
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("staff list output is not a JSON array: %v\n%s", err, out)
	}
	return list
}

func TestVersionAndUsage(t *testing.T) {
	t.Parallel()
	if code, out, _ := cli(t, "version"); code != 0 || !strings.HasPrefix(out, "Kinerja ") {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if code, out, _ := cli(t, "help"); code != 0 || !strings.Contains(out, "import staff") {
		t.Errorf("help: exit %d, %q", code, out)
	}
	if code, _, errOut := cli(t, "frobnicate"); code != 2 || !strings.Contains(errOut, "tidak dikenal") {
		t.Errorf("unknown command: exit %d, %q", code, errOut)
	}
	if code, _, _ := cli(t, "staff", "list", "--bogus"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
}

func TestEmptyListIsAnArray(t *testing.T) {
	t.Parallel()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	code, out, _ := cli(t, "--data", db, "staff", "list", "--format", "json")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Fatalf("empty list: exit %d, %q; want []", code, out)
	}
}

func TestOfficeSetAndShow(t *testing.T) {
	t.Parallel()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	if code, _, errOut := cli(t, "office", "set", "--data", db, "--kecamatan", "Soreang", "--kabupaten", "Bandung", "--kota", "Soreang"); code != 0 {
		t.Fatalf("office set: exit %d: %s", code, errOut)
	}
	if code, _, _ := cli(t, "office", "set", "--data", db, "--alamat", "Jl. Alun-alun Utara No. 1"); code != 0 {
		t.Fatal("office set (address only) failed")
	}
	_, out, _ := cli(t, "office", "show", "--data", db)
	for _, want := range []string{"Soreang", "Bandung", "Jl. Alun-alun Utara No. 1"} {
		if !strings.Contains(out, want) {
			t.Errorf("office show lacks %q:\n%s", want, out)
		}
	}
	if code, _, errOut := cli(t, "office", "set", "--data", db, "--kecamatan", ""); code != 1 || !strings.Contains(errOut, "kecamatan") {
		t.Errorf("empty kecamatan: exit %d, %q", code, errOut)
	}
}

// TestDemoExportImportRoundTrip is the end-to-end path of the foundation issue:
// demo → list → export (CSV and XLSX) → import into a new file → the same list.
func TestDemoExportImportRoundTrip(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := created(t, filepath.Join(dir, "demo.db"))
	if code, out, errOut := cli(t, "demo", "--data", db, "--staff", "30", "--seed", "3"); code != 0 {
		t.Fatalf("demo: exit %d: %s %s", code, out, errOut)
	}
	if code, _, errOut := cli(t, "demo", "--data", db); code != 1 || !strings.Contains(errOut, "sudah berisi") {
		t.Errorf("second demo must be refused: exit %d, %q", code, errOut)
	}
	want := listJSON(t, db)
	if len(want) != 30 {
		t.Fatalf("demo made %d staff, want 30", len(want))
	}
	left := 0
	for _, s := range want {
		if s.Status == "left" {
			left++
		}
	}
	if left == 0 {
		t.Error("demo has nobody who left")
	}
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			file := filepath.Join(dir, "pegawai"+ext)
			if code, _, errOut := cli(t, "export", "staff", "--data", db, "--out", file); code != 0 {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			db2 := created(t, filepath.Join(t.TempDir(), "new.db"))
			if code, out, errOut := cli(t, "import", "staff", file, "--data", db2); code != 0 {
				t.Fatalf("import: exit %d: %s %s", code, out, errOut)
			}
			got := listJSON(t, db2)
			if len(got) != len(want) {
				t.Fatalf("imported %d staff, want %d", len(got), len(want))
			}
			// The export is sorted by name, so compare each person by NIP/NIK.
			byID := map[string]staffJSON{}
			for _, g := range got {
				g.ID = 0
				byID[g.NIP+g.NIK] = g
			}
			for _, w := range want {
				w.ID = 0
				if g := byID[w.NIP+w.NIK]; g != w {
					t.Errorf("%s differs after round trip:\nwant %+v\n got %+v", w.NIP+w.NIK, w, g)
				}
			}
		})
	}
}

func TestImportBadRowsSavesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := created(t, filepath.Join(dir, "k.db"))
	csv := "NIP;Nama;Jenis pegawai;Jenis kelamin;Tanggal lahir;Golongan;Jabatan;Unit kerja;TMT di kantor ini\n" +
		"196804111993031009;Asep Saepudin;PNS;L;11/04/1968;III/d;Kepala Seksi Pemerintahan;Seksi Pemerintahan;01/02/2020\n" +
		"19680411199303100;Dedi Suryana;PNS;L;11/04/1968;III/b;Pengadministrasi Perkantoran;Seksi Pemerintahan;01/02/2020\n" +
		"1,97E+17;Euis Rahayu;PNS;P;02/05/1975;III/a;Bendahara;Subbagian Perencanaan dan Keuangan;01/02/2020\n"
	file := filepath.Join(dir, "pegawai.csv")
	if err := os.WriteFile(file, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := cli(t, "import", "staff", file, "--data", db)
	if code != 1 {
		t.Fatalf("import with bad rows: exit %d, want 1; stderr %q", code, errOut)
	}
	for _, want := range []string{"baris 3:", "baris 4:", "Excel"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "baris 2:") {
		t.Errorf("the valid line 2 was reported:\n%s", errOut)
	}
	if n := len(listJSON(t, db)); n != 0 {
		t.Fatalf("%d staff saved although the import failed", n)
	}
	code, out, _ := cli(t, "--data", db, "import", "staff", "--skip-invalid", file)
	if code != 0 || !strings.Contains(out, "1 pegawai disimpan") {
		t.Fatalf("--skip-invalid: exit %d, %q", code, out)
	}
	if list := listJSON(t, db); len(list) != 1 || list[0].NIP != "196804111993031009" || list[0].Rank != "III/d" {
		t.Fatalf("after --skip-invalid: %+v", list)
	}
}

func TestSecondInstanceIsRefused(t *testing.T) {
	t.Parallel()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	svc, err := service.Open(db, service.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	code, _, errOut := cli(t, "staff", "list", "--data", db)
	if code != 1 || !strings.Contains(errOut, "sedang dipakai") {
		t.Fatalf("second instance: exit %d, %q", code, errOut)
	}
}

// TestBackupCheckRestore runs the data-file commands on one small demo
// file: backup (an existing file only with --replace), check (clean, then a
// record edited outside Kinerja), restore (the old data back, the replaced
// file kept).
func TestBackupCheckRestore(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := filepath.Join(dir, "k.db")
	testkit.CopyDataFile(t, svckit.DemoFile(t), db)
	if code, _, errOut := cli(t, "office", "set", "--data", db, "--kecamatan", "Soreang", "--kabupaten", "Bandung", "--alamat", "Jl. Lama 1"); code != 0 {
		t.Fatal(errOut)
	}
	staff := len(listJSON(t, db))
	out := filepath.Join(dir, "cadangan.db")
	if code, _, errOut := cli(t, "backup", "--out", out, "--data", db); code != 0 {
		t.Fatalf("backup: exit %d: %s", code, errOut)
	}
	if n := len(listJSON(t, out)); n != staff {
		t.Fatalf("backup holds %d staff, want %d", n, staff)
	}
	if code, _, errOut := cli(t, "backup", "--out", out, "--data", db); code != 1 || !strings.Contains(errOut, out) || !strings.Contains(errOut, "--replace") {
		t.Fatalf("backup over an existing file: exit %d, %q", code, errOut)
	}
	if code, _, errOut := cli(t, "backup", "--out", out, "--data", db, "--replace"); code != 0 {
		t.Fatalf("backup --replace: exit %d: %s", code, errOut)
	}
	if code, _, errOut := cli(t, "backup", "--out", db, "--data", db, "--replace"); code != 1 || !strings.Contains(errOut, db) {
		t.Fatalf("backup over the data file: exit %d, %q", code, errOut)
	}

	// check: clean, in one line.
	code, stdout, errOut := cli(t, "check", "--data", db)
	if code != 0 || strings.Count(stdout, "\n") != 1 || !strings.Contains(stdout, "tidak ada masalah") {
		t.Fatalf("check: exit %d, %q, %q", code, stdout, errOut)
	}

	// restore: the office address changes, the backup brings the old one back.
	if code, _, errOut := cli(t, "office", "set", "--data", db, "--alamat", "Jl. Baru 2"); code != 0 {
		t.Fatal(errOut)
	}
	if code, _, errOut := cli(t, "restore", "--data", db, out); code != 1 || !strings.Contains(errOut, "--yes") {
		t.Fatalf("restore without a terminal nor --yes: exit %d, %q", code, errOut)
	}
	code, stdout, errOut = cli(t, "restore", "--data", db, out, "--yes")
	if code != 0 || !strings.Contains(stdout, fmt.Sprintf("%d pegawai", staff)) || !strings.Contains(stdout, "disimpan sebagai") || strings.Contains(stdout, "PERHATIAN") {
		t.Fatalf("restore: exit %d, %q, %q", code, stdout, errOut)
	}
	if _, show, _ := cli(t, "office", "show", "--data", db); !strings.Contains(show, "Jl. Lama 1") {
		t.Fatalf("after restore: %q", show)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "backups", "kinerja-sebelum-pulih-*.db"))
	if len(kept) != 1 {
		t.Fatalf("replaced file kept as %v", kept)
	}

	// check: a staff record changed directly in the closed file is named.
	db2, err := bolt.Open(db, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db2.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("staff"))
		k, v := b.Cursor().First()
		return b.Put(bytes.Clone(k), bytes.Replace(v, []byte(`"name":"`), []byte(`"name":"X`), 1))
	})
	if cerr := db2.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut = cli(t, "check", "--data", db)
	if code != 1 || !strings.Contains(stdout, "pegawai nomor 1") || !strings.Contains(errOut, "masalah") {
		t.Fatalf("check after an outside edit: exit %d, %q, %q", code, stdout, errOut)
	}
}

// TestCSVListingNeutralisesFormulas: a name a spreadsheet would run as a
// formula comes out of "--format csv" as text.
func TestCSVListingNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := created(t, filepath.Join(dir, "k.db"))
	name := `=HYPERLINK("http://contoh.invalid","klik")`
	file := filepath.Join(dir, "pegawai.csv")
	row := "NIP;Nama;Jenis pegawai;Jenis kelamin;Tanggal lahir;Golongan;Jabatan;Unit kerja;TMT di kantor ini\n" +
		`196804111993031009;"=HYPERLINK(""http://contoh.invalid"",""klik"")";PNS;L;11/04/1968;III/d;Kepala Seksi Pemerintahan;Seksi Pemerintahan;01/02/2020` + "\n"
	if err := os.WriteFile(file, []byte(row), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, out, errOut := cli(t, "import", "staff", file, "--data", db); code != 0 {
		t.Fatalf("import: exit %d, %q, %q", code, out, errOut)
	}
	code, out, errOut := cli(t, "staff", "list", "--data", db, "--format", "csv")
	if code != 0 {
		t.Fatalf("staff list: exit %d, %q", code, errOut)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 2 {
		t.Fatalf("CSV %q: %v", out, err)
	}
	if !slices.Contains(recs[1], "'"+name) {
		t.Fatalf("row %q lacks %q", recs[1], "'"+name)
	}
}

func TestParseInterleaved(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"import", "staff", "a.csv", "--skip-invalid"},
		{"import", "staff", "--skip-invalid", "a.csv"},
	} {
		code, _, errOut := cli(t, append(args, "--data", created(t, filepath.Join(t.TempDir(), "k.db")))...)
		// a.csv does not exist: the flags parsed, the command ran and failed on the file.
		if code != 1 || !strings.Contains(errOut, "a.csv") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
}

// created makes an empty data file at path, as the first "office set" would,
// and returns path: every other command refuses a missing file.
func created(t *testing.T, path string) string {
	t.Helper()
	svc, err := service.Open(path, service.Options{Create: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	if err := svc.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}
