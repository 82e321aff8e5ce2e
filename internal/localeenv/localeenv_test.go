package localeenv

import (
	"os"
	"testing"
)

func TestNormalize(t *testing.T) {
	for _, c := range []struct {
		all, messages, lang        string
		wantAll, wantMsg, wantLang string
	}{
		{"", "", "C", "", messages, "C"},
		{"", "", "C.UTF-8", "", messages, "C.UTF-8"},
		{"", "", "POSIX", "", messages, "POSIX"},
		{"C.UTF-8", "", "id_ID.UTF-8", "", messages, "C.UTF-8"},
		{"", "", "id_ID.UTF-8", "", "", "id_ID.UTF-8"},
		{"", "id_ID.UTF-8", "C", "", "id_ID.UTF-8", "C"},
		{"en_US.UTF-8", "", "C", "en_US.UTF-8", "", "C"},
		{"", "", "", "", "", ""},
		{"", "", "Ca_ES", "", "", "Ca_ES"},
	} {
		t.Setenv("LC_ALL", c.all)
		t.Setenv("LC_MESSAGES", c.messages)
		t.Setenv("LANG", c.lang)
		Normalize()
		if all, msg, lang := os.Getenv("LC_ALL"), os.Getenv("LC_MESSAGES"), os.Getenv("LANG"); all != c.wantAll || msg != c.wantMsg || lang != c.wantLang {
			t.Errorf("LC_ALL=%q LC_MESSAGES=%q LANG=%q → %q %q %q; want %q %q %q", c.all, c.messages, c.lang, all, msg, lang, c.wantAll, c.wantMsg, c.wantLang)
		}
	}
}
