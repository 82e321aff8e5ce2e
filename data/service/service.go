package service

import (
	"fmt"
	"sync"
	"time"

	"kinerja/data/store"
	"kinerja/export/sign"
)

// Service is the one door to an office's data file for both front ends: the
// GUI screens (package ui) and the commands (package ui/cli) call its
// methods and never the store underneath. It holds the open store, whose
// clock and actor every operation shares.
type Service struct {
	st      *store.Store
	keyCost sign.KeyCost // argon2id cost of newly sealed keys; zero means sign.DefaultKeyCost

	sleep    func(time.Duration) // waits after a wrong passphrase; SetSleep
	mu       sync.Mutex
	failures map[string]int // wrong passphrases on a read-only file
}

// now is the service's clock: the store's (Options.Now in tests).
func (svc *Service) now() time.Time { return svc.st.Now() }

// Options tune Open: who goes into the audit, how long to wait for a file
// another program holds, and the clock (tests fix it).
type Options struct {
	Actor   string           // recorded in every audit entry; "" means the OS user name
	Timeout time.Duration    // wait for another holder of the file; 0 means 1 s
	Now     func() time.Time // nil means time.Now
	// Create allows a missing file to be made (the GUI's first run, "office
	// set" and "demo"); elsewhere a missing file is an error.
	Create bool
	// ReadOnly opens the file for reading only, so write-protected media work.
	ReadOnly bool
	// KeyCost is the argon2id cost of sealing new keys (the office root's,
	// signers', the demo's). The zero value means sign.DefaultKeyCost, which
	// the front ends always use; tests pass a cheap cost. Keys already stored
	// open with the cost stored beside them, whatever this says.
	KeyCost sign.KeyCost
}

// Open opens the data file at path (creating it only with opt.Create); see
// store.Open for what it refuses.
func Open(path string, opt Options) (*Service, error) {
	if err := opt.KeyCost.Check(); err != nil {
		return nil, fmt.Errorf("biaya kunci: %w", err)
	}
	st, err := store.Open(path, store.Options{Actor: opt.Actor, Timeout: opt.Timeout, Now: opt.Now, Create: opt.Create, ReadOnly: opt.ReadOnly})
	if err != nil {
		return nil, err
	}
	svc := New(st)
	svc.keyCost = opt.KeyCost
	return svc, nil
}

// New wraps a store that is already open, sealing new keys at the production
// cost. The front ends and the tests use Open (tests with a cheap
// Options.KeyCost).
func New(st *store.Store) *Service {
	return &Service{st: st, sleep: time.Sleep, failures: map[string]int{}}
}

// Close closes the data file.
func (svc *Service) Close() error { return svc.st.Close() }

// Path is the absolute path of the data file.
func (svc *Service) Path() string { return svc.st.Path() }

// Warnings are notes about the file's location found at Open (for example a
// cloud-synced folder).
func (svc *Service) Warnings() []string { return svc.st.Warnings() }
