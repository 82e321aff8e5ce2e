package sign

import (
	"bytes"
	"crypto/x509"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/digitorus/pdf"
	pdfsign "github.com/digitorus/pdfsign/sign"
)

func TestVerifyValid(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signer := newSigner(t, root, "Drs. H. Asep Saepudin, M.Si.", "19680411 199303 1 009")
	signed := signDoc(t, makePDF(t, "Predikat: Baik"), signer)

	results, err := Verify(signed, poolOf(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 1 {
		t.Fatalf("got %d results, want 1", len(results))
	}
	r := results[0]
	switch {
	case r.Status != StatusValid || r.Detail != "":
		t.Errorf("status %v %q, want Sah without detail", r.Status, r.Detail)
	case r.Signer != "Drs. H. Asep Saepudin, M.Si." || r.NIP != "196804111993031009" || r.Role != "Camat":
		t.Errorf("signer %q NIP %q role %q", r.Signer, r.NIP, r.Role)
	case r.Issuer != "Sertifikat Induk Kantor Kecamatan Soreang" || r.Kind != CertOffice:
		t.Errorf("issuer %q kind %v", r.Issuer, r.Kind)
	case !r.WholeFile:
		t.Error("signature does not cover the whole file")
	case time.Since(r.SignedAt) > time.Minute || time.Since(r.SignedAt) < -time.Minute:
		t.Errorf("signing time %v is not now", r.SignedAt)
	}
}

// TestVerifyFlipAnySignedByte flips every byte the last signature covers;
// inside the contents of earlier signatures (hex, mostly zero padding, covered
// only by the later signature) every 16th byte is flipped to keep the test fast.
func TestVerifyFlipAnySignedByte(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	once := signDoc(t, makePDF(t, "Predikat: Sangat Baik"), newSigner(t, root, "Asep", "196804111993031009"))
	twice := signDoc(t, once, newSigner(t, root, "Budi", "199001012015031001"))
	pool := poolOf(t, root)
	tests := []struct {
		name  string
		doc   []byte
		masks []byte
	}{
		{"one signature", once, []byte{0x01, 0x80}},
		{"two signatures", twice, []byte{0x01}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			br := findByteRanges(tt.doc)
			last := br[len(br)-1].values
			if last == nil || last[2]+last[3] != int64(len(tt.doc)) {
				t.Fatalf("last signature does not cover the file: %v", last)
			}
			inGap := func(i int, v []int64) bool { return int64(i) >= v[1] && int64(i) < v[2] }
			tampered := make([]byte, len(tt.doc))
			flipped := 0
			for i := range tt.doc {
				if inGap(i, last) {
					continue
				}
				sampled := false
				for _, earlier := range br[:len(br)-1] {
					sampled = sampled || inGap(i, earlier.values)
				}
				if sampled && i%16 != 0 {
					continue
				}
				for _, mask := range tt.masks {
					copy(tampered, tt.doc)
					tampered[i] ^= mask
					results, err := Verify(tampered, pool)
					if err != nil {
						t.Fatalf("byte %d ^ %#x: error %v", i, mask, err)
					}
					if got := Overall(results); got != StatusChanged {
						t.Fatalf("byte %d (%q) ^ %#x: overall %v, want changed", i, tt.doc[i], mask, got)
					}
					flipped++
				}
			}
			if flipped < len(tt.doc)/4 {
				t.Fatalf("only %d flips in a %d-byte file", flipped, len(tt.doc))
			}
		})
	}
}

func TestVerifyStatuses(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	otherRoot := newRoot(t, "Katapang")
	signer := newSigner(t, root, "Asep", "196804111993031009")
	stranger := newSigner(t, otherRoot, "Orang Lain", "199001012015031001")
	doc := makePDF(t, "Status")
	signed := signDoc(t, doc, signer)
	tests := []struct {
		name  string
		doc   []byte
		roots *x509.CertPool
		want  Status
	}{
		{"own root", signed, poolOf(t, root), StatusValid},
		{"both roots", signed, poolOf(t, otherRoot, root), StatusValid},
		{"signed under another office root", signDoc(t, doc, stranger), poolOf(t, root), StatusUnknownSigner},
		{"re-signed with another root's key", signDoc(t, signed, stranger), poolOf(t, root), StatusUnknownSigner},
		{"no trusted roots", signed, nil, StatusUnknownSigner},
		{"bytes appended after signing", append(bytes.Clone(signed), "% tambahan\n"...), poolOf(t, root), StatusChanged},
		{"truncated", signed[:len(signed)-3], poolOf(t, root), StatusChanged},
		{"unsigned", doc, poolOf(t, root), StatusUnsigned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results, err := Verify(tt.doc, tt.roots)
			if err != nil {
				t.Fatal(err)
			}
			if got := Overall(results); got != tt.want {
				t.Fatalf("overall %v, want %v (%+v)", got, tt.want, results)
			}
			for _, r := range results {
				if r.Status != StatusValid && r.Detail == "" {
					t.Errorf("status %v without a detail", r.Status)
				}
			}
		})
	}
}

func TestVerifyResignedKeepsFirstSignerValid(t *testing.T) {
	t.Parallel()
	root := newRoot(t, "Soreang")
	signed := signDoc(t, makePDF(t, "x"), newSigner(t, root, "Asep", "196804111993031009"))
	resigned := signDoc(t, signed, newSigner(t, newRoot(t, "Lain"), "Orang Lain", "199001012015031001"))
	results, err := Verify(resigned, poolOf(t, root))
	if err != nil {
		t.Fatal(err)
	}
	if len(results) != 2 || results[0].Status != StatusValid || results[1].Status != StatusUnknownSigner {
		t.Fatalf("results %+v, want Sah then unknown signer", results)
	}
	if !strings.Contains(results[0].Detail, "tanda tangan lain") {
		t.Errorf("first detail %q does not mention the later signature", results[0].Detail)
	}
}

