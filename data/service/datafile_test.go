package service

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"kinerja/data"
	"kinerja/data/store"
)

// editEvaluationLikeAnAttacker changes the work rating of a stored
// evaluation directly in the bbolt file and then rebuilds the whole audit
// hash chain (every entry's Prev, the newest entry's Hash for that record
// and the chain head), as someone who read the source could: the store's
// own checks then see nothing wrong. entries is the audit as the store reads
// it (Store.Audit, taken before the file was closed); the attacker writes the
// rebuilt chain in the older JSON form of an entry, which the store still
// reads.
func editEvaluationLikeAnAttacker(t *testing.T, path, periodID string, staffID uint64, rating data.Rating, entries []store.AuditEntry) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	key := make([]byte, 8)
	binary.BigEndian.PutUint64(key, staffID)
	hexOf := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	err = db.Update(func(tx *bolt.Tx) error {
		ev := tx.Bucket([]byte("evaluations")).Bucket([]byte(periodID))
		var e data.Evaluation
		if err := json.Unmarshal(ev.Get(key), &e); err != nil {
			return err
		}
		e.WorkRating = rating
		raw, err := json.Marshal(e)
		if err != nil {
			return err
		}
		if err := ev.Put(key, raw); err != nil {
			return err
		}
		newHash := hexOf(raw)
		audit := tx.Bucket([]byte("audit"))
		var keys [][]byte
		_ = audit.ForEach(func(k, _ []byte) error {
			keys = append(keys, bytes.Clone(k))
			return nil
		})
		if len(keys) != len(entries) {
			t.Fatalf("%d audit keys, %d entries read", len(keys), len(entries))
		}
		last := -1
		for i, a := range entries {
			if a.Bucket == "evaluations/"+periodID && bytes.Equal(a.RawKey, key) {
				last = i
			}
		}
		if last < 0 {
			t.Fatal("no audit entry for the evaluation")
		}
		prev := ""
		for i := range keys {
			a := entries[i]
			if i == last {
				a.Hash = newHash
			}
			a.Prev = prev
			v, err := json.Marshal(a)
			if err != nil {
				return err
			}
			if err := audit.Put(keys[i], v); err != nil {
				return err
			}
			prev = hexOf(v)
		}
		return tx.Bucket([]byte("meta")).Put([]byte("audit_head"), []byte(prev))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestCheckCatchesRatingsEditedOutsideEvenWithRebuiltAudit(t *testing.T) {
	o := signOffice(t)
	staff := o.pelaksana[0]
	o.submitted(t, staff, data.RatingSesuai, data.RatingSesuai)
	if _, _, err := o.svc.FinalizeAndSign(o.periodID, staff, testSignerPass); err != nil {
		t.Fatalf("FinalizeAndSign: %v", err)
	}
	svc := o.svc
	rep, err := svc.Check(context.Background(), nil)
	if err != nil || !rep.Clean() {
		t.Fatalf("before the edit: %v %v", err, rep.Problems)
	}
	path := svc.Path()
	person, err := svc.StaffByID(staff)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := o.svc.st.Audit()
	if err != nil {
		t.Fatal(err)
	}
	if err := o.svc.st.Close(); err != nil {
		t.Fatal(err)
	}
	editEvaluationLikeAnAttacker(t, path, o.periodID, staff, data.RatingDiAtas, entries)

	st, err := store.Open(path, store.Options{Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if own, err := st.Check(context.Background(), store.CheckOptions{}); err != nil || !own.Clean() {
		t.Fatalf("the attacker should have fooled the store's own checks: %v %v", err, own.Problems)
	}
	rep, err = New(st).Check(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 {
		t.Fatalf("want one problem, got %v", rep.Problems)
	}
	p := rep.Problems[0].String()
	for _, want := range []string{o.periodID, person.Name, "berbeda dari yang ditandatangani"} {
		if !strings.Contains(p, want) {
			t.Errorf("problem %q does not name %q", p, want)
		}
	}
	if rep.Recorded {
		t.Error("a check with problems must not be recorded as clean")
	}
}

// dataOffice is a small writable file with one staff member, wrapped in a
// Service, with a fixed clock.
func dataOffice(t *testing.T) *Service {
	t.Helper()
	svc, _ := openService(t, person(1, data.KindPNS, 1))
	if err := svc.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung"}); err != nil {
		t.Fatal(err)
	}
	return svc
}

func TestCheckCleanIsRecorded(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	if _, ok, _ := svc.LastCleanCheck(); ok {
		t.Fatal("a new file was never checked")
	}
	var steps int
	rep, err := svc.Check(context.Background(), func(CheckProgress) { steps++ })
	if err != nil || !rep.Clean() || !rep.Recorded || steps == 0 {
		t.Fatalf("check: %v %+v steps %d", err, rep, steps)
	}
	if at, ok, err := svc.LastCleanCheck(); err != nil || !ok || !at.Equal(testNow) {
		t.Fatalf("LastCleanCheck = %v %v %v", at, ok, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := svc.Check(ctx, nil); err == nil {
		t.Fatal("a cancelled check must say so")
	}
}

func TestOutputsRefusedWhereTheyWouldDestroyData(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	if err := svc.BackupTo(context.Background(), filepath.Join(t.TempDir(), "x.db"), false); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.BackupDaily(context.Background(), DefaultRetention); err != nil {
		t.Fatal(err)
	}
	daily := filepath.Join(svc.BackupDir(), testNow.Format("kinerja-2006-01-02.db"))
	if _, err := os.Stat(daily); err != nil {
		t.Fatal(err)
	}
	// A second Kinerja file held open by another store.
	held := filepath.Join(t.TempDir(), "lain.db")
	other, err := store.Open(held, store.Options{Create: true})
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	link := filepath.Join(t.TempDir(), "link.csv")
	if err := os.Symlink(svc.Path(), link); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Calendar(); err != nil { // seeds the shipped holidays, a write of its own
		t.Fatal(err)
	}
	before, _ := os.ReadFile(svc.Path())

	cases := []struct {
		name  string
		write func() error
		file  string
	}{
		{"staff export over the data file (by a .csv link)", func() error { _, err := svc.ExportStaff(link); return err }, "link.csv"},
		{"staff export as .csv in backups", func() error {
			_, err := svc.ExportStaff(filepath.Join(svc.BackupDir(), "p.csv"))
			return err
		}, "p.csv"},
		{"output over a daily backup", func() error { return svc.WriteOutput(daily, []byte("x")) }, daily},
		{"output over a held file", func() error { return svc.WriteOutput(held, []byte("x")) }, held},
		{"backup over the data file", func() error { return svc.BackupTo(context.Background(), svc.Path(), true) }, svc.Path()},
		{"backup over a held file", func() error { return svc.BackupTo(context.Background(), held, true) }, held},
		{"backup into backups/", func() error {
			return svc.BackupTo(context.Background(), filepath.Join(svc.BackupDir(), "baru.db"), false)
		}, "baru.db"},
		{"attendance export into backups/", func() error {
			_, err := svc.ExportAttendance(2026, time.October, svc.BackupDir(), FormatXLSX, data.NewDate(2026, 11, 28))
			return err
		}, "rekap-kehadiran-2026-10.xlsx"},
	}
	for _, c := range cases {
		err := c.write()
		if now, _ := os.ReadFile(svc.Path()); !bytes.Equal(before, now) {
			t.Fatalf("%s: the data file changed", c.name)
		}
		if err == nil {
			t.Errorf("%s: written", c.name)
			continue
		}
		if !errors.Is(err, store.ErrProtected) && !errors.Is(err, store.ErrAlreadyOpen) {
			t.Errorf("%s: %v is not a refusal", c.name, err)
		}
		if !strings.Contains(err.Error(), filepath.Base(c.file)) {
			t.Errorf("%s: %q does not name the file", c.name, err)
		}
	}
	if err := svc.BackupTo(context.Background(), filepath.Join(filepath.Dir(held), "x.db"), false); err != nil {
		t.Fatalf("backup to a new file: %v", err)
	}
	if err := svc.BackupTo(context.Background(), filepath.Join(filepath.Dir(held), "x.db"), false); !errors.Is(err, store.ErrExists) {
		t.Fatalf("backup over an existing file without replace: %v", err)
	}
	after, _ := os.ReadFile(svc.Path())
	if !bytes.Equal(before, after) {
		t.Fatal("the data file changed")
	}
}

func TestExportToMissingFolderSaysSo(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	missing := filepath.Join(t.TempDir(), "tidak-ada")
	for name, err := range map[string]error{
		"output": svc.WriteOutput(filepath.Join(missing, "a.pdf"), []byte("%PDF")),
		"staff":  func() error { _, err := svc.ExportStaff(filepath.Join(missing, "p.xlsx")); return err }(),
		"backup": svc.BackupTo(context.Background(), filepath.Join(missing, "c.db"), false),
	} {
		if err == nil || !strings.Contains(err.Error(), "tidak ada") || !strings.Contains(err.Error(), "tidak-ada") ||
			strings.Contains(err.Error(), "dicabut") {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	ctx := context.Background()
	bak := filepath.Join(t.TempDir(), "cadangan.db")
	if err := svc.BackupTo(ctx, bak, false); err != nil {
		t.Fatal(err)
	}
	s, err := svc.StaffByID(1)
	if err != nil {
		t.Fatal(err)
	}
	s.Name = "Nama Diubah Setelah Cadangan"
	if _, err := svc.SaveStaff(s); err != nil {
		t.Fatal(err)
	}
	sum, err := svc.InspectBackup(ctx, bak)
	if err != nil || len(sum.Problems) > 0 || !sum.SameOffice || sum.Staff != 1 {
		t.Fatalf("inspect: %v %+v", err, sum)
	}
	res, err := svc.Restore(ctx, sum)
	if err != nil {
		t.Fatal(err)
	}
	if res.KeptAs == "" {
		t.Fatal("the replaced file was not kept")
	}
	back, err := svc.StaffByID(1)
	if err != nil || back.Name == s.Name {
		t.Fatalf("after restore: %q, %v", back.Name, err)
	}
	if _, err := svc.InspectBackup(ctx, svc.Path()); !errors.Is(err, store.ErrProtected) {
		t.Fatalf("inspecting the open file as a backup: %v", err)
	}
	good, found, err := svc.NewestGoodBackup(ctx)
	if err != nil || !found || good.Path != res.KeptAs {
		t.Fatalf("NewestGoodBackup = %v %v %v", good.Path, found, err)
	}
}

func TestRestoreFileOverUnopenableFile(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	ctx := context.Background()
	bak := filepath.Join(t.TempDir(), "cadangan.db")
	if err := svc.BackupTo(ctx, bak, false); err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "rusak.db")
	if err := os.WriteFile(broken, make([]byte, 8192), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(broken, Options{}); err == nil {
		t.Fatal("a zeroed file opens")
	}
	sum, err := InspectBackup(ctx, bak)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RestoreFile(ctx, broken, sum, testNow); err != nil {
		t.Fatal(err)
	}
	again, err := Open(broken, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if n, err := again.StaffCount(); err != nil || n != 1 {
		t.Fatalf("restored file: %d staff, %v", n, err)
	}
}

func TestDamagedFilesGiveIndonesianErrors(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	bak := filepath.Join(t.TempDir(), "sumber.db")
	if err := svc.BackupTo(context.Background(), bak, false); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(bak)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	zeroed := bytes.Clone(whole)
	if len(zeroed) < 6*page {
		t.Fatalf("fixture too small: %d bytes", len(zeroed))
	}
	for i := 4 * page; i < 5*page; i++ { // a page of the tree, not a meta page
		zeroed[i] = 0
	}
	for name, content := range map[string][]byte{
		"truncated": whole[:4*page+page/2], // cut inside the tree pages (a compacted file may end in free space)
		"zeroed":    zeroed,
		"empty":     nil,
	} {
		path := filepath.Join(t.TempDir(), name+".db")
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
		s, err := Open(path, Options{})
		if err != nil {
			if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "rusak") {
				t.Errorf("%s: open: %v", name, err)
			}
			continue
		}
		rep, err := s.Check(context.Background(), nil)
		if err != nil {
			t.Errorf("%s: check: %v", name, err)
		} else if rep.Clean() {
			t.Errorf("%s: check found nothing", name)
		}
		if _, err := s.AllStaff(); err == nil && s.Damage() == nil && rep.Clean() {
			t.Errorf("%s: no damage seen", name)
		}
		if s.Damage() != nil {
			if _, err := s.SaveStaff(person(9, data.KindPNS, 1)); err == nil {
				t.Errorf("%s: a write to a damaged file was accepted", name)
			}
		}
		_ = s.Close()
	}
}

func TestMissingDataFileIsAnError(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "tidak-ada.db")
	if _, err := Open(path, Options{}); !errors.Is(err, store.ErrNoFile) || !strings.Contains(err.Error(), "tidak ada") {
		t.Fatalf("open missing: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("opening a missing file created it")
	}
}

func TestBackupDailyCancelledLeavesNothing(t *testing.T) {
	t.Parallel()
	svc := dataOffice(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := svc.BackupDaily(ctx, DefaultRetention); err == nil {
		t.Fatal("a cancelled daily backup reported success")
	}
	entries, _ := os.ReadDir(svc.BackupDir())
	if len(entries) != 0 {
		t.Fatalf("left in backups: %v", entries)
	}
}
