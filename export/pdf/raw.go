package pdf

// rawOps collects PDF operators for text lines and rules and hands them to
// gofpdf in one call. Table cells are drawn this way because gofpdf formats
// every operator with fmt.Sprintf, which was most of the time spent on a
// document. Coordinates are millimetres from the top left, as elsewhere.
type rawOps struct {
	d     *document
	buf   []byte
	k     float64 // points per millimetre
	pageH float64 // page height in millimetres
}

// raw starts collecting operators for the current page.
func (d *document) raw() *rawOps {
	_, h := d.pdf.GetPageSize()
	return &rawOps{d: d, buf: make([]byte, 0, 512), k: d.pdf.GetConversionRatio(), pageH: h}
}

// line adds a straight rule from (x1, y1) to (x2, y2) in the current line
// width and draw colour.
func (r *rawOps) line(x1, y1, x2, y2 float64) {
	r.buf = appendPoints(r.buf, x1*r.k)
	r.buf = appendPoints(r.buf, (r.pageH-y1)*r.k)
	r.buf = append(r.buf, "m "...)
	r.buf = appendPoints(r.buf, x2*r.k)
	r.buf = appendPoints(r.buf, (r.pageH-y2)*r.k)
	r.buf = append(r.buf, "l S\n"...)
}

// text adds black text already encoded for the font, in a box w wide and h
// tall at (x, y), aligned "L", "C" or "R" the way gofpdf's CellFormat does:
// the cell margin on the sides, the baseline at half the box plus 0.3 of the
// font size.
func (r *rawOps) text(line string, x, y, w, h float64, align string) {
	if line == "" {
		return
	}
	p := r.d.pdf
	_, size := p.GetFontSize()
	margin := p.GetCellMargin()
	dx := margin
	switch align {
	case "R":
		dx = w - margin - p.GetStringWidth(line)
	case "C":
		dx = (w - p.GetStringWidth(line)) / 2
	}
	r.buf = append(r.buf, "BT "...)
	r.buf = appendCoordinate(r.buf, (x+dx)*r.k)
	r.buf = appendCoordinate(r.buf, (r.pageH-(y+0.5*h+0.3*size))*r.k)
	r.buf = append(r.buf, "Td ("...)
	for i := 0; i < len(line); i++ {
		switch c := line[i]; c {
		case '\\', '(', ')':
			r.buf = append(r.buf, '\\', c)
		case '\r':
			r.buf = append(r.buf, '\\', 'r')
		default:
			r.buf = append(r.buf, c)
		}
	}
	r.buf = append(r.buf, ")Tj ET\n"...)
}

// flushText writes the collected text in black, whatever the fill colour.
func (r *rawOps) flushText() {
	if len(r.buf) == 0 {
		return
	}
	r.d.pdf.RawWriteStr("q 0 g\n" + string(r.buf) + "Q\n")
	r.buf = r.buf[:0]
}

// flushRules writes the collected rules.
func (r *rawOps) flushRules() {
	if len(r.buf) == 0 {
		return
	}
	r.d.pdf.RawWriteStr(string(r.buf))
	r.buf = r.buf[:0]
}

// appendCoordinate is appendPoints for values that may be negative (text
// centred in a cell narrower than the text starts left of it).
func appendCoordinate(b []byte, v float64) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	return appendPoints(b, v)
}
