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
	Ramadan []DateRange `json:"ramadan,omitempty"`
	// RamadanPeriods are the Ramadan ranges with their status (confirmed by
	// the sidang isbat, or a hisab estimate) and source: seeded from the
	// shipped assets/ramadan file and editable like the holidays.
	RamadanPeriods []RamadanPeriod    `json:"ramadan_periods,omitempty"`
	Codes          Codes              `json:"codes"`
	TPP            TPPRules           `json:"tpp"`
	Discipline     DisciplineSettings `json:"discipline"`
	Punches        PunchSettings      `json:"punches"`
	// TPPKinds are the kinds of staff who receive TPP (the Perbup on TPP
	// decides); the others get no TPP figure. Nil means the default: PNS,
	// CPNS and PPPK.
	TPPKinds []Kind `json:"tpp_kinds"`
	// NonASNCodes are the codes of absence (categories excused and leave)
	// the office allows for Non-ASN staff, who have no PP 11/2017 leave.
	// Codes of the other categories are always allowed. Nil means the
	// default: S and I.
	NonASNCodes []string `json:"non_asn_codes"`
}

// PunchSettings are the settings for reading fingerprint-machine punches.
type PunchSettings struct {
	// WindowMinutes: punches of one person on one day no more than this many
	// minutes apart (a double tap) are one punch. 0 means the default, 10.
	WindowMinutes int `json:"window_minutes"`
}

// DefaultPunchWindowMinutes is the default PunchSettings.WindowMinutes.
const DefaultPunchWindowMinutes = 10

// MaxPunchWindowMinutes is the widest window PunchSettings.Check accepts.
const MaxPunchWindowMinutes = 120

// Window returns the window in minutes, the default when unset.
func (p PunchSettings) Window() int {
	if p.WindowMinutes <= 0 {
		return DefaultPunchWindowMinutes
	}
	return p.WindowMinutes
}

// DefaultTPPKinds returns the kinds who receive TPP by default: PNS, CPNS, PPPK.
func DefaultTPPKinds() []Kind { return []Kind{KindPNS, KindCPNS, KindPPPK} }

// DefaultNonASNCodes returns the absence codes allowed for Non-ASN by default: S and I.
func DefaultNonASNCodes() []string { return []string{CodeS, CodeI} }

// ReceivesTPP reports whether staff of kind k receive TPP under these settings.
func (s AttendanceSettings) ReceivesTPP(k Kind) bool {
	kinds := s.TPPKinds
	if kinds == nil {
		kinds = DefaultTPPKinds()
	}
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

// DefaultAttendanceSettings returns DefaultSchedule, no Ramadan ranges,
// DefaultCodes, DefaultTPPRules, DefaultDisciplineSettings, a punch window of
// 10 minutes, TPP for PNS, CPNS and PPPK, and S and I for Non-ASN.
func DefaultAttendanceSettings() AttendanceSettings {
	return AttendanceSettings{
		Schedule:    DefaultSchedule(),
		Codes:       DefaultCodes(),
		TPP:         DefaultTPPRules(),
		Discipline:  DefaultDisciplineSettings(),
		Punches:     PunchSettings{WindowMinutes: DefaultPunchWindowMinutes},
		TPPKinds:    DefaultTPPKinds(),
		NonASNCodes: DefaultNonASNCodes(),
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
	if s.Punches.WindowMinutes <= 0 {
		s.Punches.WindowMinutes = def.Punches.WindowMinutes
	}
	if s.TPPKinds == nil {
		s.TPPKinds = def.TPPKinds
	}
	if s.NonASNCodes == nil {
		s.NonASNCodes = def.NonASNCodes
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
	if m := s.Discipline.MissingPunchMinutes; m < 0 || m > 24*60 {
		return fmt.Errorf("disiplin: menit untuk jam tidak tercatat harus 0 sampai %d", 24*60)
	}
	if w := s.Punches.WindowMinutes; w < 0 || w > MaxPunchWindowMinutes {
		return fmt.Errorf("mesin sidik jari: jarak sentuhan yang dianggap satu harus 0 sampai %d menit", MaxPunchWindowMinutes)
	}
	for i, p := range s.RamadanPeriods {
		if err := p.Check(); err != nil {
			return fmt.Errorf("Ramadan baris %d: %w", i+1, err)
		}
	}
	for _, k := range s.TPPKinds {
		if !k.Valid() {
			return fmt.Errorf("penerima TPP: jenis pegawai %q tidak dikenal", k)
		}
	}
	for _, c := range s.NonASNCodes {
		if _, ok := s.Codes.Lookup(c); !ok {
			return fmt.Errorf("kode untuk Non-ASN: kode %q tidak ada dalam daftar kode kehadiran", c)
		}
	}
	return nil
}

// Calendar returns the calendar of these settings with the given holidays.
func (s AttendanceSettings) Calendar(holidays []Holiday) Calendar {
	return Calendar{Schedule: s.Schedule, Ramadan: s.Ramadan, RamadanPeriods: s.RamadanPeriods, Holidays: holidays}
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
