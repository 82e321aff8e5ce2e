// Package testkit holds the fixtures the tests of Kinerja share: a fixed
// clock, a valid-person builder,
// the rule for external tools (required in CI, skipped elsewhere) and data
// files built once per test binary and copied per test. It is imported only
// by _test.go files; the boundary test in this package checks that.
//
// It imports only package data, so the tests of every other package can use
// it. Fixtures that need the service (and the cheap key cost) live in
// internal/testkit/svckit: the service's own tests (package service) cannot
// import a package that imports the service.
package testkit

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"kinerja/data"
)

// Now is the fixed moment of the tests: Saturday 28 November 2026, 10:00 UTC.
var Now = time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC)

// Today is the date of Now.
var Today = data.NewDate(2026, time.November, 28)

// Clock returns Now, for service.Options.Now and store.Options.Now.
func Clock() time.Time { return Now }

// Person returns a valid staff member of kind k in unit, started on
// 4 January 2010 as Pengadministrasi Perkantoran III/b (IX for PPPK, none for
// Non-ASN); i makes the name, birth date and identifier unique.
func Person(i int, k data.Kind, unit uint64) data.Staff {
	return PersonAs(i, k, unit, "Pengadministrasi Perkantoran", "III/b")
}

// PersonAs is Person with a position and a rank (the rank is ignored for
// PPPK and Non-ASN).
func PersonAs(i int, k data.Kind, unit uint64, position, rank string) data.Staff {
	born := data.NewDate(1970, time.January, 1).AddDays(i)
	s := data.Staff{
		Name: fmt.Sprintf("Pegawai %02d", i), Kind: k, Sex: data.SexMale, BirthDate: born,
		History: []data.Event{{Date: data.NewDate(2010, time.January, 4), Kind: data.EventStart,
			Rank: rank, Position: position, UnitID: unit}},
	}
	switch {
	case k == data.KindNonASN:
		s.NIK = fmt.Sprintf("3204%02d%s%04d", 10, born.Time().Format("020106"), i+1)
		s.History[0].Rank = ""
	case k.IsPPPK():
		s.NIP = fmt.Sprintf("%s2021211%03d", born.Compact(), i%999+1)
		s.History[0].Rank = "IX"
		s.ContractStart, s.ContractEnd = data.NewDate(2021, 1, 1), data.NewDate(2030, 12, 31)
	default:
		s.NIP = fmt.Sprintf("%s2010011%03d", born.Compact(), i%999+1)
	}
	return s
}

// NeedTool returns the path of a command-line tool (pdftotext, qpdf,
// pdfsig…). Without it the test fails when CI=true, since CI installs
// poppler-utils and qpdf, and is skipped elsewhere.
func NeedTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s wajib ada di CI (pasang poppler-utils dan qpdf): %v", name, err)
		}
		t.Skipf("%s tidak terpasang: %v", name, err)
	}
	return p
}

// Tool runs a tool found by NeedTool and returns its combined output and
// its exit error.
func Tool(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	out, err := exec.Command(NeedTool(t, name), args...).CombinedOutput()
	return string(out), err
}

// WriteTemp writes b to name in a temporary folder of the test and returns
// its path.
func WriteTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// CopyFile copies the file from to a new file to.
func CopyFile(t testing.TB, from, to string) {
	t.Helper()
	if err := copyFile(from, to); err != nil {
		t.Fatal(err)
	}
}

// CopyDataFile copies a Kinerja data file and, when there is one, the
// archive folder of signed documents beside it (arsip/), so the copy reads
// its documents; an archive already beside to is left as it is.
func CopyDataFile(t testing.TB, from, to string) {
	t.Helper()
	if err := copyDataFile(from, to); err != nil {
		t.Fatal(err)
	}
}

func copyDataFile(from, to string) error {
	if err := copyFile(from, to); err != nil {
		return err
	}
	src, dst := filepath.Join(filepath.Dir(from), "arsip"), filepath.Join(filepath.Dir(to), "arsip")
	names, err := os.ReadDir(src)
	if os.IsNotExist(err) {
		return nil
	} else if err != nil {
		return err
	}
	if _, err := os.Stat(dst); err == nil {
		return nil
	}
	if err := os.MkdirAll(dst, 0o700); err != nil {
		return err
	}
	for _, n := range names {
		if n.Type().IsRegular() {
			if err := copyFile(filepath.Join(src, n.Name()), filepath.Join(dst, n.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// shared is a file built once per test binary.
type shared struct {
	once sync.Once
	path string
	err  error
}

var (
	sharedMu    sync.Mutex
	sharedFiles = map[string]*shared{}
	sharedDir   string
)

// Shared returns the path of a fresh copy, in the test's temporary folder,
// of a file built once per test binary: the first test asking for name
// calls build with a path in a folder of its own, and build writes the file
// there (a data file must be closed when build returns); build may stop the
// test that runs it with t.Fatal, and then fails the others. Every test gets
// its own copy, so tests may change it and run in parallel. A build error
// fails every test that asks for name. Packages using Shared call Main from
// TestMain so the built files are removed at the end.
func Shared(t testing.TB, name string, build func(path string) error) string {
	t.Helper()
	sharedMu.Lock()
	s, ok := sharedFiles[name]
	if !ok {
		s = &shared{}
		sharedFiles[name] = s
	}
	sharedMu.Unlock()
	s.once.Do(func() {
		dir, err := sharedFolder()
		if err != nil {
			s.err = err
			return
		}
		// Each file gets a folder of its own, so what the store keeps beside
		// it (the archive of signed documents) is its own too.
		own := filepath.Join(dir, strings.NewReplacer("/", "_", string(filepath.Separator), "_").Replace(name)+".d")
		if s.err = os.MkdirAll(own, 0o700); s.err != nil {
			return
		}
		s.path = filepath.Join(own, filepath.Base(name))
		// A build that stops the test (t.Fatal) leaves this error behind.
		s.err = fmt.Errorf("pembuatan %s terhenti", name)
		s.err = build(s.path)
	})
	if s.err != nil {
		t.Fatalf("membuat fixture %s: %v", name, s.err)
	}
	cp := filepath.Join(t.TempDir(), filepath.Base(s.path))
	CopyDataFile(t, s.path, cp)
	return cp
}

// sharedFolder is the temporary folder of the shared files, made once.
func sharedFolder() (string, error) {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if sharedDir == "" {
		dir, err := os.MkdirTemp("", "kinerja-testkit-")
		if err != nil {
			return "", err
		}
		sharedDir = dir
	}
	return sharedDir, nil
}

// Main runs the tests of a package and removes the files Shared built:
//
//	func TestMain(m *testing.M) { testkit.Main(m) }
func Main(m *testing.M) {
	code := m.Run()
	Cleanup()
	os.Exit(code)
}

// Cleanup removes the files Shared built, for a TestMain that has more to do
// than Main.
func Cleanup() {
	sharedMu.Lock()
	defer sharedMu.Unlock()
	if sharedDir != "" {
		_ = os.RemoveAll(sharedDir)
		sharedDir = ""
	}
}
