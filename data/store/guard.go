package store

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
)

// safely runs fn with memory faults turned into panics on this goroutine
// (debug.SetPanicOnFault, restored afterwards) and turns a panic raised by
// bbolt, or a fault in the memory map, into a *FileError of kind ErrDamaged
// naming path: a damaged page gives a clean Indonesian error instead of a
// stack trace or a SIGSEGV. A panic raised elsewhere is a bug in Kinerja and
// is reported as such, not as damage.
func safely(path string, fn func() error) (err error) {
	old := debug.SetPanicOnFault(true)
	defer func() {
		debug.SetPanicOnFault(old)
		if r := recover(); r != nil {
			err = fromPanic(path, r)
		}
	}()
	return fn()
}

// fromPanic classifies a recovered panic; it must be called from the
// deferred function, while the panicking frames are still on the stack.
func fromPanic(path string, r any) error {
	if _, fault := r.(interface{ Addr() uintptr }); fault || panickedInBolt() {
		return damaged(path, "sebagian isi file tidak terbaca", fmt.Errorf("%v", r))
	}
	return &FileError{Path: path, Kind: errInternal,
		Msg: fmt.Sprintf("Kesalahan di dalam Kinerja saat membaca %q: %v. File tidak diubah; laporkan kesalahan ini.", path, r)}
}

// errInternal is the kind of a panic that did not come from the file.
var errInternal = fmt.Errorf("kesalahan internal")

// panickedInBolt reports whether a bbolt function is on the panicking stack.
func panickedInBolt() bool {
	pcs := make([]uintptr, 64)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.HasPrefix(f.Function, "go.etcd.io/bbolt") {
			return true
		}
		if !more {
			return false
		}
	}
}

// markDamaged remembers that the file is damaged: from now on every write is
// refused with err, until Restore replaces the file.
func (s *Store) markDamaged(err error) {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	if s.damage == nil {
		s.damage = err
	}
}

// Damage returns the damage found in the file since it was opened (nil when
// none): a *FileError of kind ErrDamaged. While it is set, writes are refused.
func (s *Store) Damage() error {
	s.dmu.Lock()
	defer s.dmu.Unlock()
	return s.damage
}

// noteErr marks the store damaged when err is damage, and returns err.
func (s *Store) noteErr(err error) error {
	if isDamage(err) {
		s.markDamaged(err)
	}
	return err
}

func isDamage(err error) bool {
	var fe *FileError
	return errors.As(err, &fe) && fe.Kind == ErrDamaged
}

// fileSize returns the current size of the data file.
func fileSize(path string) (int64, error) {
	info, err := os.Stat(path)
	if err != nil {
		return 0, err
	}
	return info.Size(), nil
}
