package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr"
)

// fontFiles returns the embedded font files of a PDF as written by
// compressPages, uncompressed, with the dictionary of each.
func fontFiles(t *testing.T, doc []byte) (dicts []string, files [][]byte) {
	t.Helper()
	re := regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)
	for _, m := range re.FindAllSubmatchIndex(doc, -1) {
		n, _ := strconv.Atoi(string(doc[m[2]:m[3]]))
		size, _ := strconv.Atoi(string(doc[m[4]:m[5]]))
		zr, err := zlib.NewReader(bytes.NewReader(doc[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		font, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if len(font) != size {
			t.Errorf("font file of %d bytes, /Length1 %d", len(font), size)
		}
		dicts = append(dicts, string(doc[m[0]:m[1]]))
		files = append(files, font)
	}
	return dicts, files
}

// ttfTables reads the table directory of a TrueType file.
func ttfTables(font []byte) map[string][]byte {
	tables := map[string][]byte{}
	n := int(binary.BigEndian.Uint16(font[4:]))
	for i := range n {
		e := font[12+16*i:]
		off, size := binary.BigEndian.Uint32(e[8:]), binary.BigEndian.Uint32(e[12:])
		tables[string(e[:4])] = font[off : off+size]
	}
	return tables
}

// tableOf is one table of a TrueType file.
func tableOf(t *testing.T, font []byte, tag string) []byte {
	t.Helper()
	b := ttfTables(font)[tag]
	if b == nil {
		t.Fatalf("no %s table", tag)
	}
	return b
}

// glyphLengths reads the length of every glyph of a TrueType file.
func glyphLengths(t *testing.T, font []byte) []int {
	t.Helper()
	tables := ttfTables(font)
	numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
	long := binary.BigEndian.Uint16(tables["head"][50:]) == 1
	var lengths []int
	at := func(i int) int {
		if long {
			return int(binary.BigEndian.Uint32(tables["loca"][4*i:]))
		}
		return 2 * int(binary.BigEndian.Uint16(tables["loca"][2*i:]))
	}
	for g := range numGlyphs {
		lengths = append(lengths, at(g+1)-at(g))
	}
	if at(numGlyphs) > len(tables["glyf"]) {
		t.Fatalf("loca runs past glyf: %d > %d", at(numGlyphs), len(tables["glyf"]))
	}
	for _, tag := range []string{"GSUB", "GPOS", "GDEF", "MATH"} {
		if tables[tag] != nil {
			t.Errorf("table %s kept", tag)
		}
	}
	return lengths
}

// TestFontSubsets checks that a document embeds each face cut to the glyphs
// it draws: the characters of its text keep their outlines, a character it
// does not draw (☐, only on the blank form) has none, both fonts are named
// as subsets, and the tools read the file and its text.
func TestFontSubsets(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	e := electronic(t)
	doc, err := EvaluationDocument(e)
	if err != nil {
		t.Fatal(err)
	}
	dicts, files := fontFiles(t, doc)
	if len(files) != 2 {
		t.Fatalf("%d font files, want 2", len(files))
	}
	for i, font := range files {
		if len(font) >= fonts.faces[0].size/2 {
			t.Errorf("font %d: %d bytes, the whole face has %d: not cut down", i, len(font), fonts.faces[0].size)
		}
		if !strings.Contains(dicts[i], "/Length1 ") {
			t.Errorf("font %d: %q", i, dicts[i])
		}
		lengths := glyphLengths(t, font)
		// The regular face draws "Kinerja" and digits; the box ☐ (0x81) is
		// drawn by neither face in this document.
		face := fonts.faces[0]
		if len(lengths) == len(fonts.faces[1].parts) && len(lengths) != len(face.parts) {
			face = fonts.faces[1]
		}
		if got := lengths[face.gids[0x81]]; got != 0 {
			t.Errorf("font %d: glyph of ☐ kept (%d bytes)", i, got)
		}
		if got := lengths[face.gids['a']]; got == 0 {
			t.Errorf("font %d: glyph of a dropped", i)
		}
	}
	if n := len(regexp.MustCompile(`/BaseFont /[A-Z]{6}\+DejaVuSansCondensed`).FindAll(doc, -1)); n != 2 {
		t.Errorf("%d fonts named as subsets, want 2", n)
	}
	if n := len(regexp.MustCompile(`/FontName /[A-Z]{6}\+DejaVuSansCondensed`).FindAll(doc, -1)); n != 2 {
		t.Errorf("%d font descriptors named as subsets, want 2", n)
	}
	path := writePDF(t, "subset.pdf", doc)
	qpdfCheck(t, path)
	if text := pdfText(t, path); !strings.Contains(text, raterName) || !strings.Contains(text, "elektronik — tanda") {
		t.Errorf("text lost:\n%s", text)
	}
	out, err := exec.Command(needTool(t, "pdffonts"), path).CombinedOutput()
	if err != nil {
		t.Fatalf("pdffonts: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n")[2:] {
		if f := strings.Fields(line); len(f) < 6 || f[3] != "yes" || f[4] != "yes" {
			t.Errorf("pdffonts: not an embedded subset: %s", line)
		}
	}
}

// TestSubsetKeepsWinAnsiAliases: a soft hyphen (0xAD) and a no-break space
// (0xA0) are drawn by viewers with the glyphs WinAnsiEncoding names for
// them, "hyphen" and "space", so a subset drawing them keeps those; and the
// last full horizontal metric, which glyphs past it share, keeps its advance.
func TestSubsetKeepsWinAnsiAliases(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	for _, face := range fonts.faces {
		var used [256]bool
		used[0xAD], used[0xA0] = true, true
		_, _, kept := face.subset(&used)
		for _, code := range []int{0x2D, 0x20, 0xAD} {
			if !slices.Contains(kept, int(face.gids[code])) {
				t.Errorf("code %#x: glyph %d not kept (kept %v)", code, face.gids[code], kept)
			}
		}
		file, _, _ := face.subset(new([256]bool))
		last := face.numHMetrics - 1
		var whole []byte
		for _, tb := range face.tables {
			if tb.tag == "hmtx" {
				whole = tb.data
			}
		}
		got, want := binary.BigEndian.Uint16(tableOf(t, file, "hmtx")[4*last:]), binary.BigEndian.Uint16(whole[4*last:])
		if got != want {
			t.Errorf("the advance of the last full metric (glyph %d) is %d, the face's %d", last, got, want)
		}
	}
}

// TestFontsWholeWhenUnclear: a page the scanner cannot follow (an inline
// image operator) makes the document embed both faces whole, never a subset
// that could lack a glyph.
func TestFontsWholeWhenUnclear(t *testing.T) {
	t.Parallel()
	fonts, err := loadFonts()
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDocument(Common{}, false, "uji")
	if err != nil {
		t.Fatal(err)
	}
	d.setFont(true, 9)
	d.pdf.CellFormat(50, 5, d.enc("Judul"), "", 1, "L", false, 0, "")
	d.setFont(false, 9)
	d.pdf.CellFormat(50, 5, d.enc("Isi ≤ 2"), "", 1, "L", false, 0, "")
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	plain := buf.Bytes()
	i := bytes.Index(plain, []byte(")Tj ET"))
	if i < 0 {
		t.Fatal("no text in the page")
	}
	tampered := bytes.Clone(plain)
	copy(tampered[i+1:], "BI")
	doc, err := compressPages(tampered)
	if err != nil {
		t.Fatal(err)
	}
	_, files := fontFiles(t, doc)
	if len(files) != 2 {
		t.Fatalf("%d font files, want 2", len(files))
	}
	for i, font := range files {
		if len(font) != fonts.faces[0].size && len(font) != fonts.faces[1].size {
			t.Errorf("font %d: %d bytes, want a whole face", i, len(font))
		}
	}
	if bytes.Contains(doc, []byte("+DejaVu")) {
		t.Error("whole fonts named as subsets")
	}
	if bytes.Contains(doc, []byte("%kinerja-font")) {
		t.Error("font marker left in the document")
	}
}

func TestScanText(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, content string
		ok            bool
		f1, f2        string // codes marked per font
	}{
		{"plain", "BT /F1 9.00 Tf ET\nBT 1 2 Td (Abc)Tj ET", true, "Abc", ""},
		{"two fonts", "BT /F1 9 Tf ET BT (ab)Tj ET BT /F2 7 Tf ET BT (cd)Tj ET", true, "ab", "cd"},
		{"escapes", `/F1 9 Tf (a\(b\)c\\d\101\60\n)Tj`, true, "a(b)c\\dA0\n", ""},
		{"nested", "/F1 9 Tf (x(y)z)Tj", true, "x(y)z", ""},
		{"line continuation", "/F1 9 Tf (a\\\nb)Tj", true, "ab", ""},
		{"hex", "/F1 9 Tf <4142 43>Tj <4>Tj", true, "ABC@", ""},
		{"array", "/F1 9 Tf [(a) -20 (b)]TJ", true, "ab", ""},
		{"q restores", "/F1 9 Tf q /F2 9 Tf (b)Tj Q (a)Tj", true, "a", "b"},
		{"other font", "/F3 9 Tf (zz)Tj /F1 9 Tf (a)Tj", true, "a", ""},
		{"dict and comment", "/P <</MCID 0>> BDC % (not text)\n/F1 9 Tf (a)Tj EMC", true, "a", ""},
		{"no font", "(a)Tj", false, "", ""},
		{"no font hex", "<41>Tj", false, "", ""},
		{"inline image", "/F1 9 Tf BI /W 1 ID \xff EI", false, "", ""},
		{"open string", "/F1 9 Tf (abc", false, "", ""},
		{"stray paren", "/F1 9 Tf abc)", false, "", ""},
		{"unbalanced Q", "/F1 9 Tf Q", false, "", ""},
		{"bad hex", "/F1 9 Tf <4G>Tj", false, "", ""},
		{"Tf without name", "9 Tf (a)Tj", false, "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var f1, f2 [256]bool
			ok := scanText([]byte(c.content), func(name []byte) *[256]bool {
				switch string(name) {
				case "F1":
					return &f1
				case "F2":
					return &f2
				}
				return nil
			})
			if ok != c.ok {
				t.Fatalf("ok = %v, want %v", ok, c.ok)
			}
			if !ok {
				return
			}
			for _, w := range []struct {
				got  *[256]bool
				want string
			}{{&f1, c.f1}, {&f2, c.f2}} {
				var want [256]bool
				for _, b := range []byte(w.want) {
					want[b] = true
				}
				if *w.got != want {
					t.Errorf("marked %q, want %q", marked(w.got), w.want)
				}
			}
		})
	}
}

// marked lists the codes marked.
func marked(used *[256]bool) string {
	var b []byte
	for c, u := range used {
		if u {
			b = append(b, byte(c))
		}
	}
	return string(b)
}

// FuzzScanText: any content is read without a panic, and a content it
// accepts marks only bytes that occur in it or are written as escapes.
func FuzzScanText(f *testing.F) {
	for _, s := range []string{
		"BT /F1 9.00 Tf ET\nBT 1 2 Td (Abc)Tj ET", `/F1 9 Tf (a\(b\)c\\d\101\60\n)Tj`,
		"/F1 9 Tf <4142 43>Tj", "/F1 9 Tf q /F2 9 Tf (b)Tj Q (a)Tj", "/F1 9 Tf (x(y)z", "q q Q",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, content []byte) {
		var used [256]bool
		scanText(content, func(name []byte) *[256]bool {
			if len(name) > 0 {
				return &used
			}
			return nil
		})
	})
}

