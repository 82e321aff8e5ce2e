package sign

import (
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/x509"
	"errors"
	"fmt"

	"golang.org/x/crypto/argon2"
)

// SealedKey is a private key encrypted under a passphrase: PKCS#8 sealed with
// AES-256-GCM under a key derived by argon2id with the parameters stored here.
// It is safe to store as JSON.
type SealedKey struct {
	KDF        string `json:"kdf"`        // always "argon2id"
	Time       uint32 `json:"time"`       // argon2id passes
	MemoryKiB  uint32 `json:"memory_kib"` // argon2id memory in KiB
	Threads    uint8  `json:"threads"`    // argon2id parallelism
	Salt       []byte `json:"salt"`       // random, per sealing
	Nonce      []byte `json:"nonce"`      // AES-GCM nonce
	Ciphertext []byte `json:"ciphertext"` // sealed PKCS#8 with the GCM tag
}

// PassphraseError reports that a passphrase does not open a sealed key or a
// PKCS#12 file. Its message is shown to the user as is.
type PassphraseError struct{}

func (PassphraseError) Error() string { return "Frasa sandi salah" }

// ErrWrongPassphrase is the error returned for a wrong passphrase; compare
// with errors.Is.
var ErrWrongPassphrase error = PassphraseError{}

// Argon2id defaults for new sealed keys (time=3, 64 MiB, 2 threads): slow on
// purpose, since a key is unlocked once per signing batch.
const (
	kdfArgon2id      = "argon2id"
	defaultTime      = 3
	defaultMemoryKiB = 64 * 1024
	defaultThreads   = 2
	saltSize         = 16
	aesKeySize       = 32
)

// Bounds on the argon2id parameters a stored key may ask for, so a damaged
// or hostile file cannot make opening it take unbounded memory or time.
const (
	maxTime      = 64
	maxMemoryKiB = 1024 * 1024
	maxThreads   = 64
)

// KeyCost is the argon2id work of sealing a new key: passes, memory and
// parallelism. The zero KeyCost means DefaultKeyCost, the production cost;
// tests pass a cheap one. The cost is stored with each sealed key, so
// opening a key always uses the cost it was sealed with.
type KeyCost struct {
	Time      uint32 // argon2id passes
	MemoryKiB uint32 // argon2id memory in KiB
	Threads   uint8  // argon2id parallelism
}

// DefaultKeyCost is the cost of keys sealed by the app: 3 passes over
// 64 MiB with 2 threads (about 0.4 s on an office PC).
func DefaultKeyCost() KeyCost {
	return KeyCost{Time: defaultTime, MemoryKiB: defaultMemoryKiB, Threads: defaultThreads}
}

// IsZero reports whether c is the zero KeyCost, which stands for DefaultKeyCost.
func (c KeyCost) IsZero() bool { return c == KeyCost{} }

// orDefault returns c, or DefaultKeyCost for the zero KeyCost.
func (c KeyCost) orDefault() KeyCost {
	if c.IsZero() {
		return DefaultKeyCost()
	}
	return c
}

// Check rejects a cost a stored key could not be opened with (the same
// bounds OpenKey applies).
func (c KeyCost) Check() error {
	c = c.orDefault()
	sk := SealedKey{KDF: kdfArgon2id, Time: c.Time, MemoryKiB: c.MemoryKiB, Threads: c.Threads}
	return sk.checkParams()
}

// SealKey encrypts a private key under a passphrase with DefaultKeyCost and
// a fresh random salt and nonce.
func SealKey(key crypto.Signer, passphrase string) (SealedKey, error) {
	return SealKeyCost(key, passphrase, DefaultKeyCost())
}

// SealKeyCost is SealKey at the given argon2id cost; the zero KeyCost means
// DefaultKeyCost.
func SealKeyCost(key crypto.Signer, passphrase string, cost KeyCost) (SealedKey, error) {
	cost = cost.orDefault()
	if err := cost.Check(); err != nil {
		return SealedKey{}, err
	}
	return sealKey(key, passphrase, cost.Time, cost.MemoryKiB, cost.Threads)
}

