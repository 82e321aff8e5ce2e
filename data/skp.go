package data

import (
	"fmt"
	"strings"
)

// Approach is the approach of an SKP's hasil kerja, stated on every form
// (PermenPANRB 6/2022).
type Approach string

// The two approaches.
const (
	ApproachKuantitatif Approach = "kuantitatif"
	ApproachKualitatif  Approach = "kualitatif"
)

// Label returns "Kuantitatif" or "Kualitatif", or "" when unknown.
func (a Approach) Label() string {
	switch a {
	case ApproachKuantitatif:
		return "Kuantitatif"
	case ApproachKualitatif:
		return "Kualitatif"
	}
	return ""
}

// HasilKerjaKind says whether a hasil kerja row is Utama or Tambahan.
type HasilKerjaKind string

// The two kinds of hasil kerja.
const (
	HasilUtama    HasilKerjaKind = "utama"
	HasilTambahan HasilKerjaKind = "tambahan"
)

// Label returns "Utama" or "Tambahan", or "" when unknown.
func (k HasilKerjaKind) Label() string {
	switch k {
	case HasilUtama:
		return "Utama"
	case HasilTambahan:
		return "Tambahan"
	}
	return ""
}

// Aspek is the aspect an IKI measures.
type Aspek string

// The four aspects.
const (
	AspekKuantitas Aspek = "kuantitas"
	AspekKualitas  Aspek = "kualitas"
	AspekWaktu     Aspek = "waktu"
	AspekBiaya     Aspek = "biaya"
)

// Aspeks lists every Aspek in form order.
var Aspeks = []Aspek{AspekKuantitas, AspekKualitas, AspekWaktu, AspekBiaya}

// Label returns "Kuantitas", "Kualitas", "Waktu" or "Biaya", or "" when unknown.
func (a Aspek) Label() string {
	switch a {
	case AspekKuantitas:
		return "Kuantitas"
	case AspekKualitas:
		return "Kualitas"
	case AspekWaktu:
		return "Waktu"
	case AspekBiaya:
		return "Biaya"
	}
	return ""
}

// HasilKerja is one hasil kerja row of an SKP.
type HasilKerja struct {
	Kind        HasilKerjaKind `json:"kind"`
	RHKPimpinan string         `json:"rhk_pimpinan"` // Rencana Hasil Kerja Pimpinan yang Diintervensi
	RHK         string         `json:"rhk"`          // Rencana Hasil Kerja
	Aspek       Aspek          `json:"aspek,omitempty"`
	IKI         string         `json:"iki"` // Indikator Kinerja Individu
	Target      string         `json:"target"`
}

// PerilakuExpectation is the optional ekspektasi khusus pimpinan for one
// BerAKHLAK value; ValueIndex is the value's Number (1–7).
type PerilakuExpectation struct {
	ValueIndex int    `json:"value"`
	Ekspektasi string `json:"ekspektasi"`
}

// Lampiran is the annex that ends the SKP document.
type Lampiran struct {
	DukunganSumberDaya      []string `json:"dukungan_sumber_daya"`
	SkemaPertanggungjawaban []string `json:"skema_pertanggungjawaban"`
	Konsekuensi             []string `json:"konsekuensi"`
}

// SKP is the Sasaran Kinerja Pegawai of one employee for one post and date
// range: normally the calendar year, but a mid-year transfer or promotion
// starts a new SKP for the rest of the year (PermenPANRB 6/2022;
// docs/aturan.md §7.2). An SKP with no
// StaffID is a template for its Position.
type SKP struct {
	ID       uint64                `json:"id"`
	StaffID  uint64                `json:"staff_id,omitempty"`
	Start    Date                  `json:"start"`
	End      Date                  `json:"end"`
	Position string                `json:"position"`
	UnitID   uint64                `json:"unit_id,omitempty"`
	Approach Approach              `json:"approach"`
	Rows     []HasilKerja          `json:"rows"`
	Perilaku []PerilakuExpectation `json:"perilaku,omitempty"`
	Lampiran Lampiran              `json:"lampiran"`
}