// TestEncodeQR: the QR code drawn is the one qr.Encode makes, for texts of
// several lengths and encodings, the first time and again with the plan kept.
func TestEncodeQR(t *testing.T) {
	t.Parallel()
	for _, text := range []string{
		"12345", "KINERJA", QRPayload("EVK-2026-TW4-0007-r1", strings.Repeat("9f86d081", 8)),
		QRPayload("EVK-2026-Q3-197001042010011004-r0", strings.Repeat("ab", 32)), strings.Repeat("x", 500),
	} {
		want, err := qr.Encode(text, qr.M)
		if err != nil {
			t.Fatal(err)
		}
		for range 2 {
			got, err := encodeQR(text, qr.M)
			if err != nil {
				t.Fatal(err)
			}
			if got.Size != want.Size || got.Stride != want.Stride || got.Scale != want.Scale || !bytes.Equal(got.Bitmap, want.Bitmap) {
				t.Errorf("%q: code differs from qr.Encode's", text)
			}
		}
	}
	if _, err := encodeQR(strings.Repeat("x", 5000), qr.M); err == nil {
		t.Error("a text too long for any version was encoded")
	}
}

// TestDrawQR: the rectangles drawn cover exactly the dark modules of the
// code, each once.
func TestDrawQR(t *testing.T) {
	t.Parallel()
	code, err := encodeQR(QRPayload("EVK-2026-Q3-197001042010011004-r0", strings.Repeat("ab", 32)), qr.M)
	if err != nil {
		t.Fatal(err)
	}
	d, err := newDocument(Common{}, false, "uji")
	if err != nil {
		t.Fatal(err)
	}
	d.drawQR(code, 20, 30, 25)
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(buf.Bytes(), []byte(" cm\n"))
	end := bytes.Index(buf.Bytes(), []byte("f Q"))
	if start < 0 || end < start {
		t.Fatal("QR path not found")
	}
	covered := make([]int, code.Size*code.Size)
	for _, line := range strings.Split(strings.TrimSpace(string(buf.Bytes()[start+4:end])), "\n") {
		var x, y, w, h int
		if _, err := fmt.Sscanf(line, "%d %d %d %d re", &x, &y, &w, &h); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		for row := y; row < y+h; row++ {
			for col := x; col < x+w; col++ {
				covered[row*code.Size+col]++
			}
		}
	}
	for row := range code.Size {
		for col := range code.Size {
			want := 0
			if code.Black(col, row) {
				want = 1
			}
			if got := covered[row*code.Size+col]; got != want {
				t.Fatalf("module (%d, %d) drawn %d times, want %d", col, row, got, want)
			}
		}
	}
}
