package pdf

import (
	"fmt"
	"strings"
	"time"
)

// Realistic content shared by the tests and the benchmark.
const (
	employeeName = "Dr. H. Raden Asep Saepudin Kusumadinata, S.Sos., M.Si."
	employeeNIP  = "19790312 200501 1 004"
	raterName    = "Hj. Euis Komariah Nurhasanah, S.IP., M.AP."
	raterNIP     = "19680411 199303 1 009"
	superiorName = "Drs. H. Ade Ruhimat Suryadiningrat, M.Si."
	superiorNIP  = "19650908 198603 1 011"
	longRHK      = "Terlaksananya pelayanan administrasi kependudukan dan perizinan non-berusaha di wilayah Kecamatan Soreang secara cepat, tepat, transparan dan akuntabel sesuai standar pelayanan yang ditetapkan, termasuk koordinasi dengan Desa Cilame – Kutawaringin dan pelaporan berkala kepada Camat"
)

// sampleLetterhead is the Soreang kop surat.
func sampleLetterhead() *Letterhead {
	return &Letterhead{
		Government: "PEMERINTAH KABUPATEN BANDUNG",
		Office:     "KECAMATAN SOREANG",
		Address:    "Jl. Alun-alun Utara No. 1, Soreang, Kabupaten Bandung 40911 · Telp. (022) 5891234 · kec.soreang@bandungkab.go.id",
	}
}

// berakhlak are the seven core values with their guide behaviours.
var berakhlak = [][2]string{
	{"Berorientasi Pelayanan", "memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; melakukan perbaikan tiada henti"},
	{"Akuntabel", "melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi; menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien; tidak menyalahgunakan kewenangan jabatan"},
	{"Kompeten", "meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; membantu orang lain belajar; melaksanakan tugas dengan kualitas terbaik"},
	{"Harmonis", "menghargai setiap orang apapun latar belakangnya; suka menolong orang lain; membangun lingkungan kerja yang kondusif"},
	{"Loyal", "memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah; menjaga nama baik sesama ASN, pimpinan, instansi, dan negara; menjaga rahasia jabatan dan negara"},
	{"Adaptif", "cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan kreativitas; bertindak proaktif"},
	{"Kolaboratif", "memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka dalam bekerja sama untuk menghasilkan nilai tambah; menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama"},
}

// sampleResults gives n RHK, each with three indicators.
func sampleResults(n int) []ResultRow {
	var rows []ResultRow
	for i := 1; i <= n; i++ {
		kind := "Utama"
		if i > n-1 && n > 1 {
			kind = "Tambahan"
		}
		rhk := fmt.Sprintf("%d. %s", i, longRHK)
		for _, a := range []struct{ aspect, iki, target, real string }{
			{"Kuantitas", "Jumlah dokumen kependudukan yang diverifikasi dan diteruskan ke Disdukcapil", "240 dokumen", "251 dokumen (104,6%)"},
			{"Kualitas", "Persentase berkas tanpa pengembalian karena kesalahan verifikasi", "95%", "97,5%"},
			{"Waktu", "Rata-rata waktu layanan per berkas (kecepatan pelayanan)", "≤ 2 hari kerja", "1,5 hari kerja"},
		} {
			rows = append(rows, ResultRow{
				Kind: kind, LeaderRHK: "Meningkatnya kualitas pelayanan publik di Kecamatan Soreang",
				RHK: rhk, Aspect: a.aspect, Indicator: a.iki, Target: a.target, Realisation: a.real,
				Feedback: "Pertahankan; dokumentasikan bukti dukung setiap bulan. Café señor résumé – naïve.",
			})
		}
	}
	return rows
}

// sampleBehaviours are the seven values with expectations and feedback.
func sampleBehaviours() []BehaviourRow {
	rows := make([]BehaviourRow, len(berakhlak))
	for i, v := range berakhlak {
		rows[i] = BehaviourRow{
			Value: v[0], Guide: v[1],
			Expectation: "Menanggapi pengaduan warga paling lambat satu hari kerja",
			Feedback:    "Sudah baik; tingkatkan ketepatan waktu hadir.",
		}
	}
	return rows
}

