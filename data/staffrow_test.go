package data

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

var rowToday = NewDate(2026, time.November, 28)

// sampleImportStaff returns valid staff of every kind, as an import would
// build them (ID 0, a start event, a leave event for the one who left).
func sampleImportStaff() []Staff {
	return []Staff{
		{NIP: "196804111993031009", Name: "Asep Saepudin", GelarDepan: "Drs. H.", GelarBelakang: "M.Si.",
			Kind: KindPNS, Sex: SexMale, BirthPlace: "Bandung", BirthDate: NewDate(1968, time.April, 11),
			History: []Event{{Kind: EventStart, Date: NewDate(2020, time.January, 2), Rank: "IV/a", Position: "Camat", UnitID: 1}}},
		{NIP: "197502152000032001", NIK: "3204015502750001", Name: "Siti Nurhayati", GelarBelakang: "S.E.",
			Kind: KindPNS, Sex: SexFemale, BirthPlace: "Garut", BirthDate: NewDate(1975, time.February, 15),
			History: []Event{{Kind: EventStart, Date: NewDate(2015, time.July, 1), Rank: "III/d", Position: "Kepala Subbagian Umum dan Kepegawaian", UnitID: 3}}},
		{NIP: "199001012022211001", Name: "Dedi Kurniawan", GelarBelakang: "S.Kom.",
			Kind: KindPPPK, Sex: SexMale, BirthPlace: "Soreang", BirthDate: NewDate(1990, time.January, 1),
			ContractStart: NewDate(2022, time.March, 1), ContractEnd: NewDate(2027, time.February, 28),
			History: []Event{{Kind: EventStart, Date: NewDate(2022, time.March, 1), Rank: "IX", Position: "Pranata Komputer Ahli Pertama", UnitID: 5}}},
		{NIP: "199203102024241005", Name: "Rudi Hartono",
			Kind: KindPPPKParuhWaktu, Sex: SexMale, BirthDate: NewDate(1992, time.March, 10),
			ContractStart: NewDate(2025, time.January, 1), ContractEnd: NewDate(2025, time.December, 31),
			History: []Event{{Kind: EventStart, Date: NewDate(2025, time.January, 1), Position: "Operator Layanan Operasional", UnitID: 9}}},
		{NIK: "3204015505900003", Name: "Euis Sumiati",
			Kind: KindNonASN, Sex: SexFemale, BirthDate: NewDate(1990, time.May, 15),
			History: []Event{{Kind: EventStart, Date: NewDate(2019, time.August, 1), Position: "Pramu Kantor", UnitID: 3}}},
		{NIP: "195901011985031002", Name: "Ujang Sobari",
			Kind: KindPNS, Sex: SexMale, BirthDate: NewDate(1959, time.January, 1),
			History: []Event{
				{Kind: EventStart, Date: NewDate(2010, time.January, 4), Rank: "III/c", Position: "Kepala Seksi Pemerintahan", UnitID: 5},
				{Kind: EventLeave, Date: NewDate(2017, time.February, 1), Reason: LeaveRetireBUP},
			}},
		{NIP: "198512202010012003", Name: "Wulan Sari", MismatchReason: "NIP konversi lama; tanggal lahir sesuai akta",
			Kind: KindPNS, Sex: SexFemale, BirthDate: NewDate(1985, time.December, 21),
			History: []Event{{Kind: EventStart, Date: NewDate(2018, time.May, 2), Rank: "III/b", Position: "Pengelola Keuangan", UnitID: 4}}},
	}
}

func TestSampleImportStaffAreValid(t *testing.T) {
	t.Parallel()
	for _, s := range sampleImportStaff() {
		if p := ValidateStaff(s, DefaultUnits(), rowToday); !p.OK() {
			t.Errorf("%s: %v", s.Name, p.Errors)
		}
	}
}

func TestStaffRowOf(t *testing.T) {
	t.Parallel()
	units := DefaultUnits()
	s := sampleImportStaff()[0]
	s.History = append(s.History,
		Event{Kind: EventRank, Date: NewDate(2022, time.April, 1), Rank: "IV/b"},
		Event{Kind: EventTransfer, Date: NewDate(2023, time.January, 2), UnitID: 2})
	got := StaffRowOf(s, units)
	want := StaffRow{NIP: "196804111993031009", Name: "Asep Saepudin", GelarDepan: "Drs. H.", GelarBelakang: "M.Si.",
		Kind: "PNS", Sex: "L", BirthPlace: "Bandung", BirthDate: "11/04/1968", Rank: "IV/b", Position: "Camat",
		Unit: "Sekretariat", StartDate: "02/01/2020", Status: "Aktif"}
	if got != want {
		t.Errorf("StaffRowOf =\n%+v\nwant\n%+v", got, want)
	}
	left := StaffRowOf(sampleImportStaff()[5], units)
	if left.Status != StaffRowLeft || left.LeaveReason != "Pensiun (BUP)" || left.LeaveDate != "01/02/2017" || left.Unit != "Seksi Pemerintahan" {
		t.Errorf("left staff row = %+v", left)
	}
	pppk := StaffRowOf(sampleImportStaff()[2], units)
	if pppk.ContractStart != "01/03/2022" || pppk.ContractEnd != "28/02/2027" || pppk.Kind != "PPPK" {
		t.Errorf("PPPK row = %+v", pppk)
	}
}

