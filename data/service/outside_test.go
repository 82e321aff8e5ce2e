package service

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
	"kinerja/data/store"
)

// NIPs of the two officials outside the office in these tests.
const (
	sekdaNIP  = "196801011990031001"
	bupatiNIP = "197002021995031002"
)

// fakeScan is a small scanned copy: CheckScan only asks for a PDF header.
var fakeScan = []byte("%PDF-1.4\n% pindaian penetapan\n%%EOF\n")

// outsideOffice is signOffice with a signer for the Camat and two officials
// outside the office: the Sekda (the Camat's rater and the Kasi's atasan)
// and an Asisten (the Camat's atasan).
func outsideOffice(t *testing.T) (*evalOffice, data.Official, data.Official) {
	t.Helper()
	o := signOffice(t)
	svc := o.svc
	if _, err := svc.CreateSigner(o.camat, testRootPass, testSignerPass); err != nil {
		t.Fatal(err)
	}
	sekda, err := svc.AddOfficial("Dr. H. Cakra Amiwijaya, M.Si.", "19680101 199003 1 001", "Pembina Utama Madya (IV/d)",
		"Sekretaris Daerah Kabupaten Bandung", "Pemerintah Kabupaten Bandung")
	if err != nil {
		t.Fatal(err)
	}
	asisten, err := svc.AddOfficial("Drs. Ruli Hadiana", bupatiNIP, "Pembina Utama Muda (IV/c)",
		"Asisten Pemerintahan dan Kesejahteraan Rakyat", "Sekretariat Daerah Kabupaten Bandung")
	if err != nil {
		t.Fatal(err)
	}
	return o, sekda, asisten
}

// pdfText returns the words of a PDF as one line (pdftotext -layout).
func pdfText(t *testing.T, raw []byte) string {
	t.Helper()
	out, err := toolOutput(t, "pdftotext", "-layout", writeTemp(t, "doc.pdf", raw), "-")
	if err != nil {
		t.Fatalf("pdftotext: %v\n%s", err, out)
	}
	return strings.Join(strings.Fields(out), " ")
}

// inOrder fails unless every text appears in flat after the one before.
func inOrder(t *testing.T, what, flat string, texts ...string) {
	t.Helper()
	at := 0
	for _, want := range texts {
		i := strings.Index(flat[at:], want)
		if i < 0 {
			t.Errorf("%s: %q missing or out of order", what, want)
			continue
		}
		at += i + len(want)
	}
}

// pages returns the page count pdfinfo reads.
func pages(t *testing.T, raw []byte) string {
	t.Helper()
	out, err := toolOutput(t, "pdfinfo", writeTemp(t, "doc.pdf", raw))
	if err != nil {
		t.Fatalf("pdfinfo: %v\n%s", err, out)
	}
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) == 2 && f[0] == "Pages:" {
			return f[1]
		}
	}
	return ""
}

func TestOfficialsRegister(t *testing.T) {
	t.Parallel()
	o, sekda, _ := outsideOffice(t)
	svc := o.svc
	if sekda.NIP != sekdaNIP || sekda.ID == 0 {
		t.Fatalf("official as stored: %+v", sekda)
	}
	if _, err := svc.AddOfficial("Lain", sekdaNIP, "", "Jabatan", "Instansi"); !errors.Is(err, store.ErrOfficialNIPExists) {
		t.Fatalf("duplicate NIP: %v", err)
	}
	camat, _ := o.svc.st.StaffByID(o.camat)
	var ve *data.ValidationError
	if _, err := svc.AddOfficial("Camat", camat.NIP, "", "Camat", "Kecamatan"); !errors.As(err, &ve) {
		t.Fatalf("a staff NIP registered as official: %v", err)
	}
	if _, err := svc.AddOfficial("", "123", "", "", ""); !errors.As(err, &ve) || len(ve.Problems.Errors) != 4 {
		t.Fatalf("empty official: %v", err)
	}
	sekda.Rank = "Pembina Utama (IV/e)"
	if got, err := svc.ChangeOfficial(sekda); err != nil || got.Rank != sekda.Rank {
		t.Fatalf("change: %+v %v", got, err)
	}
	if _, err := svc.SetOfficialActive(sekda.ID, false); err != nil {
		t.Fatal(err)
	}
	all, err := svc.Officials()
	if err != nil || len(all) != 2 || !all[1].Inactive || all[1].ID != sekda.ID {
		t.Fatalf("officials after deactivating (active first, nobody deleted): %+v %v", all, err)
	}
	if _, err := svc.SetRaters(o.periodID, o.kasi, sekdaNIP, ""); !errors.Is(err, ErrInactiveOfficial) {
		t.Fatalf("an inactive official chosen: %v", err)
	}
	if _, err := svc.SetRaters(o.periodID, o.kasi, "199901012020011001", ""); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("unknown NIP: %v", err)
	}
	// Both ways of choosing officials refuse the same: an inactive one, an
	// unknown one, an acting title other than Plt or Plh.
	for _, ext := range []struct {
		ext  data.ExternalRaters
		want string
	}{
		{data.ExternalRaters{Rater: data.OfficialRef{OfficialID: sekda.ID}}, "tidak aktif"},
		{data.ExternalRaters{Atasan: data.OfficialRef{OfficialID: 9999}}, ""},
		{data.ExternalRaters{Rater: data.OfficialRef{OfficialID: sekda.ID, Acting: "Pj"}}, "pilih Plt atau Plh"},
	} {
		_, err1 := svc.SetExternalRaters(o.periodID, o.kasi, ext.ext)
		_, err2 := svc.SetRaterChoice(o.periodID, o.kasi, data.RaterPair{}, ext.ext)
		if err1 == nil || err2 == nil || err1.Error() != err2.Error() || !strings.Contains(err1.Error(), ext.want) {
			t.Errorf("%+v: SetExternalRaters %v, SetRaterChoice %v", ext.ext, err1, err2)
		}
	}
	entries, err := o.svc.st.Audit()
	if err != nil || !slices.ContainsFunc(entries, func(a store.AuditEntry) bool { return strings.HasPrefix(a.Bucket, "officials") }) {
		t.Fatalf("officials written without audit: %v", err)
	}
}

