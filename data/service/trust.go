package service

import (
	"crypto/x509"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/sign"
)

// ErrTrustNeedsPassphrase is returned by TrustRoot: trusting a root is
// signed by the office root, so it needs the office passphrase
// (TrustRootWith).
var ErrTrustNeedsPassphrase = errors.New("mempercayai sertifikat induk lain memerlukan frasa sandi sertifikat induk kantor ini")

// ErrSameNameRoot refuses a root named like this office's own root but with
// another key: documents signed under it would read like ours.
var ErrSameNameRoot = errors.New("sertifikat induk ini memakai nama yang sama dengan sertifikat induk kantor ini tetapi kuncinya lain; ditolak agar tidak dapat menyamar sebagai kantor ini")

// ErrOwnRoot refuses trusting the office's own root: it is trusted already.
var ErrOwnRoot = errors.New("ini sertifikat induk kantor ini sendiri; tidak perlu dipercayai lagi")

// TrustedRootInfo is one trusted root for the Penanda tangan screen and
// "signer list": who trusted it and when, and whether the office root's
// signature over it still holds (Problem says why not).
type TrustedRootInfo struct {
	RootInfo
	Key       string // hex SHA-256 of the certificate, for UntrustRoot
	TrustedAt time.Time
	TrustedBy string
	Problem   string // non-empty: not trusted (no valid office-root signature, unreadable)
	// Revocations is the number of the revocation list held for it, 0 when none.
	Revocations int64
}

// Trusted reports whether verification trusts this root.
func (t TrustedRootInfo) Trusted() bool { return t.Problem == "" }

// PreviewRoot reads a root certificate (.cer, DER or PEM) before trusting
// it: its name and fingerprints, for the user to compare by phone with the
// office that sent it. It refuses what TrustRootWith would refuse.
func (svc *Service) PreviewRoot(cer []byte) (RootInfo, error) {
	c, err := sign.ParseRoot(cer)
	if err != nil {
		return RootInfo{}, err
	}
	if err := svc.checkNewTrust(c); err != nil {
		return RootInfo{}, err
	}
	return rootInfo(c.Raw)
}

func (svc *Service) checkNewTrust(c *x509.Certificate) error {
	own, found, err := svc.st.OfficeRoot()
	if err != nil {
		return err
	}
	if !found {
		return store.ErrNoRoot
	}
	if string(own.CertDER) == string(c.Raw) {
		return ErrOwnRoot
	}
	oc, err := x509.ParseCertificate(own.CertDER)
	if err != nil {
		return fmt.Errorf("sertifikat induk kantor tidak dapat dibaca: %w", err)
	}
	if strings.EqualFold(strings.TrimSpace(oc.Subject.CommonName), strings.TrimSpace(c.Subject.CommonName)) {
		return ErrSameNameRoot
	}
	return nil
}

// TrustRoot is kept for callers not yet asking for the office passphrase:
// it shows the root (as PreviewRoot) and refuses with
// ErrTrustNeedsPassphrase. Use TrustRootWith.
func (svc *Service) TrustRoot(cer []byte) (RootInfo, error) {
	info, err := svc.PreviewRoot(cer)
	if err != nil {
		return info, err
	}
	return info, ErrTrustNeedsPassphrase
}

// TrustRootWith trusts a root certificate (.cer as DER or PEM) exported by
// another office, the kabupaten, or the CA of an imported signer, so that
// documents they signed verify as "Sah, kantor lain yang dipercaya". The
// office root, unlocked with officePassphrase, signs the certificate; the
// audit records who trusted it. crl, when not nil, is that root's
// revocation list (ImportRevocationList). Refusals: not a self-signed CA
// certificate, no office root, this office's own root, a root named like
// this office's root with another key (ErrSameNameRoot), a wrong passphrase.
// Trusting one already trusted changes nothing.
func (svc *Service) TrustRootWith(cer, crl []byte, officePassphrase string) (RootInfo, error) {
	c, err := sign.ParseRoot(cer)
	if err != nil {
		return RootInfo{}, err
	}
	if err := svc.checkNewTrust(c); err != nil {
		return RootInfo{}, err
	}
	var rl []byte
	if len(crl) > 0 {
		if _, err := sign.ParseRevocationList(crl, c); err != nil {
			return RootInfo{}, err
		}
		rl = crl
	}
	root, err := svc.unlockRoot(officePassphrase)
	if err != nil {
		return RootInfo{}, err
	}
	endorsement, err := sign.EndorseRoot(root, c.Raw)
	if err != nil {
		return RootInfo{}, err
	}
	if err := svc.st.TrustRoot(store.TrustedRoot{CertDER: c.Raw, Name: c.Subject.CommonName, AddedAt: time.Now(),
		AddedBy: svc.st.Actor(), OfficeSignature: endorsement, RevocationList: rl}); err != nil {
		return RootInfo{}, err
	}
	return rootInfo(c.Raw)
}

