package data

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// PeriodKind is the length of an evaluation period. The office chooses its
// periodic cadence (monthly, quarterly or semester); the annual evaluation
// ("Akhir") is held in every office (PermenPANRB 6/2022; docs/aturan.md §7.7).
type PeriodKind string

// The kinds of period, with their JSON ids.
const (
	PeriodMonthly   PeriodKind = "bulanan"
	PeriodQuarterly PeriodKind = "triwulan"
	PeriodSemester  PeriodKind = "semester"
	PeriodAnnual    PeriodKind = "tahunan"
)

// PeriodKinds lists every PeriodKind, shortest first.
var PeriodKinds = []PeriodKind{PeriodMonthly, PeriodQuarterly, PeriodSemester, PeriodAnnual}

// DefaultCadence is the periodic cadence of a new office: triwulan.
const DefaultCadence = PeriodQuarterly

// DefaultDeadlineDays is the default filling deadline of a period: this many
// calendar days after its last day. No regulation sets it; it is the app's
// default, changed in Settings and applied with WithDeadlineDays.
const DefaultDeadlineDays = 10

// ErrInvalidPeriod is wrapped by every error of ParsePeriodID.
var ErrInvalidPeriod = errors.New("kode periode tidak dikenali")

// Valid reports whether k is one of PeriodKinds.
func (k PeriodKind) Valid() bool { return k.Label() != "" }

// IsCadence reports whether k may be an office's periodic cadence (monthly,
// quarterly or semester).
func (k PeriodKind) IsCadence() bool {
	return k == PeriodMonthly || k == PeriodQuarterly || k == PeriodSemester
}

// Label returns "Bulanan", "Triwulan", "Semester" or "Akhir" (the PERIODE word
// of the annual form); "" when unknown.
func (k PeriodKind) Label() string {
	switch k {
	case PeriodMonthly:
		return "Bulanan"
	case PeriodQuarterly:
		return "Triwulan"
	case PeriodSemester:
		return "Semester"
	case PeriodAnnual:
		return "Akhir"
	}
	return ""
}

// Period is one evaluation period: its id (2026-11, 2026-Q3, 2026-S1 or 2026),
// its first and last day, and the last day for filling in its evaluations.
type Period struct {
	ID       string     `json:"id"`
	Kind     PeriodKind `json:"kind"`
	Start    Date       `json:"start"`
	End      Date       `json:"end"`
	Deadline Date       `json:"deadline"`
}

// ParsePeriodID reads a period id and returns the period with its dates and
// the default deadline (DefaultDeadlineDays after the end). Accepted forms:
// "YYYY-MM" (month 01–12), "YYYY-Q1" … "YYYY-Q4", "YYYY-S1", "YYYY-S2" and
// "YYYY", with a four-digit year from 1900 to 2999. Surrounding spaces and a
// lower-case q or s are accepted; the returned ID is canonical ("2026-Q3").
// Errors wrap ErrInvalidPeriod.
func ParsePeriodID(id string) (Period, error) {
	s := strings.Map(periodUpper, strings.TrimSpace(id))
	bad := func(why string) (Period, error) {
		return Period{}, fmt.Errorf("%w: %q %s; tulis seperti 2026-11, 2026-Q3, 2026-S1 atau 2026", ErrInvalidPeriod, id, why)
	}
	if len(s) < 4 || !isPeriodDigits(s[:4]) {
		return bad("tidak diawali tahun empat angka")
	}
	year, _ := strconv.Atoi(s[:4])
	if year < 1900 || year > 2999 {
		return bad("memakai tahun di luar 1900–2999")
	}
	rest := s[4:]
	switch {
	case rest == "":
		return annualPeriod(year), nil
	case len(rest) == 3 && rest[:2] == "-Q" && rest[2] >= '1' && rest[2] <= '4':
		return quarterPeriod(year, int(rest[2]-'0')), nil
	case len(rest) == 3 && rest[:2] == "-S" && (rest[2] == '1' || rest[2] == '2'):
		return semesterPeriod(year, int(rest[2]-'0')), nil
	case len(rest) == 3 && rest[0] == '-' && isPeriodDigits(rest[1:]):
		m, _ := strconv.Atoi(rest[1:])
		if m < 1 || m > 12 {
			return bad("memakai bulan di luar 01–12")
		}
		return monthPeriod(year, time.Month(m)), nil
	}
	return bad("tidak sesuai bentuk yang dikenal")
}

// periodUpper upper-cases ASCII letters only, so that no other script's letter
// turns into a Q or S.
func periodUpper(r rune) rune {
	if r >= 'a' && r <= 'z' {
		return r - 'a' + 'A'
	}
	return r
}

func isPeriodDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// spanPeriod builds a period of the given months starting at month first.
func spanPeriod(id string, kind PeriodKind, year int, first time.Month, months int) Period {
	start := NewDate(year, first, 1)
	end := NewDate(year, first+time.Month(months), 1).AddDays(-1)
	return Period{ID: id, Kind: kind, Start: start, End: end, Deadline: end.AddDays(DefaultDeadlineDays)}
}

func monthPeriod(year int, m time.Month) Period {
	return spanPeriod(fmt.Sprintf("%04d-%02d", year, int(m)), PeriodMonthly, year, m, 1)
}

func quarterPeriod(year, q int) Period {
	return spanPeriod(fmt.Sprintf("%04d-Q%d", year, q), PeriodQuarterly, year, time.Month(3*q-2), 3)
}

