package service

import (
	"fmt"

	"kinerja/data"
)

// RamadanAskDays is how many days before an estimated Ramadan period starts
// Beranda asks the admin to check it against the sidang isbat.
const RamadanAskDays = 60

// RamadanToConfirm returns the earliest Ramadan period that is still an
// estimate (data.RamadanEstimate) and starts within RamadanAskDays days of
// today or has started and not yet ended; ok is false when there is none.
// Nothing is written (the shipped ranges are seeded by Calendar on a
// writable file).
func (svc *Service) RamadanToConfirm(today data.Date) (p data.RamadanPeriod, ok bool, err error) {
	if _, err := svc.Calendar(); err != nil {
		return p, false, err
	}
	set, err := svc.st.AttendanceSettings()
	if err != nil {
		return p, false, fmt.Errorf("membaca pengaturan kehadiran: %w", err)
	}
	for _, q := range set.RamadanPeriods {
		if q.Status != data.RamadanEstimate || today.After(q.To) || today.AddDays(RamadanAskDays).Before(q.From) {
			continue
		}
		if !ok || q.From.Before(p.From) {
			p, ok = q, true
		}
	}
	return p, ok, nil
}

// ConfirmRamadan marks the Ramadan period of a Hijri year as fixed by the
// sidang isbat (data.RamadanConfirmed), keeping its dates, with source as
// where the dates come from (a default naming today when empty). The change
// is one audited settings update like any other.
func (svc *Service) ConfirmRamadan(hijriYear int, source string) error {
	if _, err := svc.Calendar(); err != nil {
		return err
	}
	set, err := svc.st.AttendanceSettings()
	if err != nil {
		return fmt.Errorf("membaca pengaturan kehadiran: %w", err)
	}
	if source == "" {
		source = "Sesuai sidang isbat; dikonfirmasi di Kinerja " + svc.today().Long()
	}
	for i, p := range set.RamadanPeriods {
		if p.HijriYear == hijriYear {
			set.RamadanPeriods[i].Status, set.RamadanPeriods[i].Source = data.RamadanConfirmed, source
			return svc.st.SetAttendanceSettings(set)
		}
	}
	return fmt.Errorf("Ramadan %d H tidak ada dalam pengaturan kehadiran", hijriYear)
}
