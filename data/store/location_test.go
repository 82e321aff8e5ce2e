package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestIsUNC(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path string
		want bool
	}{
		{`\\server\share\kinerja.db`, true},
		{`//server/share/kinerja.db`, true},
		{`\\?\UNC\server\share\kinerja.db`, true},
		{`\\?\C:\Data\kinerja.db`, false},
		{`\\.\C:\kinerja.db`, false},
		{`C:\Users\Ani\AppData\Roaming\Kinerja\kinerja.db`, false},
		{`/home/ani/kinerja.db`, false},
		{`///x`, false},
		{``, false},
	}
	for _, tc := range tests {
		if got := isUNC(tc.path); got != tc.want {
			t.Errorf("isUNC(%q) = %v, want %v", tc.path, got, tc.want)
		}
	}
}

func TestOpenRefusesUNC(t *testing.T) {
	t.Parallel()
	for _, path := range []string{`\\server\share\kinerja.db`, `//server/share/kinerja.db`} {
		s, err := Open(path, testOptions())
		if !errors.Is(err, ErrNetworkDrive) {
			if s != nil {
				s.Close()
			}
			t.Fatalf("Open(%q) = %v, want ErrNetworkDrive", path, err)
		}
	}
}

func TestCloudFolderWarns(t *testing.T) {
	t.Parallel()
	tests := []struct {
		path string
		warn bool
	}{
		{`C:\Users\Ani\OneDrive - Pemkab\kinerja.db`, true},
		{`/home/ani/Dropbox/kinerja.db`, true},
		{`G:\Google Drive\kinerja.db`, true},
		{`C:\Users\Ani\iCloudDrive\kinerja.db`, true},
		{`C:\Users\Ani\AppData\Roaming\Kinerja\kinerja.db`, false},
	}
	for _, tc := range tests {
		if got := len(cloudWarnings(tc.path)) > 0; got != tc.warn {
			t.Errorf("cloudWarnings(%q) warns = %v", tc.path, got)
		}
	}
	path := filepath.Join(t.TempDir(), "Dropbox", "kinerja.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	s := mustOpen(t, path)
	defer s.Close()
	if len(s.Warnings()) != 1 {
		t.Fatalf("Warnings = %v", s.Warnings())
	}
}

func TestDefaultPathFor(t *testing.T) {
	t.Parallel()
	exeDir, config := t.TempDir(), t.TempDir()
	configDir := func() (string, error) { return config, nil }
	got, err := defaultPathFor(exeDir, configDir)
	if want := filepath.Join(config, "Kinerja", FileName); err != nil || got != want {
		t.Fatalf("installed: %q, %v; want %q", got, err, want)
	}
	if _, err := os.Stat(filepath.Dir(got)); err != nil {
		t.Fatalf("folder not created: %v", err)
	}
	if err := os.WriteFile(filepath.Join(exeDir, PortableFlag), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err = defaultPathFor(exeDir, configDir)
	if want := filepath.Join(exeDir, FileName); err != nil || got != want {
		t.Fatalf("portable: %q, %v; want %q", got, err, want)
	}
	if _, err := defaultPathFor(t.TempDir(), func() (string, error) { return "", errors.New("tidak ada") }); err == nil {
		t.Fatal("missing config dir accepted")
	}
}
