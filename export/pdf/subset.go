package pdf

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
)

// Each document embeds only the glyphs it draws. The embedded TrueType files
// (assets/fonts) hold the glyphs of all 256 codes of kinerja.map, about 12 KB
// compressed per face, while a document draws perhaps a third of them. A
// face is parsed once (ttfFace) and each of its outlines compressed once; per
// document the glyphs it does not draw are emptied (their outline dropped,
// their number kept, so nothing is renumbered), the small tables are
// compressed and the outlines kept are spliced in already compressed
// (fontStream): a few kilobytes per face.
// Tables a PDF viewer does not read (OpenType layout, the MATH table, the
// grid-fitting hints of gasp) are left out.

// ttfFace is one embedded TrueType font, parsed once per process.
type ttfFace struct {
	compressed  []byte      // the whole file as assets/fonts has it
	size        int         // its length uncompressed
	marker      []byte      // what gofpdf embeds in its place (fontMarker)
	tables      []ttfTable  // the tables kept but glyf, sorted by tag
	glyf        []byte      // the glyph outlines
	packed      [][]byte    // every outline compressed on its own (compressGlyphs)
	loca        []uint32    // glyph offsets into glyf, numGlyphs+1 of them
	longLoca    bool        // head.indexToLocFormat: offsets as uint32, not uint16/2
	numHMetrics int         // hhea.numberOfHMetrics
	gids        [256]uint16 // the glyph of every code (0 for none)
	parts       [][]uint16  // components of composite glyphs, by glyph
}

// ttfTable is one table of a TrueType file.
type ttfTable struct {
	tag  string
	data []byte
}

// ttfDropped are the tables a PDF viewer does not use: OpenType layout,
// mathematical layout and grid-fitting preferences. Glyph outlines, metrics,
// the character map and the naming tables are kept.
var ttfDropped = map[string]bool{"GDEF": true, "GPOS": true, "GSUB": true, "MATH": true, "gasp": true, "kern": true, "DSIG": true}

// parseFace reads a zlib-compressed TrueType file as gofpdf embeds it and
// finds the glyph of every code through its Windows Unicode character map;
// runeOf gives the character of every code of the encoding (0 for none).
func parseFace(compressed []byte, runeOf *[256]rune) (*ttfFace, error) {
	zr, err := zlib.NewReader(bytes.NewReader(compressed))
	if err != nil {
		return nil, fmt.Errorf("berkas huruf tidak terbaca: %w", err)
	}
	font, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("berkas huruf tidak terbaca: %w", err)
	}
	bad := func(what string) (*ttfFace, error) {
		return nil, fmt.Errorf("berkas huruf tidak sah: %s", what)
	}
	if len(font) < 12 || binary.BigEndian.Uint32(font) != 0x00010000 {
		return bad("bukan TrueType")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return bad("daftar tabel terpotong")
	}
	all := map[string][]byte{}
	f := &ttfFace{compressed: compressed, size: len(font)}
	for i := range n {
		e := font[12+16*i:]
		tag := string(e[:4])
		off, size := uint64(binary.BigEndian.Uint32(e[8:])), uint64(binary.BigEndian.Uint32(e[12:]))
		if off+size > uint64(len(font)) {
			return bad("tabel " + tag + " di luar berkas")
		}
		all[tag] = font[off : off+size]
		if !ttfDropped[tag] && tag != "glyf" {
			f.tables = append(f.tables, ttfTable{tag, font[off : off+size]})
		}
	}
	slices.SortFunc(f.tables, func(a, b ttfTable) int { return bytes.Compare([]byte(a.tag), []byte(b.tag)) })
	head, maxp, hhea, loca, glyf, hmtx, cmap := all["head"], all["maxp"], all["hhea"], all["loca"], all["glyf"], all["hmtx"], all["cmap"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 || glyf == nil || cmap == nil {
		return bad("tabel wajib tidak ada")
	}
	f.glyf = glyf
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	f.longLoca = binary.BigEndian.Uint16(head[50:]) == 1
	f.numHMetrics = int(binary.BigEndian.Uint16(hhea[34:]))
	if f.numHMetrics < 1 || f.numHMetrics > numGlyphs || len(hmtx) < 4*f.numHMetrics+2*(numGlyphs-f.numHMetrics) {
		return bad("hmtx")
	}
	f.loca = make([]uint32, numGlyphs+1)
	for i := range f.loca {
		if f.longLoca {
			if len(loca) < 4*(numGlyphs+1) {
				return bad("loca terpotong")
			}
			f.loca[i] = binary.BigEndian.Uint32(loca[4*i:])
		} else {
			if len(loca) < 2*(numGlyphs+1) {
				return bad("loca terpotong")
			}
			f.loca[i] = 2 * uint32(binary.BigEndian.Uint16(loca[2*i:]))
		}
		if f.loca[i] > uint32(len(glyf)) || (i > 0 && f.loca[i] < f.loca[i-1]) {
			return bad("loca")
		}
	}
	f.parts = make([][]uint16, numGlyphs)
	for g := range numGlyphs {
		parts, ok := glyphParts(glyf[f.loca[g]:f.loca[g+1]])
		if !ok {
			return bad(fmt.Sprintf("glyph %d", g))
		}
		for _, p := range parts {
			if int(p) >= numGlyphs {
				return bad(fmt.Sprintf("glyph %d", g))
			}
		}
		f.parts[g] = parts
	}
	lookup, err := cmapLookup(cmap)
	if err != nil {
		return nil, err
	}
	for code, r := range runeOf {
		if r != 0 {
			if g := lookup(r); int(g) < numGlyphs {
				f.gids[code] = g
			}
		}
	}
	if err := f.compressGlyphs(); err != nil {
		return nil, err
	}
	return f, nil
}

