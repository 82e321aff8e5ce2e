package store

import (
	"bytes"
	"compress/flate"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The document archive: signed PDFs and attached scans are kept out of the
// data file, in one append-only file per year in the folder "arsip" beside
// it (<data folder>/arsip/kinerja-dokumen-2026.arsip). The data file keeps
// records, attendance and the audit; a document record names the archive
// file and the offset of its PDF, and the index bucket maps every PDF's
// SHA-256 to its place (for scans, which are named by hash only, and so that
// one PDF is stored once).
//
// Format of an archive file (all integers big-endian):
//
//	header  "KINERJA-ARSIP-1\n" (16 bytes), archive id (16 random bytes)
//	frame   "DOK1", flags (1 byte: 0 the PDF as it is, 1 the PDF
//	        flate-compressed), length n of the stored bytes (uint32),
//	        SHA-256 of the PDF (32 bytes), the n stored bytes,
//	        CRC-32C (Castagnoli) of everything before it in the frame
//
// A frame is written and flushed to disk (fsync) before the transaction
// whose record points at it commits, so a committed record never points at
// bytes that are not on disk; a crash in between leaves an unreferenced
// frame, which is harmless. A frame is never changed or removed: the file
// only grows. The one exception is a torn tail — a frame cut short by a
// crash — which is trimmed when the file is next opened for writing, but
// only beyond the end the data file last committed (bucketArchiveEnds), so
// a referenced frame is never trimmed.
//
// Because the files only grow, a backup's copy of an archive serves every
// older snapshot too, and a restore never shortens an archive: it only adds
// the frames the current one lacks.
const (
	archiveDirName    = "arsip"
	archivePrefix     = "kinerja-dokumen-"
	archiveExt        = ".arsip"
	archiveMagic      = "KINERJA-ARSIP-1\n"
	archiveIDSize     = 16
	archiveHeaderSize = len(archiveMagic) + archiveIDSize
	frameMarker       = "DOK1"
	frameHeadSize     = 4 + 1 + 4 + sha256.Size
	frameTailSize     = 4
	frameRaw          = 0
	frameFlate        = 1
	maxStoredSize     = maxDocumentSize + 1<<20
)

// Buckets of the archive bookkeeping, written without audit entries (like
// the index of NIPs): both follow from the audited records and the archive.
const (
	// bucketArchiveIndex maps a PDF's SHA-256 (32 bytes) to its place:
	// offset (uint64), stored length (uint32), archive file name.
	bucketArchiveIndex = "document_archive"
	// bucketArchiveEnds maps an archive file name to the end (uint64) of its
	// last frame a committed record refers to.
	bucketArchiveEnds = "document_archive_ends"
)

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// errFrame marks a frame that is cut short or does not match its checksum.
var errFrame = errors.New("entri arsip terpotong atau rusak")

// ArchiveDir returns the folder of the document archive beside the data file
// at dataPath.
func ArchiveDir(dataPath string) string {
	return filepath.Join(filepath.Dir(dataPath), archiveDirName)
}

// archiveName names the archive file of a year: kinerja-dokumen-2026.arsip.
func archiveName(year int) string { return fmt.Sprintf("%s%04d%s", archivePrefix, year, archiveExt) }

// isArchiveName reports whether name is an archive file's name (and not,
// say, one set aside by a restore or a temporary file).
func isArchiveName(name string) bool {
	y, ok := strings.CutPrefix(name, archivePrefix)
	if !ok {
		return false
	}
	y, ok = strings.CutSuffix(y, archiveExt)
	if !ok || len(y) != 4 {
		return false
	}
	_, err := strconv.Atoi(y)
	return err == nil
}

// archiveLoc is where a PDF is in the archive.
type archiveLoc struct {
	Name   string
	Offset int64
	Stored int // bytes of the stored form (the frame's body)
}

func (l archiveLoc) end() int64 {
	return l.Offset + int64(frameHeadSize+l.Stored+frameTailSize)
}

func encodeLoc(l archiveLoc) []byte {
	b := make([]byte, 12, 12+len(l.Name))
	binary.BigEndian.PutUint64(b, uint64(l.Offset))
	binary.BigEndian.PutUint32(b[8:], uint32(l.Stored))
	return append(b, l.Name...)
}

func decodeLoc(b []byte) (archiveLoc, bool) {
	if len(b) < 13 {
		return archiveLoc{}, false
	}
	l := archiveLoc{Offset: int64(binary.BigEndian.Uint64(b)), Stored: int(binary.BigEndian.Uint32(b[8:12])), Name: string(b[12:])}
	return l, isArchiveName(l.Name) && l.Offset >= int64(archiveHeaderSize)
}

// frame is one entry read from an archive.
type frame struct {
	off   int64
	flags byte
	sum   [sha256.Size]byte
	body  []byte
}

func (f frame) end() int64 { return f.off + int64(frameHeadSize+len(f.body)+frameTailSize) }

// pdf returns the PDF the frame keeps, checked against the frame's SHA-256.
func (f frame) pdf() ([]byte, error) {
	var pdf []byte
	switch f.flags {
	case frameRaw:
		pdf = f.body
	case frameFlate:
		var err error
		pdf, err = io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(f.body)), maxDocumentSize+1))
		if err != nil {
			return nil, errFrame
		}
	default:
		return nil, errFrame
	}
	if sha256.Sum256(pdf) != f.sum {
		return nil, errFrame
	}
	return pdf, nil
}

