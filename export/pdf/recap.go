package pdf

import "fmt"

// RecapColumn defines one column of a recap table.
type RecapColumn struct {
	Title string // "kali"
	// Group is an optional heading over adjacent columns sharing it ("TL").
	Group string
	// Width is relative: the widths are scaled to fill the page.
	Width float64
	Align string // "L", "C" or "R"; empty is "C"
}

// RowKind tells how a recap row is drawn.
type RowKind int

// The kinds of recap rows.
const (
	RowStaff    RowKind = iota // one staff member
	RowUnit                    // a unit heading spanning the table; only the first cell is printed
	RowSubtotal                // a unit's totals, bold on grey
	RowTotal                   // the office's totals, bold on grey
)

// RecapRow is one row of a recap: one cell per column, already formatted.
type RecapRow struct {
	Kind  RowKind
	Cells []string
}

// Recap is a monthly recap on A4 landscape: the attendance recap, and any
// other recap in the same shape (the rekap potongan TPP) through its own
// columns.
type Recap struct {
	Common
	Title    string // "REKAP KEHADIRAN PEGAWAI — BULAN NOVEMBER 2026"
	Subtitle string // optional: "Hari kerja: 20 hari (1–30 November 2026)"
	Columns  []RecapColumn
	Rows     []RecapRow
	Notes    []string // optional keterangan lines under the table
	// Acknowledged is the left block ("Mengetahui," / "CAMAT SOREANG,");
	// Prepared the right one (the Kasubbag Umum dan Kepegawaian).
	Acknowledged Signature
	Prepared     Signature
}

// AttendanceColumns are the columns of the monthly attendance recap
// (docs/aturan.md §3.5): No, Nama/NIP, jenis pegawai, hari kerja, H, TL and PSW in count and
// minutes, DL, FWA, TB, S, I, cuti, TK, belum diisi, the office's own codes, piket, hadir % and
// potongan TPP % ("—" for
// staff who receive no TPP).
func AttendanceColumns() []RecapColumn {
	count := func(title string) RecapColumn { return RecapColumn{Title: title, Width: 8} }
	return []RecapColumn{
		{Title: "No", Width: 6},
		{Title: "Nama / NIP", Width: 47, Align: "L"},
		{Title: "Jenis", Width: 14},
		{Title: "Hari Kerja", Width: 11},
		count("H"),
		{Title: "kali", Group: "TL — Terlambat", Width: 9},
		{Title: "menit", Group: "TL — Terlambat", Width: 10},
		{Title: "kali", Group: "PSW — Pulang Sebelum Waktunya", Width: 9},
		{Title: "menit", Group: "PSW — Pulang Sebelum Waktunya", Width: 10},
		count("DL"), count("FWA"), count("TB"), count("S"), count("I"), count("Cuti"), count("TK"),
		{Title: "Belum Diisi", Width: 12},
		{Title: "Kode Lain", Width: 9},
		{Title: "Piket", Width: 9},
		{Title: "Hadir (%)", Width: 12},
		{Title: "Potongan TPP (%)", Width: 17},
	}
}

// recapSize is the font size of recap tables.
const recapSize = 7.5

// AttendanceRecap renders a recap on A4 landscape with the office header, the
// table (its header repeated on every page) and the two signature blocks.
func AttendanceRecap(d Recap) ([]byte, error) {
	if len(d.Columns) == 0 {
		return nil, fmt.Errorf("rekap %q: tidak ada kolom", d.Title)
	}
	doc, err := newDocument(d.Common, true, d.Title)
	if err != nil {
		return nil, fmt.Errorf("rekap %q: %w", d.Title, err)
	}
	doc.title(12, d.Title)
	if d.Subtitle != "" {
		doc.title(bodySize, d.Subtitle)
	}
	cols := make([]column, len(d.Columns))
	for i, c := range d.Columns {
		align := c.Align
		if align == "" {
			align = "C"
		}
		cols[i] = column{title: c.Title, group: c.Group, width: max(c.Width, 1), align: align}
	}
	t := fitted(doc, table{cols: cols, size: recapSize, header: true, borders: true})
	// The last rows go to the next page with the notes and the signatures
	// when these do not fit, so no page holds signatures alone.
	sh, _, _ := doc.signaturesHeight(&d.Acknowledged, &d.Prepared)
	t.tail = 4 + sh + notesHeight(doc, d.Notes)
	rows := make([]row, len(d.Rows))
	for i, r := range d.Rows {
		rows[i] = row{cells: r.Cells}
		switch r.Kind {
		case RowUnit:
			rows[i] = row{cells: r.Cells[:min(1, len(r.Cells))], span: true, bold: true}
		case RowSubtotal, RowTotal:
			rows[i].bold, rows[i].fill = true, true
		}
	}
	t.draw(doc, rows)
	if len(d.Notes) > 0 {
		doc.space(2)
		t := table{cols: []column{{width: doc.width()}}, size: smallSize}
		notes := make([]row, len(d.Notes))
		for i, n := range d.Notes {
			notes[i] = row{cells: []string{n}}
		}
		t.draw(doc, notes)
	}
	if err := doc.signatures(&d.Acknowledged, &d.Prepared); err != nil {
		return nil, fmt.Errorf("rekap %q: %w", d.Title, err)
	}
	return doc.output()
}

// notesHeight is the height the notes under a recap table take.
func notesHeight(doc *document, notes []string) float64 {
	if len(notes) == 0 {
		return 0
	}
	doc.setFont(false, smallSize)
	h := 2.0
	for _, n := range notes {
		h += float64(len(doc.wrap(n, doc.width())))*lineHeight(smallSize) + 2*cellPad
	}
	return h
}
