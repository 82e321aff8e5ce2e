package service

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/internal/testkit"
)

// benchOffice opens a file with n staff and, for each, months of machine
// entries on every working day from first through last.
func benchOffice(b *testing.B, n int, first, last store.YearMonth) (*Service, []data.Staff) {
	b.Helper()
	list := make([]data.Staff, n)
	for i := range list {
		list[i] = person(i, data.KindPNS, uint64(3+i%7))
	}
	svc, staff := openService(b, list...)
	cal, err := svc.Calendar()
	if err != nil {
		b.Fatal(err)
	}
	var months []data.AttendanceMonth
	for _, s := range staff {
		for ym := first; !last.Before(ym); ym = ym.Next() {
			m := data.NewAttendanceMonth(s.ID, ym.Year, ym.Month)
			for i, d := range cal.WorkingDaysIn(ym.Year, ym.Month) {
				e := data.DayEntry{Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}
				if (i+int(s.ID))%11 == 0 {
					e = data.DayEntry{Code: data.CodeTL, In: "07:52", Out: "16:05", LateMinutes: 22, Source: data.SourceMachine}
				}
				if (i+int(s.ID))%97 == 0 {
					e = data.DayEntry{Code: data.CodeTK, Source: data.SourceHand}
				}
				m.Days[d.Day()] = e
			}
			months = append(months, m)
		}
	}
	if err := svc.st.SaveAttendance(months); err != nil {
		b.Fatal(err)
	}
	return svc, staff
}

// BenchmarkMonthRecap2000 is the monthly recap of 2,000 staff through the store.
func BenchmarkMonthRecap2000(b *testing.B) {
	nov := store.YearMonth{Year: 2026, Month: time.November}
	svc, _ := benchOffice(b, 2000, store.YearMonth{Year: 2026, Month: time.September}, nov)
	b.ResetTimer()
	for b.Loop() {
		rec, err := svc.MonthRecap(2026, time.November, 0)
		if err != nil || len(rec.Lines) != 2000 {
			b.Fatalf("%d lines, %v", len(rec.Lines), err)
		}
	}
}

// BenchmarkDiscipline2000 is the PP 94/2021 count of 2,000 staff-years
// (December of the year before through December) through the store.
func BenchmarkDiscipline2000(b *testing.B) {
	svc, _ := benchOffice(b, 2000, store.YearMonth{Year: 2025, Month: time.December}, store.YearMonth{Year: 2026, Month: time.December})
	b.ResetTimer()
	for b.Loop() {
		lines, err := svc.DisciplineYear(2026)
		if err != nil || len(lines) != 2000 {
			b.Fatalf("%d lines, %v", len(lines), err)
		}
	}
}

// BenchmarkAttlogImport100k plans and applies a 100,000-line fingerprint log
// (2,000 staff, 25 days, two punches a day) into a file with no attendance yet.
func BenchmarkAttlogImport100k(b *testing.B) {
	list := make([]data.Staff, 2000)
	for i := range list {
		list[i] = person(i, data.KindPNS, uint64(3+i%7))
	}
	svc, staff := openService(b, list...)
	pins := map[string]uint64{}
	for i, s := range staff {
		pins[fmt.Sprint(i+1)] = s.ID
	}
	if err := svc.MapPins(pins); err != nil {
		b.Fatal(err)
	}
	if _, err := svc.Calendar(); err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for day := 0; day < 25; day++ {
		d := data.NewDate(2026, time.October, 1).AddDays(day)
		for i := range staff {
			fmt.Fprintf(&sb, "%d\t%s 07:%02d:00\t1\t0\t1\t0\n%d\t%s 16:%02d:00\t1\t1\t1\t0\n", i+1, d, 10+i%40, i+1, d, i%50)
		}
	}
	log := sb.String()
	template := svc.Path()
	if err := svc.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "k.db")
		testkit.CopyDataFile(b, template, path)
		fresh, err := Open(path, testOptions())
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		plan, err := fresh.PlanAttlogImport(strings.NewReader(log), nil, false)
		if err != nil || plan.Punches != 100000 {
			b.Fatalf("%d punches, %v", plan.Punches, err)
		}
		if _, err := fresh.ApplyImport(plan); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		fresh.Close()
		b.StartTimer()
	}
}
