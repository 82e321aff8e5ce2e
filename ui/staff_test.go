package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// fillNewPNS types a valid new PNS into the open form, NIP and birth date as given.
func fillNewPNS(t *testing.T, f *staffForm, nip, birth string) {
	t.Helper()
	test.Type(f.nip, nip)
	test.Type(f.name, "Asep Saepudin")
	test.Type(f.gelarDepan, "Drs.")
	test.Type(f.gelarBelakang, "M.Si.")
	f.sex.SetSelected("Laki-laki")
	test.Type(f.birthPlace, "Bandung")
	f.birthDate.SetText("") // the form filled it from the NIP; the user types their own
	test.Type(f.birthDate, birth)
	f.rank.SetSelected(data.RankLabel("III/d"))
	test.Type(f.position, "Kepala Seksi Pemerintahan")
	f.unit.SetSelected("Seksi Pemerintahan")
	test.Type(f.start, "1 Maret 2015")
}

func TestAddStaffThroughForm(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	test.Tap(button(t, u, "Tambah pegawai"))
	f := u.staff.form
	if f == nil {
		t.Fatal("Tambah pegawai opened no form")
	}
	fillNewPNS(t, f, "19680411 199303 1 009", "11/04/1968")
	test.Tap(button(t, u, "Simpan"))

	all, err := svc.AllStaff()
	if err != nil || len(all) != 1 {
		t.Fatalf("store holds %d staff (%v), want 1", len(all), err)
	}
	s := all[0]
	if s.NIP != "196804111993031009" || s.DisplayName() != "Drs. Asep Saepudin, M.Si." {
		t.Errorf("saved %q %q", s.NIP, s.DisplayName())
	}
	if sit := s.Current(); sit.Rank != "III/d" || sit.UnitID != 5 || !sit.Active || !s.StartDate().Equal(data.NewDate(2015, 3, 1)) {
		t.Errorf("saved situation %+v, start %v", sit, s.StartDate())
	}
	if len(u.staff.shown) != 1 || u.staff.shown[0].ID != s.ID {
		t.Fatalf("list shows %d staff, want the new one", len(u.staff.shown))
	}
	if !shownText(u, "Drs. Asep Saepudin, M.Si.") || !shownText(u, "19680411 199303 1 009") {
		t.Error("the new staff member is not visible in the list and record")
	}
}

func TestStaffFormInlineMessages(t *testing.T) {
	tests := []struct {
		name      string
		nip       string
		birth     string
		field     string
		want      string
		reasonRow bool
	}{
		{"17-digit NIP", "19680411199303100", "11/04/1968", data.FieldNIP, "harus 18 digit", false},
		{"letter in NIP", "19680411199303100X", "11/04/1968", data.FieldNIP, "hanya boleh berisi angka", false},
		{"birth date differs from NIP", "196804111993031009", "12/04/1968", data.FieldBirthDate, "berbeda", true},
		{"impossible date", "196804111993031009", "31/02/1968", data.FieldBirthDate, "tidak ada di kalender", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, svc := newTestUI(t, false, Options{})
			u.Show(ScreenStaff)
			test.Tap(button(t, u, "Tambah pegawai"))
			f := u.staff.form
			fillNewPNS(t, f, tt.nip, tt.birth)
			if got := f.fields[tt.field].message(); !strings.Contains(got, tt.want) {
				t.Errorf("message under %s = %q, want it to contain %q", tt.field, got, tt.want)
			}
			wantLook := widget.DangerImportance
			if tt.reasonRow {
				wantLook = widget.WarningImportance // a mismatch is a warning (amber), not an error
			}
			if got := f.fields[tt.field].msg.Importance; got != wantLook {
				t.Errorf("message importance = %v, want %v", got, wantLook)
			}
			if got := f.fields[data.FieldMismatch].box.Visible(); got != tt.reasonRow {
				t.Errorf("reason field visible = %v, want %v", got, tt.reasonRow)
			}
			test.Tap(button(t, u, "Simpan"))
			if n, _ := svc.StaffCount(); n != 0 {
				t.Fatalf("a record with problems was saved")
			}
			if tt.reasonRow {
				if got := f.fields[data.FieldMismatch].message(); !strings.Contains(got, "alasan") {
					t.Errorf("reason message = %q", got)
				}
				test.Type(f.reason, "NIP hasil konversi lama")
				test.Tap(button(t, u, "Simpan"))
				if n, _ := svc.StaffCount(); n != 1 {
					t.Fatalf("with a reason the record was not saved")
				}
			}
		})
	}
}

func TestEditStaff(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	saved, err := svc.SaveStaff(pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)))
	if err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenStaff)
	u.staff.selectID(saved.ID)
	test.Tap(button(t, u, "Ubah data"))
	f := u.staff.form
	if got := f.name.Text; got != "Budi Santoso" {
		t.Fatalf("form shows name %q", got)
	}
	f.name.SetText("")
	test.Type(f.name, "Budi Santosa")
	test.Type(f.gelarBelakang, "S.Sos.")
	test.Tap(button(t, u, "Simpan"))
	got, err := svc.StaffByID(saved.ID)
	if err != nil || got.DisplayName() != "Budi Santosa, S.Sos." {
		t.Fatalf("after edit: %q, %v", got.DisplayName(), err)
	}
	if !shownText(u, "Budi Santosa, S.Sos.") {
		t.Error("the edited name is not on screen")
	}
}

