package service

import (
	"errors"
	"strings"
	"testing"

	"kinerja/data"
	"kinerja/export/pdf"
)

// savedSKP stores a complete 2026 SKP with its Lampiran for staffID.
func savedSKP(t *testing.T, o *evalOffice, staffID uint64) data.SKP {
	t.Helper()
	k, err := o.svc.SaveSKP(data.SKP{StaffID: staffID, Start: data.NewDate(2026, 1, 1), End: data.NewDate(2026, 12, 31),
		Approach: data.ApproachKuantitatif, Rows: skpRows(),
		Lampiran: data.Lampiran{
			DukunganSumberDaya:      []string{"Komputer dan printer kantor"},
			SkemaPertanggungjawaban: []string{"Laporan bulanan kepada Kepala Seksi"},
			Konsekuensi:             []string{"Teguran lisan bila target tidak tercapai"},
		}})
	if err != nil {
		t.Fatalf("SaveSKP: %v", err)
	}
	return k
}

func TestRenderSKP(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staffID := o.pelaksana[0]
	k := savedSKP(t, o, staffID)
	s, err := o.svc.StaffByID(staffID)
	if err != nil {
		t.Fatal(err)
	}
	kasi, err := o.svc.StaffByID(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := o.svc.RenderSKP(staffID, k.ID)
	if err != nil {
		t.Fatalf("RenderSKP: %v", err)
	}
	checkPDFTools(t, writeTemp(t, "skp.pdf", raw), false,
		"SASARAN KINERJA PEGAWAI", "Surat keluar terselesaikan", "Waktu layanan per berkas", s.DisplayName(), pdf.GroupNIP(s.NIP),
		kasi.DisplayName(), pdf.GroupNIP(kasi.NIP), "Jenis Jabatan : Jabatan Pelaksana", "1 Januari 2026 s.d. 31 Desember 2026",
		"LAMPIRAN SASARAN KINERJA PEGAWAI", "DUKUNGAN SUMBER DAYA", "Komputer dan printer kantor",
		"SKEMA PERTANGGUNGJAWABAN", "Laporan bulanan kepada Kepala Seksi", "KONSEKUENSI", "Teguran lisan",
		SKPDocumentID(s.NIP, k))
	out, err := toolOutput(t, "pdftotext", writeTemp(t, "skp2.pdf", raw), "-")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out, "BELUM DITETAPKAN") {
		t.Error("a complete SKP carries the KONSEP banner")
	}
}

func TestRenderSKPRefusals(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	k := savedSKP(t, o, o.pelaksana[0])
	if _, err := o.svc.RenderSKP(o.pelaksana[1], k.ID); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("someone else's SKP: err = %v, want ErrNotFound", err)
	}
	if _, err := o.svc.RenderSKP(o.pelaksana[0], k.ID+100); err == nil {
		t.Error("an unknown SKP rendered")
	}
}

func TestSKPForYear(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staffID := o.pelaksana[0]
	first, err := o.svc.SaveSKP(data.SKP{StaffID: staffID, Start: data.NewDate(2026, 1, 1), End: data.NewDate(2026, 6, 30), Approach: data.ApproachKuantitatif, Rows: skpRows()})
	if err != nil {
		t.Fatal(err)
	}
	second, err := o.svc.SaveSKP(data.SKP{StaffID: staffID, Start: data.NewDate(2026, 7, 1), End: data.NewDate(2026, 12, 31), Approach: data.ApproachKualitatif, Rows: skpRows()})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		year int
		want uint64
		err  error
	}{
		{2026, second.ID, nil},
		{2025, 0, ErrNoSKP},
	}
	for _, tt := range tests {
		k, err := o.svc.SKPForYear(staffID, tt.year)
		if !errors.Is(err, tt.err) || k.ID != tt.want {
			t.Errorf("year %d: SKP %d, %v; want %d, %v", tt.year, k.ID, err, tt.want, tt.err)
		}
	}
	if first.ID == second.ID {
		t.Fatal("the two SKPs share an id")
	}
}
