package data

import (
	"fmt"
	"regexp"
	"strings"
)

// RowProblem is why one row of an import file was refused. Reason is
// Indonesian and names the field; Line is the row's line in the file.
type RowProblem struct {
	Line   int
	Reason string
}

// String returns the problem as the CLI and the preview print it: "baris 7: …".
func (p RowProblem) String() string { return fmt.Sprintf("baris %d: %s", p.Line, p.Reason) }

// ImportResult is the outcome of ParseStaffImport. Accepted holds new staff
// (ID 0) in file order, Lines[i] being the line of Accepted[i]; Rejected holds
// one problem per refused row, in file order. Nothing is saved by parsing.
type ImportResult struct {
	Accepted []Staff
	Lines    []int
	Rejected []RowProblem
}

// ParseStaffImport turns the rows of t into staff through m, checking each
// with ValidateStaff against units and today. A row becomes a Staff with an
// EventStart at its TMT di kantor ini carrying its rank, position and unit
// (the unit matched by name, ignoring case and repeated spaces), plus an
// EventLeave at Tanggal keluar when Status is Tidak aktif.
//
// A row is refused when it fails validation; when its NIP or NIK was turned
// into a number by Excel (see ExcelMangled); when its NIP or NIK also appears
// on another row of the file (every such row is refused and names the
// others) or belongs to one of existing; or when the NIP disagrees with the
// birth date or sex and the Alasan NIP berbeda column is empty. Blank rows are
// skipped. Callers check the mapping with ValidateMapping first.
func ParseStaffImport(t Table, m Mapping, units []Unit, existing []Staff, today Date) ImportResult {
	var rows []Row
	var staffRows []StaffRow
	for _, r := range t.Rows {
		if !r.Blank() {
			rows = append(rows, r)
			staffRows = append(staffRows, m.Row(r))
		}
	}
	dups := duplicateProblems(rows, staffRows, existing)
	var res ImportResult
	for i, r := range rows {
		s, problems := staffOf(staffRows[i], units, today)
		problems = append(problems, dups[i]...)
		if len(problems) > 0 {
			res.Rejected = append(res.Rejected, RowProblem{Line: r.Line, Reason: strings.Join(problems, " ")})
			continue
		}
		res.Accepted = append(res.Accepted, s)
		res.Lines = append(res.Lines, r.Line)
	}
	return res
}

// fieldProblems collects a row's reading problems by field, so validation
// messages on a field that could not even be read are not repeated.
type fieldProblems struct {
	fields map[string]bool
	msgs   []string
}

func (f *fieldProblems) add(field, format string, args ...any) {
	if f.fields == nil {
		f.fields = map[string]bool{}
	}
	f.fields[field] = true
	f.msgs = append(f.msgs, fmt.Sprintf(format, args...))
}

// staffOf reads and validates one row, returning the staff and its problems.
func staffOf(r StaffRow, units []Unit, today Date) (Staff, []string) {
	var fp fieldProblems
	s := Staff{
		NIP:            NormalizeNIP(r.NIP),
		NIK:            NormalizeNIP(r.NIK),
		Name:           r.Name,
		GelarDepan:     r.GelarDepan,
		GelarBelakang:  r.GelarBelakang,
		BirthPlace:     r.BirthPlace,
		MismatchReason: r.MismatchReason,
	}
	if ExcelMangled(r.NIP, NIPLength) {
		fp.add(FieldNIP, "NIP %q telah diubah Excel menjadi angka sehingga digit terakhirnya hilang; format kolom NIP sebagai Teks (Format Cells → Text), ketik ulang NIP-nya, lalu impor lagi.", r.NIP)
	}
	if ExcelMangled(r.NIK, NIKLength) {
		fp.add(FieldNIK, "NIK %q telah diubah Excel menjadi angka sehingga digit terakhirnya hilang; format kolom NIK sebagai Teks (Format Cells → Text), ketik ulang NIK-nya, lalu impor lagi.", r.NIK)
	}
	if r.Kind != "" {
		if k, ok := ParseKind(r.Kind); ok {
			s.Kind = k
		} else {
			fp.add(FieldKind, "Jenis pegawai %q tidak dikenal; tulis PNS, CPNS, PPPK, PPPK paruh waktu atau Non-ASN.", Shorten(r.Kind))
		}
	}
	if r.Sex != "" {
		if sex, ok := ParseSex(r.Sex); ok {
			s.Sex = sex
		} else {
			fp.add(FieldSex, "Jenis kelamin %q tidak dikenal; tulis L atau P.", Shorten(r.Sex))
		}
	}
	s.BirthDate = readDate(&fp, FieldBirthDate, "Tanggal lahir", r.BirthDate)
	s.ContractStart = readDate(&fp, FieldContractStart, "Awal kontrak", r.ContractStart)
	s.ContractEnd = readDate(&fp, FieldContractEnd, "Akhir kontrak", r.ContractEnd)
	start := Event{
		Kind:     EventStart,
		Date:     readDate(&fp, FieldStartDate, "TMT di kantor ini", r.StartDate),
		Rank:     normalizeRank(s.Kind, r.Rank),
		Position: r.Position,
		UnitID:   readUnit(&fp, units, r.Unit),
	}
	s.History = []Event{start}
	if leave, ok := readLeave(&fp, r); ok {
		s.History = append(s.History, leave)
	}
	return s, append(fp.msgs, validationMessages(s, units, today, fp.fields)...)
}

