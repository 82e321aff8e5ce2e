package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// fixture writes a small data file with two staff members, closed, and
// returns its path; every test gets its own copy.
func fixture(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kinerja.db")
	s := mustOpen(t, path)
	if _, err := s.SaveStaff(asep()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveStaff(pns(400, "Siti Aminah")); err != nil {
		t.Fatal(err)
	}
	if err := s.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// wantFileError checks err is a *FileError of kind, with an Indonesian
// message naming the file.
func wantFileError(t *testing.T, err error, kind error, path string) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) || !errors.Is(err, kind) {
		t.Fatalf("err = %v (%T), want a FileError of kind %v", err, err, kind)
	}
	if !strings.Contains(err.Error(), filepath.Base(path)) {
		t.Errorf("message does not name the file: %q", err)
	}
}

func TestMissingFileWithoutCreate(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "kinerja.db")
	opt := testOptions()
	opt.Create = false
	_, err := Open(path, opt)
	wantFileError(t, err, ErrNoFile, path)
	if !strings.Contains(err.Error(), `"kinerja office set"`) {
		t.Errorf("message does not say how to create: %q", err)
	}
	if _, statErr := os.Stat(path); !errors.Is(statErr, os.ErrNotExist) {
		t.Fatal("Open without Create created the file")
	}
	opt.ReadOnly = true
	_, err = Open(path, opt)
	wantFileError(t, err, ErrNoFile, path)
}

func TestZeroByteFileIsDamagedNotSetUp(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "kinerja.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testOptions()) // even with Create
	wantFileError(t, err, ErrDamaged, path)
	if !strings.Contains(err.Error(), "kosong") {
		t.Errorf("message = %q", err)
	}
	if info, _ := os.Stat(path); info.Size() != 0 {
		t.Fatal("zero-byte file was set up")
	}
}

func TestTruncatedFileIsRefusedCleanly(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	info, _ := os.Stat(path)
	if err := os.Truncate(path, info.Size()/2); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testOptions())
	wantFileError(t, err, ErrDamaged, path)
	if !strings.Contains(err.Error(), "terpotong") || !strings.HasPrefix(err.Error(), "File data rusak") {
		t.Errorf("message = %q", err)
	}
}

func TestMetaPageDamageIsRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		off  int64 // offset into the file to overwrite
		kind error
	}{
		{"checksum meta 0", pageHeaderSize + 48, ErrDamaged}, // txid of meta 0
		{"checksum meta 1", 4096 + pageHeaderSize + 48, ErrDamaged},
		{"magic meta 0", pageHeaderSize, ErrDamaged}, // meta 1 still valid: damage, not a foreign file
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			path := fixture(t)
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			_, err = f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef}, tc.off)
			f.Close()
			if err != nil {
				t.Fatal(err)
			}
			_, err = Open(path, testOptions())
			wantFileError(t, err, tc.kind, path)
		})
	}
	path := filepath.Join(t.TempDir(), "catatan.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("bukan file data ", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, testOptions())
	wantFileError(t, err, ErrNotDataFile, path)
}

