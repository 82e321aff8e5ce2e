package data

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

func filterStaff() []Staff {
	camat := validPNS()
	camat.ID, camat.GelarBelakang = 1, "M.Si."
	cpns := validCPNS()
	cpns.ID = 2
	pppk := validPPPK()
	pppk.ID = 3
	pw := validParuhWaktu()
	pw.ID = 4
	honorer := validNonASN()
	honorer.ID, honorer.NIK = 5, "3204051104680001"
	retired := validPNS()
	retired.ID, retired.Name, retired.NIP = 6, "Étienne Sumarna", "196001011985031002"
	retired.History = append(retired.History, Event{Date: NewDate(2020, 2, 1), Kind: EventLeave, Reason: LeaveRetireBUP})
	return []Staff{camat, cpns, pppk, pw, honorer, retired}
}

func TestStaffFilterMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		filter StaffFilter
		want   []uint64
	}{
		{"everyone", StaffFilter{}, []uint64{1, 2, 3, 4, 5, 6}},
		{"blank query", StaffFilter{Query: "   "}, []uint64{1, 2, 3, 4, 5, 6}},
		{"name prefix any case", StaffFilter{Query: "asep"}, []uint64{1}},
		{"substring inside a word", StaffFilter{Query: "UDIN"}, []uint64{1}},
		{"two words in any order", StaffFilter{Query: "saepudin asep"}, []uint64{1}},
		{"word not present", StaffFilter{Query: "asep rina"}, nil},
		{"gelar depan", StaffFilter{Query: "drs"}, []uint64{1, 6}},
		{"gelar belakang", StaffFilter{Query: "m.si"}, []uint64{1}},
		{"non-ASCII name", StaffFilter{Query: "étienne"}, []uint64{6}},
		{"non-ASCII name upper", StaffFilter{Query: "ÉTIENNE"}, []uint64{6}},
		{"NIP prefix", StaffFilter{Query: "196804"}, []uint64{1}},
		{"NIP grouped", StaffFilter{Query: "1968 0411"}, []uint64{1}},
		{"NIP fully grouped", StaffFilter{Query: "19680411 199303 1 009"}, []uint64{1}},
		{"NIP middle", StaffFilter{Query: "2022211"}, []uint64{3}},
		{"NIK digits", StaffFilter{Query: "3204.0511"}, []uint64{5}},
		{"digits found nowhere", StaffFilter{Query: "1968 9999"}, nil},
		{"digits with a name word", StaffFilter{Query: "asep 1968"}, []uint64{1}},
		{"kind", StaffFilter{Kind: KindPNS}, []uint64{1, 6}},
		{"kind paruh waktu", StaffFilter{Kind: KindPPPKParuhWaktu}, []uint64{4}},
		{"unit", StaffFilter{UnitID: 5}, []uint64{2, 3}},
		{"unit of a leaver", StaffFilter{UnitID: 1}, []uint64{1, 6}},
		{"active", StaffFilter{Status: StatusActive}, []uint64{1, 2, 3, 4, 5}},
		{"left", StaffFilter{Status: StatusLeft}, []uint64{6}},
		{"left PNS with drs", StaffFilter{Query: "Drs", Kind: KindPNS, Status: StatusLeft}, []uint64{6}},
		{"active in unit 1", StaffFilter{UnitID: 1, Status: StatusActive}, []uint64{1}},
	}
	list := filterStaff()
	for _, tt := range tests {
		var got []uint64
		for _, s := range FilterStaff(list, tt.filter) {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
		for _, s := range list {
			if tt.filter.Match(s) != slices.Contains(tt.want, s.ID) {
				t.Errorf("%s: Match(%d) disagrees with FilterStaff", tt.name, s.ID)
			}
		}
	}
	notStarted := Staff{ID: 7, Name: "Baru"}
	if (StaffFilter{Status: StatusLeft}).Match(notStarted) || (StaffFilter{Status: StatusActive}).Match(notStarted) {
		t.Error("staff without a start event counted as active or left")
	}
}

