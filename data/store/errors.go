package store

import (
	"errors"
	"fmt"
	"strings"

	"kinerja/data"
)

// Errors of the data file itself. Each carries the Indonesian message shown
// to the user.
var (
	ErrAlreadyOpen  = errors.New("Kinerja sudah terbuka di jendela lain atau oleh program lain; tutup dulu yang itu")
	ErrNewerSchema  = errors.New("file data ini dibuat oleh versi Kinerja yang lebih baru; perbarui aplikasi, file tidak diubah")
	ErrNetworkDrive = errors.New("file data tidak boleh berada di drive jaringan; salin ke disk lokal")
)

// DuplicateError says that a NIP or NIK is already held by another staff
// member; it wraps data.ErrDuplicateNIP. HolderID is 0 when the holder is an
// earlier, not yet saved entry of the same AddStaff list.
type DuplicateError struct {
	Identifier string
	HolderID   uint64
	HolderName string
}

func (e *DuplicateError) Error() string {
	return fmt.Sprintf("NIP/NIK %s sudah terdaftar untuk pegawai lain (%s)", e.Identifier, e.HolderName)
}

// Unwrap returns data.ErrDuplicateNIP.
func (e *DuplicateError) Unwrap() error { return data.ErrDuplicateNIP }

// ItemError is the refusal of one entry of an AddStaff list; Index counts
// from 0 in the list given.
type ItemError struct {
	Index int
	Err   error
}

func (e *ItemError) Error() string { return fmt.Sprintf("pegawai ke-%d: %v", e.Index+1, e.Err) }

// Unwrap returns the reason.
func (e *ItemError) Unwrap() error { return e.Err }

// ListError is returned by AddStaff when entries are refused; it lists every
// refused entry in list order, and nothing of the list was saved.
type ListError struct {
	Items []*ItemError
}

func (e *ListError) Error() string {
	msgs := make([]string, len(e.Items))
	for i, it := range e.Items {
		msgs[i] = it.Error()
	}
	return "tidak ada yang disimpan: " + strings.Join(msgs, "; ")
}

// Unwrap returns the item errors, so errors.Is and errors.As see each reason.
func (e *ListError) Unwrap() []error {
	out := make([]error, len(e.Items))
	for i, it := range e.Items {
		out[i] = it
	}
	return out
}

// Kinds of FileError; test them with errors.Is.
var (
	// ErrNoFile: the data file does not exist and the caller may not create it.
	ErrNoFile = errors.New("file data tidak ada")
	// ErrDamaged: the file is damaged (truncated, empty, a page unreadable,
	// a meta page failing its checksum); the Store refuses every write.
	ErrDamaged = errors.New("file data rusak")
	// ErrNotDataFile: the file is not a Kinerja data file at all.
	ErrNotDataFile = errors.New("bukan file data Kinerja")
	// ErrReadOnly: the Store was opened read-only and refuses writes.
	ErrReadOnly = errors.New("file data dibuka hanya untuk dibaca")
	// ErrProtected: an output path names a file Kinerja must not write over.
	ErrProtected = errors.New("file ini dilindungi")
	// ErrExists: the output file exists and replacing it was not requested.
	ErrExists = errors.New("file sudah ada")
)

// FileError is a refusal about one file, with a whole Indonesian sentence
// for people (Msg, naming the file and what to do) and a kind for programs:
// errors.Is(err, ErrDamaged), ErrAlreadyOpen, os.ErrPermission, … .
type FileError struct {
	Path string
	Msg  string
	Kind error // one of the Err* kinds above or ErrAlreadyOpen / ErrNewerSchema / ErrNetworkDrive
	Err  error // the underlying cause, may be nil
}

func (e *FileError) Error() string { return e.Msg }

// Unwrap returns the kind and the cause.
func (e *FileError) Unwrap() []error {
	out := []error{e.Kind}
	if e.Err != nil {
		out = append(out, e.Err)
	}
	return out
}

// restoreHint closes every damage message: what the user can do.
const restoreHint = `Pulihkan dari cadangan (menu Pulihkan, atau "kinerja restore FILE"); file ini tidak diubah.`

// damaged returns the FileError of a damaged file; detail says what is wrong.
func damaged(path, detail string, cause error) *FileError {
	return &FileError{Path: path, Kind: ErrDamaged, Err: cause,
		Msg: fmt.Sprintf("File data rusak: %q — %s. %s", path, detail, restoreHint)}
}