// TrustedRoots lists the roots trusted besides the office's own (removed
// ones left out), each with who trusted it and when; a root whose office-root
// signature does not verify is listed with its Problem and is not trusted.
func (svc *Service) TrustedRoots() ([]TrustedRootInfo, error) {
	own, _, err := svc.st.OfficeRoot()
	if err != nil {
		return nil, err
	}
	all, err := svc.st.TrustedRoots()
	if err != nil {
		return nil, err
	}
	out := make([]TrustedRootInfo, 0, len(all))
	for _, t := range all {
		if t.Removed() {
			continue
		}
		out = append(out, trustedInfo(own.CertDER, t))
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].TrustedAt.Before(out[j].TrustedAt) })
	return out, nil
}

func trustedInfo(officeDER []byte, t store.TrustedRoot) TrustedRootInfo {
	info := TrustedRootInfo{Key: store.RootKey(t.CertDER), TrustedAt: t.AddedAt, TrustedBy: t.AddedBy}
	ri, err := rootInfo(t.CertDER)
	if err != nil {
		info.Name, info.Problem = t.Name, err.Error()
		return info
	}
	info.RootInfo = ri
	switch {
	case len(officeDER) == 0:
		info.Problem = "sertifikat induk kantor ini belum ada, jadi kepercayaan ini tidak dapat diperiksa"
	case !sign.CheckEndorsement(officeDER, t.CertDER, t.OfficeSignature):
		info.Problem = "tidak ditandatangani oleh sertifikat induk kantor ini (mungkin ditambahkan di luar aplikasi); TIDAK dipercaya"
	}
	if len(t.RevocationList) > 0 {
		if c, err := x509.ParseCertificate(t.CertDER); err == nil {
			if rl, err := sign.ParseRevocationList(t.RevocationList, c); err == nil {
				info.Revocations = rl.Number
			}
		}
	}
	return info
}

// UntrustRoot stops trusting a root, named by its key (TrustedRootInfo.Key)
// or its fingerprint (SHA-256 in hex, or its first 16 hex digits as shown,
// spaces allowed); the record stays with who removed it, when and why, and
// the audit records it. Unknown: data.ErrNotFound.
func (svc *Service) UntrustRoot(fingerprint, reason string) (TrustedRootInfo, error) {
	want := strings.ToLower(strings.Join(strings.Fields(fingerprint), ""))
	if len(want) < 16 {
		return TrustedRootInfo{}, fmt.Errorf("sidik jari %q terlalu pendek (paling sedikit 16 digit heksadesimal)", fingerprint)
	}
	all, err := svc.st.TrustedRoots()
	if err != nil {
		return TrustedRootInfo{}, err
	}
	key := ""
	for _, t := range all {
		k := store.RootKey(t.CertDER)
		if !t.Removed() && strings.HasPrefix(k, want) {
			if key != "" {
				return TrustedRootInfo{}, fmt.Errorf("sidik jari %q cocok dengan lebih dari satu sertifikat induk; tulis lebih lengkap", fingerprint)
			}
			key = k
		}
	}
	if key == "" {
		return TrustedRootInfo{}, fmt.Errorf("tidak ada sertifikat induk dipercaya dengan sidik jari %s: %w", fingerprint, data.ErrNotFound)
	}
	t, err := svc.st.UntrustRoot(key, svc.st.Actor(), strings.TrimSpace(reason))
	if err != nil {
		return TrustedRootInfo{}, err
	}
	own, _, _ := svc.st.OfficeRoot()
	return trustedInfo(own.CertDER, t), nil
}