// validationMessages runs ValidateStaff and returns its errors, leaving out
// fields that already have a reading problem. When the NIP disagrees with the
// record and no reason was given, the warnings themselves are the reason.
func validationMessages(s Staff, units []Unit, today Date, skip map[string]bool) []string {
	p := ValidateStaff(s, units, today)
	var msgs []string
	for _, e := range p.Errors {
		switch {
		case skip[e.Field]:
		case e.Field == FieldMismatch && e.Message == MismatchReasonMessage:
			for _, w := range p.Warnings {
				msgs = append(msgs, w.Message)
			}
			msgs = append(msgs, `Bila NIP ini memang benar, isi alasannya di kolom "Alasan NIP berbeda".`)
		default:
			msgs = append(msgs, e.Message)
		}
	}
	return msgs
}

func readDate(fp *fieldProblems, field, label, text string) Date {
	d, err := ParseDate(text)
	if err != nil {
		fp.add(field, "%s: %v.", label, err)
	}
	return d
}

// readUnit finds the unit named text, ignoring case and repeated spaces; 0 when empty or unknown.
func readUnit(fp *fieldProblems, units []Unit, text string) uint64 {
	if text == "" {
		return 0
	}
	want := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	for _, u := range units {
		if strings.Join(strings.Fields(strings.ToLower(u.Name)), " ") == want {
			return u.ID
		}
	}
	fp.add(FieldUnit, "Unit kerja %q tidak ada di daftar unit; perbaiki namanya atau tambahkan unit itu di Pengaturan.", Shorten(text))
	return 0
}

// readLeave reads Status, Alasan keluar and Tanggal keluar. Status may be
// empty or Aktif (then the leave columns must be empty) or Tidak aktif (then
// both are required). It returns the EventLeave when the person has left.
func readLeave(fp *fieldProblems, r StaffRow) (Event, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(r.Status)), " ") {
	case "", "aktif":
		if r.LeaveReason != "" || r.LeaveDate != "" {
			fp.add(FieldHistory, "Status Aktif tetapi Alasan keluar atau Tanggal keluar diisi; tulis Status Tidak aktif atau kosongkan keduanya.")
		}
		return Event{}, false
	case "tidak aktif", "nonaktif", "non-aktif", "non aktif", "keluar":
	default:
		fp.add(FieldHistory, "Status %q tidak dikenal; tulis Aktif atau Tidak aktif.", Shorten(r.Status))
		return Event{}, false
	}
	leave := Event{Kind: EventLeave}
	ok := true
	if r.LeaveReason == "" {
		fp.add(FieldHistory, "Alasan keluar wajib diisi bila Status Tidak aktif; tulis salah satu: %s.", joinReasons())
		ok = false
	} else if reason, found := parseLeaveReason(r.LeaveReason); found {
		leave.Reason = reason
	} else {
		fp.add(FieldHistory, "Alasan keluar %q tidak dikenal; tulis salah satu: %s.", Shorten(r.LeaveReason), joinReasons())
		ok = false
	}
	if r.LeaveDate == "" {
		fp.add(FieldHistory, "Tanggal keluar wajib diisi bila Status Tidak aktif.")
		ok = false
	} else if d, err := ParseDate(r.LeaveDate); err != nil {
		fp.add(FieldHistory, "Tanggal keluar: %v.", err)
		ok = false
	} else {
		leave.Date = d
	}
	return leave, ok
}

// parseLeaveReason matches a LeaveReason ignoring case and repeated spaces.
func parseLeaveReason(text string) (LeaveReason, bool) {
	want := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	for _, lr := range LeaveReasons {
		if strings.ToLower(string(lr)) == want {
			return lr, true
		}
	}
	return "", false
}

