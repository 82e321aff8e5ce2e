package data

import (
	"fmt"
	"strconv"
	"time"
)

// NIKLength is the number of digits of a NIK (Nomor Induk Kependudukan).
const NIKLength = 16

// nikFemaleOffset is added to the birth day in a woman's NIK.
const nikFemaleOffset = 40

// NIK is a parsed Nomor Induk Kependudukan: 6-digit region, birth date DDMMYY
// (DD+40 for women), 4-digit sequence.
type NIK struct {
	Digits     string     // the 16 digits, no separators
	Region     string     // digits 1–6: province, kabupaten/kota, kecamatan
	BirthDay   int        // day of birth, with the +40 for women removed
	BirthMonth time.Month // digits 9–10
	YY         int        // digits 11–12: the year of birth without its century
	Sex        Sex        // P when digits 7–8 are 41–71, otherwise L
	Sequence   string     // digits 13–16
}

// ParseNIK reads a NIK: 16 digits (spaces, dots and dashes ignored) whose digits
// 7–12 are a real day and month of birth. The century is not in the NIK, so 29
// February is accepted when some century makes it valid. The error is a
// FieldError on FieldNIK naming the first problem found.
func ParseNIK(s string) (NIK, error) {
	d := NormalizeNIP(s)
	if err := digitsError("NIK", d, NIKLength); err != nil {
		return NIK{}, err
	}
	n := NIK{Digits: d, Region: d[0:6], Sequence: d[12:16], Sex: SexMale}
	n.BirthDay, _ = strconv.Atoi(d[6:8])
	m, _ := strconv.Atoi(d[8:10])
	n.BirthMonth = time.Month(m)
	n.YY, _ = strconv.Atoi(d[10:12])
	if n.BirthDay > nikFemaleOffset {
		n.BirthDay -= nikFemaleOffset
		n.Sex = SexFemale
	}
	if !ValidDate(1900+n.YY, n.BirthMonth, n.BirthDay) && !ValidDate(2000+n.YY, n.BirthMonth, n.BirthDay) {
		return NIK{}, FieldError{Field: FieldNIK, Message: fmt.Sprintf(
			"Tanggal lahir pada NIK (digit 7–12, tanggal +40 untuk perempuan) tidak ada di kalender: %s.", d[6:12])}
	}
	return n, nil
}
