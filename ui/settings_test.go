package ui

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
)

func TestSettingsOffice(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	f := u.settings.office
	if f.kecamatan.Text != "Soreang" {
		t.Fatalf("the form shows kecamatan %q", f.kecamatan.Text)
	}
	f.kecamatan.SetText("")
	test.Tap(buttonIn(t, objectsUnder(u.settings.officeBx), "Simpan"))
	if got := f.fields[data.FieldKecamatan].message(); got != "Nama kecamatan wajib diisi." {
		t.Errorf("empty kecamatan: %q", got)
	}
	test.Type(f.kecamatan, "Katapang")
	test.Type(f.alamat, "Jl. Raya Katapang No. 1")
	test.Tap(buttonIn(t, objectsUnder(u.settings.officeBx), "Simpan"))
	o, _ := svc.Office()
	if o.Kecamatan != "Katapang" || o.Alamat != "Jl. Raya Katapang No. 1" {
		t.Fatalf("office = %+v", o)
	}
	if u.win.Title() != "Kinerja — Kecamatan Katapang" || !shownText(u, "Identitas kantor tersimpan.") {
		t.Errorf("after saving: title %q", u.win.Title())
	}
}

func TestSettingsUnits(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	e := u.settings.units
	if len(e.units) != len(data.DefaultUnits()) {
		t.Fatalf("the editor lists %d units", len(e.units))
	}

	test.Tap(button(t, u, "Unit baru"))
	test.Type(e.name, "Seksi Pemerintahan")
	test.Tap(buttonIn(t, objectsUnder(e.view), "Simpan"))
	if msg := e.fields[data.FieldName].message(); msg == "" {
		t.Error("a duplicate unit name shows no message")
	}
	e.name.SetText("Seksi Pemberdayaan Masyarakat")
	e.parent.SetSelected("Pimpinan Kecamatan")
	test.Tap(buttonIn(t, objectsUnder(e.view), "Simpan"))
	units, _ := svc.Units()
	if len(units) != len(data.DefaultUnits())+1 {
		t.Fatalf("after adding: %d units", len(units))
	}
	added := units[len(units)-1]
	if added.Name != "Seksi Pemberdayaan Masyarakat" || added.Kind != data.UnitSection || added.ParentID != 1 {
		t.Errorf("added unit %+v", added)
	}

	e.list.Select(len(e.units) - 1)
	e.name.SetText("Seksi Pemberdayaan")
	e.inactive.SetChecked(true)
	test.Tap(buttonIn(t, objectsUnder(e.view), "Simpan"))
	units, _ = svc.Units()
	if got := units[len(units)-1]; got.Name != "Seksi Pemberdayaan" || !got.Inactive || got.ID != added.ID {
		t.Errorf("after rename and marking inactive: %+v", got)
	}
	if !shownText(u, "Seksi Pemberdayaan — Seksi (tidak aktif)") {
		t.Error("the list does not mark the unit inactive")
	}
}

func TestSettingsLanguage(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	if got := u.settings.language.Selected; got != "Bahasa Indonesia" {
		t.Errorf("default language choice %q", got)
	}
	u.settings.language.SetSelected("English")
	if got := Language(u.fyne); got != LangEnglish {
		t.Errorf("after choosing English the preference is %q", got)
	}
	if !shownText(u, "berlaku setelah Kinerja ditutup dan dibuka lagi") {
		t.Error("the restart note is not shown")
	}
}
