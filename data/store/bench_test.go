package store

import (
	"fmt"
	"path/filepath"
	"testing"

	"kinerja/data"
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
}
