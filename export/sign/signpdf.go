package sign

import (
	"bytes"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/digitorus/pdf"
	pdfsign "github.com/digitorus/pdfsign/sign"
)

// SignInfo is what a signature records besides the certificate.
type SignInfo struct {
	Name     string    // signer's name as printed on the document
	Location string    // place of signing, e.g. "Soreang"
	Reason   string    // why the document is signed
	Contact  string    // how to reach the signer or the office
	Time     time.Time // signing time written as /M in the signature dictionary; zero means now
}

// SignPDF adds an invisible approval signature to a PDF as an incremental
// update: PKCS#7 detached (adbe.pkcs7.detached) over SHA-256, with the
// identity's certificate chain embedded and no timestamp server. A PDF that
// already carries signatures keeps them valid. The identity's key must be
// unlocked and its certificate valid at the signing time. The signing time
// Verify reports is the PKCS#7 signing-time attribute, which pdfsign always
// takes from the computer's clock; info.Time only fills the /M entry.
func SignPDF(doc []byte, id Identity, info SignInfo) (out []byte, err error) {
	if id.Key == nil {
		return nil, errors.New("kunci penanda tangan belum dibuka")
	}
	certs, err := id.chainCertificates()
	if err != nil {
		return nil, err
	}
	leaf := certs[0]
	if pub, ok := leaf.PublicKey.(publicKeyEqualer); !ok || !pub.Equal(id.Key.Public()) {
		return nil, errors.New("kunci penanda tangan tidak cocok dengan sertifikatnya")
	}
	now := time.Now()
	at := info.Time
	if at.IsZero() {
		at = now
	}
	for _, t := range []time.Time{now, at} {
		if t.Before(leaf.NotBefore) || t.After(leaf.NotAfter) {
			return nil, fmt.Errorf("sertifikat penanda tangan hanya berlaku %s sampai %s",
				leaf.NotBefore.Format(time.DateOnly), leaf.NotAfter.Format(time.DateOnly))
		}
	}
	if !bytes.HasPrefix(doc, []byte("%PDF-")) {
		return nil, errors.New("berkas yang akan ditandatangani bukan PDF")
	}
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("PDF tidak dapat ditandatangani: %v", r)
		}
	}()
	doc = raiseHeaderVersion(doc)
	rdr, err := pdf.NewReader(bytes.NewReader(doc), int64(len(doc)))
	if err != nil {
		return nil, fmt.Errorf("PDF tidak dapat dibaca untuk ditandatangani: %w", err)
	}
	data := pdfsign.SignData{
		Signature: pdfsign.SignDataSignature{
			CertType: pdfsign.ApprovalSignature,
			Info: pdfsign.SignDataSignatureInfo{
				Name:        pdfText(info.Name),
				Location:    pdfText(info.Location),
				Reason:      pdfText(info.Reason),
				ContactInfo: pdfText(info.Contact),
				Date:        at,
			},
		},
		Signer:            id.Key,
		DigestAlgorithm:   crypto.SHA256,
		Certificate:       leaf,
		CertificateChains: [][]*x509.Certificate{certs},
	}
	var buf bytes.Buffer
	buf.Grow(len(doc) + 8192)
	if err := pdfsign.Sign(bytes.NewReader(doc), &buf, rdr, int64(len(doc)), data); err != nil {
		return nil, fmt.Errorf("menandatangani PDF: %w", err)
	}
	return buf.Bytes(), nil
}

// raiseHeaderVersion returns doc with a "%PDF-1.7" header when the document is
// not signed yet and declares a version below 1.5. pdfsign adds /Version /1.5
// to the catalog of such a file, and would add it a second time when the file
// is signed again; declaring the version in the header (same length, so no
// offset moves) before the first signature avoids that duplicate key.
func raiseHeaderVersion(doc []byte) []byte {
	const prefix = "%PDF-1."
	if len(doc) < len(prefix)+1 || string(doc[:len(prefix)]) != prefix {
		return doc
	}
	minor := doc[len(prefix)]
	if minor < '0' || minor > '4' || len(findByteRanges(doc)) > 0 {
		return doc
	}
	raised := bytes.Clone(doc)
	raised[len(prefix)] = '7'
	return raised
}

// pdfText makes a text safe for the signature dictionary. pdfsign writes a
// non-ASCII text as raw UTF-16 inside a literal string without escaping, so a
// character whose UTF-16 bytes include a parenthesis, backslash or line break
// would corrupt the PDF: such characters become '?' (parentheses become
// brackets). Control characters are dropped.
func pdfText(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for _, r := range s {
		if r > 0x7f {
			ascii = false
			break
		}
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			continue
		case ascii:
			b.WriteRune(r)
		case r == '(':
			b.WriteByte('[')
		case r == ')':
			b.WriteByte(']')
		case unsafeInUTF16(r):
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unsafeInUTF16 reports whether the UTF-16BE encoding of r contains a byte
// that is special inside a PDF literal string.
func unsafeInUTF16(r rune) bool {
	for _, unit := range utf16.Encode([]rune{r}) {
		for _, c := range []byte{byte(unit >> 8), byte(unit)} {
			switch c {
			case '(', ')', '\\', '\r', '\n':
				return true
			}
		}
	}
	return false
}
