package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Names of the default data file and of the marker that selects portable mode.
const (
	FileName     = "kinerja.db"
	PortableFlag = "kinerja.portable"
)

// DefaultPath returns where the data file lives when --data is not given and
// creates its folder. Portable mode: when a file kinerja.portable sits beside
// the executable, the data lives beside it too (for a USB stick). Otherwise
// it is os.UserConfigDir()/Kinerja/kinerja.db (%AppData%\Kinerja\kinerja.db
// on Windows).
func DefaultPath() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("mencari lokasi program: %w", err)
	}
	if exe, err = filepath.EvalSymlinks(exe); err != nil {
		return "", fmt.Errorf("mencari lokasi program: %w", err)
	}
	return defaultPathFor(filepath.Dir(exe), os.UserConfigDir)
}

// defaultPathFor is DefaultPath for an executable in exeDir.
func defaultPathFor(exeDir string, configDir func() (string, error)) (string, error) {
	dir := exeDir
	if _, err := os.Stat(filepath.Join(exeDir, PortableFlag)); errors.Is(err, os.ErrNotExist) {
		base, err := configDir()
		if err != nil {
			return "", fmt.Errorf("mencari folder data pengguna: %w", err)
		}
		dir = filepath.Join(base, "Kinerja")
	} else if err != nil {
		return "", fmt.Errorf("memeriksa %s: %w", PortableFlag, err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("membuat folder data %s: %w", dir, err)
	}
	return filepath.Join(dir, FileName), nil
}
