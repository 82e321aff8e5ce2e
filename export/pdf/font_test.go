package pdf

import (
	"strings"
	"testing"
)

func TestEncode(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ in, want string }{
		{"Soreang", "Soreang"},
		{"Cilame – Kutawaringin", "Cilame \x96 Kutawaringin"},
		{"REKAP — NOVEMBER", "REKAP \x97 NOVEMBER"},
		{"Café", "Caf\xe9"},
		{"☐ Baik", "\x81 Baik"},
		{"≤ 2 hari, ≥ 95%", "\x8d 2 hari, \x8f 95%"},
		{"a\r\nb\tc", "a\nb c"},
		{"bel\x07l\u0085", "bell"},
		{"emoji 🙂 dan 漢", "emoji ? dan ?"},
		{"\xff", "?"},
		{"", ""},
	}
	for _, c := range cases {
		if got := encode(fonts.codes, c.in); got != c.want {
			t.Errorf("encode(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseEncoding(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, in string
		wantErr  string
		want     map[rune]byte
	}{
		{"good", "!00 U+0000 .notdef\n!41 U+0041 A\n\n!81 U+2610 uni2610\n", "", map[rune]byte{'A': 0x41, '☐': 0x81}},
		{"no bang", "41 U+0041 A\n", "baris 1", nil},
		{"bad code", "!1G4 U+0041 A\n", "baris 1", nil},
		{"code too big", "!141 U+0041 A\n", "baris 1", nil},
		{"bad rune", "!41 U+00ZZ A\n", "baris 1", nil},
		{"short", "!41\n", "baris 1", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseEncoding([]byte(c.in))
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Fatalf("error %v, want one containing %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(c.want) {
				t.Fatalf("got %v, want %v", got, c.want)
			}
			for r, b := range c.want {
				if got[r] != b {
					t.Errorf("code of %q = %#x, want %#x", r, got[r], b)
				}
			}
		})
	}
}

// TestEmbeddedEncoding checks that the shipped map covers what the documents
// print: Latin-1, the dashes and the tick box.
func TestEmbeddedEncoding(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "AZaz09 éÉñü–—“”•…€☐✓≤≥−·" {
		if fonts.codes[r] == 0 {
			t.Errorf("the font map lacks %q", r)
		}
	}
}
