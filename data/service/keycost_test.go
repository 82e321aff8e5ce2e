package service

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"kinerja/data"
	"kinerja/data/demo"
	"kinerja/export/sign"
)

// storedCost reads the argon2id cost stored with a sealed key.
func storedCost(t *testing.T, raw json.RawMessage) sign.KeyCost {
	t.Helper()
	var sk sign.SealedKey
	if err := json.Unmarshal(raw, &sk); err != nil {
		t.Fatal(err)
	}
	return sign.KeyCost{Time: sk.Time, MemoryKiB: sk.MemoryKiB, Threads: sk.Threads}
}

// rootCost is the cost stored with the office root's key.
func rootCost(t *testing.T, svc *Service) sign.KeyCost {
	t.Helper()
	r, found, err := svc.st.OfficeRoot()
	if err != nil || !found {
		t.Fatalf("office root: found %v, %v", found, err)
	}
	return storedCost(t, r.SealedKey)
}

// TestKeyCostDefault shows that a service opened without a KeyCost, as both
// front ends open it, seals at the production cost.
func TestKeyCostDefault(t *testing.T) {
	t.Parallel()
	svc, err := Open(filepath.Join(t.TempDir(), "k.db"), Options{Create: true, Actor: "uji", Now: testOptions().Now})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	if err := svc.SetOffice(data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateOfficeRoot(testRootPass); err != nil {
		t.Fatal(err)
	}
	if got := rootCost(t, svc); got != sign.DefaultKeyCost() {
		t.Fatalf("root sealed at %+v, want the production cost %+v", got, sign.DefaultKeyCost())
	}
}

// TestKeyCostOption shows that the root, a signer and every key of the demo
// are sealed at Options.KeyCost, and that the keys open again.
func TestKeyCostOption(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	if got := rootCost(t, o.svc); got != testKeyCost {
		t.Errorf("root sealed at %+v, want %+v", got, testKeyCost)
	}
	sig, err := o.svc.st.ActiveSigner(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	if got := storedCost(t, sig.SealedKey); got != testKeyCost {
		t.Errorf("signer sealed at %+v, want %+v", got, testKeyCost)
	}
	if _, err := o.svc.UnlockSigner(o.kasi, testSignerPass); err != nil {
		t.Fatalf("unlocking the cheap signer: %v", err)
	}

	svc, _ := openService(t)
	if _, err := svc.FillDemo(demo.Options{Staff: 9, Seed: 2, Today: data.NewDate(2026, 11, 28)}); err != nil {
		t.Fatal(err)
	}
	if got := rootCost(t, svc); got != testKeyCost {
		t.Errorf("demo root sealed at %+v, want %+v", got, testKeyCost)
	}
	signers, err := svc.st.Signers()
	if err != nil {
		t.Fatal(err)
	}
	if len(signers) == 0 {
		t.Fatal("the demo made no signers")
	}
	for _, s := range signers {
		if got := storedCost(t, s.SealedKey); got != testKeyCost {
			t.Errorf("demo signer %d sealed at %+v, want %+v", s.ID, got, testKeyCost)
		}
	}
}

func TestKeyCostRefused(t *testing.T) {
	t.Parallel()
	_, err := Open(filepath.Join(t.TempDir(), "k.db"), Options{Create: true, KeyCost: sign.KeyCost{Time: 1, MemoryKiB: 64}})
	if err == nil {
		t.Fatal("a key cost with no threads was accepted")
	}
}
