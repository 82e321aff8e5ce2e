package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"kinerja/data"
	"kinerja/export"
)

// importCSV is a semicolon file as Excel writes it with Indonesian settings:
// line 2 is good, line 3 has a 17-digit NIP, line 4 a NIP mangled by Excel,
// line 5 is good.
const importCSV = "NIP;Nama;Jenis pegawai;Jenis kelamin;Tgl. lahir;Golongan;Jabatan;Unit kerja;TMT di kantor ini\n" +
	"196804111993031009;Budi Santoso;PNS;L;11/04/1968;III/b;Pengadministrasi Umum;Seksi Pemerintahan;01/03/2015\n" +
	"19800101200501100;Cecep Hidayat;PNS;L;01/01/1980;III/a;Pengadministrasi Umum;Seksi Pemerintahan;01/03/2015\n" +
	"1,97505E+17;Dedi Kurnia;PNS;L;12/05/1975;III/a;Pengadministrasi Umum;Seksi Pemerintahan;01/03/2015\n" +
	"197505122000031001;Euis Suryani;PNS;L;12/05/1975;III/c;Bendahara;Subbagian Perencanaan dan Keuangan;01/07/2018\n"

func TestImportWizard(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenStaff)
	table, err := export.ReadTable("pegawai.csv", strings.NewReader(importCSV))
	if err != nil {
		t.Fatal(err)
	}
	w := u.openImport("pegawai.csv", table)
	if got := w.selects[column(data.ColName)].Selected; got != "Kolom 2: Nama" {
		t.Errorf("Nama is mapped to %q, want the guess Kolom 2: Nama", got)
	}
	if got := w.selects[column(data.ColBirthDate)].Selected; got != "Kolom 5: Tgl. lahir" {
		t.Errorf("Tanggal lahir is mapped to %q", got)
	}
	if w.mapMsg.Visible() {
		t.Errorf("a complete mapping shows %q", w.mapMsg.Text)
	}

	w.selects[column(data.ColName)].SetSelectedIndex(0) // unmap Nama
	if !w.mapMsg.Visible() || !strings.Contains(w.mapMsg.Text, "Nama") {
		t.Errorf("unmapping Nama shows %q", w.mapMsg.Text)
	}
	test.Tap(button(t, u, "Lanjut: periksa baris"))
	if w.confirm != nil {
		t.Fatal("an incomplete mapping went on to the preview")
	}
	w.selects[column(data.ColName)].SetSelectedIndex(2)

	test.Tap(button(t, u, "Lanjut: periksa baris"))
	waitFor(t, "the preview", func() bool { return w.confirm != nil })
	if n, _ := svc.StaffCount(); n != 0 {
		t.Fatal("the preview saved staff")
	}
	for _, want := range []string{"2 baris dapat disimpan, 2 baris ditolak", "baris 3: ", "baris 4: "} {
		if !shownText(u, want) {
			t.Errorf("the preview does not show %q", want)
		}
	}
	var reasons []string
	for _, p := range w.result.Rejected {
		reasons = append(reasons, p.String())
	}
	if !strings.Contains(strings.Join(reasons, "\n"), "Excel") {
		t.Errorf("the mangled NIP is not explained: %v", reasons)
	}

	test.Tap(button(t, u, "Simpan 2 pegawai"))
	waitFor(t, "the import to be saved", func() bool { n, _ := svc.StaffCount(); return n == 2 })
	waitFor(t, "the list to show the new staff", func() bool { return len(u.staff.all) == 2 })
}

func TestExportRoundTrip(t *testing.T) {
	for _, ext := range []string{".csv", ".xlsx"} {
		t.Run(ext, func(t *testing.T) {
			u, svc := newTestUI(t, false, Options{})
			left := pns("Budi Santoso", "196804111993031009", data.NewDate(1968, 4, 11))
			left.History = append(left.History, data.Event{Kind: data.EventLeave, Date: data.NewDate(2026, 5, 1), Reason: data.LeaveRetireBUP})
			for _, s := range []data.Staff{left, pns("Cecep Hidayat", "198001012005011002", data.NewDate(1980, 1, 1))} {
				if _, err := svc.SaveStaff(s); err != nil {
					t.Fatal(err)
				}
			}
			path := filepath.Join(t.TempDir(), "pegawai"+ext)
			n, err := u.svc.ExportStaff(path)
			if err != nil || n != 2 {
				t.Fatalf("export wrote %d, %v", n, err)
			}
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			table, err := export.ReadTable(path, f)
			if err != nil {
				t.Fatal(err)
			}
			units, _ := svc.Units()
			res := data.ParseStaffImport(table, data.GuessMapping(table.Header), units, nil, testToday)
			if len(res.Accepted) != 2 || len(res.Rejected) != 0 {
				t.Fatalf("re-import: %d accepted, rejected %v", len(res.Accepted), res.Rejected)
			}
			if res.Accepted[0].Name != "Budi Santoso" || res.Accepted[0].Current().Active {
				t.Errorf("first row after round trip: %q active=%v", res.Accepted[0].Name, res.Accepted[0].Current().Active)
			}
		})
	}
}

// column is the index of key in data.StaffColumns, which is also the index of its Select.
func column(key string) int {
	for i, c := range data.StaffColumns {
		if c.Key == key {
			return i
		}
	}
	return -1
}
