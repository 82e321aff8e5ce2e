package pdf

import (
	"errors"
	"fmt"
	"strings"
)

// Sign-in sheet geometry.
const (
	// sheetRowHeight is the least height of a staff row, room to sign in.
	sheetRowHeight = 10.0
	// sheetSignWidth and sheetSignMin bound the width of a signature cell of
	// a week sheet; the narrowest still holds the heading "Datang".
	sheetSignWidth = 24.0
	sheetSignMin   = 13.0
	// sheetSize is the font size of the sheet's table.
	sheetSize = 8.0
	// SheetMaxDays is the most days one sheet holds: a week on A4 landscape.
	SheetMaxDays = 7
)

// SheetTitle is the title printed on every sign-in sheet.
const SheetTitle = "DAFTAR HADIR PEGAWAI"

// SheetDay is one calendar day of a sign-in sheet, already formatted.
type SheetDay struct {
	Weekday string // "Senin"
	Date    string // "30 November 2026"
	Short   string // "30/11": the column heading under the weekday on a week sheet
	// Off says why the day is not a working day ("Kelahiran Yesus Kristus —
	// libur nasional"); empty for a working day. A day off gets no column and
	// is listed as a note under the table.
	Off string
}

// Label is the day as printed in the day line and the notes: "Senin, 30 November 2026".
func (d SheetDay) Label() string {
	return d.Weekday + ", " + d.Date
}

// Sheet is a blank daftar hadir for the days the fingerprint machine is
// down: one day on A4 portrait, or up to a week on A4 landscape.
type Sheet struct {
	Common
	// Days are the consecutive days of the sheet in order; one day prints
	// the one-day form, more print a Datang/Pulang pair per working day.
	Days []SheetDay
	// Unit is an optional line under the day line, e.g. "Unit kerja: Seksi
	// Pemerintahan", for a sheet of one unit.
	Unit string
	// Staff are the rows in print order; Name, NIP (grouped) and Position
	// are printed, and a unit heading row wherever a non-empty Unit differs
	// from the row above.
	Staff []Person
	// Acknowledged is the left block ("Mengetahui," / the Camat); Prepared
	// the right one (the Kasubbag Umum dan Kepegawaian).
	Acknowledged Signature
	Prepared     Signature
}

// AttendanceSheet renders a blank sign-in sheet (docs/aturan.md §3.5): the kop
// surat, the title, the day line ("Senin, 30 November 2026", or the first and
// last day of a week), a table of No, Nama / NIP, Jabatan and signature
// cells at least sheetRowHeight tall (its header repeated on every page), the
// days off as notes, and the two signature blocks. It is a form, so it is
// always printed as final, without the draft banner. It needs at least one
// working day and at most SheetMaxDays days.
func AttendanceSheet(d Sheet) ([]byte, error) {
	working := 0
	for _, day := range d.Days {
		if day.Off == "" {
			working++
		}
	}
	switch {
	case len(d.Days) > SheetMaxDays:
		return nil, fmt.Errorf("daftar hadir: %d hari; paling banyak %d hari dalam satu daftar", len(d.Days), SheetMaxDays)
	case working == 0:
		return nil, errors.New("daftar hadir: tidak ada hari kerja pada hari yang dipilih")
	}
	common := d.Common
	common.Final = true
	week := len(d.Days) > 1
	period := d.Days[0].Label()
	if week {
		period += " s.d. " + d.Days[len(d.Days)-1].Label()
	}
	doc, err := newDocument(common, week, "Daftar Hadir Pegawai "+period)
	if err != nil {
		return nil, fmt.Errorf("daftar hadir: %w", err)
	}
	doc.title(12, SheetTitle)
	doc.title(bodySize+1, period, d.Unit)
	t := table{cols: sheetColumns(d.Days, doc.width()), size: sheetSize, header: true, borders: true}
	t.draw(doc, sheetRows(d.Staff))
	var notes []string
	for _, day := range d.Days {
		if day.Off != "" {
			notes = append(notes, day.Label()+": "+day.Off)
		}
	}
	if len(notes) > 0 {
		doc.space(2)
		table{cols: []column{{width: doc.width()}}, size: smallSize}.draw(doc, []row{
			{cells: []string{"Hari tidak masuk kerja:"}, bold: true}, {cells: []string{strings.Join(notes, "\n")}}})
	}
	if err := doc.signatures(&d.Acknowledged, &d.Prepared); err != nil {
		return nil, fmt.Errorf("daftar hadir: %w", err)
	}
	return doc.output()
}

// sheetColumns are the table's columns filling width millimetres: for one
// day the times, two signature cells and a keterangan; for a week a
// Datang/Pulang pair of signature cells under each working day, each cell
// sheetSignMin to sheetSignWidth wide, the rest going to name and position.
func sheetColumns(days []SheetDay, width float64) []column {
	if len(days) == 1 {
		return scaled(width, []column{{title: "No", width: 7, align: "C"}, {title: "Nama / NIP", width: 48}, {title: "Jabatan", width: 32},
			{title: "Jam Datang", width: 14, align: "C"}, {title: "Tanda Tangan", width: 24},
			{title: "Jam Pulang", width: 14, align: "C"}, {title: "Tanda Tangan", width: 24},
			{title: "Keterangan", width: 20}})
	}
	number := column{title: "No", width: 7, align: "C"}
	identity := []column{{title: "Nama / NIP", width: 56}, {title: "Jabatan", width: 40}}
	var signs []column
	for _, day := range days {
		if day.Off == "" {
			group := day.Weekday + " " + day.Short
			signs = append(signs, column{title: "Datang", group: group}, column{title: "Pulang", group: group})
		}
	}
	each := sheetSignWidth
	if len(signs) > 0 {
		each = min(sheetSignWidth, max(sheetSignMin, (width-number.width-56-40)/float64(len(signs))))
	}
	for i := range signs {
		signs[i].width = each
	}
	return append(append([]column{number}, scaled(width-number.width-each*float64(len(signs)), identity)...), signs...)
}

// scaled stretches the widths of cols proportionally to add up to width.
func scaled(width float64, cols []column) []column {
	total := 0.0
	for _, c := range cols {
		total += c.width
	}
	for i := range cols {
		cols[i].width *= width / total
	}
	return cols
}

// sheetRows are the staff rows, numbered, under a heading per unit.
func sheetRows(staff []Person) []row {
	rows := make([]row, 0, len(staff))
	unit := ""
	for i, p := range staff {
		if u := strings.TrimSpace(p.Unit); u != "" && u != unit {
			rows = append(rows, row{cells: []string{u}, span: true, bold: true, fill: true})
			unit = u
		}
		who := p.Name
		if strings.TrimSpace(p.NIP) != "" {
			who += "\n" + p.NIP
		}
		rows = append(rows, row{cells: []string{itoa(i + 1), who, p.Position}, minHeight: sheetRowHeight})
	}
	return rows
}
