package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"kinerja/assets"
	"kinerja/data"
)

// goI18nReserved are the words go-i18n treats as message fields; a message key
// equal to one of them (in any case) breaks the whole file.
var goI18nReserved = []string{"id", "one", "other", "zero", "two", "few", "many",
	"description", "hash", "leftdelim", "rightdelim", "translation"}

func TestTranslationsSameFilesAndKeys(t *testing.T) {
	files := func(code string) []string {
		names, err := fs.Glob(assets.Translations, "translations/"+code+"/*.json")
		if err != nil {
			t.Fatal(err)
		}
		for i, n := range names {
			names[i] = filepath.Base(n)
		}
		return names
	}
	if id, en := files(LangIndonesian), files(LangEnglish); strings.Join(id, ",") != strings.Join(en, ",") {
		t.Fatalf("translation files differ: id %v, en %v", id, en)
	}
	id, err := loadMessages(assets.Translations, LangIndonesian)
	if err != nil {
		t.Fatal(err)
	}
	en, err := loadMessages(assets.Translations, LangEnglish)
	if err != nil {
		t.Fatal(err)
	}
	for k := range id {
		if _, ok := en[k]; !ok {
			t.Errorf("key %q is in id but not in en", k)
		}
	}
	for k := range en {
		if _, ok := id[k]; !ok {
			t.Errorf("key %q is in en but not in id", k)
		}
	}
}

func TestTranslationsPerFileSameKeys(t *testing.T) {
	names, err := fs.Glob(assets.Translations, "translations/id/*.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range names {
		base := filepath.Base(name)
		id := loadOne(t, "translations/id/"+base)
		en := loadOne(t, "translations/en/"+base)
		if a, b := sortedKeys(id), sortedKeys(en); strings.Join(a, "\n") != strings.Join(b, "\n") {
			t.Errorf("%s: id and en keys differ", base)
		}
	}
}

