package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// NIPLength is the number of digits of a NIP PNS and of a NI PPPK (Perka BKN 22/2007).
const NIPLength = 18

// minBirthYear is the earliest birth year a NIP may carry; anything older is a typing error.
const minBirthYear = 1900

// PPPKCodes maps the known 2-digit codes of a NI PPPK (digits 13–14) to the
// kind they were seen for (not confirmed; docs/aturan.md §1.3). An unknown
// code is only a warning.
var PPPKCodes = map[string]Kind{
	"21": KindPPPK,
	"24": KindPPPKParuhWaktu,
}

// NIP is a parsed NIP PNS or NI PPPK.
type NIP struct {
	Digits    string // the 18 digits, no separators
	BirthDate Date   // digits 1–8
	TMTYear   int    // digits 9–12: year of TMT CPNS (PNS) or TMT PPPK
	TMTMonth  int    // digits 13–14 for PNS; 0 for PPPK
	Sex       Sex    // digit 15: 1 = L, 2 = P
	Sequence  int    // digits 16–18
	Code      string // PPPK only: digits 13–14 ("21" PPPK, "24" PPPK paruh waktu); "" for PNS
}

// NormalizeNIP removes the spaces, dots and dashes people type inside a NIP or NIK
// ("19680411 199303 1 009" becomes "196804111993031009"). Other characters stay,
// so a letter still fails the parse.
func NormalizeNIP(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || unicode.Is(unicode.Pd, r) {
			return -1
		}
		return r
	}, s)
}

// FormatNIP prints a NIP grouped as on official documents: a NIP PNS as
// "19680411 199303 1 009" and a NI PPPK as "19900101 2022 21 1 001". The two are
// told apart by digits 13–14: a month 01–12 means PNS, anything else (the PPPK
// codes 21 and 24 are never months) means PPPK. Input that is not 18 digits after
// NormalizeNIP is returned unchanged.
func FormatNIP(digits string) string {
	d := NormalizeNIP(digits)
	if !allDigits(d, NIPLength) {
		return digits
	}
	if m, _ := strconv.Atoi(d[12:14]); m >= 1 && m <= 12 {
		return d[0:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:18]
	}
	return d[0:8] + " " + d[8:12] + " " + d[12:14] + " " + d[14:15] + " " + d[15:18]
}

// FormatNIPOf prints the NIP or NI PPPK of a staff member of kind k grouped
// as FormatNIP does, but tells PNS from PPPK by the kind instead of digits
// 13–14, so a NI PPPK with a code that looks like a month is still grouped
// "19910226 2023 21 1 085". Any other kind (Non-ASN, unknown) falls back to
// FormatNIP. Every printed document and every screen groups NIPs with these
// two functions.
func FormatNIPOf(k Kind, nip string) string {
	d := NormalizeNIP(strings.TrimSpace(nip))
	if !allDigits(d, NIPLength) {
		return strings.TrimSpace(nip)
	}
	switch {
	case k.IsPPPK():
		return d[0:8] + " " + d[8:12] + " " + d[12:14] + " " + d[14:15] + " " + d[15:18]
	case k == KindPNS || k == KindCPNS:
		return d[0:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:18]
	}
	return FormatNIP(d)
}

// ParseNIP reads a NIP PNS (also used by CPNS): 18 digits, a real birth date in
// digits 1–8, a TMT CPNS month (digits 9–14) not before the month of the 18th
// birthday and not after the month of today (a zero today skips that check), sex
// digit 1 or 2, and sequence 001–999. Spaces, dots and dashes are ignored. The
// error is a FieldError on FieldNIP naming the first problem found.
func ParseNIP(s string, today Date) (NIP, error) {
	n, err := parseNIPHead(s)
	if err != nil {
		return NIP{}, err
	}
	d := n.Digits
	n.TMTYear, _ = strconv.Atoi(d[8:12])
	n.TMTMonth, _ = strconv.Atoi(d[12:14])
	if n.TMTMonth < 1 || n.TMTMonth > 12 {
		msg := fmt.Sprintf("TMT CPNS pada NIP (digit 9–14) bukan bulan yang sah: %s.", d[8:14])
		if kind, ok := PPPKCodes[d[12:14]]; ok {
			msg += fmt.Sprintf(" Nomor ini tampaknya NI %s (kode %s); pilih jenis pegawai yang sesuai.", kind, d[12:14])
		}
		return NIP{}, nipError(msg)
	}
	adultYear, birthMonth := n.BirthDate.Year()+18, n.BirthDate.Month()
	if monthIndex(n.TMTYear, n.TMTMonth) < monthIndex(adultYear, int(birthMonth)) {
		return NIP{}, nipError(fmt.Sprintf("TMT CPNS pada NIP (%s %d) sebelum bulan pegawai berusia 18 tahun (%s %d).",
			MonthNames[n.TMTMonth-1], n.TMTYear, MonthNames[birthMonth-1], adultYear))
	}
	if !today.IsZero() && monthIndex(n.TMTYear, n.TMTMonth) > monthIndex(today.Year(), int(today.Month())) {
		return NIP{}, nipError(fmt.Sprintf("TMT CPNS pada NIP (%s %d) belum tiba; periksa digit 9–14.",
			MonthNames[n.TMTMonth-1], n.TMTYear))
	}
	if err := n.parseTail(true); err != nil {
		return NIP{}, err
	}
	return n, nil
}

