package data

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// importTable makes a table with the export headers whose rows start at line 2.
func importTable(rows ...StaffRow) Table {
	t := Table{Header: StaffHeaders()}
	for i, r := range rows {
		t.Rows = append(t.Rows, Row{Line: i + 2, Cells: r.Cells()})
	}
	return t
}

func parseRows(existing []Staff, rows ...StaffRow) ImportResult {
	return ParseStaffImport(importTable(rows...), GuessMapping(StaffHeaders()), DefaultUnits(), existing, rowToday)
}

// validRow is the row of the first sample staff member (a PNS man, NIP 196804111993031009).
func validRow() StaffRow { return StaffRowOf(sampleImportStaff()[0], DefaultUnits()) }

func TestParseStaffImportAcceptsEveryKind(t *testing.T) {
	t.Parallel()
	want := sampleImportStaff()
	var rows []StaffRow
	for _, s := range want {
		rows = append(rows, StaffRowOf(s, DefaultUnits()))
	}
	res := parseRows(nil, rows...)
	if len(res.Rejected) > 0 {
		t.Fatalf("rejected: %v", res.Rejected)
	}
	if !reflect.DeepEqual(res.Accepted, want) {
		t.Errorf("accepted:\n%+v\nwant\n%+v", res.Accepted, want)
	}
	if !reflect.DeepEqual(res.Lines, []int{2, 3, 4, 5, 6, 7, 8}) {
		t.Errorf("lines = %v", res.Lines)
	}
}

// leaving returns an edit that marks a row Tidak aktif with the given reason and date.
func leaving(reason, date string) func(*StaffRow) {
	return func(r *StaffRow) { r.Status, r.LeaveReason, r.LeaveDate = "Tidak aktif", reason, date }
}

