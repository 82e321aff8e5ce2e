package main

import (
	"fmt"
	"sort"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/data/store"
)

// demoEndedPeriods is how many ended periods the demo evaluates at least.
const demoEndedPeriods = 3

// fillDemoEvaluations adds the evaluation history of the demo office: the
// periods of the office's cadence in this year up to today (and the last
// ones of the previous year while fewer than three have ended), an SKP for
// every evaluated staff member for each year involved, and the evaluations
// of data.DemoEvaluations for the ended periods with their capaian.
func fillDemoEvaluations(st *store.Store, opt data.DemoOptions) error {
	today := opt.Today
	if today.IsZero() {
		today = data.Today()
	}
	if _, err := service.CreatePeriodsUpTo(st, today); err != nil {
		return fmt.Errorf("periode demo: %w", err)
	}
	set, err := service.EvaluationSettings(st)
	if err != nil {
		return err
	}
	ended, err := demoPeriodsToEvaluate(st, today, set.Cadence)
	if err != nil {
		return err
	}
	staff, err := st.AllStaff()
	if err != nil {
		return err
	}
	units, err := st.Units()
	if err != nil {
		return err
	}
	var skps []data.SKP
	years := map[int]bool{today.Year(): true}
	for _, p := range ended {
		years[p.Year()] = true
	}
	for year := range years {
		skps = append(skps, data.DemoSKPs(staff, year)...)
	}
	saved, err := st.SaveSKPs(skps)
	if err != nil {
		return fmt.Errorf("SKP demo: %w", err)
	}
	demo := data.DemoEvaluations(data.DemoEvaluationOptions{Staff: staff, Units: units, SKPs: saved, Periods: ended, Today: today, Seed: opt.Seed})
	for id, c := range demo.Capaian {
		if _, err := service.SetCapaian(st, id, c); err != nil {
			return fmt.Errorf("capaian demo %s: %w", id, err)
		}
	}
	if err := st.SaveEvaluations(demo.Evaluations, demo.Revisions); err != nil {
		return fmt.Errorf("penilaian demo: %w", err)
	}
	return nil
}

// demoPeriodsToEvaluate returns the ended periods of the cadence, in date
// order, creating those of the previous year needed to have at least
// demoEndedPeriods.
func demoPeriodsToEvaluate(st *store.Store, today data.Date, cadence data.PeriodKind) ([]data.Period, error) {
	var ended []data.Period
	for _, p := range data.PeriodsOfYear(today.Year(), cadence) {
		if p.Kind == cadence && p.End.Before(today) {
			ended = append(ended, p)
		}
	}
	previous := data.PeriodsOfYear(today.Year()-1, cadence)
	for i := len(previous) - 1; i >= 0 && len(ended) < demoEndedPeriods; i-- {
		p := previous[i]
		if p.Kind != cadence {
			continue
		}
		if _, err := service.CreatePeriod(st, p.ID); err != nil {
			return nil, fmt.Errorf("periode demo %s: %w", p.ID, err)
		}
		ended = append(ended, p)
	}
	sort.Slice(ended, func(i, j int) bool { return ended[i].Start.Before(ended[j].Start) })
	for i, p := range ended {
		stored, err := st.Period(p.ID)
		if err != nil {
			return nil, err
		}
		ended[i] = stored.Period
	}
	return ended, nil
}
