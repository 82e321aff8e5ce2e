package pdf

import "strings"

// title draws centred bold lines, e.g. the document's name and period.
func (d *document) title(size float64, lines ...string) {
	p := d.pdf
	d.setFont(true, size)
	for _, line := range lines {
		if strings.TrimSpace(line) == "" {
			continue
		}
		wrapped := d.wrap(line, d.width())
		d.ensure(float64(len(wrapped)) * lineHeight(size))
		for _, l := range wrapped {
			p.SetX(marginLeft)
			p.CellFormat(d.width(), lineHeight(size), l, "", 1, "C", false, 0, "")
		}
	}
	d.space(2)
}

// heading draws a section heading and keeps at least keep millimetres of
// what follows on the same page.
func (d *document) heading(text string, keep float64) {
	lh := lineHeight(bodySize + 1)
	d.space(2)
	d.ensure(lh + keep)
	d.setFont(true, bodySize+1)
	d.pdf.SetX(marginLeft)
	for _, l := range d.wrap(text, d.width()) {
		d.pdf.SetX(marginLeft)
		d.pdf.CellFormat(d.width(), lh, l, "", 1, "L", false, 0, "")
	}
	d.space(1)
}

// field is one "label : value" line of an identity or summary block.
type field struct{ label, value string }

// fields draws label, colon and wrapped value in three borderless columns.
func (d *document) fields(labelWidth float64, items []field) {
	t := table{
		cols: []column{{width: labelWidth}, {width: 4, align: "C"}, {width: d.width() - labelWidth - 4}},
		size: bodySize,
	}
	rows := make([]row, len(items))
	for i, it := range items {
		rows[i] = row{cells: []string{it.label, ":", it.value}}
	}
	t.draw(d, rows)
}

// framedFields draws a framed block: a numbered, grey title row then label
// and value rows, as in the identity blocks of the evaluation form.
func (d *document) framedFields(number, heading string, items []field) {
	labelW := 48.0
	t := table{
		cols:    []column{{width: 8, align: "C"}, {width: labelW}, {width: d.width() - labelW - 8}},
		size:    bodySize,
		borders: true,
	}
	rows := []row{{cells: []string{number + ". " + heading}, span: true, bold: true, fill: true}}
	for i, it := range items {
		rows = append(rows, row{cells: []string{itoa(i + 1), it.label, it.value}})
	}
	t.draw(d, rows)
}

// textBox draws a framed box with a grey heading and wrapped text; minHeight
// leaves room to write by hand. Long text continues on the next page.
func (d *document) textBox(heading, text string, minHeight float64) {
	t := table{cols: []column{{width: d.width()}}, size: bodySize, borders: true}
	t.draw(d, []row{
		{cells: []string{heading}, span: true, bold: true, fill: true},
		{cells: []string{text}, minHeight: minHeight},
	})
}

// itoa writes a small non-negative number.
func itoa(n int) string {
	return FormatNumber(int64(n))
}

// orDash returns text, or "-" when it is blank.
func orDash(text string) string {
	if strings.TrimSpace(text) == "" {
		return "-"
	}
	return text
}

// upper is strings.ToUpper, or "-" for blank text.
func upper(text string) string {
	return strings.ToUpper(orDash(text))
}