// ParseNIPPPPK reads a NI PPPK: 18 digits made of a birth date YYYYMMDD, the
// year of TMT PPPK, a 2-digit code, the sex digit and a 3-digit sequence. Digits
// 1–12 and 15 are checked as ParseNIP checks them (the TMT year not before the
// year of the 18th birthday nor after today's year). A code not in PPPKCodes is
// returned as a warning on FieldNIP, not an error.
func ParseNIPPPPK(s string, today Date) (NIP, []FieldError, error) {
	n, err := parseNIPHead(s)
	if err != nil {
		return NIP{}, nil, err
	}
	d := n.Digits
	n.TMTYear, _ = strconv.Atoi(d[8:12])
	if adult := n.BirthDate.Year() + 18; n.TMTYear < adult {
		return NIP{}, nil, nipError(fmt.Sprintf("Tahun TMT pada NI PPPK (digit 9–12) %d sebelum pegawai berusia 18 tahun (tahun %d).",
			n.TMTYear, adult))
	}
	if !today.IsZero() && n.TMTYear > today.Year() {
		return NIP{}, nil, nipError(fmt.Sprintf("Tahun TMT pada NI PPPK (digit 9–12) %d belum tiba.", n.TMTYear))
	}
	if err := n.parseTail(false); err != nil {
		return NIP{}, nil, err
	}
	n.Code = d[12:14]
	var warnings []FieldError
	if _, ok := PPPKCodes[n.Code]; !ok {
		warnings = append(warnings, FieldError{Field: FieldNIP, Message: fmt.Sprintf(
			"Kode pada NI PPPK (digit 13–14) %q tidak dikenal; yang dikenal 21 (PPPK) dan 24 (PPPK paruh waktu).", n.Code)})
	}
	return n, warnings, nil
}

// parseNIPHead checks the length and digits 1–8 shared by NIP PNS and NI PPPK.
func parseNIPHead(s string) (NIP, error) {
	d := NormalizeNIP(s)
	if err := digitsError("NIP", d, NIPLength); err != nil {
		return NIP{}, err
	}
	y, _ := strconv.Atoi(d[0:4])
	m, _ := strconv.Atoi(d[4:6])
	day, _ := strconv.Atoi(d[6:8])
	if !ValidDate(y, time.Month(m), day) {
		return NIP{}, nipError(fmt.Sprintf("Tanggal lahir pada NIP (digit 1–8) tidak ada di kalender: %s.", d[0:8]))
	}
	if y < minBirthYear {
		return NIP{}, nipError(fmt.Sprintf("Tahun lahir pada NIP (digit 1–4) tidak masuk akal: %s.", d[0:4]))
	}
	return NIP{Digits: d, BirthDate: NewDate(y, time.Month(m), day)}, nil
}

// parseTail reads the sex digit and the sequence; checkSequence refuses 000.
func (n *NIP) parseTail(checkSequence bool) error {
	d := n.Digits
	switch d[14] {
	case '1':
		n.Sex = SexMale
	case '2':
		n.Sex = SexFemale
	default:
		return nipError(fmt.Sprintf("Digit ke-15 NIP (jenis kelamin) harus 1 atau 2, tertulis %c.", d[14]))
	}
	n.Sequence, _ = strconv.Atoi(d[15:18])
	if checkSequence && n.Sequence == 0 {
		return nipError("Nomor urut pada NIP (digit 16–18) harus 001–999, tertulis 000.")
	}
	return nil
}

// digitsError returns a FieldError unless d is exactly want ASCII digits.
func digitsError(label, d string, want int) error {
	if allDigits(d, want) {
		return nil
	}
	for _, r := range d {
		if r < '0' || r > '9' {
			return FieldError{Field: fieldFor(label), Message: fmt.Sprintf(
				"%s hanya boleh berisi angka; ditemukan %q.", label, r)}
		}
	}
	return FieldError{Field: fieldFor(label), Message: fmt.Sprintf(
		"%s harus %d digit angka (tertulis %d).", label, want, len(d))}
}

func fieldFor(label string) string {
	if label == "NIK" {
		return FieldNIK
	}
	return FieldNIP
}

// allDigits reports whether s is exactly n ASCII digits.
func allDigits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func nipError(msg string) error { return FieldError{Field: FieldNIP, Message: msg} }

// monthIndex orders year-month pairs.
func monthIndex(y, m int) int { return y*12 + m - 1 }
