package data

import (
	"fmt"
	"math"
)

// AttendanceSettings are the office's attendance settings, edited in
// Pengaturan: the work week and its hours, the Ramadan date ranges, the
// attendance codes, the TPP deduction table and the PP 94/2021 count. Every
// part is configurable (docs/aturan.md §10); DefaultAttendanceSettings gives
// the defaults.
type AttendanceSettings struct {
	Schedule Schedule `json:"schedule"`
	// Ramadan lists the Ramadan date ranges; their dates move every year and
	// are entered by the admin, so none are set by default.
	Ramadan    []DateRange        `json:"ramadan,omitempty"`
	Codes      Codes              `json:"codes"`
	TPP        TPPRules           `json:"tpp"`
	Discipline DisciplineSettings `json:"discipline"`
}

// DefaultAttendanceSettings returns DefaultSchedule, no Ramadan ranges,
// DefaultCodes, DefaultTPPRules and DefaultDisciplineSettings.
func DefaultAttendanceSettings() AttendanceSettings {
	return AttendanceSettings{
		Schedule:   DefaultSchedule(),
		Codes:      DefaultCodes(),
		TPP:        DefaultTPPRules(),
		Discipline: DefaultDisciplineSettings(),
	}
}

// WithDefaults fills the parts of s that were never set (an empty code list,
// a week without any working day, empty TPP bands, a conversion without
// hours) from DefaultAttendanceSettings, so a settings record written by an
// older version still works.
func (s AttendanceSettings) WithDefaults() AttendanceSettings {
	def := DefaultAttendanceSettings()
	if s.Schedule.WeekMinutes() == 0 {
		s.Schedule = def.Schedule
	}
	if len(s.Codes) == 0 {
		s.Codes = def.Codes
	}
	if len(s.TPP.Late) == 0 && len(s.TPP.Early) == 0 && s.TPP.AbsentPercent == 0 {
		s.TPP = def.TPP
	}
	if h := s.Discipline.HoursPerDay; !(h > 0) || math.IsInf(h, 0) {
		s.Discipline.HoursPerDay = def.Discipline.HoursPerDay
	}
	return s
}

// Check returns an Indonesian description of the first problem, or nil: a
// week with at least one working day, valid hours, Ramadan ranges with both
// dates in order, a valid code list that still holds the codes the rules
// need (H, TK and CT), a valid TPP table and positive hours per day.
func (s AttendanceSettings) Check() error {
	if err := s.Schedule.Check(); err != nil {
		return fmt.Errorf("jadwal kerja: %w", err)
	}
	if s.Schedule.WeekMinutes() == 0 {
		return fmt.Errorf("jadwal kerja: paling sedikit satu hari kerja dalam seminggu")
	}
	for i, r := range s.Ramadan {
		if r.From.IsZero() || r.To.IsZero() || r.To.Before(r.From) {
			return fmt.Errorf("rentang Ramadan ke-%d: tanggal awal dan akhir harus diisi berurutan", i+1)
		}
	}
	if err := s.Codes.Check(); err != nil {
		return fmt.Errorf("kode kehadiran: %w", err)
	}
	for _, need := range []string{CodeH, CodeTK, CodeCT} {
		if _, ok := s.Codes.Lookup(need); !ok {
			return fmt.Errorf("kode kehadiran: kode %s dipakai aturan rekap dan tidak boleh dihapus", need)
		}
	}
	if err := s.TPP.Check(); err != nil {
		return fmt.Errorf("potongan TPP: %w", err)
	}
	if h := s.Discipline.HoursPerDay; !(h > 0) || math.IsInf(h, 0) {
		return fmt.Errorf("disiplin: jam per hari harus lebih dari 0")
	}
	return nil
}

// Calendar returns the calendar of these settings with the given holidays.
func (s AttendanceSettings) Calendar(holidays []Holiday) Calendar {
	return Calendar{Schedule: s.Schedule, Ramadan: s.Ramadan, Holidays: holidays}
}

// LeaveOpening is the cuti tahunan balance a person had available in the year
// the office started tracking leave in Kinerja (see LeaveHistory).
type LeaveOpening struct {
	Year int `json:"year"`
	Days int `json:"days"`
}

// Check returns an Indonesian description of what is wrong, or nil: a year
// from 2000 to 2100 and 0 to MaxLongUnusedDays days.
func (o LeaveOpening) Check() error {
	if o.Year < 2000 || o.Year > 2100 {
		return fmt.Errorf("tahun saldo awal cuti %d tidak wajar", o.Year)
	}
	if o.Days < 0 || o.Days > MaxLongUnusedDays {
		return fmt.Errorf("saldo awal cuti tahunan harus 0 sampai %d hari", MaxLongUnusedDays)
	}
	return nil
}
