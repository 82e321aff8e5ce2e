package demo

import (
	"kinerja/data"
	"math/rand/v2"
	"sort"
	"time"
)

// demoUnitWork holds, per default unit id, the RHK pimpinan a unit's staff
// intervene in and two hasil kerja rows (RHK, aspek, IKI, target) for them.
var demoUnitWork = map[uint64]struct {
	pimpinan string
	rows     [2][4]string
}{
	1: {"Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan", [2][4]string{
		{"Terkoordinasinya penyelenggaraan pemerintahan kecamatan", "kualitas", "Persentase program kecamatan yang terlaksana", "95%"},
		{"Meningkatnya indeks kepuasan masyarakat atas layanan kecamatan", "kualitas", "Nilai IKM kecamatan", "85"}}},
	2: {"Terkoordinasinya penyelenggaraan pemerintahan kecamatan", [2][4]string{
		{"Terkelolanya administrasi umum, kepegawaian dan keuangan", "waktu", "Ketepatan waktu laporan sekretariat", "12 laporan tepat waktu"},
		{"Tersusunnya dokumen perencanaan kecamatan", "kuantitas", "Jumlah dokumen perencanaan", "3 dokumen"}}},
	3: {"Terkelolanya administrasi umum, kepegawaian dan keuangan", [2][4]string{
		{"Terselesaikannya surat masuk dan keluar", "kuantitas", "Jumlah surat yang diagendakan", "600 surat"},
		{"Termutakhirkannya data kepegawaian", "waktu", "Lama pemutakhiran data pegawai", "3 hari kerja"}}},
	4: {"Tersusunnya dokumen perencanaan kecamatan", [2][4]string{
		{"Tersusunnya laporan realisasi anggaran", "waktu", "Ketepatan waktu laporan keuangan bulanan", "12 laporan"},
		{"Tersusunnya rencana kerja kecamatan", "kuantitas", "Jumlah dokumen renja", "1 dokumen"}}},
	5: {"Meningkatnya kualitas penyelenggaraan pemerintahan kecamatan", [2][4]string{
		{"Terbinanya administrasi pemerintahan desa", "kuantitas", "Jumlah desa yang dibina", "10 desa"},
		{"Terselesaikannya rekomendasi administrasi kependudukan", "waktu", "Lama penyelesaian rekomendasi", "1 hari kerja"}}},
	6: {"Terwujudnya ketenteraman dan ketertiban umum", [2][4]string{
		{"Terlaksananya patroli ketertiban umum", "kuantitas", "Jumlah patroli terlaksana", "24 kali"},
		{"Tertanganinya pengaduan gangguan ketertiban", "waktu", "Lama tindak lanjut pengaduan", "2 hari kerja"}}},
	7: {"Meningkatnya perekonomian dan pembangunan kewilayahan", [2][4]string{
		{"Terfasilitasinya musrenbang desa dan kecamatan", "kuantitas", "Jumlah musrenbang terfasilitasi", "11 kegiatan"},
		{"Termonitornya pembangunan fisik desa", "kuantitas", "Jumlah laporan monitoring", "20 laporan"}}},
	8: {"Meningkatnya kesejahteraan sosial masyarakat", [2][4]string{
		{"Tervalidasinya data penerima bantuan sosial", "kualitas", "Persentase data tervalidasi", "100%"},
		{"Terfasilitasinya kegiatan keagamaan dan kepemudaan", "kuantitas", "Jumlah kegiatan terfasilitasi", "8 kegiatan"}}},
	9: {"Meningkatnya indeks kepuasan masyarakat atas layanan kecamatan", [2][4]string{
		{"Terselesaikannya layanan administrasi terpadu kecamatan", "waktu", "Rata-rata waktu layanan per berkas", "30 menit"},
		{"Terlayaninya permohonan layanan PATEN", "kuantitas", "Jumlah berkas terlayani", "1.200 berkas"}}},
}

