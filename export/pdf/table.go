package pdf

import "math"

// cellPad is the room above and below the text of a table cell, in mm.
const cellPad = 1.0

// column describes one table column.
type column struct {
	title string
	// group is an optional heading over adjacent columns that share it, e.g.
	// "TL" over "kali" and "menit".
	group string
	width float64 // mm
	align string  // "L", "C" or "R"; empty is "L"
	// mergeSame leaves a cell blank and joins it with the one above when it
	// repeats the text above on the same page (an RHK with several IKI).
	mergeSame bool
}

// row is one table row.
type row struct {
	cells     []string
	bold      bool
	boldLabel bool // only the first cell is bold
	fill      bool
	span      bool    // the first cell spans the whole row
	minHeight float64 // room to write by hand, mm
	joined    []bool  // per cell: blanked by mergeSame, drawn without a top rule
}

// table draws rows under a header; rows wrap their text, move whole to the
// next page when they do not fit, and split across pages only when taller than
// a page. The header repeats on every page.
type table struct {
	cols    []column
	size    float64 // font size in points
	header  bool
	borders bool
	// tail is the room what follows the table needs (notes, signatures):
	// the last row moves to the next page with it when it does not fit.
	tail float64
}

// tableState is the drawing position within a table.
type tableState struct {
	headerH   float64  // height of the header, measured once
	previous  []string // cells of the row above on this page
	freshPage bool     // a page break happened and no row is on the page yet
}

// draw draws the rows at the current position.
func (t table) draw(d *document, rows []row) {
	if len(rows) == 0 && !t.header {
		return
	}
	var st tableState
	saved := d.onNewPage
	d.onNewPage = func() {
		d.pdf.SetX(marginLeft)
		t.drawHeader(d)
		st.previous = nil
		st.freshPage = true
	}
	defer func() { d.onNewPage = saved }()
	st.headerH = t.headerHeight(d)
	first := st.headerH
	if len(rows) > 0 {
		first += t.keepHeight(d, rows[0])
	}
	if len(rows) > 1 && rows[0].span {
		first += t.keepHeight(d, rows[1])
	}
	if !d.ensure(first) {
		t.drawHeader(d)
	}
	for i, r := range rows {
		if r.span && i+1 < len(rows) {
			d.ensure(t.rowHeight(d, r, t.lines(d, r)) + t.keepHeight(d, rows[i+1]))
		}
		if t.tail > 0 && i == len(rows)-1 && t.rowHeight(d, r, t.lines(d, r))+t.tail < d.bottom()-marginTop-st.headerH-20 {
			d.ensure(t.rowHeight(d, r, t.lines(d, r)) + t.tail)
		}
		t.drawRow(d, r, &st)
	}
}

// keepHeight is how much of r must fit below a row kept with it: the whole
// row, or three lines of a taller one.
func (t table) keepHeight(d *document, r row) float64 {
	return math.Min(t.rowHeight(d, r, t.lines(d, r)), 3*lineHeight(t.size)+2*cellPad)
}

// total is the sum of the column widths.
func (t table) total() float64 {
	w := 0.0
	for _, c := range t.cols {
		w += c.width
	}
	return w
}

// lines wraps every cell of r to its column.
func (t table) lines(d *document, r row) [][]string {
	d.setFont(r.bold, t.size)
	if r.span {
		return [][]string{d.wrap(first(r.cells), t.total())}
	}
	out := make([][]string, len(t.cols))
	for i, c := range t.cols {
		text := ""
		if i < len(r.cells) {
			text = r.cells[i]
		}
		d.setFont(r.cellBold(i), t.size)
		out[i] = d.wrap(text, c.width)
	}
	return out
}

// cellBold reports whether cell i of r is drawn bold.
func (r row) cellBold(i int) bool {
	return r.bold || r.boldLabel && i == 0
}

// first is the first cell of a row, or "".
func first(cells []string) string {
	if len(cells) == 0 {
		return ""
	}
	return cells[0]
}

