package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"kinerja/data"
)

// Signing identities:
//
//	meta/signing_root   the office root ("sertifikat induk kantor"): certificate
//	                    and its private key sealed under the office passphrase
//	signers             id → Signer (certificate, chain, sealed key)
//	trusted_roots       hex SHA-256 of the certificate → TrustedRoot
//
// Private keys are stored only sealed (argon2id + AES-GCM, package
// export/sign); the store keeps the sealed key as the JSON it was given and
// never sees a passphrase.
const (
	metaSigningRoot    = "signing_root"
	bucketSigners      = "signers"
	bucketTrustedRoots = "trusted_roots"
)

// SignerKind says where a signer's certificate comes from.
type SignerKind string

// The two signer kinds.
const (
	SignerOffice   SignerKind = "office"   // issued by this office's root
	SignerImported SignerKind = "imported" // imported from a PKCS#12 file of another CA
)

// Label returns the kind in Indonesian.
func (k SignerKind) Label() string {
	switch k {
	case SignerOffice:
		return "sertifikat kantor"
	case SignerImported:
		return "sertifikat impor (PKCS#12)"
	}
	return "tidak dikenal"
}

func (k SignerKind) valid() bool { return k == SignerOffice || k == SignerImported }

// OfficeRoot is the office's root certificate with its private key sealed
// under the office passphrase (chosen once, when the root is created; needed
// again only to issue a signer).
type OfficeRoot struct {
	CertDER   []byte          `json:"cert_der"`
	SealedKey json.RawMessage `json:"sealed_key"`
	CreatedAt time.Time       `json:"created_at"`
}

// Signer is one signing identity of a staff member. A staff member may hold
// several over time; creating a new one marks the older ones Revoked, which
// only means they sign nothing more: documents they signed stay valid.
type Signer struct {
	ID        uint64          `json:"id"`
	StaffID   uint64          `json:"staff_id"`
	Kind      SignerKind      `json:"kind"`
	CertDER   []byte          `json:"cert_der"`
	Chain     [][]byte        `json:"chain,omitempty"` // issuers, nearest first, ending at the root
	SealedKey json.RawMessage `json:"sealed_key"`
	CreatedAt time.Time       `json:"created_at"`
	Revoked   bool            `json:"revoked,omitempty"`
}

// TrustedRoot is a root certificate this office trusts besides its own: the
// root of another office or of the kabupaten, or the CA of an imported signer.
type TrustedRoot struct {
	CertDER []byte    `json:"cert_der"`
	Name    string    `json:"name"`
	AddedAt time.Time `json:"added_at"`
}

// ErrRootExists refuses a second office root: it is created once, since every
// signer certificate and every signed document hangs on it.
var ErrRootExists = errors.New("sertifikat induk kantor sudah ada; sertifikat induk hanya dibuat sekali")

// ErrNoRoot is returned while the office root has not been created.
var ErrNoRoot = errors.New("sertifikat induk kantor belum dibuat (jalankan \"kinerja signer create\" atau buat di layar Dokumen)")

// OfficeRoot returns the office root; found is false before it is created.
func (s *Store) OfficeRoot() (root OfficeRoot, found bool, err error) {
	err = s.view(func(r reader) error {
		found, err = r.get(bucketMeta, []byte(metaSigningRoot), &root)
		return err
	})
	return root, found, err
}

// CreateOfficeRoot stores the office root, refusing with ErrRootExists when
// one is already stored.
func (s *Store) CreateOfficeRoot(root OfficeRoot) error {
	if len(root.CertDER) == 0 || len(root.SealedKey) == 0 {
		return errors.New("sertifikat induk kantor tidak lengkap")
	}
	return s.update("buat sertifikat induk kantor", func(c *change) error {
		old, err := c.raw(bucketMeta, []byte(metaSigningRoot))
		if err != nil {
			return err
		}
		if old != nil {
			return ErrRootExists
		}
		return c.put(bucketMeta, []byte(metaSigningRoot), root)
	})
}

// AddSigner stores a new signer for sig.StaffID (an existing staff member,
// data.ErrNotFound otherwise) and marks that staff member's earlier signers
// Revoked. It returns the signer with its new id.
func (s *Store) AddSigner(sig Signer) (Signer, error) {
	if !sig.Kind.valid() || len(sig.CertDER) == 0 || len(sig.SealedKey) == 0 {
		return Signer{}, errors.New("data penanda tangan tidak lengkap")
	}
	err := s.update("tambah penanda tangan", func(c *change) error {
		if _, err := staffByID(c.reader, sig.StaffID); err != nil {
			return err
		}
		var older []Signer
		err := c.each(bucketSigners, func(k, v []byte) error {
			var o Signer
			if err := json.Unmarshal(v, &o); err != nil {
				return fmt.Errorf("membaca penanda tangan %s: %w", keyLabel(k), err)
			}
			if o.StaffID == sig.StaffID && !o.Revoked {
				older = append(older, o)
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, o := range older {
			o.Revoked = true
			if err := c.put(bucketSigners, idKey(o.ID), o); err != nil {
				return err
			}
		}
		id, err := c.nextID(bucketSigners)
		if err != nil {
			return err
		}
		sig.ID = id
		return c.put(bucketSigners, idKey(id), sig)
	})
	if err != nil {
		return Signer{}, err
	}
	return sig, nil
}

// Signers returns every signer, revoked ones included, by id.
func (s *Store) Signers() ([]Signer, error) {
	var out []Signer
	err := s.view(func(r reader) error {
		return r.each(bucketSigners, func(k, v []byte) error {
			var o Signer
			if err := json.Unmarshal(v, &o); err != nil {
				return fmt.Errorf("membaca penanda tangan %s: %w", keyLabel(k), err)
			}
			out = append(out, o)
			return nil
		})
	})
	return out, err
}

// ActiveSigner returns the signer a staff member signs with now (the newest
// not revoked); the error wraps data.ErrNotFound when there is none.
func (s *Store) ActiveSigner(staffID uint64) (Signer, error) {
	all, err := s.Signers()
	if err != nil {
		return Signer{}, err
	}
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].StaffID == staffID && !all[i].Revoked {
			return all[i], nil
		}
	}
	return Signer{}, fmt.Errorf("pegawai %d belum memiliki penanda tangan elektronik: %w", staffID, data.ErrNotFound)
}

// TrustRoot adds a root certificate to the trusted roots; adding one already
// trusted changes nothing.
func (s *Store) TrustRoot(t TrustedRoot) error {
	if len(t.CertDER) == 0 {
		return errors.New("sertifikat induk kosong")
	}
	sum := sha256.Sum256(t.CertDER)
	key := []byte(hex.EncodeToString(sum[:]))
	return s.update("percayai sertifikat induk "+t.Name, func(c *change) error {
		old, err := c.raw(bucketTrustedRoots, key)
		if err != nil || old != nil {
			return err
		}
		return c.put(bucketTrustedRoots, key, t)
	})
}

// TrustedRoots returns the trusted roots besides the office's own.
func (s *Store) TrustedRoots() ([]TrustedRoot, error) {
	var out []TrustedRoot
	err := s.view(func(r reader) error {
		return r.each(bucketTrustedRoots, func(k, v []byte) error {
			var t TrustedRoot
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("membaca sertifikat induk %s: %w", keyLabel(k), err)
			}
			out = append(out, t)
			return nil
		})
	})
	return out, err
}