// trustSet is what verification trusts: the office root and the endorsed
// trusted roots, with their revocation lists.
type trustSet struct {
	pool       *x509.CertPool
	ownKey     string                         // store.RootKey of the office root; "" without one
	others     map[string]string              // short fingerprint → name of a trusted other root
	lists      map[string]sign.RevocationList // short fingerprint → its revocation list
	ownSigners map[string]store.Signer        // certificate DER → signer of this file
}

// trust gathers the trust set of this data file.
func (svc *Service) trust() (trustSet, error) {
	ts := trustSet{pool: x509.NewCertPool(), others: map[string]string{}, lists: map[string]sign.RevocationList{},
		ownSigners: map[string]store.Signer{}}
	own, found, err := svc.st.OfficeRoot()
	if err != nil {
		return ts, err
	}
	if found {
		c, err := x509.ParseCertificate(own.CertDER)
		if err != nil {
			return ts, fmt.Errorf("sertifikat induk kantor tidak dapat dibaca: %w", err)
		}
		ts.pool.AddCert(c)
		ts.ownKey = sign.ShortFingerprint(own.CertDER)
		all, err := svc.st.Signers()
		if err != nil {
			return ts, err
		}
		for _, s := range all {
			ts.ownSigners[string(s.CertDER)] = s
		}
	}
	trusted, err := svc.st.TrustedRoots()
	if err != nil {
		return ts, err
	}
	for _, t := range trusted {
		if t.Removed() || !found || !sign.CheckEndorsement(own.CertDER, t.CertDER, t.OfficeSignature) {
			continue
		}
		c, err := sign.ParseRoot(t.CertDER)
		if err != nil {
			continue
		}
		fp := sign.ShortFingerprint(c.Raw)
		ts.pool.AddCert(c)
		ts.others[fp] = c.Subject.CommonName
		if len(t.RevocationList) > 0 {
			if rl, err := sign.ParseRevocationList(t.RevocationList, c); err == nil {
				ts.lists[fp] = rl
			}
		}
	}
	return ts, nil
}

// RevocationInfo describes a revocation list read or stored.
type RevocationInfo struct {
	RootName string
	Number   int64
	Updated  time.Time
	Entries  int
}

// ExportRevocationList returns this office's revocation list (DER X.509
// CRL) signed by the office root: the replaced and revoked signer
// certificates with their dates. Export it with the root certificate
// (beside FILE.cer as FILE.crl): another office consults it when verifying.
func (svc *Service) ExportRevocationList() ([]byte, error) {
	rl, found, err := svc.st.OfficeRevocationList()
	if err != nil {
		return nil, err
	}
	if !found {
		if _, rootFound, err := svc.st.OfficeRoot(); err != nil {
			return nil, err
		} else if !rootFound {
			return nil, store.ErrNoRoot
		}
		return nil, errors.New("daftar pencabutan belum dibuat; buat atau cabut penanda tangan dulu (memerlukan frasa sandi sertifikat induk)")
	}
	return rl.DER, nil
}

// ImportRevocationList stores a newer revocation list of a trusted root
// (from another office, exported beside its root): checked against that
// root's key, so it needs no passphrase. An older list than the one held is
// refused.
func (svc *Service) ImportRevocationList(crl []byte) (RevocationInfo, error) {
	own, found, err := svc.st.OfficeRoot()
	if err != nil {
		return RevocationInfo{}, err
	}
	all, err := svc.st.TrustedRoots()
	if err != nil {
		return RevocationInfo{}, err
	}
	for _, t := range all {
		if t.Removed() || !found || !sign.CheckEndorsement(own.CertDER, t.CertDER, t.OfficeSignature) {
			continue
		}
		c, err := x509.ParseCertificate(t.CertDER)
		if err != nil {
			continue
		}
		rl, err := sign.ParseRevocationList(crl, c)
		if err != nil {
			continue
		}
		if len(t.RevocationList) > 0 {
			if old, err := sign.ParseRevocationList(t.RevocationList, c); err == nil && old.Number > rl.Number {
				return RevocationInfo{}, fmt.Errorf("daftar pencabutan nomor %d lebih lama dari yang tersimpan (nomor %d)", rl.Number, old.Number)
			}
		}
		if err := svc.st.SetRootRevocations(store.RootKey(t.CertDER), crl); err != nil {
			return RevocationInfo{}, err
		}
		return RevocationInfo{RootName: c.Subject.CommonName, Number: rl.Number, Updated: rl.Updated, Entries: len(rl.Entries)}, nil
	}
	return RevocationInfo{}, errors.New("daftar pencabutan ini tidak ditandatangani oleh sertifikat induk yang dipercaya kantor ini")
}

