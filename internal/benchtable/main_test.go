package main

import (
	"strings"
	"testing"
)

func TestParseAndTable(t *testing.T) {
	in := `goos: linux
pkg: kinerja/data
BenchmarkParseAttlog100k-2   	       4	 290902820 ns/op	  13.41 MB/s	80170144 B/op	  848100 allocs/op
pkg: kinerja/data/store
BenchmarkSaveStaff-2   	     100	 1000 ns/op	 150.0 audit-B/entry	 10 B/op	 1 allocs/op
--- BENCH: BenchmarkX-2
    x_test.go:1: a log line
PASS
`
	res, err := parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := res["kinerja/data"]["BenchmarkParseAttlog100k"]["B/op"]; got != 80170144 {
		t.Fatalf("B/op = %v", got)
	}
	if got := res["kinerja/data/store"]["BenchmarkSaveStaff"]["audit-B/entry"]; got != 150 {
		t.Fatalf("audit-B/entry = %v", got)
	}
	var out strings.Builder
	table(&out, res)
	for _, want := range []string{"| Log sidik jari 100.000 baris (waktu)", "291 ms", "0.58", "80.2 MB", "1.60", "150 B", "0.75"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(out.String(), "–") {
		t.Errorf("a figure that did not run should show –:\n%s", out.String())
	}
}