func semesterPeriod(year, s int) Period {
	return spanPeriod(fmt.Sprintf("%04d-S%d", year, s), PeriodSemester, year, time.Month(6*s-5), 6)
}

func annualPeriod(year int) Period {
	return spanPeriod(fmt.Sprintf("%04d", year), PeriodAnnual, year, time.January, 12)
}

// WithDeadlineDays returns p with its deadline set to days calendar days after
// its end (the office's setting; DefaultDeadlineDays by default). A negative
// value is treated as 0: the deadline is never before the last day.
func (p Period) WithDeadlineDays(days int) Period {
	p.Deadline = p.End.AddDays(max(days, 0))
	return p
}

// Contains reports whether day d lies within the period.
func (p Period) Contains(d Date) bool {
	return !d.Before(p.Start) && !d.After(p.End)
}

// Year returns the calendar year of the period.
func (p Period) Year() int { return p.Start.Year() }

// Label returns the Indonesian name of the period: "November 2026",
// "Triwulan III 2026", "Semester I 2026" or "Akhir 2026".
func (p Period) Label() string {
	roman := [...]string{"", "I", "II", "III", "IV"}
	switch p.Kind {
	case PeriodMonthly:
		return fmt.Sprintf("%s %d", MonthNames[p.Start.Month()-1], p.Year())
	case PeriodQuarterly:
		return fmt.Sprintf("Triwulan %s %d", roman[(int(p.Start.Month())+2)/3], p.Year())
	case PeriodSemester:
		return fmt.Sprintf("Semester %s %d", roman[(int(p.Start.Month())+5)/6], p.Year())
	case PeriodAnnual:
		return fmt.Sprintf("Akhir %d", p.Year())
	}
	return p.ID
}

// PeriodLabel returns the Indonesian name of the period with the given id
// ("Triwulan III 2026" for "2026-Q3"), or the id itself when it is not valid.
func PeriodLabel(id string) string {
	p, err := ParsePeriodID(id)
	if err != nil {
		return id
	}
	return p.Label()
}

// PeriodsOfYear returns the periodic periods of year for the cadence in date
// order, followed by the annual period ("Akhir"). An annual cadence gives the
// annual period only; an unknown cadence is read as DefaultCadence. Deadlines
// are the default; apply WithDeadlineDays for the office's setting.
func PeriodsOfYear(year int, cadence PeriodKind) []Period {
	var out []Period
	switch cadenceOrDefault(cadence) {
	case PeriodMonthly:
		for m := time.January; m <= time.December; m++ {
			out = append(out, monthPeriod(year, m))
		}
	case PeriodQuarterly:
		for q := 1; q <= 4; q++ {
			out = append(out, quarterPeriod(year, q))
		}
	case PeriodSemester:
		out = append(out, semesterPeriod(year, 1), semesterPeriod(year, 2))
	}
	return append(out, annualPeriod(year))
}

// CurrentPeriod returns the period of the cadence that contains today: the
// month, triwulan or semester, or the year for an annual cadence. An unknown
// cadence is read as DefaultCadence.
func CurrentPeriod(today Date, cadence PeriodKind) Period {
	y, m := today.Year(), today.Month()
	switch cadenceOrDefault(cadence) {
	case PeriodMonthly:
		return monthPeriod(y, m)
	case PeriodSemester:
		return semesterPeriod(y, (int(m)+5)/6)
	case PeriodAnnual:
		return annualPeriod(y)
	}
	return quarterPeriod(y, (int(m)+2)/3)
}

func cadenceOrDefault(k PeriodKind) PeriodKind {
	if k.IsCadence() || k == PeriodAnnual {
		return k
	}
	return DefaultCadence
}

// ComparePeriods orders two periods by date: the one that ends first comes
// first; of two that end on the same day the shorter one (the later start)
// comes first, so the annual evaluation ("Akhir", PermenPANRB 6/2022) follows
// the last periodic period of its year — Triwulan IV, Semester II or
// Desember — and precedes the next year. Periods equal in both dates are
// ordered by id. It returns -1, 0 or +1 for slices.SortFunc.
func ComparePeriods(a, b Period) int {
	switch {
	case a.End.Before(b.End):
		return -1
	case a.End.After(b.End):
		return 1
	case a.Start.After(b.Start):
		return -1
	case a.Start.Before(b.Start):
		return 1
	}
	return strings.Compare(a.ID, b.ID)
}

// SortPeriods sorts periods in place in the order of ComparePeriods.
func SortPeriods(ps []Period) {
	slices.SortStableFunc(ps, ComparePeriods)
}

// SortPeriodIDs sorts period ids in place in the order of ComparePeriods;
// ids that do not parse go last, in string order.
func SortPeriodIDs(ids []string) {
	slices.SortStableFunc(ids, func(a, b string) int {
		pa, errA := ParsePeriodID(a)
		pb, errB := ParsePeriodID(b)
		switch {
		case errA != nil && errB != nil:
			return strings.Compare(a, b)
		case errA != nil:
			return 1
		case errB != nil:
			return -1
		}
		return ComparePeriods(pa, pb)
	})
}

// PeriodFileLabel is the period with the given id as written in file names:
// its Indonesian name with hyphens for spaces ("Triwulan-IV-2026" for
// "2026-Q4", "November-2026" for "2026-11"), so a file names the period the
// way the screens do. Anything that is not a period id comes back unchanged.
func PeriodFileLabel(id string) string {
	p, err := ParsePeriodID(id)
	if err != nil {
		return id
	}
	return strings.ReplaceAll(p.Label(), " ", "-")
}
