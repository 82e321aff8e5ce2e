package pdf

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"strconv"
	"strings"
	"sync"

	"kinerja/assets"
)

// fontFamily is the name the documents select their embedded font by.
const fontFamily = "DejaVu"

// fontSet is the embedded font, read once per process: the gofpdf
// definition and compressed font file of the regular and bold face, the
// faces parsed for cutting them down per document (subset.go), and the
// encoding from Unicode to the fonts' single-byte codes.
type fontSet struct {
	regular, bold [2][]byte // definition JSON, compressed font file
	faces         [2]*ttfFace
	codes         *codeTable
}

// fontMarker is what gofpdf is given as the font file of a face: gofpdf
// only copies it into the document, and compressPages puts the face's
// subset (or whole file) in its place, so the 12 KB files are not copied
// through gofpdf's buffers for every document.
func fontMarker(name string) []byte {
	return []byte("%kinerja-font " + name + "\n")
}

// codeTable gives the fonts' code of every character of the Basic
// Multilingual Plane, 0 for the characters the fonts lack (code 0 is never a
// printable one). An array lookup is several times faster than a map for text
// that is encoded character by character.
type codeTable [0x10000]byte

// newCodeTable fills a table from a parsed encoding.
func newCodeTable(codes map[rune]byte) *codeTable {
	var t codeTable
	for r, c := range codes {
		if r >= 0 && r < 0x10000 {
			t[r] = c
		}
	}
	return &t
}

// loadFonts reads the embedded fonts and their encoding once.
var loadFonts = sync.OnceValues(func() (fontSet, error) {
	var set fontSet
	read := func(name string) ([]byte, error) {
		data, err := fs.ReadFile(assets.Fonts, "fonts/"+name)
		if err != nil {
			return nil, fmt.Errorf("huruf %s tidak ada di dalam program: %w", name, err)
		}
		return data, nil
	}
	for _, f := range []struct {
		face *[2][]byte
		name string
	}{{&set.regular, "DejaVuSansCondensed-Kinerja"}, {&set.bold, "DejaVuSansCondensed-Bold-Kinerja"}} {
		for i, ext := range []string{".json", ".z"} {
			data, err := read(f.name + ext)
			if err != nil {
				return set, err
			}
			f.face[i] = data
		}
	}
	encoding, err := read("kinerja.map")
	if err != nil {
		return set, err
	}
	codes, err := parseEncoding(encoding)
	if err != nil {
		return set, err
	}
	set.codes = newCodeTable(codes)
	var runeOf [256]rune
	for r, c := range codes {
		runeOf[c] = r
	}
	for i, face := range []struct {
		name string
		file []byte
	}{{"DejaVuSansCondensed", set.regular[1]}, {"DejaVuSansCondensed-Bold", set.bold[1]}} {
		if set.faces[i], err = parseFace(face.file, &runeOf); err != nil {
			return set, err
		}
		set.faces[i].marker = fontMarker(face.name)
	}
	return set, nil
})

// parseEncoding reads a gofpdf encoding map: one line per code,
// "!81 U+2610 uni2610". Codes below 0x20 and 0x7F are not printable and are
// left out.
func parseEncoding(data []byte) (map[rune]byte, error) {
	codes := make(map[rune]byte, 256)
	lines := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; lines.Scan(); n++ {
		parts := strings.Fields(lines.Text())
		if len(parts) == 0 {
			continue
		}
		if len(parts) < 2 || !strings.HasPrefix(parts[0], "!") || !strings.HasPrefix(parts[1], "U+") {
			return nil, fmt.Errorf("peta huruf baris %d tidak terbaca: %q", n, lines.Text())
		}
		code, err := strconv.ParseUint(parts[0][1:], 16, 8)
		if err != nil {
			return nil, fmt.Errorf("peta huruf baris %d: kode %q: %w", n, parts[0], err)
		}
		r, err := strconv.ParseUint(parts[1][2:], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("peta huruf baris %d: karakter %q: %w", n, parts[1], err)
		}
		if code >= 0x20 && code != 0x7F {
			codes[rune(r)] = byte(code)
		}
	}
	return codes, lines.Err()
}

// encode turns text into the fonts' single-byte codes: "\n" stays a line
// break, tabs become spaces, other control characters are dropped and any
// character the fonts lack becomes "?".
func encode(codes *codeTable, text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	out := make([]byte, 0, len(text))
	for _, r := range text {
		switch {
		case r == '\n':
			out = append(out, '\n')
		case r == '\t' || r == '\r':
			out = append(out, ' ')
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
		case r >= 0x10000 || codes[r] == 0:
			out = append(out, '?')
		default:
			out = append(out, codes[r])
		}
	}
	return string(out)
}
