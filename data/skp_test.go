package data

import (
	"slices"
	"testing"
	"time"
)

func goodSKP() SKP {
	return SKP{
		ID: 7, StaffID: 3,
		Start: NewDate(2026, time.January, 1), End: NewDate(2026, time.December, 31),
		Position: "Pengadministrasi Perkantoran", UnitID: 5, Approach: ApproachKuantitatif,
		Rows: []HasilKerja{
			{Kind: HasilUtama, RHKPimpinan: "Meningkatnya kualitas pelayanan administrasi kependudukan",
				RHK: "Terlayaninya surat pengantar", Aspek: AspekWaktu, IKI: "Rata-rata waktu layanan surat", Target: "15 menit"},
			{Kind: HasilTambahan, RHKPimpinan: "Tertibnya arsip", RHK: "Tersusunnya arsip surat", Aspek: AspekKuantitas,
				IKI: "Jumlah berkas diarsipkan", Target: "1.200 berkas"},
		},
		Perilaku: []PerilakuExpectation{{ValueIndex: 1, Ekspektasi: "Melayani tanpa antrean panjang"}},
		Lampiran: Lampiran{
			DukunganSumberDaya:      []string{"Komputer dan printer"},
			SkemaPertanggungjawaban: []string{"Laporan bulanan kepada Kasi"},
			Konsekuensi:             []string{"Sesuai ketentuan"},
		},
	}
}

func TestValidateSKPGood(t *testing.T) {
	t.Parallel()
	p := ValidateSKP(goodSKP())
	if !p.OK() || len(p.Warnings) != 0 {
		t.Fatalf("good SKP: %+v", p)
	}
}

func TestValidateSKPProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		change  func(*SKP)
		field   string
		message string
		warning bool
	}{
		{"no start", func(s *SKP) { s.Start = Date{} }, FieldSKPStart, "Tanggal mulai SKP wajib diisi.", false},
		{"no end", func(s *SKP) { s.End = Date{} }, FieldSKPEnd, "Tanggal selesai SKP wajib diisi.", false},
		{"end before start", func(s *SKP) { s.End = NewDate(2025, time.December, 31) }, FieldSKPEnd,
			"Tanggal selesai SKP tidak boleh sebelum tanggal mulai.", false},
		{"across years", func(s *SKP) { s.End = NewDate(2027, time.January, 1) }, FieldSKPEnd,
			"SKP melewati pergantian tahun; biasanya satu SKP berlaku dalam satu tahun.", true},
		{"no position", func(s *SKP) { s.Position = "  " }, FieldPosition, "Jabatan wajib diisi.", false},
		{"no approach", func(s *SKP) { s.Approach = "" }, FieldSKPApproach,
			"Pendekatan hasil kerja (kuantitatif atau kualitatif) wajib dipilih.", false},
		{"no rows", func(s *SKP) { s.Rows = nil }, FieldSKPRows, "SKP belum berisi hasil kerja.", false},
		{"row 2 no IKI", func(s *SKP) { s.Rows[1].IKI = "" }, "hasil_kerja[2].iki", "Baris 2 hasil kerja: IKI wajib diisi.", false},
		{"row 1 no RHK", func(s *SKP) { s.Rows[0].RHK = "" }, "hasil_kerja[1].rhk", "Baris 1 hasil kerja: Rencana Hasil Kerja wajib diisi.", false},
		{"row 2 no target", func(s *SKP) { s.Rows[1].Target = " " }, "hasil_kerja[2].target", "Baris 2 hasil kerja: target wajib diisi.", false},
		{"row 1 no kind", func(s *SKP) { s.Rows[0].Kind = "" }, "hasil_kerja[1].kind",
			"Baris 1 hasil kerja: jenis (utama atau tambahan) wajib dipilih.", false},
		{"row 1 bad aspek", func(s *SKP) { s.Rows[0].Aspek = "mutu" }, "hasil_kerja[1].aspek",
			`Baris 1 hasil kerja: aspek "mutu" tidak dikenali; pilih kuantitas, kualitas, waktu atau biaya.`, false},
		{"row 1 no aspek kuantitatif", func(s *SKP) { s.Rows[0].Aspek = "" }, "hasil_kerja[1].aspek",
			"Baris 1 hasil kerja: aspek belum dipilih.", true},
		{"row 2 no RHK pimpinan", func(s *SKP) { s.Rows[1].RHKPimpinan = "" }, "hasil_kerja[2].rhk_pimpinan",
			"Baris 2 hasil kerja: Rencana Hasil Kerja Pimpinan yang Diintervensi belum diisi.", true},
		{"no utama", func(s *SKP) { s.Rows = s.Rows[1:] }, FieldSKPRows, "Belum ada hasil kerja utama.", true},
		{"perilaku 0", func(s *SKP) { s.Perilaku = []PerilakuExpectation{{ValueIndex: 0}} }, FieldSKPPerilaku,
			"Ekspektasi perilaku untuk nilai ke-0 tidak ada; nilai BerAKHLAK bernomor 1 sampai 7.", false},
		{"perilaku 8", func(s *SKP) { s.Perilaku = []PerilakuExpectation{{ValueIndex: 8}} }, FieldSKPPerilaku,
			"Ekspektasi perilaku untuk nilai ke-8 tidak ada; nilai BerAKHLAK bernomor 1 sampai 7.", false},
		{"perilaku twice", func(s *SKP) { s.Perilaku = []PerilakuExpectation{{ValueIndex: 7}, {ValueIndex: 7}} }, FieldSKPPerilaku,
			"Ekspektasi perilaku Kolaboratif diisi lebih dari sekali.", false},
	}
	for _, tt := range tests {
		s := goodSKP()
		tt.change(&s)
		p := ValidateSKP(s)
		list := p.Errors
		if tt.warning {
			list = p.Warnings
			if !p.OK() {
				t.Errorf("%s: unexpected errors %v", tt.name, p.Errors)
			}
		}
		if len(list) != 1 || list[0].Field != tt.field || list[0].Message != tt.message {
			t.Errorf("%s: got %+v, want one %s %q", tt.name, p, tt.field, tt.message)
		}
	}
}

