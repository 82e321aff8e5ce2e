package pdf

import (
	"fmt"
	"strings"
)

// Titles of the two documents of the Lampiran of PermenPANRB 6/2022. No
// other page carries either.
const (
	PerformanceTitle = "EVALUASI KINERJA PEGAWAI"
	SummaryTitle     = "DOKUMEN EVALUASI KINERJA PEGAWAI"
)

// PerformanceEvaluation renders the Evaluasi Kinerja Pegawai, the worked
// evaluation of one period (Lampiran of PermenPANRB 6/2022): title and
// PERIODE, instansi and periode penilaian, the identity table of the Pegawai
// yang Dinilai beside the Pejabat Penilai Kinerja, the capaian kinerja
// organisasi and its pola distribusi drawn as a curve (SE MenPANRB 3/2023),
// hasil kerja in parts A. Utama and B. Tambahan, rating hasil kerja,
// perilaku kerja with the seven BerAKHLAK values, rating perilaku kerja,
// predikat and the signatures. A4 portrait, marked "KONSEP – BELUM
// DITETAPKAN" unless d.Final.
func PerformanceEvaluation(d Evaluation) ([]byte, error) {
	return performance(d, false)
}

// BlankPerformanceEvaluation renders the Evaluasi Kinerja Pegawai as an
// empty form to fill by hand: identities and SKP rows as given (an empty
// identity leaves room to write), empty realisasi and umpan balik, tick boxes
// for the capaian (unless given), both ratings and the predikat, the curve's
// axes and bounds without a distribution. d.Final is ignored and no draft
// banner is printed: it would cover the writing room.
func BlankPerformanceEvaluation(d Evaluation) ([]byte, error) {
	return performance(d, true)
}

func performance(d Evaluation, blank bool) ([]byte, error) {
	common := d.Common
	if blank {
		common.Final = true
	}
	doc, err := newDocument(common, false, "Evaluasi Kinerja Pegawai "+d.Employee.Name)
	if err != nil {
		return nil, fmt.Errorf("evaluasi kinerja pegawai: %w", err)
	}
	doc.documentHead(PerformanceTitle, d.Period, d.Agency, d.PeriodDates, blank)
	doc.fields(42, []field{
		{"Jenis Jabatan", value(d.PostType, blank)},
		{"Pendekatan Hasil Kerja", value(d.Approach, blank)},
	})
	doc.space(2)
	doc.identityPair(d.Employee, d.Rater, blank)

	organisation := value(d.OrganisationResult, blank)
	if blank && strings.TrimSpace(d.OrganisationResult) == "" {
		organisation = capaianChoices
	}
	doc.pairs([]field{{"CAPAIAN KINERJA ORGANISASI", organisation}})
	doc.heading("POLA DISTRIBUSI", 70)
	dist := d.Distribution
	if blank {
		dist = blankDistribution(dist, d.OrganisationResult)
	}
	doc.curve(dist)

	results, resultRowsDrawn := resultTable(doc, true), partRows(d.Results, blank)
	doc.heading("HASIL KERJA", results.startHeight(doc, resultRowsDrawn))
	results.draw(doc, resultRowsDrawn)
	rating, behaviour, predikat := orDash(d.ResultRating), orDash(d.BehaviourRating), orDash(d.Predicate)
	if blank {
		rating, behaviour, predikat = ratingChoices, ratingChoices, predikatChoice
	}
	doc.pairs([]field{{"RATING HASIL KERJA", rating}})
	behaviours, behaviourRowsDrawn := behaviourTable(doc, true), behaviourRows(d.Behaviours, true, blank)
	doc.heading("PERILAKU KERJA", behaviours.startHeight(doc, behaviourRowsDrawn))
	behaviours.draw(doc, behaviourRowsDrawn)
	doc.pairs([]field{
		{"RATING PERILAKU KERJA", behaviour},
		{"PREDIKAT KINERJA PEGAWAI", predikat},
	})
	employee, rater := d.EmployeeSignature, d.RaterSignature
	if blank {
		employee, rater = blankSignature(employee), blankSignature(rater)
	}
	if err := doc.signatures(&employee, &rater); err != nil {
		return nil, fmt.Errorf("evaluasi kinerja pegawai: %w", err)
	}
	return doc.output()
}

// capaianChoices are the tick boxes of the capaian kinerja organisasi.
const capaianChoices = box + " Istimewa   " + box + " Baik   " + box + " Butuh Perbaikan/Cukup   " + box + " Kurang   " + box + " Sangat Kurang"

