package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
)

// buildOffice makes at path a demo office of n staff as the demo generator
// draws it (office, units with their heads, twelve months of attendance up
// to testToday, the periods of the year and an SKP for each evaluated
// person), through the service and without signers, so it stays quick.
func buildOffice(tb testing.TB, path string, n int) *service.Service {
	tb.Helper()
	now := func() time.Time { return testToday.Time().Add(9 * time.Hour) }
	svc, err := service.Open(path, service.Options{Create: true, Actor: "bench", Now: now})
	if err != nil {
		tb.Fatal(err)
	}
	made := demo.New(demo.Options{Staff: n, Seed: 1, Today: testToday})
	if err := svc.SetOffice(made.Office); err != nil {
		tb.Fatal(err)
	}
	saved, err := svc.AddDemoStaff(made)
	if err != nil {
		tb.Fatal(err)
	}
	cal, err := svc.Calendar()
	if err != nil {
		tb.Fatal(err)
	}
	if err := svc.SaveAttendance(demo.Attendance(saved, cal, testToday, 1)); err != nil {
		tb.Fatal(err)
	}
	if _, err := svc.CreatePeriodsUpTo(testToday); err != nil {
		tb.Fatal(err)
	}
	if _, err := svc.SaveSKPs(demo.SKPs(saved, testToday.Year())); err != nil {
		tb.Fatal(err)
	}
	return svc
}

// The 2,000-staff office of the benchmarks, built once per test binary and
// closed and removed by TestMain (benchCleanup).
var (
	bigOnce sync.Once
	bigSvc  *service.Service
	bigDir  string
)

// benchDataEnv names an existing data file the benchmarks read instead of
// building the one-year office, opened read-only: for example the
// five-year 2,000-staff office of "kinerja demo --staff 2000 --years 5",
// which takes minutes to make.
const benchDataEnv = "KINERJA_BENCH_DATA"

// bigOffice returns the shared 2,000-staff office: the one-year demo
// office built once, or the file benchDataEnv names.
func bigOffice(b *testing.B) *service.Service {
	b.Helper()
	bigOnce.Do(func() {
		if path := os.Getenv(benchDataEnv); path != "" {
			svc, err := service.Open(path, service.Options{ReadOnly: true})
			if err != nil {
				b.Fatal(err)
			}
			bigSvc = svc
			return
		}
		dir, err := os.MkdirTemp("", "kinerja-uibench")
		if err != nil {
			b.Fatal(err)
		}
		bigDir = dir
		bigSvc = buildOffice(b, filepath.Join(dir, "kinerja.db"), 2000)
	})
	if bigSvc == nil {
		b.Fatal("the benchmark office could not be built")
	}
	return bigSvc
}

// benchCleanup closes and removes the benchmark office; TestMain calls it.
func benchCleanup() {
	if bigSvc != nil {
		_ = bigSvc.Close()
	}
	if bigDir != "" {
		_ = os.RemoveAll(bigDir)
	}
}

// newUIOn builds the main window on svc, as newTestUI does.
func newUIOn(tb testing.TB, svc *service.Service) *App {
	tb.Helper()
	a := test.NewTempApp(tb)
	useLanguage(tb, a)
	u := New(a, svc, Options{})
	u.today = func() data.Date { return testToday }
	u.win.Resize(fyne.NewSize(1100, 700))
	return u
}

// timeUIGoroutine makes runAsync time its work apart for the rest of the
// benchmark and returns a pointer to the sum; the rest of an operation is
// what the UI goroutine itself does (building and laying out widgets, and
// any reading not moved off it), the part that must stay short.
func timeUIGoroutine(b *testing.B) *time.Duration {
	var work time.Duration
	old := runAsync
	runAsync = func(w, done func()) {
		t := time.Now()
		w()
		work += time.Since(t)
		done()
	}
	b.Cleanup(func() { runAsync = old })
	return &work
}

// BenchmarkScreen2000 switches to each main screen of a 2,000-staff office
// (from Pengaturan, or to Pengaturan from Beranda): ns/op is the time until
// the screen is filled, its reading and computing included (run inline by
// the tests' runAsync); ui-ns/op the part on the UI goroutine, which decides
// whether the window answers. Target: ui-ns/op ≤ 0.3 s for every screen.
func BenchmarkScreen2000(b *testing.B) {
	svc := bigOffice(b)
	u := newUIOn(b, svc)
	for _, screen := range []string{ScreenHome, ScreenStaff, ScreenAttendance, ScreenPerform, ScreenSKP, ScreenEvaluation, ScreenDocuments, ScreenSettings} {
		b.Run(screen, func(b *testing.B) {
			other := ScreenSettings
			if screen == ScreenSettings {
				other = ScreenHome
			}
			work := timeUIGoroutine(b)
			var elapsed, bg time.Duration
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				u.Show(other)
				w0 := *work
				b.StartTimer()
				t := time.Now()
				u.Show(screen)
				_ = u.win.Canvas().Content().MinSize()
				elapsed += time.Since(t)
				bg += *work - w0
			}
			b.ReportMetric(float64((elapsed-bg).Nanoseconds())/float64(b.N), "ui-ns/op")
			b.ReportMetric(float64(bg.Nanoseconds())/float64(b.N), "bg-ns/op")
		})
	}
}

