package data

import (
	"errors"
	"fmt"
	"strings"
)

// StaffRow is one staff member as a flat row of text, the shape of the staff
// export and import files. It holds every field the import needs, so export →
// import gives the same staff. Dates are DD/MM/YYYY.
type StaffRow struct {
	NIP            string
	NIK            string
	Name           string
	GelarDepan     string
	GelarBelakang  string
	Kind           string
	Sex            string
	BirthPlace     string
	BirthDate      string
	Rank           string
	Position       string
	Unit           string
	StartDate      string // TMT di kantor ini
	ContractStart  string
	ContractEnd    string
	Status         string // StaffRowActive or StaffRowLeft
	LeaveReason    string
	LeaveDate      string
	MismatchReason string
}

// The two values of StaffRow.Status.
const (
	StaffRowActive = "Aktif"
	StaffRowLeft   = "Tidak aktif"
)

// Column keys of StaffColumns. Where a key names a validated field it equals
// that Field* constant, so a validation problem points at its column.
const (
	ColNIP            = FieldNIP
	ColNIK            = FieldNIK
	ColName           = FieldName
	ColGelarDepan     = "gelar_depan"
	ColGelarBelakang  = "gelar_belakang"
	ColKind           = FieldKind
	ColSex            = FieldSex
	ColBirthPlace     = FieldBirthPlace
	ColBirthDate      = FieldBirthDate
	ColRank           = FieldRank
	ColPosition       = FieldPosition
	ColUnit           = FieldUnit
	ColStartDate      = FieldStartDate
	ColContractStart  = FieldContractStart
	ColContractEnd    = FieldContractEnd
	ColStatus         = "status"
	ColLeaveReason    = "leave_reason"
	ColLeaveDate      = "leave_date"
	ColMismatchReason = FieldMismatch
)

// Column describes one column of the staff file: its key, the Indonesian header
// the export writes, other headers the import recognises, whether an import
// needs it, and the StaffRow field it holds.
type Column struct {
	Key      string
	Header   string
	Aliases  []string
	Required bool
	Field    func(*StaffRow) *string
}

// StaffColumns lists the columns of the staff file in export order. An import
// needs Nama, Jenis pegawai, Jenis kelamin, Jabatan, Unit kerja and TMT di
// kantor ini, and NIP or NIK (see ValidateMapping); the rest may be absent.
var StaffColumns = []Column{
	{ColNIP, "NIP", []string{"nip/ni pppk", "nip / ni pppk", "ni pppk", "nip baru", "nomor induk pegawai"}, false,
		func(r *StaffRow) *string { return &r.NIP }},
	{ColNIK, "NIK", []string{"nomor induk kependudukan", "no ktp", "nomor ktp", "ktp"}, false,
		func(r *StaffRow) *string { return &r.NIK }},
	{ColName, "Nama", []string{"nama lengkap", "nama pegawai", "nama tanpa gelar"}, true,
		func(r *StaffRow) *string { return &r.Name }},
	{ColGelarDepan, "Gelar depan", []string{"gelar dpn"}, false,
		func(r *StaffRow) *string { return &r.GelarDepan }},
	{ColGelarBelakang, "Gelar belakang", []string{"gelar blkg", "gelar blk"}, false,
		func(r *StaffRow) *string { return &r.GelarBelakang }},
	{ColKind, "Jenis pegawai", []string{"jenis", "jenis kepegawaian", "status kepegawaian"}, true,
		func(r *StaffRow) *string { return &r.Kind }},
	{ColSex, "Jenis kelamin", []string{"jk", "l/p", "kelamin", "sex", "gender"}, true,
		func(r *StaffRow) *string { return &r.Sex }},
	{ColBirthPlace, "Tempat lahir", []string{"tmp lahir", "tmpt lahir", "tempat lhr"}, false,
		func(r *StaffRow) *string { return &r.BirthPlace }},
	{ColBirthDate, "Tanggal lahir", []string{"tgl lahir", "tgl lhr", "tanggal lhr"}, false,
		func(r *StaffRow) *string { return &r.BirthDate }},
	{ColRank, "Golongan", []string{"gol", "gol ruang", "golongan ruang", "golongan/ruang", "pangkat/golongan",
		"pangkat/gol", "pangkat / golongan", "pangkat / gol", "gol/ruang"}, false,
		func(r *StaffRow) *string { return &r.Rank }},
	{ColPosition, "Jabatan", []string{"nama jabatan"}, true,
		func(r *StaffRow) *string { return &r.Position }},
	{ColUnit, "Unit kerja", []string{"unit", "unit organisasi", "bagian"}, true,
		func(r *StaffRow) *string { return &r.Unit }},
	{ColStartDate, "TMT di kantor ini", []string{"tmt", "tmt kantor", "tmt kantor ini", "tanggal mulai", "mulai bertugas",
		"tanggal mulai bertugas"}, true,
		func(r *StaffRow) *string { return &r.StartDate }},
	{ColContractStart, "Awal kontrak", []string{"mulai kontrak", "tmt kontrak", "awal perjanjian kerja"}, false,
		func(r *StaffRow) *string { return &r.ContractStart }},
	{ColContractEnd, "Akhir kontrak", []string{"selesai kontrak", "akhir perjanjian kerja"}, false,
		func(r *StaffRow) *string { return &r.ContractEnd }},
	{ColStatus, "Status", []string{"status aktif", "keaktifan"}, false,
		func(r *StaffRow) *string { return &r.Status }},
	{ColLeaveReason, "Alasan keluar", []string{"alasan tidak aktif"}, false,
		func(r *StaffRow) *string { return &r.LeaveReason }},
	{ColLeaveDate, "Tanggal keluar", []string{"tgl keluar", "tmt keluar"}, false,
		func(r *StaffRow) *string { return &r.LeaveDate }},
	{ColMismatchReason, "Alasan NIP berbeda", []string{"alasan nip tidak sesuai"}, false,
		func(r *StaffRow) *string { return &r.MismatchReason }},
}

