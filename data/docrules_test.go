package data

import (
	"reflect"
	"testing"
)

func TestFormatNIPOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind Kind
		in   string
		want string
	}{
		{KindPNS, "196804111993031009", "19680411 199303 1 009"},
		{KindCPNS, "19680411 199303 1 009", "19680411 199303 1 009"},
		{KindPPPK, "199102262023211085", "19910226 2023 21 1 085"},
		{KindPPPK, "19910226 202321 1 085", "19910226 2023 21 1 085"}, // typed in PNS groups
		{KindPPPKParuhWaktu, "199102262025241003", "19910226 2025 24 1 003"},
		{KindPPPK, "199102262023111085", "19910226 2023 11 1 085"}, // a code that looks like a month
		{KindPNS, "199102262023211085", "19910226 202321 1 085"},   // the kind decides
		{KindNonASN, "199102262023211085", "19910226 2023 21 1 085"},
		{"", "196804111993031009", "19680411 199303 1 009"},
		{KindPNS, " 1968041119930310 ", "1968041119930310"},
		{KindPPPK, "3204123456780001x", "3204123456780001x"},
		{KindPNS, "", ""},
	}
	for _, tt := range tests {
		if got := FormatNIPOf(tt.kind, tt.in); got != tt.want {
			t.Errorf("FormatNIPOf(%q, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

func TestSortPeriodIDs(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []string
		want []string
	}{
		{"triwulan with akhir", []string{"2026-Q2", "2026", "2026-Q4", "2026-Q1", "2026-Q3"},
			[]string{"2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4", "2026"}},
		{"two years", []string{"2027-Q1", "2026", "2027", "2026-Q4"},
			[]string{"2026-Q4", "2026", "2027-Q1", "2027"}},
		{"semester", []string{"2026", "2026-S2", "2026-S1"}, []string{"2026-S1", "2026-S2", "2026"}},
		{"monthly", []string{"2026", "2026-12", "2026-02", "2026-01"}, []string{"2026-01", "2026-02", "2026-12", "2026"}},
		{"cadence changed mid-year", []string{"2026-Q1", "2026-03", "2026-S2", "2026"},
			[]string{"2026-03", "2026-Q1", "2026-S2", "2026"}},
		{"only akhir", []string{"2027", "2025", "2026"}, []string{"2025", "2026", "2027"}},
		{"invalid last", []string{"x", "2026", "2026-Q1", "2026-Q5"}, []string{"2026-Q1", "2026", "2026-Q5", "x"}},
		{"empty", nil, nil},
	}
	for _, tt := range tests {
		got := append([]string(nil), tt.in...)
		SortPeriodIDs(got)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: SortPeriodIDs(%v) = %v, want %v", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestSortPeriodsAkhirLastOfYear(t *testing.T) {
	t.Parallel()
	for _, cadence := range []PeriodKind{PeriodMonthly, PeriodQuarterly, PeriodSemester, PeriodAnnual} {
		want := append(PeriodsOfYear(2025, cadence), PeriodsOfYear(2026, cadence)...)
		got := append([]Period(nil), want...)
		for i, j := 0, len(got)-1; i < j; i, j = i+1, j-1 {
			got[i], got[j] = got[j], got[i]
		}
		SortPeriods(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: sorted %v, want %v", cadence, periodIDs(got), periodIDs(want))
		}
	}
}

func periodIDs(ps []Period) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestDistributionCountsLeavesOutHead(t *testing.T) {
	t.Parallel()
	list := []StaffPredikat{
		{1, PredikatSangatBaik}, // the Camat
		{2, PredikatBaik}, {3, PredikatBaik}, {4, PredikatButuhPerbaikan},
		{5, ""}, {6, "luar_biasa"}, {3, PredikatSangatKurang}, // unrated, unknown, listed twice
	}
	tests := []struct {
		name    string
		exclude []uint64
		want    map[Predikat]int
	}{
		{"head left out", []uint64{1}, map[Predikat]int{PredikatBaik: 2, PredikatButuhPerbaikan: 1}},
		{"no head", nil, map[Predikat]int{PredikatSangatBaik: 1, PredikatBaik: 2, PredikatButuhPerbaikan: 1}},
		{"head not rated", []uint64{99}, map[Predikat]int{PredikatSangatBaik: 1, PredikatBaik: 2, PredikatButuhPerbaikan: 1}},
		{"zero id", []uint64{0}, map[Predikat]int{PredikatSangatBaik: 1, PredikatBaik: 2, PredikatButuhPerbaikan: 1}},
	}
	for _, tt := range tests {
		got := DistributionCounts(list, tt.exclude...)
		for _, p := range Predikats {
			if got[p] != tt.want[p] {
				t.Errorf("%s: %s = %d, want %d", tt.name, p.Label(), got[p], tt.want[p])
			}
		}
	}
}

func TestDistributionCurve(t *testing.T) {
	t.Parallel()
	rules := DefaultDistributionRules()
	counts := map[Predikat]int{PredikatSangatBaik: 1, PredikatBaik: 7, PredikatButuhPerbaikan: 1, PredikatKurang: 0}
	got := DistributionCurve(CapaianBaik, counts, rules)
	want := []CurveClass{
		{Predikat: PredikatSangatKurang, Count: 0, Share: "0%", Min: 0, Max: 100},
		{Predikat: PredikatKurang, Count: 0, Share: "0%", Min: 0, Max: 100},
		{Predikat: PredikatButuhPerbaikan, Count: 1, Share: "11,1%", Min: 0, Max: 100},
		{Predikat: PredikatBaik, Count: 7, Share: "77,8%", Min: 0, Max: 70},
		{Predikat: PredikatSangatBaik, Count: 1, Share: "11,1%", Min: 0, Max: 100},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("curve Baik:\n got %+v\nwant %+v", got, want)
	}
	sk := DistributionCurve(CapaianSangatKurang, nil, rules)
	if sk[0].Min != 60 || sk[4].Max != 0 || sk[0].Share != "0%" || sk[1].Min != 0 {
		t.Errorf("curve Sangat Kurang: %+v", sk)
	}
	rules.Bounds[CapaianIstimewa] = append(rules.Bounds[CapaianIstimewa], DistributionBound{Kind: BoundMustInclude, Predikat: []Predikat{PredikatBaik}})
	if ist := DistributionCurve(CapaianIstimewa, nil, rules); ist[4].Max != 70 || !ist[3].Required {
		t.Errorf("curve Istimewa: %+v", ist)
	}
	for _, cl := range DistributionCurve("", counts, rules) {
		if cl.Min != 0 || cl.Max != 100 {
			t.Errorf("unknown capaian bounded: %+v", cl)
		}
	}
}

func TestDescribeBounds(t *testing.T) {
	t.Parallel()
	rules := DefaultDistributionRules()
	tests := []struct {
		c    CapaianOrganisasi
		want []string
	}{
		{CapaianIstimewa, []string{"Sangat Baik paling banyak 70%"}},
		{CapaianBaik, []string{"Baik paling banyak 70%", "Butuh Perbaikan atau Kurang/Misconduct wajib ada"}},
		{CapaianSangatKurang, []string{"Sangat Kurang paling sedikit 60%", "Kurang/Misconduct atau Butuh Perbaikan paling sedikit 10%", "Sangat Baik tidak boleh ada"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := DescribeBounds(tt.c, rules); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("DescribeBounds(%q) = %q, want %q", tt.c, got, tt.want)
		}
	}
}

func TestOfficial(t *testing.T) {
	t.Parallel()
	o := Official{ID: 3, Name: "  Dr. H. Cakra   Amiyana, M.Si. ", NIP: "19650908 198603 1 011", Rank: "Pembina Utama Madya (IV/d)",
		Position: "Sekretaris Daerah", Agency: "Pemerintah Kabupaten Bandung"}
	if errs := o.Validate(); len(errs) != 0 {
		t.Fatalf("valid official: %v", errs)
	}
	n := o.Normalize()
	if n.Name != "Dr. H. Cakra Amiyana, M.Si." || n.NIP != "196509081986031011" {
		t.Errorf("Normalize = %+v", n)
	}
	id := n.Identity()
	if id.Unit != "Pemerintah Kabupaten Bandung" || id.Position != "Sekretaris Daerah" || id.Rank != o.Rank {
		t.Errorf("Identity = %+v", id)
	}
	bad := []struct {
		o     Official
		field string
	}{
		{Official{Position: "x", Agency: "y"}, FieldName},
		{Official{Name: "A", NIP: "19650908198603101", Position: "x", Agency: "y"}, FieldNIP},
		{Official{Name: "A", NIP: "19650908198603101x", Position: "x", Agency: "y"}, FieldNIP},
		{Official{Name: "A", Agency: "y"}, FieldPosition},
		{Official{Name: "A", Position: "x", Agency: " "}, FieldAgency},
	}
	for _, b := range bad {
		errs := b.o.Validate()
		if len(errs) != 1 || errs[0].Field != b.field {
			t.Errorf("Validate(%+v) = %v, want one error on %s", b.o, errs, b.field)
		}
	}
	if errs := (Official{Name: "A", Position: "x", Agency: "y"}).Validate(); len(errs) != 0 {
		t.Errorf("official without NIP: %v", errs)
	}

	staff := Identity{Name: "Staff"}
	list := []Official{n}
	if got, ok := ResolveIdentity(OfficialRef{OfficialID: 3, Acting: ActingPlt}, list, staff, true); !ok || got.Position != "Plt Sekretaris Daerah" || got.Name != n.Name {
		t.Errorf("resolve official = %+v, %v", got, ok)
	}
	if got, ok := ResolveIdentity(OfficialRef{}, list, staff, true); !ok || got.Name != "Staff" {
		t.Errorf("resolve staff = %+v, %v", got, ok)
	}
	if _, ok := ResolveIdentity(OfficialRef{OfficialID: 9}, list, staff, true); ok {
		t.Error("unknown official resolved")
	}
	if _, ok := ResolveIdentity(OfficialRef{}, list, Identity{}, false); ok {
		t.Error("nobody resolved")
	}
}
