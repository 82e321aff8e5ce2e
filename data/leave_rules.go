package data

import (
	"fmt"
	"strings"
)

// Rule names the attendance or leave rule a RuleError or warning comes from.
type Rule string

// The rules CodeAllowed, CheckLeave, CheckDayEntry and LongSickRuns apply.
const (
	RuleUnknownCode      Rule = "kode_tidak_dikenal"    // the code is not in the office's list
	RulePPPKLeave        Rule = "cuti_pppk"             // PPPK: only CT, CS, CM and cuti bersama (PP 49/2018)
	RuleNonASNCodes      Rule = "kode_non_asn"          // Non-ASN: only the absence codes the office allows
	RuleCutiBesarService Rule = "cuti_besar_masa_kerja" // cuti besar after 5 years of continuous service (PP 11/2017)
	RuleAnnualBalance    Rule = "saldo_cuti_tahunan"    // cuti tahunan within the balance (PP 11/2017)
	RuleLeaveRange       Rule = "rentang_cuti"          // the leave range holds no day to record
	RuleSickLetter       Rule = "sakit_surat_dokter"    // S is for one day; longer is CS with a doctor's letter
	RuleNonWorkingDay    Rule = "bukan_hari_kerja"      // only presence (piket) is recorded on a day off
	RuleServiceUnknown   Rule = "masa_kerja_tidak_diketahui"
)

// RuleError is an attendance entry or leave refused (or, as a warning,
// questioned) by a named rule, with an Indonesian message that names it.
type RuleError struct {
	Rule    Rule   `json:"rule"`
	Code    string `json:"code,omitempty"`
	Message string `json:"message"`
}

func (e *RuleError) Error() string { return e.Message }

func ruleErr(rule Rule, code, format string, args ...any) *RuleError {
	return &RuleError{Rule: rule, Code: code, Message: fmt.Sprintf(format, args...)}
}

// CutiBesarServiceYears is the continuous service needed for cuti besar (PP 11/2017).
const CutiBesarServiceYears = 5

// MaxSickDays is the longest run of working days S (sakit) stands for;
// longer is cuti sakit (CS) with a doctor's letter.
const MaxSickDays = 1

// pppkLeaveCodes are the only leave codes for PPPK (PP 49/2018): cuti
// tahunan, cuti sakit and cuti melahirkan; cuti bersama is a holiday.
var pppkLeaveCodes = map[string]bool{CodeCT: true, CodeCS: true, CodeCM: true}

// CodeAllowed returns nil when the code may be recorded for staff of kind k
// under these settings, else a *RuleError: an unknown code; for PPPK a leave
// code other than CT, CS and CM, or one marked NotForPPPK; for Non-ASN an
// excused or leave code not in NonASNCodes.
func (s AttendanceSettings) CodeAllowed(code string, k Kind) error {
	c, ok := s.Codes.Lookup(code)
	if !ok {
		return ruleErr(RuleUnknownCode, code, "kode %q tidak ada dalam daftar kode kehadiran", code)
	}
	switch {
	case k.IsPPPK() && (c.NotForPPPK || (c.Category == CategoryLeave && !pppkLeaveCodes[c.Code])):
		return ruleErr(RulePPPKLeave, c.Code, "%s tidak berlaku untuk %s: PPPK hanya berhak atas cuti tahunan, cuti sakit, "+
			"cuti melahirkan dan cuti bersama (PP 49/2018)", c.FullLabel(), k)
	case k == KindNonASN && (c.Category == CategoryExcused || c.Category == CategoryLeave):
		allowed := s.NonASNCodes
		if allowed == nil {
			allowed = DefaultNonASNCodes()
		}
		for _, a := range allowed {
			if strings.EqualFold(strings.TrimSpace(a), c.Code) {
				return nil
			}
		}
		return ruleErr(RuleNonASNCodes, c.Code, "%s tidak berlaku untuk Non-ASN: kantor hanya mengizinkan %s (Pengaturan)",
			c.FullLabel(), strings.Join(allowed, ", "))
	}
	return nil
}

// CodesForKind returns the codes that may be recorded for staff of kind k, in list order.
func (s AttendanceSettings) CodesForKind(k Kind) []Code {
	var out []Code
	for _, c := range s.Codes {
		if s.CodeAllowed(c.Code, k) == nil {
			out = append(out, c)
		}
	}
	return out
}

