package store

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// tryLock takes bbolt's lock on f without waiting: LockFileEx on the byte
// at offset 2^64-1, as bbolt does. held is true when another open handle
// holds a conflicting lock — in this process or another.
func tryLock(f *os.File, exclusive bool) (held bool, err error) {
	var flags uint32 = windows.LOCKFILE_FAIL_IMMEDIATELY
	if exclusive {
		flags |= windows.LOCKFILE_EXCLUSIVE_LOCK
	}
	const m1 = ^uint32(0)
	err = windows.LockFileEx(windows.Handle(f.Fd()), flags, 0, 1, 0, &windows.Overlapped{Offset: m1, OffsetHigh: m1})
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) {
		return true, nil
	}
	return false, err
}