// normalizeRank returns the rank code of kind k that text names, ignoring case
// and spaces and accepting "-" for "/" ("iii - b" is "III/b"), or the printed
// forms "Penata Muda Tingkat I (III/b)" and "Golongan IX"; other text is
// returned trimmed for ValidateStaff to judge.
func normalizeRank(k Kind, text string) string {
	text = strings.TrimSpace(text)
	candidates := []string{text}
	if open, end := strings.LastIndex(text, "("), strings.LastIndex(text, ")"); open >= 0 && end > open {
		candidates = append(candidates, text[open+1:end])
	}
	if rest, ok := strings.CutPrefix(strings.ToLower(text), "golongan "); ok {
		candidates = append(candidates, rest)
	}
	for _, c := range candidates {
		key := rankKey(c)
		for _, code := range ranksFor(k) {
			if rankKey(code) == key {
				return code
			}
		}
	}
	return text
}

func rankKey(s string) string {
	return strings.ToUpper(strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "/"))
}

// scientific matches a number in Excel's scientific notation, with a decimal
// comma or point: "1,97E+17", "1.96804111993031E+17".
var scientific = regexp.MustCompile(`^[0-9]+([.,][0-9]+)?[eE][+-]?[0-9]+$`)

// ExcelMangled reports whether a NIP (length NIPLength) or NIK (NIKLength)
// cell shows the damage Excel does when it stores a long number: the cell is
// in scientific notation, or — for a NIP — its 18 digits end in 000. Excel
// keeps 15 significant digits, so an 18-digit NIP typed into a number cell
// loses its last three digits to zeros, and no NIP or NI PPPK has sequence
// 000 (digits 16–18 run from 001). A 16-digit NIK loses only its last digit,
// which may legitimately be 0, so for a NIK only scientific notation is
// recognised.
func ExcelMangled(cell string, length int) bool {
	c := strings.TrimSpace(cell)
	if scientific.MatchString(c) {
		return true
	}
	d := NormalizeNIP(c)
	return length == NIPLength && allDigits(d, NIPLength) && strings.HasSuffix(d, "000")
}

// duplicateProblems finds, for each row, NIPs and NIKs that another row of the
// file also carries, or that a staff member in existing already has. Values
// Excel has mangled are left out: their own message says what to do.
func duplicateProblems(rows []Row, staffRows []StaffRow, existing []Staff) [][]string {
	problems := make([][]string, len(rows))
	ids := []struct {
		label  string
		length int
		of     func(StaffRow) string
		taken  map[string]Staff
	}{
		{"NIP", NIPLength, func(r StaffRow) string { return r.NIP }, map[string]Staff{}},
		{"NIK", NIKLength, func(r StaffRow) string { return r.NIK }, map[string]Staff{}},
	}
	for _, s := range existing {
		if n := NormalizeNIP(s.NIP); n != "" {
			ids[0].taken[n] = s
		}
		if n := NormalizeNIP(s.NIK); n != "" {
			ids[1].taken[n] = s
		}
	}
	for _, id := range ids {
		values := make([]string, len(staffRows))
		linesOf := map[string][]int{}
		for i, r := range staffRows {
			if n := NormalizeNIP(id.of(r)); n != "" && !ExcelMangled(id.of(r), id.length) {
				values[i] = n
				linesOf[n] = append(linesOf[n], i)
			}
		}
		for i, n := range values {
			if n == "" {
				continue
			}
			if others := otherLines(rows, linesOf[n], i); others != "" {
				problems[i] = append(problems[i], fmt.Sprintf("%s %s juga tertulis di baris %s; setiap pegawai hanya boleh satu baris.", id.label, n, others))
			}
			if s, taken := id.taken[n]; taken {
				problems[i] = append(problems[i], fmt.Sprintf("%s %s sudah terdaftar atas nama %s.", id.label, n, s.DisplayName()))
			}
		}
	}
	return problems
}

// maxNamedLines is how many other lines a duplicate message names before it
// only counts the rest, so a file repeating one NIP stays fast to check.
const maxNamedLines = 5

// otherLines lists the file lines of the row indexes in same other than self:
// "3 dan 9", or "3, 4, 5, 6, 7 dan 12 baris lain".
func otherLines(rows []Row, same []int, self int) string {
	var lines []string
	for _, j := range same {
		if len(lines) == maxNamedLines {
			break
		}
		if j != self {
			lines = append(lines, fmt.Sprint(rows[j].Line))
		}
	}
	rest := len(same) - 1 - len(lines)
	switch {
	case len(lines) == 0:
		return ""
	case rest > 0:
		return fmt.Sprintf("%s dan %d baris lain", strings.Join(lines, ", "), rest)
	case len(lines) == 1:
		return lines[0]
	}
	return strings.Join(lines[:len(lines)-1], ", ") + " dan " + lines[len(lines)-1]
}
