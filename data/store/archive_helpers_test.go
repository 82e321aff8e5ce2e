package store

import (
	"os"
	"path/filepath"
	"testing"
)

// flipArchiveByte changes one byte of the stored PDF of doc in its archive
// file, at offset at within the stored bytes.
func flipArchiveByte(t testing.TB, s *Store, doc Document, at int64) {
	t.Helper()
	if doc.Archive == "" {
		t.Fatalf("document %s has no archive place", doc.DocumentID)
	}
	p := filepath.Join(s.arc.dir, doc.Archive)
	f, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 1)
	off := doc.ArchiveOffset + frameHeadSize + at
	if _, err := f.ReadAt(b, off); err != nil {
		t.Fatal(err)
	}
	b[0] ^= 0x40
	if _, err := f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
}