// rowHeight is the height of a row whose cells wrapped to lines.
func (t table) rowHeight(d *document, r row, lines [][]string) float64 {
	n := 1
	for _, l := range lines {
		n = max(n, len(l))
	}
	return math.Max(float64(n)*lineHeight(t.size)+2*cellPad, r.minHeight)
}

// drawRow draws r, moving it to the next page or splitting it as needed.
func (t table) drawRow(d *document, r row, st *tableState) {
	if !r.span && st.previous != nil {
		shown := make([]string, len(r.cells))
		joined := make([]bool, len(r.cells))
		copy(shown, r.cells)
		for i, c := range t.cols {
			if c.mergeSame && i < len(shown) && i < len(st.previous) && shown[i] != "" && shown[i] == st.previous[i] {
				shown[i], joined[i] = "", true
			}
		}
		merged := r
		merged.cells, merged.joined = shown, joined
		t.place(d, merged, r.cells, st)
		return
	}
	t.place(d, r, r.cells, st)
}

// place draws r (with merged cells blanked) and records its original cells.
func (t table) place(d *document, r row, original []string, st *tableState) {
	lines := t.lines(d, r)
	h := t.rowHeight(d, r, lines)
	_, pageH := d.pdf.GetPageSize()
	usable := pageH - marginBottom - marginTop - st.headerH - 10
	if d.pdf.GetY()+h > d.bottom() && h <= usable {
		d.ensure(h)
		if st.freshPage && !r.span {
			lines = t.lines(d, row{cells: original, bold: r.bold, boldLabel: r.boldLabel, span: r.span})
			r.cells, r.joined = original, nil
			h = t.rowHeight(d, r, lines)
		}
	}
	st.freshPage = false
	lh := lineHeight(t.size)
	broke := false
	for {
		avail := d.bottom() - d.pdf.GetY()
		if t.rowHeight(d, r, lines) <= avail {
			t.drawPart(d, r, lines, t.rowHeight(d, r, lines))
			break
		}
		n := int((avail - 2*cellPad) / lh)
		if n < 1 && !broke {
			d.ensure(d.bottom())
			broke = true
			continue
		}
		n = max(n, 1)
		head := make([][]string, len(lines))
		for i, l := range lines {
			head[i] = l[:min(n, len(l))]
			lines[i] = l[min(n, len(l)):]
		}
		t.drawPart(d, row{bold: r.bold, boldLabel: r.boldLabel, fill: r.fill, span: r.span}, head, float64(n)*lh+2*cellPad)
		d.ensure(d.bottom())
		broke = true
	}
	st.previous = original
}

// drawPart draws one page's part of a row, h millimetres tall.
func (t table) drawPart(d *document, r row, lines [][]string, h float64) {
	p := d.pdf
	d.setFont(r.bold, t.size)
	x, y := marginLeft, p.GetY()
	widths := make([]float64, len(t.cols))
	for i, c := range t.cols {
		widths[i] = c.width
	}
	aligns := make([]string, len(t.cols))
	for i, c := range t.cols {
		aligns[i] = c.align
	}
	if r.span {
		widths, aligns = []float64{t.total()}, []string{"L"}
	}
	lh := lineHeight(t.size)
	if r.fill {
		p.SetFillColor(236, 236, 236)
		p.Rect(x, y, t.total(), h, "F")
	}
	ops := d.raw()
	if t.borders {
		t.rules(ops, r, widths, y, h)
		ops.flushRules()
	}
	for i, w := range widths {
		d.setFont(r.cellBold(i), t.size)
		for k, line := range lines[i] {
			ops.text(line, x, y+cellPad+float64(k)*lh, w, lh, aligns[i])
		}
		ops.flushText()
		x += w
	}
	p.SetXY(marginLeft, y+h)
}

// rules adds a row's frame with as few strokes as possible: the top rule in
// runs that skip joined cells, one vertical rule per column edge and the
// bottom rule.
func (t table) rules(ops *rawOps, r row, widths []float64, y, h float64) {
	x, start := marginLeft, marginLeft
	for i, w := range widths {
		if i < len(r.joined) && r.joined[i] {
			if x > start {
				ops.line(start, y, x, y)
			}
			start = x + w
		}
		x += w
	}
	if x > start {
		ops.line(start, y, x, y)
	}
	edge := marginLeft
	ops.line(edge, y, edge, y+h)
	for _, w := range widths {
		edge += w
		ops.line(edge, y, edge, y+h)
	}
	ops.line(marginLeft, y+h, x, y+h)
}