// sealKey encrypts a private key with the given argon2id parameters.
func sealKey(key crypto.Signer, passphrase string, passes, memoryKiB uint32, threads uint8) (SealedKey, error) {
	if key == nil {
		return SealedKey{}, errors.New("tidak ada kunci privat untuk dienkripsi")
	}
	if passphrase == "" {
		return SealedKey{}, errors.New("frasa sandi wajib diisi")
	}
	plain, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return SealedKey{}, fmt.Errorf("menyimpan kunci privat: %w", err)
	}
	sk := SealedKey{KDF: kdfArgon2id, Time: passes, MemoryKiB: memoryKiB, Threads: threads, Salt: make([]byte, saltSize)}
	if _, err := rand.Read(sk.Salt); err != nil {
		return SealedKey{}, fmt.Errorf("membuat garam kunci: %w", err)
	}
	aead, err := sk.aead(passphrase)
	if err != nil {
		return SealedKey{}, err
	}
	sk.Nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(sk.Nonce); err != nil {
		return SealedKey{}, fmt.Errorf("membuat nonce kunci: %w", err)
	}
	sk.Ciphertext = aead.Seal(nil, sk.Nonce, plain, []byte(kdfArgon2id))
	return sk, nil
}

// OpenKey decrypts a sealed private key. A wrong passphrase gives
// ErrWrongPassphrase; a damaged record gives another error.
func OpenKey(sk SealedKey, passphrase string) (crypto.Signer, error) {
	if err := sk.check(); err != nil {
		return nil, err
	}
	aead, err := sk.aead(passphrase)
	if err != nil {
		return nil, err
	}
	plain, err := aead.Open(nil, sk.Nonce, sk.Ciphertext, []byte(kdfArgon2id))
	if err != nil {
		return nil, ErrWrongPassphrase
	}
	parsed, err := x509.ParsePKCS8PrivateKey(plain)
	if err != nil {
		return nil, fmt.Errorf("kunci privat tersimpan rusak: %w", err)
	}
	signer, ok := parsed.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("kunci privat tersimpan berjenis %T, tidak dapat menandatangani", parsed)
	}
	return signer, nil
}

// check rejects a sealed key whose parameters are missing or out of bounds.
func (sk SealedKey) check() error {
	if err := sk.checkParams(); err != nil {
		return err
	}
	switch {
	case len(sk.Salt) < saltSize:
		return errors.New("garam kunci tersimpan terlalu pendek")
	case len(sk.Nonce) != 12:
		return errors.New("nonce kunci tersimpan tidak sah")
	case len(sk.Ciphertext) == 0:
		return errors.New("kunci tersimpan kosong")
	}
	return nil
}

// checkParams rejects an unknown KDF or argon2id parameters out of bounds.
func (sk SealedKey) checkParams() error {
	switch {
	case sk.KDF != kdfArgon2id:
		return fmt.Errorf("kunci tersimpan memakai metode %q yang tidak dikenal", sk.KDF)
	case sk.Time == 0 || sk.Time > maxTime:
		return fmt.Errorf("parameter time argon2id %d di luar batas 1..%d", sk.Time, maxTime)
	case sk.MemoryKiB < 8*uint32(sk.Threads) || sk.MemoryKiB > maxMemoryKiB:
		return fmt.Errorf("parameter memori argon2id %d KiB di luar batas", sk.MemoryKiB)
	case sk.Threads == 0 || sk.Threads > maxThreads:
		return fmt.Errorf("parameter threads argon2id %d di luar batas 1..%d", sk.Threads, maxThreads)
	}
	return nil
}

// aead derives the AES-256-GCM cipher from the passphrase and parameters.
func (sk SealedKey) aead(passphrase string) (cipher.AEAD, error) {
	k := argon2.IDKey([]byte(passphrase), sk.Salt, sk.Time, sk.MemoryKiB, sk.Threads, aesKeySize)
	block, err := aes.NewCipher(k)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan sandi AES: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("menyiapkan AES-GCM: %w", err)
	}
	return aead, nil
}
