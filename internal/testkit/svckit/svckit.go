// Package svckit holds the test fixtures that go through the service, for
// the tests of the front ends (ui, ui/cli) and of the export packages: a new
// data file on the fixed clock with the cheap key cost, and the demo office
// built once per test binary and copied per test. It is imported only by
// _test.go files. The service's own tests use package testkit directly.
package svckit

import (
	"path/filepath"
	"testing"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/data/service"
	"kinerja/export/sign"
	"kinerja/internal/testkit"
)

// KeyCost is the argon2id cost tests seal keys with: one pass over 64 KiB,
// thousands of times cheaper than sign.DefaultKeyCost. Production code never
// sees it; tests pass it in service.Options.KeyCost (Options does).
var KeyCost = sign.KeyCost{Time: 1, MemoryKiB: 64, Threads: 1}

// Options are the service options of the tests: actor "uji", the fixed
// clock and the cheap key cost, allowed to create the file.
func Options() service.Options {
	return service.Options{Create: true, Actor: "uji", Now: testkit.Clock, KeyCost: KeyCost}
}

// Open opens the data file at path with Options and closes it at the end of
// the test.
func Open(t testing.TB, path string) *service.Service {
	t.Helper()
	svc, err := service.Open(path, Options())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	return svc
}

// New opens a new data file in the test's temporary folder holding the
// given staff, and returns the saved staff with their IDs.
func New(t testing.TB, staff ...data.Staff) (*service.Service, []data.Staff) {
	t.Helper()
	svc := Open(t, filepath.Join(t.TempDir(), "kinerja.db"))
	if len(staff) == 0 {
		return svc, nil
	}
	saved, err := svc.AddStaff(staff)
	if err != nil {
		t.Fatal(err)
	}
	return svc, saved
}

// DemoOptions is the demo office of the tests: 30 staff, seed 4, on
// testkit.Today.
var DemoOptions = demo.Options{Staff: 30, Seed: 4, Today: testkit.Today}

// DemoFile returns the path of a fresh copy of the demo office (svc.FillDemo
// with DemoOptions at the cheap key cost: staff, attendance, periods and
// evaluations, the office root and signers under service.DemoPassphrase,
// final evaluations signed). The office is built once per test binary.
func DemoFile(t testing.TB) string {
	t.Helper()
	return testkit.Shared(t, "demo.db", func(path string) error {
		svc, err := service.Open(path, Options())
		if err != nil {
			return err
		}
		if _, err := svc.FillDemo(DemoOptions); err != nil {
			_ = svc.Close()
			return err
		}
		return svc.Close()
	})
}

// Demo opens a fresh copy of the demo office (see DemoFile).
func Demo(t testing.TB) *service.Service {
	t.Helper()
	return Open(t, DemoFile(t))
}