// SKPs returns, for the fictional office of Demo, one SKP for year per
// evaluated staff member (PNS, CPNS, PPPK) who works there during that year:
// from 1 January (or the start date) to 31 December (or the day before
// leaving), with two Utama rows of the unit's work, one Tambahan row, an
// ekspektasi khusus pimpinan for Berorientasi Pelayanan and a lampiran. Ids
// are 0, given when stored.
func SKPs(staff []data.Staff, year int) []data.SKP {
	var out []data.SKP
	jan1, dec31 := data.NewDate(year, time.January, 1), data.NewDate(year, time.December, 31)
	for _, s := range staff {
		if !s.Kind.Evaluated() {
			continue
		}
		start, end := jan1, dec31
		if first := s.StartDate(); first.After(start) {
			start = first
		}
		if left := s.At(dec31); left.Left != "" && !left.LeftOn.After(dec31) {
			end = left.LeftOn.AddDays(-1)
		}
		if start.IsZero() || end.Before(start) {
			continue
		}
		sit := s.At(start)
		work, ok := demoUnitWork[sit.UnitID]
		if !ok {
			work = demoUnitWork[3]
		}
		k := data.SKP{StaffID: s.ID, Start: start, End: end, Position: sit.Position, UnitID: sit.UnitID, Approach: data.ApproachKuantitatif,
			Perilaku: []data.PerilakuExpectation{{ValueIndex: 1, Ekspektasi: "Melayani masyarakat dengan ramah dan tuntas pada hari yang sama"}},
			Lampiran: data.Lampiran{
				DukunganSumberDaya:      []string{"Komputer dan jaringan internet kantor", "Aplikasi layanan kecamatan"},
				SkemaPertanggungjawaban: []string{"Laporan bulanan kepada atasan langsung"},
				Konsekuensi:             []string{"Predikat kinerja menjadi dasar pengembangan kompetensi"},
			}}
		for _, r := range work.rows {
			k.Rows = append(k.Rows, data.HasilKerja{Kind: data.HasilUtama, RHKPimpinan: work.pimpinan, RHK: r[0], Aspek: data.Aspek(r[1]), IKI: r[2], Target: r[3]})
		}
		k.Rows = append(k.Rows, data.HasilKerja{Kind: data.HasilTambahan, RHKPimpinan: work.pimpinan, RHK: "Terdokumentasinya kegiatan kantor di media sosial",
			Aspek: data.AspekKuantitas, IKI: "Jumlah unggahan kegiatan", Target: "12 unggahan"})
		out = append(out, k)
	}
	return out
}

// EvaluationOptions are what Evaluations needs: the stored staff,
// units (with heads) and SKPs, the ended periods to evaluate in date order,
// today, and the seed.
type EvaluationOptions struct {
	Staff   []data.Staff
	Units   []data.Unit
	SKPs    []data.SKP
	Periods []data.Period
	Today   data.Date
	Seed    int64
	// Closed treats the last period like the earlier ones (all decided), for
	// the older years of a demo with several years of history.
	Closed bool
}

// EvaluationSet is the evaluation history made by Evaluations.
type EvaluationSet struct {
	Capaian     map[string]data.CapaianOrganisasi // per period id
	Evaluations []data.Evaluation                 // current versions
	Revisions   []data.Evaluation                 // earlier versions, kept
}

// demoPairs are the five rating pairs giving the five predikat, in
// Predikats order.
var demoPairs = [5][2]data.Rating{
	{data.RatingDiAtas, data.RatingDiAtas}, {data.RatingSesuai, data.RatingSesuai}, {data.RatingDiBawah, data.RatingSesuai},
	{data.RatingSesuai, data.RatingDiBawah}, {data.RatingDiBawah, data.RatingDiBawah},
}