// encodeFrame builds the frame of a PDF whose stored form is body.
func encodeFrame(flags byte, sum [sha256.Size]byte, body []byte) []byte {
	b := make([]byte, 0, frameHeadSize+len(body)+frameTailSize)
	b = append(b, frameMarker...)
	b = append(b, flags)
	b = binary.BigEndian.AppendUint32(b, uint32(len(body)))
	b = append(b, sum[:]...)
	b = append(b, body...)
	return binary.BigEndian.AppendUint32(b, crc32.Checksum(b, crcTable))
}

// readFrame reads the frame at off and checks its marker, length and CRC
// (not yet the SHA-256 of the PDF: see frame.pdf). A frame cut short or
// failing its checks gives errFrame; a failing read, that error.
func readFrame(r io.ReaderAt, off int64) (frame, error) {
	head := make([]byte, frameHeadSize)
	if _, err := r.ReadAt(head, off); err != nil {
		if errors.Is(err, io.EOF) {
			return frame{}, errFrame
		}
		return frame{}, err
	}
	n := binary.BigEndian.Uint32(head[5:9])
	if string(head[:4]) != frameMarker || n > maxStoredSize {
		return frame{}, errFrame
	}
	rest := make([]byte, int(n)+frameTailSize)
	if _, err := r.ReadAt(rest, off+frameHeadSize); err != nil {
		if errors.Is(err, io.EOF) {
			return frame{}, errFrame
		}
		return frame{}, err
	}
	c := crc32.Update(crc32.Checksum(head, crcTable), crcTable, rest[:n])
	if c != binary.BigEndian.Uint32(rest[n:]) {
		return frame{}, errFrame
	}
	f := frame{off: off, flags: head[4], body: rest[:n:n]}
	copy(f.sum[:], head[9:])
	return f, nil
}

// readHeader returns the archive id of an archive file.
func readHeader(r io.ReaderAt) ([]byte, error) {
	h := make([]byte, archiveHeaderSize)
	if _, err := r.ReadAt(h, 0); err != nil || string(h[:len(archiveMagic)]) != archiveMagic {
		return nil, errors.New("bukan file arsip dokumen Kinerja")
	}
	return h[len(archiveMagic):], nil
}

// scanFrames calls fn for every well-formed frame from off on, in order,
// and returns the end of the last one: where the first frame that is cut
// short or damaged starts, or the file's end.
func scanFrames(r io.ReaderAt, off int64, fn func(frame) error) (int64, error) {
	for {
		f, err := readFrame(r, off)
		if errors.Is(err, errFrame) {
			return off, nil
		}
		if err != nil {
			return off, err
		}
		if fn != nil {
			if err := fn(f); err != nil {
				return off, err
			}
		}
		off = f.end()
	}
}

