package boundary

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"kinerja/internal/testkit"
)

// pkg is one package of the module as go list describes it; a test variant
// ("kinerja/ui [kinerja/ui.test]") is listed under its plain path.
type pkg struct {
	path    string   // import path, test variant suffix removed
	variant string   // the name go list gives, e.g. "kinerja/ui [kinerja/ui.test]"
	imports []string // direct imports (of the test files too, for a test variant)
	deps    []string // every package it reaches
}

// listPackages runs go list on the whole module as CI builds it
// (CGO_ENABLED=0, -tags ci), test variants included.
func listPackages(t *testing.T) []pkg {
	t.Helper()
	gobin := testkit.NeedTool(t, "go")
	cmd := exec.Command(gobin, "list", "-tags", "ci", "-test",
		"-f", "{{.ImportPath}}|{{join .Imports \" \"}}|{{join .Deps \" \"}}", "kinerja/...")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var list []pkg
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 3 {
			t.Fatalf("go list line %q", line)
		}
		path, _, _ := strings.Cut(f[0], " ")
		if strings.HasSuffix(path, ".test") { // the generated test main
			continue
		}
		list = append(list, pkg{path: path, variant: f[0], imports: strings.Fields(f[1]), deps: strings.Fields(f[2])})
	}
	if len(list) < 10 {
		t.Fatalf("go list found only %d packages", len(list))
	}
	return list
}

// under reports whether path is root or a package below it.
func under(path, root string) bool { return path == root || strings.HasPrefix(path, root+"/") }

// matching returns the entries of list that reach a package for which bad holds.
func matching(list []string, bad func(string) bool) []string {
	var out []string
	for _, p := range list {
		if bad(p) {
			out = append(out, p)
		}
	}
	return out
}

func isFyne(p string) bool { return under(p, "fyne.io") }

func TestBoundaries(t *testing.T) {
	list := listPackages(t)
	seen := map[string]bool{}
	for _, p := range list {
		seen[p.path] = true
		switch {
		case under(p.path, "kinerja/data"), under(p.path, "kinerja/export"), p.path == "kinerja/assets", under(p.path, "kinerja/internal"):
			if bad := matching(p.deps, isFyne); len(bad) > 0 {
				t.Errorf("%s reaches Fyne (%s); data/, export/ and assets stay free of it, even indirectly", p.variant, bad[0])
			}
		}
		if under(p.path, "kinerja/ui") {
			// The front ends never reach the store. Their tests may open a
			// closed data file with bbolt itself, to damage it the way an
			// outside edit would; the program's own code may not.
			forbidden := func(i string) bool {
				return under(i, "kinerja/data/store") || (p.variant == p.path && under(i, "go.etcd.io/bbolt"))
			}
			if bad := matching(p.imports, forbidden); len(bad) > 0 {
				t.Errorf("%s imports %s; the front ends go through data/service, the one door", p.variant, strings.Join(bad, ", "))
			}
		}
		if under(p.path, "kinerja/ui/cli") {
			if bad := matching(p.deps, isFyne); len(bad) > 0 {
				t.Errorf("%s reaches Fyne (%s); the command line works without it", p.variant, bad[0])
			}
		}
		if !under(p.path, "kinerja/internal/testkit") && p.variant == p.path {
			if bad := matching(p.imports, func(i string) bool { return under(i, "kinerja/internal/testkit") }); len(bad) > 0 {
				t.Errorf("%s imports %s outside its tests", p.path, bad[0])
			}
		}
	}
	for _, want := range []string{"kinerja/data", "kinerja/data/service", "kinerja/data/store", "kinerja/export/pdf", "kinerja/ui", "kinerja/ui/cli"} {
		if !seen[want] {
			t.Errorf("go list did not list %s", want)
		}
	}
}

// TestRootHoldsOnlyMain checks that the module root has no Go source file
// besides main.go (its tests aside): the program lives in the packages below it.
func TestRootHoldsOnlyMain(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root not found: %v", err)
	}
	names, err := filepath.Glob(filepath.Join(root, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var sources []string
	for _, n := range names {
		if n = filepath.Base(n); !strings.HasSuffix(n, "_test.go") {
			sources = append(sources, n)
		}
	}
	sort.Strings(sources)
	names = sources
	if strings.Join(names, " ") != "main.go" {
		t.Errorf("module root holds %v, want only main.go", names)
	}
}
