package demo

import (
	"kinerja/data"
	"testing"
)

// TestIsValid checks that every demo record passes the same validation as
// the register, that identifiers are unique, and that the office has the
// variety the demo promises: every kind, unit heads, transfers and leavers.
func TestIsValid(t *testing.T) {
	t.Parallel()
	today := data.NewDate(2026, 11, 28)
	for _, seed := range []int64{1, 2, 7, 42} {
		d := New(Options{Staff: 45, Seed: seed, Today: today})
		if len(d.Staff) != 45 {
			t.Fatalf("seed %d: %d staff, want 45", seed, len(d.Staff))
		}
		seen := map[string]bool{}
		kinds := map[data.Kind]int{}
		left, moved := 0, 0
		for i, s := range d.Staff {
			if p := data.ValidateStaff(s, d.Units, today); !p.OK() {
				t.Errorf("seed %d staff %d (%s): %v", seed, i, s.Name, p.Errors)
			}
			if seen[s.Identifier()] {
				t.Errorf("seed %d: identifier %s used twice", seed, s.Identifier())
			}
			seen[s.Identifier()] = true
			kinds[s.Kind]++
			if !s.Current().Active {
				left++
			}
			for _, e := range s.History {
				if e.Kind == data.EventTransfer {
					moved++
				}
			}
		}
		if len(d.Heads) != len(d.Units) {
			t.Errorf("seed %d: %d unit heads for %d units", seed, len(d.Heads), len(d.Units))
		}
		if left != 2 || moved != 2 {
			t.Errorf("seed %d: %d left and %d transferred, want 2 and 2", seed, left, moved)
		}
		if seed == 1 {
			for _, k := range data.Kinds {
				if kinds[k] == 0 {
					t.Errorf("seed 1 has no %s", k)
				}
			}
		}
	}
}

func TestIsDeterministic(t *testing.T) {
	t.Parallel()
	opt := Options{Staff: 20, Seed: 9, Today: data.NewDate(2026, 11, 28)}
	a, b := New(opt), New(opt)
	for i := range a.Staff {
		if a.Staff[i].NIP != b.Staff[i].NIP || a.Staff[i].Name != b.Staff[i].Name {
			t.Fatalf("staff %d differs between two runs with the same seed", i)
		}
	}
}

func TestAlwaysHasTheUnitHeads(t *testing.T) {
	t.Parallel()
	if d := New(Options{Staff: 1, Seed: 1, Today: data.NewDate(2026, 1, 5)}); len(d.Staff) != len(demoHeads) {
		t.Fatalf("%d staff, want the %d unit heads", len(d.Staff), len(demoHeads))
	}
}