// sampleEvaluation is an evaluation with rhk RHK rows.
func sampleEvaluation(final bool, rhk int) Evaluation {
	rater := Signature{Place: "Soreang", Date: "28 November 2026", Role: "Pejabat Penilai Kinerja,", Name: raterName, Rank: "Pembina Tingkat I (IV/b)", NIP: raterNIP}
	return Evaluation{
		Common:      Common{DocumentID: "EVK-2026-TW4-0007-r1", Letterhead: sampleLetterhead(), Final: final, Created: time.Date(2026, 11, 28, 10, 15, 0, 0, time.UTC)},
		Period:      "Triwulan IV",
		PeriodDates: "1 Oktober 2026 s.d. 31 Desember 2026",
		Agency:      "Pemerintah Kabupaten Bandung – Kecamatan Soreang",
		Employee: Person{Name: employeeName, NIP: employeeNIP, Rank: "Penata Muda Tingkat I (III/b)",
			Position: "Pengadministrasi Perkantoran pada Seksi Pelayanan Umum", Unit: "Seksi Pelayanan Umum Kecamatan Soreang"},
		Rater:         Person{Name: raterName, NIP: raterNIP, Rank: "Pembina Tingkat I (IV/b)", Position: "Kepala Seksi Pelayanan Umum", Unit: "Kecamatan Soreang"},
		RaterSuperior: Person{Name: superiorName, NIP: superiorNIP, Rank: "Pembina Utama Muda (IV/c)", Position: "Camat Soreang", Unit: "Kecamatan Soreang"},
		PostType:      "Jabatan Pelaksana",
		Approach:      "Kuantitatif",
		Results:       sampleResults(rhk),
		Behaviours:    sampleBehaviours(),
		ResultRating:  "Di Atas Ekspektasi", BehaviourRating: "Sesuai Ekspektasi", Predicate: "Baik",
		OrganisationResult: "Baik",
		Attendance: AttendanceSummary{Range: "1 Oktober 2026 s.d. 31 Desember 2026", Present: "96,7% (59 dari 61 hari kerja)",
			Late: "3 kali, 42 menit", EarlyLeave: "1 kali, 15 menit", Absent: "0 hari", Discipline: "-"},
		Notes:       strings.Repeat("Perlu peningkatan pemanfaatan aplikasi SIAK dan kecepatan pelayanan. ", 4),
		Development: "Diklat pelayanan prima (diperlukan); bimbingan teknis SIAK Terpusat (sudah, Oktober 2026).",
		EmployeeSignature: Signature{Place: "Soreang", Date: "28 November 2026", Role: "Pegawai yang Dinilai,", Name: employeeName,
			Rank: "Penata Muda Tingkat I (III/b)", NIP: employeeNIP},
		RaterSignature: rater,
	}
}

// sampleRecap is a recap of units×perUnit staff members.
func sampleRecap(units, perUnit int) Recap {
	r := Recap{
		Common:   Common{DocumentID: "RKH-2026-11", Letterhead: sampleLetterhead(), Final: true},
		Title:    "REKAP KEHADIRAN PEGAWAI — BULAN NOVEMBER 2026",
		Subtitle: "Hari kerja: 20 hari (2–30 November 2026)",
		Columns:  AttendanceColumns(),
		Notes:    []string{"H hadir, TL terlambat, PSW pulang sebelum waktunya, DL dinas luar, FWA kerja fleksibel, TB tugas belajar, S sakit, I izin, TK tanpa keterangan."},
		Acknowledged: Signature{Place: "Soreang", Date: "1 Desember 2026", Above: "Mengetahui,", Role: "CAMAT SOREANG,", Name: superiorName,
			Rank: "Pembina Utama Muda (IV/c)", NIP: superiorNIP},
		Prepared: Signature{Place: "Soreang", Date: "1 Desember 2026", Role: "Kasubbag Umum dan Kepegawaian,", Name: raterName,
			Rank: "Pembina Tingkat I (IV/b)", NIP: raterNIP},
	}
	n := 0
	for u := 1; u <= units; u++ {
		r.Rows = append(r.Rows, RecapRow{Kind: RowUnit, Cells: []string{fmt.Sprintf("Seksi %d – Pelayanan Umum dan Pemberdayaan Masyarakat Desa", u)}})
		for s := 0; s < perUnit; s++ {
			n++
			r.Rows = append(r.Rows, RecapRow{Cells: []string{itoa(n), employeeName + "\nNIP " + employeeNIP, "PNS",
				"20", "17", "2", "35", "1", "10", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "100,0", "0,5"}})
		}
		r.Rows = append(r.Rows, RecapRow{Kind: RowSubtotal, Cells: []string{"", fmt.Sprintf("Jumlah Seksi %d", u), "",
			"100", "85", "10", "175", "5", "50", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "100,0", ""}})
	}
	r.Rows = append(r.Rows, RecapRow{Kind: RowTotal, Cells: []string{"", "JUMLAH KECAMATAN", "", "2.345", "1.995", "10", "175", "5", "50", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "97,5", ""}})
	return r
}
