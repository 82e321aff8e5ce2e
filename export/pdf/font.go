package pdf

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"

	"kinerja/assets"
)

// fontFamily is the name the documents select their embedded font by.
const fontFamily = "DejaVu"

// fontFiles are the embedded regular and bold font, read once per process.
var fontFiles = sync.OnceValues(func() ([2][]byte, error) {
	var files [2][]byte
	for i, name := range []string{"fonts/DejaVuSansCondensed-Latin.ttf", "fonts/DejaVuSansCondensed-Bold-Latin.ttf"} {
		data, err := fs.ReadFile(assets.Fonts, name)
		if err != nil {
			return files, fmt.Errorf("huruf %s tidak ada di dalam program: %w", name, err)
		}
		files[i] = data
	}
	return files, nil
})

// supported reports whether the embedded fonts have a glyph for r. The ranges
// are the ones assets/fonts/README.md cut the fonts to.
func supported(r rune) bool {
	switch {
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0x17F, r >= 0x2010 && r <= 0x2027:
		return true
	}
	switch r {
	case 0x2030, 0x2032, 0x2033, 0x20AC, 0x2116, 0x2122, 0x2212, 0x2264, 0x2265, 0x2610, 0x2611, 0x2612, 0x2713, 0x25A1, 0xFFFD:
		return true
	}
	return false
}

// clean makes text safe to draw: line breaks become "\n", tabs become spaces,
// other control characters are dropped and characters the font lacks become
// "?". Text is otherwise kept as the caller gave it.
func clean(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t' || r == '\r':
			return ' '
		case r < 0x20 || (r >= 0x7F && r < 0xA0):
			return -1
		case !supported(r):
			return '?'
		}
		return r
	}, text)
}