// archives is the document archive of one store: the files of its folder,
// opened as they are needed, plus, for a store opened to inspect a backup, a
// second folder read when the first lacks a frame.
type archives struct {
	dir      string
	fallback string
	writable bool
	inBolt   bool // tests only: store PDFs in the data file as older versions did

	mu    sync.Mutex
	files map[string]*archiveFile // by full path
}

type archiveFile struct {
	f   *os.File
	end int64 // where the next frame goes (writable files)
}

func newArchives(dataPath string, writable bool, fallback string) *archives {
	return &archives{dir: ArchiveDir(dataPath), writable: writable, fallback: fallback, files: map[string]*archiveFile{}}
}

// close closes every open archive file.
func (a *archives) close() {
	if a == nil {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for p, af := range a.files {
		_ = af.f.Close()
		delete(a.files, p)
	}
}

// prepare opens every archive file of the folder for writing and trims a
// torn tail: frames cut short beyond the end the data file committed
// (ends, by file name). A damaged frame before that end is left alone (Check
// reports it). Called when the store is opened for writing; a file that
// cannot be opened is named in the returned warnings (writing a document
// to it fails later with the reason), not refused here.
func (a *archives) prepare(ends map[string]int64) (warnings []string) {
	names, err := archiveFiles(a.dir)
	if err != nil {
		return []string{fmt.Sprintf("Folder arsip dokumen %q tidak terbaca: %v.", a.dir, err)}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, name := range names {
		if _, err := a.openLocked(name, false, ends[name], true); err != nil {
			warnings = append(warnings, err.Error())
		}
	}
	return warnings
}

// openLocked returns the open archive file name of the primary folder,
// opening it (creating it when create; when trim, trimming its torn tail
// past committed — only prepare trims, with the ends the data file
// committed) as needed. a.mu is held.
func (a *archives) openLocked(name string, create bool, committed int64, trim bool) (*archiveFile, error) {
	p := filepath.Join(a.dir, name)
	if af := a.files[p]; af != nil {
		return af, nil
	}
	if !a.writable {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		af := &archiveFile{f: f}
		a.files[p] = af
		return af, nil
	}
	flag := os.O_RDWR
	if create {
		if err := os.MkdirAll(a.dir, 0o700); err != nil {
			return nil, fmt.Errorf("folder arsip dokumen %s: %w", a.dir, err)
		}
		flag |= os.O_CREATE
	}
	f, err := os.OpenFile(p, flag, 0o600)
	if err != nil {
		return nil, err
	}
	af, err := startArchive(f, p, committed, trim)
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if create {
		_ = syncDir(a.dir)
	}
	a.files[p] = af
	return af, nil
}

// startArchive writes the header of a new (empty) archive file, or checks
// the header of an existing one and, when trim, trims its torn tail past
// committed. Without trim the next frame goes at the file's end (a file
// reopened after a restore appended to it: whole frames only).
func startArchive(f *os.File, p string, committed int64, trim bool) (*archiveFile, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
	}
	if info.Size() < int64(archiveHeaderSize) {
		// New, or a creation cut short before its header reached the disk.
		id := make([]byte, archiveIDSize)
		if _, err := rand.Read(id); err != nil {
			return nil, err
		}
		if err := f.Truncate(0); err != nil {
			return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
		}
		if _, err := f.WriteAt(append([]byte(archiveMagic), id...), 0); err != nil {
			return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
		}
		return &archiveFile{f: f, end: int64(archiveHeaderSize)}, nil
	}
	if _, err := readHeader(f); err != nil {
		return nil, &FileError{Path: p, Kind: ErrDamaged, Err: err,
			Msg: fmt.Sprintf("Arsip dokumen %q rusak: kepala filenya tidak dikenali. Pulihkan dari cadangan.", p)}
	}
	from := max(committed, int64(archiveHeaderSize))
	if !trim || from > info.Size() {
		// Shorter than the data file expects: damage Check reports; new
		// frames still go at the end.
		return &archiveFile{f: f, end: info.Size()}, nil
	}
	good, err := scanFrames(f, from, nil)
	if err != nil {
		return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
	}
	if good < info.Size() {
		if err := f.Truncate(good); err != nil {
			return nil, fmt.Errorf("memangkas ujung arsip dokumen %s yang terpotong: %w", p, err)
		}
		if err := f.Sync(); err != nil {
			return nil, fmt.Errorf("arsip dokumen %s: %w", p, err)
		}
	}
	return &archiveFile{f: f, end: good}, nil
}

// appendPDF writes the frame of pdf (stored as body with flags) at the end
// of the archive of year and returns its place. The frame is not yet
// flushed: sync does that before the transaction commits.
func (a *archives) appendPDF(year int, flags byte, sum [sha256.Size]byte, body []byte) (archiveLoc, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	name := archiveName(year)
	af, err := a.openLocked(name, true, 0, false)
	if err != nil {
		return archiveLoc{}, fmt.Errorf("membuka arsip dokumen %s: %w", filepath.Join(a.dir, name), err)
	}
	fr := encodeFrame(flags, sum, body)
	if _, err := af.f.WriteAt(fr, af.end); err != nil {
		_ = af.f.Truncate(af.end)
		return archiveLoc{}, fmt.Errorf("menulis arsip dokumen %s: %w", af.f.Name(), err)
	}
	loc := archiveLoc{Name: name, Offset: af.end, Stored: len(body)}
	af.end += int64(len(fr))
	return loc, nil
}

// sync flushes the archive files named to disk.
func (a *archives) sync(names map[string]bool) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	for name := range names {
		af := a.files[filepath.Join(a.dir, name)]
		if af == nil {
			continue
		}
		if err := af.f.Sync(); err != nil {
			return fmt.Errorf("menyimpan arsip dokumen %s ke disk: %w", af.f.Name(), err)
		}
	}
	return nil
}

