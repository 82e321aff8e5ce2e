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
//	meta/revocation_list the office's signed list of replaced and revoked
//	                    signer certificates (an X.509 CRL)
//
// Private keys are stored only sealed (argon2id + AES-GCM, package
// export/sign); the store keeps the sealed key as the JSON it was given and
// never sees a passphrase.
const (
	metaSigningRoot    = "signing_root"
	bucketSigners      = "signers"
	bucketTrustedRoots = "trusted_roots"
	metaRevocationList = "revocation_list"
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
// several over time; creating a new one marks the older ones Revoked with
// ReplacedAt (they sign nothing more; documents they signed and that are in
// the register stay valid). RevokeSigners marks a lost or leaked key with
// RevokedAt and the reason.
type Signer struct {
	ID           uint64          `json:"id"`
	StaffID      uint64          `json:"staff_id"`
	Kind         SignerKind      `json:"kind"`
	CertDER      []byte          `json:"cert_der"`
	Chain        [][]byte        `json:"chain,omitempty"` // issuers, nearest first, ending at the root
	SealedKey    json.RawMessage `json:"sealed_key"`
	CreatedAt    time.Time       `json:"created_at"`
	Revoked      bool            `json:"revoked,omitempty"` // signs nothing more (replaced or revoked)
	ReplacedAt   time.Time       `json:"replaced_at,omitzero"`
	RevokedAt    time.Time       `json:"revoked_at,omitzero"` // the key was declared lost or leaked
	RevokeReason string          `json:"revoke_reason,omitempty"`
}

// TrustedRoot is a root certificate this office trusts besides its own: the
// root of another office or of the kabupaten, or the CA of an imported signer.
// OfficeSignature is the office root's signature over the certificate, made
// when the admin trusted it with the office passphrase: a record without a
// valid one (slipped into the file behind the app's back) is not trusted.
// A removed root keeps its record with RemovedAt (nothing is deleted).
type TrustedRoot struct {
	CertDER         []byte    `json:"cert_der"`
	Name            string    `json:"name"`
	AddedAt         time.Time `json:"added_at"`
	AddedBy         string    `json:"added_by,omitempty"`
	OfficeSignature []byte    `json:"office_signature,omitempty"`
	RevocationList  []byte    `json:"revocation_list,omitempty"` // the latest CRL signed by this root
	RemovedAt       time.Time `json:"removed_at,omitzero"`
	RemovedBy       string    `json:"removed_by,omitempty"`
	RemoveReason    string    `json:"remove_reason,omitempty"`
}

// Removed reports whether the root was untrusted.
func (t TrustedRoot) Removed() bool { return !t.RemovedAt.IsZero() }

// RevocationList is the office's latest signed list of replaced and revoked
// signer certificates (DER X.509 CRL), exported beside the root certificate.
type RevocationList struct {
	DER       []byte    `json:"der"`
	Number    int64     `json:"number"`
	UpdatedAt time.Time `json:"updated_at"`
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
func (s *Store) AddSigner(sig Signer) (Signer, error) { return s.AddSignerListed(sig, nil) }

// AddSignerListed is AddSigner that also stores the office's new revocation
// list, made by list (when not nil) from every signer as it is after the
// change, in the same transaction: the replaced signers enter the list.
func (s *Store) AddSignerListed(sig Signer, list func(all []Signer, now time.Time) (RevocationList, error)) (Signer, error) {
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
			o.Revoked, o.ReplacedAt = true, c.now
			if err := c.put(bucketSigners, idKey(o.ID), o); err != nil {
				return err
			}
		}
		id, err := c.nextID(bucketSigners)
		if err != nil {
			return err
		}
		sig.ID = id
		if err := c.put(bucketSigners, idKey(id), sig); err != nil {
			return err
		}
		if list == nil {
			return nil
		}
		all, err := signersIn(c.reader)
		if err != nil {
			return err
		}
		rl, err := list(all, c.now)
		if err != nil {
			return err
		}
		return c.put(bucketMeta, []byte(metaRevocationList), rl)
	})
	if err != nil {
		return Signer{}, err
	}
	return sig, nil
}

// Signers returns every signer, revoked ones included, by id.
func (s *Store) Signers() ([]Signer, error) {
	var out []Signer
	err := s.view(func(r reader) (err error) {
		out, err = signersIn(r)
		return err
	})
	return out, err
}

