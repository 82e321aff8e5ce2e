package pdf

import (
	"math"
	"strconv"
	"strings"

	"kinerja/data"
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

// GroupNIP writes an 18-digit NIP PNS or NI PPPK in its printed groups, the
// same grouping the screens use (data.FormatNIP): "196804111993031009"
// becomes "19680411 199303 1 009" and the NI PPPK "199102262023211085"
// becomes "19910226 2023 21 1 085". Spaces, dots and dashes typed inside are
// ignored. Anything that is not 18 digits (an identifier of a non-ASN) comes
// back trimmed but unchanged. When the staff kind is known, GroupNIPOf is
// surer.
func GroupNIP(nip string) string {
	return data.FormatNIP(strings.TrimSpace(nip))
}

// GroupNIPOf groups the NIP of a staff member of kind k (data.FormatNIPOf):
// the kind, not the digits, tells a NI PPPK from a NIP PNS.
func GroupNIPOf(k data.Kind, nip string) string {
	return data.FormatNIPOf(k, nip)
}
