package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
)

// pickSKPStaff shows Kinerja › SKP with the first evaluated staff member who
// has an SKP chosen, and returns that person.
func pickSKPStaff(t *testing.T, u *App) data.Staff {
	t.Helper()
	u.Show(ScreenSKP)
	s := u.skp
	for i, st := range s.shown {
		list, err := u.svc.SKPsOf(st.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(list) > 0 {
			s.staffList.Select(i)
			if s.form == nil || s.form.orig.StaffID != st.ID {
				t.Fatalf("choosing %s did not open an SKP", st.DisplayName())
			}
			return st
		}
	}
	t.Fatal("no staff member with an SKP")
	return data.Staff{}
}

func TestSKPAddRowAndSave(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	person := pickSKPStaff(t, u)
	s := u.skp
	before := len(s.form.rows)
	if before == 0 || !shownText(u, "Berorientasi Pelayanan") || !shownText(u, "melakukan perbaikan tiada henti") {
		t.Fatalf("the SKP form shows %d rows or no BerAKHLAK guide behaviours", before)
	}
	test.Tap(button(t, u, "Tambah hasil kerja"))
	if len(s.form.rows) != before+1 {
		t.Fatalf("Tambah hasil kerja: %d rows, want %d", len(s.form.rows), before+1)
	}
	row := s.form.rows[before]
	test.Type(row.rhk, "Terlayaninya pengaduan warga")

	test.Tap(button(t, u, "Simpan"))
	n := before + 1
	for _, want := range []string{"Baris " + strconv.Itoa(n) + " hasil kerja: IKI wajib diisi.", "Baris " + strconv.Itoa(n) + " hasil kerja: target wajib diisi."} {
		if !shownText(u, want) {
			t.Errorf("message %q is not shown; form says %v", want, s.form.messages())
		}
	}
	if list, _ := svc.SKPsOf(person.ID); len(list[len(list)-1].Rows) != before {
		t.Fatal("an SKP with errors was saved")
	}

	test.Type(row.iki, "Persentase pengaduan tertangani")
	test.Type(row.target, "90%")
	row.aspek.SetSelected("Kualitas")
	test.Type(s.form.ekspektasi[2], "Ikut pelatihan aplikasi layanan")
	if msgs := strings.Join(s.form.messages(), " "); strings.Contains(msgs, "wajib") {
		t.Errorf("after filling the row the form still says %q", msgs)
	}
	test.Tap(button(t, u, "Simpan"))
	if !shownText(u, "SKP tersimpan") {
		t.Errorf("no saved message; status %q", s.status.Text)
	}
	list, err := svc.SKPsOf(person.ID)
	if err != nil {
		t.Fatal(err)
	}
	k := list[len(list)-1]
	if len(k.Rows) != before+1 {
		t.Fatalf("stored SKP has %d rows, want %d", len(k.Rows), before+1)
	}
	got := k.Rows[before]
	if got.RHK != "Terlayaninya pengaduan warga" || got.IKI != "Persentase pengaduan tertangani" || got.Target != "90%" ||
		got.Aspek != data.AspekKualitas || got.Kind != data.HasilUtama {
		t.Errorf("stored row = %+v", got)
	}
	found := false
	for _, e := range k.Perilaku {
		found = found || e.ValueIndex == 3 && e.Ekspektasi == "Ikut pelatihan aplikasi layanan"
	}
	if !found {
		t.Errorf("ekspektasi khusus for Kompeten not stored: %+v", k.Perilaku)
	}

	test.Tap(s.form.rows[before].remove)
	test.Tap(button(t, u, "Simpan"))
	if list, _ := svc.SKPsOf(person.ID); len(list[len(list)-1].Rows) != before {
		t.Error("removing the row and saving did not remove it")
	}
}

func TestSKPTemplateSaveAndApply(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	person := pickSKPStaff(t, u)
	s := u.skp
	test.Tap(button(t, u, "Simpan sebagai templat jabatan"))
	templates, err := svc.SKPTemplates()
	if err != nil || len(templates) != 1 || !strings.EqualFold(templates[0].Position, person.Current().Position) {
		t.Fatalf("templates = %+v, %v", templates, err)
	}
	before, _ := svc.SKPsOf(person.ID)
	test.Tap(button(t, u, "Terapkan templat jabatan"))
	after, _ := svc.SKPsOf(person.ID)
	if len(after) != len(before)+1 || !shownText(u, "dibuat dan tersimpan") {
		t.Fatalf("apply template: %d SKPs before, %d after; status %q", len(before), len(after), s.status.Text)
	}
}

func TestSKPNewStartsEmptyAndValidates(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	seedKinerja(t, svc)
	person := pickSKPStaff(t, u)
	test.Tap(button(t, u, "SKP baru"))
	s := u.skp
	if s.form.orig.ID != 0 || s.form.orig.StaffID != person.ID || len(s.form.messages()) != 0 {
		t.Fatalf("SKP baru: %+v with messages %v", s.form.orig, s.form.messages())
	}
	s.form.position.SetText("")
	test.Tap(button(t, u, "Simpan"))
	for _, want := range []string{"Jabatan wajib diisi.", "Baris 1 hasil kerja: Rencana Hasil Kerja wajib diisi."} {
		if !shownText(u, want) {
			t.Errorf("%q not shown; form says %v", want, s.form.messages())
		}
	}
}

func TestSKPStaffSearch(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	staff := seedKinerja(t, svc)
	u.Show(ScreenSKP)
	s := u.skp
	var asn, nonASN data.Staff
	for _, p := range staff {
		switch {
		case p.Kind.Evaluated() && p.Current().Active && asn.ID == 0:
			asn = p
		case !p.Kind.Evaluated() && nonASN.ID == 0:
			nonASN = p
		}
	}
	tests := []struct {
		query string
		want  uint64
		found bool
	}{
		{strings.ToUpper(asn.Name), asn.ID, true},
		{asn.NIP[:8] + " " + asn.NIP[8:14], asn.ID, true},
		{nonASN.Name, nonASN.ID, false},
	}
	for _, tt := range tests {
		test.Type(s.search, tt.query)
		found := false
		for _, p := range s.shown {
			found = found || p.ID == tt.want
		}
		if found != tt.found {
			t.Errorf("search %q: %d shown, wanted person found %v", tt.query, len(s.shown), tt.found)
		}
		s.search.SetText("")
	}
	if len(s.shown) != len(s.staff) || len(s.staff) == 0 {
		t.Errorf("an empty search shows %d of %d", len(s.shown), len(s.staff))
	}
}
