package data

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// ParseClock reads a clock time as typed or found in a file — "07:30", "7:30",
// "07.30", "07:30:59" (seconds are dropped) — and returns minutes since midnight.
func ParseClock(s string) (int, error) {
	s = strings.TrimSpace(s)
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '.' })
	if len(parts) < 2 || len(parts) > 3 || strings.Count(s, ":")+strings.Count(s, ".") != len(parts)-1 {
		return 0, fmt.Errorf("jam %q tidak dikenali; tulis seperti 07:30", s)
	}
	limits := []int{23, 59, 59}
	vals := make([]int, len(parts))
	for i, p := range parts {
		v, err := strconv.Atoi(p)
		if err != nil || strings.Trim(p, "0123456789") != "" || len(p) > 2 || (i > 0 && len(p) != 2) || v < 0 || v > limits[i] {
			return 0, fmt.Errorf("jam %q tidak dikenali; tulis seperti 07:30", s)
		}
		vals[i] = v
	}
	return vals[0]*60 + vals[1], nil
}

// FormatClock writes minutes since midnight as "07:30".
func FormatClock(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }

// ErrNoHours is returned when times are checked against a day without working hours.
var ErrNoHours = errors.New("hari ini bukan hari kerja; tidak ada jam kerja untuk dibandingkan")

// ComputeMinutes returns the minutes late (arrival after the day's start) and
// short (departure before the day's end) of an entry. Arriving exactly at the
// start is not late; one minute after is 1 minute late; likewise for leaving.
// A time that is not recorded or unreadable gives 0 for its side.
//
// Deprecated: use DeriveDay, which also handles times not recorded.
func ComputeMinutes(e DayEntry, h DayHours) (late, early int) {
	if in, err := ParseClock(e.In); e.In != "" && err == nil {
		late = max(0, in-h.Start)
	}
	if out, err := ParseClock(e.Out); e.Out != "" && err == nil {
		early = max(0, h.End-out)
	}
	return late, early
}

// ApplyTimes fills the minutes of an entry from its In and Out against the
// day's hours and, when the entry is H, TL, PSW or not yet coded, sets the code
// the times show: TL when late (the minutes short are still kept), else PSW
// when leaving early, else H. Other codes keep their code and get no minutes.
//
// Deprecated: minutes are derived when read (DeriveDay), not stored.
func ApplyTimes(e DayEntry, h DayHours) (DayEntry, error) {
	if !h.Works() {
		return e, ErrNoHours
	}
	for _, v := range []string{e.In, e.Out} {
		if _, err := ParseClock(v); v != "" && err != nil {
			return e, err
		}
	}
	switch e.Code {
	case "", CodeH, CodeTL, CodePSW:
	default:
		e.LateMinutes, e.EarlyMinutes = 0, 0
		return e, nil
	}
	e.LateMinutes, e.EarlyMinutes = ComputeMinutes(e, h)
	switch {
	case e.LateMinutes > 0:
		e.Code = CodeTL
	case e.EarlyMinutes > 0:
		e.Code = CodePSW
	case e.In != "" || e.Out != "":
		e.Code = CodeH
	}
	return e, nil
}

// entryIsLate reports whether the entry counts as a late arrival: coded TL, or
// coded H or PSW with minutes late recorded.
func entryIsLate(e DayEntry) bool {
	return e.Code == CodeTL || ((e.Code == CodeH || e.Code == CodePSW) && e.LateMinutes > 0)
}

// entryIsEarly reports whether the entry counts as an early departure: coded PSW,
// or coded H or TL with minutes short recorded.
func entryIsEarly(e DayEntry) bool {
	return e.Code == CodePSW || ((e.Code == CodeH || e.Code == CodeTL) && e.EarlyMinutes > 0)
}
