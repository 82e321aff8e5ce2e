package data

import (
	"sort"
	"strings"
)

// Kind is the kind of staff (jenis pegawai). All kinds share one register and
// stay separable in every report.
type Kind string

// The kinds of staff (docs/aturan.md §1.1).
const (
	KindPNS            Kind = "PNS"
	KindCPNS           Kind = "CPNS"
	KindPPPK           Kind = "PPPK"
	KindPPPKParuhWaktu Kind = "PPPK paruh waktu"
	KindNonASN         Kind = "Non-ASN"
)

// Kinds lists every kind in the order forms and reports show them.
var Kinds = []Kind{KindPNS, KindCPNS, KindPPPK, KindPPPKParuhWaktu, KindNonASN}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// IsASN reports whether staff of this kind are Aparatur Sipil Negara (PNS, CPNS, PPPK).
func (k Kind) IsASN() bool { return k.Valid() && k != KindNonASN }

// IsPPPK reports whether k is PPPK or PPPK paruh waktu.
func (k Kind) IsPPPK() bool { return k == KindPPPK || k == KindPPPKParuhWaktu }

// HasNIP reports whether staff of this kind carry an 18-digit NIP or NI PPPK.
func (k Kind) HasNIP() bool { return k.IsASN() }

// Evaluated reports whether staff of this kind are evaluated under PermenPANRB 6/2022.
func (k Kind) Evaluated() bool { return k.IsASN() }

// ParseKind reads a kind as people write it ("pns", "PPPK Paruh Waktu", "honorer").
// Honorer, TKK, THL and alih daya are all Non-ASN.
func ParseKind(s string) (Kind, bool) {
	n := strings.Join(strings.Fields(strings.ToLower(s)), " ")
	switch n {
	case "pns":
		return KindPNS, true
	case "cpns":
		return KindCPNS, true
	case "pppk", "p3k":
		return KindPPPK, true
	case "pppk paruh waktu", "pppk-pw", "pppk pw", "p3k paruh waktu":
		return KindPPPKParuhWaktu, true
	case "non-asn", "non asn", "nonasn", "honorer", "tkk", "thl", "alih daya", "outsourcing":
		return KindNonASN, true
	}
	return "", false
}

// Sex is the sex recorded for a staff member: "L" (laki-laki) or "P" (perempuan).
type Sex string

// The two values of Sex.
const (
	SexMale   Sex = "L"
	SexFemale Sex = "P"
)

// Label returns "Laki-laki" or "Perempuan".
func (s Sex) Label() string {
	switch s {
	case SexMale:
		return "Laki-laki"
	case SexFemale:
		return "Perempuan"
	}
	return ""
}

// ParseSex reads "L", "P", "laki-laki", "perempuan", "pria", "wanita" in any case.
func ParseSex(s string) (Sex, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "l", "lk", "laki-laki", "laki laki", "pria", "m":
		return SexMale, true
	case "p", "pr", "perempuan", "wanita", "f":
		return SexFemale, true
	}
	return "", false
}

// EventKind names a dated change in a staff member's history.
type EventKind string

// The kinds of history event.
const (
	EventStart    EventKind = "mulai"   // starts at this office: sets rank, position and unit
	EventRank     EventKind = "pangkat" // rank (golongan) change
	EventPosition EventKind = "jabatan" // position change
	EventTransfer EventKind = "mutasi"  // transfer to another unit of this office
	EventLeave    EventKind = "keluar"  // becomes Tidak aktif, with a LeaveReason
)

// LeaveReason says why a staff member became Tidak aktif.
type LeaveReason string

// The reasons for leaving the office.
const (
	LeaveRetireBUP LeaveReason = "Pensiun (BUP)"
	LeaveRetireAPS LeaveReason = "Pensiun (APS)"
	LeaveMoved     LeaveReason = "Pindah tugas"
	LeaveDismissed LeaveReason = "Diberhentikan"
	LeaveDied      LeaveReason = "Meninggal dunia"
)

// LeaveReasons lists every LeaveReason in display order.
var LeaveReasons = []LeaveReason{LeaveRetireBUP, LeaveRetireAPS, LeaveMoved, LeaveDismissed, LeaveDied}

// Event is one dated change in a staff member's history. Only the fields its
// Kind uses are set: Rank for EventRank, Position for EventPosition, UnitID for
// EventTransfer, all three for EventStart, Reason for EventLeave.
type Event struct {
	Date     Date        `json:"date"`
	Kind     EventKind   `json:"kind"`
	Rank     string      `json:"rank,omitempty"`
	Position string      `json:"position,omitempty"`
	UnitID   uint64      `json:"unit_id,omitempty"`
	Reason   LeaveReason `json:"reason,omitempty"`
	Letter   string      `json:"letter,omitempty"` // number of the SK or letter behind the change
	Note     string      `json:"note,omitempty"`
}

