package service

import (
	"errors"
	"strings"
	"testing"

	"kinerja/data"
)

func skpRows() []data.HasilKerja {
	return []data.HasilKerja{
		{Kind: data.HasilUtama, RHKPimpinan: "Layanan administrasi prima", RHK: "Surat keluar terselesaikan", Aspek: data.AspekKuantitas, IKI: "Jumlah surat", Target: "120 surat"},
		{Kind: data.HasilUtama, RHKPimpinan: "Layanan administrasi prima", RHK: "Layanan cepat", Aspek: data.AspekWaktu, IKI: "Waktu layanan per berkas", Target: "30 menit"},
	}
}

func TestSKPServices(t *testing.T) {
	t.Parallel()
	o := newEvalOffice(t)
	a, b := o.pelaksana[0], o.pelaksana[1] // both Pengadministrasi Perkantoran
	k, err := o.svc.SaveSKP(data.SKP{StaffID: a, Start: data.NewDate(2025, 1, 1), End: data.NewDate(2025, 12, 31), Approach: data.ApproachKuantitatif, Rows: skpRows()})
	if err != nil || k.Position != "Pengadministrasi Perkantoran" || k.UnitID != 5 {
		t.Fatalf("SaveSKP filled position/unit: %+v, %v", k, err)
	}
	if _, err := o.svc.SaveSKP(data.SKP{StaffID: a, Approach: data.ApproachKuantitatif, Rows: skpRows()}); err == nil {
		t.Error("SKP without dates saved")
	}
	if _, err := o.svc.SaveSKP(data.SKP{Position: "x", Approach: data.ApproachKuantitatif, Rows: skpRows()}); err == nil {
		t.Error("template saved through SaveSKP")
	}
	if _, err := o.svc.CopySKPFromLastYear(b, 2026); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("copy without last year's SKP: %v", err)
	}
	copied, err := o.svc.CopySKPFromLastYear(a, 2026)
	if err != nil || copied.ID == k.ID || !copied.Start.Equal(data.NewDate(2026, 1, 1)) || len(copied.Rows) != 2 {
		t.Fatalf("CopySKPFromLastYear = %+v, %v", copied, err)
	}
	mate, err := o.svc.CopySKPFromColleague(copied.ID, b)
	if err != nil || mate.StaffID != b || mate.Rows[1].IKI != "Waktu layanan per berkas" {
		t.Fatalf("CopySKPFromColleague = %+v, %v", mate, err)
	}
	if _, err := o.svc.CopySKPFromColleague(copied.ID, o.pelaksana[2]); err == nil || !strings.Contains(err.Error(), "Penata Layanan Operasional") {
		t.Errorf("copy to another position: %v", err)
	}
	if _, err := o.svc.CopySKPFromColleague(copied.ID, a); err == nil {
		t.Error("copy from one's own SKP accepted as a colleague's")
	}
	list, err := o.svc.SKPsOf(a)
	if err != nil || len(list) != 2 || list[0].Start.Year() != 2025 {
		t.Fatalf("SKPsOf = %+v, %v", list, err)
	}
	tmpl := data.SKP{Position: "Penata Layanan Operasional", Approach: data.ApproachKuantitatif, Rows: skpRows()[:1]}
	first, err := o.svc.SaveSKPTemplate(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	tmpl.Position = "penata  layanan operasional"
	tmpl.Rows = skpRows()
	second, err := o.svc.SaveSKPTemplate(tmpl)
	if err != nil || second.ID != first.ID {
		t.Fatalf("template of the same position duplicated: %+v, %v", second, err)
	}
	if ts, _ := o.svc.SKPTemplates(); len(ts) != 1 || len(ts[0].Rows) != 2 {
		t.Fatalf("templates = %+v", ts)
	}
	applied, err := o.svc.ApplySKPTemplate(o.pelaksana[2], 2026)
	if err != nil || applied.StaffID != o.pelaksana[2] || len(applied.Rows) != 2 {
		t.Fatalf("ApplySKPTemplate = %+v, %v", applied, err)
	}
	if _, err := o.svc.ApplySKPTemplate(o.kasi, 2026); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("no template for the Kasi: %v", err)
	}
	v, err := o.svc.EvaluationFor(o.periodID, o.pelaksana[2])
	if err != nil || !v.HasSKP || v.SKP.ID != applied.ID || len(v.Evaluation.Rows) != 2 || v.Evaluation.SKPID != applied.ID {
		t.Fatalf("draft from the SKP: %+v, %v", v, err)
	}
}
