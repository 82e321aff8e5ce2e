package sign

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"
)

func TestImportPKCS12RoundTrip(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Asep", "196804111993031009")
	cert, _ := signer.Certificate()
	rootCert, _ := root.Certificate()
	pfx, err := pkcs12.Modern.Encode(signer.Key, cert, []*x509.Certificate{rootCert}, "sandi-p12")
	if err != nil {
		t.Fatal(err)
	}
	got, err := ImportPKCS12(pfx, "sandi-p12")
	if err != nil {
		t.Fatal(err)
	}
	if string(got.CertDER) != string(signer.CertDER) || len(got.Chain) != 1 || string(got.Chain[0]) != string(root.CertDER) {
		t.Fatal("imported certificates differ")
	}
	if !cert.PublicKey.(publicKeyEqualer).Equal(got.Key.Public()) {
		t.Fatal("imported key differs")
	}
	if _, err := ImportPKCS12(pfx, "salah"); !errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("wrong password gave %v", err)
	}
	if _, err := ImportPKCS12([]byte("bukan p12"), "x"); err == nil || errors.Is(err, ErrWrongPassphrase) {
		t.Fatalf("garbage gave %v", err)
	}
}

func TestImportPKCS12RejectsForeignKey(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	a := newSigner(t, root, "Asep", "196804111993031009")
	b := newSigner(t, root, "Budi", "199001012015031001")
	certA, _ := a.Certificate()
	pfx, err := pkcs12.Modern.Encode(b.Key, certA, nil, "x")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ImportPKCS12(pfx, "x"); err == nil {
		t.Fatal("a key that does not match its certificate was accepted")
	}
}

// TestImportedRSAIdentitySigns imports an RSA identity issued through an
// intermediate by a CA that is not an office root, with the CA certificates stored out of order, signs
// with it and verifies against that CA.
func TestImportedRSAIdentitySigns(t *testing.T) {
	t.Parallel()
	caKey, _ := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "CA Kabupaten Bandung"},
		NotBefore: testNow, NotAfter: testNow.AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	caDER, _ := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	caCert, _ := x509.ParseCertificate(caDER)
	subKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	subTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "CA Antara"},
		NotBefore: testNow, NotAfter: testNow.AddDate(10, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	subDER, _ := x509.CreateCertificate(rand.Reader, subTmpl, caCert, &subKey.PublicKey, caKey)
	subCert, _ := x509.ParseCertificate(subDER)
	leafKey, _ := rsa.GenerateKey(rand.Reader, 2048)
	leafTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(3), Subject: pkix.Name{CommonName: "Asep", SerialNumber: "196804111993031009"},
		NotBefore: testNow, NotAfter: testNow.AddDate(2, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature,
	}
	leafDER, _ := x509.CreateCertificate(rand.Reader, leafTmpl, subCert, &leafKey.PublicKey, subKey)
	leafCert, _ := x509.ParseCertificate(leafDER)

	pfx, err := pkcs12.Modern.Encode(leafKey, leafCert, []*x509.Certificate{caCert, subCert}, "p")
	if err != nil {
		t.Fatal(err)
	}
	id, err := ImportPKCS12(pfx, "p")
	if err != nil {
		t.Fatal(err)
	}
	if len(id.Chain) != 2 || string(id.Chain[0]) != string(subDER) || string(id.Chain[1]) != string(caDER) {
		t.Fatal("chain not ordered from the issuer to the root")
	}
	signed, err := SignPDF(makePDF(t, "RSA"), id, SignInfo{Name: "Asep", Time: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(caCert)
	results, err := Verify(signed, pool)
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 || results[0].Status != StatusValid || results[0].Kind != CertImported {
		t.Fatalf("results %+v, want Sah with an imported certificate", results)
	}
}
