package data

import (
	"maps"
	"testing"
	"time"
)

// raterStaff builds an ASN staff member who starts in unit on 2020-01-02.
func raterStaff(id, unit uint64, position string) Staff {
	return Staff{ID: id, Name: position, Kind: KindPNS, History: []Event{
		{Date: NewDate(2020, time.January, 2), Kind: EventStart, Rank: "III/a", Position: position, UnitID: unit},
	}}
}

// kecamatan returns the default units with heads, and staff covering every case
// of DefaultRaters: unit 8 has no head, the head of unit 9 has left.
func kecamatan() ([]Staff, []Unit) {
	units := DefaultUnits()
	heads := map[uint64]uint64{1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 9: 12}
	for i := range units {
		units[i].HeadStaffID = heads[units[i].ID]
	}
	staff := []Staff{
		raterStaff(1, 1, "Camat"),
		raterStaff(2, 2, "Sekretaris Kecamatan"),
		raterStaff(3, 3, "Kepala Subbagian Umum dan Kepegawaian"),
		raterStaff(4, 4, "Kepala Subbagian Perencanaan dan Keuangan"),
		raterStaff(5, 5, "Kepala Seksi Pemerintahan"),
		raterStaff(6, 6, "Kepala Seksi Trantibum"),
		raterStaff(7, 7, "Kepala Seksi Ekbang"),
		raterStaff(10, 3, "Pengadministrasi Umum"),
		raterStaff(11, 5, "Pengelola Data Pemerintahan"),
		raterStaff(12, 9, "Kepala Seksi Pelayanan Umum"),
		raterStaff(13, 8, "Pengelola Kesejahteraan Sosial"),
		raterStaff(14, 9, "Pengadministrasi Pelayanan"),
		raterStaff(15, 5, "Tenaga Honorer"),
		raterStaff(16, 2, "Analis Kebijakan"),
		raterStaff(17, 1, "Pengemudi Camat"),
		raterStaff(18, 99, "Pegawai Titipan"),
		raterStaff(19, 5, "Pegawai Baru"),
	}
	byID := func(id uint64) *Staff {
		for i := range staff {
			if staff[i].ID == id {
				return &staff[i]
			}
		}
		panic("no staff")
	}
	byID(12).History = append(byID(12).History, Event{Date: NewDate(2026, time.March, 1), Kind: EventLeave, Reason: LeaveMoved})
	byID(13).Kind = KindPPPK
	byID(15).Kind = KindNonASN
	byID(19).History[0].Date = NewDate(2027, time.January, 4)
	return staff, units
}

func pair(rater, atasan uint64) RaterPair {
	return RaterPair{Rater: RaterRef{StaffID: rater}, Atasan: RaterRef{StaffID: atasan}}
}

