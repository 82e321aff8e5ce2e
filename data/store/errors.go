package store

import (
	"fmt"
	"strings"

	"kinerja/data"
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
