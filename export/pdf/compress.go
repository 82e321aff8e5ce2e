package pdf

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"hash/adler32"
	"runtime"
	"slices"
	"strconv"
)

// Page streams are compressed here, after gofpdf has written the document,
// rather than by gofpdf's SetCompression: gofpdf makes a new zlib writer for
// every page, and a new writer allocates about a megabyte of tables, which
// cost more than the rest of a document. Here the writers are reused.

// finishPDF is the last step of every document; a benchmark replaces it to
// get gofpdf's own output.
var finishPDF = compressPages

// flateWriters keeps deflate writers for reuse (see packer), as many as
// documents are made at once. A writer is about 800 KB of tables; a
// sync.Pool would drop them at every garbage collection, which a batch of
// documents causes every document or two. They compress at BestSpeed, the
// level gofpdf itself uses: its Reset costs nothing, while at the other
// levels every Reset clears 640 KB of match tables, more than compressing a
// page. A document is a few kilobytes larger than at the default level.
var flateWriters = make(chan *flate.Writer, runtime.GOMAXPROCS(0))

// packer compresses the streams of one document with a reused writer.
type packer struct {
	w   *flate.Writer
	buf bytes.Buffer
}

// newPacker takes a free writer or makes one; release gives it back.
func newPacker() *packer {
	select {
	case w := <-flateWriters:
		return &packer{w: w}
	default:
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // cannot fail at a valid level
		return &packer{w: w}
	}
}

// release keeps the writer for the next document, unless enough are kept.
func (p *packer) release() {
	select {
	case flateWriters <- p.w:
	default:
	}
}

// zlibHeader starts a zlib stream (RFC 1950): deflate with a 32 KB window,
// no preset dictionary, check bits making it a multiple of 31.
var zlibHeader = []byte{0x78, 0x01}

// zlib returns data as a zlib stream, a FlateDecode stream's content. The
// bytes are valid until the next call.
func (p *packer) zlib(data []byte) ([]byte, error) {
	p.buf.Reset()
	p.buf.Write(zlibHeader)
	p.w.Reset(&p.buf)
	if _, err := p.w.Write(data); err != nil {
		return nil, err
	}
	if err := p.w.Close(); err != nil {
		return nil, err
	}
	return binary.BigEndian.AppendUint32(p.buf.Bytes(), adler32.Checksum(data)), nil
}

// compressPages returns doc, a PDF as gofpdf writes it with compression off,
// with the page content streams flate-compressed, the font files gofpdf was
// given as markers replaced by the faces cut to the glyphs the pages draw
// (fontuse.go, subset.go), the header declaring PDF 1.7 and the
// cross-reference table rewritten for the new offsets. Every other object is
// copied byte for byte but for the subset tag in the font names. A document
// not laid out as gofpdf lays it out is refused.
func compressPages(doc []byte) ([]byte, error) {
	objs, xref, err := gofpdfObjects(doc)
	if err != nil {
		return nil, err
	}
	for i := range objs {
		end := xref
		if i+1 < len(objs) {
			end = objs[i+1].off
		}
		objs[i].body = doc[objs[i].off:end]
	}
	p := newPacker()
	defer p.release()
	replaced, err := embedFonts(objs)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(doc))
	out = append(out, doc[:objs[0].off]...)
	// gofpdf declares PDF 1.3 or 1.4; signing would raise the header to 1.7
	// on a copy of the file (export/sign), so it is declared here.
	if len(out) > 8 && string(out[:7]) == "%PDF-1." && out[7] >= '0' && out[7] < '7' {
		out[7] = '7'
	}
	offsets := make(map[int]int, len(objs))
	for _, o := range objs {
		offsets[o.num] = len(out)
		if body, ok := replaced[o.num]; ok {
			out = append(out, body...)
			continue
		}
		content, ok := plainStream(o.body, o.num)
		if !ok {
			out = append(out, o.body...)
			continue
		}
		packed, err := p.zlib(content)
		if err != nil {
			return nil, err
		}
		out = fmt.Appendf(out, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(packed))
		out = append(out, packed...)
		out = append(out, "\nendstream\nendobj\n"...)
	}
	start := len(out)
	size := slices.MaxFunc(objs, func(a, b gofpdfObject) int { return a.num - b.num }).num + 1
	out = fmt.Appendf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		off, ok := offsets[n]
		if !ok {
			out = append(out, "0000000000 65535 f \n"...)
			continue
		}
		out = fmt.Appendf(out, "%010d 00000 n \n", off)
	}
	trailer := bytes.Index(doc[xref:], []byte("trailer"))
	startxref := bytes.LastIndex(doc, []byte("startxref"))
	if trailer < 0 || startxref < xref+trailer {
		return nil, fmt.Errorf("PDF tidak dapat dipadatkan: trailer tidak ditemukan")
	}
	out = append(out, doc[xref+trailer:startxref]...)
	out = fmt.Appendf(out, "startxref\n%d\n%%%%EOF\n", start)
	return out, nil
}

