package service

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/export/pdf"
)

// docSource is everything an evaluation document shows besides the
// evaluation itself, loaded before any write transaction starts.
type docSource struct {
	office     data.Office
	units      []data.Unit // for the jenis jabatan
	logo       []byte      // the kop-surat logo, nil for none
	period     data.EvaluationPeriod
	staff      data.Staff
	skp        data.SKP
	hasSKP     bool
	attendance *Summary // nil when the period has no attendance yet
	current    data.FrozenIdentities
	signatures map[uint64][]byte // scanned signatures of employee and rater, by staff ID
	// distribution is the period's pola distribusi as the office view counts
	// it (the head left out).
	distribution pdf.Distribution
	// kinds tells by NIP the kind of every staff member, so a NI PPPK is
	// grouped as one (pdf.GroupNIPOf); officials outside the office are not
	// in it.
	kinds map[string]data.Kind
}

// staffKinds maps the NIP of every staff member to the kind.
func (svc *Service) staffKinds() (map[string]data.Kind, error) {
	all, err := svc.st.AllStaff()
	if err != nil {
		return nil, err
	}
	out := make(map[string]data.Kind, len(all))
	for _, s := range all {
		if s.NIP != "" {
			out[s.NIP] = s.Kind
		}
	}
	return out, nil
}

// loadDocSource loads the source of staffID's evaluation document for a
// period; e is the evaluation shown (its SKPID picks the SKP when set).
func (svc *Service) loadDocSource(periodID string, staffID uint64, e data.Evaluation) (docSource, error) {
	b, err := svc.loadDocBatch(periodID)
	if err != nil {
		return docSource{}, err
	}
	return b.source(staffID, e)
}

// docBatch is the part of the documents' source that is the same for every
// person of a period — office, units, logo, pola distribusi, the kinds of
// staff, and the period and attendance rules — loaded once for a batch.
type docBatch struct {
	svc          *Service
	periodID     string
	office       data.Office
	units        []data.Unit
	logo         []byte
	distribution pdf.Distribution
	kinds        map[string]data.Kind
	beside       *besideBatch
}

func (svc *Service) loadDocBatch(periodID string) (*docBatch, error) {
	b := &docBatch{svc: svc, periodID: periodID}
	var err error
	if b.beside, err = svc.loadBeside(periodID); err != nil {
		return nil, err
	}
	if b.office, err = svc.st.Office(); err != nil {
		return nil, err
	}
	if b.units, err = svc.st.Units(); err != nil {
		return nil, err
	}
	if b.logo, err = svc.OfficeLogo(); err != nil {
		return nil, err
	}
	if b.distribution, err = svc.periodDistribution(periodID); err != nil {
		return nil, err
	}
	if b.kinds, err = svc.staffKinds(); err != nil {
		return nil, err
	}
	return b, nil
}

// source loads what is particular to staffID's document: the evaluation
// view, SKP, scanned signatures and attendance.
func (b *docBatch) source(staffID uint64, e data.Evaluation) (docSource, error) {
	svc := b.svc
	v, err := svc.EvaluationFor(b.periodID, staffID)
	if err != nil {
		return docSource{}, err
	}
	signatures, err := svc.signatureImages(e)
	if err != nil {
		return docSource{}, err
	}
	src := docSource{office: b.office, units: b.units, logo: b.logo, period: v.Period, staff: v.Staff, skp: v.SKP, hasSKP: v.HasSKP,
		current: v.Identities, signatures: signatures, distribution: b.distribution, kinds: b.kinds}
	if e.SKPID != 0 && e.SKPID != v.SKP.ID {
		if k, err := svc.st.SKP(e.SKPID); err == nil {
			src.skp, src.hasSKP = k, true
		}
	}
	if sum, err := b.beside.summary(v.Staff); err == nil {
		src.attendance = &sum
	}
	return src, nil
}

