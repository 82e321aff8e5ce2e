package service

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// evalPeriod is the period of the evaluation tests; it has ended.
const evalPeriod = "2026-Q3"

// evalOffice is a small office for the evaluation tests: the Camat heads unit
// 1, the Sekcam unit 2, the Kasi unit 5, where three pelaksana (PNS), one
// PPPK and one Non-ASN work.
type evalOffice struct {
	st                                *store.Store
	camat, sekcam, kasi, pppk, nonASN uint64
	pelaksana                         []uint64
	periodID                          string
}

// evalStaff returns a valid staff member; i makes the identifiers unique.
func evalStaff(i int, k data.Kind, unit uint64, position, rank string) data.Staff {
	born := data.NewDate(1975, time.March, 1).AddDays(i)
	s := data.Staff{
		Name: fmt.Sprintf("Pegawai Nilai %02d", i), Kind: k, Sex: data.SexFemale, BirthDate: born,
		History: []data.Event{{Date: data.NewDate(2010, time.January, 4), Kind: data.EventStart, Rank: rank, Position: position, UnitID: unit}},
	}
	switch {
	case k == data.KindNonASN:
		s.NIK = fmt.Sprintf("3204%02d%s%04d", 10, born.Time().Format("020106"), i+1)
		s.History[0].Rank = ""
	case k.IsPPPK():
		s.NIP = fmt.Sprintf("%s2021212%03d", born.Compact(), i%999+1)
		s.History[0].Rank = "IX"
		s.ContractStart, s.ContractEnd = data.NewDate(2021, 1, 1), data.NewDate(2030, 12, 31)
	default:
		s.NIP = fmt.Sprintf("%s2010012%03d", born.Compact(), i%999+1)
	}
	return s
}

func newEvalOffice(t testing.TB) *evalOffice {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{Create: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
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
	saved, err := st.AddStaff(list)
	if err != nil {
		t.Fatal(err)
	}
	o := &evalOffice{st: st, camat: saved[0].ID, sekcam: saved[1].ID, kasi: saved[2].ID,
		pelaksana: []uint64{saved[3].ID, saved[4].ID, saved[5].ID}, pppk: saved[6].ID, nonASN: saved[7].ID, periodID: evalPeriod}
	units, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	heads := map[uint64]uint64{1: o.camat, 2: o.sekcam, 5: o.kasi}
	for _, u := range units {
		if h, ok := heads[u.ID]; ok {
			u.HeadStaffID = h
			if _, err := st.SaveUnit(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := New(st).CreatePeriod(evalPeriod); err != nil {
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
	if _, err := New(o.st).SetEvaluation(o.periodID, staffID, rateBoth(work, behavior)); err != nil {
		t.Fatalf("set %d: %v", staffID, err)
	}
	if _, err := New(o.st).Submit(o.periodID, staffID); err != nil {
		t.Fatalf("submit %d: %v", staffID, err)
	}
	e, err := New(o.st).Finalize(o.periodID, staffID)
	if err != nil {
		t.Fatalf("finalize %d: %v", staffID, err)
	}
	return e
}
