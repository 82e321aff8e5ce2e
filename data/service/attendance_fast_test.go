package service

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
)

// TestOfficeReadsMatchPlainRules: on the 45-staff demo office, the monthly
// recap and the PP 94/2021 year, read through the stored records as day
// lists, give for every person exactly the figures of the plain rules on
// the months as maps (data.RecapMonth, data.PersonTPP, data.DisciplineYear).
func TestOfficeReadsMatchPlainRules(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "demo.db")
	if err := makeDemoOffice(path, 45, 1); err != nil {
		t.Fatal(err)
	}
	svc, err := Open(path, testOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	ctx, err := svc.loadContext()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[uint64]data.Kind{}
	for _, s := range ctx.staff {
		kinds[s.ID] = s.Kind
	}
	for mo := time.January; mo <= time.December; mo++ {
		rec, err := svc.MonthRecap(2026, mo, 0)
		if err != nil || len(rec.Lines) < 30 {
			t.Fatalf("%d: %d lines, %v", mo, len(rec.Lines), err)
		}
		months, err := svc.st.AttendanceMonths(2026, mo)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range rec.Lines {
			m, ok := months[l.StaffID]
			if !ok {
				m = data.NewAttendanceMonth(l.StaffID, 2026, mo)
			}
			if want := data.RecapMonth(m, ctx.rules); !reflect.DeepEqual(l.Recap, want) {
				t.Errorf("%d, staff %d: recap %+v, want %+v", mo, l.StaffID, l.Recap, want)
			}
			if want := data.PersonTPP(m, ctx.rules, kinds[l.StaffID]); !reflect.DeepEqual(l.TPP, want) {
				t.Errorf("%d, staff %d: TPP %+v, want %+v", mo, l.StaffID, l.TPP, want)
			}
		}
	}
	lines, err := svc.DisciplineYear(2026)
	if err != nil || len(lines) < 40 {
		t.Fatalf("%d lines, %v", len(lines), err)
	}
	ids := make([]uint64, len(lines))
	for i, l := range lines {
		ids[i] = l.StaffID
	}
	all, err := svc.st.AttendanceBetween(ids, store.YearMonth{Year: 2025, Month: time.December}, store.YearMonth{Year: 2027, Month: time.January})
	if err != nil {
		t.Fatal(err)
	}
	counted := 0
	for _, l := range lines {
		want := data.DisciplineYear(all[l.StaffID], 2026, ctx.rules, l.Kind)
		if l.Result != want {
			t.Errorf("staff %d: PP 94 %+v, want %+v", l.StaffID, l.Result, want)
		}
		counted += want.AbsentDays + want.LateMinutes
	}
	if counted == 0 {
		t.Fatal("the demo office has no TK and no lateness to compare")
	}
}

// TestSortPeopleIsStable: people are ordered by unit and name, equals
// keeping their order, exactly as a stable sort does.
func TestSortPeopleIsStable(t *testing.T) {
	t.Parallel()
	var people []Person
	for i := range 300 {
		people = append(people, Person{StaffID: uint64(i), UnitID: uint64(i*7%5 + 1), Name: fmt.Sprintf("Pegawai %d", i*13%17)})
	}
	want := slices.Clone(people)
	sort.SliceStable(want, func(i, j int) bool {
		if want[i].UnitID != want[j].UnitID {
			return want[i].UnitID < want[j].UnitID
		}
		return want[i].Name < want[j].Name
	})
	sortPeople(people)
	if !reflect.DeepEqual(people, want) {
		t.Fatalf("sortPeople differs from a stable sort")
	}
}