// RevokeSigner revokes every key of staffID (a lost or leaked key, or a
// signer leaving office): it signs nothing more, documents it signed count
// as Sah here only when they are in this file's register, and the office's
// revocation list, signed by the office root (unlocked with
// officePassphrase), lists it as compromised, so that other offices no longer
// accept its signatures. The audit records it with the reason. Refusals: an
// empty reason, no key to revoke (data.ErrNotFound), a wrong passphrase.
func (svc *Service) RevokeSigner(staffID uint64, reason, officePassphrase string) ([]SignerInfo, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return nil, errors.New("alasan pencabutan wajib diisi")
	}
	all, err := svc.st.Signers()
	if err != nil {
		return nil, err
	}
	any := false
	for _, s := range all {
		any = any || (s.StaffID == staffID && s.RevokedAt.IsZero())
	}
	if !any {
		return nil, fmt.Errorf("pegawai %d tidak memiliki penanda tangan yang dapat dicabut: %w", staffID, data.ErrNotFound)
	}
	root, err := svc.unlockRoot(officePassphrase)
	if err != nil {
		return nil, err
	}
	number, err := svc.nextRevocationNumber()
	if err != nil {
		return nil, err
	}
	revoked, err := svc.st.RevokeSigners(staffID, reason, revocationListOf(root, number))
	if err != nil {
		return nil, err
	}
	out := make([]SignerInfo, 0, len(revoked))
	for _, s := range revoked {
		info, err := signerInfo(s)
		if err != nil {
			return nil, err
		}
		out = append(out, info)
	}
	return out, nil
}

// nextRevocationNumber is the number of the office's next revocation list.
func (svc *Service) nextRevocationNumber() (int64, error) {
	rl, _, err := svc.st.OfficeRevocationList()
	return rl.Number + 1, err
}

// saveRevocationList signs and stores the office's revocation list from the
// signers as they are now.
func (svc *Service) saveRevocationList(root sign.Identity) error {
	number, err := svc.nextRevocationNumber()
	if err != nil {
		return err
	}
	all, err := svc.st.Signers()
	if err != nil {
		return err
	}
	rl, err := revocationListOf(root, number)(all, time.Now())
	if err != nil {
		return err
	}
	return svc.st.SaveRevocationList(rl)
}

// revocationListOf makes the function the store calls, inside the
// transaction that replaces or revokes a signer, to sign the new list.
func revocationListOf(root sign.Identity, number int64) func([]store.Signer, time.Time) (store.RevocationList, error) {
	return func(all []store.Signer, now time.Time) (store.RevocationList, error) {
		var entries []sign.Revocation
		rootCert, err := x509.ParseCertificate(root.CertDER)
		if err != nil {
			return store.RevocationList{}, fmt.Errorf("sertifikat induk kantor tidak dapat dibaca: %w", err)
		}
		for _, s := range all {
			if s.Kind != store.SignerOffice || (s.RevokedAt.IsZero() && s.ReplacedAt.IsZero()) {
				continue
			}
			c, err := x509.ParseCertificate(s.CertDER)
			if err != nil || c.CheckSignatureFrom(rootCert) != nil {
				continue
			}
			e := sign.Revocation{Serial: c.SerialNumber, At: s.ReplacedAt}
			if !s.RevokedAt.IsZero() {
				e = sign.Revocation{Serial: c.SerialNumber, At: s.RevokedAt, Compromised: true}
			}
			entries = append(entries, e)
		}
		der, err := sign.NewRevocationList(root, entries, number, now)
		if err != nil {
			return store.RevocationList{}, err
		}
		return store.RevocationList{DER: der, Number: number, UpdatedAt: now}, nil
	}
}
