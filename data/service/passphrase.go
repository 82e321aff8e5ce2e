package service

import (
	"crypto"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"kinerja/data/store"
	"kinerja/export/sign"
)

// MinPassphraseLength is the shortest passphrase accepted for a new sealed
// key, the office root's or a signer's (in characters). Whoever copies the
// data file can try passphrases offline as fast as argon2id allows, so
// length is what protects the key (see README, "Kunci penanda tangan").
const MinPassphraseLength = 10

// ErrShortPassphrase refuses a new passphrase below MinPassphraseLength.
var ErrShortPassphrase = fmt.Errorf("frasa sandi minimal %d karakter", MinPassphraseLength)

// ErrWeakPassphrase refuses a passphrase that is long enough but guessed at
// once: one character repeated, a run of digits, the NIP.
var ErrWeakPassphrase = errors.New("frasa sandi terlalu mudah ditebak")

// CheckPassphrase judges a new passphrase for a key of the holder with nip
// ("" for the office root): at least MinPassphraseLength characters, not one
// character repeated, not a run of consecutive digits (1234567890,
// 9876543210), and not containing the NIP. Both front ends call it before
// asking twice.
func CheckPassphrase(p, nip string) error {
	if utf8.RuneCountInString(p) < MinPassphraseLength {
		return ErrShortPassphrase
	}
	runes := []rune(p)
	same := true
	for _, r := range runes[1:] {
		if r != runes[0] {
			same = false
			break
		}
	}
	if same {
		return fmt.Errorf("%w: satu karakter yang diulang", ErrWeakPassphrase)
	}
	if digitRun(runes) {
		return fmt.Errorf("%w: deretan angka berurutan", ErrWeakPassphrase)
	}
	nip = strings.Join(strings.Fields(nip), "")
	if nip != "" && strings.Contains(strings.Join(strings.Fields(p), ""), nip) {
		return fmt.Errorf("%w: memuat NIP", ErrWeakPassphrase)
	}
	return nil
}

// digitRun reports whether runes are all digits, each one more (or each one
// less) than the one before, wrapping 9 to 0.
func digitRun(runes []rune) bool {
	for _, r := range runes {
		if r > unicode.MaxASCII || !unicode.IsDigit(r) {
			return false
		}
	}
	for _, step := range []int{1, 9} {
		run := true
		for i := 1; i < len(runes); i++ {
			if (int(runes[i]-'0')-int(runes[i-1]-'0')+10)%10 != step {
				run = false
				break
			}
		}
		if run {
			return true
		}
	}
	return false
}

// PassphraseDelay is the wait after the n-th wrong passphrase in a row for
// one key: none after the first, then 1 s, 2 s, 4 s … at most 30 s.
func PassphraseDelay(n int) time.Duration {
	if n <= 1 {
		return 0
	}
	if n > 7 {
		return 30 * time.Second
	}
	d := time.Second << (n - 2)
	return min(d, 30*time.Second)
}

// SetSleep replaces the sleeper used for the delay after a wrong passphrase
// (tests record the delays instead of waiting).
func (svc *Service) SetSleep(sleep func(time.Duration)) { svc.sleep = sleep }

// openSealed unseals a stored key for subject ("root", "signer/12"), named
// label in the audit. A wrong passphrase is counted in the audit ("frasa
// sandi salah untuk …") and answered after PassphraseDelay of the run so
// far; a right one ends the run. On a read-only file the run is counted in
// memory only.
func (svc *Service) openSealed(subject, label string, raw json.RawMessage, passphrase string) (crypto.Signer, error) {
	key, err := openJSON(raw, passphrase)
	if err == nil {
		svc.mu.Lock()
		delete(svc.failures, subject)
		svc.mu.Unlock()
		if !svc.st.ReadOnly() {
			_ = svc.st.ClearPassphraseFailures(subject, label)
		}
		return key, nil
	}
	if !errors.Is(err, sign.ErrWrongPassphrase) {
		return nil, err
	}
	n := 0
	if !svc.st.ReadOnly() {
		if f, rerr := svc.st.RecordPassphraseFailure(subject, label); rerr == nil {
			n = f.Count
		}
	}
	svc.mu.Lock()
	if n == 0 {
		svc.failures[subject]++
		n = svc.failures[subject]
	}
	svc.mu.Unlock()
	if d := PassphraseDelay(n); d > 0 {
		svc.sleep(d)
	}
	return nil, err
}

// PassphraseFailures returns how many wrong passphrases in a row were given
// for the office root (staffID 0) or for the active signer of staffID.
func (svc *Service) PassphraseFailures(staffID uint64) (int, error) {
	subject := "root"
	if staffID != 0 {
		s, err := svc.st.ActiveSigner(staffID)
		if err != nil {
			return 0, err
		}
		subject = signerSubject(s)
	}
	f, err := svc.st.PassphraseFailures(subject)
	return f.Count, err
}

func signerSubject(s store.Signer) string { return fmt.Sprintf("signer/%d", s.ID) }
