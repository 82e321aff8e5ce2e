package service

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
)

// ExportError is a file an export could not write, with the reason in plain
// Indonesian: a full disk, a removed stick, a folder that cannot be written.
type ExportError struct {
	Path   string
	Reason string
	Err    error
}

func (e *ExportError) Error() string { return e.Reason + " (" + e.Path + ")" }

// Unwrap returns the system's error.
func (e *ExportError) Unwrap() error { return e.Err }

// Reasons of an ExportError.
const (
	reasonDiskFull = "Disk atau flashdisk tujuan penuh; kosongkan ruang atau pilih tujuan lain, lalu ekspor lagi. Tidak ada berkas setengah jadi yang tertinggal"
	reasonRemoved  = "Folder tujuan tidak dapat dijangkau lagi — apakah flashdisk dicabut? Pasang kembali dan ekspor lagi. Tidak ada berkas setengah jadi yang tertinggal"
	reasonDenied   = "Folder tujuan tidak boleh ditulis (hanya-baca atau tanpa izin); pilih folder lain"
	reasonOther    = "Berkas tidak dapat ditulis"
	reasonNoFolder = "Folder tujuan %q tidak ada; buat dulu foldernya atau pilih folder lain"
)

// Windows error numbers that syscall does not name portably.
const (
	winPathNotFound = 3
	winNotReady     = 21
	winWriteFault   = 29
	winGenFailure   = 31
	winHandleFull   = 39
	winDevNotExist  = 55
	winDiskFull     = 112
)

// diskError explains err, met while writing path, as an *ExportError.
func diskError(path string, err error) error {
	return &ExportError{Path: path, Reason: diskReason(err), Err: err}
}

func diskReason(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		if runtime.GOOS == "windows" {
			switch errno {
			case winDiskFull, winHandleFull:
				return reasonDiskFull
			case winNotReady, winDevNotExist, winWriteFault, winGenFailure, winPathNotFound:
				return reasonRemoved
			}
		}
		switch errno {
		case syscall.ENOSPC:
			return reasonDiskFull
		case syscall.EIO, syscall.ENODEV, syscall.ENXIO, syscall.ENOENT:
			return reasonRemoved
		case syscall.EROFS, syscall.EACCES, syscall.EPERM:
			return reasonDenied
		}
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return reasonRemoved
	case errors.Is(err, fs.ErrPermission):
		return reasonDenied
	}
	return reasonOther + ": " + err.Error()
}

// volumeMissing reports whether the drive or volume of path is gone (a
// pulled USB stick on Windows: "E:\" itself no longer exists), as opposed
// to a folder that simply does not exist on a drive that is there.
func volumeMissing(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	vol := filepath.VolumeName(abs)
	if vol == "" {
		return false
	}
	_, err = os.Stat(vol + string(filepath.Separator))
	return err != nil
}