func checkPairs(t *testing.T, name string, got, want map[uint64]RaterPair) {
	t.Helper()
	for id, w := range want {
		g, ok := got[id]
		if !ok || g != w {
			t.Errorf("%s: staff %d: got %+v (present %v), want %+v", name, id, g, ok, w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("%s: staff %d should have no entry, got %+v", name, id, got[id])
		}
	}
}

func TestDefaultRatersDefaultUnits(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	got := DefaultRaters(staff, units, NewDate(2026, time.June, 30))
	checkPairs(t, "default", got, map[uint64]RaterPair{
		1:  pair(0, 0), // Camat: rated outside the kecamatan
		2:  pair(1, 0), // Sekcam by Camat
		3:  pair(2, 1), // Kasubbag by Sekcam, atasan Camat
		4:  pair(2, 1),
		5:  pair(1, 0), // Kasi by Camat
		6:  pair(1, 0),
		7:  pair(1, 0),
		10: pair(3, 2), // pelaksana of a subbagian by its Kasubbag, atasan Sekcam
		11: pair(5, 1), // pelaksana of a seksi by its Kasi, atasan Camat
		13: pair(1, 0), // seksi without a Kasi: the Camat rates (PPPK are evaluated)
		14: pair(1, 0), // seksi whose Kasi has left
		16: pair(2, 1), // fungsional in the sekretariat itself by the Sekcam
		17: pair(1, 0), // staff of the pimpinan unit by the Camat
		18: pair(0, 0), // unknown unit: no default
		// 12 has left, 15 is Non-ASN, 19 has not started yet: no entry
	})
}

func TestDefaultRatersHistoryDay(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	got := DefaultRaters(staff, units, NewDate(2026, time.February, 28))
	if got[14] != pair(12, 1) || got[12] != pair(1, 0) {
		t.Errorf("before the Kasi left: 14 → %+v, 12 → %+v", got[14], got[12])
	}
}

func TestDefaultRatersVacantSekcam(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	units[1].HeadStaffID = 0
	got := DefaultRaters(staff, units, NewDate(2026, time.June, 30))
	for id, want := range map[uint64]RaterPair{3: pair(1, 0), 10: pair(3, 1), 16: pair(1, 0), 2: pair(1, 0)} {
		if got[id] != want {
			t.Errorf("vacant Sekcam: staff %d → %+v, want %+v", id, got[id], want)
		}
	}
}

func TestDefaultRatersHeadOfTwoUnits(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	units[3].HeadStaffID = 2 // the Sekcam also heads Subbagian Perencanaan dan Keuangan
	staff = append(staff, raterStaff(20, 4, "Bendahara"))
	got := DefaultRaters(staff, units, NewDate(2026, time.June, 30))
	if got[2] != pair(1, 0) || got[20] != pair(2, 1) {
		t.Errorf("Sekcam heading a subbagian: 2 → %+v, 20 → %+v", got[2], got[20])
	}
}

func TestDefaultRatersFollowKindNotParent(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	units[4].ParentID = 2 // a seksi wrongly placed under the sekretariat: the Camat still rates the Kasi
	units = append(units, Unit{ID: 10, Name: "UPT", Kind: UnitOther, ParentID: 5, HeadStaffID: 21})
	staff = append(staff, raterStaff(21, 10, "Kepala UPT"), raterStaff(22, 10, "Staf UPT"))
	got := DefaultRaters(staff, units, NewDate(2026, time.June, 30))
	for id, want := range map[uint64]RaterPair{5: pair(1, 0), 21: pair(5, 1), 22: pair(21, 5)} {
		if got[id] != want {
			t.Errorf("staff %d → %+v, want %+v", id, got[id], want)
		}
	}
}

func TestApplyRaterOverrides(t *testing.T) {
	t.Parallel()
	staff, units := kecamatan()
	defaults := DefaultRaters(staff, units, NewDate(2026, time.June, 30))
	before := maps.Clone(defaults)
	overrides := map[uint64]RaterPair{
		11: {Rater: RaterRef{StaffID: 6, Acting: ActingPlh}},                               // Kasi Trantib as Plh for Seksi Pemerintahan
		10: {Rater: RaterRef{StaffID: 16, Acting: ActingPlt}},                              // a Plt whose own rater is overridden below
		16: {Rater: RaterRef{StaffID: 5, Acting: ActingPlt}},                               // chained override
		13: {Rater: RaterRef{StaffID: 7, Acting: ActingPlt}, Atasan: RaterRef{StaffID: 2}}, // explicit atasan
		3:  {Atasan: RaterRef{StaffID: 5, Acting: ActingPlh}},                              // atasan only
		30: {Rater: RaterRef{StaffID: 1}},                                                  // person without a default entry
	}
	got := ApplyRaterOverrides(defaults, overrides)
	want := maps.Clone(defaults)
	want[11] = RaterPair{Rater: RaterRef{StaffID: 6, Acting: ActingPlh}, Atasan: RaterRef{StaffID: 1}}
	want[10] = RaterPair{Rater: RaterRef{StaffID: 16, Acting: ActingPlt}, Atasan: RaterRef{StaffID: 5, Acting: ActingPlt}}
	want[16] = RaterPair{Rater: RaterRef{StaffID: 5, Acting: ActingPlt}, Atasan: RaterRef{StaffID: 1}}
	want[13] = RaterPair{Rater: RaterRef{StaffID: 7, Acting: ActingPlt}, Atasan: RaterRef{StaffID: 2}}
	want[3] = RaterPair{Rater: RaterRef{StaffID: 2}, Atasan: RaterRef{StaffID: 5, Acting: ActingPlh}}
	want[30] = pair(1, 0)
	checkPairs(t, "overrides", got, want)
	if !maps.Equal(defaults, before) {
		t.Error("ApplyRaterOverrides changed its input")
	}
}

func BenchmarkDefaultRaters2000(b *testing.B) {
	staff, units := kecamatan()
	for id := uint64(100); len(staff) < 2000; id++ {
		staff = append(staff, raterStaff(id, 3+id%7, "Pelaksana"))
	}
	on := NewDate(2026, time.June, 30)
	for b.Loop() {
		if len(DefaultRaters(staff, units, on)) == 0 {
			b.Fatal("no raters")
		}
	}
}