// TestOutsideRatersDocuments is the Kasi rated by the Camat with the Sekda
// as atasan, and the Camat rated by the Sekda outside the office.
func TestOutsideRatersDocuments(t *testing.T) {
	t.Parallel()
	o, sekda, asisten := outsideOffice(t)
	svc := o.svc
	camat, _ := o.svc.st.StaffByID(o.camat)
	kasi, _ := o.svc.st.StaffByID(o.kasi)
	if _, err := svc.SetCapaian(o.periodID, data.CapaianBaik); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetRaters(o.periodID, o.kasi, camat.NIP, sekdaNIP); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SetRaters(o.periodID, o.camat, sekdaNIP, bupatiNIP); err != nil {
		t.Fatal(err)
	}
	for _, id := range o.pelaksana {
		o.finalized(t, id, data.RatingSesuai, data.RatingSesuai)
	}
	o.submitted(t, o.kasi, data.RatingDiAtas, data.RatingDiAtas)
	e, doc, err := svc.FinalizeAndSign(o.periodID, o.kasi, testSignerPass)
	if err != nil {
		t.Fatalf("Camat signs the Kasi: %v", err)
	}
	if e.Frozen.Atasan.Name != sekda.Name || e.Frozen.Atasan.Unit != sekda.Agency || e.Frozen.Rater.Name != camat.DisplayName() {
		t.Fatalf("frozen identities: %+v", e.Frozen)
	}
	main, _, signed, err := o.svc.st.DocumentOfKind(o.periodID, o.kasi, 0, "")
	if err != nil || !signed || doc.Kind != "" {
		t.Fatalf("main document: %v %v", signed, err)
	}
	summary, _, _, err := o.svc.st.DocumentOfKind(o.periodID, o.kasi, 0, store.DocSummary)
	if err != nil || summary.DocumentID != main.DocumentID {
		t.Fatalf("summary record: %+v %v", summary, err)
	}
	ev, _, _ := svc.DocumentPDF(o.periodID, o.kasi, 0, DocEvaluation)
	flat := pdfText(t, ev)
	inOrder(t, "evaluasi", flat, "EVALUASI KINERJA PEGAWAI", "PERIODE", kasi.DisplayName(), camat.DisplayName(),
		"CAPAIAN KINERJA ORGANISASI", "Baik", "POLA DISTRIBUSI", "HASIL KERJA", "RATING HASIL KERJA", "PERILAKU KERJA",
		"RATING PERILAKU KERJA", "PREDIKAT KINERJA PEGAWAI", "Sangat Baik")
	dok, signedDok, _ := svc.DocumentPDF(o.periodID, o.kasi, 0, DocSummary)
	if !signedDok {
		t.Fatal("Dokumen Evaluasi not signed at Ditetapkan")
	}
	checkPDFTools(t, writeTemp(t, "dok.pdf", dok), true)
	flat = pdfText(t, dok)
	inOrder(t, "dokumen", flat, "DOKUMEN EVALUASI KINERJA PEGAWAI", "PEGAWAI YANG DINILAI", kasi.DisplayName(),
		"PEJABAT PENILAI KINERJA", camat.DisplayName(), "ATASAN PEJABAT PENILAI KINERJA", sekda.Name, "19680101 199003 1 001",
		"Sekretaris Daerah Kabupaten Bandung", "Pemerintah Kabupaten Bandung", "EVALUASI KINERJA", "CATATAN")
	if p := pages(t, dok); p != "1" {
		t.Fatalf("Dokumen Evaluasi has %s pages", p)
	}

	// The Camat's own evaluation: rated outside, the office key never signs it.
	o.submitted(t, o.camat, data.RatingSesuai, data.RatingDiAtas)
	if _, _, err := svc.FinalizeAndSign(o.periodID, o.camat, testSignerPass); !errors.Is(err, ErrOutsideRater) {
		t.Fatalf("office key signed for an outside rater: %v", err)
	}
	if _, err := svc.FixExternally(o.periodID, o.kasi, "x", time.Now(), fakeScan); err == nil {
		t.Fatal("a final evaluation fixed again")
	}
	if _, err := svc.FixExternally(o.periodID, o.camat, sekda.Name, time.Now(), []byte("bukan pdf")); !errors.Is(err, store.ErrScanNotPDF) {
		t.Fatalf("scan not a PDF: %v", err)
	}
	if _, err := svc.FixExternally(o.periodID, o.camat, sekda.Name, time.Now(), append(append([]byte{}, fakeScan...), make([]byte, store.MaxScanSize)...)); !errors.Is(err, store.ErrScanTooLarge) {
		t.Fatalf("scan too large: %v", err)
	}
	if _, err := svc.FixExternally(o.periodID, o.camat, " ", time.Now(), fakeScan); !errors.Is(err, data.ErrOutsideFixedBy) {
		t.Fatalf("no name: %v", err)
	}
	at := time.Now().Add(-2 * time.Hour)
	ce, err := svc.FixExternally(o.periodID, o.camat, sekda.Name, at, fakeScan)
	if err != nil {
		t.Fatalf("FixExternally: %v", err)
	}
	if ce.State != data.EvalFinal || ce.FixedOutside == nil || ce.Frozen.Rater.Name != sekda.Name || ce.Frozen.Atasan.Name != asisten.Name || !ce.FinalizedAt.Equal(at) {
		t.Fatalf("fixed outside: %+v %+v", ce, ce.Frozen)
	}
	if ce.WorkRating != data.RatingSesuai {
		t.Fatalf("head's rating hasil kerja does not follow capaian Baik: %s", ce.WorkRating)
	}
	scan, found, err := svc.OutsideScan(o.periodID, o.camat, 0)
	if err != nil || !found || string(scan) != string(fakeScan) {
		t.Fatalf("scan kept: %v %v", found, err)
	}
	cd, signedC, err := svc.DocumentPDF(o.periodID, o.camat, 0, DocSummary)
	if err != nil || signedC {
		t.Fatalf("Camat's document: signed %v, %v", signedC, err)
	}
	inOrder(t, "dokumen camat", pdfText(t, cd), "PEGAWAI YANG DINILAI", camat.DisplayName(), "PEJABAT PENILAI KINERJA", sekda.Name,
		"ATASAN PEJABAT PENILAI KINERJA", asisten.Name)

	// The office view, the curve and the Penetapan count the staff under the
	// pimpinan: three Baik and one Sangat Baik, the Camat left out.
	v, err := svc.OfficeView(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[data.Predikat]int{data.PredikatBaik: 3, data.PredikatSangatBaik: 1}
	for p, n := range want {
		if v.Counts[p] != n {
			t.Fatalf("office view counts %v, want %v", v.Counts, want)
		}
	}
	if len(v.Counts) != 2 {
		t.Fatalf("office view counts %v", v.Counts)
	}
	inOrder(t, "curve", flat, "DOKUMEN")
	pen, err := svc.PenetapanPDF(o.periodID)
	if err != nil {
		t.Fatal(err)
	}
	inOrder(t, "penetapan", pdfText(t, pen), "PENETAPAN PREDIKAT KINERJA", "CAPAIAN KINERJA ORGANISASI", "Baik",
		"Baik 3 75%", "Sangat Baik 1 25%", "Jumlah 4 100%", "Tidak termasuk", "DAFTAR PEGAWAI", kasi.DisplayName())

	// Keberatan after Ditetapkan: its own page naming the atasan; the Sekda
	// has no key here, so it is never signed by the office.
	if _, err := svc.SetObjection(o.periodID, o.kasi, data.Objection{Keberatan: "Saya keberatan atas predikat."}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SignObjection(o.periodID, o.kasi, testSignerPass); !errors.Is(err, ErrNotAtasan) {
		t.Fatalf("objection signed for an outside atasan: %v", err)
	}
	obj, signedO, err := svc.DocumentPDF(o.periodID, o.kasi, 0, DocObjection)
	if err != nil || signedO {
		t.Fatalf("keberatan: %v %v", signedO, err)
	}
	inOrder(t, "keberatan", pdfText(t, obj), "KEBERATAN ATAS HASIL EVALUASI KINERJA", "Saya keberatan atas predikat.",
		"KEPUTUSAN ATASAN PEJABAT PENILAI KINERJA", "Atasan Pejabat Penilai Kinerja", sekda.Name)
	again, _, _ := svc.DocumentPDF(o.periodID, o.kasi, 0, DocEvaluation)
	if string(again) != string(ev) {
		t.Fatal("the signed evaluation changed after the objection")
	}

	// A pelaksana's objection is decided by the Camat, who signs its page.
	p0 := o.pelaksana[0]
	if _, err := svc.SetObjection(o.periodID, p0, data.Objection{Keberatan: "Keberatan A", Keputusan: "Ditolak"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.SignObjection(o.periodID, p0, testSignerPass); err != nil {
		t.Fatalf("Camat signs the keberatan: %v", err)
	}
	if _, signed, _ := svc.DocumentPDF(o.periodID, p0, 0, DocObjection); !signed {
		t.Fatal("signed keberatan page not kept")
	}
	if _, err := svc.SetObjection(o.periodID, p0, data.Objection{Keberatan: "Keberatan A", Keputusan: "Diterima sebagian"}); err != nil {
		t.Fatal(err)
	}
	if _, signed, _ := svc.DocumentPDF(o.periodID, p0, 0, DocObjection); signed {
		t.Fatal("new text shown under the old signature")
	}

	// KINERJA_DUMP=dir keeps the documents for looking at (pdftoppm).
	if dump := os.Getenv("KINERJA_DUMP"); dump != "" {
		for name, b := range map[string][]byte{"evaluasi": ev, "dokumen": dok, "camat": cd, "penetapan": pen, "keberatan": obj} {
			_ = os.WriteFile(filepath.Join(dump, name+".pdf"), b, 0o644)
		}
	}

	// The batch: the top holds only what this office signed.
	dir := t.TempDir()
	res, err := svc.ExportAppraisals(context.Background(), o.periodID, ExportFilter{}, dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	top, sub := listDir(t, dir), listDir(t, filepath.Join(dir, AnnexDir))
	kasiBase := strings.TrimSuffix(AppraisalFileName(kasi.NIP, kasi.Name, o.periodID, 0), ".pdf")
	camatBase := strings.TrimSuffix(AppraisalFileName(camat.NIP, camat.Name, o.periodID, 0), ".pdf")
	for _, name := range []string{kasiBase + "_evaluasi.pdf", kasiBase + "_dokumen.pdf", IndexFileName(o.periodID), AnnexDir} {
		if !slices.Contains(top, name) {
			t.Errorf("top lacks %s: %v", name, top)
		}
	}
	for _, name := range []string{camatBase + "_evaluasi.pdf", camatBase + "_dokumen.pdf", camatBase + "_pindaian.pdf",
		kasiBase + "_keberatan.pdf", PenetapanFileName(o.periodID)} {
		if !slices.Contains(sub, name) {
			t.Errorf("lampiran lacks %s: %v", name, sub)
		}
		if slices.Contains(top, name) {
			t.Errorf("%s at the top", name)
		}
	}
	for _, f := range res.Files {
		if filepath.Dir(f.Path) == dir && !f.Signed {
			t.Errorf("unsigned file at the top: %s", f.Path)
		}
	}
	wb, err := svc.EvaluationWorkbook(o.periodID)
	if err != nil || wb.Capaian != data.CapaianBaik {
		t.Fatalf("workbook: %v %v", wb.Capaian, err)
	}
	for _, r := range wb.Records {
		if r.Evaluation.StaffID == o.kasi && (r.Atasan.Name != sekda.Name || r.Rater.Name != camat.DisplayName()) {
			t.Errorf("workbook record of the Kasi: rater %q, atasan %q", r.Rater.Name, r.Atasan.Name)
		}
	}

	x, err := excelize.OpenFile(res.Index)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Daftar Dokumen")
	listed := map[string]string{}
	for _, r := range rows[1:] {
		if len(r) > 12 {
			listed[r[7]] = r[12]
		}
	}
	if len(listed) != len(res.Files) || !strings.HasPrefix(listed[AnnexDir+"/"+camatBase+"_pindaian.pdf"], "Pindaian penetapan di luar kantor") ||
		listed[kasiBase+"_dokumen.pdf"] != "Dokumen Evaluasi Kinerja Pegawai" || listed[AnnexDir+"/"+PenetapanFileName(o.periodID)] != "Penetapan Predikat Kinerja" {
		t.Errorf("index lists %v", listed)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		out = append(out, e.Name())
	}
	return out
}