// Field names of SKP problems. A row's field is FieldSKPRow(i, name), e.g.
// "hasil_kerja[2].iki" for the IKI of the second row.
const (
	FieldSKPStart    = "skp_start"
	FieldSKPEnd      = "skp_end"
	FieldSKPApproach = "approach"
	FieldSKPRows     = "hasil_kerja"
	FieldSKPPerilaku = "perilaku"
	FieldSKPLampiran = "lampiran"
)

// FieldSKPRow returns the field name of column name ("kind", "rhk_pimpinan",
// "rhk", "aspek", "iki", "target") of hasil kerja row i, counted from 1.
func FieldSKPRow(i int, name string) string {
	return fmt.Sprintf("%s[%d].%s", FieldSKPRows, i, name)
}

// IsTemplate reports whether s is a template for a position (no staff member).
func (s SKP) IsTemplate() bool { return s.StaffID == 0 }

// Overlaps reports whether the SKP's date range shares a day with period p.
func (s SKP) Overlaps(p Period) bool {
	return !s.Start.IsZero() && !s.End.IsZero() && !s.End.Before(p.Start) && !s.Start.After(p.End)
}

// ValidateSKP returns the problems of an SKP. Errors: missing dates (except on
// templates), an end before the start, no position, no approach, no hasil kerja
// row, a row without kind, RHK, IKI or target, an unknown aspek, and perilaku
// expectations outside values 1–7 or given twice, and a text longer than its
// Batas isian (docs/aturan.md §10.1). Warnings: a range across two
// calendar years, no Utama row, a row without RHK pimpinan, and a kuantitatif
// row without aspek. Row messages name the row: "Baris 2 hasil kerja: IKI
// wajib diisi."
func ValidateSKP(s SKP) Problems {
	var p Problems
	fail := func(field, msg string) { p.Errors = append(p.Errors, FieldError{Field: field, Message: msg}) }
	warn := func(field, msg string) { p.Warnings = append(p.Warnings, FieldError{Field: field, Message: msg}) }
	blank := func(v string) bool { return strings.TrimSpace(v) == "" }

	if !s.IsTemplate() || !s.Start.IsZero() || !s.End.IsZero() {
		switch {
		case s.Start.IsZero():
			fail(FieldSKPStart, "Tanggal mulai SKP wajib diisi.")
		case s.End.IsZero():
			fail(FieldSKPEnd, "Tanggal selesai SKP wajib diisi.")
		case s.End.Before(s.Start):
			fail(FieldSKPEnd, "Tanggal selesai SKP tidak boleh sebelum tanggal mulai.")
		case s.End.Year() != s.Start.Year():
			warn(FieldSKPEnd, "SKP melewati pergantian tahun; biasanya satu SKP berlaku dalam satu tahun.")
		}
	}
	if blank(s.Position) {
		fail(FieldPosition, "Jabatan wajib diisi.")
	}
	p.checkLen(FieldPosition, "Jabatan", s.Position, MaxPositionRunes)
	if s.Approach.Label() == "" {
		fail(FieldSKPApproach, "Pendekatan hasil kerja (kuantitatif atau kualitatif) wajib dipilih.")
	}
	if len(s.Rows) == 0 {
		fail(FieldSKPRows, "SKP belum berisi hasil kerja.")
	}
	utama := false
	for i, r := range s.Rows {
		n := i + 1
		row := fmt.Sprintf("Baris %d hasil kerja: ", n)
		utama = utama || r.Kind == HasilUtama
		if r.Kind.Label() == "" {
			fail(FieldSKPRow(n, "kind"), row+"jenis (utama atau tambahan) wajib dipilih.")
		}
		if blank(r.RHKPimpinan) {
			warn(FieldSKPRow(n, "rhk_pimpinan"), row+"Rencana Hasil Kerja Pimpinan yang Diintervensi belum diisi.")
		}
		if blank(r.RHK) {
			fail(FieldSKPRow(n, "rhk"), row+"Rencana Hasil Kerja wajib diisi.")
		}
		switch {
		case r.Aspek != "" && r.Aspek.Label() == "":
			fail(FieldSKPRow(n, "aspek"), fmt.Sprintf("%saspek %q tidak dikenali; pilih kuantitas, kualitas, waktu atau biaya.", row, string(r.Aspek)))
		case r.Aspek == "" && s.Approach == ApproachKuantitatif:
			warn(FieldSKPRow(n, "aspek"), row+"aspek belum dipilih.")
		}
		if blank(r.IKI) {
			fail(FieldSKPRow(n, "iki"), row+"IKI wajib diisi.")
		}
		if blank(r.Target) {
			fail(FieldSKPRow(n, "target"), row+"target wajib diisi.")
		}
		for _, c := range []struct{ name, label, value string }{
			{"rhk_pimpinan", "RHK pimpinan", r.RHKPimpinan}, {"rhk", "RHK", r.RHK},
			{"iki", "IKI", r.IKI}, {"target", "target", r.Target},
		} {
			p.checkLen(FieldSKPRow(n, c.name), row+c.label, c.value, MaxNoteRunes)
		}
	}
	if len(s.Rows) > 0 && !utama {
		warn(FieldSKPRows, "Belum ada hasil kerja utama.")
	}
	seen := map[int]bool{}
	for _, e := range s.Perilaku {
		switch {
		case e.ValueIndex < 1 || e.ValueIndex > 7:
			fail(FieldSKPPerilaku, fmt.Sprintf("Ekspektasi perilaku untuk nilai ke-%d tidak ada; nilai BerAKHLAK bernomor 1 sampai 7.", e.ValueIndex))
		case seen[e.ValueIndex]:
			fail(FieldSKPPerilaku, fmt.Sprintf("Ekspektasi perilaku %s diisi lebih dari sekali.", BerAKHLAK()[e.ValueIndex-1].Name))
		}
		seen[e.ValueIndex] = true
		p.checkLen(FieldSKPPerilaku, fmt.Sprintf("Ekspektasi perilaku nilai ke-%d", e.ValueIndex), e.Ekspektasi, MaxNoteRunes)
	}
	for _, part := range []struct {
		label string
		items []string
	}{
		{"Lampiran dukungan sumber daya", s.Lampiran.DukunganSumberDaya},
		{"Lampiran skema pertanggungjawaban", s.Lampiran.SkemaPertanggungjawaban},
		{"Lampiran konsekuensi", s.Lampiran.Konsekuensi},
	} {
		for i, item := range part.items {
			p.checkLen(FieldSKPLampiran, fmt.Sprintf("%s butir %d", part.label, i+1), item, MaxNoteRunes)
		}
	}
	return p
}