func TestValidateSKPKualitatifAspekOptional(t *testing.T) {
	t.Parallel()
	s := goodSKP()
	s.Approach = ApproachKualitatif
	s.Rows[0].Aspek = ""
	if p := ValidateSKP(s); !p.OK() || len(p.Warnings) != 0 {
		t.Errorf("kualitatif without aspek: %+v", p)
	}
}

func TestValidateSKPTemplateNeedsNoDates(t *testing.T) {
	t.Parallel()
	s := goodSKP()
	s.StaffID, s.Start, s.End = 0, Date{}, Date{}
	if p := ValidateSKP(s); !p.OK() {
		t.Errorf("template without dates: %+v", p)
	}
	s.Start = NewDate(2026, time.January, 1)
	if p := ValidateSKP(s); len(p.Of(FieldSKPEnd)) != 1 {
		t.Errorf("template with half a range: %+v", p)
	}
}

func TestCopySKP(t *testing.T) {
	t.Parallel()
	from := goodSKP()
	start, end := NewDate(2027, time.January, 1), NewDate(2027, time.December, 31)
	c := CopySKP(from, 9, "Analis Kebijakan", 6, start, end)
	if c.ID != 0 || c.StaffID != 9 || c.Position != "Analis Kebijakan" || c.UnitID != 6 || !c.Start.Equal(start) || !c.End.Equal(end) {
		t.Fatalf("copy header: %+v", c)
	}
	if c.Approach != from.Approach || !slices.Equal(c.Rows, from.Rows) || !slices.Equal(c.Perilaku, from.Perilaku) ||
		!slices.Equal(c.Lampiran.Konsekuensi, from.Lampiran.Konsekuensi) {
		t.Fatalf("copy body differs: %+v", c)
	}
	c.Rows[0].Target = "diubah"
	c.Perilaku[0].Ekspektasi = "diubah"
	c.Lampiran.DukunganSumberDaya[0] = "diubah"
	c.Lampiran.SkemaPertanggungjawaban[0] = "diubah"
	c.Lampiran.Konsekuensi[0] = "diubah"
	if from.Rows[0].Target == "diubah" || from.Perilaku[0].Ekspektasi == "diubah" || from.Lampiran.DukunganSumberDaya[0] == "diubah" ||
		from.Lampiran.SkemaPertanggungjawaban[0] == "diubah" || from.Lampiran.Konsekuensi[0] == "diubah" {
		t.Error("copy shares slices with its source")
	}
	tmpl := CopySKP(from, 0, from.Position, 0, Date{}, Date{})
	if !tmpl.IsTemplate() || from.IsTemplate() {
		t.Error("IsTemplate wrong")
	}
}

func TestSKPForPeriod(t *testing.T) {
	t.Parallel()
	old := goodSKP()
	old.ID, old.End = 1, NewDate(2026, time.August, 14)
	moved := CopySKP(old, old.StaffID, "Kasi", 6, NewDate(2026, time.August, 15), NewDate(2026, time.December, 31))
	moved.ID = 2
	other := goodSKP()
	other.ID, other.StaffID = 3, 4
	skps := []SKP{moved, old, other}
	q := func(id string) Period { p, _ := ParsePeriodID(id); return p }
	tests := []struct {
		staff  uint64
		period string
		want   uint64
		ok     bool
	}{
		{3, "2026-Q2", 1, true},
		{3, "2026-Q3", 2, true},
		{3, "2026-07", 1, true},
		{3, "2026-08", 2, true},
		{3, "2026", 2, true},
		{3, "2025-Q4", 0, false},
		{4, "2026-Q1", 3, true},
		{0, "2026", 0, false},
	}
	for _, tt := range tests {
		got, ok := SKPForPeriod(skps, tt.staff, q(tt.period))
		if ok != tt.ok || got.ID != tt.want {
			t.Errorf("SKPForPeriod(staff %d, %s) = %d %v, want %d %v", tt.staff, tt.period, got.ID, ok, tt.want, tt.ok)
		}
	}
}

func TestSKPLabels(t *testing.T) {
	t.Parallel()
	if ApproachKuantitatif.Label() != "Kuantitatif" || ApproachKualitatif.Label() != "Kualitatif" || Approach("x").Label() != "" {
		t.Error("approach labels")
	}
	if HasilUtama.Label() != "Utama" || HasilTambahan.Label() != "Tambahan" || HasilKerjaKind("x").Label() != "" {
		t.Error("kind labels")
	}
	want := []string{"Kuantitas", "Kualitas", "Waktu", "Biaya"}
	for i, a := range Aspeks {
		if a.Label() != want[i] {
			t.Errorf("%q.Label() = %q", a, a.Label())
		}
	}
	if Aspek("x").Label() != "" {
		t.Error("unknown aspek labelled")
	}
}