func TestParseStaffImportRowProblems(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		edit func(*StaffRow)
		want []string // substrings of the reason
	}{
		{"NIP 17 digits", func(r *StaffRow) { r.NIP = "19680411199303100" }, []string{"NIP harus 18 digit angka (tertulis 17)"}},
		{"NIP with letter", func(r *StaffRow) { r.NIP = "19680411199303100x" }, []string{"NIP hanya boleh berisi angka"}},
		{"NIP bad birth date", func(r *StaffRow) { r.NIP = "196802301993031009" }, []string{"tidak ada di kalender"}},
		{"NIP sex digit", func(r *StaffRow) { r.NIP = "196804111993033009" }, []string{"Digit ke-15"}},
		{"Excel comma scientific", func(r *StaffRow) { r.NIP = "1,97E+17" }, []string{`NIP "1,97E+17" telah diubah Excel menjadi angka`, "Teks"}},
		{"Excel point scientific", func(r *StaffRow) { r.NIP = "1.96804111993031E+17" }, []string{"diubah Excel", "Format Cells"}},
		{"Excel zeros", func(r *StaffRow) { r.NIP = "196804111993031000" }, []string{`NIP "196804111993031000" telah diubah Excel`}},
		{"Excel NIK", func(r *StaffRow) { r.NIK = "3,20402E+15" }, []string{"NIK \"3,20402E+15\" telah diubah Excel"}},
		{"missing name", func(r *StaffRow) { r.Name = "" }, []string{"Nama pegawai wajib diisi"}},
		{"unknown kind", func(r *StaffRow) { r.Kind = "Kontrak" }, []string{`Jenis pegawai "Kontrak" tidak dikenal`}},
		{"unknown sex", func(r *StaffRow) { r.Sex = "X" }, []string{`Jenis kelamin "X" tidak dikenal`}},
		{"bad birth date", func(r *StaffRow) { r.BirthDate = "31/02/1968" }, []string{"Tanggal lahir:", "tidak ada di kalender"}},
		{"month-first date", func(r *StaffRow) { r.StartDate = "2020/31/01" }, []string{"TMT di kantor ini:"}},
		{"no start date", func(r *StaffRow) { r.StartDate = "" }, []string{"TMT di kantor ini wajib diisi"}},
		{"unknown unit", func(r *StaffRow) { r.Unit = "Seksi Tidak Ada" }, []string{`Unit kerja "Seksi Tidak Ada" tidak ada di daftar unit`}},
		{"missing unit", func(r *StaffRow) { r.Unit = "" }, []string{"Unit kerja wajib dipilih"}},
		{"bad rank", func(r *StaffRow) { r.Rank = "V/a" }, []string{`"V/a" tidak berlaku untuk PNS`}},
		{"birth date mismatch without reason", func(r *StaffRow) { r.BirthDate = "12/04/1968" },
			[]string{"Tanggal lahir pada NIP (11 April 1968) berbeda", `kolom "Alasan NIP berbeda"`}},
		{"sex mismatch without reason", func(r *StaffRow) { r.Sex = "P" }, []string{"Jenis kelamin pada NIP", "Alasan NIP berbeda"}},
		{"left without reason", leaving("", "01/01/2025"), []string{"Alasan keluar wajib diisi"}},
		{"left without date", leaving("Pindah tugas", ""), []string{"Tanggal keluar wajib diisi"}},
		{"unknown leave reason", leaving("Kabur", "01/01/2025"), []string{`Alasan keluar "Kabur" tidak dikenal`}},
		{"bad leave date", leaving("Pindah tugas", "32/01/2025"), []string{"Tanggal keluar:"}},
		{"leave before start", leaving("Pindah tugas", "01/01/2019"), []string{"tidak boleh sebelum tanggal mulai"}},
		{"active with leave date", func(r *StaffRow) { r.LeaveDate = "01/01/2025" }, []string{"Status Aktif tetapi"}},
		{"unknown status", func(r *StaffRow) { r.Status = "Cuti" }, []string{`Status "Cuti" tidak dikenal`}},
		{"Non-ASN with NIP", func(r *StaffRow) { r.Kind = "Honorer"; r.Rank = "" }, []string{"Non-ASN tidak memiliki NIP"}},
		{"PPPK without contract", func(r *StaffRow) { *r = StaffRowOf(sampleImportStaff()[2], DefaultUnits()); r.ContractStart = "" },
			[]string{"Tanggal mulai kontrak wajib diisi"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := validRow()
			tt.edit(&r)
			res := parseRows(nil, r)
			if len(res.Accepted) != 0 || len(res.Rejected) != 1 {
				t.Fatalf("accepted %d, rejected %v", len(res.Accepted), res.Rejected)
			}
			p := res.Rejected[0]
			if p.Line != 2 {
				t.Errorf("line = %d, want 2", p.Line)
			}
			for _, w := range tt.want {
				if !strings.Contains(p.Reason, w) {
					t.Errorf("reason %q does not contain %q", p.Reason, w)
				}
			}
		})
	}
}

func TestParseStaffImportExcelNIPNotRepeated(t *testing.T) {
	t.Parallel()
	r := validRow()
	r.NIP = "1,97E+17"
	res := parseRows(nil, r, r)
	if len(res.Rejected) != 2 {
		t.Fatalf("rejected %v", res.Rejected)
	}
	for _, p := range res.Rejected {
		if !strings.Contains(p.Reason, "diubah Excel") || strings.Contains(p.Reason, "hanya boleh berisi angka") ||
			strings.Contains(p.Reason, "juga tertulis") {
			t.Errorf("mangled NIP should give only the Excel message: %v", p)
		}
	}
}

func TestParseStaffImportAcceptsLooseSpelling(t *testing.T) {
	t.Parallel()
	r := validRow()
	r.NIP = "19680411 199303 1 009"
	r.Kind = "pns"
	r.Sex = "laki-laki"
	r.Rank = "iv - a"
	r.Unit = "  pimpinan   KECAMATAN "
	r.BirthDate = "11 April 1968"
	r.StartDate = "2020-01-02"
	res := parseRows(nil, r)
	if len(res.Rejected) > 0 {
		t.Fatalf("rejected: %v", res.Rejected)
	}
	if got := res.Accepted[0]; !reflect.DeepEqual(got, sampleImportStaff()[0]) {
		t.Errorf("got %+v", got)
	}
}

