package data

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// EvaluationSettings are the office's settings for periodic evaluation: the
// cadence (DefaultCadence: triwulan), the filling deadline in days after a
// period's end (DefaultDeadlineDays), the pola distribusi (circulars change)
// and the rating hasil kerja that the head of the office gets for each
// capaian kinerja organisasi.
type EvaluationSettings struct {
	Cadence         PeriodKind        `json:"cadence"`
	DeadlineDays    int               `json:"deadline_days"`
	Distribution    DistributionRules `json:"distribution"`
	HeadWorkRatings HeadWorkRatings   `json:"head_work_ratings"`
}

// Field names of evaluation settings problems.
const (
	FieldCadence      = "cadence"
	FieldDeadlineDays = "deadline_days"
	FieldHeadRatings  = "head_work_ratings"
)

// DefaultEvaluationSettings returns triwulan, DefaultDeadlineDays, the pola
// distribusi of DefaultDistributionRules and DefaultHeadWorkRatings.
func DefaultEvaluationSettings() EvaluationSettings {
	return EvaluationSettings{
		Cadence:         DefaultCadence,
		DeadlineDays:    DefaultDeadlineDays,
		Distribution:    DefaultDistributionRules(),
		HeadWorkRatings: DefaultHeadWorkRatings(),
	}
}

// WithDefaults returns s with every part left unset (an empty cadence, no
// distribution bounds, no head ratings) taken from DefaultEvaluationSettings,
// so settings stored by an older version keep working. A deadline of 0 days
// is a valid choice and is kept.
func (s EvaluationSettings) WithDefaults() EvaluationSettings {
	d := DefaultEvaluationSettings()
	if s.Cadence == "" {
		s.Cadence = d.Cadence
	}
	if len(s.Distribution.Bounds) == 0 {
		s.Distribution = d.Distribution
	}
	if len(s.HeadWorkRatings) == 0 {
		s.HeadWorkRatings = d.HeadWorkRatings
	}
	return s
}

// Validate returns the problems of edited settings: a cadence that is not
// monthly, triwulan or semester, a negative or over-long deadline (more than
// 366 days), invalid distribution rules, and a head rating table with an
// unknown capaian or rating.
func (s EvaluationSettings) Validate() []FieldError {
	var errs []FieldError
	if !s.Cadence.IsCadence() {
		errs = append(errs, FieldError{Field: FieldCadence, Message: fmt.Sprintf("Periode penilaian %q tidak dikenali; pilih bulanan, triwulan atau semester.", string(s.Cadence))})
	}
	if s.DeadlineDays < 0 || s.DeadlineDays > MaxDeadlineDays {
		errs = append(errs, FieldError{Field: FieldDeadlineDays, Message: fmt.Sprintf("Batas pengisian %d hari harus antara 0 dan %d hari setelah periode berakhir.", s.DeadlineDays, MaxDeadlineDays)})
	}
	errs = append(errs, s.Distribution.Validate()...)
	keys := make([]string, 0, len(s.HeadWorkRatings))
	for c := range s.HeadWorkRatings {
		keys = append(keys, string(c))
	}
	sort.Strings(keys)
	for _, k := range keys {
		c := CapaianOrganisasi(k)
		switch r := s.HeadWorkRatings[c]; {
		case !c.Valid():
			errs = append(errs, FieldError{Field: FieldHeadRatings, Message: fmt.Sprintf("Capaian organisasi %q tidak dikenali.", k)})
		case !r.Valid():
			errs = append(errs, FieldError{Field: FieldHeadRatings, Message: fmt.Sprintf("Rating hasil kerja pimpinan untuk capaian %s tidak dikenali: %q.", c.Label(), string(r))})
		}
	}
	return errs
}

// EvaluationPeriod is a period as the office holds it: the dates and deadline
// of Period, the capaian kinerja organisasi once the office knows it (empty
// before), and the Plt/Plh rater overrides of that period by staff id (see
// ApplyRaterOverrides), and the officials outside the office who rate or
// review a staff member in that period (ExternalRaters, by staff id).
type EvaluationPeriod struct {
	Period
	Capaian        CapaianOrganisasi         `json:"capaian,omitempty"`
	RaterOverrides map[uint64]RaterPair      `json:"rater_overrides,omitempty"`
	ExternalRaters map[uint64]ExternalRaters `json:"external_raters,omitempty"`
}

// Field name of a period's capaian, for FieldError.Field.
const FieldCapaian = "capaian"

// Check verifies a period record on read or before a write: the id parses,
// and kind, start and end are the ones the id gives; the deadline is not
// before the end; a capaian, when set, is known.
func (p EvaluationPeriod) Check() error {
	want, err := ParsePeriodID(p.ID)
	if err != nil {
		return err
	}
	switch {
	case want.ID != p.ID || want.Kind != p.Kind || !want.Start.Equal(p.Start) || !want.End.Equal(p.End):
		return fmt.Errorf("periode %s: tanggal atau jenis tidak sesuai kodenya", p.ID)
	case p.Deadline.Before(p.End):
		return fmt.Errorf("periode %s: batas pengisian %s sebelum periode berakhir", p.ID, p.Deadline.Long())
	case p.Capaian != "" && !p.Capaian.Valid():
		return fmt.Errorf("periode %s: capaian kinerja organisasi %q tidak dikenali", p.ID, string(p.Capaian))
	}
	return nil
}

// MaxDeadlineDays is the latest filling deadline Validate accepts, in days
// after a period ends (a year; the regulation sets no number).
const MaxDeadlineDays = 366

// Cadences returns the periodic cadences an office may choose, shortest first.
func Cadences() []PeriodKind {
	var out []PeriodKind
	for _, k := range PeriodKinds {
		if k.IsCadence() {
			out = append(out, k)
		}
	}
	return out
}

// ParseDeadlineDays reads a filling deadline typed by a person: a whole number
// of days from 0 to MaxDeadlineDays; ok is false otherwise.
func ParseDeadlineDays(s string) (days int, ok bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 0 || n > MaxDeadlineDays {
		return 0, false
	}
	return n, true
}