// BenchmarkDayGrid2000 shows the daily grid of a 2,000-staff office with
// its attendance, alternating between two working days, as the admin does
// on each date change: ns/op until the rows are filled, ui-ns/op the part
// on the UI goroutine. Target: 250 ms.
func BenchmarkDayGrid2000(b *testing.B) {
	svc := bigOffice(b)
	u := newUIOn(b, svc)
	u.Show(ScreenAttendance)
	g := u.attendance.day
	days := []data.Date{workDay, workDay.AddDays(-1)}
	work := timeUIGoroutine(b)
	var elapsed, bg time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		w0 := *work
		t := time.Now()
		g.show(days[i%2])
		_ = u.win.Canvas().Content().MinSize()
		elapsed += time.Since(t)
		bg += *work - w0
	}
	b.ReportMetric(float64((elapsed-bg).Nanoseconds())/float64(b.N), "ui-ns/op")
	b.ReportMetric(float64(bg.Nanoseconds())/float64(b.N), "bg-ns/op")
	if len(g.rows) < 1500 {
		b.Fatalf("the grid shows %d rows", len(g.rows))
	}
}

// BenchmarkDiscipline2000 opens Kehadiran › Disiplin of a 2,000-staff office
// from Beranda's button: a year of attendance counted for everyone, then the
// virtual list.
func BenchmarkDiscipline2000(b *testing.B) {
	svc := bigOffice(b)
	u := newUIOn(b, svc)
	work := timeUIGoroutine(b)
	var elapsed, bg time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		u.attendance.tabs.SelectIndex(1)
		u.Show(ScreenHome)
		w0 := *work
		b.StartTimer()
		t := time.Now()
		u.showDiscipline()
		elapsed += time.Since(t)
		bg += *work - w0
	}
	b.ReportMetric(float64((elapsed-bg).Nanoseconds())/float64(b.N), "ui-ns/op")
	b.ReportMetric(float64(bg.Nanoseconds())/float64(b.N), "bg-ns/op")
	if n := len(u.attendance.discipline.lines); n < 1900 {
		b.Fatalf("Disiplin lists %d people", n)
	}
}

// TestHomeTopTen: with a large office, Beranda's PP 94/2021 card and its
// unfinished-evaluations card show ten people each, how many more there
// are, and a button to the screen with all of them.
func TestHomeTopTen(t *testing.T) {
	svc := buildOffice(t, filepath.Join(t.TempDir(), "kinerja.db"), 100)
	t.Cleanup(func() { _ = svc.Close() })
	u := newUIOn(t, svc)
	u.Show(ScreenHome)
	near, err := svc.NearThresholds(testToday)
	if err != nil {
		t.Fatal(err)
	}
	if len(near) <= homeTop {
		t.Fatalf("the test office has only %d people near a threshold", len(near))
	}
	for _, c := range []struct {
		name  string
		card  *topCard
		total int
		open  string
	}{
		{"PP 94", u.home.near.card, len(near), "Buka Kehadiran › Disiplin"},
		{"evaluasi", u.home.evals, -1, "Buka Kinerja › Evaluasi"},
	} {
		if n := len(c.card.box.Objects); n != homeTop {
			t.Errorf("%s card shows %d rows, want %d", c.name, n, homeTop)
		}
		if !c.card.more.Visible() || !strings.HasPrefix(c.card.more.Text, "dan ") || !strings.HasSuffix(c.card.more.Text, " lainnya") {
			t.Errorf("%s card count %q", c.name, c.card.more.Text)
		}
		if c.total > 0 && c.card.more.Text != "dan "+strconv.Itoa(c.total-homeTop)+" lainnya" {
			t.Errorf("%s card count %q, want %d more", c.name, c.card.more.Text, c.total-homeTop)
		}
		if c.card.open.Text != c.open {
			t.Errorf("%s card button %q", c.name, c.card.open.Text)
		}
	}
	if w := u.win.Content().MinSize().Width; w > 1100 {
		t.Errorf("Beranda needs a window %.0f wide", w)
	}
	first := u.home.near.card.box.Objects[0].(*widget.Label).Text
	if !strings.HasPrefix(first, near[0].Name) {
		t.Errorf("first row %q, want the person with the most days, %s", first, near[0].Name)
	}
	test.Tap(u.home.near.card.open)
	if u.current != ScreenAttendance || u.attendance.tabs.SelectedIndex() != 2 || len(u.attendance.discipline.lines) == 0 {
		t.Errorf("the button shows %s, tab %d", u.current, u.attendance.tabs.SelectedIndex())
	}
	u.Show(ScreenHome)
	test.Tap(u.home.evals.open)
	if u.current != ScreenEvaluation {
		t.Errorf("the evaluations button shows %s", u.current)
	}
}