func TestVerifyNotPDF(t *testing.T) {
	t.Parallel()
	for _, in := range [][]byte{nil, []byte("PK\x03\x04 zip"), []byte("hello")} {
		if _, err := Verify(in, nil); err == nil {
			t.Errorf("Verify(%q) gave no error", in)
		}
	}
}

func TestVerifyAfterCertificateExpired(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		root, err := NewOfficeRoot("Soreang", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		signer, err := IssueSigner(root, "Asep", "196804111993031009", "Camat", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		time.Sleep(24 * time.Hour)
		signedAt := time.Now()
		signed := signDoc(t, makePDF(t, "Lama"), signer)

		time.Sleep(6 * 365 * 24 * time.Hour)
		cert, _ := signer.Certificate()
		if !time.Now().After(cert.NotAfter) {
			t.Fatalf("certificate still valid at %v", time.Now())
		}
		results, err := Verify(signed, poolOf(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if len(results) != 1 || results[0].Status != StatusValid {
			t.Fatalf("results %+v, want Sah after expiry", results)
		}
		if !results[0].SignedAt.Equal(signedAt.Truncate(time.Second)) {
			t.Errorf("signing time %v, want %v", results[0].SignedAt, signedAt)
		}
	})
}

func TestVerifySignedOutsideCertificateValidity(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		root, err := NewOfficeRoot("Soreang", time.Now())
		if err != nil {
			t.Fatal(err)
		}
		signer, err := IssueSigner(root, "Asep", "196804111993031009", "Camat", time.Now().Add(48*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		signed := signBypassingChecks(t, makePDF(t, "Terlalu dini"), signer)
		results, err := Verify(signed, poolOf(t, root))
		if err != nil {
			t.Fatal(err)
		}
		if len(results) != 1 || results[0].Status != StatusUnknownSigner || !strings.Contains(results[0].Detail, "tidak berlaku") {
			t.Fatalf("results %+v, want unknown signer: certificate not valid at signing", results)
		}
	})
}

// signBypassingChecks signs with pdfsign directly, without SignPDF's
// certificate validity guard, to make signatures SignPDF refuses to make.
func signBypassingChecks(t *testing.T, doc []byte, id Identity) []byte {
	t.Helper()
	certs, err := id.chainCertificates()
	if err != nil {
		t.Fatal(err)
	}
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = pdfsign.Sign(bytes.NewReader(doc), &buf, rdr, int64(len(doc)), pdfsign.SignData{
		Signature:         pdfsign.SignDataSignature{CertType: pdfsign.ApprovalSignature},
		Signer:            id.Key,
		Certificate:       certs[0],
		CertificateChains: [][]*x509.Certificate{certs},
	})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStatusAndKindTexts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		got, want string
	}{
		{StatusValid.String(), "Sah"},
		{StatusChanged.String(), "Berubah setelah ditandatangani"},
		{StatusUnknownSigner.String(), "Penanda tangan tidak dikenal kantor ini"},
		{StatusUnsigned.String(), "Tidak bertanda tangan"},
		{Status(0).String(), "Status tidak dikenal"},
		{CertOffice.String(), "sertifikat kantor (tanda tangan elektronik tidak tersertifikasi)"},
		{CertImported.String(), "sertifikat dari penerbit lain (impor PKCS#12)"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestOverall(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   []Status
		want Status
	}{
		{nil, StatusUnsigned},
		{[]Status{StatusValid}, StatusValid},
		{[]Status{StatusValid, StatusUnknownSigner}, StatusUnknownSigner},
		{[]Status{StatusChanged, StatusUnknownSigner, StatusValid}, StatusChanged},
	}
	for _, tt := range tests {
		var rs []Result
		for _, s := range tt.in {
			rs = append(rs, Result{Status: s})
		}
		if got := Overall(rs); got != tt.want {
			t.Errorf("Overall(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func FuzzVerify(f *testing.F) {
	root := newRoot(f, "Soreang")
	signed := signDoc(f, makePDF(f, "Fuzz"), newSigner(f, root, "Asep", "196804111993031009"))
	pool := poolOf(f, root)
	f.Add(signed)
	f.Add(signed[:len(signed)/2])
	f.Add([]byte("%PDF-1.7\n/ByteRange [0 10 20 30] <3082>"))
	f.Add([]byte("/ByteRange[0 1 2 3 4]"))
	f.Fuzz(func(t *testing.T, doc []byte) {
		results, err := Verify(doc, pool)
		if err != nil {
			return
		}
		if !bytes.Equal(doc, signed) && Overall(results) == StatusValid && len(doc) < len(signed) {
			t.Fatalf("a shortened document verifies as valid")
		}
	})
}

func FuzzParseByteRange(f *testing.F) {
	for _, s := range []string{"[0 10 20 30]", " [0 1 2 3]   ", "[0 1 2]", "[1 2 3 4 5]", "[-1 2 3 4]", "[99999999999999 0 0 0]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		v := parseByteRange(in)
		if v == nil {
			return
		}
		if len(v) != 4 {
			t.Fatalf("parsed %d values", len(v))
		}
		for _, n := range v {
			if n < 0 {
				t.Fatalf("negative value %d", n)
			}
		}
	})
}
