// Command benchtable reads the output of "go test -bench -benchmem" on
// standard input and prints the figures Kinerja is held to, one line each:
// the figure, its target, what was measured and the ratio measured/target
// (at most 1 meets the target). A figure whose benchmark did not run shows
// "–". "make bench" pipes the benchmarks into it; docs/performance.md
// explains the figures.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// figure is one line of the table: the value named unit of benchmark bench in
// package pkg, held to target (in the same unit). scale and shown turn the
// measured unit into the one printed (ns/op → ms).
type figure struct {
	name   string
	pkg    string
	bench  string
	unit   string
	target float64
	scale  float64
	shown  string
}

const (
	ns = 1.0
	ms = 1e6 * ns
	kb = 1000.0
	mb = 1e6
)

// figures are the targets of a kabupaten-sized office (2,000 staff). PP 94
// and the month recap are measured on the demo office of 2,000 staff that
// data/service builds once for its benchmarks; the size of the data file
// and its daily backup on the five-year demo office, signed documents and
// all (BenchmarkFiveYearFile builds it).
var figures = []figure{
	{"PDF bertanda tangan tersimpan (per dokumen)", "kinerja/data/service", "BenchmarkStoreSignedPDF", "stored-B/doc", 40 * kb, kb, "KB"},
	{"Menyimpan satu PDF bertanda tangan", "kinerja/data/service", "BenchmarkStoreSignedPDF", "ns/op", 5 * ms, ms, "ms"},
	{"Render + tanda tangan satu dokumen", "kinerja/data/service", "BenchmarkSignedEvaluations100", "ms/doc", 5, 1, "ms"},
	{"Log sidik jari 100.000 baris (waktu)", "kinerja/data", "BenchmarkParseAttlog100k", "ns/op", 500 * ms, ms, "ms"},
	{"Log sidik jari 100.000 baris (memori)", "kinerja/data", "BenchmarkParseAttlog100k", "B/op", 50 * mb, mb, "MB"},
	{"Impor pegawai XLSX 2.000 baris", "kinerja/export", "BenchmarkReadTableXLSX2000", "ns/op", 100 * ms, ms, "ms"},
	{"Entri audit, satu kolom berubah", "kinerja/data/store", "BenchmarkSaveStaff", "audit-B/entry", 200, 1, "B"},
	{"Entri audit, satu hari kehadiran", "kinerja/data/store", "BenchmarkSaveAttendanceDay", "audit-B/entry", 200, 1, "B"},
	{"PP 94 satu tahun, 2.000 pegawai", "kinerja/data/service", "BenchmarkDiscipline2000", "ns/op", 200 * ms, ms, "ms"},
	{"Rekap bulanan, 2.000 pegawai", "kinerja/data/service", "BenchmarkMonthRecap2000", "ns/op", 50 * ms, ms, "ms"},
	{"File data lima tahun (dokumen di arsip)", "kinerja/data/service", "BenchmarkFiveYearFile", "datafile-MB", 150, 1, "MB"},
	{"Cadangan harian file lima tahun", "kinerja/data/service", "BenchmarkFiveYearFile", "backup-s", 5, 1, "s"},
}

// results maps package → benchmark name (without the -N suffix) → unit → value.
type results map[string]map[string]map[string]float64

// parse reads benchmark lines; "pkg:" lines say which package follows.
func parse(r io.Reader) (results, error) {
	out := results{}
	pkg := ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue // a benchmark's log line, not its result
		}
		name := f[0]
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		units := map[string]float64{}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				break
			}
			units[f[i+1]] = v
		}
		if out[pkg] == nil {
			out[pkg] = map[string]map[string]float64{}
		}
		out[pkg][name] = units
	}
	return out, sc.Err()
}

// table writes the figures with their measurements.
func table(w io.Writer, res results) {
	fmt.Fprintf(w, "| %s | %s | %s | %s |\n", pad("Angka", -45), pad("Target", 12), pad("Terukur", 12), pad("Rasio", 6))
	fmt.Fprintf(w, "|%s|%s|%s|%s|\n", strings.Repeat("-", 47), strings.Repeat("-", 14), strings.Repeat("-", 14), strings.Repeat("-", 8))
	for _, f := range figures {
		target := fmt.Sprintf("≤ %s %s", num(f.target/f.scale), f.shown)
		measured, ratio := "–", "–"
		if v, ok := res[f.pkg][f.bench][f.unit]; ok {
			measured = num(v/f.scale) + " " + f.shown
			ratio = fmt.Sprintf("%.2f", v/f.target)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", pad(f.name, -45), pad(target, 12), pad(measured, 12), pad(ratio, 6))
	}
}

// pad pads s with spaces to width characters (runes, not bytes): on the
// left, or on the right when width is negative.
func pad(s string, width int) string {
	n := utf8.RuneCountInString(s)
	if width < 0 {
		return s + strings.Repeat(" ", max(0, -width-n))
	}
	return strings.Repeat(" ", max(0, width-n)) + s
}

// num prints a value with the precision its size deserves.
func num(v float64) string {
	switch {
	case v >= 100:
		return strconv.FormatFloat(v, 'f', 0, 64)
	case v >= 10:
		return strconv.FormatFloat(v, 'f', 1, 64)
	default:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
}

func main() {
	res, err := parse(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchtable:", err)
		os.Exit(1)
	}
	table(os.Stdout, res)
}
