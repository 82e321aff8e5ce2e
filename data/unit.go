package data

// UnitKind is the place of a unit in the kecamatan's structure.
type UnitKind string

// The kinds of unit (PP 17/2018).
const (
	UnitLeadership  UnitKind = "pimpinan"    // the Camat
	UnitSecretariat UnitKind = "sekretariat" // headed by the Sekretaris Kecamatan
	UnitSubsection  UnitKind = "subbagian"   // inside the sekretariat, headed by a Kasubbag
	UnitSection     UnitKind = "seksi"       // headed by a Kasi
	UnitOther       UnitKind = "lainnya"
)

// UnitKinds lists every UnitKind in display order.
var UnitKinds = []UnitKind{UnitLeadership, UnitSecretariat, UnitSubsection, UnitSection, UnitOther}

// Unit is a unit kerja of the office. Units are configurable; a unit that is no
// longer used is marked Inactive, never deleted, so history keeps its name.
type Unit struct {
	ID          uint64   `json:"id"`
	Name        string   `json:"name"`
	Kind        UnitKind `json:"kind"`
	ParentID    uint64   `json:"parent_id,omitempty"`
	HeadStaffID uint64   `json:"head_staff_id,omitempty"`
	Inactive    bool     `json:"inactive,omitempty"`
}

// DefaultUnits returns the typical unit set (PP 17/2018; docs/aturan.md §1.7), with IDs 1..n
// already assigned and parents linked: the Camat's leadership unit, the
// Sekretariat with its two subbagian, and five seksi.
func DefaultUnits() []Unit {
	return []Unit{
		{ID: 1, Name: "Pimpinan Kecamatan", Kind: UnitLeadership},
		{ID: 2, Name: "Sekretariat", Kind: UnitSecretariat, ParentID: 1},
		{ID: 3, Name: "Subbagian Umum dan Kepegawaian", Kind: UnitSubsection, ParentID: 2},
		{ID: 4, Name: "Subbagian Perencanaan dan Keuangan", Kind: UnitSubsection, ParentID: 2},
		{ID: 5, Name: "Seksi Pemerintahan", Kind: UnitSection, ParentID: 1},
		{ID: 6, Name: "Seksi Ketenteraman dan Ketertiban Umum", Kind: UnitSection, ParentID: 1},
		{ID: 7, Name: "Seksi Ekonomi dan Pembangunan", Kind: UnitSection, ParentID: 1},
		{ID: 8, Name: "Seksi Kesejahteraan Sosial", Kind: UnitSection, ParentID: 1},
		{ID: 9, Name: "Seksi Pelayanan Umum", Kind: UnitSection, ParentID: 1},
	}
}

// UnitName returns the name of the unit with id in units, or "" when absent.
func UnitName(units []Unit, id uint64) string {
	for _, u := range units {
		if u.ID == id {
			return u.Name
		}
	}
	return ""
}
