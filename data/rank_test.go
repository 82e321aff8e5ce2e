package data

import (
	"slices"
	"testing"
)

func TestRankTables(t *testing.T) {
	t.Parallel()
	if len(PNSRanks) != 17 || len(PPPKGrades) != 17 {
		t.Fatalf("PNSRanks %d, PPPKGrades %d; want 17 each", len(PNSRanks), len(PPPKGrades))
	}
	seen := map[string]bool{}
	for _, r := range PNSRanks {
		if seen[r.Code] || r.Name == "" {
			t.Errorf("duplicate or unnamed PNS rank %+v", r)
		}
		seen[r.Code] = true
	}
	for _, g := range PPPKGrades {
		if seen[g] {
			t.Errorf("PPPK grade %q collides with another code", g)
		}
		seen[g] = true
	}
	if PNSRanks[9] != (Rank{"III/b", "Penata Muda Tingkat I"}) || PNSRanks[16] != (Rank{"IV/e", "Pembina Utama"}) {
		t.Errorf("PNSRanks out of order: %v", PNSRanks)
	}
}

func TestRankLabel(t *testing.T) {
	t.Parallel()
	tests := []struct{ code, want string }{
		{"I/a", "Juru Muda (I/a)"},
		{"III/b", "Penata Muda Tingkat I (III/b)"},
		{" IV/b ", "Pembina Tingkat I (IV/b)"},
		{"IV/e", "Pembina Utama (IV/e)"},
		{"IX", "Golongan IX"},
		{"XVII", "Golongan XVII"},
		{"I", "Golongan I"},
		{"III/f", "III/f"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := RankLabel(tt.code); got != tt.want {
			t.Errorf("RankLabel(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestRanksFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind        Kind
		n           int
		first, last string
	}{
		{KindPNS, 17, "I/a", "IV/e"},
		{KindCPNS, 17, "I/a", "IV/e"},
		{KindPPPK, 17, "I", "XVII"},
		{KindPPPKParuhWaktu, 17, "I", "XVII"},
		{KindNonASN, 0, "", ""},
		{"", 0, "", ""},
	}
	for _, tt := range tests {
		got := RanksFor(tt.kind)
		if len(got) != tt.n || tt.n > 0 && (got[0] != tt.first || got[tt.n-1] != tt.last) {
			t.Errorf("RanksFor(%q) = %v", tt.kind, got)
		}
	}
	RanksFor(KindPNS)[0] = "changed"
	if RanksFor(KindPNS)[0] != "I/a" {
		t.Error("RanksFor returns a slice that changes the table")
	}
}

func TestValidRank(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind Kind
		code string
		want bool
	}{
		{KindPNS, "III/b", true},
		{KindCPNS, "II/a", true},
		{KindPNS, "IX", false},
		{KindPPPK, "IX", true},
		{KindPPPKParuhWaktu, "XVII", true},
		{KindPPPK, "III/b", false},
		{KindPPPK, "XVIII", false},
		{KindNonASN, "III/b", false},
		{KindNonASN, "", false},
		{KindPNS, "", false},
		{KindPNS, "iii/b", false},
	}
	for _, tt := range tests {
		if got := ValidRank(tt.kind, tt.code); got != tt.want {
			t.Errorf("ValidRank(%q, %q) = %v, want %v", tt.kind, tt.code, got, tt.want)
		}
	}
}

func TestRankOrder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		code string
		want int
	}{
		{"I/a", 1}, {"II/a", 5}, {"III/b", 10}, {"IV/e", 17},
		{"I", 1}, {"IX", 9}, {"XVII", 17},
		{"", 0}, {"V/a", 0},
	}
	for _, tt := range tests {
		if got := RankOrder(tt.code); got != tt.want {
			t.Errorf("RankOrder(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
	codes := RanksFor(KindPNS)
	if !slices.IsSortedFunc(codes, func(a, b string) int { return RankOrder(a) - RankOrder(b) }) {
		t.Error("PNS codes not in rank order")
	}
}
