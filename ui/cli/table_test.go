package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"

	"kinerja/data/service"
	"kinerja/internal/testkit/svckit"
)

// readmeGroups reads the command table of README.md's CLI section: the bold
// rows are the groups, and every `kinerja WORD [WORD]` in a row's first
// cell is a command (a\|b\|c stands for three).
func readmeGroups(t *testing.T) []group {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	start := strings.Index(text, "## Perintah (CLI)")
	end := strings.Index(text[start:], "\nContoh:")
	if start < 0 || end < 0 {
		t.Fatal("README.md has no CLI section with a command table")
	}
	span := regexp.MustCompile("`kinerja ([^`]*)`")
	word := regexp.MustCompile(`^[a-z][a-z-]*(\\\|[a-z][a-z-]*)*$`)
	var groups []group
	for _, line := range strings.Split(text[start:start+end], "\n") {
		cells := strings.Split(line, " | ")
		if !strings.HasPrefix(line, "| ") || len(cells) < 2 {
			continue
		}
		first := strings.TrimPrefix(cells[0], "| ")
		if strings.HasPrefix(first, "**") {
			groups = append(groups, group{title: strings.Trim(first, "*")})
			continue
		}
		for _, m := range span.FindAllStringSubmatch(first, -1) {
			var words []string
			for _, w := range strings.Fields(m[1]) {
				if len(words) == 2 || !word.MatchString(w) {
					break
				}
				words = append(words, w)
			}
			if len(words) == 0 {
				continue // "kinerja [--data FILE]" opens the window
			}
			if len(groups) == 0 {
				t.Fatalf("README.md: %q stands before the first group", m[0])
			}
			g := &groups[len(groups)-1]
			last := len(words) - 1
			for _, alt := range strings.Split(words[last], `\|`) {
				name := strings.Join(append(words[:last:last], alt), " ")
				g.commands = append(g.commands, command{name: name})
			}
		}
	}
	return groups
}

// names lists the group titles and command names of groups, for comparing.
func names(groups []group) []string {
	var out []string
	for _, g := range groups {
		out = append(out, "## "+g.title)
		for _, c := range g.commands {
			out = append(out, c.name)
		}
	}
	return out
}

// helpGroups reads the groups and commands back from "kinerja help".
func helpGroups(t *testing.T) []group {
	t.Helper()
	code, out, _ := cli(t, "help")
	if code != 0 {
		t.Fatalf("help: exit %d", code)
	}
	body, _, _ := strings.Cut(out[strings.Index(out, "Perintah:"):], "\nOpsi umum:")
	var groups []group
	for _, line := range strings.Split(body, "\n")[1:] {
		switch {
		case line == "":
		case strings.HasPrefix(line, "  kinerja "):
			var words []string
			for _, w := range strings.Fields(strings.TrimPrefix(line, "  kinerja "))[:] {
				if len(words) == 2 || !isCommand(strings.Join(append(words[:len(words):len(words)], w), " ")) && len(words) > 0 {
					break
				}
				words = append(words, w)
			}
			groups[len(groups)-1].commands = append(groups[len(groups)-1].commands, command{name: strings.Join(words, " ")})
		case !strings.HasPrefix(line, " "):
			groups = append(groups, group{title: line})
		}
	}
	return groups
}

// TestHelpMatchesReadme: the table, "kinerja help" and README.md list the
// same commands in the same groups and order.
func TestHelpMatchesReadme(t *testing.T) {
	t.Parallel()
	table, readme, help := names(commandTable()), names(readmeGroups(t)), names(helpGroups(t))
	if !slices.Equal(table, readme) {
		t.Errorf("the command table and README.md differ:\ntable:  %q\nREADME: %q", table, readme)
	}
	if !slices.Equal(table, help) {
		t.Errorf("the command table and \"kinerja help\" differ:\ntable: %q\nhelp:  %q", table, help)
	}
	seen := map[string]bool{}
	for _, n := range table {
		if seen[n] {
			t.Errorf("%q is listed twice", n)
		}
		seen[n] = true
	}
}

// camel writes command words as a Go name: "signer export-root" → signerExportRoot.
func camel(name string) string {
	parts := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' })
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return strings.Join(parts, "")
}

// TestCommandFiles checks the package's rule: each command is a function
// named after its words, declared in the file named after its first word.
func TestCommandFiles(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	declared := map[string]string{} // function name → file
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil {
				declared[fn.Name.Name] = file
			}
		}
	}
	for _, g := range commandTable() {
		for _, c := range g.commands {
			full := runtime.FuncForPC(reflect.ValueOf(c.run).Pointer()).Name()
			fn := full[strings.LastIndex(full, ".")+1:]
			if !strings.EqualFold(fn, camel(c.name)) {
				t.Errorf("%q runs %s; name it %s", c.name, fn, camel(c.name))
			}
			noun, _, _ := strings.Cut(c.name, " ")
			if file := declared[fn]; file != noun+".go" {
				t.Errorf("%q (%s) is in %q; it belongs in %s.go", c.name, fn, file, noun)
			}
			if c.summary == "" {
				t.Errorf("%q has no summary", c.name)
			}
		}
	}
}

