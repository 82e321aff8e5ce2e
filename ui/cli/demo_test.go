package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDemoNewFile: a demo into a file that does not exist is built aside and
// moved into place with its archive of signed documents (arsip/), leaving
// nothing else behind; the documents read back; a second demo is refused
// with the way out.
func TestDemoNewFile(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "baru")
	db := filepath.Join(dir, "demo.db")
	if code, out, errOut := cli(t, "demo", "--data", db, "--staff", "9"); code != 0 || !strings.Contains(out, db) {
		t.Fatalf("demo: exit %d: %q %q", code, out, errOut)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0].Name() != "arsip" || entries[1].Name() != "demo.db" {
		t.Errorf("folder holds %v, want arsip/ and demo.db", entries)
	}
	if code, out, errOut := cli(t, "check", "--data", db); code != 0 {
		t.Errorf("check of the new demo: exit %d: %s %s", code, out, errOut)
	}
	if n := len(listJSON(t, db)); n != 9 {
		t.Errorf("demo made %d staff, want 9", n)
	}
	if code, _, errOut := cli(t, "demo", "--data", db); code != 1 || !strings.Contains(errOut, "hapus file") {
		t.Errorf("second demo: exit %d, %q", code, errOut)
	}
}

func TestDemoYearsFlag(t *testing.T) {
	t.Parallel()
	for _, years := range []string{"0", "11", "x"} {
		db := filepath.Join(t.TempDir(), "k.db")
		if code, _, errOut := cli(t, "demo", "--data", db, "--years", years); code != 2 {
			t.Errorf("--years %s: exit %d, %q", years, code, errOut)
		}
		if _, err := os.Stat(db); !os.IsNotExist(err) {
			t.Errorf("--years %s made a file: %v", years, err)
		}
	}
}
