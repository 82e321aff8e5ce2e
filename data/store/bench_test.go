package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"kinerja/data"

	bolt "go.etcd.io/bbolt"
)

// BenchmarkOpenAndLoad2000 opens a file holding 2,000 staff and loads the list.
func BenchmarkOpenAndLoad2000(b *testing.B) {
	path := filepath.Join(b.TempDir(), "kinerja.db")
	s := mustOpen(b, path)
	list := make([]data.Staff, 2000)
	for i := range list {
		list[i] = pns(i, fmt.Sprintf("Pegawai %04d", i))
	}
	if _, err := s.AddStaff(list); err != nil {
		b.Fatal(err)
	}
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		s := mustOpen(b, path)
		all, err := s.AllStaff()
		if err != nil || len(all) != 2000 {
			b.Fatalf("AllStaff = %d, %v", len(all), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveStaff measures one audited save into a file of 2,000 staff.
func BenchmarkSaveStaff(b *testing.B) {
	s, _ := openTemp(b)
	list := make([]data.Staff, 2000)
	for i := range list {
		list[i] = pns(i, fmt.Sprintf("Pegawai %04d", i))
	}
	saved, err := s.AddStaff(list)
	if err != nil {
		b.Fatal(err)
	}
	st := saved[1000]
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n++
		st.Name = fmt.Sprintf("Pegawai %d", n)
		if _, err := s.SaveStaff(st); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lastAuditSize(b, s)), "audit-B/entry")
}

// BenchmarkSaveAttendanceDay changes one day of a filled month of one of
// 2,000 staff; it reports the size of the audit entry that change leaves.
func BenchmarkSaveAttendanceDay(b *testing.B) {
	s, _ := openTemp(b)
	list := make([]data.Staff, 2000)
	for i := range list {
		list[i] = pns(i, fmt.Sprintf("Pegawai %04d", i))
	}
	saved, err := s.AddStaff(list)
	if err != nil {
		b.Fatal(err)
	}
	m := data.NewAttendanceMonth(saved[1000].ID, 2026, time.October)
	for d := 1; d <= 31; d++ {
		m.Days[d] = data.DayEntry{Code: data.CodeH, In: "07:20", Out: "16:05", Source: data.SourceMachine}
	}
	if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n++
		m.Days[12] = data.DayEntry{Code: data.CodeH, In: fmt.Sprintf("07:%02d", n%30), Out: "16:05", Source: data.SourceMachine}
		if err := s.SaveAttendance([]data.AttendanceMonth{m}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(lastAuditSize(b, s)), "audit-B/entry")
}

// lastAuditSize returns the stored size of the newest audit entry.
func lastAuditSize(b *testing.B, s *Store) int {
	var n int
	err := s.viewTx(func(tx *bolt.Tx) error {
		_, v := tx.Bucket([]byte(bucketAudit)).Cursor().Last()
		n = len(v)
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return n
}

// BenchmarkSaveDocumentArchived stores signed documents of about 40 KB
// (distinct, with compressed streams, as rendered) and reports what each
// costs the data file (its on-disk growth: the record, its audit entry and
// the archive index) and the archive.
func BenchmarkSaveDocumentArchived(b *testing.B) {
	s, path := openTemp(b)
	mustPeriod(b, s, "2026-Q3")
	saved, err := s.AddStaff([]data.Staff{asep()})
	if err != nil {
		b.Fatal(err)
	}
	body := make([]byte, 40<<10)
	for i := range body {
		body[i] = byte(i*7 + i/251)
	}
	startData := fileSizeOfB(b, path)
	n := 0
	for b.Loop() {
		pdf := append([]byte(fmt.Sprintf("%%PDF-1.7 /FlateDecode %d\n", n)), body...)
		doc := Document{PeriodID: "2026-Q3", StaffID: saved[0].ID, Revision: n, DocumentID: fmt.Sprintf("EVK-%d", n)}
		if err := s.SaveDocument(doc, pdf); err != nil {
			b.Fatal(err)
		}
		n++
	}
	b.ReportMetric(float64(fileSizeOfB(b, path)-startData)/float64(n), "datafile-B/doc")
	b.ReportMetric(float64(fileSizeOfB(b, filepath.Join(s.arc.dir, archiveName(testNow.Year()))))/float64(n), "archive-B/doc")
}

func fileSizeOfB(b *testing.B, p string) int64 {
	b.Helper()
	info, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	return info.Size()
}