// LeaveRequest is a leave (or other absence) to record for one person over a
// range of dates, with what the rules need to know about the person.
type LeaveRequest struct {
	Code string `json:"code"`
	Kind Kind   `json:"kind"`
	From Date   `json:"from"`
	To   Date   `json:"to"`
	// ServiceStart is the start of continuous service (zero when unknown).
	ServiceStart Date `json:"service_start"`
	// Balance is the person's cuti tahunan of the year of From (LeaveBalance
	// with the leave already recorded); needed for CT.
	Balance *LeaveStatus `json:"balance,omitempty"`
}

// CheckLeave checks a leave request under the rules in force and returns the
// days it covers (LeaveDates: working days for CT, calendar days for the
// kinds counted so), warnings that do not block, and a *RuleError when it is
// refused: a code not allowed for the kind (CodeAllowed); a range out of
// order or without a day to record; cuti besar before five years of
// continuous service (PP 11/2017); cuti tahunan beyond the remaining
// balance, the balance named in the message. Warnings: S over more than one
// working day (use CS with a doctor's letter); cuti besar with the service
// start unknown; CT without a balance to check.
func CheckLeave(req LeaveRequest, r AttendanceRules) (days []Date, warnings []RuleError, err error) {
	if err := r.Settings.CodeAllowed(req.Code, req.Kind); err != nil {
		return nil, nil, err
	}
	c, _ := r.Settings.Codes.Lookup(req.Code)
	if req.From.IsZero() || req.To.IsZero() || req.To.Before(req.From) {
		return nil, nil, ruleErr(RuleLeaveRange, c.Code, "%s: tanggal mulai dan selesai harus diisi berurutan", c.FullLabel())
	}
	days = LeaveDates(c, DateRange{From: req.From, To: req.To}, r.Calendar)
	if len(days) == 0 {
		return nil, nil, ruleErr(RuleLeaveRange, c.Code, "%s %s–%s tidak memuat satu pun hari kerja", c.FullLabel(), req.From.Long(), req.To.Long())
	}
	switch c.Code {
	case CodeCB:
		if req.ServiceStart.IsZero() {
			warnings = append(warnings, *ruleErr(RuleServiceUnknown, c.Code,
				"tanggal mulai masa kerja belum diisi; cuti besar hanya bagi yang telah bekerja %d tahun terus-menerus (PP 11/2017)", CutiBesarServiceYears))
		} else if eligible := req.ServiceStart.AddYears(CutiBesarServiceYears); req.From.Before(eligible) {
			return nil, nil, ruleErr(RuleCutiBesarService, c.Code,
				"cuti besar baru dapat diberikan setelah %d tahun bekerja terus-menerus (PP 11/2017): masa kerja sejak %s, hak mulai %s",
				CutiBesarServiceYears, req.ServiceStart.Long(), eligible.Long())
		}
	case CodeCT:
		if req.Balance == nil {
			warnings = append(warnings, *ruleErr(RuleAnnualBalance, c.Code, "saldo cuti tahunan belum dihitung; jumlah hari tidak diperiksa"))
		} else if len(days) > req.Balance.Remaining {
			return nil, nil, ruleErr(RuleAnnualBalance, c.Code,
				"cuti tahunan %d hari kerja melebihi sisa cuti tahunan %d: %d hari (hak %d, sisa tahun lalu %d, piket cuti bersama %d, "+
					"sudah diambil %d; PP 11/2017)", len(days), req.Balance.Year, max(0, req.Balance.Remaining),
				req.Balance.Entitlement+req.Balance.OpeningDays, req.Balance.Carried, req.Balance.Piket, req.Balance.Taken)
		}
	case CodeS:
		if n := r.Calendar.WorkingDays(req.From, req.To); n > MaxSickDays {
			warnings = append(warnings, *sickWarning(n))
		}
	}
	return days, warnings, nil
}

func sickWarning(n int) *RuleError {
	return ruleErr(RuleSickLetter, CodeS, "sakit %d hari kerja berturut-turut: kode S hanya untuk %d hari; "+
		"catat sebagai CS — Cuti Sakit dengan surat keterangan dokter", n, MaxSickDays)
}

