package service

import (
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/sign"
	"kinerja/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// testNow is the fixed clock of the service tests.
var testNow = testkit.Now

// testKeyCost is the cheap argon2id cost of the tests, svckit.KeyCost
// (which package service cannot import: svckit imports the service).
var testKeyCost = sign.KeyCost{Time: 1, MemoryKiB: 64, Threads: 1}

// testOptions are the options of every test file: actor "uji", the fixed
// clock and the cheap key cost.
func testOptions() Options {
	return Options{Create: true, Actor: "uji", Now: testkit.Clock, KeyCost: testKeyCost}
}

// openService opens a new data file holding the given staff; it is closed at the end of the test.
func openService(t testing.TB, staff ...data.Staff) (*Service, []data.Staff) {
	t.Helper()
	svc, err := Open(filepath.Join(t.TempDir(), "k.db"), testOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	if len(staff) == 0 {
		return svc, nil
	}
	saved, err := svc.AddStaff(staff)
	if err != nil {
		t.Fatal(err)
	}
	return svc, saved
}

// person returns a valid staff member of kind k in unit (testkit.Person).
func person(i int, k data.Kind, unit uint64) data.Staff { return testkit.Person(i, k, unit) }

func day(m time.Month, d int) data.Date { return data.NewDate(2026, m, d) }

// setDays saves entries for one person, one transaction per call.
func setDays(t testing.TB, svc *Service, staffID uint64, entries map[data.Date]data.DayEntry) {
	t.Helper()
	months := map[store.YearMonth]data.AttendanceMonth{}
	for d, e := range entries {
		ym := store.MonthOf(d)
		m, ok := months[ym]
		if !ok {
			var err error
			if m, err = svc.AttendanceMonth(staffID, d.Year(), d.Month()); err != nil {
				t.Fatal(err)
			}
		}
		if e.Source == "" {
			e.Source = data.SourceHand
		}
		m.Days[d.Day()] = e
		months[ym] = m
	}
	list := make([]data.AttendanceMonth, 0, len(months))
	for _, m := range months {
		list = append(list, m)
	}
	if err := svc.st.SaveAttendance(list); err != nil {
		t.Fatal(err)
	}
}
