package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"testing"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// docFixture stores a period and a staff member with a submitted evaluation.
func docFixture(t *testing.T) (*Store, uint64) {
	t.Helper()
	s, _ := openTemp(t)
	mustPeriod(t, s, "2026-Q3")
	saved, err := s.AddStaff([]data.Staff{asep()})
	if err != nil {
		t.Fatal(err)
	}
	return s, saved[0].ID
}

func fakePDF(n int) []byte {
	return append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("isi dokumen "), n)...)
}

func TestDocumentRoundTrip(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	pdf := fakePDF(400)
	doc := Document{PeriodID: "2026-Q3", StaffID: id, Revision: 0, DocumentID: "EVK-2026-Q3-x-r0"}
	if err := s.SaveDocument(doc, pdf); err != nil {
		t.Fatal(err)
	}
	got, back, found, err := s.Document("2026-Q3", id, 0)
	if err != nil || !found || !bytes.Equal(back, pdf) {
		t.Fatalf("Document: found %v, %v, same bytes %v", found, err, bytes.Equal(back, pdf))
	}
	if got.Size != len(pdf) || got.StoredSize >= got.Size || got.PDFSHA256 == "" {
		t.Fatalf("record %+v", got)
	}
	if _, _, found, err := s.Document("2026-Q3", id, 1); err != nil || found {
		t.Fatalf("revision 1: found %v, %v", found, err)
	}
	list, err := s.Documents("2026-Q3")
	if err != nil || len(list) != 1 {
		t.Fatalf("Documents = %v, %v", list, err)
	}
	if err := s.VerifyAudit(); err != nil {
		t.Fatalf("audit: %v", err)
	}
	// A PDF changed behind the app's back (here: one byte of its archive
	// entry) is detected on read.
	flipArchiveByte(t, s, got, 20)
	if _, _, _, err := s.Document("2026-Q3", id, 0); !errors.Is(err, ErrDocumentDamaged) {
		t.Fatalf("damaged blob: %v", err)
	}
}

func TestSaveDocumentRefusals(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	tests := []struct {
		name string
		doc  Document
		pdf  []byte
	}{
		{"unknown period", Document{PeriodID: "2025-Q1", StaffID: id}, fakePDF(1)},
		{"unknown staff", Document{PeriodID: "2026-Q3", StaffID: 99}, fakePDF(1)},
		{"empty PDF", Document{PeriodID: "2026-Q3", StaffID: id}, nil},
	}
	for _, tt := range tests {
		if err := s.SaveDocument(tt.doc, tt.pdf); err == nil {
			t.Errorf("%s: stored", tt.name)
		}
	}
}

func TestUpdateEvaluationSignedAllOrNothing(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	step := func(cur data.Evaluation, found bool) (data.Evaluation, *data.Evaluation, error) {
		e := data.NewEvaluation("2026-Q3", id, testNow)
		e.Note = "ditetapkan"
		return e, nil, nil
	}
	failing := func(e data.Evaluation) ([]SignedPDF, error) { return nil, errors.New("kunci salah") }
	if _, _, err := s.UpdateEvaluationSigned("2026-Q3", id, step, failing); err == nil {
		t.Fatal("a failed signature was accepted")
	}
	if _, found, _ := s.Evaluation("2026-Q3", id); found {
		t.Fatal("evaluation written although signing failed")
	}
	wrong := func(e data.Evaluation) ([]SignedPDF, error) {
		return []SignedPDF{{Document: Document{PeriodID: "2026-Q3", StaffID: id, Revision: 3}, PDF: fakePDF(1)}}, nil
	}
	if _, _, err := s.UpdateEvaluationSigned("2026-Q3", id, step, wrong); err == nil {
		t.Fatal("a document of another revision was accepted")
	}
	good := func(e data.Evaluation) ([]SignedPDF, error) {
		return []SignedPDF{{Document: Document{PeriodID: e.PeriodID, StaffID: e.StaffID, Revision: e.Revision}, PDF: fakePDF(5)},
			{Document: Document{PeriodID: e.PeriodID, StaffID: e.StaffID, Revision: e.Revision, Kind: DocSummary}, PDF: fakePDF(6)}}, nil
	}
	e, doc, err := s.UpdateEvaluationSigned("2026-Q3", id, step, good)
	if err != nil || e.Note != "ditetapkan" || doc.Size == 0 {
		t.Fatalf("signed update: %+v %+v %v", e, doc, err)
	}
	if _, _, found, err := s.Document("2026-Q3", id, 0); !found || err != nil {
		t.Fatalf("document: %v %v", found, err)
	}
}