func loadOne(t *testing.T, name string) map[string]string {
	t.Helper()
	m, err := loadMessages(fstest.MapFS{"translations/x/f.json": mustRead(t, name)}, "x")
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

func mustRead(t *testing.T, name string) *fstest.MapFile {
	t.Helper()
	b, err := fs.ReadFile(assets.Translations, name)
	if err != nil {
		t.Fatal(err)
	}
	return &fstest.MapFile{Data: b}
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestTranslationKeysNotReserved(t *testing.T) {
	for _, code := range Languages {
		msgs, err := loadMessages(assets.Translations, code)
		if err != nil {
			t.Fatal(err)
		}
		for k, v := range msgs {
			for _, r := range goI18nReserved {
				if strings.EqualFold(k, r) {
					t.Errorf("%s: key %q is a go-i18n reserved word", code, k)
				}
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s: key %q has no text", code, k)
			}
			if _, err := template.New(k).Parse(v); err != nil {
				t.Errorf("%s: key %q: bad template: %v", code, k, err)
			}
		}
	}
}

// messageKey matches string literals shaped like this package's message keys.
var messageKey = regexp.MustCompile(`^[a-z]+(\.[a-z0-9_]+)+$`)

// TestEveryUsedKeyTranslated reads the package's source: every literal shaped
// like a message key, and every key built from a prefix, must be in the id file.
func TestEveryUsedKeyTranslated(t *testing.T) {
	msgs, err := loadMessages(assets.Translations, LangIndonesian)
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	screens := map[string]bool{ScreenSKP: true, ScreenEvaluation: true}
	pkgs, err := parser.ParseDir(token.NewFileSet(), ".", func(fi fs.FileInfo) bool {
		return !strings.HasSuffix(fi.Name(), "_test.go")
	}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pkgs {
		for _, f := range p.Files {
			ast.Inspect(f, func(n ast.Node) bool {
				if _, ok := n.(*ast.ImportSpec); ok {
					return false
				}
				if d, ok := n.(*ast.GenDecl); ok && d.Tok == token.CONST {
					return false // constants are identifiers (the app ID), not message keys
				}
				if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					if s := strings.Trim(lit.Value, "\"`"); messageKey.MatchString(s) && !screens[s] {
						used[s] = true
					}
				}
				return true
			})
		}
	}
	for _, s := range append(append([]string{}, Screens...), ScreenSKP, ScreenEvaluation) {
		used["nav."+s] = true
	}
	for _, r := range append(staffFormRows, "status") {
		used["staff.field."+r] = true
	}
	for _, s := range []data.Sex{data.SexMale, data.SexFemale} {
		used["sex."+string(s)] = true
	}
	for _, k := range []data.EventKind{data.EventRank, data.EventPosition, data.EventTransfer, data.EventLeave} {
		used["event.title."+string(k)] = true
	}
	for _, k := range data.UnitKinds {
		used["unitkind."+string(k)] = true
	}
	if len(used) < 100 {
		t.Fatalf("found only %d keys in the source; the scan is broken", len(used))
	}
	for k := range used {
		if _, ok := msgs[k]; !ok {
			t.Errorf("key %q is used but not translated", k)
		}
	}
}

func TestLoadMessages(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		wantErr string
		wantLen int
	}{
		{"two files merge", fstest.MapFS{
			"translations/id/a.json": {Data: []byte(`{"a.x":"A"}`)},
			"translations/id/b.json": {Data: []byte(`{"b.x":"B"}`)},
		}, "", 2},
		{"same key in two files", fstest.MapFS{
			"translations/id/a.json": {Data: []byte(`{"a.x":"A"}`)},
			"translations/id/b.json": {Data: []byte(`{"a.x":"B"}`)},
		}, `kunci "a.x"`, 0},
		{"nested object refused", fstest.MapFS{
			"translations/id/a.json": {Data: []byte(`{"a":{"other":"A"}}`)},
		}, "bukan JSON datar", 0},
		{"no files", fstest.MapFS{}, "tidak ada file terjemahan", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := loadMessages(tt.files, "id")
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tt.wantErr)
				}
				return
			}
			if err != nil || len(got) != tt.wantLen {
				t.Fatalf("got %d messages, %v; want %d", len(got), err, tt.wantLen)
			}
		})
	}
}

func TestSetupLanguage(t *testing.T) {
	loadedLanguage = ""
	tests := []struct {
		pref                    string
		nav, fyneCancel, dialog string
	}{
		{"", "Pegawai", "Batal", "Ya"},
		{LangIndonesian, "Pegawai", "Batal", "Ya"},
		{LangEnglish, "Staff", "Cancel", "Yes"},
		{"fr", "Pegawai", "Batal", "Ya"},
	}
	for _, tt := range tests {
		t.Run(tt.pref, func(t *testing.T) {
			a := test.NewTempApp(t)
			if tt.pref != "" {
				a.Preferences().SetString(PrefLanguage, tt.pref)
			}
			if err := SetupLanguage(a); err != nil {
				t.Fatal(err)
			}
			if got := lang.L("nav.pegawai"); got != tt.nav {
				t.Errorf("nav.pegawai = %q, want %q", got, tt.nav)
			}
			if got := lang.L("Cancel"); got != tt.fyneCancel {
				t.Errorf("Fyne's Cancel = %q, want %q", got, tt.fyneCancel)
			}
			if got := lang.L("Yes"); got != tt.dialog {
				t.Errorf("Fyne's Yes = %q, want %q", got, tt.dialog)
			}
		})
	}
	useIndonesian(t)
}

func TestTargetLocales(t *testing.T) {
	tests := []struct {
		system string
		want   string
	}{
		{"en", "en"},
		{"", "en"},
		{"en-US", "en-US,en"},
		{"id-ID", "id-ID,en"},
	}
	for _, tt := range tests {
		var got []string
		for _, l := range targetLocales(fyneLocale(tt.system)) {
			got = append(got, l.String())
		}
		if strings.Join(got, ",") != tt.want {
			t.Errorf("targetLocales(%q) = %v, want %s", tt.system, got, tt.want)
		}
	}
}
