package pdf

import (
	"fmt"
	"strings"
)

// Signature block geometry in millimetres.
const (
	signSpace  = 22.0 // blank room for a hand signature
	signImageH = 20.0 // height of a scanned signature
	qrSide     = 22.0 // side of the QR code in the electronic-signature box
)

// ESignatureStatement is the plain-words statement of the visible
// electronic-signature box, followed by the office root's name. It says the
// signature is not certified (UU ITE Pasal 11): the app never claims BSrE.
const ESignatureStatement = "Ditandatangani secara elektronik — tanda tangan elektronik tidak tersertifikasi, diterbitkan oleh "

// signatures draws up to two signature blocks side by side, left and right;
// a nil block leaves its side empty. Both are kept together on one page.
func (d *document) signatures(left, right *Signature) error {
	colW, xs, blocks := d.signatureColumns(left, right)
	h, aboveMax, space := d.signaturesHeight(left, right)
	d.space(4)
	d.ensure(h)
	top := d.pdf.GetY()
	for i, s := range blocks {
		if s == nil {
			continue
		}
		if err := d.signature(*s, xs[i], top+aboveMax-d.signatureAbove(*s, colW), colW, space); err != nil {
			return err
		}
	}
	d.pdf.SetXY(marginLeft, top+h)
	return nil
}

// signatureColumns are the column width, the left edges and the blocks of a
// pair of signature blocks.
func (d *document) signatureColumns(left, right *Signature) (float64, []float64, []*Signature) {
	return d.width()/2 - 6, []float64{marginLeft, marginLeft + d.width()/2 + 6}, []*Signature{left, right}
}

// signaturesHeight measures a pair of blocks: the full height (without the
// 4 mm drawn above them), the height of the tallest part above the signature
// space and the space itself. Blocks with fewer lines above the space start
// lower, so that the names stand on one line; the spaces share one height.
func (d *document) signaturesHeight(left, right *Signature) (h, aboveMax, space float64) {
	colW, _, blocks := d.signatureColumns(left, right)
	for _, s := range blocks {
		if s != nil {
			aboveMax = max(aboveMax, d.signatureAbove(*s, colW))
			space = max(space, d.signSpaceHeight(*s, colW))
		}
	}
	for _, s := range blocks {
		if s != nil {
			h = max(h, aboveMax+space+d.signatureBelow(*s, colW))
		}
	}
	return h, aboveMax, space
}

// signatureAbove is the height of the lines above the signature space.
func (d *document) signatureAbove(s Signature, w float64) float64 {
	above, _ := signatureLines(s)
	d.setFont(false, bodySize)
	n := 0
	for _, l := range above {
		n += len(d.wrap(l, w))
	}
	return float64(n) * lineHeight(bodySize)
}

// signatureLines are the text lines above and below the signature space.
func signatureLines(s Signature) (above, below []string) {
	if strings.TrimSpace(s.Above) != "" {
		above = append(above, s.Above)
	}
	place, date := s.Place, s.Date
	if strings.TrimSpace(place) == "" {
		place = "...................."
	}
	if strings.TrimSpace(date) == "" {
		date = "..............................."
	}
	if !s.NoPlaceDate {
		above = append(above, place+", "+date)
	}
	above = append(above, s.Role)
	name := s.Name
	if strings.TrimSpace(name) == "" {
		name = "............................................"
	}
	below = append(below, name)
	if strings.TrimSpace(s.Rank) != "" {
		below = append(below, s.Rank)
	}
	if strings.TrimSpace(s.NIP) != "" {
		below = append(below, "NIP "+s.NIP)
	}
	return above, below
}

// signatureBelow is the height of the lines below the signature space (name,
// pangkat, NIP) plus a little room after them.
func (d *document) signatureBelow(s Signature, w float64) float64 {
	_, below := signatureLines(s)
	n := 0
	for i, l := range below {
		d.setFont(i == 0, bodySize)
		n += len(d.wrap(l, w))
	}
	return float64(n)*lineHeight(bodySize) + 2
}

// signSpaceHeight is the room between role and name: the e-signature box
// and the scanned signature one above the other, or blank room to sign by hand.
func (d *document) signSpaceHeight(s Signature, w float64) float64 {
	h := 0.0
	if s.Electronic != nil {
		h += d.eSignatureHeight(*s.Electronic, w) + 2
	}
	if len(s.Image) > 0 {
		h += signImageH + 3
	}
	if h == 0 {
		return signSpace
	}
	return h
}

// signature draws one block at x, y in a column w wide, with space
// millimetres between role and name.
func (d *document) signature(s Signature, x, y, w, space float64) error {
	p := d.pdf
	above, below := signatureLines(s)
	lh := lineHeight(bodySize)
	write := func(text string, style string) {
		d.setFont(strings.Contains(style, "B"), bodySize)
		for _, l := range d.wrap(text, w) {
			p.SetXY(x, y)
			if strings.Contains(style, "U") {
				p.SetFont(fontFamily, style, bodySize)
				d.font.size = 0 // selected behind setFont's back
			}
			p.CellFormat(w, lh, l, "", 0, "L", false, 0, "")
			y += lh
		}
	}
	for _, l := range above {
		write(l, "")
	}
	mark := y + 1
	if s.Electronic != nil {
		if err := d.eSignature(*s.Electronic, x, mark, w); err != nil {
			return err
		}
		mark += d.eSignatureHeight(*s.Electronic, w) + 2
	}
	if len(s.Image) > 0 {
		name, err := d.registerImage(s.Image)
		if err != nil {
			return fmt.Errorf("gambar tanda tangan %s: %w", s.Name, err)
		}
		p.ImageOptions(name, x+1.2, mark, 0, signImageH, false, gofpdfImage, 0, "")
	}
	y += space
	for i, l := range below {
		style := ""
		if i == 0 {
			style = "BU"
		}
		write(l, style)
	}
	return nil
}
