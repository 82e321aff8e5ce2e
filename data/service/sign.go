package service

import (
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/sign"
)

// RootInfo describes a root certificate for the Dokumen screen and the CLI.
type RootInfo struct {
	Name      string // common name, "Sertifikat Induk Kantor Kecamatan Soreang"
	NotBefore time.Time
	NotAfter  time.Time
	SHA256    string // fingerprint of the DER certificate, hex, for comparing by phone
	// Fingerprint is the short fingerprint shown in verdicts ("BA78 16BF 8F01 CFEA").
	Fingerprint string
}

// SignerInfo describes one signer for the Dokumen screen and the CLI.
type SignerInfo struct {
	ID        uint64
	StaffID   uint64
	Name      string // the certificate's common name
	NIP       string // the certificate's serial number (the NIP of an office signer)
	Kind      store.SignerKind
	Issuer    string // common name of the issuing certificate
	NotBefore time.Time
	NotAfter  time.Time
	CreatedAt time.Time
	Revoked   bool // replaced by a newer signer or revoked; signs nothing more
	// ReplacedAt is when a newer signer replaced this one; RevokedAt when
	// its key was declared lost or leaked (RevokeSigner), with the reason.
	ReplacedAt, RevokedAt time.Time
	RevokeReason          string
	// RootName and RootSHA256 name the top of an imported signer's chain,
	// which must be trusted (TrustRoot) before its documents verify as valid.
	RootName   string
	RootSHA256 string
	RootCER    []byte
}

func fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}

func rootInfo(der []byte) (RootInfo, error) {
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return RootInfo{}, fmt.Errorf("sertifikat induk tidak dapat dibaca: %w", err)
	}
	return RootInfo{Name: c.Subject.CommonName, NotBefore: c.NotBefore, NotAfter: c.NotAfter, SHA256: fingerprint(der),
		Fingerprint: sign.ShortFingerprint(der)}, nil
}

// CreateOfficeRoot creates the office root ("sertifikat induk kantor") once,
// named after the kecamatan of the office identity, with its key sealed
// under passphrase (the office passphrase, asked again only to issue a
// signer). Refusals: no office identity yet, a passphrase shorter than
// MinPassphraseLength, a root already created (store.ErrRootExists).
func (svc *Service) CreateOfficeRoot(passphrase string) (RootInfo, error) {
	if err := CheckPassphrase(passphrase, ""); err != nil {
		return RootInfo{}, err
	}
	if _, found, err := svc.st.OfficeRoot(); err != nil {
		return RootInfo{}, err
	} else if found {
		return RootInfo{}, store.ErrRootExists
	}
	office, err := svc.st.Office()
	if err != nil {
		return RootInfo{}, err
	}
	if !office.IsSet() {
		return RootInfo{}, errors.New("isi dulu identitas kantor (kecamatan dan kabupaten) sebelum membuat sertifikat induk")
	}
	now := time.Now()
	root, err := sign.NewOfficeRoot(office.Kecamatan, now)
	if err != nil {
		return RootInfo{}, err
	}
	sealed, err := svc.sealJSON(root, passphrase)
	if err != nil {
		return RootInfo{}, err
	}
	if err := svc.st.CreateOfficeRoot(store.OfficeRoot{CertDER: root.CertDER, SealedKey: sealed, CreatedAt: now}); err != nil {
		return RootInfo{}, err
	}
	if err := svc.saveRevocationList(root); err != nil {
		return RootInfo{}, err
	}
	return rootInfo(root.CertDER)
}

// OfficeRootInfo describes the office root; found is false before it exists.
func (svc *Service) OfficeRootInfo() (RootInfo, bool, error) {
	r, found, err := svc.st.OfficeRoot()
	if err != nil || !found {
		return RootInfo{}, found, err
	}
	info, err := rootInfo(r.CertDER)
	return info, true, err
}

// sealJSON seals a new key at the service's key cost (Options.KeyCost).
func (svc *Service) sealJSON(id sign.Identity, passphrase string) (json.RawMessage, error) {
	sk, err := sign.SealKeyCost(id.Key, passphrase, svc.keyCost)
	if err != nil {
		return nil, fmt.Errorf("mengunci kunci privat: %w", err)
	}
	raw, err := json.Marshal(sk)
	if err != nil {
		return nil, fmt.Errorf("menyusun kunci tersegel: %w", err)
	}
	return raw, nil
}

// openJSON unseals a stored key; a wrong passphrase gives sign.ErrWrongPassphrase.
func openJSON(raw json.RawMessage, passphrase string) (crypto.Signer, error) {
	var sk sign.SealedKey
	if err := json.Unmarshal(raw, &sk); err != nil {
		return nil, fmt.Errorf("kunci tersegel tidak terbaca: %w", err)
	}
	return sign.OpenKey(sk, passphrase)
}

