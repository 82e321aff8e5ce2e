package pdf

import (
	"math"
	"strconv"
	"strings"
	"unicode"
)

// FormatNumber writes n the Indonesian way, with a point between thousands:
// 2345 becomes "2.345" and -1234567 becomes "-1.234.567".
func FormatNumber(n int64) string {
	digits := strconv.FormatInt(n, 10)
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	return sign + groupThousands(digits)
}

// FormatDecimal writes v with the given number of decimals the Indonesian way,
// a comma before the decimals and a point between thousands: (97.5, 1) gives
// "97,5" and (1234.567, 2) gives "1.234,57". A negative places counts as 0; a
// value that is not a number or infinite gives "-".
func FormatDecimal(v float64, places int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "-"
	}
	if places < 0 {
		places = 0
	}
	text := strconv.FormatFloat(v, 'f', places, 64)
	sign := ""
	if strings.HasPrefix(text, "-") {
		sign, text = "-", text[1:]
		if strings.Trim(text, "0.") == "" {
			sign = ""
		}
	}
	whole, fraction, hasFraction := strings.Cut(text, ".")
	out := sign + groupThousands(whole)
	if hasFraction {
		out += "," + fraction
	}
	return out
}

// groupThousands puts a point between every three digits from the right.
func groupThousands(digits string) string {
	if len(digits) <= 3 {
		return digits
	}
	var b strings.Builder
	head := len(digits) % 3
	if head > 0 {
		b.WriteString(digits[:head])
	}
	for i := head; i < len(digits); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// GroupNIP writes an 18-digit NIP in its printed groups — birth date, TMT
// CPNS month, sex, serial: "196804111993031009" becomes
// "19680411 199303 1 009". Anything that is not 18 digits (an NIPPPK typed
// with spaces, an identifier of a non-ASN) comes back trimmed but unchanged.
func GroupNIP(nip string) string {
	nip = strings.TrimSpace(nip)
	if len(nip) != 18 || strings.IndexFunc(nip, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
		return nip
	}
	return nip[:8] + " " + nip[8:14] + " " + nip[14:15] + " " + nip[15:]
}
