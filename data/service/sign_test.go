package service

import (
	"crypto/x509"
	"errors"
	"testing"
	"time"

	"software.sslmate.com/src/go-pkcs12"

	"kinerja/data"
	"kinerja/export/sign"
)

// kabupatenPFX returns a PKCS#12 file issued to the Kasi by a CA of the
// kabupaten (another root), and that root's certificate.
func kabupatenPFX(t *testing.T, o *evalOffice, password string) ([]byte, []byte) {
	t.Helper()
	ca, err := sign.NewOfficeRoot("Kabupaten Bandung", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	kasi, err := o.svc.StaffByID(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	id, err := sign.IssueSigner(ca, kasi.DisplayName(), kasi.NIP, "Kepala Seksi", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(id.CertDER)
	caCert, _ := x509.ParseCertificate(ca.CertDER)
	pfx, err := pkcs12.Modern.Encode(id.Key, leaf, []*x509.Certificate{caCert}, password)
	if err != nil {
		t.Fatal(err)
	}
	return pfx, ca.CertDER
}

func TestImportSignerPKCS12RoundTrip(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	pfx, caDER := kabupatenPFX(t, o, "sandi-p12")
	if _, err := o.svc.ImportSigner(o.kasi, pfx, "salah", testSignerPass); !errors.Is(err, sign.ErrWrongPassphrase) {
		t.Fatalf("wrong file password: %v", err)
	}
	info, err := o.svc.ImportSigner(o.kasi, pfx, "sandi-p12", testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	if info.Kind != "imported" || info.RootSHA256 != fingerprint(caDER) || info.RootName == "" {
		t.Fatalf("info %+v", info)
	}
	list, err := o.svc.Signers()
	if err != nil || len(list) != 2 || !list[0].Revoked || list[1].Revoked {
		t.Fatalf("signers after import: %+v, %v", list, err)
	}
	// The imported signer signs; the document is valid once its CA is trusted.
	id := o.pelaksana[0]
	o.submitted(t, id, data.RatingSesuai, data.RatingSesuai)
	e, _, err := o.svc.FinalizeAndSign(o.periodID, id, testSignerPass)
	if err != nil {
		t.Fatal(err)
	}
	_, signed, _, _ := o.svc.st.Document(o.periodID, id, e.Revision)
	before, _ := o.svc.VerifyDocument("x.pdf", signed)
	if before.Status != sign.StatusUnknownSigner {
		t.Fatalf("before trusting the CA: %s", before.Line())
	}
	if _, err := o.svc.TrustRootWith(info.RootCER, nil, testRootPass); err != nil {
		t.Fatal(err)
	}
	after, _ := o.svc.VerifyDocument("x.pdf", signed)
	if !after.OK() {
		t.Fatalf("after trusting the CA: %s", after.Line())
	}
	roots, err := o.svc.TrustedRoots()
	if err != nil || len(roots) != 1 {
		t.Fatalf("trusted roots %v, %v", roots, err)
	}
}

func TestTrustRootRefusesLeaf(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	list, err := o.svc.Signers()
	if err != nil || len(list) == 0 {
		t.Fatal(err)
	}
	s, _ := o.svc.st.ActiveSigner(o.kasi)
	if _, err := o.svc.TrustRoot(s.CertDER); err == nil {
		t.Fatal("a signer's own certificate was trusted as a root")
	}
	if _, err := o.svc.TrustRoot([]byte("bukan sertifikat")); err == nil {
		t.Fatal("garbage was trusted")
	}
}

func TestSignTime(t *testing.T) {
	t.Parallel()
	at := time.Date(2026, time.November, 28, 10, 15, 0, 0, time.UTC)
	tests := []struct {
		offset int
		want   string
	}{
		{7 * 3600, "28 November 2026 pukul 17.15 WIB"},
		{8 * 3600, "28 November 2026 pukul 18.15 WITA"},
		{9 * 3600, "28 November 2026 pukul 19.15 WIT"},
		{0, "28 November 2026 pukul 10.15 UTC"},
		{-5 * 3600, "28 November 2026 pukul 05.15 UTC-5"},
		{5*3600 + 1800, "28 November 2026 pukul 15.45 UTC+05:30"},
	}
	for _, tt := range tests {
		if got := signTime(at.In(time.FixedZone("", tt.offset))); got != tt.want {
			t.Errorf("offset %d: %q, want %q", tt.offset, got, tt.want)
		}
	}
}