// readAt reads the frame at loc from the primary folder, or from the
// fallback folder when the primary lacks it or has it damaged.
func (a *archives) readAt(loc archiveLoc) (frame, error) {
	f, err := a.readIn(a.dir, loc)
	if err != nil && a.fallback != "" {
		if f2, err2 := a.readIn(a.fallback, loc); err2 == nil {
			return f2, nil
		}
	}
	return f, err
}

func (a *archives) readIn(dir string, loc archiveLoc) (frame, error) {
	a.mu.Lock()
	p := filepath.Join(dir, loc.Name)
	af := a.files[p]
	if af == nil {
		f, err := os.Open(p)
		if err != nil {
			a.mu.Unlock()
			return frame{}, err
		}
		af = &archiveFile{f: f}
		a.files[p] = af
	}
	a.mu.Unlock()
	return readFrame(af.f, loc.Offset)
}

// pdfAt returns the PDF at loc, checked against sum (ErrDocumentDamaged
// when it is missing, cut short, changed or another PDF).
func (a *archives) pdfAt(loc archiveLoc, sum []byte, what string) ([]byte, error) {
	where := fmt.Sprintf("dokumen %s (arsip %s, posisi %d)", what, loc.Name, loc.Offset)
	fr, err := a.readAt(loc)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: file arsip tidak ada: %w", where, ErrDocumentDamaged)
	case err != nil && !errors.Is(err, errFrame):
		return nil, fmt.Errorf("%s: %v: %w", where, err, ErrDocumentDamaged)
	case err != nil || !bytes.Equal(fr.sum[:], sum):
		return nil, fmt.Errorf("%s: %w", where, ErrDocumentDamaged)
	}
	pdf, err := fr.pdf()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", where, ErrDocumentDamaged)
	}
	return pdf, nil
}

// archiveFiles lists the archive files of dir by name.
func archiveFiles(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && isArchiveName(e.Name()) {
			out = append(out, e.Name())
		}
	}
	sort.Strings(out)
	return out, nil
}