// Evaluations makes the evaluations of the ended periods through the
// workflow of Evaluation (Submit, Finalize, Reopen), so every record obeys
// its rules. Each period gets capaian Baik. Every staff member with an SKP
// and a rater is evaluated; the first five of each period get Sangat Baik,
// Baik, Butuh Perbaikan, Kurang/Misconduct and Sangat Kurang in turn, the
// rest mostly Baik. In the last period some evaluations stay Diajukan or Draf
// and a few are not started; every earlier one is Ditetapkan, with the
// identities frozen on its deadline (or today). The head of the office, who
// has no rater inside it, keeps a draft whose rating hasil kerja follows the
// capaian. Butuh Perbaikan or worse get a development follow-up. In the first
// period one Sangat Baik evaluation is reopened, corrected and finalized again
// (revision 1, revision 0 kept); in the last period the Kurang/Misconduct one
// carries a keberatan with the rater's explanation and the Atasan's decision.
func Evaluations(opt EvaluationOptions) EvaluationSet {
	r := rand.New(rand.NewPCG(uint64(opt.Seed), 0x6e696c6169))
	set := EvaluationSet{Capaian: map[string]data.CapaianOrganisasi{}}
	staff := append([]data.Staff(nil), opt.Staff...)
	sort.Slice(staff, func(i, j int) bool { return staff[i].ID < staff[j].ID })
	var head uint64
	for _, u := range opt.Units {
		if u.Kind == data.UnitLeadership && u.HeadStaffID != 0 && head == 0 {
			head = u.HeadStaffID
		}
	}
	for pi, p := range opt.Periods {
		set.Capaian[p.ID] = data.CapaianBaik
		last, first := pi == len(opt.Periods)-1 && !opt.Closed, pi == 0
		pairs := data.DefaultRaters(staff, opt.Units, p.End)
		on := p.Deadline.AddDays(-3)
		if on.After(opt.Today) {
			on = opt.Today
		}
		at := time.Date(on.Year(), on.Month(), on.Day(), 10, 0, 0, 0, time.Local)
		byID := map[uint64]data.Staff{}
		for _, s := range staff {
			byID[s.ID] = s
		}
		identity := func(id uint64) data.Identity {
			if s, ok := byID[id]; ok {
				return data.IdentityOf(s, opt.Units, on)
			}
			return data.Identity{}
		}
		n, reopened, objected := 0, false, false
		for _, s := range staff {
			pair, rated := pairs[s.ID]
			skp, hasSKP := data.SKPForPeriod(opt.SKPs, s.ID, p)
			if !rated || !hasSKP {
				continue
			}
			e := demoDraft(p.ID, s.ID, skp, pair, r, at)
			if s.ID == head {
				e.WorkRating, e.BehaviorRating = data.HeadWorkRating(data.CapaianBaik), data.RatingSesuai
				set.Evaluations = append(set.Evaluations, e.Normalize())
				continue
			}
			if !pair.Rater.IsSet() {
				continue
			}
			k := 1
			switch {
			case n < len(demoPairs):
				k = n
			case r.IntN(100) < 15:
				k = 0
			case r.IntN(100) < 10:
				k = 2
			}
			n++
			e.WorkRating, e.BehaviorRating = demoPairs[k][0], demoPairs[k][1]
			if e.Normalize().Predikat.NeedsFollowUp() {
				status := []data.FollowUpStatus{data.FollowUpNeeded, data.FollowUpPlanned, data.FollowUpDone}[r.IntN(3)]
				e.Development = []data.FollowUp{{Need: "Pelatihan pelayanan publik dan aplikasi layanan", Plan: "Diklat teknis BKPSDM", Status: status}}
			}
			if last && n > len(demoPairs) {
				switch x := r.IntN(100); {
				case x < 8:
					continue // not started
				case x < 20:
					set.Evaluations = append(set.Evaluations, e.Normalize())
					continue
				case x < 35:
					sub, _ := e.Submit(at)
					set.Evaluations = append(set.Evaluations, sub)
					continue
				}
			}
			ids := data.FrozenIdentities{Employee: identity(s.ID), Rater: identity(pair.Rater.StaffID), Atasan: identity(pair.Atasan.StaffID)}
			sub, _ := e.Submit(at)
			fin, err := sub.Finalize(ids, at)
			if err != nil {
				continue
			}
			if first && !reopened && k == 0 {
				reopened = true
				prev, next, _ := fin.Reopen("Realisasi hasil kerja salah input; diperbaiki sesuai bukti dukung", at.Add(24*time.Hour))
				if len(next.Rows) > 0 {
					next.Rows[0].Realisasi += " (diperbaiki)"
				}
				sub2, _ := next.Submit(at.Add(25 * time.Hour))
				fin2, err := sub2.Finalize(ids, at.Add(26*time.Hour))
				if err == nil {
					set.Revisions = append(set.Revisions, prev)
					fin = fin2
				}
			}
			if last && !objected && k == 3 {
				objected = true
				fin, _ = fin.SetObjection(data.Objection{
					Keberatan:  "Perilaku kerja saya dinilai di bawah ekspektasi padahal keterlambatan karena tugas luar.",
					Penjelasan: "Tugas luar tidak disertai surat tugas; catatan kehadiran menunjukkan terlambat 9 kali.",
					Keputusan:  "Keberatan ditolak; predikat tetap Kurang/Misconduct.",
				}, at.Add(72*time.Hour))
			}
			set.Evaluations = append(set.Evaluations, fin)
		}
	}
	return set
}

// demoDraft returns a draft with realisasi and umpan balik on every SKP row
// and feedback on two BerAKHLAK values.
func demoDraft(periodID string, staffID uint64, skp data.SKP, pair data.RaterPair, r *rand.Rand, at time.Time) data.Evaluation {
	e := data.NewEvaluation(periodID, staffID, at)
	e.SKPID, e.Rater, e.Atasan = skp.ID, pair.Rater, pair.Atasan
	for _, row := range skp.Rows {
		re := data.Realisasi{Realisasi: "Tercapai: " + row.Target, UmpanBalik: "Pertahankan"}
		if r.IntN(4) == 0 {
			re = data.Realisasi{Realisasi: "Sebagian tercapai dari target " + row.Target, UmpanBalik: "Perlu percepatan penyelesaian"}
		}
		e.Rows = append(e.Rows, re)
	}
	e.PerilakuFeedback[0] = "Ramah dan cekatan melayani warga"
	e.PerilakuFeedback[1] = "Disiplin waktu perlu dijaga"
	e.Note = "Tingkatkan kecepatan pelayanan dan pemanfaatan aplikasi"
	return e
}