// gofpdfObject is an object of the document: its number, where it starts
// and, once read, its bytes up to the next object.
type gofpdfObject struct {
	num, off int
	body     []byte
}

// gofpdfObjects reads the cross-reference table gofpdf writes (one section
// from object 0, an entry per object) and returns the objects in file order
// and where the table starts.
func gofpdfObjects(doc []byte) ([]gofpdfObject, int, error) {
	bad := func(what string) error { return fmt.Errorf("PDF tidak dapat dipadatkan: %s", what) }
	i := bytes.LastIndex(doc, []byte("startxref\n"))
	if i < 0 {
		return nil, 0, bad("startxref tidak ada")
	}
	rest := doc[i+len("startxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, 0, bad("startxref terpotong")
	}
	xref, err := strconv.Atoi(string(rest[:nl]))
	if err != nil || xref <= 0 || xref >= i || !bytes.HasPrefix(doc[xref:], []byte("xref\n0 ")) {
		return nil, 0, bad("tabel xref tidak ditemukan")
	}
	p := doc[xref+len("xref\n0 "):]
	nl = bytes.IndexByte(p, '\n')
	if nl < 0 {
		return nil, 0, bad("tabel xref terpotong")
	}
	count, err := strconv.Atoi(string(p[:nl]))
	p = p[nl+1:]
	if err != nil || count < 2 || len(p) < count*20 {
		return nil, 0, bad("tabel xref terpotong")
	}
	var objs []gofpdfObject
	for n := 1; n < count; n++ {
		e := p[n*20 : n*20+20]
		if e[17] != 'n' {
			continue
		}
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || off <= 0 || off >= xref {
			return nil, 0, bad("entri xref tidak sah")
		}
		objs = append(objs, gofpdfObject{num: n, off: off})
	}
	if len(objs) == 0 {
		return nil, 0, bad("tidak ada objek")
	}
	slices.SortFunc(objs, func(a, b gofpdfObject) int { return a.off - b.off })
	return objs, xref, nil
}

// plainStream returns the content of body when it is object num written as
// gofpdf writes an uncompressed page: "num 0 obj", a dictionary holding only
// /Length, the stream, "endstream", "endobj".
func plainStream(body []byte, num int) ([]byte, bool) {
	head := strconv.AppendInt(nil, int64(num), 10)
	head = append(head, " 0 obj\n<</Length "...)
	if !bytes.HasPrefix(body, head) {
		return nil, false
	}
	rest := body[len(head):]
	j := bytes.Index(rest, []byte(">>\nstream\n"))
	if j < 0 || j > 10 {
		return nil, false
	}
	n, err := strconv.Atoi(string(rest[:j]))
	rest = rest[j+len(">>\nstream\n"):]
	if err != nil || n < 0 || len(rest) < n || string(rest[n:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[:n], true
}