// periodDistribution is the pola distribusi of a period for the documents:
// the counts of OfficeView (the head of the office left out), the curve and
// the bounds of the settings' rules for the period's capaian
// (data.DistributionCurve, data.DescribeBounds) and the broken bounds
// (data.CheckDistribution), so every document shows the numbers the office
// view shows.
func (svc *Service) periodDistribution(periodID string) (pdf.Distribution, error) {
	v, err := svc.OfficeView(periodID)
	if err != nil {
		return pdf.Distribution{}, err
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		return pdf.Distribution{}, err
	}
	return distributionFor(v, set.Distribution), nil
}

func distributionFor(v PeriodOverview, rules data.DistributionRules) pdf.Distribution {
	c := v.Period.Capaian
	d := pdf.Distribution{Capaian: c.Label(), Source: rules.Source, Bounds: data.DescribeBounds(c, rules)}
	for _, cl := range data.DistributionCurve(c, v.Counts, rules) {
		d.Classes = append(d.Classes, pdf.DistributionClass{Label: cl.Predikat.Label(), Count: cl.Count, Share: cl.Share,
			Min: cl.Min, Max: cl.Max, Required: cl.Required})
	}
	for _, w := range v.Warnings {
		d.Warnings = append(d.Warnings, w.Message)
	}
	if v.HeadName != "" {
		d.Note = "Tidak termasuk " + v.HeadName + " sebagai pimpinan unit kerja; rating hasil kerjanya mengikuti capaian kinerja organisasi."
	}
	return d
}

// DocumentID is the id of the evaluation document of one period, NIP and
// revision, printed in the footer and the QR code: "EVK-2026-Q3-<NIP>-r0".
func DocumentID(periodID, nip string, revision int) string {
	return fmt.Sprintf("EVK-%s-%s-r%d", periodID, nip, revision)
}

