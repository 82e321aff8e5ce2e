package sign

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"strconv"
)

// This file is a small, strict reader of PDF objects and cross-reference
// sections (ISO 32000-1 §7.3, §7.5), written for judging revisions: it never
// repairs a damaged file, it refuses what it does not understand, and every
// loop is bounded by the input or by an explicit limit.

// Limits of the reader, far above anything the office's documents need.
const (
	maxNesting      = 64       // arrays and dictionaries inside each other
	maxXrefSections = 256      // sections along one /Prev chain
	maxObjectNumber = 10000000 // highest object number accepted in a cross-reference section
	maxDecoded      = 32 << 20 // bytes one decoded cross-reference or object stream may hold
)

// pdfName is a PDF name without its slash, #xx escapes decoded.
type pdfName string

// pdfString is the decoded bytes of a literal or hexadecimal string.
type pdfString string

// pdfRef is an indirect reference "num gen R".
type pdfRef struct{ num, gen int }

// pdfArray is a PDF array.
type pdfArray []any

// pdfDict is a PDF dictionary.
type pdfDict map[pdfName]any

// pdfStream is a stream object: its dictionary and its raw (undecoded) bytes.
type pdfStream struct {
	dict pdfDict
	raw  []byte
}

// A PDF object is one of: nil (null), bool, int64, float64, pdfName,
// pdfString, pdfArray, pdfDict, pdfRef or *pdfStream.

// errStructure marks a file the reader refuses; its text is Indonesian.
type errStructure struct{ msg string }

func (e *errStructure) Error() string { return e.msg }

// structErr makes an errStructure.
func structErr(format string, args ...any) error {
	return &errStructure{msg: fmt.Sprintf(format, args...)}
}

// parser reads PDF tokens and objects from b starting at pos.
type parser struct {
	b     []byte
	pos   int
	depth int
}

// isPDFDelim reports the PDF delimiter characters.
func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// isRegular reports characters that belong to a keyword, name or number.
func isRegular(c byte) bool { return !isSpace(c) && !isPDFDelim(c) }

// skipWS skips white space and comments.
func (p *parser) skipWS() {
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		switch {
		case isSpace(c):
			p.pos++
		case c == '%':
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
		default:
			return
		}
	}
}

// skipSpaces skips white space only (a "%%EOF" marker is a comment).
func (p *parser) skipSpaces() { p.pos = skipSpace(p.b, p.pos) }

// peekKeyword returns the run of regular characters at pos without moving.
func (p *parser) peekKeyword() string {
	j := p.pos
	for j < len(p.b) && isRegular(p.b[j]) && j-p.pos < 32 {
		j++
	}
	return string(p.b[p.pos:j])
}

// keyword consumes the keyword kw at pos, after white space and comments.
func (p *parser) keyword(kw string) error {
	p.skipWS()
	if p.peekKeyword() != kw {
		return structErr("kata kunci %q tidak ditemukan pada posisi %d", kw, p.pos)
	}
	p.pos += len(kw)
	return nil
}

// uint reads a non-negative decimal integer of at most 10 digits.
func (p *parser) uint() (int64, error) {
	p.skipWS()
	j := p.pos
	for j < len(p.b) && p.b[j] >= '0' && p.b[j] <= '9' {
		j++
	}
	if j == p.pos || j-p.pos > 10 || (j < len(p.b) && isRegular(p.b[j])) {
		return 0, structErr("bilangan tidak terbaca pada posisi %d", p.pos)
	}
	n, _ := strconv.ParseInt(string(p.b[p.pos:j]), 10, 64)
	p.pos = j
	return n, nil
}

