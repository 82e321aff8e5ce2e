package ui

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
)

func TestShowScreens(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	if got := u.win.Title(); got != "Kinerja — Kecamatan Soreang" {
		t.Errorf("title = %q", got)
	}
	tests := []struct {
		screen, want, text string
	}{
		{ScreenHome, ScreenHome, "Kecamatan Soreang, Kabupaten Bandung"},
		{ScreenStaff, ScreenStaff, "Pilih pegawai di daftar"},
		{ScreenAttendance, ScreenAttendance, "Isian harian"},
		{ScreenPerform, ScreenPerform, "Periode penilaian"},
		{ScreenSKP, ScreenSKP, "SKP pegawai"},
		{ScreenEvaluation, ScreenEvaluation, "Belum ada periode penilaian. Buat periode di menu Kinerja."},
		{ScreenDocuments, ScreenDocuments, "Ekspor dokumen evaluasi ke folder"},
		{ScreenSettings, ScreenSettings, "Identitas kantor"},
		{"tidak-ada", ScreenHome, "Pegawai aktif: 0"},
	}
	for _, tt := range tests {
		u.Show(tt.screen)
		if u.current != tt.want {
			t.Errorf("Show(%q) shows %q, want %q", tt.screen, u.current, tt.want)
		}
		if !shownText(u, tt.text) {
			t.Errorf("Show(%q): %q is not on screen", tt.screen, tt.text)
		}
	}
}

func TestMainMenu(t *testing.T) {
	u, _ := newTestUI(t, false, Options{})
	m := u.win.MainMenu()
	var got []string
	for _, menu := range m.Items {
		var items []string
		for _, it := range menu.Items {
			if it.IsSeparator {
				continue
			}
			label := it.Label
			if it.Shortcut != nil {
				label += " (" + it.Shortcut.ShortcutName() + ")"
			}
			items = append(items, label)
		}
		got = append(got, menu.Label+": "+strings.Join(items, ", "))
	}
	want := []string{
		"Berkas: Cadangkan data… (CustomDesktop:Control+B), Keluar (CustomDesktop:Control+Q)",
		"Pegawai: Tambah pegawai (CustomDesktop:Control+N), Cari pegawai (CustomDesktop:Control+F), Impor data pegawai… (CustomDesktop:Control+I), Ekspor data pegawai… (CustomDesktop:Control+E)",
		"Bantuan: Tentang",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("menu:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	m.Items[1].Items[0].Action()
	if u.current != ScreenStaff || u.staff.form == nil {
		t.Error("Tambah pegawai did not open the form on Pegawai")
	}
}

func TestCountActive(t *testing.T) {
	units := data.DefaultUnits()
	left := pns("B", "198001012005011002", data.NewDate(1980, 1, 1))
	left.History = append(left.History, data.Event{Kind: data.EventLeave, Date: data.NewDate(2026, 1, 1), Reason: data.LeaveMoved})
	future := pns("C", "197505122000031001", data.NewDate(1975, 5, 12))
	future.History[0].Date = data.NewDate(2027, 1, 1)
	pppk := data.Staff{Kind: data.KindPPPK, History: []data.Event{{Kind: data.EventStart, Date: data.NewDate(2024, 1, 1), UnitID: 3}}}
	lost := data.Staff{Kind: data.KindNonASN, History: []data.Event{{Kind: data.EventStart, Date: data.NewDate(2024, 1, 1), UnitID: 99}}}
	tests := []struct {
		name   string
		staff  []data.Staff
		total  int
		byKind string
		byUnit string
	}{
		{"empty", nil, 0, "", ""},
		{"one active", []data.Staff{pns("A", "196804111993031009", data.NewDate(1968, 4, 11))}, 1, "PNS=1", "Seksi Pemerintahan=1"},
		{"left and not yet started are not counted", []data.Staff{left, future}, 0, "", ""},
		{"kinds and units in their order", []data.Staff{pns("A", "196804111993031009", data.NewDate(1968, 4, 11)), pppk, lost}, 3,
			"PNS=1,PPPK=1,Non-ASN=1", "Subbagian Umum dan Kepegawaian=1,Seksi Pemerintahan=1,Tanpa unit=1"},
	}
	useIndonesian(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := countActive(tt.staff, units, testToday)
			if c.Total != tt.total || rowsText(c.ByKind) != tt.byKind || rowsText(c.ByUnit) != tt.byUnit {
				t.Errorf("got %d %q %q", c.Total, rowsText(c.ByKind), rowsText(c.ByUnit))
			}
		})
	}
}

func rowsText(rows []countRow) string {
	var out []string
	for _, r := range rows {
		out = append(out, r.Label+"="+strconv.Itoa(r.N))
	}
	return strings.Join(out, ",")
}

func TestHomeShowsCountsAndWarnings(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	for _, s := range []data.Staff{
		pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11)),
		pns("Cecep Hidayat", "198001012005011002", data.NewDate(1980, 1, 1)),
	} {
		if _, err := svc.SaveStaff(s); err != nil {
			t.Fatal(err)
		}
	}
	u.Show(ScreenHome)
	for _, want := range []string{"Pegawai aktif: 2", "Seksi Pemerintahan", "Pegawai aktif per jenis", svc.Path()} {
		if !shownText(u, want) {
			t.Errorf("Beranda does not show %q", want)
		}
	}
}

func TestFirstRunOffice(t *testing.T) {
	u, svc := newTestUI(t, true, Options{})
	fr := u.firstRun
	if fr == nil || fr.demo == nil {
		t.Fatal("no first-run dialog with its demo button")
	}
	test.Tap(fr.save)
	if got := fr.form.fields[data.FieldKecamatan].message(); got != "Nama kecamatan wajib diisi." {
		t.Errorf("empty kecamatan: %q", got)
	}
	test.Type(fr.form.kecamatan, "Cileunyi")
	test.Type(fr.form.kabupaten, "Bandung")
	test.Type(fr.form.kota, "Cileunyi")
	test.Tap(fr.save)
	o, err := svc.Office()
	if err != nil || o.Kecamatan != "Cileunyi" || o.Kota != "Cileunyi" {
		t.Fatalf("office = %+v, %v", o, err)
	}
	if got := u.win.Title(); got != "Kinerja — Kecamatan Cileunyi" {
		t.Errorf("title = %q", got)
	}
}

func TestFirstRunDemo(t *testing.T) {
	tests := []struct {
		name     string
		occupied bool // a staff member is already registered, so the demo is refused
	}{
		{"demo loads", false},
		{"demo refused", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, svc := newTestUI(t, true, Options{})
			if tt.occupied {
				if _, err := svc.SaveStaff(pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11))); err != nil {
					t.Fatal(err)
				}
			}
			test.Tap(u.firstRun.demo)
			waitFor(t, "the demo to load", func() bool { return !u.firstRun.demo.Disabled() })
			n, _ := svc.StaffCount()
			if tt.occupied {
				if !shownText(u, "Kesalahan") || n != 1 {
					t.Errorf("a refused demo must be shown in an Indonesian error dialog and add nobody (%d staff)", n)
				}
				if u.firstRun.dialog == nil {
					t.Error("after a refused demo the first-run dialog must stay for the office identity")
				}
				return
			}
			if n < demoStaff || !strings.HasPrefix(u.win.Title(), "Kinerja — Kecamatan ") {
				t.Errorf("after demo: %d staff, title %q", n, u.win.Title())
			}
		})
	}
}
