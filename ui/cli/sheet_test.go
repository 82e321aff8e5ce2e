package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportSheet(t *testing.T) {
	t.Parallel()
	db, _ := twoStaff(t)
	dir := t.TempDir()
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"satu hari", []string{"--date", "2026-11-30"},
			[]string{"DAFTAR HADIR PEGAWAI", "Senin, 30 November 2026", "Asep Saepudin", "19680411 199303 1 009", "Jam Datang"}},
		{"seminggu satu unit", []string{"--date", "2026-12-21", "--days", "7", "--unit", "seksi pemerintahan"},
			[]string{"Senin, 21 Desember 2026 s.d. Minggu, 27 Desember 2026", "Unit kerja: Seksi Pemerintahan", "Euis Rahayu",
				"Jumat, 25 Desember 2026: Kelahiran Yesus Kristus — libur nasional"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".pdf")
			code, stdout, stderr := cli(t, append([]string{"export", "sheet", "--data", db, "--out", out}, c.args...)...)
			if code != 0 || !strings.Contains(stdout, "Tersimpan: "+out) {
				t.Fatalf("exit %d: %s %s", code, stdout, stderr)
			}
			if report, err := toolRun(t, "qpdf", "--check", out); err != nil {
				t.Fatalf("qpdf --check: %v\n%s", err, report)
			}
			text, err := toolRun(t, "pdftotext", "-enc", "UTF-8", out, "-")
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			text = strings.Join(strings.Fields(text), " ")
			for _, w := range c.want {
				if !strings.Contains(text, w) {
					t.Errorf("sheet lacks %q", w)
				}
			}
		})
	}
}

func TestExportSheetRefuses(t *testing.T) {
	t.Parallel()
	db, _ := twoStaff(t)
	out := filepath.Join(t.TempDir(), "daftar-hadir.pdf")
	cases := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"tanpa --days angka", []string{"--date", "2026-11-30", "--days", "dua", "--out", out}, 2, "nilai opsi -days salah"},
		{"nol hari", []string{"--date", "2026-11-30", "--days", "0", "--out", out}, 2, "isi 1 sampai 7"},
		{"delapan hari", []string{"--date", "2026-11-30", "--days", "8", "--out", out}, 2, "isi 1 sampai 7"},
		{"tanpa tanggal", []string{"--out", out}, 2, "pakai --date"},
		{"tanggal salah", []string{"--date", "30-13-2026", "--out", out}, 2, "pakai --date"},
		{"tanpa --out", []string{"--date", "2026-11-30"}, 2, "pakai --date"},
		{"bukan pdf", []string{"--date", "2026-11-30", "--out", filepath.Join(t.TempDir(), "daftar.txt")}, 2, "harus berkas .pdf"},
		{"hari Sabtu", []string{"--date", "2026-11-28", "--out", out}, 1, "bukan hari kerja"},
		{"unit tidak dikenal", []string{"--date", "2026-11-30", "--unit", "Seksi Antah", "--out", out}, 1, "tidak dikenal"},
		{"unit tanpa pegawai", []string{"--date", "2026-11-30", "--unit", "9", "--out", out}, 1, "tidak ada pegawai aktif"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := cli(t, append([]string{"export", "sheet", "--data", db}, c.args...)...)
			if code != c.code || !strings.Contains(stderr, c.want) {
				t.Fatalf("exit %d, %q; want exit %d with %q", code, stderr, c.code, c.want)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Fatalf("a refused command left %s behind: %v", out, err)
			}
		})
	}
}