// zeroPageOf overwrites, in the closed file at path, the leaf page that
// holds the staff records with zeros.
func zeroPageOf(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	var pgid int64
	var size int64
	err = db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketStaff))
		pgid = int64(b.Root())
		size = int64(db.Info().PageSize)
		return nil
	})
	db.Close()
	if err != nil || pgid == 0 {
		t.Fatalf("staff bucket root = %d, %v (want a page of its own)", pgid, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteAt(make([]byte, size), pgid*size); err != nil {
		t.Fatal(err)
	}
}

func TestZeroedPageGivesCleanErrorAndBlocksWrites(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	// Give the staff bucket a page of its own (not inline), then damage it.
	s := mustOpen(t, path)
	for i := 1; i < 12; i++ {
		if _, err := s.SaveStaff(pns(400+i*3, "Pegawai Tambahan")); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	zeroPageOf(t, path)

	s = mustOpen(t, path) // the meta pages are fine: it opens
	defer s.Close()
	_, err := s.AllStaff()
	wantFileError(t, err, ErrDamaged, path)
	if !errors.Is(s.Damage(), ErrDamaged) {
		t.Fatal("damage not remembered")
	}
	err = s.SetOffice(data.Office{Kecamatan: "Lain", Kabupaten: "Bandung", Kota: "Soreang"})
	wantFileError(t, err, ErrDamaged, path)
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil || rep.Clean() {
		t.Fatalf("Check = %+v, %v; want problems", rep, err)
	}
	// A backup of the damaged file stops with the reason, leaving nothing
	// behind (its copy is written in several transactions; the one open when
	// the damaged page is reached is rolled back, not left holding the copy).
	outDir := t.TempDir()
	done := make(chan error, 1)
	go func() { done <- s.BackupTo(context.Background(), filepath.Join(outDir, "salinan.db"), false) }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrDamaged) {
			t.Fatalf("backup of a damaged file: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the backup of a damaged file did not return")
	}
	if left, _ := os.ReadDir(outDir); len(left) != 0 {
		t.Fatalf("the failed backup left %v", left)
	}
}

func TestReadOnlyOpenOnReadOnlyFile(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	if os.Getuid() != 0 { // root writes through permissions
		_, err := Open(path, testOptions())
		if err == nil || !strings.Contains(err.Error(), filepath.Base(path)) {
			t.Fatalf("writable Open of a read-only file: %v", err)
		}
	}
	opt := testOptions()
	opt.Create, opt.ReadOnly = false, true
	s, err := Open(path, opt)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if st, err := s.AllStaff(); err != nil || len(st) != 2 {
		t.Fatalf("AllStaff = %d, %v", len(st), err)
	}
	wantFileError(t, s.SetOffice(data.Office{Kecamatan: "X", Kabupaten: "Y", Kota: "Z"}), ErrReadOnly, path)
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil || !rep.Clean() || rep.Recorded {
		t.Fatalf("read-only Check = %+v, %v", rep, err)
	}
	// Two readers share the file.
	s2, err := Open(path, opt)
	if err != nil {
		t.Fatalf("second read-only Open: %v", err)
	}
	s2.Close()
}

func TestCheckCleanAndRecorded(t *testing.T) {
	t.Parallel()
	s := mustOpen(t, fixture(t))
	defer s.Close()
	var steps []string
	rep, err := s.Check(context.Background(), CheckOptions{Progress: func(p CheckProgress) { steps = append(steps, p.Step) }})
	if err != nil || !rep.Clean() || !rep.Recorded || rep.Records == 0 {
		t.Fatalf("Check = %+v, %v", rep, err)
	}
	if len(steps) != 5 {
		t.Errorf("progress steps = %q", steps)
	}
	if at, ok, err := s.LastCleanCheck(); err != nil || !ok || !at.Equal(testNow) {
		t.Fatalf("LastCleanCheck = %v, %v, %v", at, ok, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatalf("the health record broke VerifyAudit: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Check(ctx, CheckOptions{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled Check: %v", err)
	}
	extra := Problem{Where: "penilaian akhir pegawai 1", What: "tidak sama dengan dokumen"}
	rep, _ = s.Check(context.Background(), CheckOptions{Extra: func(context.Context) ([]Problem, error) { return []Problem{extra}, nil }})
	if rep.Clean() || rep.Problems[0] != extra {
		t.Fatalf("extra problems = %+v", rep.Problems)
	}
}

func TestCheckNamesRecordEditedOutsideKinerja(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte(bucketStaff))
		v := b.Get(idKey(1))
		edited := strings.Replace(string(v), "Asep", "Ucup", 1)
		if err := b.Put(idKey(1), []byte(edited)); err != nil {
			return err
		}
		return tx.Bucket([]byte(bucketUnits)).Put(idKey(99), []byte(`{"id":99}`))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path)
	defer s.Close()
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range rep.Problems {
		got[p.String()] = true
	}
	for _, want := range []string{
		"pegawai nomor 1: isinya berbeda dari yang tercatat di audit (diubah di luar Kinerja?)",
		"unit kerja nomor 99: tidak tercatat di audit (ditambahkan di luar Kinerja?)",
	} {
		if !got[want] {
			t.Errorf("missing problem %q in %v", want, got)
		}
	}
	if len(rep.Problems) != 2 || rep.Recorded {
		t.Errorf("problems = %v, recorded %v", rep.Problems, rep.Recorded)
	}
}

func TestStaleTempsRemovedAtOpen(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	dir := filepath.Dir(path)
	backups := filepath.Join(dir, "backups")
	if err := os.MkdirAll(backups, 0o700); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	files := map[string]bool{ // name → removed
		filepath.Join(dir, ".laporan.pdf.tmp-123456"):           true,
		filepath.Join(dir, ".kinerja.db.tmp-42"):                true,
		filepath.Join(backups, "kinerja-2026-11-27.db.tmp-987"): true,
		filepath.Join(backups, ".kinerja-2026-11-27.db.tmp-5"):  true,
		filepath.Join(dir, ".laporan.pdf.tmp-77x"):              false, // not our naming
		filepath.Join(dir, "laporan.tmp-12"):                    false,
		filepath.Join(dir, "catatan.txt"):                       false,
		filepath.Join(dir, ".baru.xlsx.tmp-99"):                 false, // recent: maybe still being written
	}
	for name := range files {
		if err := os.WriteFile(name, []byte("x"), 0o600); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(name, "baru") {
			os.Chtimes(name, old, old)
		}
	}
	s := mustOpen(t, path)
	s.Close()
	for name, removed := range files {
		_, err := os.Stat(name)
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed = %v, want %v", filepath.Base(name), gone, removed)
		}
	}
}

func TestOpenErrorsAreIndonesian(t *testing.T) {
	t.Parallel()
	_, path := openTemp(t)
	_, err := Open(path, testOptions())
	wantFileError(t, err, ErrAlreadyOpen, path)
	if !strings.Contains(err.Error(), "sedang dipakai") {
		t.Errorf("timeout message = %q", err)
	}
}

func TestFileTruncatedWhileOpenFaultsIntoError(t *testing.T) {
	t.Parallel()
	path := fixture(t)
	s := mustOpen(t, path)
	defer s.Close()
	for i := 1; i < 12; i++ {
		if _, err := s.SaveStaff(pns(400+i*3, "Pegawai Tambahan")); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Truncate(path, 2*4096); err != nil { // keep the meta pages only
		t.Fatal(err)
	}
	_, err := s.AllStaff() // reads past the end of the mapped file: a fault, not a crash
	wantFileError(t, err, ErrDamaged, path)
	err = s.SetOffice(data.Office{Kecamatan: "Lain", Kabupaten: "Bandung", Kota: "Soreang"})
	wantFileError(t, err, ErrDamaged, path)
	t.Log(err)
}
