package data

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// HolidayKind says why a day is not a working day.
type HolidayKind string

// The kinds of day off: a national holiday (SKB of three ministers), an ASN cuti
// bersama (Keppres; it does not reduce cuti tahunan, PP 11/2017), and a local
// day off added by the admin.
const (
	HolidayNational    HolidayKind = "libur"
	HolidayCutiBersama HolidayKind = "cuti_bersama"
	HolidayLocal       HolidayKind = "lokal"
)

// Label returns the Indonesian name of the kind.
func (k HolidayKind) Label() string {
	switch k {
	case HolidayNational:
		return "Libur nasional"
	case HolidayCutiBersama:
		return "Cuti bersama"
	case HolidayLocal:
		return "Libur lokal"
	}
	return string(k)
}

// ParseHolidayKind reads "libur", "cuti_bersama" (also "cuti bersama") or "lokal", any case.
func ParseHolidayKind(s string) (HolidayKind, bool) {
	switch strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, "_", " "))), " ") {
	case "libur", "libur nasional":
		return HolidayNational, true
	case "cuti bersama":
		return HolidayCutiBersama, true
	case "lokal", "libur lokal":
		return HolidayLocal, true
	}
	return "", false
}

// Holiday is one day that is not a working day.
type Holiday struct {
	Date Date        `json:"date"`
	Kind HolidayKind `json:"kind"`
	Name string      `json:"name"`
}

// LineError is a line of an input file that could not be read, with its
// 1-based line number, the line as found and an Indonesian message.
type LineError struct {
	Line    int    `json:"line"`
	Text    string `json:"text"`
	Message string `json:"message"`
}

func (e LineError) Error() string { return fmt.Sprintf("baris %d: %s", e.Line, e.Message) }

// LineErrors is every unreadable line of one file.
type LineErrors []LineError

func (es LineErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "; ")
}

// holidayHeader is the header line of the holiday CSV.
const holidayHeader = "date,kind,name"

// ParseHolidaysCSV reads a holiday list in the shape of the shipped
// assets/holidays files: lines starting with # are comments, blank lines are
// skipped, an optional header "date,kind,name", then one day a line as
// "2026-03-20,cuti_bersama,Cuti Bersama Idul Fitri 1447 H". The date may also be
// day-first (20/03/2026); the name may contain commas or be quoted. The holidays
// of the good lines are returned sorted by date even when some lines are bad;
// the error is then a LineErrors naming every bad line.
func ParseHolidaysCSV(r io.Reader) ([]Holiday, error) {
	out, bad := readDataLines(r, holidayHeader, parseHolidayLine)
	SortHolidays(out)
	if len(bad) > 0 {
		return out, bad
	}
	return out, nil
}

// readDataLines reads the lines of a shipped data file (holidays, Ramadan):
// a byte-order mark, blank lines, lines starting with # and the header are
// skipped; parse reads every other line. It returns the values of the good
// lines in file order and a LineError for each bad line.
func readDataLines[T any](r io.Reader, header string, parse func(line string) (T, error)) ([]T, LineErrors) {
	var out []T
	var bad LineErrors
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(strings.TrimPrefix(sc.Text(), "\uFEFF"))
		if line == "" || strings.HasPrefix(line, "#") || strings.EqualFold(strings.ReplaceAll(line, " ", ""), header) {
			continue
		}
		v, err := parse(line)
		if err != nil {
			bad = append(bad, LineError{Line: n, Text: shorten(line), Message: err.Error()})
			continue
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		bad = append(bad, LineError{Line: n + 1, Message: "file tidak dapat dibaca lebih lanjut: " + err.Error()})
	}
	return out, bad
}

func parseHolidayLine(line string) (Holiday, error) {
	parts := strings.SplitN(line, ",", 3)
	if len(parts) < 3 {
		return Holiday{}, errors.New("harus berisi tanggal, jenis dan nama dipisah koma")
	}
	d, err := ParseDate(unquoteCSVField(parts[0]))
	if err != nil {
		return Holiday{}, err
	}
	if d.IsZero() {
		return Holiday{}, errors.New("tanggal kosong")
	}
	k, ok := ParseHolidayKind(unquoteCSVField(parts[1]))
	if !ok {
		return Holiday{}, fmt.Errorf("jenis %q tidak dikenal; pakai libur, cuti_bersama atau lokal", unquoteCSVField(parts[1]))
	}
	name := unformula(unquoteCSVField(parts[2]))
	if name == "" {
		return Holiday{}, errors.New("nama hari libur kosong")
	}
	return Holiday{Date: d, Kind: k, Name: name}, nil
}

// unquoteCSVField trims s and removes one pair of surrounding CSV double quotes,
// turning doubled quotes inside back into single ones.
func unquoteCSVField(s string) string {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		s = strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return strings.TrimSpace(s)
}

// SortHolidays orders holidays by date, keeping the order of same-day entries.
func SortHolidays(hs []Holiday) {
	sort.SliceStable(hs, func(i, j int) bool { return hs[i].Date.Before(hs[j].Date) })
}

// WriteHolidaysCSV writes holidays in the shape ParseHolidaysCSV reads: the
// header, then one line each; names containing a comma or quote are quoted.
func WriteHolidaysCSV(w io.Writer, hs []Holiday) error {
	bw := bufio.NewWriter(w)
	bw.WriteString(holidayHeader + "\n")
	for _, h := range hs {
		name := formulaSafe(strings.Join(strings.Fields(h.Name), " "))
		if strings.ContainsAny(name, `,"`) {
			name = `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
		}
		fmt.Fprintf(bw, "%s,%s,%s\n", h.Date, h.Kind, name)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("menulis daftar hari libur: %w", err)
	}
	return nil
}

// formulaSafe keeps a spreadsheet from reading a name as a formula: a name
// starting with =, +, -, @, tab or CR gets a leading apostrophe (the OWASP
// advice for CSV files); unformula takes it off again when the file is read
// back, so a list exported and imported keeps its names.
func formulaSafe(name string) string {
	if name != "" && strings.ContainsRune("=+-@\t\r", rune(name[0])) {
		return "'" + name
	}
	return name
}

func unformula(name string) string {
	if len(name) > 1 && name[0] == '\'' && strings.ContainsRune("=+-@\t\r", rune(name[1])) {
		return name[1:]
	}
	return name
}

// HasHolidayList reports whether hs holds a holiday list for year: at least
// one national holiday of that year (local days off alone are not a list).
// Without one every weekday counts as a working day, so callers should warn.
func HasHolidayList(hs []Holiday, year int) bool {
	for _, h := range hs {
		if h.Kind == HolidayNational && h.Date.Year() == year {
			return true
		}
	}
	return false
}
