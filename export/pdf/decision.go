package pdf

import (
	"fmt"
	"strings"
)

// DecisionTitle is the title of the penetapan predikat kinerja.
const DecisionTitle = "PENETAPAN PREDIKAT KINERJA"

// PredicateDecision is the content of the Penetapan Predikat Kinerja of one
// period (SE MenPANRB 3/2023): the organisation's capaian and the
// distribution of its staff's predikat, signed by the pimpinan. Every text is
// printed as given.
type PredicateDecision struct {
	Common
	Period      string // "TRIWULAN IV 2026"; printed after "PERIODE:"
	PeriodDates string // "1 Oktober 2026 s.d. 31 Desember 2026"
	Agency      string // instansi
	Unit        string // unit kerja whose capaian is set: "Kecamatan Soreang"
	// OrganisationResult is the capaian kinerja organisasi: "Baik".
	OrganisationResult string
	// Distribution counts the staff per predikat against the bounds; its
	// Classes are listed in the table in the order given.
	Distribution Distribution
	// Staff are listed under their predikat, in the order given within it.
	Staff []DecisionRow
	// Head is the pimpinan's signature block, e.g. Above "Ditetapkan oleh,"
	// and Role "CAMAT SOREANG,".
	Head Signature
}

// DecisionRow is one staff member in the list by predikat.
type DecisionRow struct {
	Predicate string // spelled exactly as in Distribution.Classes
	Name      string
	NIP       string // grouped (GroupNIP)
	Position  string // jabatan
}

// PredicateDecisionDocument renders the Penetapan Predikat Kinerja: the
// capaian kinerja organisasi; A, the count and share of staff per predikat
// against the bounds of the circular, with the curve; B, the staff listed by
// predikat; and the pimpinan's signature. Marked "KONSEP – BELUM DITETAPKAN"
// unless d.Final.
func PredicateDecisionDocument(d PredicateDecision) ([]byte, error) {
	doc, err := newDocument(d.Common, false, "Penetapan Predikat Kinerja "+d.Period)
	if err != nil {
		return nil, fmt.Errorf("penetapan predikat kinerja: %w", err)
	}
	doc.title(12, DecisionTitle, "PERIODE: "+upper(d.Period))
	doc.fields(48, []field{
		{"Instansi", orDash(d.Agency)},
		{"Unit Kerja", orDash(d.Unit)},
		{"Periode Penilaian", orDash(d.PeriodDates)},
	})
	doc.pairs([]field{{"CAPAIAN KINERJA ORGANISASI", orDash(d.OrganisationResult)}})

	ds := d.Distribution
	source := orDash(ds.Source)
	doc.heading("A. DISTRIBUSI PREDIKAT KINERJA PEGAWAI", 40)
	t := fitted(doc, table{cols: []column{
		{title: "No", width: 8, align: "C"},
		{title: "Predikat Kinerja Pegawai", width: 40},
		{title: "Jumlah Pegawai", width: 20, align: "R"},
		{title: "Persentase", width: 20, align: "R"},
		{title: "Batas " + source, width: 40},
		{title: "Keterangan", width: 35},
	}, size: bodySize - 0.5, header: true, borders: true})
	total := ds.total()
	var rows []row
	for i, c := range ds.Classes {
		rows = append(rows, row{cells: []string{itoa(i + 1), c.Label, itoa(c.Count), orDash(c.Share), orDash(boundLabel(c)), classStatus(c, total)}})
	}
	share := "0%"
	if total > 0 {
		share = "100%"
	}
	rows = append(rows, row{cells: []string{"", "Jumlah", itoa(total), share, "", ""}, bold: true})
	t.draw(doc, rows)
	doc.space(3)
	doc.curve(ds)

	doc.heading("B. DAFTAR PEGAWAI MENURUT PREDIKAT KINERJA", 25)
	list := fitted(doc, table{cols: []column{
		{title: "No", width: 8, align: "C"},
		{title: "Nama", width: 60},
		{title: "NIP", width: 35},
		{title: "Jabatan", width: 60},
	}, size: bodySize - 0.5, header: true, borders: true})
	list.draw(doc, decisionRows(d.Staff, ds.Classes))
	head := d.Head
	if strings.TrimSpace(head.Role) == "" {
		head.Role = "Pimpinan Unit Kerja,"
	}
	if err := doc.signatures(nil, &head); err != nil {
		return nil, fmt.Errorf("penetapan predikat kinerja: %w", err)
	}
	return doc.output()
}

// classStatus says whether a class keeps its own bound: "Sesuai", "Melebihi
// batas", "Kurang dari batas" or "Wajib ada"; "-" without a bound or staff.
func classStatus(c DistributionClass, total int) string {
	if !c.bounded() || total == 0 {
		return "-"
	}
	switch {
	case c.Count*100 > c.Max*total:
		return "Melebihi batas"
	case c.Count*100 < c.Min*total:
		return "Kurang dari batas"
	case c.Required && c.Count == 0:
		return "Wajib ada"
	}
	return "Sesuai"
}

// decisionRows lists the staff under a heading per predikat: best first
// (the classes in reverse, the curve runs worst to best), then any predikat
// not among the classes in order of appearance. A predikat without staff
// shows "-".
func decisionRows(staff []DecisionRow, classes []DistributionClass) []row {
	var order []string
	seen := map[string]bool{}
	for i := len(classes) - 1; i >= 0; i-- {
		if l := classes[i].Label; !seen[l] {
			seen[l] = true
			order = append(order, l)
		}
	}
	for _, s := range staff {
		if !seen[s.Predicate] {
			seen[s.Predicate] = true
			order = append(order, s.Predicate)
		}
	}
	var out []row
	for _, p := range order {
		var group []DecisionRow
		for _, s := range staff {
			if s.Predicate == p {
				group = append(group, s)
			}
		}
		out = append(out, row{cells: []string{orDash(p) + " (" + itoa(len(group)) + " pegawai)"}, span: true, bold: true, fill: true})
		if len(group) == 0 {
			out = append(out, row{cells: []string{"", "-", "", ""}})
		}
		for i, s := range group {
			out = append(out, row{cells: []string{itoa(i + 1), s.Name, orDash(s.NIP), orDash(s.Position)}})
		}
	}
	if len(out) == 0 {
		out = append(out, row{cells: []string{"Belum ada pegawai yang dinilai."}, span: true})
	}
	return out
}