// value reads one direct object (or a reference).
func (p *parser) value() (any, error) {
	p.skipWS()
	if p.pos >= len(p.b) {
		return nil, structErr("objek terpotong di akhir berkas")
	}
	switch c := p.b[p.pos]; {
	case c == '/':
		return p.name()
	case c == '(':
		return p.literal()
	case c == '<' && p.pos+1 < len(p.b) && p.b[p.pos+1] == '<':
		return p.dict()
	case c == '<':
		return p.hexString()
	case c == '[':
		return p.array()
	case c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9'):
		return p.number()
	}
	switch kw := p.peekKeyword(); kw {
	case "true", "false", "null":
		p.pos += len(kw)
		switch kw {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, nil
	}
	return nil, structErr("objek tidak dikenal pada posisi %d", p.pos)
}

// name reads "/Name".
func (p *parser) name() (any, error) {
	p.pos++
	var out []byte
	for p.pos < len(p.b) && isRegular(p.b[p.pos]) {
		c := p.b[p.pos]
		if c == '#' {
			if p.pos+2 >= len(p.b) || !isHexDigit(p.b[p.pos+1]) || !isHexDigit(p.b[p.pos+2]) {
				return nil, structErr("nama rusak pada posisi %d", p.pos)
			}
			v, _ := strconv.ParseUint(string(p.b[p.pos+1:p.pos+3]), 16, 8)
			out = append(out, byte(v))
			p.pos += 3
			continue
		}
		out = append(out, c)
		p.pos++
	}
	return pdfName(out), nil
}

// literal reads "( ... )" with escapes and balanced parentheses.
func (p *parser) literal() (any, error) {
	start := p.pos
	p.pos++
	var out []byte
	level := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '(':
			level++
		case ')':
			level--
			if level == 0 {
				return pdfString(out), nil
			}
		case '\r':
			if p.pos < len(p.b) && p.b[p.pos] == '\n' {
				p.pos++
			}
			c = '\n'
		case '\\':
			if p.pos >= len(p.b) {
				continue
			}
			e := p.b[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if p.pos < len(p.b) && p.b[p.pos] == '\n' {
					p.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; k++ {
						v = v*8 + int(p.b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return nil, structErr("string tidak ditutup (mulai posisi %d)", start)
}

// hexString reads "<hex>".
func (p *parser) hexString() (any, error) {
	start := p.pos
	p.pos++
	var out []byte
	half, have := byte(0), false
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch {
		case c == '>':
			if have {
				out = append(out, half<<4)
			}
			return pdfString(out), nil
		case isSpace(c):
		case isHexDigit(c):
			v, _ := strconv.ParseUint(string(c), 16, 8)
			if have {
				out = append(out, half<<4|byte(v))
			} else {
				half = byte(v)
			}
			have = !have
		default:
			return nil, structErr("string heksadesimal rusak (mulai posisi %d)", start)
		}
	}
	return nil, structErr("string heksadesimal tidak ditutup (mulai posisi %d)", start)
}

// number reads an integer, a real, or a reference "num gen R".
func (p *parser) number() (any, error) {
	start := p.pos
	j := p.pos
	if p.b[j] == '+' || p.b[j] == '-' {
		j++
	}
	digits, dot := 0, false
	for j < len(p.b) && ((p.b[j] >= '0' && p.b[j] <= '9') || (p.b[j] == '.' && !dot)) {
		if p.b[j] == '.' {
			dot = true
		} else {
			digits++
		}
		j++
	}
	if digits == 0 || digits > 40 || (j < len(p.b) && isRegular(p.b[j])) {
		return nil, structErr("bilangan rusak pada posisi %d", start)
	}
	text := string(p.b[start:j])
	p.pos = j
	if dot {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, structErr("bilangan rusak pada posisi %d", start)
		}
		return f, nil
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return nil, structErr("bilangan terlalu besar pada posisi %d", start)
	}
	if n >= 0 && n <= maxObjectNumber && p.b[start] != '+' {
		save := p.pos
		if gen, err := p.uint(); err == nil && gen <= 65535 {
			p.skipWS()
			if p.peekKeyword() == "R" {
				p.pos++
				return pdfRef{num: int(n), gen: int(gen)}, nil
			}
		}
		p.pos = save
	}
	return n, nil
}

// array reads "[ ... ]".
func (p *parser) array() (any, error) {
	if p.depth++; p.depth > maxNesting {
		return nil, structErr("objek bersarang terlalu dalam pada posisi %d", p.pos)
	}
	defer func() { p.depth-- }()
	p.pos++
	out := pdfArray{}
	for {
		p.skipWS()
		if p.pos >= len(p.b) {
			return nil, structErr("larik tidak ditutup")
		}
		if p.b[p.pos] == ']' {
			p.pos++
			return out, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// dict reads "<< ... >>"; a key given twice with different values is refused,
// since readers disagree on which one counts.
func (p *parser) dict() (any, error) {
	if p.depth++; p.depth > maxNesting {
		return nil, structErr("objek bersarang terlalu dalam pada posisi %d", p.pos)
	}
	defer func() { p.depth-- }()
	p.pos += 2
	out := pdfDict{}
	for {
		p.skipWS()
		if p.pos+1 < len(p.b) && p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
			p.pos += 2
			return out, nil
		}
		if p.pos >= len(p.b) || p.b[p.pos] != '/' {
			return nil, structErr("kamus rusak pada posisi %d", p.pos)
		}
		k, err := p.name()
		if err != nil {
			return nil, err
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		key := k.(pdfName)
		if old, dup := out[key]; dup && !reflect.DeepEqual(old, v) {
			return nil, structErr("kunci /%s muncul dua kali dengan isi berbeda", key)
		}
		out[key] = v
	}
}

// indirect is one "num gen obj ... endobj" read from a file.
type indirect struct {
	num, gen int
	obj      any
	end      int // just past "endobj"
}

// parseIndirect reads the indirect object at off. length resolves a stream's
// /Length when it is a reference; nil refuses such lengths.
func parseIndirect(b []byte, off int64, length func(pdfRef) (int64, error)) (indirect, error) {
	if off < 0 || off >= int64(len(b)) {
		return indirect{}, structErr("letak objek %d di luar berkas", off)
	}
	p := &parser{b: b, pos: int(off)}
	num, err := p.uint()
	if err != nil {
		return indirect{}, structErr("tidak ada objek pada posisi %d", off)
	}
	gen, err := p.uint()
	if err != nil || gen > 65535 {
		return indirect{}, structErr("tidak ada objek pada posisi %d", off)
	}
	if err := p.keyword("obj"); err != nil {
		return indirect{}, structErr("tidak ada objek pada posisi %d", off)
	}
	v, err := p.value()
	if err != nil {
		return indirect{}, err
	}
	p.skipWS()
	if p.peekKeyword() == "stream" {
		d, ok := v.(pdfDict)
		if !ok {
			return indirect{}, structErr("stream tanpa kamus pada objek %d", num)
		}
		p.pos += len("stream")
		switch {
		case p.pos+1 < len(b) && b[p.pos] == '\r' && b[p.pos+1] == '\n':
			p.pos += 2
		case p.pos < len(b) && b[p.pos] == '\n':
			p.pos++
		default:
			return indirect{}, structErr("awal stream objek %d rusak", num)
		}
		var n int64
		switch l := d["Length"].(type) {
		case int64:
			n = l
		case pdfRef:
			if length == nil {
				return indirect{}, structErr("panjang stream objek %d tidak langsung", num)
			}
			if n, err = length(l); err != nil {
				return indirect{}, err
			}
		default:
			return indirect{}, structErr("panjang stream objek %d tidak ada", num)
		}
		if n < 0 || n > int64(len(b)-p.pos) {
			return indirect{}, structErr("panjang stream objek %d melampaui berkas", num)
		}
		v = &pdfStream{dict: d, raw: b[p.pos : p.pos+int(n)]}
		p.pos += int(n)
		if err := p.keyword("endstream"); err != nil {
			return indirect{}, structErr("stream objek %d tidak diakhiri endstream pada tempatnya", num)
		}
	}
	if err := p.keyword("endobj"); err != nil {
		return indirect{}, structErr("objek %d tidak diakhiri endobj", num)
	}
	return indirect{num: int(num), gen: int(gen), obj: v, end: p.pos}, nil
}

// xrefEntry is one cross-reference entry: type 0 free, 1 at byte offset off
// with generation gen, 2 compressed in object stream off at index gen.
type xrefEntry struct {
	typ byte
	off int64
	gen int
}

// xrefSection is one cross-reference table or stream and its trailer.
type xrefSection struct {
	at      int64  // offset of "xref" or of the cross-reference stream object
	data    []byte // the bytes of the revision this section ends
	entries map[int]xrefEntry
	trailer pdfDict
}

// prev returns the section's /Prev, or -1 when absent.
func (s *xrefSection) prev() (int64, error) {
	switch v := s.trailer["Prev"].(type) {
	case nil:
		return -1, nil
	case int64:
		return v, nil
	}
	return 0, structErr("/Prev pada trailer tidak berupa bilangan")
}

// readXrefSection reads the table or stream at off in data; it also returns
// the offset just past it (after the trailer dictionary or "endobj").
func readXrefSection(data []byte, off int64) (*xrefSection, int, error) {
	if off < 0 || off >= int64(len(data)) {
		return nil, 0, structErr("startxref/Prev %d menunjuk ke luar berkas", off)
	}
	p := &parser{b: data, pos: int(off)}
	var sec *xrefSection
	var end int
	var err error
	if p.peekKeyword() == "xref" {
		sec, end, err = readXrefTable(p)
	} else {
		sec, end, err = readXrefStream(data, off)
	}
	if err != nil {
		return nil, 0, err
	}
	sec.at, sec.data = off, data
	if _, ok := sec.trailer["Encrypt"]; ok {
		return nil, 0, structErr("berkas terenkripsi tidak dapat diperiksa")
	}
	if _, ok := sec.trailer["XRefStm"]; ok {
		return nil, 0, structErr("berkas campuran (XRefStm) tidak dapat diperiksa")
	}
	return sec, end, nil
}

// readXrefTable reads a classic "xref" table and its trailer.
func readXrefTable(p *parser) (*xrefSection, int, error) {
	p.pos += len("xref")
	sec := &xrefSection{entries: map[int]xrefEntry{}}
	for {
		p.skipWS()
		if p.peekKeyword() == "trailer" {
			break
		}
		first, err := p.uint()
		if err != nil {
			return nil, 0, structErr("tabel xref rusak pada posisi %d", p.pos)
		}
		count, err := p.uint()
		if err != nil || first+count > maxObjectNumber || count*18 > int64(len(p.b)-p.pos) {
			return nil, 0, structErr("tabel xref rusak pada posisi %d", p.pos)
		}
		for i := int64(0); i < count; i++ {
			off, err1 := p.uint()
			gen, err2 := p.uint()
			p.skipWS()
			kw := p.peekKeyword()
			if err1 != nil || err2 != nil || gen > 65535 || (kw != "n" && kw != "f") {
				return nil, 0, structErr("baris tabel xref rusak pada posisi %d", p.pos)
			}
			p.pos++
			num := int(first + i)
			if _, dup := sec.entries[num]; dup {
				return nil, 0, structErr("objek %d tercantum dua kali dalam satu tabel xref", num)
			}
			e := xrefEntry{typ: 0, gen: int(gen)}
			if kw == "n" {
				e = xrefEntry{typ: 1, off: off, gen: int(gen)}
			}
			sec.entries[num] = e
		}
	}
	p.pos += len("trailer")
	t, err := p.value()
	if err != nil {
		return nil, 0, err
	}
	d, ok := t.(pdfDict)
	if !ok {
		return nil, 0, structErr("trailer bukan kamus")
	}
	sec.trailer = d
	return sec, p.pos, nil
}

// readXrefStream reads a cross-reference stream object (PDF 1.5).
func readXrefStream(data []byte, off int64) (*xrefSection, int, error) {
	obj, err := parseIndirect(data, off, nil)
	if err != nil {
		return nil, 0, err
	}
	s, ok := obj.obj.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("XRef") {
		return nil, 0, structErr("startxref tidak menunjuk tabel atau stream xref")
	}
	raw, err := decodeStream(s)
	if err != nil {
		return nil, 0, err
	}
	w, ok := s.dict["W"].(pdfArray)
	if !ok || len(w) != 3 {
		return nil, 0, structErr("/W stream xref rusak")
	}
	var widths [3]int
	row := 0
	for i, x := range w {
		n, ok := x.(int64)
		if !ok || n < 0 || n > 8 {
			return nil, 0, structErr("/W stream xref rusak")
		}
		widths[i] = int(n)
		row += int(n)
	}
	size, ok := s.dict["Size"].(int64)
	if !ok || size < 0 || size > maxObjectNumber || row == 0 {
		return nil, 0, structErr("/Size stream xref rusak")
	}
	index := pdfArray{int64(0), size}
	if x, ok := s.dict["Index"]; ok {
		if index, ok = x.(pdfArray); !ok || len(index)%2 != 0 {
			return nil, 0, structErr("/Index stream xref rusak")
		}
	}
	sec := &xrefSection{entries: map[int]xrefEntry{}, trailer: s.dict}
	at := 0
	for i := 0; i < len(index); i += 2 {
		first, ok1 := index[i].(int64)
		count, ok2 := index[i+1].(int64)
		if !ok1 || !ok2 || first < 0 || count < 0 || first+count > maxObjectNumber || count > int64(len(raw)/row+1) {
			return nil, 0, structErr("/Index stream xref rusak")
		}
		for k := int64(0); k < count; k++ {
			if at+row > len(raw) {
				return nil, 0, structErr("isi stream xref terlalu pendek")
			}
			var f [3]int64
			for j := range 3 {
				for range widths[j] {
					f[j] = f[j]<<8 | int64(raw[at])
					at++
				}
			}
			if widths[0] == 0 {
				f[0] = 1
			}
			num := int(first + k)
			if _, dup := sec.entries[num]; dup {
				return nil, 0, structErr("objek %d tercantum dua kali dalam satu stream xref", num)
			}
			switch f[0] {
			case 0:
				sec.entries[num] = xrefEntry{typ: 0}
			case 1, 2:
				if f[1] < 0 || f[2] < 0 || f[2] > 1<<31 {
					return nil, 0, structErr("baris stream xref rusak")
				}
				sec.entries[num] = xrefEntry{typ: byte(f[0]), off: f[1], gen: int(f[2])}
			default:
				// Types above 2 are reserved and mean a null object.
			}
		}
	}
	return sec, obj.end, nil
}

// decodeStream returns the decoded bytes of a stream whose only filter is
// FlateDecode (optionally with a PNG predictor) or that has none.
func decodeStream(s *pdfStream) ([]byte, error) {
	filter := s.dict["Filter"]
	parms := s.dict["DecodeParms"]
	if a, ok := filter.(pdfArray); ok && len(a) == 1 {
		filter = a[0]
		if pa, ok := parms.(pdfArray); ok && len(pa) == 1 {
			parms = pa[0]
		}
	}
	switch filter {
	case nil:
		return s.raw, nil
	case pdfName("FlateDecode"):
	default:
		return nil, structErr("filter stream %v tidak didukung", filter)
	}
	zr, err := zlib.NewReader(bytes.NewReader(s.raw))
	if err != nil {
		return nil, structErr("stream Flate rusak")
	}
	out, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return nil, structErr("stream Flate rusak")
	}
	if len(out) > maxDecoded {
		return nil, structErr("stream terlalu besar setelah diurai")
	}
	pd, _ := parms.(pdfDict)
	pred, _ := pd["Predictor"].(int64)
	if pred <= 1 {
		return out, nil
	}
	if pred < 10 {
		return nil, structErr("predictor TIFF tidak didukung")
	}
	cols := int64(1)
	if c, ok := pd["Columns"].(int64); ok {
		cols = c
	}
	if cols < 1 || cols > 1<<16 {
		return nil, structErr("/Columns stream rusak")
	}
	return unpredictPNG(out, int(cols))
}

// unpredictPNG undoes PNG row predictors for one byte per pixel.
func unpredictPNG(in []byte, cols int) ([]byte, error) {
	row := cols + 1
	if len(in)%row != 0 {
		return nil, structErr("isi stream dengan predictor PNG rusak")
	}
	out := make([]byte, 0, len(in)/row*cols)
	prev := make([]byte, cols)
	for at := 0; at < len(in); at += row {
		cur := bytes.Clone(in[at+1 : at+row])
		for i := range cur {
			var left, upLeft byte
			if i > 0 {
				left, upLeft = cur[i-1], prev[i-1]
			}
			up := prev[i]
			switch in[at] {
			case 0:
			case 1:
				cur[i] += left
			case 2:
				cur[i] += up
			case 3:
				cur[i] += byte((int(left) + int(up)) / 2)
			case 4:
				cur[i] += paeth(left, up, upLeft)
			default:
				return nil, structErr("predictor PNG tidak dikenal")
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

// paeth is the PNG Paeth predictor.
func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// readChain reads the cross-reference sections from startxref along /Prev.
func readChain(data []byte, startxref int64) ([]*xrefSection, error) {
	var out []*xrefSection
	seen := map[int64]bool{}
	for at := startxref; at >= 0; {
		if seen[at] || len(out) >= maxXrefSections {
			return nil, structErr("rantai /Prev berputar atau terlalu panjang")
		}
		seen[at] = true
		sec, _, err := readXrefSection(data, at)
		if err != nil {
			return nil, err
		}
		out = append(out, sec)
		if at, err = sec.prev(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// lastStartxref reads "startxref N %%EOF" at the end of a revision; only
// white space may follow.
func lastStartxref(data []byte) (int64, error) {
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return 0, structErr("startxref tidak ditemukan di akhir revisi")
	}
	p := &parser{b: data, pos: i + len("startxref")}
	n, err := p.uint()
	if err != nil {
		return 0, structErr("startxref rusak")
	}
	p.skipSpaces()
	if !bytes.HasPrefix(data[p.pos:], []byte("%%EOF")) {
		return 0, structErr("revisi tidak diakhiri %%EOF")
	}
	if skipSpace(data, p.pos+5) != len(data) {
		return 0, structErr("ada isi sesudah %%EOF terakhir revisi")
	}
	return n, nil
}

// objView resolves objects as a reader of one revision sees them: the first
// section (newest) that lists an object decides where it is.
type objView struct {
	secs  []*xrefSection
	cache *objCache
}

// objCache holds objects already read, shared by the views of one file; an
// object is keyed by the exact entry that locates it.
type objCache struct {
	objs   map[cacheKey]any
	objStm map[cacheKey]*objStream
	active map[cacheKey]bool // entries being read, to stop reference loops
}

type cacheKey struct {
	data int // length of the revision bytes the entry belongs to
	num  int
	e    xrefEntry
}

// objStream is a decoded object stream: its data and where each object sits.
type objStream struct {
	data    []byte
	first   int
	offsets map[int][2]int // object number -> index, offset from /First
}

// newObjCache makes an empty cache.
func newObjCache() *objCache {
	return &objCache{objs: map[cacheKey]any{}, objStm: map[cacheKey]*objStream{}, active: map[cacheKey]bool{}}
}

// trailer is the newest trailer of the view.
func (v *objView) trailer() pdfDict { return v.secs[0].trailer }

// lookup finds the entry for object num and the section it comes from.
func (v *objView) lookup(num int) (xrefEntry, *xrefSection) {
	for _, s := range v.secs {
		if e, ok := s.entries[num]; ok {
			return e, s
		}
	}
	return xrefEntry{}, nil
}

// resolve follows references until a direct object; a missing or free
// object is null (ISO 32000-1 §7.3.10).
func (v *objView) resolve(x any) (any, error) {
	for range 8 {
		r, ok := x.(pdfRef)
		if !ok {
			return x, nil
		}
		var err error
		if x, err = v.object(r); err != nil {
			return nil, err
		}
	}
	return nil, structErr("rantai rujukan objek terlalu panjang")
}

// object reads the object r refers to.
func (v *objView) object(r pdfRef) (any, error) {
	e, sec := v.lookup(r.num)
	if sec == nil || e.typ == 0 {
		return nil, nil
	}
	key := cacheKey{data: len(sec.data), num: r.num, e: e}
	if o, ok := v.cache.objs[key]; ok {
		return o, nil
	}
	if v.cache.active[key] {
		return nil, structErr("objek %d merujuk dirinya sendiri", r.num)
	}
	v.cache.active[key] = true
	defer delete(v.cache.active, key)
	var obj any
	switch e.typ {
	case 1:
		if e.gen != r.gen {
			return nil, nil
		}
		ind, err := parseIndirect(sec.data, e.off, v.length)
		if err != nil {
			return nil, err
		}
		if ind.num != r.num || ind.gen != r.gen {
			return nil, structErr("xref objek %d menunjuk objek lain (%d %d)", r.num, ind.num, ind.gen)
		}
		obj = ind.obj
	case 2:
		if r.gen != 0 {
			return nil, nil
		}
		ostm, err := v.objStream(int(e.off))
		if err != nil {
			return nil, err
		}
		at, ok := ostm.offsets[r.num]
		if !ok || at[0] != e.gen {
			return nil, structErr("objek %d tidak ada di object stream %d", r.num, e.off)
		}
		p := &parser{b: ostm.data, pos: ostm.first + at[1]}
		if obj, err = p.value(); err != nil {
			return nil, err
		}
	}
	v.cache.objs[key] = obj
	return obj, nil
}

// length resolves an indirect stream /Length.
func (v *objView) length(r pdfRef) (int64, error) {
	x, err := v.object(r)
	if err != nil {
		return 0, err
	}
	n, ok := x.(int64)
	if !ok {
		return 0, structErr("panjang stream (objek %d) bukan bilangan", r.num)
	}
	return n, nil
}

// objStream reads and indexes object stream num.
func (v *objView) objStream(num int) (*objStream, error) {
	e, sec := v.lookup(num)
	if sec == nil || e.typ != 1 {
		return nil, structErr("object stream %d tidak ditemukan", num)
	}
	key := cacheKey{data: len(sec.data), num: num, e: e}
	if ostm, ok := v.cache.objStm[key]; ok {
		return ostm, nil
	}
	x, err := v.object(pdfRef{num: num, gen: e.gen})
	if err != nil {
		return nil, err
	}
	s, ok := x.(*pdfStream)
	if !ok || s.dict["Type"] != pdfName("ObjStm") {
		return nil, structErr("objek %d bukan object stream", num)
	}
	if _, ok := s.dict["Extends"]; ok {
		return nil, structErr("object stream bersambung (/Extends) tidak didukung")
	}
	data, err := decodeStream(s)
	if err != nil {
		return nil, err
	}
	n, ok1 := s.dict["N"].(int64)
	first, ok2 := s.dict["First"].(int64)
	if !ok1 || !ok2 || n < 0 || first < 0 || first > int64(len(data)) || n > first {
		return nil, structErr("object stream %d rusak", num)
	}
	ostm := &objStream{data: data, first: int(first), offsets: map[int][2]int{}}
	p := &parser{b: data[:first]}
	for i := range int(n) {
		on, err1 := p.uint()
		off, err2 := p.uint()
		if err1 != nil || err2 != nil || off > int64(len(data))-first {
			return nil, structErr("object stream %d rusak", num)
		}
		if _, dup := ostm.offsets[int(on)]; !dup {
			ostm.offsets[int(on)] = [2]int{i, int(off)}
		}
	}
	v.cache.objStm[key] = ostm
	return ostm, nil
}
