package service

import (
	"path/filepath"
	"testing"

	"kinerja/data"
	"kinerja/data/demo"
)

// TestDemoDocuments fills the demo office and checks every evaluation: the
// Dokumen Evaluasi Kinerja Pegawai is one page (pdfinfo), the Camat's ended
// evaluations were set outside the office with a scan kept, and the curve
// counts match the office view.
func TestDemoDocuments(t *testing.T) {
	t.Parallel()
	svc, err := Open(filepath.Join(t.TempDir(), "demo.db"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	if _, err := svc.FillDemo(demo.Options{Seed: 7, Today: data.NewDate(2026, 11, 20)}); err != nil {
		t.Fatal(err)
	}
	periods, err := svc.Periods()
	if err != nil {
		t.Fatal(err)
	}
	units, _ := svc.Units()
	head := OfficeHead(units)
	outside := 0
	for _, p := range periods {
		rows, err := svc.EvaluationList(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		v, err := svc.OfficeView(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		dist, err := svc.periodDistribution(p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range dist.Classes {
			if c.Count != v.Counts[data.Predikat(predikatByLabel(c.Label))] {
				t.Errorf("%s: curve %s = %d, office view %v", p.ID, c.Label, c.Count, v.Counts)
			}
		}
		for _, r := range rows {
			if !r.Stored {
				continue
			}
			e := r.Evaluation
			if e.FixedOutside != nil {
				outside++
				if r.Staff.ID != head || e.Frozen == nil || e.Frozen.Rater.Name != demoOfficials[0].Name {
					t.Errorf("%s: set outside for %s: %+v", p.ID, r.Staff.Name, e.Frozen)
				}
				if _, found, err := svc.OutsideScan(p.ID, r.Staff.ID, e.Revision); !found || err != nil {
					t.Errorf("%s: scan of the Camat: %v %v", p.ID, found, err)
				}
			}
			raw, _, err := svc.DocumentPDF(p.ID, r.Staff.ID, e.Revision, DocSummary)
			if err != nil {
				t.Fatal(err)
			}
			if n := pages(t, raw); n != "1" {
				t.Errorf("%s %s: Dokumen Evaluasi has %s pages", p.ID, r.Staff.Name, n)
			}
		}
	}
	if outside == 0 {
		t.Fatal("no demo evaluation set outside the office")
	}
}

// predikatByLabel returns the predikat spelled label.
func predikatByLabel(label string) data.Predikat {
	for _, p := range data.Predikats {
		if p.Label() == label {
			return p
		}
	}
	return ""
}
