package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
)

// testNow is the fixed clock of the tests.
var testNow = time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC)

func testOptions() Options {
	return Options{Timeout: 50 * time.Millisecond, Actor: "uji", Now: func() time.Time { return testNow }, Create: true}
}

// openTemp opens a new data file in a temporary folder and closes it at the end of the test.
func openTemp(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kinerja.db")
	s := mustOpen(t, path)
	t.Cleanup(func() { _ = s.Close() })
	return s, path
}

func mustOpen(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(path, testOptions())
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	return s
}

// pns returns a valid PNS whose NIP agrees with the birth date and sex:
// born on 1 January 1965 plus i days, appointed March 1993, sequence 009.
func pns(i int, name string) data.Staff {
	born := data.NewDate(1965, time.January, 1).AddDays(i)
	return data.Staff{
		NIP:       fmt.Sprintf("%s1993031009", born.Compact()),
		Name:      name,
		Kind:      data.KindPNS,
		Sex:       data.SexMale,
		BirthDate: born,
		History: []data.Event{{
			Date: data.NewDate(2010, time.January, 4), Kind: data.EventStart,
			Rank: "III/b", Position: "Pengadministrasi Umum", UnitID: 3,
		}},
	}
}

// asep is the example of the brief: NIP 19680411 199303 1 009, born 11 April 1968, male.
func asep() data.Staff {
	st := pns(0, "Asep Saepudin")
	st.NIP = "196804111993031009"
	st.BirthDate = data.NewDate(1968, time.April, 11)
	st.GelarDepan = "Drs."
	return st
}
