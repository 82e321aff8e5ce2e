package data

import (
	"fmt"
	"strings"
)

// ParseTimeOfDay reads a clock time the way people type it and returns
// minutes since midnight: "07:30", "07.30", "7.30", "7:30", "0815", "815",
// and with seconds "07:30:59" or "07.30.59" (seconds are dropped). Hours run
// 0–23, minutes and seconds 0–59 with two digits. Anything else is an error
// naming the input.
func ParseTimeOfDay(s string) (int, error) {
	if v, ok := parseClock(s); ok {
		return v, nil
	}
	s = strings.TrimSpace(s)
	return 0, fmt.Errorf("jam %q tidak dikenali; tulis seperti 07.30, 07:30 atau 0730", shorten(s))
}

// parseClock is ParseTimeOfDay without the error: ok is false for a text it
// does not accept. Reading a year of entries parses hundreds of thousands of
// times, so it allocates nothing.
func parseClock(s string) (int, bool) {
	if len(s) == 5 && (s[2] == ':' || s[2] == '.') {
		// The stored form "07:30" (and "07.30"), without the general parse.
		h, okH := digits(s[:2])
		m, okM := digits(s[3:])
		if okH && okM && h <= 23 && m <= 59 {
			return h*60 + m, true
		}
	}
	s = strings.TrimSpace(s)
	const bad = false
	if s == "" {
		return 0, bad
	}
	var h, m string
	if strings.Trim(s, "0123456789") == "" {
		if len(s) != 3 && len(s) != 4 {
			return 0, bad
		}
		h, m = s[:len(s)-2], s[len(s)-2:]
	} else {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == ':' || r == '.' })
		if len(parts) < 2 || len(parts) > 3 || strings.Count(s, ":")+strings.Count(s, ".") != len(parts)-1 {
			return 0, bad
		}
		h, m = parts[0], parts[1]
		if len(parts) == 3 {
			if v, ok := digits(parts[2]); !ok || len(parts[2]) != 2 || v > 59 {
				return 0, bad
			}
		}
	}
	hv, okH := digits(h)
	mv, okM := digits(m)
	if !okH || !okM || len(h) > 2 || len(m) != 2 || hv > 23 || mv > 59 {
		return 0, bad
	}
	return hv*60 + mv, true
}

// digits reads a non-empty run of ASCII digits (at most 4).
func digits(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		v = v*10 + int(s[i]-'0')
	}
	return v, true
}

// FormatClockDot writes minutes since midnight the Indonesian way, "07.30".
func FormatClockDot(min int) string {
	min = ((min % (24 * 60)) + 24*60) % (24 * 60)
	return fmt.Sprintf("%02d.%02d", min/60, min%60)
}

// FormatPukul writes a time for documents, "pukul 07.30".
func FormatPukul(min int) string { return "pukul " + FormatClockDot(min) }
