package sign

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"
)

// Identity is a certificate with the certificates that issued it and, once
// unlocked, its private key.
type Identity struct {
	CertDER []byte        // the identity's own certificate, DER
	Chain   [][]byte      // issuer certificates, nearest first, ending at the root; empty for a root
	Key     crypto.Signer // nil while the key is still sealed
}

// Certificate parses the identity's own certificate.
func (id Identity) Certificate() (*x509.Certificate, error) {
	cert, err := x509.ParseCertificate(id.CertDER)
	if err != nil {
		return nil, fmt.Errorf("sertifikat tidak dapat dibaca: %w", err)
	}
	return cert, nil
}

// chainCertificates parses the identity's certificate followed by its chain.
func (id Identity) chainCertificates() ([]*x509.Certificate, error) {
	leaf, err := parseCached(id.CertDER)
	if err != nil {
		return nil, fmt.Errorf("sertifikat tidak dapat dibaca: %w", err)
	}
	certs := []*x509.Certificate{leaf}
	for i, der := range id.Chain {
		c, err := parseCached(der)
		if err != nil {
			return nil, fmt.Errorf("sertifikat penerbit ke-%d tidak dapat dibaca: %w", i+1, err)
		}
		certs = append(certs, c)
	}
	return certs, nil
}

// parsed keeps the certificates parsed for signing, by their DER: every
// document signed parses the identity's certificate and chain, and a batch
// signs many with one identity. A parsed certificate is only read. The map
// is emptied when it holds 64 certificates.
var parsed struct {
	sync.Mutex
	certs map[string]*x509.Certificate
}

// parseCached parses a certificate, once per DER.
func parseCached(der []byte) (*x509.Certificate, error) {
	parsed.Lock()
	c := parsed.certs[string(der)]
	parsed.Unlock()
	if c != nil {
		return c, nil
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, err
	}
	parsed.Lock()
	if parsed.certs == nil || len(parsed.certs) >= 64 {
		parsed.certs = map[string]*x509.Certificate{}
	}
	parsed.certs[string(der)] = c
	parsed.Unlock()
	return c, nil
}

// Validity periods: the office root outlives many signers; a signer's
// certificate is renewed like an official's term.
const (
	rootValidityYears   = 20
	signerValidityYears = 5
)

// RootNamePrefix starts the common name of every office root certificate;
// the kecamatan's name follows it.
const RootNamePrefix = "Sertifikat Induk Kantor Kecamatan "

// oidTitle is the X.520 title attribute, which holds the signer's role.
var oidTitle = asn1.ObjectIdentifier{2, 5, 4, 12}

// oidDocumentSigning is id-kp-documentSigning (RFC 9336).
var oidDocumentSigning = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 3, 36}

// NewOfficeRoot creates the office's self-signed ECDSA P-256 root certificate,
// named "Sertifikat Induk Kantor Kecamatan <office>", valid for 20 years from now.
func NewOfficeRoot(office string, now time.Time) (Identity, error) {
	office = officeName(office)
	if office == "" {
		return Identity{}, errors.New("nama kecamatan wajib diisi untuk membuat sertifikat induk kantor")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Identity{}, fmt.Errorf("membuat kunci sertifikat induk: %w", err)
	}
	serial, err := randomSerial()
	if err != nil {
		return Identity{}, err
	}
	subject := pkix.Name{
		CommonName:   RootNamePrefix + office,
		Organization: []string{"Kecamatan " + office},
		Country:      []string{"ID"},
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subject,
		NotBefore:             now.UTC(),
		NotAfter:              now.UTC().AddDate(rootValidityYears, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
		MaxPathLenZero:        true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return Identity{}, fmt.Errorf("membuat sertifikat induk kantor: %w", err)
	}
	return Identity{CertDER: der, Key: key}, nil
}

// IssueSigner issues a signer an ECDSA P-256 certificate signed by the
// unlocked office root: the name as common name, the 18-digit NIP as subject
// serial number, the role as title; usable for digital signatures and
// content commitment; valid for 5 years from now but never past the root.
func IssueSigner(root Identity, name, nip, role string, now time.Time) (Identity, error) {
	name = strings.TrimSpace(name)
	role = strings.TrimSpace(role)
	nip = strings.Join(strings.Fields(nip), "")
	switch {
	case name == "":
		return Identity{}, errors.New("nama penanda tangan wajib diisi")
	case !isNIP(nip):
		return Identity{}, fmt.Errorf("NIP penanda tangan %q harus 18 angka", nip)
	case root.Key == nil:
		return Identity{}, errors.New("kunci sertifikat induk kantor belum dibuka")
	}
	rootCert, err := root.Certificate()
	if err != nil {
		return Identity{}, err
	}
	if !rootCert.IsCA {
		return Identity{}, errors.New("sertifikat penerbit bukan sertifikat induk")
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return Identity{}, fmt.Errorf("membuat kunci penanda tangan: %w", err)
	}
	serial, err := randomSerial()
	if err != nil {
		return Identity{}, err
	}
	subject := pkix.Name{
		CommonName:   name,
		SerialNumber: nip,
		Organization: rootCert.Subject.Organization,
		Country:      []string{"ID"},
	}
	if role != "" {
		subject.ExtraNames = []pkix.AttributeTypeAndValue{{Type: oidTitle, Value: role}}
	}
	notAfter := now.UTC().AddDate(signerValidityYears, 0, 0)
	if notAfter.After(rootCert.NotAfter) {
		notAfter = rootCert.NotAfter
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subject,
		NotBefore:             now.UTC(),
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageContentCommitment,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageEmailProtection},
		UnknownExtKeyUsage:    []asn1.ObjectIdentifier{oidDocumentSigning},
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, rootCert, &key.PublicKey, root.Key)
	if err != nil {
		return Identity{}, fmt.Errorf("menerbitkan sertifikat penanda tangan: %w", err)
	}
	chain := append([][]byte{root.CertDER}, root.Chain...)
	return Identity{CertDER: der, Chain: chain, Key: key}, nil
}

// officeName trims the kecamatan's name and drops a leading "Kecamatan",
// which the root's name already says.
func officeName(office string) string {
	office = strings.Join(strings.Fields(office), " ")
	const word = "kecamatan "
	if len(office) > len(word) && strings.EqualFold(office[:len(word)], word) {
		office = strings.TrimSpace(office[len(word):])
	}
	return office
}

// isNIP reports whether s is exactly 18 ASCII digits.
func isNIP(s string) bool {
	if len(s) != 18 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// randomSerial returns a positive random 127-bit certificate serial number.
func randomSerial() (*big.Int, error) {
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("membuat nomor seri sertifikat: %w", err)
	}
	return serial.Add(serial, big.NewInt(1)), nil
}