// StaffHeaders returns the Indonesian headers of StaffColumns, in order.
func StaffHeaders() []string {
	h := make([]string, len(StaffColumns))
	for i, c := range StaffColumns {
		h[i] = c.Header
	}
	return h
}

// Cells returns the row's values in the order of StaffColumns.
func (r StaffRow) Cells() []string {
	cells := make([]string, len(StaffColumns))
	for i, c := range StaffColumns {
		cells[i] = *c.Field(&r)
	}
	return cells
}

// StaffRowOf flattens a staff member's current situation into a row: rank,
// position and unit after every recorded event, the start date at this office,
// and, for a person who has left, the reason and date. NIP and NIK are bare
// digits; dates are DD/MM/YYYY; sex is L or P.
func StaffRowOf(s Staff, units []Unit) StaffRow {
	sit := s.Current()
	r := StaffRow{
		NIP:            s.NIP,
		NIK:            s.NIK,
		Name:           s.Name,
		GelarDepan:     s.GelarDepan,
		GelarBelakang:  s.GelarBelakang,
		Kind:           string(s.Kind),
		Sex:            string(s.Sex),
		BirthPlace:     s.BirthPlace,
		BirthDate:      s.BirthDate.Slash(),
		Rank:           sit.Rank,
		Position:       sit.Position,
		Unit:           UnitName(units, sit.UnitID),
		StartDate:      s.StartDate().Slash(),
		ContractStart:  s.ContractStart.Slash(),
		ContractEnd:    s.ContractEnd.Slash(),
		Status:         StaffRowActive,
		MismatchReason: s.MismatchReason,
	}
	if sit.Left != "" {
		r.Status, r.LeaveReason, r.LeaveDate = StaffRowLeft, string(sit.Left), sit.LeftOn.Slash()
	}
	return r
}

// Mapping tells which column of a table holds each StaffColumns key: key →
// 0-based column index. A key that is missing or negative is absent.
type Mapping map[string]int

// Index returns the column index of key, or -1 when the key is absent.
func (m Mapping) Index(key string) int {
	i, ok := m[key]
	if !ok || i < 0 {
		return -1
	}
	return i
}

// Row reads one table row into a StaffRow through the mapping, trimming each
// cell; absent columns and cells past a short row's end stay empty.
func (m Mapping) Row(r Row) StaffRow {
	var sr StaffRow
	for _, c := range StaffColumns {
		*c.Field(&sr) = r.Cell(m.Index(c.Key))
	}
	return sr
}

// GuessMapping matches header cells to StaffColumns by header or alias,
// ignoring case, dots, underscores, asterisks, colons and repeated spaces.
// Every key is in the result, -1 when no header matched; each header cell
// serves at most one key, and the leftmost matching cell wins.
func GuessMapping(header []string) Mapping {
	m := make(Mapping, len(StaffColumns))
	used := make([]bool, len(header))
	for _, c := range StaffColumns {
		m[c.Key] = -1
		names := append([]string{c.Header}, c.Aliases...)
		for i, h := range header {
			if used[i] || !matchesAny(normalizeHeader(h), names) {
				continue
			}
			m[c.Key], used[i] = i, true
			break
		}
	}
	return m
}

func matchesAny(h string, names []string) bool {
	for _, n := range names {
		if h == normalizeHeader(n) {
			return true
		}
	}
	return false
}

// normalizeHeader lowers case, turns . _ * : into spaces and collapses runs of
// space, so "Tgl. Lahir*" and "tgl lahir" match.
func normalizeHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		switch r {
		case '.', '_', '*', ':', '\uFEFF':
			return ' '
		}
		return r
	}, strings.ToLower(h))
	return strings.Join(strings.Fields(h), " ")
}

// ValidateMapping checks a mapping before any row is read: every Required
// column of StaffColumns is mapped, NIP or NIK is mapped, and no table column
// is used for two keys. The error is Indonesian and names the columns.
func ValidateMapping(m Mapping) error {
	var problems []string
	var missing []string
	for _, c := range StaffColumns {
		if c.Required && m.Index(c.Key) < 0 {
			missing = append(missing, c.Header)
		}
	}
	if len(missing) > 0 {
		problems = append(problems, "kolom wajib tidak ditemukan: "+strings.Join(missing, ", "))
	}
	if m.Index(ColNIP) < 0 && m.Index(ColNIK) < 0 {
		problems = append(problems, "perlu kolom NIP atau NIK")
	}
	byIndex := map[int]string{}
	for _, c := range StaffColumns {
		i := m.Index(c.Key)
		if i < 0 {
			continue
		}
		if other, dup := byIndex[i]; dup {
			problems = append(problems, fmt.Sprintf("kolom ke-%d dipakai untuk %s dan %s", i+1, other, c.Header))
			continue
		}
		byIndex[i] = c.Header
	}
	if len(problems) == 0 {
		return nil
	}
	return errors.New(strings.Join(problems, "; ") + " (periksa baris judul kolom atau pemetaan kolom)")
}
