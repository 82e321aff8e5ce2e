package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"kinerja/data/store"
)

func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestWriteFileAtomicReplaces(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "laporan.pdf")
	if err := os.WriteFile(path, []byte("lama"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "baru")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "baru" {
		t.Errorf("content %q, %v", got, err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %q, want only the file", names)
	}
}

func TestWriteFileAtomicKeepsOldFileOnError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "pegawai.xlsx")
	if err := os.WriteFile(path, []byte("lama"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("gagal di tengah jalan")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "setengah"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "lama" {
		t.Errorf("old file changed to %q", got)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("temporary file left behind: %q", names)
	}
}

func TestWriteFileAtomicNewFileAndMissingDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "baru.csv")
	if err := WriteFileAtomic(path, func(w io.Writer) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if info, err := os.Stat(path); err != nil || info.Size() != 0 {
		t.Errorf("stat = %v, %v", info, err)
	}
	err := WriteFileAtomic(filepath.Join(dir, "tidak-ada", "x.csv"), func(w io.Writer) error {
		t.Error("write called although the directory is missing")
		return nil
	})
	if err == nil {
		t.Error("no error for a missing directory")
	}
}

func TestWriteFileAtomicGuardedRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "laporan.pdf")
	no := errors.New("dilindungi")
	err := WriteFileAtomicGuarded(path, func(string) error { return no }, func(w io.Writer) error {
		t.Error("write called for a refused path")
		return nil
	})
	if !errors.Is(err, no) {
		t.Fatalf("err = %v", err)
	}
	if names := dirNames(t, dir); len(names) != 0 {
		t.Fatalf("refused write left %q", names)
	}
	var names []string
	err = WriteFileAtomicGuarded(path, nil, func(w io.Writer) error {
		names = dirNames(t, dir)
		return nil
	})
	if err != nil || len(names) != 1 || !store.IsTempName(names[0]) {
		t.Errorf("temporary files %q (%v): want one the store cleans up", names, err)
	}
}
