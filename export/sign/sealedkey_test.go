package sign

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"errors"
	"testing"
)

// cheap is the test cost of sealing: one pass over 64 KiB.
var cheap = KeyCost{Time: 1, MemoryKiB: 64, Threads: 1}

// TestDefaultKeyCost pins the production cost: keys the app seals take
// 3 argon2id passes over 64 MiB with 2 threads, and SealKey (which the
// zero KeyCost also means) stores exactly these parameters. A stored key
// opens with its own parameters, so this one production sealing also shows
// that keys sealed by earlier versions keep opening.
func TestDefaultKeyCost(t *testing.T) {
	t.Parallel()
	if got, want := DefaultKeyCost(), (KeyCost{Time: 3, MemoryKiB: 64 * 1024, Threads: 2}); got != want {
		t.Fatalf("DefaultKeyCost() = %+v, want %+v", got, want)
	}
	if !(KeyCost{}).IsZero() || (KeyCost{}).orDefault() != DefaultKeyCost() || cheap.orDefault() != cheap {
		t.Fatal("the zero KeyCost does not stand for DefaultKeyCost")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := SealKey(key, "demo-kinerja")
	if err != nil {
		t.Fatal(err)
	}
	if sk.KDF != "argon2id" || sk.Time != 3 || sk.MemoryKiB != 64*1024 || sk.Threads != 2 {
		t.Errorf("parameters %+v, want argon2id t=3 m=64MiB p=2", sk)
	}
	opened, err := OpenKey(sk, "demo-kinerja")
	if err != nil {
		t.Fatal(err)
	}
	if !key.PublicKey.Equal(opened.Public()) {
		t.Fatal("opened key differs from the sealed one")
	}
}

func TestSealKeyCost(t *testing.T) {
	t.Parallel()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	sk, err := SealKeyCost(key, "rahasia", cheap)
	if err != nil {
		t.Fatal(err)
	}
	if sk.Time != 1 || sk.MemoryKiB != 64 || sk.Threads != 1 {
		t.Errorf("parameters %+v, want the cheap cost stored with the key", sk)
	}
	for _, bad := range []KeyCost{{Time: 0, MemoryKiB: 64, Threads: 1}, {Time: 1, MemoryKiB: 4, Threads: 1},
		{Time: 1, MemoryKiB: 64, Threads: 0}, {Time: maxTime + 1, MemoryKiB: 64, Threads: 1}, {Time: 1, MemoryKiB: maxMemoryKiB + 1, Threads: 1}} {
		if err := bad.Check(); err == nil {
			t.Errorf("cost %+v accepted", bad)
		}
		if _, err := SealKeyCost(key, "rahasia", bad); err == nil {
			t.Errorf("sealing at cost %+v gave no error", bad)
		}
	}
	if err := (KeyCost{}).Check(); err != nil {
		t.Errorf("zero cost refused: %v", err)
	}
}

func TestSealKeyRoundTrip(t *testing.T) {
	t.Parallel()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := SealKeyCost(key, "demo-kinerja", cheap)
	if err != nil {
		t.Fatal(err)
	}
	stored, err := json.Marshal(sk)
	if err != nil {
		t.Fatal(err)
	}
	var loaded SealedKey
	if err := json.Unmarshal(stored, &loaded); err != nil {
		t.Fatal(err)
	}
	opened, err := OpenKey(loaded, "demo-kinerja")
	if err != nil {
		t.Fatal(err)
	}
	if !key.PublicKey.Equal(opened.Public()) {
		t.Fatal("opened key differs from the sealed one")
	}
	_, err = OpenKey(loaded, "demo-kinerja ")
	if !errors.Is(err, ErrWrongPassphrase) || err.Error() != "Frasa sandi salah" {
		t.Fatalf("wrong passphrase gave %v", err)
	}
	var pe PassphraseError
	if !errors.As(err, &pe) {
		t.Fatal("wrong passphrase error is not a PassphraseError")
	}
}

func TestSealKeyFreshSaltAndNonce(t *testing.T) {
	t.Parallel()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	a, err := sealKey(key, "rahasia", 1, 64, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := sealKey(key, "rahasia", 1, 64, 1)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Salt) == string(b.Salt) || string(a.Nonce) == string(b.Nonce) || string(a.Ciphertext) == string(b.Ciphertext) {
		t.Fatal("two sealings share salt, nonce or ciphertext")
	}
}

func TestSealKeyRSA(t *testing.T) {
	t.Parallel()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	sk, err := sealKey(key, "rahasia", 1, 64, 1)
	if err != nil {
		t.Fatal(err)
	}
	opened, err := OpenKey(sk, "rahasia")
	if err != nil {
		t.Fatal(err)
	}
	if !key.PublicKey.Equal(opened.Public()) {
		t.Fatal("opened RSA key differs from the sealed one")
	}
}

func TestSealKeyRejects(t *testing.T) {
	t.Parallel()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if _, err := SealKey(nil, "x"); err == nil {
		t.Error("sealing a nil key gave no error")
	}
	if _, err := SealKey(key, ""); err == nil {
		t.Error("sealing under an empty passphrase gave no error")
	}
}

func TestOpenKeyDamaged(t *testing.T) {
	t.Parallel()
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	good, err := sealKey(key, "rahasia", 1, 64, 1)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		edit        func(*SealedKey)
		wrongPhrase bool
	}{
		{"unknown KDF", func(s *SealedKey) { s.KDF = "scrypt" }, false},
		{"zero time", func(s *SealedKey) { s.Time = 0 }, false},
		{"huge time", func(s *SealedKey) { s.Time = 1 << 20 }, false},
		{"huge memory", func(s *SealedKey) { s.MemoryKiB = 1 << 30 }, false},
		{"zero threads", func(s *SealedKey) { s.Threads = 0 }, false},
		{"short salt", func(s *SealedKey) { s.Salt = s.Salt[:4] }, false},
		{"bad nonce", func(s *SealedKey) { s.Nonce = s.Nonce[:5] }, false},
		{"empty ciphertext", func(s *SealedKey) { s.Ciphertext = nil }, false},
		{"flipped ciphertext", func(s *SealedKey) { s.Ciphertext[0] ^= 1 }, true},
		{"changed salt", func(s *SealedKey) { s.Salt[0] ^= 1 }, true},
		{"changed time", func(s *SealedKey) { s.Time = 2 }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sk := good
			sk.Salt = append([]byte(nil), good.Salt...)
			sk.Ciphertext = append([]byte(nil), good.Ciphertext...)
			tt.edit(&sk)
			_, err := OpenKey(sk, "rahasia")
			if err == nil {
				t.Fatal("damaged key opened")
			}
			if errors.Is(err, ErrWrongPassphrase) != tt.wrongPhrase {
				t.Fatalf("error %v: wrong-passphrase %v, want %v", err, !tt.wrongPhrase, tt.wrongPhrase)
			}
		})
	}
}