// CreateSigner issues staffID a signing certificate from the office root,
// unlocked with rootPassphrase, and stores its key sealed under
// signerPassphrase, the signer's own; the staff member's earlier signers stop
// signing. Refusals: no office root (store.ErrNoRoot), a wrong office
// passphrase (sign.ErrWrongPassphrase), a short signer passphrase, a staff
// member without an 18-digit NIP.
func (svc *Service) CreateSigner(staffID uint64, rootPassphrase, signerPassphrase string) (SignerInfo, error) {
	if err := svc.checkSignerPassphrase(staffID, signerPassphrase); err != nil {
		return SignerInfo{}, err
	}
	root, err := svc.unlockRoot(rootPassphrase)
	if err != nil {
		return SignerInfo{}, err
	}
	u, err := svc.issueSigner(root, staffID, signerPassphrase)
	if err != nil {
		return SignerInfo{}, err
	}
	return signerInfo(u.Signer)
}

// CreateSigners is CreateSigner for several staff members with one
// unlocking of the office root, all under the same signer passphrase (the
// demo's). It returns the new signers already unlocked, for signing a batch.
func (svc *Service) CreateSigners(staffIDs []uint64, rootPassphrase, signerPassphrase string) ([]*UnlockedSigner, error) {
	for _, id := range staffIDs {
		if err := svc.checkSignerPassphrase(id, signerPassphrase); err != nil {
			return nil, err
		}
	}
	root, err := svc.unlockRoot(rootPassphrase)
	if err != nil {
		return nil, err
	}
	out := make([]*UnlockedSigner, 0, len(staffIDs))
	for _, id := range staffIDs {
		u, err := svc.issueSigner(root, id, signerPassphrase)
		if err != nil {
			return out, err
		}
		out = append(out, u)
	}
	return out, nil
}

// unlockRoot opens the office root's key.
func (svc *Service) unlockRoot(passphrase string) (sign.Identity, error) {
	r, found, err := svc.st.OfficeRoot()
	if err != nil {
		return sign.Identity{}, err
	}
	if !found {
		return sign.Identity{}, store.ErrNoRoot
	}
	key, err := svc.openSealed("root", "sertifikat induk kantor", r.SealedKey, passphrase)
	if err != nil {
		return sign.Identity{}, fmt.Errorf("sertifikat induk kantor: %w", err)
	}
	return sign.Identity{CertDER: r.CertDER, Key: key}, nil
}

// issueSigner issues and stores a signer with an unlocked root and returns
// it unlocked.
func (svc *Service) issueSigner(root sign.Identity, staffID uint64, passphrase string) (*UnlockedSigner, error) {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return nil, err
	}
	id, err := sign.IssueSigner(root, s.DisplayName(), s.NIP, s.Current().Position, time.Now())
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.DisplayName(), err)
	}
	sealed, err := svc.sealJSON(id, passphrase)
	if err != nil {
		return nil, err
	}
	number, err := svc.nextRevocationNumber()
	if err != nil {
		return nil, err
	}
	saved, err := svc.st.AddSignerListed(store.Signer{StaffID: staffID, Kind: store.SignerOffice, CertDER: id.CertDER,
		Chain: id.Chain, SealedKey: sealed, CreatedAt: time.Now()}, revocationListOf(root, number))
	if err != nil {
		return nil, err
	}
	return unlocked(saved, id.Key)
}

// ImportSigner stores for staffID the identity of a PKCS#12 file (.p12/.pfx)
// opened with pfxPassword, its key sealed under signerPassphrase. The CA at
// the top of the file's chain is not trusted by this: show RootName and
// RootSHA256 to the user and call TrustRoot with RootCER once they confirm.
// Refusals: a wrong file password (sign.ErrWrongPassphrase), an unreadable
// file, a short signer passphrase, an unknown staff member.
func (svc *Service) ImportSigner(staffID uint64, pfx []byte, pfxPassword, signerPassphrase string) (SignerInfo, error) {
	if err := svc.checkSignerPassphrase(staffID, signerPassphrase); err != nil {
		return SignerInfo{}, err
	}
	id, err := sign.ImportPKCS12(pfx, pfxPassword)
	if err != nil {
		return SignerInfo{}, err
	}
	sealed, err := svc.sealJSON(id, signerPassphrase)
	if err != nil {
		return SignerInfo{}, err
	}
	saved, err := svc.st.AddSigner(store.Signer{StaffID: staffID, Kind: store.SignerImported, CertDER: id.CertDER,
		Chain: id.Chain, SealedKey: sealed, CreatedAt: time.Now()})
	if err != nil {
		return SignerInfo{}, err
	}
	return signerInfo(saved)
}

