package store

import (
	"time"
)

// Wrong passphrases:
//
//	passphrase_failures  subject ("root", "signer/12") → PassphraseFailures
//
// Each wrong passphrase is an audited write ("frasa sandi salah …"), so the
// audit trail counts them; the record carries the run of failures since the
// last success, from which the service derives its growing delay.
const bucketPassFailures = "passphrase_failures"

// PassphraseFailures is the run of wrong passphrases for one sealed key
// since the last right one.
type PassphraseFailures struct {
	Subject string    `json:"subject"`
	Count   int       `json:"count"`
	LastAt  time.Time `json:"last_at,omitzero"`
}

// PassphraseFailures returns the current run of failures of subject.
func (s *Store) PassphraseFailures(subject string) (PassphraseFailures, error) {
	f := PassphraseFailures{Subject: subject}
	err := s.view(func(r reader) error {
		_, err := r.get(bucketPassFailures, []byte(subject), &f)
		return err
	})
	return f, err
}

// RecordPassphraseFailure counts one wrong passphrase for subject, audited
// as "frasa sandi salah untuk <label>", and returns the run so far.
func (s *Store) RecordPassphraseFailure(subject, label string) (PassphraseFailures, error) {
	var f PassphraseFailures
	err := s.update("frasa sandi salah untuk "+label, func(c *change) error {
		f = PassphraseFailures{Subject: subject}
		if _, err := c.get(bucketPassFailures, []byte(subject), &f); err != nil {
			return err
		}
		f.Count++
		f.LastAt = c.now
		return c.put(bucketPassFailures, []byte(subject), f)
	})
	return f, err
}

// ClearPassphraseFailures ends the run of failures of subject after a right
// passphrase (nothing is written when there was none).
func (s *Store) ClearPassphraseFailures(subject, label string) error {
	f, err := s.PassphraseFailures(subject)
	if err != nil || f.Count == 0 {
		return err
	}
	return s.update("frasa sandi benar untuk "+label, func(c *change) error {
		return c.put(bucketPassFailures, []byte(subject), PassphraseFailures{Subject: subject})
	})
}
