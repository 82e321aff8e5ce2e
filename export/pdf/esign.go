package pdf

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/jung-kurt/gofpdf"
	"rsc.io/qr"
	"rsc.io/qr/coding"
)

// gofpdfImage places an image with its own type detection.
var gofpdfImage = gofpdf.ImageOptions{}

// eSignSize is the font size of the electronic-signature box.
const eSignSize = 7.0

// QRPayload is the text in the QR code of the electronic-signature box: the
// document id and the SHA-256 digest in hex, one per line after a marker.
func QRPayload(documentID, sha256Hex string) string {
	return "KINERJA\nID: " + documentID + "\nSHA-256: " + sha256Hex
}

// eSignatureLines are the text lines of the box.
func eSignatureLines(e ESignature) []string {
	lines := []string{ESignatureStatement + e.Issuer, "Penanda tangan: " + e.Signer, "Waktu: " + e.Time}
	if e.DocumentID != "" {
		lines = append(lines, "ID dokumen: "+e.DocumentID)
	}
	return lines
}

// eSignatureHeight is the height of the box in a column w wide.
func (d *document) eSignatureHeight(e ESignature, w float64) float64 {
	d.setFont(false, eSignSize)
	n := 0
	for _, l := range eSignatureLines(e) {
		n += len(d.wrap(l, w-qrSide-3))
	}
	return max(qrSide+2, float64(n)*lineHeight(eSignSize)+2*cellPad)
}

// eSignature draws the framed box: the QR code at the left, the statement,
// signer and time at the right.
func (d *document) eSignature(e ESignature, x, y, w float64) error {
	code, err := encodeQR(QRPayload(e.DocumentID, e.SHA256), qr.M)
	if err != nil {
		return fmt.Errorf("kode QR tanda tangan elektronik: %w", err)
	}
	p := d.pdf
	h := d.eSignatureHeight(e, w)
	p.SetLineWidth(0.3)
	p.Rect(x, y, w, h, "D")
	p.SetLineWidth(0.2)
	d.drawQR(code, x+1, y+1, qrSide)
	d.setFont(false, eSignSize)
	lh := lineHeight(eSignSize)
	ty := y + cellPad
	for _, l := range eSignatureLines(e) {
		for _, part := range d.wrap(l, w-qrSide-3) {
			p.SetXY(x+qrSide+2, ty)
			p.CellFormat(w-qrSide-3, lh, part, "", 0, "L", false, 0, "")
			ty += lh
		}
	}
	return nil
}

// qrPlans keeps the QR plans (module layout of a version and level) made,
// by coding.Version and coding.Level; a plan is only read once made.
var qrPlans sync.Map

// encodeQR is qr.Encode with the plan of each version and level made once:
// making a plan lays out every module of the symbol, which cost more than
// encoding the text into it. The code is the same as qr.Encode's.
func encodeQR(text string, level qr.Level) (*qr.Code, error) {
	var enc coding.Encoding
	switch {
	case coding.Num(text).Check() == nil:
		enc = coding.Num(text)
	case coding.Alpha(text).Check() == nil:
		enc = coding.Alpha(text)
	default:
		enc = coding.String(text)
	}
	l := coding.Level(level)
	v := coding.Version(coding.MinVersion)
	for ; enc.Bits(v) > v.DataBytes(l)*8; v++ {
		if v == coding.MaxVersion {
			return nil, errors.New("teks terlalu panjang untuk kode QR")
		}
	}
	key := [2]int{int(v), int(l)}
	plan, ok := qrPlans.Load(key)
	if !ok {
		p, err := coding.NewPlan(v, l, 0)
		if err != nil {
			return nil, err
		}
		plan, _ = qrPlans.LoadOrStore(key, p)
	}
	c, err := plan.(*coding.Plan).Encode(enc)
	if err != nil {
		return nil, err
	}
	return &qr.Code{Bitmap: c.Bitmap, Size: c.Size, Stride: c.Stride, Scale: 8}, nil
}

// drawQR draws the QR code's dark modules in a square of the given side that
// includes the four-module quiet zone. The modules go out as one PDF path,
// one rectangle per run of dark modules in a row, written directly: drawing
// them one by one through gofpdf costs more than the rest of the page. A
// transformation (cm) makes one unit a module, counted down from the code's
// top left corner, so each rectangle is a few small integers, and runs
// repeated on the rows below are drawn as one rectangle.
func (d *document) drawQR(code *qr.Code, x, y, side float64) {
	p := d.pdf
	k := p.GetConversionRatio()
	_, pageH := p.GetPageSize()
	m := side / float64(code.Size+8) * k
	path := make([]byte, 0, 16*code.Size*code.Size/4)
	path = append(path, "q 0 g "...)
	for _, v := range []float64{m, 0, 0, -m, x*k + 4*m, (pageH-y)*k - 4*m} {
		path = strconv.AppendFloat(path, v, 'f', -1, 64)
		path = append(path, ' ')
	}
	path = append(path, "cm\n"...)
	// A run of dark modules that repeats, same columns, on the rows below
	// is one taller rectangle.
	type rect struct{ start, end, top int }
	var open, next []rect
	emit := func(r rect, bottom int) {
		for _, v := range []int{r.start, r.top, r.end - r.start, bottom - r.top} {
			path = strconv.AppendInt(path, int64(v), 10)
			path = append(path, ' ')
		}
		path = append(path, "re\n"...)
	}
	for row := 0; row <= code.Size; row++ {
		next = next[:0]
		i := 0 // next open rectangle to match, in column order
		for col := 0; row < code.Size && col < code.Size; {
			if !code.Black(col, row) {
				col++
				continue
			}
			start := col
			for col < code.Size && code.Black(col, row) {
				col++
			}
			for i < len(open) && open[i].start < start {
				emit(open[i], row)
				i++
			}
			if i < len(open) && open[i].start == start && open[i].end == col {
				next = append(next, open[i])
				i++
			} else {
				next = append(next, rect{start, col, row})
			}
		}
		for ; i < len(open); i++ {
			emit(open[i], row)
		}
		open, next = next, open
	}
	path = append(path, "f Q"...)
	p.RawWriteStr(string(path))
}

// appendPoints writes v, a non-negative length in points, with two decimals
// and a trailing space; strconv's float formatting costs more than the whole
// QR code otherwise.
func appendPoints(b []byte, v float64) []byte {
	n := int64(math.Round(max(v, 0) * 100))
	b = strconv.AppendInt(b, n/100, 10)
	frac := n % 100
	b = append(b, '.', byte('0'+frac/10), byte('0'+frac%10), ' ')
	return b
}
