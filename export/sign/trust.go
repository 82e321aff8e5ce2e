package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"time"
)

// trustContext separates the office root's endorsement of a trusted root
// from any other signature its key makes.
const trustContext = "Kinerja: sertifikat induk dipercaya kantor ini\x00"

// EndorseRoot is the office root's signature over a root certificate it
// trusts: ECDSA over SHA-256 of a fixed context and the certificate's DER.
// The data file keeps it beside the trusted root, so a root added to the file
// without the office passphrase is not trusted (CheckEndorsement).
func EndorseRoot(office Identity, trustedDER []byte) ([]byte, error) {
	if office.Key == nil {
		return nil, errors.New("kunci sertifikat induk kantor belum dibuka")
	}
	sum := sha256.Sum256(append([]byte(trustContext), trustedDER...))
	return office.Key.Sign(rand.Reader, sum[:], crypto.SHA256)
}

// CheckEndorsement reports whether sig is the endorsement of trustedDER by
// the office root officeDER.
func CheckEndorsement(officeDER, trustedDER, sig []byte) bool {
	cert, err := x509.ParseCertificate(officeDER)
	if err != nil {
		return false
	}
	pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
	if !ok || len(sig) == 0 {
		return false
	}
	sum := sha256.Sum256(append([]byte(trustContext), trustedDER...))
	return ecdsa.VerifyASN1(pub, sum[:], sig)
}

// Revocation is one signer certificate on an office's revocation list.
type Revocation struct {
	Serial *big.Int
	At     time.Time // when it was replaced or revoked
	// Compromised is set for a key declared lost or leaked (CRL reason
	// keyCompromise); otherwise the key was replaced by a newer one
	// (superseded) and signatures made before At stand.
	Compromised bool
}

// CRL reason codes (RFC 5280 §5.3.1).
const (
	reasonKeyCompromise = 1
	reasonSuperseded    = 4
)

// NewRevocationList makes the office's revocation list, an X.509 CRL signed
// by the unlocked office root, numbered number. It is valid until the root
// expires: offline there is no refresh schedule, and a newer number replaces
// it.
func NewRevocationList(root Identity, entries []Revocation, number int64, now time.Time) ([]byte, error) {
	cert, err := root.Certificate()
	if err != nil {
		return nil, err
	}
	signer, ok := root.Key.(crypto.Signer)
	if !ok || signer == nil {
		return nil, errors.New("kunci sertifikat induk kantor belum dibuka")
	}
	tmpl := &x509.RevocationList{
		Number:     big.NewInt(number),
		ThisUpdate: now.UTC(),
		NextUpdate: cert.NotAfter,
	}
	for _, e := range entries {
		code := reasonSuperseded
		if e.Compromised {
			code = reasonKeyCompromise
		}
		tmpl.RevokedCertificateEntries = append(tmpl.RevokedCertificateEntries, x509.RevocationListEntry{
			SerialNumber: e.Serial, RevocationTime: e.At.UTC(), ReasonCode: code,
		})
	}
	// x509.CreateRevocationList needs the issuer to allow CRL signing, which
	// every office root does (NewOfficeRoot).
	der, err := x509.CreateRevocationList(rand.Reader, tmpl, cert, signer)
	if err != nil {
		return nil, fmt.Errorf("membuat daftar pencabutan: %w", err)
	}
	return der, nil
}

// RevocationList is an office's revocation list, read and checked.
type RevocationList struct {
	Number  int64
	Updated time.Time
	Entries []Revocation
}

// Lookup returns the entry of a certificate serial number.
func (l RevocationList) Lookup(serial *big.Int) (Revocation, bool) {
	if serial == nil {
		return Revocation{}, false
	}
	for _, e := range l.Entries {
		if e.Serial.Cmp(serial) == 0 {
			return e, true
		}
	}
	return Revocation{}, false
}

// ParseRevocationList reads a revocation list (DER or PEM "X509 CRL") and
// checks that root signed it; a list signed by anyone else is refused.
func ParseRevocationList(raw []byte, root *x509.Certificate) (RevocationList, error) {
	if block, _ := pem.Decode(raw); block != nil {
		if block.Type != "X509 CRL" {
			return RevocationList{}, fmt.Errorf("berkas PEM berisi %q, bukan daftar pencabutan", block.Type)
		}
		raw = block.Bytes
	}
	crl, err := x509.ParseRevocationList(raw)
	if err != nil {
		return RevocationList{}, fmt.Errorf("daftar pencabutan tidak dapat dibaca: %w", err)
	}
	if root == nil || crl.CheckSignatureFrom(root) != nil {
		return RevocationList{}, errors.New("daftar pencabutan tidak ditandatangani oleh sertifikat induk tersebut")
	}
	out := RevocationList{Updated: crl.ThisUpdate}
	if crl.Number != nil && crl.Number.IsInt64() {
		out.Number = crl.Number.Int64()
	}
	for _, e := range crl.RevokedCertificateEntries {
		out.Entries = append(out.Entries, Revocation{Serial: e.SerialNumber, At: e.RevocationTime,
			Compromised: e.ReasonCode != reasonSuperseded})
	}
	return out, nil
}

// Revoked judges a signature by the revocation list of its root: a
// compromised key signs nothing valid (its signing time is its own claim and
// can be backdated), a replaced key nothing claimed after its replacement.
// It returns an Indonesian reason, or "" when the list does not stop it.
func (l RevocationList) Revoked(cert *x509.Certificate, signedAt time.Time) string {
	if cert == nil {
		return ""
	}
	e, ok := l.Lookup(cert.SerialNumber)
	if !ok {
		return ""
	}
	when := e.At.Local().Format("02-01-2006")
	if e.Compromised {
		return "kunci penanda tangan ini dicabut (hilang/bocor) pada " + when +
			"; waktu tanda tangan hanya pengakuan penanda tangan, jadi dokumen ini hanya dapat dipastikan oleh kantor penerbitnya"
	}
	if signedAt.IsZero() || !signedAt.Before(e.At) {
		return "kunci penanda tangan ini sudah diganti pada " + when + ", sebelum waktu tanda tangan yang tercatat"
	}
	return ""
}
