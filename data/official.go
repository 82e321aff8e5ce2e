package data

import (
	"fmt"
	"strings"
)

// Official is a person outside the office's staff register who signs or
// reviews its evaluations: the Camat's own Pejabat Penilai Kinerja at the
// kabupaten, or the Atasan Pejabat Penilai Kinerja of a Kasi when that is the
// Camat's superior (PermenPANRB 6/2022: the rater and the atasan may sit in
// another unit). The office keeps a small register of them so that an
// evaluation can point at one by ID instead of retyping the identity.
type Official struct {
	ID       uint64 `json:"id"`
	Name     string `json:"name"`     // with gelar as written
	NIP      string `json:"nip"`      // 18 digits, stored without separators; may be empty for a non-ASN official
	Rank     string `json:"rank"`     // pangkat/golongan ruang: "Pembina Utama Muda (IV/c)"
	Position string `json:"position"` // jabatan: "Sekretaris Daerah Kabupaten Bandung"
	Agency   string `json:"agency"`   // instansi/unit kerja: "Pemerintah Kabupaten Bandung"
	// Inactive hides the official from new choices; evaluations that name
	// the official keep printing the identity.
	Inactive bool `json:"inactive,omitempty"`
}

// FieldAgency is the FieldError.Field of an official's instansi/unit kerja.
const FieldAgency = "agency"

// Normalize trims every text and removes the spaces, dots and dashes typed
// inside the NIP.
func (o Official) Normalize() Official {
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	o.NIP = NormalizeNIP(strings.TrimSpace(o.NIP))
	o.Rank = strings.TrimSpace(o.Rank)
	o.Position = strings.TrimSpace(o.Position)
	o.Agency = strings.TrimSpace(o.Agency)
	return o
}

// Validate returns the problems of an official as typed: name, jabatan and
// instansi are required; a NIP, when given, is 18 digits (a NIP PNS or NI
// PPPK, Perka BKN 22/2007). The checks of ParseNIP on birth date and TMT are
// not applied: the office cannot correct another instansi's register. No text
// is longer than its Batas isian (the name may carry gelar).
func (o Official) Validate() []FieldError {
	o = o.Normalize()
	var errs []FieldError
	if o.Name == "" {
		errs = append(errs, FieldError{Field: FieldName, Message: "Nama pejabat wajib diisi."})
	}
	if o.NIP != "" {
		if err := digitsError("NIP", o.NIP, NIPLength); err != nil {
			errs = append(errs, FieldError{Field: FieldNIP, Message: "NIP pejabat: " + err.Error()})
		}
	}
	if o.Position == "" {
		errs = append(errs, FieldError{Field: FieldPosition, Message: "Jabatan pejabat wajib diisi."})
	}
	if o.Agency == "" {
		errs = append(errs, FieldError{Field: FieldAgency, Message: "Instansi/unit kerja pejabat wajib diisi."})
	}
	return append(errs, lenErrors(
		lenCheck{FieldName, "Nama pejabat", o.Name, MaxNameRunes + 2*MaxGelarRunes},
		lenCheck{FieldRank, "Pangkat/golongan pejabat", o.Rank, MaxPositionRunes},
		lenCheck{FieldPosition, "Jabatan pejabat", o.Position, MaxPositionRunes},
		lenCheck{FieldAgency, "Instansi/unit kerja pejabat", o.Agency, MaxPositionRunes},
	)...)
}

// Identity returns the official as printed in an identity block of the
// evaluation form; the instansi stands as the unit kerja.
func (o Official) Identity() Identity {
	return Identity{Name: o.Name, NIP: o.NIP, Rank: o.Rank, Position: o.Position, Unit: o.Agency}
}

// String names the official for a choice list: "Name — Position".
func (o Official) String() string {
	if o.Position == "" {
		return o.Name
	}
	return fmt.Sprintf("%s — %s", o.Name, o.Position)
}

// OfficialRef points at an official of the register as the Pejabat Penilai
// Kinerja or the Atasan Pejabat Penilai Kinerja of an evaluation, beside
// RaterRef which points into the staff register. A zero ID names none.
type OfficialRef struct {
	OfficialID uint64 `json:"official_id,omitempty"`
	Acting     Acting `json:"acting,omitempty"`
}

// IsSet reports whether r names an official.
func (r OfficialRef) IsSet() bool { return r.OfficialID != 0 }

// ExternalRaters are the outside officials who rate or review one employee in
// one period. A set field wins over the RaterPair from the staff register.
type ExternalRaters struct {
	Rater  OfficialRef `json:"rater,omitzero"`
	Atasan OfficialRef `json:"atasan,omitzero"`
}

// ResolveIdentity returns the identity printed for a rater or atasan: the
// official when ref is set and found among officials, otherwise the staff
// identity given (staff, ok from the caller's lookup of the RaterPair). ok is
// false when neither names anyone, or ref names an unknown official.
func ResolveIdentity(ref OfficialRef, officials []Official, staff Identity, staffOK bool) (Identity, bool) {
	if ref.IsSet() {
		for _, o := range officials {
			if o.ID == ref.OfficialID {
				id := o.Identity()
				if ref.Acting != "" {
					id.Position = string(ref.Acting) + " " + id.Position
				}
				return id, true
			}
		}
		return Identity{}, false
	}
	return staff, staffOK
}
