package data

import (
	"errors"
	"strings"
)

// Field names used in FieldError.Field, so forms can show a message next to the right field.
const (
	FieldNIP           = "nip"
	FieldNIK           = "nik"
	FieldName          = "name"
	FieldKind          = "kind"
	FieldSex           = "sex"
	FieldBirthDate     = "birth_date"
	FieldBirthPlace    = "birth_place"
	FieldRank          = "rank"
	FieldPosition      = "position"
	FieldUnit          = "unit"
	FieldStartDate     = "start_date"
	FieldContractStart = "contract_start"
	FieldContractEnd   = "contract_end"
	FieldMismatch      = "mismatch_reason"
	FieldKecamatan     = "kecamatan"
	FieldKabupaten     = "kabupaten"
	FieldHistory       = "history" // a history event other than the start; the message names which
)

// FieldError is a problem with one field, with an Indonesian message for the user.
type FieldError struct {
	Field   string
	Message string
}

func (e FieldError) Error() string { return e.Message }

// Problems collects what is wrong with a record: Errors block saving; Warnings
// may be kept when the user records a reason.
type Problems struct {
	Errors   []FieldError
	Warnings []FieldError
}

// OK reports whether there are no errors (warnings may remain).
func (p Problems) OK() bool { return len(p.Errors) == 0 }

// Of returns the messages for one field, errors first.
func (p Problems) Of(field string) []string {
	var out []string
	for _, e := range p.Errors {
		if e.Field == field {
			out = append(out, e.Message)
		}
	}
	for _, w := range p.Warnings {
		if w.Field == field {
			out = append(out, w.Message)
		}
	}
	return out
}

// ValidationError is returned when a record is refused; it carries every problem.
type ValidationError struct {
	Problems Problems
}

func (e *ValidationError) Error() string {
	msgs := make([]string, 0, len(e.Problems.Errors))
	for _, fe := range e.Problems.Errors {
		msgs = append(msgs, fe.Message)
	}
	return strings.Join(msgs, " ")
}

// Errors of the domain shared by the store and its callers (those of the
// data file itself live in data/store). Each carries the Indonesian message
// shown to the user.
var (
	ErrNotFound     = errors.New("data tidak ditemukan")
	ErrDuplicateNIP = errors.New("NIP/NIK sudah terdaftar untuk pegawai lain")
	ErrNotEmpty     = errors.New("file data sudah berisi pegawai; data demo hanya untuk file kosong")
)
