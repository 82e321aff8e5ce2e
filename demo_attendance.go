package main

import (
	"fmt"
	"strconv"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/data/store"
)

// fillDemoAttendance adds the demo's twelve months of attendance up to
// opt.Today (data.DemoAttendance) in one transaction, and maps machine PIN
// 1, 2, 3… to the staff in register order so a fingerprint log can be tried.
func fillDemoAttendance(st *store.Store, opt data.DemoOptions) error {
	cal, err := service.Calendar(st)
	if err != nil {
		return err
	}
	staff, err := st.AllStaff()
	if err != nil {
		return err
	}
	today := opt.Today
	if today.IsZero() {
		today = data.Today()
	}
	months := data.DemoAttendance(staff, cal, today, opt.Seed)
	if err := st.SaveAttendance(months); err != nil {
		return fmt.Errorf("menyimpan kehadiran demo: %w", err)
	}
	pins := make(map[string]uint64, len(staff))
	for i, s := range staff {
		pins[strconv.Itoa(i+1)] = s.ID
	}
	if err := st.MapPins(pins); err != nil {
		return fmt.Errorf("PIN mesin demo: %w", err)
	}
	return nil
}
