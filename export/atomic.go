package export

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes a file so that readers see either the old file or
// the complete new one, never a half-written file: write fills a temporary
// file in the same directory, which is flushed, fsynced, closed and then
// renamed over path. On any error the temporary file is removed and path is
// left as it was. The new file gets mode 0644. The temporary file is named
// ".NAME.tmp-DIGITS"; the store removes such files left by a killed run
// (store.IsTempName).
func WriteFileAtomic(path string, write func(io.Writer) error) error {
	return WriteFileAtomicGuarded(path, nil, write)
}

// Guard inspects an output path before anything is written to it; a non-nil
// error refuses the path (store.Store.GuardOutput refuses the open data file,
// its backups and files held open by another Kinerja).
type Guard func(path string) error

// WriteFileAtomicGuarded is WriteFileAtomic that first asks guard (when not
// nil) whether path may be written, and asks again just before the rename;
// a refusal is returned as it is and nothing is written.
func WriteFileAtomicGuarded(path string, guard Guard, write func(io.Writer) error) (err error) {
	if guard != nil {
		if err := guard(path); err != nil {
			return err
		}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("membuat file sementara di %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 64<<10)
	if err := write(buf); err != nil {
		return err
	}
	if err := buf.Flush(); err != nil {
		return fmt.Errorf("menulis %s: %w", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("mengatur izin %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("menyimpan %s ke disk: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("menutup %s: %w", path, err)
	}
	if guard != nil {
		if err := guard(path); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("mengganti %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

// syncDir fsyncs a directory so the rename itself survives a power cut. It
// is best effort: Windows cannot open a directory for syncing, and by then
// the file's content is already safe on disk.
func syncDir(dir string) {
	d, err := os.Open(dir)
	if err != nil {
		return
	}
	d.Sync()
	d.Close()
}
