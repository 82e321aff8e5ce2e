package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

func TestNewFileIsSeededAndReopenKeepsData(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "kinerja.db")
	s := mustOpen(t, path)
	units, err := s.Units()
	if err != nil {
		t.Fatal(err)
	}
	if len(units) != len(data.DefaultUnits()) || units[0].ID != 1 || units[8].ID != 9 {
		t.Fatalf("seeded units = %+v", units)
	}
	saved, err := s.SaveStaff(asep())
	if err != nil {
		t.Fatalf("SaveStaff: %v", err)
	}
	if err := s.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = mustOpen(t, path)
	defer s.Close()
	got, err := s.StaffByID(saved.ID)
	if err != nil || got.NIP != asep().NIP || got.Name != "Asep Saepudin" || !got.BirthDate.Equal(asep().BirthDate) {
		t.Fatalf("after reopen StaffByID = %+v, %v", got, err)
	}
	if o, _ := s.Office(); o.Kecamatan != "Soreang" {
		t.Fatalf("office after reopen = %+v", o)
	}
	if units, _ := s.Units(); len(units) != 9 {
		t.Fatalf("reopen seeded again: %d units", len(units))
	}
	u, err := s.SaveUnit(data.Unit{Name: "Seksi Baru", Kind: data.UnitSection, ParentID: 1})
	if err != nil || u.ID != 10 {
		t.Fatalf("new unit after seeding = %+v, %v; want ID 10", u, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestSecondOpenTimesOut(t *testing.T) {
	t.Parallel()
	_, path := openTemp(t)
	s2, err := Open(path, testOptions())
	if !errors.Is(err, ErrAlreadyOpen) {
		if s2 != nil {
			s2.Close()
		}
		t.Fatalf("second Open: err = %v, want ErrAlreadyOpen", err)
	}
}

// setSchema writes a schema version straight into a closed file.
func setSchema(t *testing.T, path string, v int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		raw, _ := json.Marshal(v)
		return tx.Bucket([]byte(bucketMeta)).Put([]byte(metaSchema), raw)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestNewerSchemaIsRefusedAndFileUntouched(t *testing.T) {
	t.Parallel()
	s, path := openTemp(t)
	if _, err := s.SaveStaff(asep()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	setSchema(t, path, SchemaVersion()+1)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path, testOptions()); !errors.Is(err, ErrNewerSchema) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open newer file: err = %v, want ErrNewerSchema", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Fatal("refused file was modified")
	}
}

func TestForeignBoltFileIsRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "lain.db")
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		_, err := tx.CreateBucket([]byte("sesuatu"))
		return err
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if s, err := Open(path, testOptions()); !errors.Is(err, errForeignFile) {
		if s != nil {
			s.Close()
		}
		t.Fatalf("Open foreign file: err = %v", err)
	}
}

// withMigration appends step to migrations for the rest of the test.
func withMigration(t *testing.T, step migration) {
	saved := migrations
	migrations = append(append([]migration(nil), migrations...), step)
	t.Cleanup(func() { migrations = saved })
}

func schemaIn(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var v int
	err = db.View(func(tx *bolt.Tx) (err error) {
		v, err = schemaOf(reader{tx: tx})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMigrationRunsAfterCopy(t *testing.T) {
	s, path := openTemp(t)
	if _, err := s.SaveStaff(asep()); err != nil {
		t.Fatal(err)
	}
	s.Close()
	old := SchemaVersion()

	ran := 0
	withMigration(t, func(c *change) error {
		ran++
		return c.put(bucketMeta, []byte("probe"), "v2")
	})
	s = mustOpen(t, path)
	defer s.Close()
	if ran != 1 {
		t.Fatalf("migration ran %d times", ran)
	}
	var probe string
	if ok, err := s.view2(func(r reader) (bool, error) { return r.get(bucketMeta, []byte("probe"), &probe) }); !ok || err != nil || probe != "v2" {
		t.Fatalf("probe = %q, %v, %v", probe, ok, err)
	}
	if v := schemaIn(t, BackupName(path, old+1)); v != old {
		t.Fatalf("copy before migration has schema %d, want %d", v, old)
	}
	if n, _ := s.StaffCount(); n != 1 {
		t.Fatalf("staff after migration = %d", n)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatal(err)
	}
}

func TestFailedMigrationLeavesFileAtOldVersion(t *testing.T) {
	s, path := openTemp(t)
	s.Close()
	old := SchemaVersion()
	withMigration(t, func(c *change) error {
		if err := c.put(bucketMeta, []byte("probe"), "half"); err != nil {
			return err
		}
		return errors.New("langkah gagal")
	})
	if s, err := Open(path, testOptions()); err == nil {
		s.Close()
		t.Fatal("Open with a failing migration succeeded")
	}
	if v := schemaIn(t, path); v != old {
		t.Fatalf("schema after failed migration = %d, want %d", v, old)
	}
}

// view2 runs fn in a read transaction and returns its results.
func (s *Store) view2(fn func(r reader) (bool, error)) (ok bool, err error) {
	err = s.view(func(r reader) error {
		ok, err = fn(r)
		return err
	})
	return ok, err
}
