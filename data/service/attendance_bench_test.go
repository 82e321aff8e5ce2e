package service

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/internal/testkit"
)

// kabupatenOffice opens a copy of the file of a kabupaten-sized office,
// made once for the benchmarks of this package (testkit.Shared): 2,000
// staff of the demo generator and their attendance from December 2025
// through December 2026 (data/demo), with no evaluations and no signing.
func kabupatenOffice(b *testing.B) *Service {
	b.Helper()
	path := testkit.Shared(b, "service/kabupaten-2000.db", makeKabupaten)
	svc, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Close() })
	return svc
}

func makeKabupaten(path string) error { return makeDemoOffice(path, 2000, kabupatenYears) }

// kabupatenYears is the history of the benchmarks' office: attendance from
// January 2022 through December 2026, so the months read sit among others.
const kabupatenYears = 5

// makeDemoOffice writes a data file of a demo office of n staff with years
// of attendance up to 31 December 2026 (and December 2025 for a single
// year), with no evaluations and no signing.
func makeDemoOffice(path string, n, years int) error {
	svc, err := Open(path, testOptions())
	if err != nil {
		return err
	}
	defer svc.Close()
	today := data.NewDate(2026, time.December, 31)
	office := demo.New(demo.Options{Staff: n, Seed: 7, Today: today, Years: years})
	staff, err := svc.st.AddStaff(office.Staff)
	if err != nil {
		return err
	}
	cal, err := svc.Calendar()
	if err != nil {
		return err
	}
	from := data.NewDate(2025, time.December, 1)
	if years > 1 {
		from = data.NewDate(2027-years, time.January, 1)
	}
	// A year of months at a time, so the whole history is never in memory.
	for from.Before(today) {
		to := from.AddYears(1).AddDays(-1)
		if to.After(today) {
			to = today
		}
		if err := svc.st.SaveAttendance(demo.AttendanceBetween(staff, cal, from, to, 7)); err != nil {
			return err
		}
		from = to.AddDays(1)
	}
	return nil
}

// BenchmarkMonthRecap2000 is the monthly recap (November) of the 2,000
// staff of the kabupaten office, read through the store.
func BenchmarkMonthRecap2000(b *testing.B) {
	svc := kabupatenOffice(b)
	b.ResetTimer()
	for b.Loop() {
		rec, err := svc.MonthRecap(2026, time.November, 0)
		if err != nil || len(rec.Lines) < 1900 {
			b.Fatalf("%d lines, %v", len(rec.Lines), err)
		}
	}
}

// BenchmarkDiscipline2000 is the PP 94/2021 count of the 2,000 staff of the
// kabupaten office for 2026 (December 2025 through December 2026 read).
func BenchmarkDiscipline2000(b *testing.B) {
	svc := kabupatenOffice(b)
	b.ResetTimer()
	for b.Loop() {
		lines, err := svc.DisciplineYear(2026)
		if err != nil || len(lines) < 1900 {
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

// demoOffice opens a copy of the file of the 45-staff demo office with a
// year of attendance, made once per test binary.
func demoOffice(b *testing.B) *Service {
	b.Helper()
	path := testkit.Shared(b, "service/demo-45.db", func(path string) error { return makeDemoOffice(path, 45, 1) })
	svc, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = svc.Close() })
	return svc
}

// BenchmarkMonthRecap45 is the monthly recap (November) of the demo office.
func BenchmarkMonthRecap45(b *testing.B) {
	svc := demoOffice(b)
	b.ResetTimer()
	for b.Loop() {
		if rec, err := svc.MonthRecap(2026, time.November, 0); err != nil || len(rec.Lines) < 40 {
			b.Fatalf("%d lines, %v", len(rec.Lines), err)
		}
	}
}

// BenchmarkDiscipline45 is the PP 94/2021 year 2026 of the demo office.
func BenchmarkDiscipline45(b *testing.B) {
	svc := demoOffice(b)
	b.ResetTimer()
	for b.Loop() {
		if lines, err := svc.DisciplineYear(2026); err != nil || len(lines) < 40 {
			b.Fatalf("%d lines, %v", len(lines), err)
		}
	}
}

// BenchmarkYearRecap45 is one person's recap of 2026 in the demo office.
func BenchmarkYearRecap45(b *testing.B) {
	svc := demoOffice(b)
	staff, err := svc.st.AllStaff()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		if y, err := svc.YearRecap(staff[20].ID, 2026); err != nil || len(y.Months) != 12 {
			b.Fatalf("%d months, %v", len(y.Months), err)
		}
	}
}