// Staff is one person in the register. A person is never deleted: leaving is an
// EventLeave in History. Rank, position and unit are not stored as plain fields;
// they follow from History (see At and Current) so that a report for a past
// period shows what the person held then.
type Staff struct {
	ID            uint64 `json:"id"`
	NIP           string `json:"nip,omitempty"` // 18 digits: NIP for PNS/CPNS, NI PPPK for PPPK
	NIK           string `json:"nik,omitempty"` // 16-digit population number; the identifier of Non-ASN staff
	Name          string `json:"name"`          // name without gelar
	GelarDepan    string `json:"gelar_depan,omitempty"`
	GelarBelakang string `json:"gelar_belakang,omitempty"`
	Kind          Kind   `json:"kind"`
	Sex           Sex    `json:"sex"`
	BirthPlace    string `json:"birth_place,omitempty"`
	BirthDate     Date   `json:"birth_date"`
	ContractStart Date   `json:"contract_start"` // PPPK only
	ContractEnd   Date   `json:"contract_end"`   // PPPK only
	// MismatchReason is the admin's recorded reason for keeping a NIP that
	// disagrees with the birth date or sex of the record (Perka BKN 22/2007;
	// docs/aturan.md §1.2).
	MismatchReason string  `json:"mismatch_reason,omitempty"`
	History        []Event `json:"history"`
}

// Situation is what a staff member held on a given day.
type Situation struct {
	Rank     string
	Position string
	UnitID   uint64
	Started  bool        // the person had started at this office by that day
	Active   bool        // started and not yet left
	Left     LeaveReason // set when the person had left by that day
	LeftOn   Date
}

// SortHistory orders History by date, keeping the order of same-day events.
func (s *Staff) SortHistory() {
	sort.SliceStable(s.History, func(i, j int) bool { return s.History[i].Date.Before(s.History[j].Date) })
}

// At returns what the person held at the end of day d, from History.
func (s Staff) At(d Date) Situation {
	var sit Situation
	for _, e := range s.sortedHistory() {
		if e.Date.After(d) {
			break
		}
		sit.apply(e)
	}
	return sit
}

// Current returns the situation after every recorded event, future-dated ones included.
func (s Staff) Current() Situation {
	var sit Situation
	for _, e := range s.sortedHistory() {
		sit.apply(e)
	}
	return sit
}

// sortedHistory returns the events in date order (equal dates in recorded
// order): History itself when it is in order already, as it almost always
// is, else a sorted copy. Callers only read it.
func (s Staff) sortedHistory() []Event {
	sorted := true
	for i := 1; i < len(s.History) && sorted; i++ {
		sorted = !s.History[i].Date.Before(s.History[i-1].Date)
	}
	if sorted {
		return s.History
	}
	h := append([]Event(nil), s.History...)
	sort.SliceStable(h, func(i, j int) bool { return h[i].Date.Before(h[j].Date) })
	return h
}

func (sit *Situation) apply(e Event) {
	switch e.Kind {
	case EventStart:
		sit.Rank, sit.Position, sit.UnitID = e.Rank, e.Position, e.UnitID
		sit.Started, sit.Active, sit.Left, sit.LeftOn = true, true, "", Date{}
	case EventRank:
		sit.Rank = e.Rank
	case EventPosition:
		sit.Position = e.Position
	case EventTransfer:
		sit.UnitID = e.UnitID
	case EventLeave:
		sit.Active, sit.Left, sit.LeftOn = false, e.Reason, e.Date
	}
}

// StartDate returns the date of the first EventStart, or the zero Date.
func (s Staff) StartDate() Date {
	for _, e := range s.sortedHistory() {
		if e.Kind == EventStart {
			return e.Date
		}
	}
	return Date{}
}

// DisplayName returns the name with gelar as typed: "Drs. H. Asep Saepudin, M.Si.".
func (s Staff) DisplayName() string {
	n := strings.TrimSpace(s.Name)
	if g := strings.TrimSpace(s.GelarDepan); g != "" {
		n = g + " " + n
	}
	if g := strings.TrimSpace(s.GelarBelakang); g != "" {
		n += ", " + g
	}
	return n
}

// Identifier returns the NIP, or the NIK for staff without a NIP.
func (s Staff) Identifier() string {
	if s.NIP != "" {
		return s.NIP
	}
	return s.NIK
}