func TestSortStaff(t *testing.T) {
	t.Parallel()
	units := validateUnits()
	tests := []struct {
		key  SortKey
		want []uint64
	}{
		// Names: Asep, Dedi, Rina, Siti, Ujang, then Étienne (é sorts after ASCII letters).
		{SortByName, []uint64{1, 3, 2, 4, 5, 6}},
		// Identifiers: 1960…, 1968…, 1990…, 1995…, 1998…, NIK 3204….
		{SortByNIP, []uint64{6, 1, 3, 4, 2, 5}},
		// IV/a twice (by name), III/a, IX (PPPK), then no rank (by name).
		{SortByRank, []uint64{1, 6, 2, 3, 4, 5}},
		// Pimpinan Kecamatan ×2, Seksi Pelayanan Umum, Seksi Pemerintahan ×2, Subbagian Umum.
		{SortByUnit, []uint64{1, 6, 4, 3, 2, 5}},
	}
	for _, tt := range tests {
		list := filterStaff()
		slices.Reverse(list)
		SortStaff(list, tt.key, units)
		var got []uint64
		for _, s := range list {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("SortStaff key %d: got %v, want %v", tt.key, got, tt.want)
		}
	}
}

func TestSortStaffRankScales(t *testing.T) {
	t.Parallel()
	mk := func(id uint64, rank string) Staff {
		return Staff{ID: id, Name: "A", History: []Event{startEvent(2020, 1, 1, rank, "Staf", 99)}}
	}
	list := []Staff{mk(1, ""), mk(2, "I"), mk(3, "I/a"), mk(4, "XVII"), mk(5, "IV/e"), mk(6, "III/b")}
	SortStaff(list, SortByRank, nil)
	var got []uint64
	for _, s := range list {
		got = append(got, s.ID)
	}
	if want := []uint64{5, 4, 6, 3, 2, 1}; !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	list = []Staff{mk(1, ""), mk(2, "I")}
	SortStaff(list, SortByUnit, nil)
	if list[0].ID != 1 || list[1].ID != 2 {
		t.Errorf("staff without a known unit not ordered by name then id: %v", list)
	}
}

// benchStaff returns n generated staff spread over the default units.
func benchStaff(n int) []Staff {
	first := []string{"Asep", "Dedi", "Rina", "Siti", "Ujang", "Cecep", "Euis", "Nining", "Yayan", "Tati"}
	last := []string{"Saepudin", "Kurniawan", "Marlina", "Aminah", "Suryana", "Hidayat", "Rohaeti", "Sumarna"}
	list := make([]Staff, n)
	for i := range list {
		list[i] = Staff{
			ID:         uint64(i + 1),
			Name:       fmt.Sprintf("%s %s %d", first[i%len(first)], last[i%len(last)], i),
			GelarDepan: []string{"", "Drs.", "H.", ""}[i%4],
			Kind:       Kinds[i%len(Kinds)],
			NIP:        fmt.Sprintf("19%02d%02d%02d2005%02d1%03d", 60+i%40, 1+i%12, 1+i%28, 1+i%12, 1+i%999),
			History: []Event{startEvent(2010+i%15, time.Month(1+i%12), 1, PNSRanks[i%17].Code, "Staf", uint64(1+i%9)),
				{Date: NewDate(2024, 1, 1), Kind: EventRank, Rank: PNSRanks[(i+1)%17].Code}},
		}
	}
	return list
}

func BenchmarkFilterStaff(b *testing.B) {
	list := benchStaff(2000)
	for _, f := range []StaffFilter{
		{Query: "a"},
		{Query: "asep sae"},
		{Query: "1968 04"},
		{Query: "rina", UnitID: 5, Status: StatusActive},
	} {
		b.Run(f.Query, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				FilterStaff(list, f)
			}
		})
	}
}

func TestCurrentSituation(t *testing.T) {
	t.Parallel()
	unsorted := historyStaff()
	sorted := historyStaff()
	sorted.SortHistory()
	for _, s := range []Staff{unsorted, sorted, validPNS(), {}} {
		if got, want := currentSituation(s), s.Current(); got != want {
			t.Errorf("currentSituation = %+v, want %+v", got, want)
		}
	}
}
