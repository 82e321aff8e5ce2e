package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// saveDoc stores a small signed document of revision rev, checks that it
// reads back and returns its record.
func saveDoc(t *testing.T, s *Store, id uint64, rev int, pdf []byte) Document {
	t.Helper()
	doc := Document{PeriodID: "2026-Q3", StaffID: id, Revision: rev, DocumentID: fmt.Sprintf("EVK-2026-Q3-%d-r%d", id, rev)}
	if err := s.SaveDocument(doc, pdf); err != nil {
		t.Fatal(err)
	}
	mustRead(t, s, id, rev, pdf)
	got, _, _, _ := s.Document("2026-Q3", id, rev)
	return got
}

func mustRead(t *testing.T, s *Store, id uint64, rev int, want []byte) {
	t.Helper()
	_, back, found, err := s.Document("2026-Q3", id, rev)
	if err != nil || !found || !bytes.Equal(back, want) {
		t.Fatalf("Document r%d: found %v, same %v, %v", rev, found, bytes.Equal(back, want), err)
	}
}

func fileSizeOf(t *testing.T, p string) int64 {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}

// checkClean runs Check, fails on any problem and returns the notes.
func checkClean(t *testing.T, s *Store) []Problem {
	t.Helper()
	rep, err := s.Check(context.Background(), CheckOptions{})
	if err != nil || !rep.Clean() {
		t.Fatalf("Check = %v, %v", rep.Problems, err)
	}
	return rep.Notes
}