func signersIn(r reader) ([]Signer, error) {
	var out []Signer
	err := r.each(bucketSigners, func(k, v []byte) error {
		var o Signer
		if err := json.Unmarshal(v, &o); err != nil {
			return fmt.Errorf("membaca penanda tangan %s: %w", keyLabel(k), err)
		}
		out = append(out, o)
		return nil
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

// RootKey is the key of a trusted root: the hex SHA-256 of its certificate.
func RootKey(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

// TrustRoot adds a root certificate to the trusted roots; adding one already
// trusted changes nothing, adding a removed one trusts it again.
func (s *Store) TrustRoot(t TrustedRoot) error {
	if len(t.CertDER) == 0 {
		return errors.New("sertifikat induk kosong")
	}
	key := []byte(RootKey(t.CertDER))
	return s.update("percayai sertifikat induk "+t.Name, func(c *change) error {
		var old TrustedRoot
		found, err := c.get(bucketTrustedRoots, key, &old)
		if err != nil || (found && !old.Removed()) {
			return err
		}
		return c.put(bucketTrustedRoots, key, t)
	})
}

// UntrustRoot stops trusting the root whose key (RootKey) is given, keeping
// its record with who removed it, when and why. Unknown or already removed:
// data.ErrNotFound.
func (s *Store) UntrustRoot(key, by, reason string) (TrustedRoot, error) {
	var t TrustedRoot
	err := s.update("hentikan kepercayaan sertifikat induk", func(c *change) error {
		found, err := c.get(bucketTrustedRoots, []byte(key), &t)
		if err != nil {
			return err
		}
		if !found || t.Removed() {
			return fmt.Errorf("sertifikat induk yang dipercaya %s: %w", key, data.ErrNotFound)
		}
		t.RemovedAt, t.RemovedBy, t.RemoveReason = c.now, by, reason
		return c.put(bucketTrustedRoots, []byte(key), t)
	})
	return t, err
}

// SetRootRevocations stores the latest revocation list of a trusted root
// (already checked against the root by the caller).
func (s *Store) SetRootRevocations(key string, crl []byte) error {
	return s.update("simpan daftar pencabutan sertifikat induk", func(c *change) error {
		var t TrustedRoot
		found, err := c.get(bucketTrustedRoots, []byte(key), &t)
		if err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("sertifikat induk yang dipercaya %s: %w", key, data.ErrNotFound)
		}
		t.RevocationList = crl
		return c.put(bucketTrustedRoots, []byte(key), t)
	})
}

// RevokeSigners marks every signer of staffID not yet revoked as revoked
// now (a lost or leaked key) with reason, and stores the office's new
// revocation list made by list from the signers as they are after the
// change, in the same transaction. It returns the signers revoked;
// data.ErrNotFound when staffID holds none to revoke.
func (s *Store) RevokeSigners(staffID uint64, reason string, list func(all []Signer, now time.Time) (RevocationList, error)) ([]Signer, error) {
	var revoked []Signer
	err := s.update("cabut penanda tangan (kunci hilang/bocor)", func(c *change) error {
		all, err := signersIn(c.reader)
		if err != nil {
			return err
		}
		for i, o := range all {
			if o.StaffID != staffID || !o.RevokedAt.IsZero() {
				continue
			}
			o.Revoked, o.RevokedAt, o.RevokeReason = true, c.now, reason
			all[i] = o
			if err := c.put(bucketSigners, idKey(o.ID), o); err != nil {
				return err
			}
			revoked = append(revoked, o)
		}
		if len(revoked) == 0 {
			return fmt.Errorf("pegawai %d tidak memiliki penanda tangan yang dapat dicabut: %w", staffID, data.ErrNotFound)
		}
		rl, err := list(all, c.now)
		if err != nil {
			return err
		}
		return c.put(bucketMeta, []byte(metaRevocationList), rl)
	})
	return revoked, err
}

// SaveRevocationList stores the office's signed revocation list.
func (s *Store) SaveRevocationList(rl RevocationList) error {
	if len(rl.DER) == 0 {
		return errors.New("daftar pencabutan kosong")
	}
	return s.update("perbarui daftar pencabutan sertifikat", func(c *change) error {
		return c.put(bucketMeta, []byte(metaRevocationList), rl)
	})
}

// OfficeRevocationList returns the office's signed revocation list; found
// is false before the first one.
func (s *Store) OfficeRevocationList() (rl RevocationList, found bool, err error) {
	err = s.view(func(r reader) error {
		found, err = r.get(bucketMeta, []byte(metaRevocationList), &rl)
		return err
	})
	return rl, found, err
}

// TrustedRoots returns the trusted roots besides the office's own, removed
// ones included (see TrustedRoot.Removed).
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
