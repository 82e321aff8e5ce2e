package sign

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
)

// RootCER returns the office root certificate as DER, the form Windows opens
// as a .cer file.
func RootCER(root Identity) ([]byte, error) {
	if _, err := parseRootDER(root.CertDER); err != nil {
		return nil, err
	}
	return bytes.Clone(root.CertDER), nil
}

// RootPEM returns the office root certificate PEM-encoded ("BEGIN CERTIFICATE").
func RootPEM(root Identity) ([]byte, error) {
	if _, err := parseRootDER(root.CertDER); err != nil {
		return nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: root.CertDER}), nil
}

// ParseRoot reads a root certificate exported by another office, as PEM or
// DER, and checks that it is a self-signed CA certificate.
func ParseRoot(data []byte) (*x509.Certificate, error) {
	if block, _ := pem.Decode(data); block != nil {
		if block.Type != "CERTIFICATE" {
			return nil, fmt.Errorf("berkas PEM berisi %q, bukan sertifikat", block.Type)
		}
		data = block.Bytes
	}
	return parseRootDER(data)
}

// NewRootPool makes the pool of trusted office roots from DER certificates.
func NewRootPool(roots ...[]byte) (*x509.CertPool, error) {
	pool := x509.NewCertPool()
	for i, der := range roots {
		cert, err := parseRootDER(der)
		if err != nil {
			return nil, fmt.Errorf("sertifikat induk ke-%d: %w", i+1, err)
		}
		pool.AddCert(cert)
	}
	return pool, nil
}

// parseRootDER parses a DER certificate and checks it is a self-signed CA.
func parseRootDER(der []byte) (*x509.Certificate, error) {
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("sertifikat induk tidak dapat dibaca: %w", err)
	}
	if !cert.IsCA {
		return nil, errors.New("sertifikat ini bukan sertifikat induk (bukan CA)")
	}
	if err := cert.CheckSignatureFrom(cert); err != nil {
		return nil, fmt.Errorf("sertifikat induk tidak ditandatangani oleh dirinya sendiri: %w", err)
	}
	return cert, nil
}
