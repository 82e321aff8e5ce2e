package sign

import (
	"bytes"
	"strings"
	"testing"
)

func TestRootExport(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	cer, err := RootCER(root)
	if err != nil || !bytes.Equal(cer, root.CertDER) {
		t.Fatalf("RootCER: %v", err)
	}
	pemData, err := RootPEM(root)
	if err != nil || !strings.HasPrefix(string(pemData), "-----BEGIN CERTIFICATE-----\n") {
		t.Fatalf("RootPEM: %v %q", err, pemData)
	}
	for name, data := range map[string][]byte{"DER": cer, "PEM": pemData} {
		cert, err := ParseRoot(data)
		if err != nil || !bytes.Equal(cert.Raw, root.CertDER) {
			t.Errorf("ParseRoot(%s): %v", name, err)
		}
	}
}

func TestRootRejectsNonRoots(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Asep", "196804111993031009")
	if _, err := RootCER(signer); err == nil {
		t.Error("RootCER accepted a signer certificate")
	}
	if _, err := RootPEM(Identity{CertDER: []byte("x")}); err == nil {
		t.Error("RootPEM accepted garbage")
	}
	tests := map[string][]byte{
		"signer certificate": signer.CertDER,
		"garbage":            []byte("bukan sertifikat"),
		"PEM private key":    []byte("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
	}
	for name, data := range tests {
		if _, err := ParseRoot(data); err == nil {
			t.Errorf("ParseRoot(%s) gave no error", name)
		}
	}
	if _, err := NewRootPool(root.CertDER, signer.CertDER); err == nil || !strings.Contains(err.Error(), "ke-2") {
		t.Errorf("NewRootPool with a signer: %v", err)
	}
}