// blankDistribution keeps the classes and bounds of a distribution but drops
// its counts, warnings and shares, for a form filled by hand. Without classes
// it gives the five predikat unbounded.
func blankDistribution(ds Distribution, capaian string) Distribution {
	out := Distribution{Capaian: ds.Capaian, Source: ds.Source, Bounds: ds.Bounds, Note: ds.Note}
	if strings.TrimSpace(out.Capaian) == "" {
		out.Capaian = strings.TrimSpace(capaian)
	}
	if out.Capaian == "" {
		out.Capaian = "...................."
	}
	if strings.TrimSpace(out.Source) == "" {
		out.Source = "SE MenPANRB 3/2023"
	}
	for _, c := range ds.Classes {
		c.Count, c.Share = 0, ""
		out.Classes = append(out.Classes, c)
	}
	if len(out.Classes) == 0 {
		for _, l := range []string{"Sangat Kurang", "Kurang/Misconduct", "Butuh Perbaikan", "Baik", "Sangat Baik"} {
			out.Classes = append(out.Classes, DistributionClass{Label: l, Max: 100})
		}
	}
	return out
}

// blankSignature clears what is written at signing: the date and any
// electronic or scanned signature.
func blankSignature(s Signature) Signature {
	s.Date, s.Electronic, s.Image = "", nil, nil
	return s
}

// value is text for a filled document ("-" when blank text) or for an empty
// form (the text as given, room to write when blank).
func value(text string, blank bool) string {
	if blank {
		return text
	}
	return orDash(text)
}

// documentHead draws the title, "PERIODE: …" and the instansi and periode
// penilaian lines shared by the documents of an evaluation.
func (d *document) documentHead(title, period, agency, dates string, blank bool) {
	periodLine := "PERIODE: " + upper(period)
	if blank && strings.TrimSpace(period) == "" {
		periodLine = "PERIODE: TRIWULAN I / II / III / IV – AKHIR"
	}
	d.title(12, title, periodLine)
	d.fields(42, []field{
		{"Instansi", value(agency, blank)},
		{"Periode Penilaian", value(dates, blank)},
	})
}

// identityPair draws the identity table of the Evaluasi Kinerja Pegawai: the
// Pegawai yang Dinilai at the left beside the Pejabat Penilai Kinerja at the
// right, five numbered lines each.
func (d *document) identityPair(employee, rater Person, blank bool) {
	const no, label = 7.0, 27.0
	half := d.width() / 2
	val := half - no - label
	t := table{
		cols: []column{{width: no, align: "C"}, {width: label}, {width: val}, {width: no, align: "C"}, {width: label}, {width: val}},
		size: bodySize - 0.5, borders: true,
	}
	left, right := personFields(employee), personFields(rater)
	rows := make([]row, len(left))
	for i := range left {
		rows[i] = row{cells: []string{itoa(i + 1), left[i].label, value(orBlank(left[i].value), blank),
			itoa(i + 1), right[i].label, value(orBlank(right[i].value), blank)}}
	}
	head := lineHeight(t.size) + 2*cellPad
	d.ensure(head + t.keepHeight(d, rows[0])*2)
	y := d.pdf.GetY()
	d.headerCell(marginLeft, y, no, head, "No", t.size)
	d.headerCell(marginLeft+no, y, label+val, head, "PEGAWAI YANG DINILAI", t.size)
	d.headerCell(marginLeft+half, y, no, head, "No", t.size)
	d.headerCell(marginLeft+half+no, y, label+val, head, "PEJABAT PENILAI KINERJA", t.size)
	d.pdf.SetXY(marginLeft, y+head)
	t.draw(d, rows)
}

// orBlank turns the "-" of personFields back into empty text.
func orBlank(text string) string {
	if text == "-" {
		return ""
	}
	return text
}

// partRows are the hasil kerja rows in the two parts of the form, A. Utama
// then B. Tambahan, each under its heading even when empty. A kind other than
// "Tambahan" counts as Utama. blank leaves realisasi and umpan balik empty
// with room to write.
func partRows(rows []ResultRow, blank bool) []row {
	var utama, tambahan []ResultRow
	for _, r := range rows {
		if strings.EqualFold(strings.TrimSpace(r.Kind), "Tambahan") {
			tambahan = append(tambahan, r)
		} else {
			utama = append(utama, r)
		}
	}
	var out []row
	for i, part := range []struct {
		name string
		rows []ResultRow
	}{{"UTAMA", utama}, {"TAMBAHAN", tambahan}} {
		out = append(out, row{cells: []string{partLetter(i+1) + ". HASIL KERJA " + part.name}, span: true, bold: true, fill: true})
		if len(part.rows) == 0 {
			out = append(out, row{cells: []string{"", "-", "-", "-", "-", "-", "-", "-"}})
			continue
		}
		for k := range part.rows {
			part.rows[k].Kind = part.name
		}
		out = append(out, resultRows(part.rows, true, blank)[1:]...)
	}
	return out
}

// startHeight is the room the start of a table needs on one page: its header
// and its first two rows whole (a part heading and the first row under it),
// at most half a page.
func (t table) startHeight(d *document, rows []row) float64 {
	h := t.headerHeight(d)
	for i := 0; i < len(rows) && i < 2; i++ {
		h += t.rowHeight(d, rows[i], t.lines(d, rows[i]))
	}
	_, pageH := d.pdf.GetPageSize()
	return min(h, (pageH-marginTop-marginBottom)/2)
}