func TestSaveDocumentsAllOrNothing(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	good := SignedPDF{Document: Document{PeriodID: "2026-Q3", StaffID: id}, PDF: fakePDF(2)}
	bad := SignedPDF{Document: Document{PeriodID: "2026-Q3", StaffID: 42}, PDF: fakePDF(2)}
	if err := s.SaveDocuments([]SignedPDF{good, bad}); err == nil {
		t.Fatal("a batch with an unknown staff member was stored")
	}
	if list, _ := s.Documents("2026-Q3"); len(list) != 0 {
		t.Fatalf("partly stored: %v", list)
	}
	if err := s.SaveDocuments([]SignedPDF{good}); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Documents("2026-Q3"); len(list) != 1 {
		t.Fatalf("stored %d", len(list))
	}
}

// TestDocumentBlobForms: a PDF whose streams are compressed is kept as it is
// (no second flate); an older file's compressed blob of such a PDF still
// reads back and passes Check; a raw blob changed by one byte is damage.
// The store writes here as versions before the archive did: PDFs in the
// blob bucket of the data file.
func TestDocumentBlobForms(t *testing.T) {
	s, id := docFixture(t)
	s.arc.inBolt = true
	pdf := append(fakePDF(50), "\n1 0 obj <</Filter /FlateDecode /Length 3>> stream\nxyz\nendstream\n"...)
	doc := Document{PeriodID: "2026-Q3", StaffID: id, DocumentID: "EVK-2026-Q3-x-r0"}
	if err := s.SaveDocument(doc, pdf); err != nil {
		t.Fatal(err)
	}
	got, back, _, err := s.Document("2026-Q3", id, 0)
	if err != nil || !bytes.Equal(back, pdf) || got.StoredSize != len(pdf) {
		t.Fatalf("raw blob: stored %d of %d, same %v, %v", got.StoredSize, len(pdf), bytes.Equal(back, pdf), err)
	}
	sum := sha256.Sum256(pdf)
	blob := func(v []byte) {
		t.Helper()
		if err := s.db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte(bucketDocumentBlobs)).Put(sum[:], v)
		}); err != nil {
			t.Fatal(err)
		}
	}
	old, err := compress(pdf) // as files written before kept every blob
	if err != nil {
		t.Fatal(err)
	}
	blob(old)
	if _, back, _, err := s.Document("2026-Q3", id, 0); err != nil || !bytes.Equal(back, pdf) {
		t.Fatalf("older compressed blob: same %v, %v", bytes.Equal(back, pdf), err)
	}
	if rep := checkFile(t, s); len(rep) != 0 {
		t.Fatalf("Check of an older compressed blob: %+v", rep)
	}
	changed := bytes.Clone(pdf)
	changed[20] ^= 1
	blob(changed)
	if _, _, _, err := s.Document("2026-Q3", id, 0); !errors.Is(err, ErrDocumentDamaged) {
		t.Fatalf("changed raw blob: %v", err)
	}
	if rep := checkFile(t, s); len(rep) != 1 || rep[0].Bucket != bucketDocumentBlobs {
		t.Fatalf("Check of a changed raw blob: %+v", rep)
	}
}

// checkFile runs Check on s and returns its problems.
func checkFile(t *testing.T, s *Store) []Problem {
	t.Helper()
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return rep.Problems
}