// EvaluationHash is the SHA-256 (hex) of an evaluation's content as it was
// set: its JSON without the fields that may still change after Ditetapkan
// (the objection, the development follow-up and the time of the last
// change). A signed document carries it, so Verify can tell whether the
// document still matches the evaluation a data file holds.
func EvaluationHash(e data.Evaluation) string {
	e.Objection, e.Development, e.UpdatedAt = data.Objection{}, nil, time.Time{}
	raw, err := json.Marshal(e)
	if err != nil {
		return ""
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// evaluationContent fills the document of evaluation e from its source; esig
// is the visible electronic signature of the rater, nil for none. A final
// evaluation carries the scanned signatures of employee and rater, when
// they have one; a draft carries none.
func evaluationContent(src docSource, e data.Evaluation, esig *pdf.ESignature) pdf.Evaluation {
	ids := src.current
	if e.Frozen != nil {
		ids = *e.Frozen
	}
	o := src.office
	d := pdf.Evaluation{
		Common: pdf.Common{
			DocumentID: DocumentID(e.PeriodID, ids.Employee.NIP, e.Revision),
			Letterhead: pdfLetterhead(o, src.logo),
			Final:      e.State == data.EvalFinal,
			Created:    e.FinalizedAt,
		},
		Period:             strings.ToUpper(src.period.Label()),
		PeriodDates:        src.period.Start.Long() + " s.d. " + src.period.End.Long(),
		Agency:             agencyName(o),
		Employee:           pdfPerson(ids.Employee, src.kinds),
		Rater:              pdfPerson(ids.Rater, src.kinds),
		RaterSuperior:      pdfPerson(ids.Atasan, src.kinds),
		ResultRating:       e.WorkRating.Label(),
		BehaviourRating:    e.BehaviorRating.Label(),
		Predicate:          e.Predikat.Label(),
		OrganisationResult: src.period.Capaian.Label(),
		PostType:           string(data.PostTypeOf(src.staff, src.units, src.period.End)),
		Notes:              e.Note,
		Development:        developmentText(e.Development),
		Distribution:       src.distribution,
	}
	if src.hasSKP {
		d.Approach = src.skp.Approach.Label()
	}
	d.Results = resultRows(src.skp, src.hasSKP, e)
	d.Behaviours = behaviourRows(src.skp, e)
	if src.attendance != nil {
		d.Attendance = attendanceText(*src.attendance)
	}
	signDate := ""
	if !e.FinalizedAt.IsZero() {
		signDate = data.DateOf(e.FinalizedAt).Long()
	}
	d.EmployeeSignature = pdfSignature(o.Kota, signDate, "Pegawai yang Dinilai,", ids.Employee, src.kinds)
	d.RaterSignature = pdfSignature(o.Kota, signDate, "Pejabat Penilai Kinerja,", ids.Rater, src.kinds)
	d.RaterSignature.Electronic = esig
	if e.State == data.EvalFinal {
		d.EmployeeSignature.Image = src.signatures[e.StaffID]
		d.RaterSignature.Image = src.signatures[e.Rater.StaffID]
	}
	if f := e.FixedOutside; f != nil {
		d.RaterSignature.Image, d.RaterSignature.Electronic = nil, nil
		d.RaterSignature.Above = "Ditetapkan di luar kantor; salinan bertanda tangan terlampir"
	}
	return d
}

// objectionContent fills the keberatan page of evaluation e: the content of
// evaluationContent with the keberatan, the penjelasan and the keputusan,
// closed by the Atasan Pejabat Penilai Kinerja, who decides it (PP 30/2019
// Pasal 59); esig is the Atasan's visible electronic signature, nil for
// none. The page counts as final once the Atasan's decision is written.
func objectionContent(src docSource, e data.Evaluation, esig *pdf.ESignature) pdf.Evaluation {
	d := evaluationContent(src, e, nil)
	d.Objection, d.Explanation, d.Decision = e.Objection.Keberatan, e.Objection.Penjelasan, e.Objection.Keputusan
	d.Final = e.State == data.EvalFinal && strings.TrimSpace(e.Objection.Keputusan) != ""
	d.DocumentID += "-KEBERATAN"
	ids := src.current
	if e.Frozen != nil {
		ids = *e.Frozen
	}
	date := ""
	if esig != nil {
		date = data.DateOf(time.Now()).Long()
	}
	d.SuperiorSignature = pdfSignature(src.office.Kota, date, "Atasan Pejabat Penilai Kinerja,", ids.Atasan, src.kinds)
	d.SuperiorSignature.Electronic = esig
	return d
}

// ObjectionHash is the SHA-256 (hex) of the three texts of an objection; a
// signed keberatan page records it, so a page signed before the texts
// changed is never shown as the current one.
func ObjectionHash(o data.Objection) string {
	sum := sha256.Sum256([]byte(o.Keberatan + "\x00" + o.Penjelasan + "\x00" + o.Keputusan))
	return hex.EncodeToString(sum[:])
}

// pdfLetterhead is the kop surat of office o with its logo (nil for none);
// nil while the office identity is not set.
func pdfLetterhead(o data.Office, logo []byte) *pdf.Letterhead {
	if !o.IsSet() {
		return nil
	}
	return &pdf.Letterhead{
		Government: "PEMERINTAH KABUPATEN " + strings.ToUpper(strings.TrimSpace(o.Kabupaten)),
		Office:     "KECAMATAN " + strings.ToUpper(strings.TrimSpace(o.Kecamatan)),
		Address:    o.Alamat,
		Logo:       logo,
	}
}

func agencyName(o data.Office) string {
	if !o.IsSet() {
		return ""
	}
	return "Pemerintah Kabupaten " + strings.TrimSpace(o.Kabupaten) + " – Kecamatan " + strings.TrimSpace(o.Kecamatan)
}

// groupNIP groups a NIP with the kind of its holder when known (a NI PPPK
// whose code looks like a month is still grouped as one), by its digits
// otherwise (an official outside the office).
func groupNIP(nip string, kinds map[string]data.Kind) string {
	if k, ok := kinds[data.NormalizeNIP(nip)]; ok {
		return pdf.GroupNIPOf(k, nip)
	}
	return pdf.GroupNIP(nip)
}

func pdfPerson(id data.Identity, kinds map[string]data.Kind) pdf.Person {
	return pdf.Person{Name: id.Name, NIP: groupNIP(id.NIP, kinds), Rank: id.Rank, Position: id.Position, Unit: id.Unit}
}

func pdfSignature(place, date, role string, id data.Identity, kinds map[string]data.Kind) pdf.Signature {
	return pdf.Signature{Place: place, Date: date, Role: role, Name: id.Name, Rank: id.Rank, NIP: groupNIP(id.NIP, kinds)}
}

// resultRows pairs the SKP's hasil kerja rows with the evaluation's realisasi
// rows, in order; realisasi rows beyond the SKP are printed without an RHK.
func resultRows(skp data.SKP, hasSKP bool, e data.Evaluation) []pdf.ResultRow {
	var rows []pdf.ResultRow
	n := len(e.Rows)
	if hasSKP {
		n = max(n, len(skp.Rows))
	}
	for i := range n {
		var r pdf.ResultRow
		if hasSKP && i < len(skp.Rows) {
			h := skp.Rows[i]
			r = pdf.ResultRow{Kind: h.Kind.Label(), LeaderRHK: h.RHKPimpinan, RHK: h.RHK, Aspect: h.Aspek.Label(), Indicator: h.IKI, Target: h.Target}
		}
		if i < len(e.Rows) {
			r.Realisation, r.Feedback = e.Rows[i].Realisasi, e.Rows[i].UmpanBalik
		}
		rows = append(rows, r)
	}
	return rows
}

// behaviourRows are the seven BerAKHLAK values with the SKP's ekspektasi
// khusus pimpinan and the evaluation's umpan balik.
func behaviourRows(skp data.SKP, e data.Evaluation) []pdf.BehaviourRow {
	values := data.BerAKHLAK()
	rows := make([]pdf.BehaviourRow, 0, len(values))
	for i, v := range values {
		row := pdf.BehaviourRow{Value: v.Name, Guide: strings.Join(v.Behaviours[:], "; "), Feedback: e.PerilakuFeedback[i]}
		for _, x := range skp.Perilaku {
			if x.ValueIndex == v.Number {
				row.Expectation = x.Ekspektasi
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func developmentText(items []data.FollowUp) string {
	lines := make([]string, 0, len(items))
	for _, f := range items {
		line := f.Need
		if strings.TrimSpace(f.Plan) != "" {
			line += " — " + f.Plan
		}
		lines = append(lines, line+" ("+f.Status.Label()+")")
	}
	return strings.Join(lines, "\n")
}

func attendanceText(s Summary) pdf.AttendanceSummary {
	level := s.Level
	if level == "" {
		level = "-"
	}
	return pdf.AttendanceSummary{
		Range:      s.From.Long() + " s.d. " + s.To.Long(),
		Present:    fmt.Sprintf("%s%% (%s dari %s hari kerja)", pdf.FormatDecimal(s.PresentPercent, 1), pdf.FormatNumber(int64(s.Present)), pdf.FormatNumber(int64(s.WorkingDays))),
		Late:       fmt.Sprintf("%s kali, %s menit", pdf.FormatNumber(int64(s.TL)), pdf.FormatNumber(int64(s.LateMinutes))),
		EarlyLeave: fmt.Sprintf("%s kali, %s menit", pdf.FormatNumber(int64(s.PSW)), pdf.FormatNumber(int64(s.EarlyMinutes))),
		Absent:     fmt.Sprintf("%s hari", pdf.FormatNumber(int64(s.TK))),
		Discipline: level,
	}
}

// signTime formats a signing time for the visible box: "28 November 2026
// pukul 10.15 WIB" (WITA, WIT by the offset; otherwise UTC+h).
func signTime(t time.Time) string {
	_, off := t.Zone()
	zone := ""
	switch off {
	case 7 * 3600:
		zone = "WIB"
	case 8 * 3600:
		zone = "WITA"
	case 9 * 3600:
		zone = "WIT"
	case 0:
		zone = "UTC"
	default:
		zone = fmt.Sprintf("UTC%+d", off/3600)
		if m := off % 3600; m != 0 {
			zone = fmt.Sprintf("UTC%+03d:%02d", off/3600, max(m, -m)/60)
		}
	}
	return fmt.Sprintf("%s pukul %02d.%02d %s", data.DateOf(t).Long(), t.Hour(), t.Minute(), zone)
}
