package data

// CoreValue is one of the seven BerAKHLAK core values of ASN (SE MenPANRB
// 20/2021) with its three guide behaviours (panduan perilaku), against which
// perilaku kerja is rated (PermenPANRB 6/2022).
type CoreValue struct {
	Number     int       `json:"number"` // 1–7, the order of the acronym
	Name       string    `json:"name"`
	Behaviours [3]string `json:"behaviours"`
}

// BerAKHLAK returns the seven core values in order, with their guide behaviours
// worded as SE MenPANRB 20/2021 gives them (docs/aturan.md §7.3). Each call
// returns a fresh copy.
func BerAKHLAK() [7]CoreValue {
	return [7]CoreValue{
		{1, "Berorientasi Pelayanan", [3]string{
			"memahami dan memenuhi kebutuhan masyarakat",
			"ramah, cekatan, solutif, dan dapat diandalkan",
			"melakukan perbaikan tiada henti",
		}},
		{2, "Akuntabel", [3]string{
			"melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
			"menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
			"tidak menyalahgunakan kewenangan jabatan",
		}},
		{3, "Kompeten", [3]string{
			"meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
			"membantu orang lain belajar",
			"melaksanakan tugas dengan kualitas terbaik",
		}},
		{4, "Harmonis", [3]string{
			"menghargai setiap orang apapun latar belakangnya",
			"suka menolong orang lain",
			"membangun lingkungan kerja yang kondusif",
		}},
		{5, "Loyal", [3]string{
			"memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada NKRI serta pemerintahan yang sah",
			"menjaga nama baik sesama ASN, pimpinan, instansi, dan negara",
			"menjaga rahasia jabatan dan negara",
		}},
		{6, "Adaptif", [3]string{
			"cepat menyesuaikan diri menghadapi perubahan",
			"terus berinovasi dan mengembangkan kreativitas",
			"bertindak proaktif",
		}},
		{7, "Kolaboratif", [3]string{
			"memberi kesempatan kepada berbagai pihak untuk berkontribusi",
			"terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
			"menggerakkan pemanfaatan berbagai sumber daya untuk tujuan bersama",
		}},
	}
}
