package sign

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/x509"
	"strings"
	"testing"
	"time"
)

func TestNewOfficeRoot(t *testing.T) {
	t.Parallel()
	tests := []struct {
		office, wantCN string
	}{
		{"Soreang", "Sertifikat Induk Kantor Kecamatan Soreang"},
		{"  kecamatan   Soreang ", "Sertifikat Induk Kantor Kecamatan Soreang"},
		{"Banjaran Wetan", "Sertifikat Induk Kantor Kecamatan Banjaran Wetan"},
		{"Kecamatan", "Sertifikat Induk Kantor Kecamatan Kecamatan"},
	}
	for _, tt := range tests {
		t.Run(tt.office, func(t *testing.T) {
			root := newRoot(t, tt.office)
			cert, err := root.Certificate()
			if err != nil {
				t.Fatal(err)
			}
			if cert.Subject.CommonName != tt.wantCN {
				t.Errorf("CN %q, want %q", cert.Subject.CommonName, tt.wantCN)
			}
			if !cert.IsCA || cert.CheckSignatureFrom(cert) != nil || len(root.Chain) != 0 {
				t.Error("not a self-signed CA without chain")
			}
			pub, ok := cert.PublicKey.(*ecdsa.PublicKey)
			if !ok || pub.Curve != elliptic.P256() {
				t.Errorf("key %T, want ECDSA P-256", cert.PublicKey)
			}
			if got := cert.NotAfter.Year() - cert.NotBefore.Year(); got != 20 {
				t.Errorf("validity %d years, want 20", got)
			}
		})
	}
	for _, office := range []string{"", "   ", "\t\n"} {
		if _, err := NewOfficeRoot(office, testNow); err == nil {
			t.Errorf("NewOfficeRoot(%q) gave no error", office)
		}
	}
}

func TestIssueSigner(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	id, err := IssueSigner(root, " Drs. H. Asep Saepudin, M.Si. ", "19680411 199303 1 009", "Camat Soreang", testNow)
	if err != nil {
		t.Fatal(err)
	}
	cert, err := id.Certificate()
	if err != nil {
		t.Fatal(err)
	}
	rootCert, _ := root.Certificate()
	pool := x509.NewCertPool()
	pool.AddCert(rootCert)
	if _, err := cert.Verify(x509.VerifyOptions{Roots: pool, CurrentTime: testNow.Add(time.Hour), KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}}); err != nil {
		t.Fatalf("signer does not chain to the root: %v", err)
	}
	switch {
	case cert.Subject.CommonName != "Drs. H. Asep Saepudin, M.Si.":
		t.Errorf("CN %q", cert.Subject.CommonName)
	case cert.Subject.SerialNumber != "196804111993031009":
		t.Errorf("serialNumber %q", cert.Subject.SerialNumber)
	case cert.KeyUsage != x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment:
		t.Errorf("key usage %v", cert.KeyUsage)
	case cert.IsCA:
		t.Error("signer certificate is a CA")
	case cert.NotAfter.Year()-cert.NotBefore.Year() != 5:
		t.Errorf("validity %v to %v, want 5 years", cert.NotBefore, cert.NotAfter)
	case len(id.Chain) != 1 || string(id.Chain[0]) != string(root.CertDER):
		t.Error("chain is not the root")
	case signerRole(cert) != "Camat Soreang":
		t.Errorf("role missing from subject %q", cert.Subject)
	}
}

func TestIssueSignerRejects(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	locked := root
	locked.Key = nil
	signer := newSigner(t, root, "Asep", "196804111993031009")
	tests := []struct {
		name, signer, nip string
		root              Identity
		want              string
	}{
		{"empty name", " ", "196804111993031009", root, "nama"},
		{"short NIP", "Asep", "19680411199303100", root, "18 angka"},
		{"letters in NIP", "Asep", "19680411199303100X", root, "18 angka"},
		{"locked root", "Asep", "196804111993031009", locked, "belum dibuka"},
		{"issuer not a CA", "Asep", "196804111993031009", signer, "bukan sertifikat induk"},
		{"unreadable root", "Asep", "196804111993031009", Identity{CertDER: []byte("x"), Key: root.Key}, "tidak dapat dibaca"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := IssueSigner(tt.root, tt.signer, tt.nip, "Camat", testNow)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestIssueSignerNeverOutlivesRoot(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	id, err := IssueSigner(root, "Asep", "196804111993031009", "Camat", testNow.AddDate(18, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	cert, _ := id.Certificate()
	rootCert, _ := root.Certificate()
	if !cert.NotAfter.Equal(rootCert.NotAfter) {
		t.Errorf("signer valid until %v, root until %v", cert.NotAfter, rootCert.NotAfter)
	}
}

// signerRole reads the role the way Verify reports it.
func signerRole(cert *x509.Certificate) string {
	var r Result
	r.setSigner(cert)
	return r.Role
}
