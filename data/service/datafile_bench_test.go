package service

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/demo"
)

// BenchmarkFiveYearFile builds the demo office of 2,000 staff with five
// years of history — attendance, evaluations on the office's cadence, every
// period signed, and the audit of all of it — as "kinerja demo --staff 2000
// --years 5" does, then backs it up twice to the same place. It reports the
// size of the data file (signed documents aside: they are in the archive
// beside it), the size of the archive, the time of the first backup (which
// copies every document) and of the second (the daily case: the data file
// again, no unchanged document copied again). Targets: at most 150 MB and
// 5 s. It takes minutes and runs only under -bench.
func BenchmarkFiveYearFile(b *testing.B) {
	dir := b.TempDir()
	path := filepath.Join(dir, "kantor", "kinerja.db")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		b.Fatal(err)
	}
	svc, err := Open(path, testOptions())
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	today := data.DateOf(testOptions().Now())
	if _, err := svc.FillDemo(demo.Options{Staff: 2000, Seed: 1, Today: today, Years: 5}); err != nil {
		b.Fatal(err)
	}
	built := time.Since(start)
	if err := svc.Close(); err != nil {
		b.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	archive := dirSize(b, ArchiveDirOf(path))
	svc, err = Open(path, Options{ReadOnly: true, Actor: "uji", Now: testOptions().Now})
	if err != nil {
		b.Fatal(err)
	}
	defer svc.Close()
	out := filepath.Join(dir, "cadangan", "kinerja.db")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		b.Fatal(err)
	}
	var first, again time.Duration
	for b.Loop() {
		_ = os.Remove(out)
		_ = os.RemoveAll(ArchiveDirOf(out))
		t0 := time.Now()
		if err := svc.BackupTo(context.Background(), out, false); err != nil {
			b.Fatal(err)
		}
		first = time.Since(t0)
		t0 = time.Now()
		if err := svc.BackupTo(context.Background(), out, true); err != nil {
			b.Fatal(err)
		}
		again = time.Since(t0)
	}
	if copied := dirSize(b, ArchiveDirOf(out)); copied != archive {
		b.Fatalf("the backup's archive holds %d bytes, the office's %d", copied, archive)
	}
	b.ReportMetric(float64(st.Size())/1e6, "datafile-MB")
	b.ReportMetric(float64(archive)/1e6, "archive-MB")
	b.ReportMetric(built.Seconds(), "build-s")
	b.ReportMetric(first.Seconds(), "firstbackup-s")
	b.ReportMetric(again.Seconds(), "backup-s")
}

// dirSize is the total size of the files in dir.
func dirSize(b *testing.B, dir string) int64 {
	b.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	for _, e := range entries {
		info, err := e.Info()
		if err != nil {
			b.Fatal(err)
		}
		n += info.Size()
	}
	return n
}
