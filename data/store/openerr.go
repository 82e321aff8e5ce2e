package store

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	berrors "go.etcd.io/bbolt/errors"
)

// openError turns an error of opening path (bbolt's, or the operating
// system's) into a FileError with an Indonesian sentence naming the file and
// what to do. An error that is already a FileError is returned as it is.
func openError(path string, err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		return err
	}
	mk := func(kind error, format string, a ...any) error {
		return &FileError{Path: path, Kind: kind, Err: err, Msg: fmt.Sprintf(format, a...)}
	}
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return mk(ErrAlreadyOpen, "File data %q sedang dipakai oleh Kinerja lain (jendela lain atau perintah yang masih berjalan). Tutup yang itu dulu, lalu coba lagi.", path)
	case errors.Is(err, berrors.ErrInvalid):
		return mk(ErrNotDataFile, "File %q bukan file data Kinerja, atau bagian awalnya rusak. Pilih file data yang benar, atau pulihkan dari cadangan.", path)
	case errors.Is(err, berrors.ErrVersionMismatch):
		return mk(ErrDamaged, "File data rusak: %q — versi format penyimpanannya tidak dikenali. %s", path, restoreHint)
	case errors.Is(err, berrors.ErrChecksum):
		return mk(ErrDamaged, "File data rusak: %q — checksum halaman meta tidak cocok. %s", path, restoreHint)
	case errors.Is(err, berrors.ErrInvalidMapping):
		return mk(ErrDamaged, "File data rusak: %q — isi file tidak dapat dipetakan ke memori. %s", path, restoreHint)
	case errors.Is(err, berrors.ErrDatabaseReadOnly), errors.Is(err, syscall.EROFS):
		return mk(ErrReadOnly, "File data %q berada di media yang hanya bisa dibaca (misalnya flashdisk yang dikunci). Buka hanya untuk dibaca, atau salin ke disk yang bisa ditulisi.", path)
	case errors.Is(err, fs.ErrPermission):
		return mk(fs.ErrPermission, "Tidak ada izin membuka file data %q. Periksa izin file/folder atau apakah flashdisk dikunci dari penulisan; untuk sekadar membaca, buka hanya untuk dibaca.", path)
	case errors.Is(err, fs.ErrNotExist):
		return mk(ErrNoFile, "File data %q tidak ada — buat dengan \"kinerja office set\".", path)
	case strings.HasPrefix(err.Error(), "file size too small"):
		return mk(ErrDamaged, "File data rusak: %q — ukuran file terlalu kecil. %s", path, restoreHint)
	}
	return mk(err, "File data %q tidak dapat dibuka (%v). Periksa file dan foldernya; jika file rusak, pulihkan dari cadangan.", path, err)
}
