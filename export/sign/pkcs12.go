package sign

import (
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"

	"software.sslmate.com/src/go-pkcs12"
)

// publicKeyEqualer is what every crypto public key type implements.
type publicKeyEqualer interface {
	Equal(crypto.PublicKey) bool
}

// ImportPKCS12 reads a signing identity from a PKCS#12 (.p12/.pfx) file: the
// private key, its certificate and the CA certificates stored with it. A wrong
// password gives ErrWrongPassphrase.
func ImportPKCS12(pfx []byte, password string) (Identity, error) {
	key, cert, cas, err := pkcs12.DecodeChain(pfx, password)
	if errors.Is(err, pkcs12.ErrIncorrectPassword) {
		return Identity{}, ErrWrongPassphrase
	}
	if err != nil {
		return Identity{}, fmt.Errorf("berkas PKCS#12 tidak dapat dibaca: %w", err)
	}
	signer, ok := key.(crypto.Signer)
	if !ok {
		return Identity{}, fmt.Errorf("kunci privat berkas PKCS#12 berjenis %T, tidak dapat menandatangani", key)
	}
	pub, ok := cert.PublicKey.(publicKeyEqualer)
	if !ok || !pub.Equal(signer.Public()) {
		return Identity{}, errors.New("kunci privat berkas PKCS#12 tidak cocok dengan sertifikatnya")
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return Identity{}, errors.New("sertifikat berkas PKCS#12 tidak boleh dipakai untuk tanda tangan")
	}
	id := Identity{CertDER: cert.Raw, Key: signer}
	for _, ca := range orderChain(cert, cas) {
		id.Chain = append(id.Chain, ca.Raw)
	}
	return id, nil
}

// orderChain puts the CA certificates in issuing order starting from the
// issuer of leaf; certificates that are not part of that path follow after.
func orderChain(leaf *x509.Certificate, cas []*x509.Certificate) []*x509.Certificate {
	rest := append([]*x509.Certificate(nil), cas...)
	var ordered []*x509.Certificate
	current := leaf
	for len(rest) > 0 {
		next := -1
		for i, c := range rest {
			if current.CheckSignatureFrom(c) == nil {
				next = i
				break
			}
		}
		if next < 0 {
			break
		}
		current = rest[next]
		ordered = append(ordered, current)
		rest = append(rest[:next], rest[next+1:]...)
	}
	return append(ordered, rest...)
}
