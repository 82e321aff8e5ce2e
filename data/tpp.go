package data

import (
	"fmt"
	"math"
)

// TPPBand is one lateness (TL) or early-departure (PSW) band of the TPP
// deduction table: a day whose minutes are at most UpTo falls in the first band
// that holds it; UpTo 0 means "no upper limit", which also takes days whose
// minutes were not recorded.
type TPPBand struct {
	Name    string  `json:"name"`
	UpTo    int     `json:"up_to"`
	Percent float64 `json:"percent"`
}

// TPPRules is the office's table of monthly tambahan penghasilan (TPP)
// deductions for attendance, set by each Perbup: a percentage per TK day and
// per day in each TL and PSW band, all editable.
type TPPRules struct {
	AbsentPercent float64   `json:"absent_percent"`
	Late          []TPPBand `json:"late"`
	Early         []TPPBand `json:"early"`
}

// DefaultTPPRules returns a default table to be checked against the office's
// Perbup (docs/aturan.md §5: the common bands run about 0.5–1.5% each, and no
// figure is given for TK): TL1 1–30 min 0.5%, TL2 31–60 1%, TL3 61–90 1.25%, TL4 over 90 or not
// recorded 1.5%; PSW1–PSW4 the same; and 1.5% per TK day, the top of that range.
// These numbers are defaults, not a rule.
func DefaultTPPRules() TPPRules {
	bands := func(prefix string) []TPPBand {
		return []TPPBand{
			{Name: prefix + "1", UpTo: 30, Percent: 0.5},
			{Name: prefix + "2", UpTo: 60, Percent: 1},
			{Name: prefix + "3", UpTo: 90, Percent: 1.25},
			{Name: prefix + "4", UpTo: 0, Percent: 1.5},
		}
	}
	return TPPRules{AbsentPercent: 1.5, Late: bands("TL"), Early: bands("PSW")}
}

// Check returns an Indonesian description of what is wrong with the table, or
// nil: percentages between 0 and 100, band limits rising, the last band open.
func (r TPPRules) Check() error {
	if r.AbsentPercent < 0 || r.AbsentPercent > 100 || math.IsNaN(r.AbsentPercent) {
		return fmt.Errorf("potongan per hari TK harus antara 0 dan 100%%")
	}
	for _, set := range []struct {
		label string
		bands []TPPBand
	}{{"terlambat", r.Late}, {"pulang cepat", r.Early}} {
		prev := 0
		for i, b := range set.bands {
			if b.Percent < 0 || b.Percent > 100 || math.IsNaN(b.Percent) {
				return fmt.Errorf("potongan %s %s harus antara 0 dan 100%%", set.label, b.Name)
			}
			last := i == len(set.bands)-1
			if last && b.UpTo != 0 {
				return fmt.Errorf("kelompok %s terakhir (%s) harus tanpa batas atas", set.label, b.Name)
			}
			if !last && b.UpTo <= prev {
				return fmt.Errorf("batas menit %s %s harus lebih besar dari kelompok sebelumnya", set.label, b.Name)
			}
			prev = b.UpTo
		}
	}
	return nil
}

// tppBandIndex returns the index of the band that holds minutes (0 minutes means "not
// recorded" and goes to the open band), or -1 when no band does.
func tppBandIndex(bands []TPPBand, minutes int) int {
	for i, b := range bands {
		if b.UpTo == 0 || (minutes > 0 && minutes <= b.UpTo) {
			return i
		}
	}
	return -1
}

// TPPDetail is one person's monthly TPP deduction: the TK days, the days in
// each TL and PSW band (same order as the rules), and the percentage.
type TPPDetail struct {
	TK      int     `json:"absent"`
	Late    []int   `json:"late"`
	Early   []int   `json:"early"`
	Percent float64 `json:"tpp_cut_percent"`
}

// TPPDeduction computes the monthly deduction of one person's month: TK days
// times the TK percentage, plus each late arrival and each early departure on
// a working day at its band's percentage (a day both late and early is
// deducted for both), capped at 100%.
//
// Deprecated: it reads stored minutes and the code TK only; use TPPMonth or
// PersonTPP.
func TPPDeduction(m AttendanceMonth, cal Calendar, rules TPPRules) TPPDetail {
	t := TPPDetail{Late: make([]int, len(rules.Late)), Early: make([]int, len(rules.Early))}
	sum := 0.0
	mask := cal.workingMask(m.Year, m.Month)
	for day, e := range m.Days {
		if day < 1 || day > monthLength(m.Year, m.Month) || !mask[day] {
			continue
		}
		if e.Code == CodeTK {
			t.TK++
			sum += rules.AbsentPercent
		}
		if i := tppBandIndex(rules.Late, e.LateMinutes); entryIsLate(e) && i >= 0 {
			t.Late[i]++
			sum += rules.Late[i].Percent
		}
		if i := tppBandIndex(rules.Early, e.EarlyMinutes); entryIsEarly(e) && i >= 0 {
			t.Early[i]++
			sum += rules.Early[i].Percent
		}
	}
	t.Percent = math.Min(100, math.Round(sum*100)/100)
	return t
}