func TestParseStaffImportLeaveEvent(t *testing.T) {
	t.Parallel()
	r := validRow()
	r.Status, r.LeaveReason, r.LeaveDate = "TIDAK AKTIF", "pindah  tugas", "15/06/2024"
	res := parseRows(nil, r)
	if len(res.Rejected) > 0 {
		t.Fatalf("rejected: %v", res.Rejected)
	}
	sit := res.Accepted[0].Current()
	if sit.Active || sit.Left != LeaveMoved || sit.LeftOn.Slash() != "15/06/2024" || sit.Rank != "IV/a" {
		t.Errorf("situation = %+v", sit)
	}
}

func TestNormalizeRank(t *testing.T) {
	t.Parallel()
	tests := []struct {
		kind Kind
		in   string
		want string
	}{
		{KindPNS, "III/b", "III/b"},
		{KindPNS, " iii / B ", "III/b"},
		{KindCPNS, "II-a", "II/a"},
		{KindPNS, "Penata Muda Tingkat I (III/b)", "III/b"},
		{KindPPPK, "ix", "IX"},
		{KindPPPK, "Golongan IX", "IX"},
		{KindPPPK, "III/b", "III/b"},
		{KindNonASN, "  ", ""},
		{KindPNS, "V/a", "V/a"},
		{"", "iii/b", "iii/b"},
	}
	for _, tt := range tests {
		if got := normalizeRank(tt.kind, tt.in); got != tt.want {
			t.Errorf("normalizeRank(%s, %q) = %q, want %q", tt.kind, tt.in, got, tt.want)
		}
	}
}

func TestExcelMangled(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cell   string
		length int
		want   bool
	}{
		{"1,97E+17", NIPLength, true},
		{"1.97E+17", NIPLength, true},
		{"1.96804111993031E+17", NIPLength, true},
		{" 1,96804E+17 ", NIPLength, true},
		{"2E17", NIPLength, true},
		{"196804111993031000", NIPLength, true},
		{"19680411 199303 1 000", NIPLength, true},
		{"196804111993031009", NIPLength, false},
		{"196804111993031010", NIPLength, false},
		{"196804111993031100", NIPLength, false},
		{"19680411199303100", NIPLength, false},
		{"1968041119930310000", NIPLength, false},
		{"3,20402E+15", NIKLength, true},
		{"3204015505900000", NIKLength, false},
		{"3204015505900003", NIKLength, false},
		{"", NIPLength, false},
		{"E+17", NIPLength, false},
		{"1,97E+", NIPLength, false},
	}
	for _, tt := range tests {
		if got := ExcelMangled(tt.cell, tt.length); got != tt.want {
			t.Errorf("ExcelMangled(%q, %d) = %v, want %v", tt.cell, tt.length, got, tt.want)
		}
	}
}

func TestParseStaffImportDuplicatesInFile(t *testing.T) {
	t.Parallel()
	a := validRow()
	b := StaffRowOf(sampleImportStaff()[1], DefaultUnits())
	c := validRow()
	c.NIP = "19680411 199303 1 009" // same NIP, typed grouped
	d := StaffRowOf(sampleImportStaff()[4], DefaultUnits())
	e := StaffRowOf(sampleImportStaff()[4], DefaultUnits())
	e.Name = "Euis Lain"
	res := parseRows(nil, a, b, c, d, e)
	want := map[int]string{
		2: "NIP 196804111993031009 juga tertulis di baris 4",
		4: "NIP 196804111993031009 juga tertulis di baris 2",
		5: "NIK 3204015505900003 juga tertulis di baris 6",
		6: "NIK 3204015505900003 juga tertulis di baris 5",
	}
	if len(res.Rejected) != len(want) {
		t.Fatalf("rejected = %v", res.Rejected)
	}
	for _, p := range res.Rejected {
		if !strings.Contains(p.Reason, want[p.Line]) {
			t.Errorf("line %d: %q does not contain %q", p.Line, p.Reason, want[p.Line])
		}
	}
	if len(res.Accepted) != 1 || res.Lines[0] != 3 {
		t.Errorf("accepted lines = %v", res.Lines)
	}
}

