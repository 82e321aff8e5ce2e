package demo

import (
	"fmt"
	"kinerja/data"
	"math/rand/v2"
	"strings"
	"time"
)

// Options shape the fictional office made by Demo.
type Options struct {
	Staff int       // number of staff; at least the nine unit heads are always made
	Seed  int64     // the same seed gives the same office
	Today data.Date // reference day: nobody is born, starts or leaves after it
	// Years of history: attendance and evaluations over this many years up
	// to Today (0 means 1; at most MaxYears). The staff are the same.
	Years int
}

// MaxYears is the longest history a demo office is given.
const MaxYears = 10

// HistoryYears returns opt.Years within 1…MaxYears.
func (opt Options) HistoryYears() int {
	return min(max(opt.Years, 1), MaxYears)
}

// Office is a realistic fictional kecamatan office for trying the app.
type Office struct {
	Office data.Office
	Units  []data.Unit // data.DefaultUnits; HeadStaffID is set by the caller from Heads once staff have IDs
	Staff  []data.Staff
	// Heads maps a unit ID to the index in Staff of the person who heads it.
	Heads map[uint64]int
}

// demoHead is the post heading a default unit, with its rank band.
type demoHead struct {
	unit     uint64
	position string
	ranks    []string
}

var demoHeads = []demoHead{
	{1, "Camat", []string{"IV/a", "IV/b"}},
	{2, "Sekretaris Kecamatan", []string{"III/d", "IV/a"}},
	{3, "Kepala Subbagian Umum dan Kepegawaian", []string{"III/c", "III/d"}},
	{4, "Kepala Subbagian Perencanaan dan Keuangan", []string{"III/c", "III/d"}},
	{5, "Kepala Seksi Pemerintahan", []string{"III/c", "III/d"}},
	{6, "Kepala Seksi Ketenteraman dan Ketertiban Umum", []string{"III/c", "III/d"}},
	{7, "Kepala Seksi Ekonomi dan Pembangunan", []string{"III/c", "III/d"}},
	{8, "Kepala Seksi Kesejahteraan Sosial", []string{"III/c", "III/d"}},
	{9, "Kepala Seksi Pelayanan Umum", []string{"III/c", "III/d"}},
}

var (
	demoMaleNames   = []string{"Asep", "Dedi", "Yayan", "Ujang", "Cecep", "Iwan", "Dadang", "Wawan", "Agus", "Hendra", "Rudi", "Dindin", "Endang", "Jajang", "Budi", "Deden", "Rahmat", "Ade", "Hilman", "Ridwan"}
	demoFemaleNames = []string{"Euis", "Neneng", "Siti", "Rina", "Lilis", "Tati", "Yuyun", "Ai", "Nining", "Dewi", "Ratna", "Sri", "Nurul", "Elis", "Wulan", "Rini", "Imas", "Yeni", "Santi", "Fitri"}
	// Sundanese second names are gendered too ("-wati", "-sih" are women's).
	demoMaleSecond    = []string{"Saepudin", "Suryana", "Hidayat", "Kusnadi", "Rahmat", "Sopian", "Mulyana", "Permana", "Gunawan", "Supriatna", "Firmansyah", "Ramdani", "Hermawan", "Sudrajat", "Nugraha"}
	demoFemaleSecond  = []string{"Nurjanah", "Rahayu", "Kurniasih", "Setiawati", "Maryati", "Sukmawati", "Komalasari", "Nurhasanah", "Fitriani", "Rosmawati", "Handayani", "Lestari"}
	demoGelarBelakang = []string{"S.Sos.", "S.IP.", "S.E.", "S.Kom.", "S.H.", "A.Md.", "S.AP.", "M.Si.", "S.STP.", "M.AP."}
	demoBirthPlaces   = []string{"Bandung", "Soreang", "Cimahi", "Garut", "Sumedang", "Cianjur", "Tasikmalaya", "Majalaya", "Banjaran"}
	demoPelaksana     = []string{"Pengadministrasi Perkantoran", "Penata Layanan Operasional", "Pengelola Layanan Operasional", "Operator Layanan Operasional", "Penelaah Teknis Kebijakan", "Analis Kebijakan Ahli Muda", "Pengolah Data dan Informasi", "Bendahara", "Penata Kelola Sistem dan Teknologi Informasi"}
	demoNonASNPosts   = []string{"Pramu Bakti", "Petugas Keamanan", "Pengemudi", "Tenaga Administrasi"}
	demoLowRanks      = []string{"II/a", "II/b", "II/c", "II/d", "III/a", "III/b"}
)

