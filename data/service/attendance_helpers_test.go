package service

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// testNow is the fixed clock of the attendance tests.
var testNow = time.Date(2026, time.November, 28, 10, 0, 0, 0, time.UTC)

// openStore opens a new data file holding the given staff; it is closed at the end of the test.
func openStore(t testing.TB, staff ...data.Staff) (*store.Store, []data.Staff) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "k.db"), store.Options{Create: true, Actor: "uji", Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	if len(staff) == 0 {
		return st, nil
	}
	saved, err := st.AddStaff(staff)
	if err != nil {
		t.Fatal(err)
	}
	return st, saved
}

// person returns a valid staff member of kind k in unit, started in 2010;
// i makes the identifier unique.
func person(i int, k data.Kind, unit uint64) data.Staff {
	born := data.NewDate(1970, time.January, 1).AddDays(i)
	s := data.Staff{
		Name: fmt.Sprintf("Pegawai %02d", i), Kind: k, Sex: data.SexMale, BirthDate: born,
		History: []data.Event{{Date: data.NewDate(2010, time.January, 4), Kind: data.EventStart,
			Rank: "III/b", Position: "Pengadministrasi Perkantoran", UnitID: unit}},
	}
	switch {
	case k == data.KindNonASN:
		s.NIK = fmt.Sprintf("3204%02d%s%04d", 10, born.Time().Format("020106"), i+1)
		s.History[0].Rank = ""
	case k.IsPPPK():
		s.NIP = fmt.Sprintf("%s2021211%03d", born.Compact(), i%999+1)
		s.History[0].Rank = "IX"
		s.ContractStart, s.ContractEnd = data.NewDate(2021, 1, 1), data.NewDate(2030, 12, 31)
	default:
		s.NIP = fmt.Sprintf("%s2010011%03d", born.Compact(), i%999+1)
	}
	return s
}

func day(m time.Month, d int) data.Date { return data.NewDate(2026, m, d) }

// setDays saves entries for one person, one transaction per call.
func setDays(t testing.TB, st *store.Store, staffID uint64, entries map[data.Date]data.DayEntry) {
	t.Helper()
	months := map[store.YearMonth]data.AttendanceMonth{}
	for d, e := range entries {
		ym := store.MonthOf(d)
		m, ok := months[ym]
		if !ok {
			var err error
			if m, err = st.AttendanceMonth(staffID, d.Year(), d.Month()); err != nil {
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
	if err := st.SaveAttendance(list); err != nil {
		t.Fatal(err)
	}
}