// blobCount counts the PDFs kept inside the data file.
func blobCount(t *testing.T, s *Store) int {
	t.Helper()
	n := 0
	if err := s.db.View(func(tx *bolt.Tx) error {
		if b := tx.Bucket([]byte(bucketDocumentBlobs)); b != nil {
			n = b.Stats().KeyN
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestArchiveKeepsPDFsOutOfTheDataFile(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	pdf := fakePDF(2000) // compressible: stored compressed
	doc := saveDoc(t, s, id, 0, pdf)
	want := filepath.Join(filepath.Dir(s.Path()), "arsip", "kinerja-dokumen-2026.arsip")
	if got := filepath.Join(s.arc.dir, doc.Archive); got != want || doc.ArchiveOffset != int64(archiveHeaderSize) {
		t.Fatalf("archive place %s @ %d, want %s @ %d", got, doc.ArchiveOffset, want, archiveHeaderSize)
	}
	if doc.StoredSize >= doc.Size {
		t.Fatalf("stored %d of %d: not compressed", doc.StoredSize, doc.Size)
	}
	raw := append(fakePDF(50), "\n/Filter /FlateDecode\n"...) // compressed streams: kept as they are
	d1 := saveDoc(t, s, id, 1, raw)
	if d1.StoredSize != len(raw) || d1.ArchiveOffset <= doc.ArchiveOffset {
		t.Fatalf("raw PDF record %+v", d1)
	}
	size := fileSizeOf(t, want)
	if d2 := saveDoc(t, s, id, 2, pdf); d2.ArchiveOffset != doc.ArchiveOffset || fileSizeOf(t, want) != size {
		t.Fatalf("the same PDF was stored twice: %+v", d2)
	}
	if n := blobCount(t, s); n != 0 {
		t.Fatalf("%d PDFs inside the data file", n)
	}
	if notes := checkClean(t, s); len(notes) != 0 {
		t.Fatalf("notes %v", notes)
	}
	if d, found, err := s.DocumentBySHA256(d1.PDFSHA256); err != nil || !found || d.Revision != 1 {
		t.Fatalf("DocumentBySHA256 = %+v, %v, %v", d, found, err)
	}
	if err := s.GuardOutput(want); !errors.Is(err, ErrProtected) {
		t.Fatalf("GuardOutput(archive) = %v", err)
	}
}

// TestArchiveInterruptedSave: the PDF reached the archive but the
// transaction that would point at it failed (as if the app were killed
// between the two): the pair stays consistent — the archive has an
// unreferenced entry, which Check reports as a note only.
func TestArchiveInterruptedSave(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	first := saveDoc(t, s, id, 0, fakePDF(30))
	arch := filepath.Join(s.arc.dir, first.Archive)
	before := fileSizeOf(t, arch)
	good := SignedPDF{Document: Document{PeriodID: "2026-Q3", StaffID: id, Revision: 1}, PDF: fakePDF(40)}
	bad := SignedPDF{Document: Document{PeriodID: "2026-Q3", StaffID: 42}, PDF: fakePDF(41)}
	if err := s.SaveDocuments([]SignedPDF{good, bad}); err == nil {
		t.Fatal("a batch with an unknown staff member was stored")
	}
	if fileSizeOf(t, arch) <= before {
		t.Fatal("the test did not write the archive before the failed commit")
	}
	if _, _, found, _ := s.Document("2026-Q3", id, 1); found {
		t.Fatal("record of the failed save exists")
	}
	notes := checkClean(t, s)
	if len(notes) != 1 || !strings.Contains(notes[0].What, "tidak dirujuk") {
		t.Fatalf("notes = %v", notes)
	}
	// Saving again works, reopening keeps the unreferenced entry (it is
	// whole: nothing to trim) and everything reads.
	saveDoc(t, s, id, 1, good.PDF)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, path)
	defer s.Close()
	mustRead(t, s, id, 0, fakePDF(30))
	mustRead(t, s, id, 1, good.PDF)
	checkClean(t, s)
}

// TestArchiveTornTail: a crash in the middle of writing an entry leaves a
// torn tail, trimmed at the next open for writing; earlier documents still
// read and later ones go after them. A committed entry is never trimmed.
func TestArchiveTornTail(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	a := fakePDF(30)
	doc := saveDoc(t, s, id, 0, a)
	arch := filepath.Join(s.arc.dir, doc.Archive)
	whole := fileSizeOf(t, arch)
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(arch, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	var sum [32]byte
	torn := encodeFrame(frameRaw, sum, fakePDF(100))
	if _, err := f.Write(torn[:len(torn)/2]); err != nil {
		t.Fatal(err)
	}
	f.Close()

	s = mustOpen(t, path)
	defer func() { s.Close() }()
	if got := fileSizeOf(t, arch); got != whole {
		t.Fatalf("archive after open: %d bytes, want %d (torn tail trimmed)", got, whole)
	}
	mustRead(t, s, id, 0, a)
	if notes := checkClean(t, s); len(notes) != 0 {
		t.Fatalf("notes %v", notes)
	}
	b := fakePDF(60)
	if d := saveDoc(t, s, id, 1, b); d.ArchiveOffset != whole {
		t.Fatalf("next entry at %d, want %d", d.ArchiveOffset, whole)
	}

	// Cut into a committed entry: it is damage, not a torn tail — reported,
	// never trimmed further, and the entry before it still reads.
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	cut := whole + 20
	if err := os.Truncate(arch, cut); err != nil {
		t.Fatal(err)
	}
	s = mustOpen(t, path)
	if got := fileSizeOf(t, arch); got != cut {
		t.Fatalf("committed entry trimmed: %d bytes, want %d", got, cut)
	}
	mustRead(t, s, id, 0, a)
	if _, _, _, err := s.Document("2026-Q3", id, 1); !errors.Is(err, ErrDocumentDamaged) {
		t.Fatalf("cut entry: %v", err)
	}
	if rep := checkFile(t, s); len(rep) == 0 {
		t.Fatal("Check missed a cut entry")
	}
}

// TestArchiveTamperedByte: one byte changed anywhere in an entry is caught
// by reading and by Check.
func TestArchiveTamperedByte(t *testing.T) {
	t.Parallel()
	for _, at := range []int64{-frameHeadSize + 6, -2, 5, 10} { // length field, SHA-256, body
		s, id := docFixture(t)
		doc := saveDoc(t, s, id, 0, fakePDF(300))
		saveDoc(t, s, id, 1, append(fakePDF(3), "/FlateDecode"...))
		flipArchiveByte(t, s, doc, at)
		if _, _, _, err := s.Document("2026-Q3", id, 0); !errors.Is(err, ErrDocumentDamaged) {
			t.Fatalf("byte %d: read %v", at, err)
		}
		rep := checkFile(t, s)
		if len(rep) == 0 || !strings.Contains(rep[0].String(), "rusak") {
			t.Fatalf("byte %d: Check = %v", at, rep)
		}
		mustRead(t, s, id, 1, append(fakePDF(3), "/FlateDecode"...))
	}
}

// TestArchiveOldFormatStillReads: documents kept inside the data file by
// older versions read and pass Check beside new ones in the archive.
func TestArchiveOldFormatStillReads(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	s.arc.inBolt = true
	old := saveDoc(t, s, id, 0, fakePDF(80))
	s.arc.inBolt = false
	if old.Archive != "" || blobCount(t, s) != 1 {
		t.Fatalf("old-format record %+v", old)
	}
	fresh := saveDoc(t, s, id, 1, fakePDF(90))
	if fresh.Archive == "" {
		t.Fatal("new document not archived")
	}
	// The same PDF as an old one is not stored again.
	if again := saveDoc(t, s, id, 2, fakePDF(80)); again.Archive != "" {
		t.Fatalf("an old PDF stored again: %+v", again)
	}
	checkClean(t, s)
	path := s.Path()
	s.Close()
	s = mustOpen(t, path)
	defer s.Close()
	mustRead(t, s, id, 0, fakePDF(80))
	mustRead(t, s, id, 1, fakePDF(90))
}

// TestArchiveBackupCopiesOnlyWhatChanged: the daily backup keeps one copy
// of each archive in backups/arsip; an unchanged archive is not written
// again, a grown one gets only its new entries.
func TestArchiveBackupCopiesOnlyWhatChanged(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	ctx := context.Background()
	doc := saveDoc(t, s, id, 0, fakePDF(100))
	if _, err := s.BackupDaily(ctx, DefaultRetention); err != nil {
		t.Fatal(err)
	}
	copyPath := filepath.Join(s.BackupDir(), "arsip", doc.Archive)
	live := filepath.Join(s.arc.dir, doc.Archive)
	if fileSizeOf(t, copyPath) != fileSizeOf(t, live) {
		t.Fatal("backup copy differs in size")
	}
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	if err := os.Chtimes(copyPath, past, past); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return testNow.AddDate(0, 0, 1) }
	if got, err := s.BackupDaily(ctx, DefaultRetention); err != nil || got == "" {
		t.Fatalf("second day: %q, %v", got, err)
	}
	if info, _ := os.Stat(copyPath); !info.ModTime().Equal(past) {
		t.Fatal("an unchanged archive was copied again")
	}
	if n, err := copyArchives(ctx, s.arc.dir, filepath.Dir(copyPath), ""); err != nil || n != 0 {
		t.Fatalf("copy of an unchanged archive wrote %d bytes, %v", n, err)
	}
	before := fileSizeOf(t, copyPath)
	saveDoc(t, s, id, 1, fakePDF(120))
	grown := fileSizeOf(t, live) - before
	if n, err := copyArchives(ctx, s.arc.dir, filepath.Dir(copyPath), ""); err != nil || n != grown {
		t.Fatalf("copy of a grown archive wrote %d bytes, want %d; %v", n, grown, err)
	}
	// Both daily snapshots open with their documents.
	for _, day := range []time.Time{testNow, testNow.AddDate(0, 0, 1)} {
		b, err := Open(filepath.Join(s.BackupDir(), day.Format(dailyLayout)), Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		mustRead(t, b, id, 0, fakePDF(100))
		checkClean(t, b)
		b.Close()
	}
	// Another archive under the same name in a user's folder is refused.
	other := t.TempDir()
	if err := os.MkdirAll(filepath.Join(other, "arsip"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(other, "arsip", doc.Archive), append([]byte(archiveMagic), make([]byte, archiveIDSize)...), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(ctx, filepath.Join(other, "x.db"), false); !errors.Is(err, ErrExists) {
		t.Fatalf("BackupTo over another archive: %v", err)
	}
}

// TestArchiveRestoreRoundTrip: a backup carries its archive; restoring it
// never shortens the live archive (the newer entries stay, unreferenced),
// and a restore into an empty folder (a new computer) brings the archive.
func TestArchiveRestoreRoundTrip(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	ctx := context.Background()
	a, b := fakePDF(100), fakePDF(110)
	doc := saveDoc(t, s, id, 0, a)
	out := filepath.Join(t.TempDir(), "usb", "cadangan.db")
	if err := os.MkdirAll(filepath.Dir(out), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := s.BackupTo(ctx, out, false); err != nil {
		t.Fatal(err)
	}
	saveDoc(t, s, id, 1, b)
	live := filepath.Join(s.arc.dir, doc.Archive)
	size := fileSizeOf(t, live)

	sum, err := s.InspectBackup(ctx, out)
	if err != nil || len(sum.Problems) != 0 {
		t.Fatalf("InspectBackup = %+v, %v", sum.Problems, err)
	}
	if _, err := s.Restore(ctx, sum); err != nil {
		t.Fatal(err)
	}
	if got := fileSizeOf(t, live); got != size {
		t.Fatalf("restore changed the archive: %d bytes, was %d", got, size)
	}
	mustRead(t, s, id, 0, a)
	if _, _, found, _ := s.Document("2026-Q3", id, 1); found {
		t.Fatal("the restored file has the later document")
	}
	if notes := checkClean(t, s); len(notes) != 1 {
		t.Fatalf("notes after restore = %v", notes)
	}
	saveDoc(t, s, id, 1, fakePDF(130)) // writing goes on after the restore

	// A new computer: the data folder is empty; the backup brings it all.
	fresh := filepath.Join(t.TempDir(), "kinerja.db")
	sum2, err := InspectBackupFor(ctx, out, fresh)
	if err != nil || len(sum2.Problems) != 0 {
		t.Fatalf("InspectBackupFor = %+v, %v", sum2.Problems, err)
	}
	if _, err := RestoreFile(ctx, fresh, sum2, testNow); err != nil {
		t.Fatal(err)
	}
	n := mustOpen(t, fresh)
	defer n.Close()
	mustRead(t, n, id, 0, a)
	checkClean(t, n)

	// A backup whose archive folder was not copied (only the .db): read
	// with the live archive as fallback.
	bare := filepath.Join(t.TempDir(), "hanya.db")
	if err := copyFileNew(out, bare); err != nil {
		t.Fatal(err)
	}
	if sum3, err := InspectBackup(ctx, bare); err != nil || len(sum3.Problems) == 0 {
		t.Fatalf("backup without its archive: %v, %v", sum3.Problems, err)
	}
	if sum3, err := s.InspectBackup(ctx, bare); err != nil || len(sum3.Problems) != 0 {
		t.Fatalf("backup without its archive, live fallback: %v, %v", sum3.Problems, err)
	}
}

// TestNewFileBesideAnotherFilesArchive: a new data file is not created in a
// folder whose "arsip" already holds another data file's documents (the
// old file deleted or renamed): nothing is written, and the refusal says
// why and what to do. The old file, reopened, still reads its document.
func TestNewFileBesideAnotherFilesArchive(t *testing.T) {
	t.Parallel()
	s, id := docFixture(t)
	pdf := fakePDF(300)
	saveDoc(t, s, id, 0, pdf)
	dir := filepath.Dir(s.Path())
	for _, name := range []string{"baru.db", FileName} {
		p := filepath.Join(dir, name)
		if p == s.Path() {
			continue
		}
		_, err := Open(p, Options{Create: true, Actor: "uji"})
		if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), "arsip dokumen milik file data lain") {
			t.Fatalf("Open(%s, Create) = %v", name, err)
		}
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("%s was created: %v", name, err)
		}
	}
	mustRead(t, s, id, 0, pdf)
	// A folder of its own is fine.
	own := filepath.Join(dir, "lain")
	if err := os.MkdirAll(own, 0o755); err != nil {
		t.Fatal(err)
	}
	other, err := Open(filepath.Join(own, FileName), Options{Create: true, Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	_ = other.Close()
}