// Demo makes a fictional office: the nine unit heads (PNS), then PNS, CPNS,
// PPPK, PPPK paruh waktu and Non-ASN staff spread over the units, with valid
// NIPs, NI PPPK and NIKs, dated histories (rank changes, transfers) and two
// people who have left. Every record passes ValidateStaff.
func New(opt Options) Office {
	if opt.Staff < len(demoHeads) {
		opt.Staff = len(demoHeads)
	}
	if opt.Today.IsZero() {
		opt.Today = data.Today()
	}
	g := &demoGen{r: rand.New(rand.NewPCG(uint64(opt.Seed), 0x6b696e65726a61)), today: opt.Today, used: map[string]bool{}}
	d := Office{
		Office: data.Office{Kecamatan: "Sukamaju", Kabupaten: "Bandung", Alamat: "Jl. Raya Sukamaju No. 12, Kabupaten Bandung 40911", Kota: "Sukamaju"},
		Units:  data.DefaultUnits(),
		Heads:  map[uint64]int{},
	}
	for _, h := range demoHeads {
		d.Heads[h.unit] = len(d.Staff)
		d.Staff = append(d.Staff, g.pns(data.KindPNS, h.unit, h.position, h.ranks[g.r.IntN(len(h.ranks))], 42, 56))
	}
	for i := len(d.Staff); i < opt.Staff; i++ {
		unit := uint64(3 + g.r.IntN(7)) // the subbagian and seksi
		switch n := g.r.IntN(100); {
		case n < 50:
			d.Staff = append(d.Staff, g.pns(data.KindPNS, unit, g.pick(demoPelaksana), g.pick(demoLowRanks), 26, 57))
		case n < 56:
			d.Staff = append(d.Staff, g.pns(data.KindCPNS, unit, g.pick(demoPelaksana), "III/a", 23, 30))
		case n < 74:
			d.Staff = append(d.Staff, g.pppk(data.KindPPPK, unit))
		case n < 82:
			d.Staff = append(d.Staff, g.pppk(data.KindPPPKParuhWaktu, unit))
		default:
			d.Staff = append(d.Staff, g.nonASN(unit))
		}
	}
	g.addLeavers(d.Staff, len(demoHeads))
	return d
}

type demoGen struct {
	r     *rand.Rand
	today data.Date
	used  map[string]bool
}

func (g *demoGen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *demoGen) person(minAge, maxAge int) data.Staff {
	sex, given, second := data.SexMale, demoMaleNames, demoMaleSecond
	if g.r.IntN(2) == 0 {
		sex, given, second = data.SexFemale, demoFemaleNames, demoFemaleSecond
	}
	age := minAge + g.r.IntN(maxAge-minAge+1)
	birth := data.NewDate(g.today.Year()-age, time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28))
	s := data.Staff{
		Name:       g.pick(given) + " " + g.pick(second),
		Sex:        sex,
		BirthPlace: g.pick(demoBirthPlaces),
		BirthDate:  birth,
	}
	if g.r.IntN(3) > 0 {
		s.GelarBelakang = g.pick(demoGelarBelakang)
	}
	return s
}

// identifier returns a unique 18-digit number built from prefix and a sequence.
func (g *demoGen) identifier(prefix string) string {
	for {
		id := fmt.Sprintf("%s%03d", prefix, 1+g.r.IntN(999))
		if !g.used[id] {
			g.used[id] = true
			return id
		}
	}
}

func sexDigit(s data.Sex) string {
	if s == data.SexFemale {
		return "2"
	}
	return "1"
}

func (g *demoGen) pns(kind data.Kind, unit uint64, position, rank string, minAge, maxAge int) data.Staff {
	s := g.person(minAge, maxAge)
	s.Kind = kind
	earliest := s.BirthDate.AddYears(22)
	tmt := earliest.AddDays(g.r.IntN(max(1, earliest.DaysUntil(g.today)-400)))
	if kind == data.KindCPNS {
		tmt = g.today.AddDays(-30 - g.r.IntN(300))
	}
	tmt = data.NewDate(tmt.Year(), tmt.Month(), 1)
	s.NIP = g.identifier(s.BirthDate.Compact() + fmt.Sprintf("%04d%02d", tmt.Year(), int(tmt.Month())) + sexDigit(s.Sex))
	start := g.startDate(tmt)
	first := rank
	if kind == data.KindPNS && rank != "III/a" && g.r.IntN(2) == 0 {
		first = previousRank(rank)
	}
	s.History = []data.Event{{Date: start, Kind: data.EventStart, Rank: first, Position: position, UnitID: unit}}
	if first != rank {
		s.History = append(s.History, data.Event{Date: g.between(start, g.today), Kind: data.EventRank, Rank: rank, Letter: "800/" + fmt.Sprint(100+g.r.IntN(800)) + "/BKPSDM"})
	}
	return s
}

