package assets

import (
	"bytes"
	_ "embed"
	"fmt"

	"kinerja/data"
)

// ramadanCSV is ramadan/ramadan.csv: the Ramadan ranges of the shipped
// years, confirmed or estimated, with their sources in the comments and the
// source column, in the shape data.ParseRamadanCSV reads.
//
//go:embed ramadan/ramadan.csv
var ramadanCSV []byte

// RamadanPeriods returns the shipped Ramadan ranges sorted by start, to seed
// AttendanceSettings.RamadanPeriods (the admin edits them after the sidang
// isbat). A shipped file that does not parse is an error naming it.
func RamadanPeriods() ([]data.RamadanPeriod, error) {
	ps, err := data.ParseRamadanCSV(bytes.NewReader(ramadanCSV))
	if err != nil {
		return nil, fmt.Errorf("rentang Ramadan bawaan ramadan/ramadan.csv: %w", err)
	}
	return ps, nil
}