func TestRetireStaff(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	saved, err := svc.SaveStaff(pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)))
	if err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenStaff)
	u.staff.selectID(saved.ID)
	test.Tap(button(t, u, "Nonaktifkan"))
	e := u.staff.events
	test.Tap(button(t, u, "Simpan"))
	if !strings.Contains(e.msg.Text, "Alasan wajib dipilih") {
		t.Errorf("without a reason: message %q", e.msg.Text)
	}
	e.choice.SetSelected(string(data.LeaveRetireBUP))
	e.date.SetText("")
	test.Type(e.date, "01/05/2026")
	test.Type(e.letter, "800/12/BKPSDM/2026")
	test.Tap(button(t, u, "Simpan"))

	got, _ := svc.StaffByID(saved.ID)
	if sit := got.Current(); sit.Active || sit.Left != data.LeaveRetireBUP {
		t.Fatalf("after Nonaktifkan: %+v", sit)
	}
	if !shownText(u, "Tidak aktif — Pensiun (BUP) sejak 1 Mei 2026") {
		t.Error("the record does not show the new status")
	}
	if !shownText(u, "SK 800/12/BKPSDM/2026") {
		t.Error("the history does not show the SK number")
	}
	u.staff.statusSel.SetSelectedIndex(0) // Aktif
	if len(u.staff.shown) != 0 {
		t.Errorf("the Aktif filter still shows %d staff", len(u.staff.shown))
	}
}

func TestPromoteStaff(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	saved, _ := svc.SaveStaff(pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)))
	u.Show(ScreenStaff)
	u.staff.selectID(saved.ID)
	test.Tap(button(t, u, "Naik pangkat"))
	e := u.staff.events
	e.choice.SetSelected(data.RankLabel("III/c"))
	e.date.SetText("01/04/2019")
	test.Tap(button(t, u, "Simpan"))
	got, _ := svc.StaffByID(saved.ID)
	if r := got.Current().Rank; r != "III/c" {
		t.Fatalf("rank after Naik pangkat = %q", r)
	}
	if !shownText(u, "01/04/2019  Naik pangkat menjadi Penata (III/c)") {
		t.Error("the history does not show the promotion")
	}
}

func TestTransferStaff(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	saved, _ := svc.SaveStaff(pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)))
	u.Show(ScreenStaff)
	u.staff.selectID(saved.ID)
	test.Tap(button(t, u, "Mutasi unit"))
	e := u.staff.events
	e.choice.SetSelected("Seksi Pelayanan Umum")
	e.date.SetText("01/04/2019")
	test.Tap(button(t, u, "Simpan"))
	got, _ := svc.StaffByID(saved.ID)
	if id := got.Current().UnitID; id != 9 {
		t.Fatalf("unit after Mutasi unit = %d, want 9 (Seksi Pelayanan Umum)", id)
	}
}

func TestSearchFiltersList(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	for _, s := range []data.Staff{
		pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)),
		pns("Cecep Hidayat", "198001012005011002", data.NewDate(1980, 1, 1)),
		pns("Dedi Kurnia", "197505122000031001", data.NewDate(1975, 5, 12)),
	} {
		if _, err := svc.SaveStaff(s); err != nil {
			t.Fatal(err)
		}
	}
	u.Show(ScreenStaff)
	tests := []struct {
		query string
		want  []string
	}{
		{"", []string{"Budi Santoso", "Cecep Hidayat", "Dedi Kurnia"}},
		{"cecep", []string{"Cecep Hidayat"}},
		{"1975 0512", []string{"Dedi Kurnia"}},
		{"santoso budi", []string{"Budi Santoso"}},
		{"zzz", nil},
	}
	for _, tt := range tests {
		u.staff.search.SetText("")
		test.Type(u.staff.search, tt.query)
		var got []string
		for _, s := range u.staff.shown {
			got = append(got, s.Name)
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("search %q shows %v, want %v", tt.query, got, tt.want)
		}
	}
}

// BenchmarkStaffSearch measures one keystroke in the search field on a
// 2,000-person register: filter, sort and refresh of the list.
func BenchmarkStaffSearch(b *testing.B) {
	u, _ := newTestUI(b, false, Options{})
	u.Show(ScreenStaff)
	names := []string{"Asep", "Budi", "Cecep", "Dedi", "Euis", "Siti", "Rina", "Yayan"}
	all := make([]data.Staff, 2000)
	for i := range all {
		s := pns(names[i%len(names)]+" "+strconv.Itoa(i), "", data.NewDate(1980, 1, 1))
		s.ID = uint64(i + 1)
		s.NIP = fmt.Sprintf("19800101200501%04d", i%10000)
		all[i] = s
	}
	u.staff.all = all
	queries := []string{"a", "as", "ase", "asep 1", "1980"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		u.staff.search.SetText(queries[i%len(queries)])
	}
}
