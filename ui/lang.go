package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"kinerja/assets"
)

// PrefLanguage is the fyne preference key holding the chosen interface language.
const PrefLanguage = "language"

// The interface languages. Indonesian is the default whatever the system locale.
const (
	LangIndonesian = "id"
	LangEnglish    = "en"
)

// Languages lists the interface languages in the order Pengaturan offers them.
var Languages = []string{LangIndonesian, LangEnglish}

// Language returns the language chosen in a's preferences, LangIndonesian when
// unset or unknown.
func Language(a fyne.App) string {
	if a.Preferences().StringWithFallback(PrefLanguage, LangIndonesian) == LangEnglish {
		return LangEnglish
	}
	return LangIndonesian
}

// SetupLanguage loads the translation chosen in a's preferences (see Language)
// and makes it win over the system locale. Fyne picks its language from the
// system locale and has no setter, so the chosen messages are registered under
// lang.SystemLocale() — and under "en", the fallback Fyne uses when it cannot
// match the system locale — replacing Fyne's own strings there too. Call it
// once, before any window is built.
func SetupLanguage(a fyne.App) error {
	msgs, err := loadMessages(assets.Translations, Language(a))
	if err != nil {
		return err
	}
	raw, err := json.Marshal(msgs)
	if err != nil {
		return fmt.Errorf("bahasa: menyusun terjemahan: %w", err)
	}
	for _, loc := range targetLocales(lang.SystemLocale()) {
		if err := lang.AddTranslationsForLocale(raw, loc); err != nil {
			return fmt.Errorf("bahasa: memuat terjemahan untuk %s: %w", loc, err)
		}
	}
	return nil
}

// targetLocales returns the locales a translation is registered under: the
// system locale and the "en" fallback, once each.
func targetLocales(system fyne.Locale) []fyne.Locale {
	if system == "en" || system == "" {
		return []fyne.Locale{"en"}
	}
	return []fyne.Locale{system, "en"}
}

// loadMessages merges every translations/<code>/*.json file of fsys into one
// map. A key found in two files is an error, so areas cannot silently override
// each other.
func loadMessages(fsys fs.FS, code string) (map[string]string, error) {
	dir := path.Join("translations", code)
	names, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil || len(names) == 0 {
		return nil, fmt.Errorf("bahasa: tidak ada file terjemahan di %s", dir)
	}
	sort.Strings(names)
	msgs := map[string]string{}
	from := map[string]string{}
	for _, name := range names {
		raw, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("bahasa: membaca %s: %w", name, err)
		}
		var file map[string]string
		if err := json.Unmarshal(raw, &file); err != nil {
			return nil, fmt.Errorf("bahasa: %s bukan JSON datar kunci→teks: %w", name, err)
		}
		for k, v := range file {
			if prev, dup := from[k]; dup {
				return nil, fmt.Errorf("bahasa: kunci %q ada di %s dan %s", k, prev, name)
			}
			msgs[k], from[k] = v, name
		}
	}
	return msgs, nil
}