// TestEveryCommandParsesItsFlags: every command parses its flags before it
// touches the data file, and refuses an unknown one in Indonesian with exit 2.
func TestEveryCommandParsesItsFlags(t *testing.T) {
	t.Parallel()
	for _, g := range commandTable() {
		for _, c := range g.commands {
			args := append(strings.Fields(c.name), "--tidak-ada")
			code, out, errOut := cli(t, args...)
			want := "kinerja: " + c.name + ": opsi tidak dikenal: -tidak-ada (lihat \"kinerja help\")\n"
			if code != 2 || errOut != want || out != "" {
				t.Errorf("%s: exit %d, stdout %q, stderr %q; want exit 2 and %q", c.name, code, out, errOut, want)
			}
		}
	}
}

// TestFlagErrorsInIndonesian: Go's own flag messages never reach the user.
func TestFlagErrorsInIndonesian(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"staff", "list", "--format"}, `kinerja: staff list: opsi -format perlu nilai (lihat "kinerja help")`},
		{[]string{"staff", "list", "--format", "xml"}, `kinerja: staff list: --format harus text, csv atau json (lihat "kinerja help")`},
		{[]string{"period", "list", "--format", "csv"}, `kinerja: period list: --format harus text atau json (lihat "kinerja help")`},
		{[]string{"demo", "--staff", "banyak"}, `kinerja: demo: nilai opsi -staff salah: "banyak" bukan bilangan (lihat "kinerja help")`},
		{[]string{"demo", "--staff", "99999999999999999999"}, `kinerja: demo: nilai opsi -staff salah: "99999999999999999999" terlalu besar (lihat "kinerja help")`},
		{[]string{"import", "attendance", "a.dat", "--dry-run=mungkin"}, `kinerja: import attendance: nilai opsi -dry-run salah: "mungkin" (pakai true atau false) (lihat "kinerja help")`},
		{[]string{"import", "attendance", "a.dat", "--map", "12"}, `kinerja: import attendance: nilai opsi -map salah: --map "12": tulis PIN=NIP (lihat "kinerja help")`},
		{[]string{"staff", "list", "---x"}, `kinerja: staff list: opsi salah tulis: ---x (lihat "kinerja help")`},
		{[]string{"staff", "list", "--data"}, `kinerja: opsi -data perlu nilai (lihat "kinerja help")`},
		{[]string{"frobnicate"}, `kinerja: perintah tidak dikenal: "frobnicate" (lihat "kinerja help")`},
		{[]string{"period", "create"}, `kinerja: period create: sebutkan satu kode periode, mis. 2026-Q3 (lihat "kinerja help")`},
	} {
		code, _, errOut := cli(t, c.args...)
		if code != 2 || strings.TrimSpace(errOut) != c.want {
			t.Errorf("%q: exit %d, %q; want exit 2 and %q", c.args, code, errOut, c.want)
		}
	}
}

// TestReadingCommandsOpenReadOnly: while another program holds the file open
// for reading (a shared lock, as on a write-protected USB stick), every
// reading command still works; a writing one waits and is refused.
func TestReadingCommandsOpenReadOnly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := svckit.DemoFile(t)
	holder, err := service.Open(db, service.Options{ReadOnly: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	for _, args := range [][]string{
		{"staff", "list"},
		{"office", "show", "--format", "json"},
		{"calendar", "list", "--year", "2026"},
		{"attendance", "recap", "--month", "2026-11"},
		{"discipline", "--year", "2026"},
		{"period", "list"},
		{"settings", "evaluation"},
		{"signer", "list"},
		{"import", "attendance", filepath.Join(dir, "kosong.dat"), "--dry-run"},
		{"export", "staff", "--out", filepath.Join(dir, "pegawai.csv")},
		{"backup", "--out", filepath.Join(dir, "cadangan.db")},
		{"leave", "balance", "--year", "2026"},
		{"attendance", "incomplete", "--month", "2026-11"},
		{"attendance", "pins"},
		{"official", "list"},
		{"export", "penetapan", "--period", "2026-Q2", "--out", filepath.Join(dir, "penetapan.pdf")},
		{"check"},
	} {
		if len(args) > 1 && args[1] == "attendance" {
			if err := os.WriteFile(args[2], []byte("1\t2026-11-02 07:30:00\t1\t0\t1\t0\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		if code, _, errOut := cli(t, append([]string{"--data", db}, args...)...); code != 0 {
			t.Errorf("%q while the file is held for reading: exit %d: %s", args, code, errOut)
		}
	}
	if code, _, errOut := cli(t, "--data", db, "period", "create", "2026-Q4"); code != 1 || !strings.Contains(errOut, "sedang dipakai") {
		t.Errorf("a writing command while the file is held: exit %d, %q; want it refused", code, errOut)
	}
	for _, g := range commandTable() {
		for _, c := range g.commands {
			if c.access == creates && c.name != "office set" && c.name != "demo" {
				t.Errorf("%q may create a data file; only office set and demo may", c.name)
			}
		}
	}
}
