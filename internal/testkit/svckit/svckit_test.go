package svckit

import (
	"testing"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/internal/testkit"
)

func TestMain(m *testing.M) { testkit.Main(m) }

// TestDemoCopies checks the shared demo office: every test gets its own
// copy, with staff, signers whose keys open under the demo passphrase, and
// changes to one copy do not reach another.
func TestDemoCopies(t *testing.T) {
	a, b := DemoFile(t), DemoFile(t)
	if a == b {
		t.Fatalf("two tests share the copy %s", a)
	}
	one := Open(t, a)
	staff, err := one.AllStaff()
	if err != nil || len(staff) != DemoOptions.Staff {
		t.Fatalf("demo copy holds %d staff (%v), want %d", len(staff), err, DemoOptions.Staff)
	}
	signers, err := one.Signers()
	if err != nil || len(signers) == 0 {
		t.Fatalf("demo copy has %d signers (%v)", len(signers), err)
	}
	if _, err := one.UnlockSigner(signers[0].StaffID, service.DemoPassphrase); err != nil {
		t.Fatalf("unlocking a demo signer: %v", err)
	}
	if _, err := one.AddStaff([]data.Staff{testkit.Person(900, data.KindPNS, 5)}); err != nil {
		t.Fatal(err)
	}
	other := Open(t, b)
	if again, err := other.AllStaff(); err != nil || len(again) != DemoOptions.Staff {
		t.Fatalf("the second copy holds %d staff (%v) after the first changed", len(again), err)
	}
}

// TestNew checks the plain fixture: the staff given are saved with IDs.
func TestNew(t *testing.T) {
	t.Parallel()
	svc, saved := New(t, testkit.Person(1, data.KindPNS, 5), testkit.Person(2, data.KindNonASN, 5))
	if len(saved) != 2 || saved[0].ID == 0 || saved[1].ID == saved[0].ID {
		t.Fatalf("saved %+v", saved)
	}
	if got := svc.Path(); got == "" {
		t.Fatal("no path")
	}
}