// winAnsiAlias names, for the codes whose WinAnsiEncoding name (the base
// encoding of the font dictionary) is another character's, the code of that
// character: viewers draw 0xA0 ("space") and 0xAD ("hyphen") with the glyphs
// of 0x20 and 0x2D, so a subset drawing them keeps those glyphs too.
var winAnsiAlias = map[int]int{0xA0: 0x20, 0xAD: 0x2D}

// glyphParts returns the component glyphs of a composite glyph (none for a
// simple or empty one); ok is false for a truncated composite.
func glyphParts(g []byte) (parts []uint16, ok bool) {
	if len(g) == 0 {
		return nil, true
	}
	if len(g) < 10 {
		return nil, false
	}
	if int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil, true
	}
	const (
		argsAreWords = 0x0001
		haveScale    = 0x0008
		moreParts    = 0x0020
		haveXYScale  = 0x0040
		haveTwoByTwo = 0x0080
	)
	p := g[10:]
	for {
		if len(p) < 4 {
			return nil, false
		}
		flags := binary.BigEndian.Uint16(p)
		parts = append(parts, binary.BigEndian.Uint16(p[2:]))
		n := 4 + 2
		if flags&argsAreWords != 0 {
			n = 4 + 4
		}
		switch {
		case flags&haveScale != 0:
			n += 2
		case flags&haveXYScale != 0:
			n += 4
		case flags&haveTwoByTwo != 0:
			n += 8
		}
		if len(p) < n {
			return nil, false
		}
		p = p[n:]
		if flags&moreParts == 0 {
			return parts, true
		}
	}
}

// cmapLookup returns the glyph lookup of the font's Windows Unicode (3,1)
// character map, format 4, the one PDF viewers use for a non-symbolic
// TrueType font.
func cmapLookup(cmap []byte) (func(rune) uint16, error) {
	bad := fmt.Errorf("berkas huruf tidak sah: cmap")
	if len(cmap) < 4 {
		return nil, bad
	}
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	if len(cmap) < 4+8*n {
		return nil, bad
	}
	for i := range n {
		e := cmap[4+8*i:]
		if binary.BigEndian.Uint16(e) != 3 || binary.BigEndian.Uint16(e[2:]) != 1 {
			continue
		}
		off := int(binary.BigEndian.Uint32(e[4:]))
		if off+14 > len(cmap) || binary.BigEndian.Uint16(cmap[off:]) != 4 {
			return nil, bad
		}
		t := cmap[off:]
		segs := int(binary.BigEndian.Uint16(t[6:])) / 2
		if len(t) < 16+8*segs {
			return nil, bad
		}
		ends, starts := t[14:], t[16+2*segs:]
		deltas, ranges := t[16+4*segs:], t[16+6*segs:]
		return func(r rune) uint16 {
			if r < 0 || r > 0xFFFF {
				return 0
			}
			c := uint16(r)
			for s := range segs {
				if c > binary.BigEndian.Uint16(ends[2*s:]) {
					continue
				}
				start := binary.BigEndian.Uint16(starts[2*s:])
				if c < start {
					return 0
				}
				delta := binary.BigEndian.Uint16(deltas[2*s:])
				ro := int(binary.BigEndian.Uint16(ranges[2*s:]))
				if ro == 0 {
					return c + delta
				}
				at := 2*s + ro + 2*int(c-start)
				if at+2 > len(ranges) {
					return 0
				}
				if g := binary.BigEndian.Uint16(ranges[at:]); g != 0 {
					return g + delta
				}
				return 0
			}
			return 0
		}, nil
	}
	return nil, bad
}

// compressGlyphs compresses the outline of every glyph on its own, as
// deflate blocks that end byte-aligned (a sync flush) and are not final, so
// that a document's font stream is spliced from the glyphs it keeps
// (fontStream) instead of compressing them again for every document.
func (f *ttfFace) compressGlyphs() error {
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestCompression)
	if err != nil {
		return err
	}
	f.packed = make([][]byte, len(f.parts))
	for g := range f.parts {
		outline := f.glyf[f.loca[g]:f.loca[g+1]]
		if len(outline) == 0 {
			continue
		}
		buf.Reset()
		w.Reset(&buf)
		if _, err := w.Write(outline); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		f.packed[g] = bytes.Clone(buf.Bytes())
	}
	return nil
}