func TestStaffRowCellsFollowColumns(t *testing.T) {
	t.Parallel()
	r := StaffRow{NIP: "a", NIK: "b", Name: "c", MismatchReason: "z"}
	cells := r.Cells()
	if len(cells) != len(StaffColumns) || len(StaffHeaders()) != len(StaffColumns) {
		t.Fatalf("cells %d, headers %d, columns %d", len(cells), len(StaffHeaders()), len(StaffColumns))
	}
	if cells[0] != "a" || cells[1] != "b" || cells[2] != "c" || cells[len(cells)-1] != "z" {
		t.Errorf("cells = %q", cells)
	}
	seen := map[string]bool{}
	for _, c := range StaffColumns {
		if seen[c.Key] {
			t.Errorf("key %q twice", c.Key)
		}
		seen[c.Key] = true
	}
}

func TestGuessMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		header []string
		want   map[string]int
	}{
		{"export headers", StaffHeaders(), map[string]int{ColNIP: 0, ColName: 2, ColMismatchReason: 18}},
		{"aliases and case", []string{"No", "NAMA LENGKAP", " Nip ", "L/P", "Gol. Ruang", "Tgl. Lahir*", "Unit_Kerja", "tmt"},
			map[string]int{ColName: 1, ColNIP: 2, ColSex: 3, ColRank: 4, ColBirthDate: 5, ColUnit: 6, ColStartDate: 7, ColNIK: -1, ColKind: -1}},
		{"jk and jenis", []string{"JK", "Jenis", "Jenis Kelamin"}, map[string]int{ColSex: 0, ColKind: 1}},
		{"leftmost wins", []string{"Nama", "Nama"}, map[string]int{ColName: 0}},
		{"nothing", []string{"x", "", "y"}, map[string]int{ColNIP: -1, ColName: -1}},
		{"empty header", nil, map[string]int{ColNIP: -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := GuessMapping(tt.header)
			if len(m) != len(StaffColumns) {
				t.Errorf("mapping has %d keys, want %d", len(m), len(StaffColumns))
			}
			for k, want := range tt.want {
				if got := m.Index(k); got != want {
					t.Errorf("%s → %d, want %d", k, got, want)
				}
			}
		})
	}
}

func TestMappingIndexAndRow(t *testing.T) {
	t.Parallel()
	m := Mapping{ColName: 1, ColNIP: -5, ColKind: 7}
	if m.Index(ColName) != 1 || m.Index(ColNIP) != -1 || m.Index(ColNIK) != -1 {
		t.Errorf("Index wrong: %d %d %d", m.Index(ColName), m.Index(ColNIP), m.Index(ColNIK))
	}
	r := m.Row(Row{Line: 4, Cells: []string{"x", "  Asep  "}})
	if r.Name != "Asep" || r.Kind != "" || r.NIP != "" {
		t.Errorf("Row = %+v", r)
	}
}

func TestValidateMapping(t *testing.T) {
	t.Parallel()
	full := GuessMapping(StaffHeaders())
	without := func(keys ...string) Mapping {
		m := Mapping{}
		for k, v := range full {
			m[k] = v
		}
		for _, k := range keys {
			m[k] = -1
		}
		return m
	}
	tests := []struct {
		name string
		m    Mapping
		want []string // substrings of the error; nil = no error
	}{
		{"complete", full, nil},
		{"no NIK is fine", without(ColNIK), nil},
		{"no NIP is fine", without(ColNIP), nil},
		{"neither NIP nor NIK", without(ColNIP, ColNIK), []string{"perlu kolom NIP atau NIK"}},
		{"missing required", without(ColName, ColUnit), []string{"kolom wajib tidak ditemukan: Nama, Unit kerja"}},
		{"empty mapping", Mapping{}, []string{"Nama", "Jenis pegawai", "Jenis kelamin", "Jabatan", "Unit kerja", "TMT di kantor ini", "NIP atau NIK"}},
		{"column used twice", func() Mapping { m := without(); m[ColPosition] = m[ColName]; return m }(),
			[]string{"kolom ke-3 dipakai untuk Nama dan Jabatan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := ValidateMapping(tt.m)
			if tt.want == nil {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestRowCellAndBlank(t *testing.T) {
	t.Parallel()
	r := Row{Line: 2, Cells: []string{" a ", "", "\t"}}
	if r.Cell(0) != "a" || r.Cell(-1) != "" || r.Cell(3) != "" || r.Blank() {
		t.Errorf("Cell/Blank wrong for %+v", r)
	}
	if !(Row{Cells: []string{" ", ""}}).Blank() || !(Row{}).Blank() {
		t.Error("blank rows not blank")
	}
}

func TestStaffRowRoundTripThroughMapping(t *testing.T) {
	t.Parallel()
	units := DefaultUnits()
	for _, s := range sampleImportStaff() {
		r := StaffRowOf(s, units)
		back := GuessMapping(StaffHeaders()).Row(Row{Cells: r.Cells()})
		if !reflect.DeepEqual(back, r) {
			t.Errorf("mapping round trip:\n%+v\n%+v", back, r)
		}
	}
}
