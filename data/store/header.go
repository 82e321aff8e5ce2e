package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
)

// The layout of a bbolt meta page (go.etcd.io/bbolt internal/common): a
// 16-byte page header, then magic, version, page size, flags, root bucket
// (page id, sequence), freelist page id, page count (high-water mark),
// transaction id and an FNV-64a checksum of the 56 bytes before it, all in
// the machine's byte order.
const (
	boltMagic         = 0xED0CDAED
	boltVersion       = 2
	pageHeaderSize    = 16
	metaChecksummed   = 56
	metaSize          = metaChecksummed + 8
	noFreelist        = ^uint64(0)
	minPageSize       = 512
	maxPageSize       = 1 << 24
	headerReadMaximum = pageHeaderSize + metaSize
)

// boltMeta is one decoded meta page.
type boltMeta struct {
	magic, version, pageSize uint32
	root, freelist, pgid     uint64
	txid                     uint64
}

// readMeta decodes and validates the meta page at off; problem is the
// Indonesian reason it is not valid, "" when it is.
func readMeta(f io.ReaderAt, off int64, n int) (m boltMeta, problem string) {
	buf := make([]byte, headerReadMaximum)
	if _, err := f.ReadAt(buf, off); err != nil {
		return m, fmt.Sprintf("halaman meta %d tidak terbaca", n)
	}
	b := buf[pageHeaderSize:]
	e := binary.NativeEndian
	m = boltMeta{
		magic: e.Uint32(b[0:]), version: e.Uint32(b[4:]), pageSize: e.Uint32(b[8:]),
		root: e.Uint64(b[16:]), freelist: e.Uint64(b[32:]), pgid: e.Uint64(b[40:]), txid: e.Uint64(b[48:]),
	}
	h := fnv.New64a()
	h.Write(b[:metaChecksummed])
	switch {
	case m.magic != boltMagic:
		return m, fmt.Sprintf("tanda file pada halaman meta %d tidak dikenali", n)
	case m.version != boltVersion:
		return m, fmt.Sprintf("versi format pada halaman meta %d tidak dikenali (%d)", n, m.version)
	case h.Sum64() != e.Uint64(b[metaChecksummed:]):
		return m, fmt.Sprintf("checksum halaman meta %d tidak cocok", n)
	case m.pageSize < minPageSize || m.pageSize > maxPageSize || m.pageSize&(m.pageSize-1) != 0:
		return m, fmt.Sprintf("ukuran halaman pada halaman meta %d tidak wajar (%d)", n, m.pageSize)
	case m.pgid < 4 || m.root >= m.pgid || (m.freelist != noFreelist && m.freelist >= m.pgid):
		return m, fmt.Sprintf("halaman meta %d menunjuk ke luar file", n)
	}
	return m, ""
}

// checkHeader validates an existing, non-empty bbolt file before bbolt maps
// it: both meta pages must carry the magic, the format version and a
// matching checksum, and the page count of each times the page size must fit
// in the file. A truncated file would otherwise fault inside the memory map,
// which no recover can catch. The result is nil or a *FileError.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return openError(path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return openError(path, err)
	}
	size := info.Size()
	if size == 0 {
		return &FileError{Path: path, Kind: ErrDamaged,
			Msg: fmt.Sprintf("File data rusak: %q kosong (0 bita) — mungkin terpotong saat disalin atau listrik padam. %s", path, restoreHint)}
	}
	if size < 2*minPageSize {
		return notDataFile(path, size)
	}
	m0, p0 := readMeta(f, 0, 0)
	if p0 != "" && m0.magic != boltMagic {
		// Page 0 is not a bbolt meta page: a foreign file, or one whose
		// beginning was overwritten. The second meta page tells them apart.
		for ps := int64(minPageSize); ps <= 1<<16 && 2*ps <= size; ps *= 2 {
			if m1, p1 := readMeta(f, ps, 1); p1 == "" && int64(m1.pageSize) == ps {
				return damaged(path, p0, nil)
			}
		}
		return notDataFile(path, size)
	}
	if p0 != "" {
		return damaged(path, p0, nil)
	}
	ps := int64(m0.pageSize)
	if size < 2*ps {
		return damaged(path, fmt.Sprintf("file terpotong: hanya %d bita", size), nil)
	}
	m1, p1 := readMeta(f, ps, 1)
	if p1 != "" {
		return damaged(path, p1, nil)
	}
	if m1.pageSize != m0.pageSize {
		return damaged(path, "ukuran halaman kedua halaman meta berbeda", nil)
	}
	need := int64(max(m0.pgid, m1.pgid)) * ps
	if need > size || need < 0 {
		return damaged(path, fmt.Sprintf("file terpotong: seharusnya %d bita, hanya %d bita", need, size), nil)
	}
	return nil
}

func notDataFile(path string, size int64) error {
	return &FileError{Path: path, Kind: ErrNotDataFile,
		Msg: fmt.Sprintf("File %q (%d bita) bukan file data Kinerja. Pilih file data yang benar (biasanya kinerja.db).", path, size)}
}

// isBoltFile reports whether path is an existing file whose first page is a
// bbolt meta page (valid or not past the magic): a data file or a backup.
func isBoltFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	buf := make([]byte, pageHeaderSize+4)
	if _, err := io.ReadFull(f, buf); err != nil {
		return false
	}
	return binary.NativeEndian.Uint32(buf[pageHeaderSize:]) == boltMagic
}
