package service

import (
	"fmt"
	"strings"

	"kinerja/data"
	"kinerja/data/store"
)

// SettingEvaluation is the key under which the evaluation settings are stored.
const SettingEvaluation = "evaluation"

// EvaluationSettings returns the office's evaluation settings:
// data.DefaultEvaluationSettings until they are first saved, and any part
// missing from saved ones filled by WithDefaults.
func EvaluationSettings(st *store.Store) (data.EvaluationSettings, error) {
	var s data.EvaluationSettings
	found, err := st.Setting(SettingEvaluation, &s)
	if err != nil {
		return data.EvaluationSettings{}, fmt.Errorf("membaca pengaturan penilaian: %w", err)
	}
	if !found {
		return data.DefaultEvaluationSettings(), nil
	}
	return s.WithDefaults(), nil
}

// SetEvaluationSettings validates and stores the evaluation settings; refused
// settings give a *data.ValidationError naming each field. Periods already
// created keep their deadline.
func SetEvaluationSettings(st *store.Store, s data.EvaluationSettings) error {
	if errs := s.Validate(); len(errs) > 0 {
		return &data.ValidationError{Problems: data.Problems{Errors: errs}}
	}
	return st.SetSetting(SettingEvaluation, s)
}

// CreatePeriod creates the period with id ("2026-Q3", "2026-11", "2026-S1",
// "2026") with the deadline of the settings (DeadlineDays after its end) and
// no capaian yet. A bad id wraps data.ErrInvalidPeriod; an existing one
// store.ErrPeriodExists.
func CreatePeriod(st *store.Store, id string) (data.EvaluationPeriod, error) {
	p, err := data.ParsePeriodID(id)
	if err != nil {
		return data.EvaluationPeriod{}, err
	}
	set, err := EvaluationSettings(st)
	if err != nil {
		return data.EvaluationPeriod{}, err
	}
	ep := data.EvaluationPeriod{Period: p.WithDeadlineDays(set.DeadlineDays)}
	if err := st.CreatePeriod(ep); err != nil {
		return data.EvaluationPeriod{}, err
	}
	return ep, nil
}

// CreatePeriodsUpTo creates the periods of the office's cadence in today's
// year that have started by today and are not stored yet, and returns the
// ones it created, in date order. The annual period is created by
// CreatePeriod when the office holds the annual evaluation.
func CreatePeriodsUpTo(st *store.Store, today data.Date) ([]data.EvaluationPeriod, error) {
	set, err := EvaluationSettings(st)
	if err != nil {
		return nil, err
	}
	var made []data.EvaluationPeriod
	for _, p := range data.PeriodsOfYear(today.Year(), set.Cadence) {
		if p.Kind != set.Cadence || p.Start.After(today) {
			continue
		}
		if _, err := st.Period(p.ID); err == nil {
			continue
		}
		ep, err := CreatePeriod(st, p.ID)
		if err != nil {
			return made, err
		}
		made = append(made, ep)
	}
	return made, nil
}

// Periods returns every stored period by start date.
func Periods(st *store.Store) ([]data.EvaluationPeriod, error) { return st.Periods() }

// PeriodByID returns the stored period with id (a lower-case q or s is
// accepted), or an error wrapping data.ErrNotFound naming "period create".
func PeriodByID(st *store.Store, id string) (data.EvaluationPeriod, error) {
	if p, err := data.ParsePeriodID(id); err == nil {
		id = p.ID
	}
	p, err := st.Period(id)
	if err != nil {
		return p, fmt.Errorf("periode %s belum dibuat (buat dengan \"kinerja period create %s\"): %w", id, id, data.ErrNotFound)
	}
	return p, nil
}

// CurrentPeriod returns the period of the office's cadence that contains
// today, as stored; stored is false when it was not created yet (the
// returned period then carries its default dates and the settings' deadline).
func CurrentPeriod(st *store.Store, today data.Date) (p data.EvaluationPeriod, stored bool, err error) {
	set, err := EvaluationSettings(st)
	if err != nil {
		return p, false, err
	}
	cur := data.CurrentPeriod(today, set.Cadence).WithDeadlineDays(set.DeadlineDays)
	if got, err := st.Period(cur.ID); err == nil {
		return got, true, nil
	}
	return data.EvaluationPeriod{Period: cur}, false, nil
}

// SetCapaian records the capaian kinerja organisasi of a period (empty
// clears it). The head of the office's rating hasil kerja follows it: the
// head's evaluation of that period, when stored and not yet final, gets the
// rating of the settings' HeadWorkRatings in the same step (see
// SetEvaluation). Other ratings are never changed.
func SetCapaian(st *store.Store, periodID string, c data.CapaianOrganisasi) (data.EvaluationPeriod, error) {
	if c != "" && !c.Valid() {
		return data.EvaluationPeriod{}, &data.ValidationError{Problems: data.Problems{Errors: []data.FieldError{{Field: data.FieldCapaian,
			Message: fmt.Sprintf("Capaian kinerja organisasi %q tidak dikenali.", string(c))}}}}
	}
	p, err := PeriodByID(st, periodID)
	if err != nil {
		return p, err
	}
	p, err = st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
		p.Capaian = c
		return nil
	})
	if err != nil {
		return p, err
	}
	ctx, err := loadEvalContext(st, p.ID)
	if err != nil {
		return p, err
	}
	head := ctx.head
	if head == 0 || ctx.headRating() == "" {
		return p, nil
	}
	cur, found, err := st.Evaluation(p.ID, head)
	if err != nil || !found || cur.State == data.EvalFinal {
		return p, err
	}
	if _, err := SetEvaluation(st, p.ID, head, nil); err != nil {
		return p, fmt.Errorf("rating hasil kerja pimpinan mengikuti capaian: %w", err)
	}
	return p, nil
}

// SetRaterOverride records for one period who rates staffID in place of the
// default (a Plt or Plh); the zero RaterPair removes the override. A set
// rater or atasan must be another staff member; Acting must be empty, Plt or
// Plh. Final evaluations keep the raters frozen in them.
func SetRaterOverride(st *store.Store, periodID string, staffID uint64, pair data.RaterPair) (data.EvaluationPeriod, error) {
	p, err := PeriodByID(st, periodID)
	if err != nil {
		return p, err
	}
	if _, err := st.StaffByID(staffID); err != nil {
		return p, err
	}
	for _, ref := range []data.RaterRef{pair.Rater, pair.Atasan} {
		if ref.Acting != "" && ref.Acting != data.ActingPlt && ref.Acting != data.ActingPlh {
			return p, fmt.Errorf("sebutan %q tidak dikenali; pilih Plt atau Plh", string(ref.Acting))
		}
		if !ref.IsSet() {
			continue
		}
		if ref.StaffID == staffID {
			return p, fmt.Errorf("pegawai tidak dapat menilai dirinya sendiri")
		}
		if _, err := st.StaffByID(ref.StaffID); err != nil {
			return p, fmt.Errorf("pejabat penilai: %w", err)
		}
	}
	return st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
		if pair == (data.RaterPair{}) {
			delete(p.RaterOverrides, staffID)
			return nil
		}
		if p.RaterOverrides == nil {
			p.RaterOverrides = map[uint64]data.RaterPair{}
		}
		p.RaterOverrides[staffID] = pair
		return nil
	})
}

// actingPosition returns the position as an acting official signs it:
// "Plt. Camat", "Plh. Kepala Seksi Pemerintahan"; unchanged for the
// definitive holder.
func actingPosition(a data.Acting, position string) string {
	if a == "" || strings.HasPrefix(position, string(a)+". ") {
		return position
	}
	return string(a) + ". " + position
}