// SickRun is a run of consecutive working days coded S longer than MaxSickDays.
type SickRun struct {
	From    Date      `json:"from"`
	To      Date      `json:"to"`
	Days    int       `json:"days"`
	Warning RuleError `json:"warning"`
}

// LongSickRuns lists, in date order, the runs of consecutive working days
// coded S longer than MaxSickDays in one person's months (any order; days
// off inside a run do not break it, a working day otherwise coded or not
// entered does), each with its warning to use CS with a doctor's letter.
func LongSickRuns(months []AttendanceMonth, r AttendanceRules) []SickRun {
	byMonth := map[int]AttendanceMonth{}
	lo, hi := 0, -1
	for _, m := range months {
		i := monthIndexOf(m.Year, m.Month)
		byMonth[i] = m
		if hi < lo || i < lo {
			lo = i
		}
		if i > hi {
			hi = i
		}
	}
	var out []SickRun
	var cur SickRun
	flush := func() {
		if cur.Days > MaxSickDays {
			cur.Warning = *sickWarning(cur.Days)
			out = append(out, cur)
		}
		cur = SickRun{}
	}
	for i := lo; i <= hi; i++ {
		m, ok := byMonth[i]
		if !ok {
			flush()
			continue
		}
		for _, d := range r.Calendar.WorkingDaysIn(m.Year, m.Month) {
			e, entered := m.Days[d.Day()]
			if !entered || DeriveDay(d, e, r).Code != CodeS {
				flush()
				continue
			}
			if cur.Days == 0 {
				cur.From = d
			}
			cur.To = d
			cur.Days++
		}
	}
	flush()
	return out
}

// CheckDayEntry checks one entry of date d for staff of kind k under the
// rules in force: the code (when given) must be allowed for the kind
// (CodeAllowed), the times readable (ParseTimeOfDay), and on a day that is not
// a working day only presence may be recorded (piket). A missing letter
// number or grantor is a warning, as in CheckEntry.
func CheckDayEntry(d Date, e DayEntry, r AttendanceRules, k Kind) Problems {
	var p Problems
	code := strings.ToUpper(strings.TrimSpace(e.Code))
	if code != "" {
		if err := r.Settings.CodeAllowed(code, k); err != nil {
			p.Errors = append(p.Errors, FieldError{FieldCode, err.Error()})
		}
	}
	for _, f := range []struct{ field, label, value string }{{FieldIn, "jam datang", e.In}, {FieldOut, "jam pulang", e.Out}, {FieldIn, "jam sidik jari", e.Punch}} {
		if _, err := ParseTimeOfDay(f.value); strings.TrimSpace(f.value) != "" && err != nil {
			p.Errors = append(p.Errors, FieldError{f.field, f.label + ": " + err.Error()})
		}
	}
	if code == "" && strings.TrimSpace(e.In+e.Out+e.Punch) == "" {
		p.Errors = append(p.Errors, FieldError{FieldCode, "kode kehadiran atau jam wajib diisi"})
	}
	if len(p.Errors) > 0 {
		return p
	}
	if f := DeriveDay(d, e, r); !f.Working && !f.Piket {
		p.Errors = append(p.Errors, FieldError{FieldCode, fmt.Sprintf("%s bukan hari kerja: hanya kehadiran (piket/lembur) yang dapat dicatat, bukan %s",
			d.Long(), r.Settings.Codes.CodeLabel(code))})
	}
	c, ok := r.Settings.Codes.Lookup(code)
	if ok && c.NeedsLetter && strings.TrimSpace(e.Letter) == "" {
		what := "nomor surat"
		if c.Code == CodeDL {
			what = "nomor Surat Perintah Tugas"
		}
		p.Warnings = append(p.Warnings, FieldError{FieldLetter, what + " untuk " + c.FullLabel() + " belum diisi"})
	}
	if ok && c.NeedsGrantor && strings.TrimSpace(e.GrantedBy) == "" {
		p.Warnings = append(p.Warnings, FieldError{FieldGrantedBy, "pejabat pemberi " + c.FullLabel() + " belum diisi"})
	}
	return p
}
