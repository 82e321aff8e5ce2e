package service

import (
	"testing"

	"kinerja/data"
	"kinerja/internal/testkit"
)

// evalPeriod is the period of the evaluation tests; it has ended.
const evalPeriod = "2026-Q3"

// evalOffice is a small office for the evaluation tests: the Camat heads unit
// 1, the Sekcam unit 2, the Kasi unit 5, where three pelaksana (PNS), one
// PPPK and one Non-ASN work.
type evalOffice struct {
	svc                               *Service
	camat, sekcam, kasi, pppk, nonASN uint64
	pelaksana                         []uint64
	periodID                          string
}

// evalStaff returns a valid staff member (testkit.PersonAs); i makes the
// identifiers unique.
func evalStaff(i int, k data.Kind, unit uint64, position, rank string) data.Staff {
	return testkit.PersonAs(i, k, unit, position, rank)
}

func newEvalOffice(t testing.TB) *evalOffice {
	t.Helper()
	list := []data.Staff{
		evalStaff(0, data.KindPNS, 1, "Camat", "IV/b"),
		evalStaff(1, data.KindPNS, 2, "Sekretaris Kecamatan", "IV/a"),
		evalStaff(2, data.KindPNS, 5, "Kepala Seksi Pemerintahan", "III/d"),
		evalStaff(3, data.KindPNS, 5, "Pengadministrasi Perkantoran", "III/a"),
		evalStaff(4, data.KindPNS, 5, "Pengadministrasi Perkantoran", "II/c"),
		evalStaff(5, data.KindPNS, 5, "Penata Layanan Operasional", "III/b"),
		evalStaff(6, data.KindPPPK, 5, "Penata Layanan Operasional", ""),
		evalStaff(7, data.KindNonASN, 5, "Pramu Bakti", ""),
	}
	svc, saved := openService(t, list...)
	o := &evalOffice{svc: svc, camat: saved[0].ID, sekcam: saved[1].ID, kasi: saved[2].ID,
		pelaksana: []uint64{saved[3].ID, saved[4].ID, saved[5].ID}, pppk: saved[6].ID, nonASN: saved[7].ID, periodID: evalPeriod}
	units, err := svc.Units()
	if err != nil {
		t.Fatal(err)
	}
	heads := map[uint64]uint64{1: o.camat, 2: o.sekcam, 5: o.kasi}
	for _, u := range units {
		if h, ok := heads[u.ID]; ok {
			u.HeadStaffID = h
			if _, err := svc.SaveUnit(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := svc.CreatePeriod(evalPeriod); err != nil {
		t.Fatal(err)
	}
	return o
}

// rateBoth returns a change that sets both ratings.
func rateBoth(work, behavior data.Rating) func(*data.Evaluation) {
	return func(e *data.Evaluation) { e.WorkRating, e.BehaviorRating = work, behavior }
}

// finalized rates, submits and finalizes one evaluation.
func (o *evalOffice) finalized(t testing.TB, staffID uint64, work, behavior data.Rating) data.Evaluation {
	t.Helper()
	if _, err := o.svc.SetEvaluation(o.periodID, staffID, rateBoth(work, behavior)); err != nil {
		t.Fatalf("set %d: %v", staffID, err)
	}
	if _, err := o.svc.Submit(o.periodID, staffID); err != nil {
		t.Fatalf("submit %d: %v", staffID, err)
	}
	e, err := o.svc.Finalize(o.periodID, staffID)
	if err != nil {
		t.Fatalf("finalize %d: %v", staffID, err)
	}
	return e
}
