package store

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// GuardOutput refuses an output path that an export, a report or any other
// file Kinerja writes must not replace: the open data file, a copy kept
// before a migration (<data>.pre-vN.bak), anything inside the backups
// folder, any Kinerja data file or backup (a bbolt file), and any file
// another process holds open with bbolt's lock. Files are compared with
// os.SameFile, so a symlink, "./", ".." or another spelling of the same file
// is caught. The refusal is a *FileError of kind ErrProtected (or
// ErrAlreadyOpen for a held file) naming the file. Pass it as the guard
// of export.WriteFileAtomicGuarded.
func (s *Store) GuardOutput(path string) error { return s.guard(path, true) }

// guard is GuardOutput; anyBolt says whether every bbolt file is refused
// (exports) or only held ones (backups, which may replace an older backup).
func (s *Store) guard(path string, anyBolt bool) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("file keluaran %s: %w", path, err)
	}
	refuse := func(why string) error {
		return &FileError{Path: abs, Kind: ErrProtected,
			Msg: fmt.Sprintf("Tidak menulis ke %q: %s. Pilih nama atau folder lain.", path, why)}
	}
	if dataInfo, err := os.Stat(s.path); err == nil {
		if info, err := os.Stat(abs); err == nil && os.SameFile(info, dataInfo) {
			return refuse("itu file data Kinerja yang sedang dibuka")
		}
	}
	if inside(abs, s.BackupDir()) {
		return refuse("folder cadangan Kinerja (" + s.BackupDir() + ") hanya diisi oleh Kinerja sendiri")
	}
	if inside(abs, s.arc.dir) {
		return refuse("folder arsip dokumen Kinerja (" + s.arc.dir + ") hanya diisi oleh Kinerja sendiri")
	}
	if isMigrationCopy(abs, s.path) {
		return refuse("itu salinan file data sebelum pembaruan versi")
	}
	info, err := os.Stat(abs)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("memeriksa file keluaran %s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return refuse("itu bukan file biasa")
	}
	if held, err := fileHeld(abs); err == nil && held {
		return &FileError{Path: abs, Kind: ErrProtected,
			Msg: fmt.Sprintf("Tidak menulis ke %q: file itu sedang dibuka oleh Kinerja atau program lain. Tutup dulu, atau pilih nama lain.", path)}
	}
	if anyBolt && isBoltFile(abs) {
		return refuse("itu file data atau cadangan Kinerja")
	}
	return nil
}

// inside reports whether path (existing or not) is dir or lies inside it,
// comparing each existing ancestor of path with dir by os.SameFile.
func inside(path, dir string) bool {
	dirInfo, err := os.Stat(dir)
	if err != nil {
		return false
	}
	for p := path; ; {
		if info, err := os.Stat(p); err == nil && os.SameFile(info, dirInfo) {
			return true
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
}

// isMigrationCopy reports whether path names a "<data>.pre-vN.bak" copy of
// the data file: same folder (by os.SameFile) and that name, in any case.
func isMigrationCopy(path, dataPath string) bool {
	name := strings.ToLower(filepath.Base(path))
	prefix := strings.ToLower(filepath.Base(dataPath)) + ".pre-v"
	if !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".bak") {
		return false
	}
	a, errA := os.Stat(filepath.Dir(path))
	b, errB := os.Stat(filepath.Dir(dataPath))
	return errA == nil && errB == nil && os.SameFile(a, b)
}

// fileHeld reports whether some open file — in this process or another —
// holds bbolt's lock on path. A missing file is not held.
func fileHeld(path string) (bool, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	return tryLock(f, true)
}