// hasGroups reports whether any column has a group heading.
func (t table) hasGroups() bool {
	for _, c := range t.cols {
		if c.group != "" {
			return true
		}
	}
	return false
}

// headerLevels returns the heights of the group level and the title level.
func (t table) headerLevels(d *document) (groupH, titleH float64) {
	if !t.header {
		return 0, 0
	}
	d.setFont(true, t.size)
	lh := lineHeight(t.size)
	if !t.hasGroups() {
		n := 1
		for _, c := range t.cols {
			n = max(n, len(d.wrap(c.title, c.width)))
		}
		return 0, float64(n)*lh + 2*cellPad
	}
	groupLines, titleLines, soleLines := 1, 1, 1
	for i := 0; i < len(t.cols); {
		c := t.cols[i]
		if c.group == "" {
			soleLines = max(soleLines, len(d.wrap(c.title, c.width)))
			i++
			continue
		}
		j, w := i, 0.0
		for ; j < len(t.cols) && t.cols[j].group == c.group; j++ {
			w += t.cols[j].width
			titleLines = max(titleLines, len(d.wrap(t.cols[j].title, t.cols[j].width)))
		}
		groupLines = max(groupLines, len(d.wrap(c.group, w)))
		i = j
	}
	groupH = float64(groupLines)*lh + 2*cellPad
	titleH = float64(titleLines)*lh + 2*cellPad
	if need := float64(soleLines)*lh + 2*cellPad; need > groupH+titleH {
		titleH = need - groupH
	}
	return groupH, titleH
}

// headerHeight is the full height of the header.
func (t table) headerHeight(d *document) float64 {
	g, h := t.headerLevels(d)
	return g + h
}

// drawHeader draws the column titles, grouped where columns share a group.
func (t table) drawHeader(d *document) {
	if !t.header {
		return
	}
	groupH, titleH := t.headerLevels(d)
	p := d.pdf
	x, y := marginLeft, p.GetY()
	for i := 0; i < len(t.cols); {
		c := t.cols[i]
		if c.group == "" {
			d.headerCell(x, y, c.width, groupH+titleH, c.title, t.size)
			x += c.width
			i++
			continue
		}
		j, w := i, 0.0
		for ; j < len(t.cols) && t.cols[j].group == c.group; j++ {
			d.headerCell(x+w, y+groupH, t.cols[j].width, titleH, t.cols[j].title, t.size)
			w += t.cols[j].width
		}
		d.headerCell(x, y, w, groupH, c.group, t.size)
		x += w
		i = j
	}
	p.SetXY(marginLeft, y+groupH+titleH)
}

// headerCell draws a grey, framed cell with centred bold text.
func (d *document) headerCell(x, y, w, h float64, text string, size float64) {
	p := d.pdf
	d.setFont(true, size)
	p.SetFillColor(224, 224, 224)
	p.Rect(x, y, w, h, "FD")
	lines := d.wrap(text, w)
	lh := lineHeight(size)
	top := y + (h-float64(len(lines))*lh)/2
	for k, line := range lines {
		p.SetXY(x, top+float64(k)*lh)
		p.CellFormat(w, lh, line, "", 0, "C", false, 0, "")
	}
}

// wrap encodes text (see encode) and splits it into lines that fit width w
// in the current font, breaking between words where it can; it always
// returns at least one line.
func (d *document) wrap(text string, w float64) []string {
	encoded := d.enc(text)
	if encoded == "" {
		return []string{""}
	}
	split := d.pdf.SplitLines([]byte(encoded), w)
	if len(split) == 0 {
		return []string{""}
	}
	lines := make([]string, len(split))
	for i, l := range split {
		lines[i] = string(l)
	}
	return lines
}
