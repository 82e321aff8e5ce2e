package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
)

// archRef is one place in the archive that the data file names.
type archRef struct {
	loc    archiveLoc
	sum    []byte // SHA-256 of the PDF expected there
	bucket string
	key    []byte
	where  string
}

// documentRef notes the archive place a document record names.
func (w *walked) documentRef(path string, k, v []byte) {
	var d Document
	if json.Unmarshal(v, &d) != nil || d.Archive == "" {
		return
	}
	sum, err := hex.DecodeString(d.PDFSHA256)
	if err != nil || len(sum) != sha256.Size || !isArchiveName(d.Archive) || d.ArchiveOffset < int64(archiveHeaderSize) {
		w.problems = append(w.problems, problemAt(path, k, "tempat PDF-nya di arsip dokumen tidak sah"))
		return
	}
	w.archRefs = append(w.archRefs, archRef{loc: archiveLoc{Name: d.Archive, Offset: d.ArchiveOffset}, sum: sum,
		bucket: path, key: bytes.Clone(k), where: "dokumen " + d.DocumentID})
}

// checkArchives reads every archive file from start to end — each frame's
// checksum and the SHA-256 of its PDF — and checks that every place refs
// name holds the PDF expected there. A missing or damaged entry is a
// problem; entries nobody refers to, and an unreadable tail past the last
// whole entry (a save cut short), are notes.
func (s *Store) checkArchives(ctx context.Context, refs []archRef) (problems, notes []Problem, err error) {
	byFile := map[string][]archRef{}
	for _, r := range refs {
		byFile[r.loc.Name] = append(byFile[r.loc.Name], r)
	}
	names, err := archiveFiles(s.arc.dir)
	if err != nil {
		return nil, nil, fmt.Errorf("folder arsip dokumen %s: %w", s.arc.dir, err)
	}
	for _, n := range names {
		if _, ok := byFile[n]; !ok {
			byFile[n] = nil
		}
	}
	files := make([]string, 0, len(byFile))
	for n := range byFile {
		files = append(files, n)
	}
	sort.Strings(files)
	for _, name := range files {
		p := filepath.Join(s.arc.dir, name)
		where := "arsip dokumen " + name
		valid, tail, err := scanArchive(ctx, p)
		switch {
		case ctx.Err() != nil:
			return problems, notes, ctx.Err()
		case errors.Is(err, fs.ErrNotExist):
			// every reference below is checked (and the fallback folder tried) by pdfAt
		case err != nil:
			problems = append(problems, Problem{Bucket: archiveDirName, Key: name, Where: where, What: err.Error()})
		case tail >= 0:
			notes = append(notes, Problem{Bucket: archiveDirName, Key: name, Where: where,
				What: fmt.Sprintf("mulai posisi %d tidak terbaca sampai akhir file (penyimpanan yang terputus, atau kerusakan)", tail)})
		}
		used := map[int64]bool{}
		for _, r := range byFile[name] {
			if sum, ok := valid[r.loc.Offset]; ok && bytes.Equal(sum[:], r.sum) {
				used[r.loc.Offset] = true
				continue
			}
			if _, err := s.arc.pdfAt(r.loc, r.sum, r.where); err != nil {
				problems = append(problems, Problem{Bucket: r.bucket, Key: keyLabel(r.key), Where: recordWords(r.bucket, r.key),
					What: fmt.Sprintf("PDF di %s posisi %d hilang atau rusak", name, r.loc.Offset)})
			}
			used[r.loc.Offset] = true
		}
		orphans := 0
		for off := range valid {
			if !used[off] {
				orphans++
			}
		}
		if orphans > 0 {
			notes = append(notes, Problem{Bucket: archiveDirName, Key: name, Where: where,
				What: fmt.Sprintf("%d entri tidak dirujuk catatan mana pun (sisa penyimpanan yang tidak selesai; tidak berbahaya)", orphans)})
		}
	}
	return problems, notes, nil
}

// scanArchive reads the archive file at p from start to end and returns
// the SHA-256 of every entry whose checksum and PDF hash hold, by offset,
// and where an unreadable part starts (-1 when the file reads to its end).
func scanArchive(ctx context.Context, p string) (valid map[int64][sha256.Size]byte, tail int64, err error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, -1, err
	}
	defer f.Close()
	if _, err := readHeader(f); err != nil {
		return nil, -1, err
	}
	info, err := f.Stat()
	if err != nil {
		return nil, -1, err
	}
	valid = map[int64][sha256.Size]byte{}
	end, err := scanFrames(f, int64(archiveHeaderSize), func(fr frame) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := fr.pdf(); err == nil {
			valid[fr.off] = fr.sum
		}
		return nil
	})
	if err != nil {
		return valid, -1, err
	}
	if end < info.Size() {
		return valid, end, nil
	}
	return valid, -1, nil
}
