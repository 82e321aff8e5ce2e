package data

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Punch is one fingerprint-machine punch: the machine PIN, the wall-clock time
// of the punch (kept as UTC; the machine has no zone), and its line in the file.
type Punch struct {
	PIN  string    `json:"pin"`
	At   time.Time `json:"at"`
	Line int       `json:"line"`
}

// maxAttlogLine is the longest line ParseAttlog reads; longer lines are reported.
const maxAttlogLine = 4096

// ParseAttlog reads the text log a ZKTeco/Solution/Fingerspot terminal writes
// to a USB stick (often 1_attlog.dat): one punch a line, fields separated by
// tabs or runs of spaces — the PIN (possibly left-padded with spaces), the date
// and the time, then small integer columns whose number and order vary by
// firmware and are ignored. Dates may be 2026-11-02, 2026/11/02, 02/11/2026
// or 02-11-2026 (day first, never month first); times 07:30:15 or 07:30. CRLF
// line ends and a leading BOM are accepted, blank lines skipped, and a line
// repeating an earlier punch (same PIN and time) is dropped. Every other unreadable line is returned in bad
// with its line number; the readable ones are still returned, in file order.
func ParseAttlog(r io.Reader) (punches []Punch, bad []LineError) {
	br := bufio.NewReaderSize(r, 64*1024)
	seen := map[punchKey]struct{}{}
	pins := map[string]string{} // one string per PIN, shared by its punches
	var buf []byte
	for n := 1; ; n++ {
		var (
			line    []byte
			tooLong bool
			err     error
		)
		line, buf, tooLong, err = readAttlogLine(br, buf[:0])
		if err != nil && !errors.Is(err, io.EOF) {
			bad = append(bad, LineError{Line: n, Message: "file tidak dapat dibaca lebih lanjut: " + err.Error()})
			return punches, bad
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		switch {
		case tooLong:
			bad = append(bad, LineError{Line: n, Text: shorten(string(line)), Message: "baris terlalu panjang"})
		case len(bytes.TrimSpace(line)) != 0:
			p, perr := parseAttlogLine(line, pins)
			if perr != nil {
				bad = append(bad, LineError{Line: n, Text: shorten(string(line)), Message: perr.Error()})
				break
			}
			p.Line = n
			if k := (punchKey{p.PIN, p.At.Unix()}); !has(seen, k) {
				seen[k] = struct{}{}
				punches = append(punches, p)
			}
		}
		if err != nil {
			return punches, bad
		}
	}
}

func has(m map[punchKey]struct{}, k punchKey) bool {
	_, ok := m[k]
	return ok
}

type punchKey struct {
	pin string
	at  int64
}

// readAttlogLine reads the next line into buf and returns it without its
// line end, the buffer (to reuse for the next line), and the read error
// (io.EOF with the last line). A line longer than maxAttlogLine is consumed
// whole, returned cut short, and flagged tooLong.
func readAttlogLine(br *bufio.Reader, buf []byte) (line, next []byte, tooLong bool, err error) {
	total := 0
	for {
		chunk, e := br.ReadSlice('\n')
		total += len(chunk)
		if room := maxAttlogLine + 2 - len(buf); room > 0 {
			buf = append(buf, chunk[:min(len(chunk), room)]...)
		}
		if errors.Is(e, bufio.ErrBufferFull) {
			continue
		}
		line = bytes.TrimRight(buf, "\r\n")
		ending := len(buf) - len(line)
		return line, buf, total-ending > maxAttlogLine, e
	}
}

// shorten cuts a bad line to a length fit for a message.
func shorten(s string) string {
	const limit = 120
	if len(s) <= limit {
		return s
	}
	return strings.ToValidUTF8(s[:limit], "") + "…"
}

// attlogFields returns the first three fields of line (separated by runs of
// white space, Unicode white space too) and how many fields it has, at most
// three.
func attlogFields(line []byte) (f [3][]byte, n int) {
	for _, c := range line {
		if c >= utf8.RuneSelf {
			all := bytes.Fields(line)
			n = copy(f[:], all)
			return f, n
		}
	}
	i := 0
	for n < 3 {
		for i < len(line) && isSpace(line[i]) {
			i++
		}
		if i == len(line) {
			break
		}
		j := i
		for j < len(line) && !isSpace(line[j]) {
			j++
		}
		f[n] = line[i:j]
		n++
		i = j
	}
	return f, n
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f'
}

func parseAttlogLine(line []byte, pins map[string]string) (Punch, error) {
	f, n := attlogFields(line)
	if n < 3 {
		return Punch{}, errors.New("harus berisi PIN, tanggal dan jam")
	}
	if !validPIN(f[0]) {
		return Punch{}, fmt.Errorf("PIN %q tidak sah", shorten(string(f[0])))
	}
	y, m, d, err := parseAttlogDate(f[1])
	if err != nil {
		return Punch{}, err
	}
	hh, mm, ss, err := parseAttlogTime(f[2])
	if err != nil {
		return Punch{}, err
	}
	pin, ok := pins[string(f[0])]
	if !ok {
		pin = string(f[0])
		pins[pin] = pin
	}
	return Punch{PIN: pin, At: time.Date(y, m, d, hh, mm, ss, 0, time.UTC)}, nil
}

func validPIN(s []byte) bool {
	if len(s) > 24 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

// asciiDigits returns the value of s when it is one to limit ASCII digits
// (the fingerprint log's fields, the date of a JSON record).
func asciiDigits(s []byte, limit int) (int, bool) {
	if len(s) == 0 || len(s) > limit {
		return 0, false
	}
	v := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}

// splitThree splits s at sep into exactly three parts.
func splitThree(s []byte, sep byte) (p [3][]byte, ok bool) {
	i := bytes.IndexByte(s, sep)
	if i < 0 {
		return p, false
	}
	j := bytes.IndexByte(s[i+1:], sep)
	if j < 0 {
		return p, false
	}
	j += i + 1
	if bytes.IndexByte(s[j+1:], sep) >= 0 {
		return p, false
	}
	return [3][]byte{s[:i], s[i+1 : j], s[j+1:]}, true
}

// parseAttlogDate reads YYYY-MM-DD, YYYY/MM/DD, DD/MM/YYYY or DD-MM-YYYY.
func parseAttlogDate(s []byte) (int, time.Month, int, error) {
	bad := func() error { return fmt.Errorf("tanggal %q tidak dikenali", shorten(string(s))) }
	sep := byte('-')
	if bytes.IndexByte(s, '/') >= 0 {
		sep = '/'
	}
	p, ok := splitThree(s, sep)
	if !ok {
		return 0, 0, 0, bad()
	}
	if len(p[2]) == 4 {
		p[0], p[2] = p[2], p[0]
	}
	if len(p[0]) != 4 || len(p[1]) > 2 || len(p[2]) > 2 {
		return 0, 0, 0, bad()
	}
	var v [3]int
	for i, part := range p {
		n, ok := asciiDigits(part, 4)
		if !ok {
			return 0, 0, 0, bad()
		}
		v[i] = n
	}
	if !ValidDate(v[0], time.Month(v[1]), v[2]) {
		return 0, 0, 0, fmt.Errorf("tanggal %q tidak ada di kalender", s)
	}
	return v[0], time.Month(v[1]), v[2], nil
}

// parseAttlogTime reads HH:MM:SS or HH:MM.
func parseAttlogTime(s []byte) (h, m, sec int, err error) {
	bad := func() error { return fmt.Errorf("jam %q tidak dikenali", shorten(string(s))) }
	parts := bytes.Count(s, []byte(":")) + 1
	if parts < 2 || parts > 3 {
		return 0, 0, 0, bad()
	}
	limits := [3]int{23, 59, 59}
	var v [3]int
	for i := range parts {
		part := s
		if k := bytes.IndexByte(s, ':'); k >= 0 {
			part, s = s[:k], s[k+1:]
		}
		n, ok := asciiDigits(part, 2)
		if !ok || n > limits[i] {
			return 0, 0, 0, bad()
		}
		v[i] = n
	}
	return v[0], v[1], v[2], nil
}

// DayPunches is one person's punches on one day: the first is the arrival,
// the last the departure ("HH:MM"). Last is "" when every punch fell in the
// same minute as the first (a single punch, or a repeated touch), so a missing
// departure is not mistaken for leaving early.
type DayPunches struct {
	First string `json:"first"`
	Last  string `json:"last,omitempty"`
	Count int    `json:"count"`
}

// PunchesToDays groups punches by PIN and day, taking the first punch of the
// day as arrival and the last as departure.
//
// Deprecated: use GroupPunches with AttendanceSettings.Punches.Window(), so a
// double tap is one punch.
func PunchesToDays(punches []Punch) map[string]map[Date]DayPunches {
	return groupByDay(punches, punchSpan)
}

// groupByDay groups punches by PIN and day and turns each day's earliest and
// latest punch (minutes since midnight) and count into a DayPunches with
// span; GroupPunches and PunchesToDays differ only in span.
func groupByDay(punches []Punch, span func(first, last, n int) DayPunches) map[string]map[Date]DayPunches {
	type day struct{ first, last, n int }
	days := map[string]map[Date]*day{}
	for _, p := range punches {
		byDate := days[p.PIN]
		if byDate == nil {
			byDate = map[Date]*day{}
			days[p.PIN] = byDate
		}
		d, m := DateOf(p.At), p.At.Hour()*60+p.At.Minute()
		switch s := byDate[d]; {
		case s == nil:
			byDate[d] = &day{m, m, 1}
		default:
			s.n++
			s.first, s.last = min(s.first, m), max(s.last, m)
		}
	}
	out := make(map[string]map[Date]DayPunches, len(days))
	for pin, byDate := range days {
		od := make(map[Date]DayPunches, len(byDate))
		for d, s := range byDate {
			od[d] = span(s.first, s.last, s.n)
		}
		out[pin] = od
	}
	return out
}

func punchSpan(first, last, n int) DayPunches {
	dp := DayPunches{First: FormatClock(first), Count: n}
	if last != first {
		dp.Last = FormatClock(last)
	}
	return dp
}

// MergeOutcome says what merging a day's punches does to the month.
type MergeOutcome string

// The outcomes of PlanMerge.
const (
	MergeAdded      MergeOutcome = "added"       // a day not entered gets a machine entry
	MergeChanged    MergeOutcome = "changed"     // an entry is replaced or its times widened
	MergeUnchanged  MergeOutcome = "unchanged"   // the entry already says what the punches say
	MergeKeptHand   MergeOutcome = "kept_hand"   // a hand-entered day kept (overwrite not asked)
	MergeNonWorking MergeOutcome = "non_working" // punches on a weekend or holiday, listed apart
	MergeOtherMonth MergeOutcome = "other_month" // the day is not in this month
)

// MergeResult is the plan for one day: the outcome, the entry before (Had
// says whether there was one) and the entry after.
type MergeResult struct {
	Outcome MergeOutcome `json:"outcome"`
	Had     bool         `json:"had"`
	Before  DayEntry     `json:"before"`
	After   DayEntry     `json:"after"`
	// Planned is, for MergeNonWorking from PlanMergeDay, the piket entry the
	// punches would make with MergeOptions.Piket.
	Planned *DayEntry `json:"planned,omitempty"`
}

// Changes reports whether applying the result alters the month.
func (r MergeResult) Changes() bool { return r.Outcome == MergeAdded || r.Outcome == MergeChanged }

// PlanMerge works out, without changing m, what a day's punches do to it. A
// day entered by hand (any source but machine) is kept unless overwrite is
// set. A machine entry is widened to the earliest and latest of its own times
// and the punches, so importing the same punches again changes nothing and
// two files of the same day give the same result in either order. The code
// follows the times against the day's hours (see ApplyTimes); the note of an
// overwritten entry is kept.
//
// Deprecated: it stores minutes and treats a lone punch as an arrival on
// time; use PlanMergeDay.
func PlanMerge(m AttendanceMonth, d Date, p DayPunches, cal Calendar, overwrite bool) MergeResult {
	if !m.Contains(d) {
		return MergeResult{Outcome: MergeOtherMonth}
	}
	before, had := m.Days[d.Day()]
	res := MergeResult{Had: had, Before: before, After: before}
	hours, working := cal.DayHours(d)
	if !working {
		res.Outcome = MergeNonWorking
		return res
	}
	machine := had && before.Source == SourceMachine
	if had && !machine && !overwrite {
		res.Outcome = MergeKeptHand
		return res
	}
	times := []string{p.First, p.Last}
	if machine {
		times = append(times, before.In, before.Out)
	}
	first, last, ok := clockSpan(times)
	if !ok {
		res.Outcome = MergeUnchanged
		return res
	}
	span := punchSpan(first, last, 0)
	after := DayEntry{In: span.First, Out: span.Last, Note: before.Note, Source: SourceMachine}
	if machine {
		after.EnteredBy = before.EnteredBy
	}
	after, _ = ApplyTimes(after, hours) // cannot fail: hours work and the times were just formatted
	res.After = after
	switch {
	case !had:
		res.Outcome = MergeAdded
	case after == before:
		res.Outcome = MergeUnchanged
	default:
		res.Outcome = MergeChanged
	}
	return res
}

// clockSpan returns the earliest and latest readable clock times of ts.
func clockSpan(ts []string) (first, last int, ok bool) {
	for _, t := range ts {
		v, err := ParseClock(t)
		if t == "" || err != nil {
			continue
		}
		if !ok || v < first {
			first = v
		}
		if !ok || v > last {
			last = v
		}
		ok = true
	}
	return first, last, ok
}

// MergePunches applies PlanMerge to m and returns the result.
//
// Deprecated: use PlanMergeDay and ApplyMerge.
func (m *AttendanceMonth) MergePunches(d Date, p DayPunches, cal Calendar, overwrite bool) MergeResult {
	res := PlanMerge(*m, d, p, cal, overwrite)
	if res.Changes() {
		if m.Days == nil {
			m.Days = map[int]DayEntry{}
		}
		m.Days[d.Day()] = res.After
	}
	return res
}
