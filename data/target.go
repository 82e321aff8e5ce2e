package data

import (
	"strconv"
	"strings"
	"unicode"
)

// ParseTarget reads an SKP target written as a number and a unit, the way
// e-Kinerja asks for them: "12 dokumen" → 12, "dokumen"; "95%" → 95, "%";
// "2,5 jam" → 2.5, "jam"; "1.200 berkas" → 1200, "berkas"; "85" → 85, "".
// The number uses the Indonesian comma for decimals and dots between groups
// of three digits. ok is false for anything else (free text such as "Sesuai
// jadwal" or "Nilai 85"), which is kept as written.
func ParseTarget(s string) (value float64, unit string, ok bool) {
	s = strings.TrimSpace(s)
	end := 0
	for end < len(s) && (s[end] >= '0' && s[end] <= '9' || s[end] == '.' || s[end] == ',') {
		end++
	}
	num, rest := s[:end], strings.TrimSpace(s[end:])
	if num == "" || !validTargetNumber(num) {
		return 0, "", false
	}
	if rest != "" && !strings.HasPrefix(rest, "%") && end < len(s) && !unicode.IsSpace(rune(s[end])) {
		return 0, "", false // "12a" is not a number and a unit
	}
	if strings.IndexFunc(rest, unicode.IsDigit) >= 0 {
		return 0, "", false // "1 s.d. 3 hari": a range stays free text
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(num, ".", ""), ",", "."), 64)
	if err != nil {
		return 0, "", false
	}
	return v, strings.Join(strings.Fields(rest), " "), true
}

// validTargetNumber accepts digits with dot-separated groups of three and an
// optional decimal part after one comma: "12", "1.200", "2,5", "1.200,75".
func validTargetNumber(num string) bool {
	whole, frac, hasFrac := strings.Cut(num, ",")
	if hasFrac && (frac == "" || strings.ContainsAny(frac, ".,")) {
		return false
	}
	groups := strings.Split(whole, ".")
	if groups[0] == "" || len(groups[0]) > 3 && len(groups) > 1 {
		return false
	}
	for i, g := range groups {
		if g == "" || i > 0 && len(g) != 3 {
			return false
		}
	}
	return true
}