// subset returns the font file for a document that draws the codes used:
// the outlines of the glyphs drawn, their components and glyph 0 are kept
// (listed in kept), the others emptied, and the metrics of glyphs not kept
// are zeroed (PDF viewers take advances from the font's /Widths, and zeros
// compress to nothing). The glyf table comes last in the file, from glyfAt
// on, as the outlines of the glyphs kept in order.
func (f *ttfFace) subset(used *[256]bool) (file []byte, glyfAt int, kept []int) {
	keep := make([]bool, len(f.parts))
	var mark func(g uint16)
	mark = func(g uint16) {
		if keep[g] {
			return
		}
		keep[g] = true
		for _, p := range f.parts[g] {
			mark(p)
		}
	}
	mark(0)
	for code, u := range used {
		if u {
			mark(f.gids[code])
			if alias, ok := winAnsiAlias[code]; ok {
				mark(f.gids[alias])
			}
		}
	}
	loca := make([]byte, 0, 4*(len(keep)+1))
	glyfLen := uint32(0)
	for g, k := range keep {
		if f.longLoca {
			loca = binary.BigEndian.AppendUint32(loca, glyfLen)
		} else {
			loca = binary.BigEndian.AppendUint16(loca, uint16(glyfLen/2))
		}
		if k {
			kept = append(kept, g)
			glyfLen += f.loca[g+1] - f.loca[g]
		}
	}
	if f.longLoca {
		loca = binary.BigEndian.AppendUint32(loca, glyfLen)
	} else {
		loca = binary.BigEndian.AppendUint16(loca, uint16(glyfLen/2))
	}
	tables := slices.Clone(f.tables)
	for i, t := range tables {
		switch t.tag {
		case "loca":
			tables[i].data = loca
		case "hmtx":
			hmtx := bytes.Clone(t.data)
			for g, k := range keep {
				switch {
				case k:
				case g == f.numHMetrics-1:
					// Its advance is also that of every glyph past the
					// full entries: kept whatever is drawn.
					clear(hmtx[4*g+2 : 4*g+4])
				case g < f.numHMetrics:
					clear(hmtx[4*g : 4*g+4])
				default:
					at := 4*f.numHMetrics + 2*(g-f.numHMetrics)
					clear(hmtx[at : at+2])
				}
			}
			tables[i].data = hmtx
		case "head":
			tables[i].data = bytes.Clone(t.data)
			clear(tables[i].data[8:12]) // checkSumAdjustment, set by writeTTF
		}
	}
	glyf := make([]byte, 0, glyfLen)
	for _, g := range kept {
		glyf = append(glyf, f.glyf[f.loca[g]:f.loca[g+1]]...)
	}
	file, glyfAt = writeTTF(tables, glyf)
	return file, glyfAt, kept
}

// writeTTF lays tables (sorted by tag, glyf not among them) and then glyf
// out as a TrueType file with their checksums and the head table's
// checkSumAdjustment, and returns it and where glyf starts.
func writeTTF(tables []ttfTable, glyf []byte) ([]byte, int) {
	n := len(tables) + 1
	size := 12 + 16*n + len(glyf)
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size+3)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	pow, log := 1, 0
	for pow*2 <= n {
		pow *= 2
		log++
	}
	binary.BigEndian.PutUint16(out[6:], uint16(16*pow))
	binary.BigEndian.PutUint16(out[8:], uint16(log))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16*pow))
	// The directory is sorted by tag; glyf's entry goes in its place.
	at := slices.IndexFunc(tables, func(t ttfTable) bool { return t.tag > "glyf" })
	if at < 0 {
		at = len(tables)
	}
	entry := func(i int) []byte {
		if i >= at {
			i++
		}
		return out[12+16*i:]
	}
	headAt := -1
	for i, t := range tables {
		e := entry(i)
		copy(e, t.tag)
		if t.tag == "head" {
			headAt = len(out)
		}
		binary.BigEndian.PutUint32(e[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(e[12:], uint32(len(t.data)))
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		binary.BigEndian.PutUint32(e[4:], ttfChecksum(out[len(out)-((len(t.data)+3)&^3):]))
	}
	glyfAt := len(out)
	e := out[12+16*at:]
	copy(e, "glyf")
	binary.BigEndian.PutUint32(e[4:], ttfChecksum(glyf))
	binary.BigEndian.PutUint32(e[8:], uint32(glyfAt))
	binary.BigEndian.PutUint32(e[12:], uint32(len(glyf)))
	out = append(out, glyf...)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-ttfChecksum(out))
	}
	return out, glyfAt
}

// ttfChecksum is the TrueType table checksum: the sum of the data as
// big-endian uint32 words, the last one padded with zeros.
func ttfChecksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var last [4]byte
		copy(last[:], b)
		sum += binary.BigEndian.Uint32(last[:])
	}
	return sum
}
