package pdf

import "strings"

// tableSize is the font size of the hasil kerja and perilaku tables.
const tableSize = 7.5

// Room left to write by hand in the blank form, mm.
const (
	handResultRoom    = 16.0
	handBehaviourRoom = 14.0
)

// resultTable is the hasil kerja table; evaluated adds the realisasi and
// umpan balik columns.
func resultTable(d *document, evaluated bool) table {
	cols := []column{
		{title: "No", width: 7, align: "C", mergeSame: true},
		{title: "Rencana Hasil Kerja Pimpinan yang Diintervensi", width: 27, mergeSame: true},
		{title: "Rencana Hasil Kerja", width: 37, mergeSame: true},
		{title: "Aspek", width: 14},
		{title: "Indikator Kinerja Individu", width: 30},
		{title: "Target", width: 17},
	}
	if evaluated {
		cols = append(cols,
			column{title: "Realisasi Berdasarkan Bukti Dukung", width: 23},
			column{title: "Umpan Balik Berkelanjutan Berdasarkan Bukti Dukung", width: 25},
		)
	}
	return fitted(d, table{cols: cols, size: tableSize, header: true, borders: true})
}

// fitted scales the column widths of t to the page width.
func fitted(d *document, t table) table {
	scale := d.width() / t.total()
	cols := make([]column, len(t.cols))
	for i, c := range t.cols {
		c.width *= scale
		cols[i] = c
	}
	t.cols = cols
	return t
}

// resultRows turns result rows into table rows: a heading row at each change
// of kind and one number per RHK. evaluated adds the realisasi and umpan balik
// cells; blank leaves them empty with room to write.
func resultRows(rows []ResultRow, evaluated, blank bool) []row {
	var out []row
	kind, rhk, number := "\x00", "\x00", 0
	parts := 0
	for _, r := range rows {
		if r.Kind != kind {
			kind, rhk, number = r.Kind, "\x00", 0
			parts++
			out = append(out, row{cells: []string{partLetter(parts) + ". HASIL KERJA " + strings.ToUpper(orDash(r.Kind))}, span: true, bold: true, fill: true})
		}
		if r.RHK != rhk || r.LeaderRHK == "" && r.RHK == "" {
			rhk = r.RHK
			number++
		}
		cells := []string{itoa(number), r.LeaderRHK, r.RHK, r.Aspect, r.Indicator, r.Target}
		next := row{cells: cells}
		if evaluated {
			if blank {
				next.cells = append(next.cells, "", "")
				next.minHeight = handResultRoom
			} else {
				next.cells = append(next.cells, r.Realisation, r.Feedback)
			}
		}
		out = append(out, next)
	}
	if len(out) == 0 {
		out = append(out, row{cells: []string{"Belum ada rencana hasil kerja."}, span: true})
	}
	return out
}

// partLetter is "A" for the first part, "B" for the second, and so on.
func partLetter(n int) string {
	if n < 1 || n > 26 {
		return itoa(n)
	}
	return string(rune('A' + n - 1))
}

// behaviourTable is the perilaku kerja table; evaluated adds umpan balik.
func behaviourTable(d *document, evaluated bool) table {
	cols := []column{
		{title: "No", width: 7, align: "C"},
		{title: "Perilaku Kerja", width: 80},
		{title: "Ekspektasi Khusus Pimpinan", width: 50},
	}
	if evaluated {
		cols = append(cols, column{title: "Umpan Balik Berkelanjutan", width: 45})
	}
	return fitted(d, table{cols: cols, size: tableSize, header: true, borders: true})
}

// behaviourRows turns behaviour rows into table rows: the value's name, then
// its guide behaviours. evaluated adds the umpan balik cell; blank leaves it
// empty with room to write.
func behaviourRows(rows []BehaviourRow, evaluated, blank bool) []row {
	out := make([]row, 0, len(rows))
	for i, b := range rows {
		text := b.Value
		if strings.TrimSpace(b.Guide) != "" {
			text += "\n" + b.Guide
		}
		next := row{cells: []string{itoa(i + 1), text, orDash(b.Expectation)}}
		if evaluated {
			if blank {
				next.cells = append(next.cells, "")
				next.minHeight = handBehaviourRoom
			} else {
				next.cells = append(next.cells, b.Feedback)
			}
		}
		out = append(out, next)
	}
	return out
}
