package service

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"kinerja/data"
)

// SettingEvaluation is the key under which the evaluation settings are stored.
const SettingEvaluation = "evaluation"

// EvaluationSettings returns the office's evaluation settings:
// data.DefaultEvaluationSettings until they are first saved, and any part
// missing from saved ones filled by WithDefaults.
func (svc *Service) EvaluationSettings() (data.EvaluationSettings, error) {
	var s data.EvaluationSettings
	found, err := svc.st.Setting(SettingEvaluation, &s)
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
func (svc *Service) SetEvaluationSettings(s data.EvaluationSettings) error {
	if errs := s.Validate(); len(errs) > 0 {
		return &data.ValidationError{Problems: data.Problems{Errors: errs}}
	}
	return svc.st.SetSetting(SettingEvaluation, s)
}

// CreatePeriod creates the period with id ("2026-Q3", "2026-11", "2026-S1",
// "2026") with the deadline of the settings (DeadlineDays after its end) and
// no capaian yet. A bad id wraps data.ErrInvalidPeriod; an existing one
// store.ErrPeriodExists.
func (svc *Service) CreatePeriod(id string) (data.EvaluationPeriod, error) {
	p, err := data.ParsePeriodID(id)
	if err != nil {
		return data.EvaluationPeriod{}, err
	}
	set, err := svc.EvaluationSettings()
	if err != nil {
		return data.EvaluationPeriod{}, err
	}
	ep := data.EvaluationPeriod{Period: p.WithDeadlineDays(set.DeadlineDays)}
	if err := svc.st.CreatePeriod(ep); err != nil {
		return data.EvaluationPeriod{}, err
	}
	return ep, nil
}

// CreatePeriodsUpTo creates the periods of the office's cadence in today's
// year that have started by today and are not stored yet, and returns the
// ones it created, in date order. The annual period is created by
// CreatePeriod when the office holds the annual evaluation.
func (svc *Service) CreatePeriodsUpTo(today data.Date) ([]data.EvaluationPeriod, error) {
	set, err := svc.EvaluationSettings()
	if err != nil {
		return nil, err
	}
	var made []data.EvaluationPeriod
	for _, p := range data.PeriodsOfYear(today.Year(), set.Cadence) {
		if p.Kind != set.Cadence || p.Start.After(today) {
			continue
		}
		if _, err := svc.st.Period(p.ID); err == nil {
			continue
		}
		ep, err := svc.CreatePeriod(p.ID)
		if err != nil {
			return made, err
		}
		made = append(made, ep)
	}
	return made, nil
}

// Periods returns every stored period in the order people read them
// (data.ComparePeriods: by date, the annual Akhir last within its year), for
// "period list", the pickers and the exports.
func (svc *Service) Periods() ([]data.EvaluationPeriod, error) {
	ps, err := svc.st.Periods()
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(ps, func(a, b data.EvaluationPeriod) int { return data.ComparePeriods(a.Period, b.Period) })
	return ps, nil
}

// PeriodByID returns the stored period with id (a lower-case q or s is
// accepted), or an error wrapping data.ErrNotFound naming "period create".
func (svc *Service) PeriodByID(id string) (data.EvaluationPeriod, error) {
	if p, err := data.ParsePeriodID(id); err == nil {
		id = p.ID
	}
	p, err := svc.st.Period(id)
	if err != nil {
		return p, fmt.Errorf("periode %s belum dibuat (buat dengan \"kinerja period create %s\"): %w", id, id, data.ErrNotFound)
	}
	return p, nil
}

// CurrentPeriod returns the period of the office's cadence that contains
// today, as stored; stored is false when it was not created yet (the
// returned period then carries its default dates and the settings' deadline).
func (svc *Service) CurrentPeriod(today data.Date) (p data.EvaluationPeriod, stored bool, err error) {
	set, err := svc.EvaluationSettings()
	if err != nil {
		return p, false, err
	}
	cur := data.CurrentPeriod(today, set.Cadence).WithDeadlineDays(set.DeadlineDays)
	if got, err := svc.st.Period(cur.ID); err == nil {
		return got, true, nil
	}
	return data.EvaluationPeriod{Period: cur}, false, nil
}

// SetCapaian records the capaian kinerja organisasi of a period (empty
// clears it). The head of the office's rating hasil kerja follows it: the
// head's evaluation of that period, when stored and not yet final, gets the
// rating of the settings' HeadWorkRatings in the same step (see
// SetEvaluation). Other ratings are never changed.
func (svc *Service) SetCapaian(periodID string, c data.CapaianOrganisasi) (data.EvaluationPeriod, error) {
	if c != "" && !c.Valid() {
		return data.EvaluationPeriod{}, &data.ValidationError{Problems: data.Problems{Errors: []data.FieldError{{Field: data.FieldCapaian,
			Message: fmt.Sprintf("Capaian kinerja organisasi %q tidak dikenali.", string(c))}}}}
	}
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return p, err
	}
	p, err = svc.st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
		p.Capaian = c
		return nil
	})
	if err != nil {
		return p, err
	}
	ctx, err := svc.loadEvalContext(p.ID)
	if err != nil {
		return p, err
	}
	head := ctx.head
	if head == 0 || ctx.headRating() == "" {
		return p, nil
	}
	cur, found, err := svc.st.Evaluation(p.ID, head)
	if err != nil || !found || cur.State == data.EvalFinal {
		return p, err
	}
	if _, err := svc.SetEvaluation(p.ID, head, nil); err != nil {
		return p, fmt.Errorf("rating hasil kerja pimpinan mengikuti capaian: %w", err)
	}
	return p, nil
}

// SetRaterOverride records for one period who rates staffID in place of the
// default (a Plt or Plh); the zero RaterPair removes the override. A set
// rater or atasan must be another staff member; Acting must be empty, Plt or
// Plh. Final evaluations keep the raters frozen in them.
func (svc *Service) SetRaterOverride(periodID string, staffID uint64, pair data.RaterPair) (data.EvaluationPeriod, error) {
	p, err := svc.checkRaterPair(periodID, staffID, pair)
	if err != nil {
		return p, err
	}
	return svc.st.UpdatePeriod(p.ID, func(p *data.EvaluationPeriod) error {
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

// checkRaterPair reads the period and checks a rater override for staffID:
// the person exists; a set rater or atasan is another existing staff member;
// Acting is empty, Plt or Plh.
func (svc *Service) checkRaterPair(periodID string, staffID uint64, pair data.RaterPair) (data.EvaluationPeriod, error) {
	p, err := svc.PeriodByID(periodID)
	if err != nil {
		return p, err
	}
	if _, err := svc.st.StaffByID(staffID); err != nil {
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
			return p, errors.New("pegawai tidak dapat menilai dirinya sendiri")
		}
		if _, err := svc.st.StaffByID(ref.StaffID); err != nil {
			return p, fmt.Errorf("pejabat penilai: %w", err)
		}
	}
	return p, nil
}