func signerInfo(s store.Signer) (SignerInfo, error) {
	c, err := x509.ParseCertificate(s.CertDER)
	if err != nil {
		return SignerInfo{}, fmt.Errorf("sertifikat penanda tangan %d tidak dapat dibaca: %w", s.ID, err)
	}
	info := SignerInfo{ID: s.ID, StaffID: s.StaffID, Name: c.Subject.CommonName, NIP: c.Subject.SerialNumber,
		Kind: s.Kind, Issuer: c.Issuer.CommonName, NotBefore: c.NotBefore, NotAfter: c.NotAfter,
		CreatedAt: s.CreatedAt, Revoked: s.Revoked, ReplacedAt: s.ReplacedAt, RevokedAt: s.RevokedAt, RevokeReason: s.RevokeReason}
	if n := len(s.Chain); n > 0 {
		top := s.Chain[n-1]
		if rc, err := x509.ParseCertificate(top); err == nil {
			info.RootName, info.RootSHA256, info.RootCER = rc.Subject.CommonName, fingerprint(top), top
		}
	}
	return info, nil
}

// Signers returns every signer, revoked ones included, by id.
func (svc *Service) Signers() ([]SignerInfo, error) {
	all, err := svc.st.Signers()
	if err != nil {
		return nil, err
	}
	out := make([]SignerInfo, 0, len(all))
	for _, s := range all {
		info, err := signerInfo(s)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

// ExportRoot returns the office root certificate as DER (.cer), for another
// office or the kabupaten to trust (TrustRoot on their copy), or for a PDF
// viewer's list of trusted certificates (Adobe Acrobat Reader: Preferensi ▸
// Tanda Tangan ▸ Identitas & Sertifikat Tepercaya ▸ Sertifikat Tepercaya ▸
// Impor, then tick "Use this certificate as a trusted root"; a viewer that
// uses the Windows store: open the .cer, Install Certificate, Trusted Root
// Certification Authorities). Compare the SHA-256 fingerprint by phone first.
func (svc *Service) ExportRoot() ([]byte, error) {
	r, found, err := svc.st.OfficeRoot()
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, store.ErrNoRoot
	}
	return sign.RootCER(sign.Identity{CertDER: r.CertDER})
}

// UnlockedSigner is a signer whose key is open in memory, to sign a batch of
// documents after one passphrase check (argon2id is slow on purpose).
type UnlockedSigner struct {
	Signer   store.Signer
	Identity sign.Identity
	Name     string // the signer's name as printed
	Issuer   string // common name of the issuing certificate, printed in the box
}

// UnlockSigner opens the key of the signer staffID signs with now. Refusals:
// no signer for staffID (data.ErrNotFound), a wrong passphrase
// (sign.ErrWrongPassphrase).
func (svc *Service) UnlockSigner(staffID uint64, passphrase string) (*UnlockedSigner, error) {
	s, err := svc.st.ActiveSigner(staffID)
	if err != nil {
		return nil, err
	}
	label := fmt.Sprintf("penanda tangan %d", s.ID)
	if c, err := x509.ParseCertificate(s.CertDER); err == nil {
		label = "penanda tangan " + c.Subject.CommonName + " (NIP " + c.Subject.SerialNumber + ")"
	}
	key, err := svc.openSealed(signerSubject(s), label, s.SealedKey, passphrase)
	if err != nil {
		return nil, err
	}
	return unlocked(s, key)
}

func unlocked(s store.Signer, key crypto.Signer) (*UnlockedSigner, error) {
	c, err := x509.ParseCertificate(s.CertDER)
	if err != nil {
		return nil, fmt.Errorf("sertifikat penanda tangan tidak dapat dibaca: %w", err)
	}
	return &UnlockedSigner{Signer: s, Identity: sign.Identity{CertDER: s.CertDER, Chain: s.Chain, Key: key},
		Name: c.Subject.CommonName, Issuer: strings.TrimSpace(c.Issuer.CommonName)}, nil
}

// HasSigner reports whether staffID holds a signer that can sign now.
func (svc *Service) HasSigner(staffID uint64) (bool, error) {
	_, err := svc.st.ActiveSigner(staffID)
	if errors.Is(err, data.ErrNotFound) {
		return false, nil
	}
	return err == nil, err
}

// checkSignerPassphrase judges a new passphrase for staffID's key
// (CheckPassphrase with the staff member's NIP); an unknown staff member is
// refused.
func (svc *Service) checkSignerPassphrase(staffID uint64, p string) error {
	s, err := svc.st.StaffByID(staffID)
	if err != nil {
		return err
	}
	return CheckPassphrase(p, s.NIP)
}
