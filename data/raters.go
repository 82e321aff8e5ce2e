package data

import "sort"

// Acting marks a rater who holds the post temporarily: Plt (pelaksana tugas)
// or Plh (pelaksana harian). Empty means the definitive holder.
type Acting string

// The two kinds of acting official.
const (
	ActingPlt Acting = "Plt"
	ActingPlh Acting = "Plh"
)

// RaterRef points at the staff member who rates (or reviews) an evaluation.
// StaffID 0 means none inside the office (the Camat is rated outside it).
type RaterRef struct {
	StaffID uint64 `json:"staff_id,omitempty"`
	Acting  Acting `json:"acting,omitempty"`
}

// IsSet reports whether r names a staff member.
func (r RaterRef) IsSet() bool { return r.StaffID != 0 }

// RaterPair is the Pejabat Penilai Kinerja (Rater) and the Atasan Pejabat
// Penilai Kinerja (Atasan, the rater's own superior, who decides objections)
// of one employee.
type RaterPair struct {
	Rater  RaterRef `json:"rater"`
	Atasan RaterRef `json:"atasan"`
}

// DefaultRaters returns, for every staff member who is evaluated (ASN) and
// active on day on, the default rater pair from the unit structure
// (PermenPANRB 6/2022; docs/aturan.md §7.8):
//   - staff of a unit are rated by its head (Unit.HeadStaffID): pelaksana and
//     fungsional of a subbagian or seksi by the Kasubbag or Kasi;
//   - the head of a subbagian (Kasubbag) is rated by the head of the
//     sekretariat (Sekcam); the heads of a seksi and of the sekretariat (Kasi,
//     Sekcam) by the head of the pimpinan unit (Camat); the head of a unit of
//     another kind by the head of its parent unit;
//   - the head of the pimpinan unit (Camat) has no rater inside the office;
//   - a vacant post (no head, or a head not active on that day) passes the
//     rating one level up: staff of a seksi without a Kasi are rated by the
//     Camat;
//   - the Atasan is the rater's own default rater.
//
// A person whose unit is unknown gets an empty pair. Plt/Plh appointments are
// applied afterwards with ApplyRaterOverrides.
func DefaultRaters(staff []Staff, units []Unit, on Date) map[uint64]RaterPair {
	t := newRaterTree(staff, units, on)
	out := make(map[uint64]RaterPair)
	for _, s := range staff {
		if !s.Kind.Evaluated() || !t.active[s.ID] {
			continue
		}
		rater := t.raterOf(s.ID)
		pair := RaterPair{Rater: RaterRef{StaffID: rater}}
		if rater != 0 {
			pair.Atasan = RaterRef{StaffID: t.raterOf(rater)}
		}
		out[s.ID] = pair
	}
	return out
}

// ApplyRaterOverrides returns a copy of pairs with the per-person overrides of
// one period applied (a Plt or Plh who rates in place of the usual head). An
// override's set Rater replaces the rater; its set Atasan replaces the atasan.
// When an override names a rater but no atasan, the atasan becomes the new
// rater's own rater (after that person's override, if any). pairs and
// overrides are not changed.
func ApplyRaterOverrides(pairs, overrides map[uint64]RaterPair) map[uint64]RaterPair {
	out := make(map[uint64]RaterPair, len(pairs))
	for id, p := range pairs {
		out[id] = p
	}
	raterOf := func(id uint64) RaterRef {
		if o := overrides[id]; o.Rater.IsSet() {
			return o.Rater
		}
		return pairs[id].Rater
	}
	for id, o := range overrides {
		p := out[id]
		if o.Rater.IsSet() {
			p.Rater = o.Rater
			p.Atasan = raterOf(o.Rater.StaffID)
		}
		if o.Atasan.IsSet() {
			p.Atasan = o.Atasan
		}
		out[id] = p
	}
	return out
}

// raterTree answers "who rates this person" over the unit structure on one day.
type raterTree struct {
	units       map[uint64]Unit
	active      map[uint64]bool
	unitOf      map[uint64]uint64 // staff id → unit id on the day
	headed      map[uint64]Unit   // staff id → the highest unit the person heads
	leadership  uint64            // the pimpinan unit, 0 when absent
	secretariat uint64            // the sekretariat unit, 0 when absent
}

// unitLevel orders unit kinds from the top of the structure down.
var unitLevel = map[UnitKind]int{UnitLeadership: 0, UnitSecretariat: 1, UnitSection: 2, UnitSubsection: 3, UnitOther: 4}

func newRaterTree(staff []Staff, units []Unit, on Date) raterTree {
	t := raterTree{units: map[uint64]Unit{}, active: map[uint64]bool{}, unitOf: map[uint64]uint64{}, headed: map[uint64]Unit{}}
	for _, s := range staff {
		sit := s.At(on)
		t.active[s.ID] = sit.Active
		t.unitOf[s.ID] = sit.UnitID
	}
	sorted := append([]Unit(nil), units...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].ID < sorted[j].ID })
	for _, u := range sorted {
		t.units[u.ID] = u
		if !u.Inactive && u.Kind == UnitLeadership && t.leadership == 0 {
			t.leadership = u.ID
		}
		if !u.Inactive && u.Kind == UnitSecretariat && t.secretariat == 0 {
			t.secretariat = u.ID
		}
		if h := u.HeadStaffID; h != 0 && t.active[h] {
			if cur, ok := t.headed[h]; !ok || levelOf(u.Kind) < levelOf(cur.Kind) {
				t.headed[h] = u
			}
		}
	}
	return t
}

func levelOf(k UnitKind) int {
	if l, ok := unitLevel[k]; ok {
		return l
	}
	return len(unitLevel)
}

// superior returns the unit whose head rates the head of u.
func (t raterTree) superior(u Unit) (Unit, bool) {
	var id uint64
	switch u.Kind {
	case UnitLeadership:
		return Unit{}, false
	case UnitSecretariat, UnitSection:
		id = t.leadership
	case UnitSubsection:
		id = t.secretariat
		if p, ok := t.units[u.ParentID]; ok && p.Kind == UnitSecretariat {
			id = p.ID
		}
		if id == 0 {
			id = t.leadership
		}
	default:
		id = t.leadership
		if _, ok := t.units[u.ParentID]; ok && u.ParentID != u.ID {
			id = u.ParentID
		}
	}
	s, ok := t.units[id]
	return s, ok && id != u.ID
}

// raterOf returns the staff id of the person's default rater, or 0.
func (t raterTree) raterOf(person uint64) uint64 {
	u, ok := t.units[t.unitOf[person]]
	if h, heads := t.headed[person]; heads {
		u, ok = t.superior(h)
	}
	for steps := 0; ok && steps <= len(t.units); steps++ {
		if h := u.HeadStaffID; h != 0 && h != person && t.active[h] {
			return h
		}
		u, ok = t.superior(u)
	}
	return 0
}
