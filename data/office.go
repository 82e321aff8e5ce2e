package data

import "strings"

// Office is the identity of the kecamatan office, printed on every document.
type Office struct {
	Kecamatan string `json:"kecamatan"` // e.g. "Soreang"
	Kabupaten string `json:"kabupaten"` // e.g. "Bandung"
	Alamat    string `json:"alamat"`    // street address for the kop surat
	Kota      string `json:"kota"`      // town written before the date on signature lines
}

// IsSet reports whether the office identity has been entered.
func (o Office) IsSet() bool {
	return strings.TrimSpace(o.Kecamatan) != "" && strings.TrimSpace(o.Kabupaten) != ""
}

// FieldAlamat and FieldKota are the FieldError.Field of the office address and town.
const (
	FieldAlamat = "alamat"
	FieldKota   = "kota"
)

// Validate returns the problems of an office identity: kecamatan and
// kabupaten are required, and no text is longer than its Batas isian.
func (o Office) Validate() []FieldError {
	var errs []FieldError
	if strings.TrimSpace(o.Kecamatan) == "" {
		errs = append(errs, FieldError{Field: FieldKecamatan, Message: "Nama kecamatan wajib diisi."})
	}
	if strings.TrimSpace(o.Kabupaten) == "" {
		errs = append(errs, FieldError{Field: FieldKabupaten, Message: "Nama kabupaten wajib diisi."})
	}
	return append(errs, lenErrors(
		lenCheck{FieldKecamatan, "Nama kecamatan", o.Kecamatan, MaxNameRunes},
		lenCheck{FieldKabupaten, "Nama kabupaten", o.Kabupaten, MaxNameRunes},
		lenCheck{FieldAlamat, "Alamat kantor", o.Alamat, MaxAddressRunes},
		lenCheck{FieldKota, "Kota", o.Kota, MaxPlaceRunes},
	)...)
}