func TestParseStaffImportManyDuplicatesNamesFew(t *testing.T) {
	t.Parallel()
	var rows []StaffRow
	for range 9 {
		rows = append(rows, validRow())
	}
	res := parseRows(nil, rows...)
	if len(res.Rejected) != 9 {
		t.Fatalf("rejected %d", len(res.Rejected))
	}
	if want := "juga tertulis di baris 3, 4, 5, 6, 7 dan 3 baris lain"; !strings.Contains(res.Rejected[0].Reason, want) {
		t.Errorf("%q does not contain %q", res.Rejected[0].Reason, want)
	}
	if want := "juga tertulis di baris 2, 3, 4, 5, 6 dan 3 baris lain"; !strings.Contains(res.Rejected[8].Reason, want) {
		t.Errorf("%q does not contain %q", res.Rejected[8].Reason, want)
	}
}

func TestParseStaffImportDuplicatesAgainstRegister(t *testing.T) {
	t.Parallel()
	existing := sampleImportStaff()[:2]
	existing[1].NIP = "19750215 200003 2 001"
	rows := []StaffRow{validRow(), StaffRowOf(sampleImportStaff()[1], DefaultUnits()), StaffRowOf(sampleImportStaff()[2], DefaultUnits())}
	res := parseRows(existing, rows...)
	if len(res.Rejected) != 2 || len(res.Accepted) != 1 {
		t.Fatalf("rejected %v, accepted %d", res.Rejected, len(res.Accepted))
	}
	if want := "NIP 196804111993031009 sudah terdaftar atas nama Drs. H. Asep Saepudin, M.Si."; !strings.Contains(res.Rejected[0].Reason, want) {
		t.Errorf("%q does not contain %q", res.Rejected[0].Reason, want)
	}
	if want := "NIK 3204015502750001 sudah terdaftar"; !strings.Contains(res.Rejected[1].Reason, want) {
		t.Errorf("%q does not contain %q", res.Rejected[1].Reason, want)
	}
}

func TestParseStaffImportMismatchKeptWithReason(t *testing.T) {
	t.Parallel()
	r := validRow()
	r.BirthDate = "12/04/1968"
	r.MismatchReason = "Akta kelahiran menyebut 12 April"
	res := parseRows(nil, r)
	if len(res.Rejected) > 0 || res.Accepted[0].MismatchReason != r.MismatchReason {
		t.Fatalf("rejected %v", res.Rejected)
	}
}

func TestParseStaffImportSkipsBlankRowsKeepsLines(t *testing.T) {
	t.Parallel()
	tbl := Table{Header: StaffHeaders(), Rows: []Row{
		{Line: 3, Cells: []string{"", "  "}},
		{Line: 7, Cells: validRow().Cells()},
		{Line: 9, Cells: []string{"19680411199303100"}},
	}}
	res := ParseStaffImport(tbl, GuessMapping(tbl.Header), DefaultUnits(), nil, rowToday)
	if !reflect.DeepEqual(res.Lines, []int{7}) || len(res.Rejected) != 1 || res.Rejected[0].Line != 9 {
		t.Errorf("lines %v, rejected %v", res.Lines, res.Rejected)
	}
	if got := res.Rejected[0].String(); !strings.HasPrefix(got, "baris 9: Nama pegawai wajib diisi.") {
		t.Errorf("String() = %q", got)
	}
}