// CopySKP returns a new SKP (ID 0, to be assigned when stored) for staff member
// staffID in position and unit from start to end, with the hasil kerja rows,
// approach, perilaku expectations and lampiran of from. Use it to copy last
// year's SKP, a colleague's SKP in the same position, or a template (staffID 0
// makes a template). The copy shares no slice with from.
func CopySKP(from SKP, staffID uint64, position string, unitID uint64, start, end Date) SKP {
	return SKP{
		StaffID:  staffID,
		Start:    start,
		End:      end,
		Position: position,
		UnitID:   unitID,
		Approach: from.Approach,
		Rows:     append([]HasilKerja(nil), from.Rows...),
		Perilaku: append([]PerilakuExpectation(nil), from.Perilaku...),
		Lampiran: Lampiran{
			DukunganSumberDaya:      append([]string(nil), from.Lampiran.DukunganSumberDaya...),
			SkemaPertanggungjawaban: append([]string(nil), from.Lampiran.SkemaPertanggungjawaban...),
			Konsekuensi:             append([]string(nil), from.Lampiran.Konsekuensi...),
		},
	}
}

// SKPForPeriod returns the SKP of staff member staffID that applies to period
// p: among the SKPs overlapping the period, the one that starts last (after a
// mid-year transfer, the new post's SKP). The bool is false when none overlaps.
func SKPForPeriod(skps []SKP, staffID uint64, p Period) (SKP, bool) {
	var best SKP
	found := false
	for _, s := range skps {
		if s.StaffID != staffID || staffID == 0 || !s.Overlaps(p) {
			continue
		}
		if !found || s.Start.After(best.Start) {
			best, found = s, true
		}
	}
	return best, found
}