func (g *demoGen) pppk(kind data.Kind, unit uint64) data.Staff {
	s := g.person(24, 50)
	s.Kind = kind
	year := 2022 + g.r.IntN(3)
	code := "21"
	if kind == data.KindPPPKParuhWaktu {
		code, year = "24", 2025
	}
	s.NIP = g.identifier(s.BirthDate.Compact() + fmt.Sprint(year) + code + sexDigit(s.Sex))
	s.ContractStart = data.NewDate(year, time.March, 1)
	s.ContractEnd = s.ContractStart.AddYears(5).AddDays(-1)
	rank := ""
	if kind == data.KindPPPK {
		rank = []string{"V", "VII", "IX"}[g.r.IntN(3)]
	}
	s.History = []data.Event{{Date: s.ContractStart, Kind: data.EventStart, Rank: rank, Position: g.pick(demoPelaksana), UnitID: unit}}
	return s
}

func (g *demoGen) nonASN(unit uint64) data.Staff {
	s := g.person(20, 45)
	s.Kind = data.KindNonASN
	day := s.BirthDate.Day()
	if s.Sex == data.SexFemale {
		day += 40
	}
	nik := fmt.Sprintf("320410%02d%02d%02d", day, int(s.BirthDate.Month()), s.BirthDate.Year()%100)
	for s.NIK == "" || g.used[s.NIK] {
		s.NIK = nik + fmt.Sprintf("%04d", 1+g.r.IntN(9999))
	}
	g.used[s.NIK] = true
	s.History = []data.Event{{Date: g.between(g.today.AddYears(-8), g.today.AddYears(-1)), Kind: data.EventStart, Position: g.pick(demoNonASNPosts), UnitID: unit}}
	return s
}

// startDate is when the person started at this office: some time after TMT.
func (g *demoGen) startDate(tmt data.Date) data.Date {
	from := tmt
	if y := g.today.AddYears(-12); from.Before(y) {
		from = y
	}
	return g.between(from, g.today.AddDays(-200))
}

func (g *demoGen) between(a, b data.Date) data.Date {
	n := a.DaysUntil(b)
	if n <= 0 {
		return a
	}
	return a.AddDays(g.r.IntN(n))
}

// addLeavers transfers two people between units and retires two others.
func (g *demoGen) addLeavers(staff []data.Staff, firstOrdinary int) {
	if len(staff)-firstOrdinary < 4 {
		return
	}
	moves := []int{firstOrdinary, firstOrdinary + 1}
	for _, i := range moves {
		s := &staff[i]
		to := uint64(3 + (int(s.History[0].UnitID)-2)%7)
		s.History = append(s.History, data.Event{Date: g.between(s.StartDate(), g.today), Kind: data.EventTransfer, UnitID: to, Letter: "821/" + fmt.Sprint(10+g.r.IntN(90)) + "/Kec"})
	}
	leavers := []struct {
		i      int
		reason data.LeaveReason
	}{{firstOrdinary + 2, data.LeaveMoved}, {firstOrdinary + 3, data.LeaveRetireBUP}}
	for _, l := range leavers {
		s := &staff[l.i]
		s.SortHistory()
		last := s.History[len(s.History)-1].Date
		s.History = append(s.History, data.Event{Date: g.between(last, g.today), Kind: data.EventLeave, Reason: l.reason, Letter: "800/" + fmt.Sprint(100+g.r.IntN(800)) + "/BKPSDM"})
	}
}

// previousRank returns the PNS rank one step below code ("III/c" → "III/b"), or code itself at the bottom.
func previousRank(code string) string {
	i := strings.LastIndex(code, "/")
	if i < 0 || i+1 >= len(code) || code[i+1] == 'a' {
		return code
	}
	return code[:i+1] + string(code[i+1]-1)
}