func TestParseStaffImportPartialColumns(t *testing.T) {
	t.Parallel()
	header := []string{"No", "Nama Lengkap", "NIP", "JK", "Jenis", "Tgl Lahir", "Gol", "Jabatan", "Unit", "TMT"}
	tbl := Table{Header: header, Rows: []Row{
		{Line: 2, Cells: []string{"1", "Asep Saepudin", "'196804111993031009", "L", "PNS", "11/04/1968", "IV/a", "Camat", "Pimpinan Kecamatan", "02/01/2020"}},
		{Line: 3, Cells: []string{"2", "Asep Saepudin", "196804111993031009", "L", "PNS", "11/04/1968", "IV/a", "Camat", "Pimpinan Kecamatan", "02/01/2020"}},
	}}
	m := GuessMapping(header)
	if err := ValidateMapping(m); err != nil {
		t.Fatal(err)
	}
	res := ParseStaffImport(tbl, m, DefaultUnits(), nil, rowToday)
	if len(res.Rejected) != 1 || res.Rejected[0].Line != 2 || !strings.Contains(res.Rejected[0].Reason, "NIP hanya boleh berisi angka") {
		t.Errorf("rejected %v", res.Rejected)
	}
	if len(res.Accepted) != 1 || res.Accepted[0].Name != "Asep Saepudin" {
		t.Errorf("accepted %+v", res.Accepted)
	}
}

func BenchmarkParseStaffImport2000(b *testing.B) {
	var rows []StaffRow
	for i := range 2000 {
		r := validRow()
		r.Name = fmt.Sprintf("Pegawai %d", i)
		r.NIP = fmt.Sprintf("19680411199303%d%03d", 1+i/999%2, 1+i%999)
		r.Sex = []string{"L", "P"}[i/999%2]
		rows = append(rows, r)
	}
	tbl, m, units := importTable(rows...), GuessMapping(StaffHeaders()), DefaultUnits()
	b.ResetTimer()
	for b.Loop() {
		ParseStaffImport(tbl, m, units, nil, rowToday)
	}
}

func FuzzParseStaffImport(f *testing.F) {
	f.Add(strings.Join(StaffHeaders(), ",") + "\n" + strings.Join(validRow().Cells(), ","))
	f.Add("NIP,Nama,Jenis pegawai,JK,Jabatan,Unit kerja,TMT\n1,97E+17,Asep,PNS,L,Camat,Sekretariat,01/01/2020\n,,,,\n")
	f.Add("Nama;Status;Alasan keluar;Tanggal keluar\nA;Tidak aktif;Pindah tugas;31/02/2020")
	f.Add("gol\n(\n)\ngolongan ")
	f.Fuzz(func(t *testing.T, text string) {
		lines := strings.Split(text, "\n")
		tbl := Table{Header: strings.Split(lines[0], ",")}
		for i, l := range lines[1:] {
			tbl.Rows = append(tbl.Rows, Row{Line: i + 2, Cells: strings.Split(l, ",")})
		}
		res := ParseStaffImport(tbl, GuessMapping(tbl.Header), DefaultUnits(), sampleImportStaff()[:1], rowToday)
		nonBlank := 0
		for _, r := range tbl.Rows {
			if !r.Blank() {
				nonBlank++
			}
		}
		if len(res.Accepted) != len(res.Lines) || len(res.Accepted)+len(res.Rejected) != nonBlank {
			t.Fatalf("accepted %d, lines %d, rejected %d, rows %d", len(res.Accepted), len(res.Lines), len(res.Rejected), nonBlank)
		}
		for _, s := range res.Accepted {
			if p := ValidateStaff(s, DefaultUnits(), rowToday); !p.OK() {
				t.Fatalf("accepted invalid staff %+v: %v", s, p.Errors)
			}
		}
		for _, p := range res.Rejected {
			if p.Reason == "" {
				t.Fatalf("empty reason on line %d", p.Line)
			}
		}
	})
}
