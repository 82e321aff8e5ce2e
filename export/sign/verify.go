package sign

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/x509"
	"encoding/asn1"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/digitorus/pkcs7"
)

// Status is the verdict on one signature, or on a whole document.
type Status int

// The verdicts, from best to worst as Overall ranks them.
const (
	StatusValid         Status = iota + 1 // digest matches and the signer chains to a trusted office root
	StatusUnknownSigner                   // digest matches but the signer does not chain to a trusted root at signing time
	StatusChanged                         // the signed bytes were changed, or the signature is damaged
	StatusUnsigned                        // the document carries no signature
)

// String gives the verdict in Indonesian as shown to the user.
func (s Status) String() string {
	switch s {
	case StatusValid:
		return "Sah"
	case StatusUnknownSigner:
		return "Penanda tangan tidak dikenal kantor ini"
	case StatusChanged:
		return "Berubah setelah ditandatangani"
	case StatusUnsigned:
		return "Tidak bertanda tangan"
	}
	return "Status tidak dikenal"
}

// CertKind tells where a signer's certificate comes from.
type CertKind int

// The certificate kinds.
const (
	CertOffice   CertKind = iota + 1 // issued by an office root of this app (tidak tersertifikasi)
	CertImported                     // issued by another CA, imported from PKCS#12
)

// String describes the certificate kind in Indonesian.
func (k CertKind) String() string {
	switch k {
	case CertOffice:
		return "sertifikat kantor (tanda tangan elektronik tidak tersertifikasi)"
	case CertImported:
		return "sertifikat dari penerbit lain (impor PKCS#12)"
	}
	return "sertifikat tidak terbaca"
}

// Result is the verification of one signature in a PDF.
type Result struct {
	Status      Status
	Detail      string            // Indonesian explanation; empty for a valid signature over the whole file
	Signer      string            // common name of the signer's certificate
	NIP         string            // subject serial number of the signer's certificate
	Role        string            // title in the signer's certificate
	Issuer      string            // common name of the certificate's issuer
	SignedAt    time.Time         // signing time recorded in the signature; zero when absent
	Kind        CertKind          // zero when the certificate is unreadable
	WholeFile   bool              // the signature covers the file up to its last byte
	Certificate *x509.Certificate // the signer's certificate; nil when unreadable

	// RootName and RootFingerprint name the trusted root the signer's
	// certificate chains to (common name; first 8 bytes of the SHA-256 of
	// its DER in hex, groups of four, e.g. "1A2B 3C4D 5E6F 7081"); empty
	// when it chains to none.
	RootName, RootFingerprint string
	// RevisionEnd is the length of the revision this signature covers (the
	// end of its ByteRange), 0 when the ByteRange is unusable.
	RevisionEnd int64
	// RevisionSHA256 is the SHA-256 of that revision's bytes, doc[:RevisionEnd]
	// in hex: for a signature made by SignPDF, the hash of SignPDF's output.
	RevisionSHA256 string
	// Unaltered is set by VerifyPDF when what a reader of the whole file sees
	// is what this signature covers (later updates only added signatures).
	Unaltered bool
}

// Overall ranks the results of one document: unsigned when there are none,
// otherwise the worst status among them.
func Overall(results []Result) Status {
	if len(results) == 0 {
		return StatusUnsigned
	}
	worst := StatusValid
	for _, r := range results {
		if r.Status > worst {
			worst = r.Status
		}
	}
	return worst
}

// Limits on the files Verify and VerifyPDF examine, so a hostile file is
// refused at once instead of keeping the computer busy.
const (
	maxVerifySize = 50 << 20 // bytes
	maxSignatures = 50       // signature dictionaries (ByteRange entries) or signature contents
)

// Errors for files beyond the limits; shown to the user as they are.
var (
	ErrTooLarge          = errors.New("Berkas terlalu besar untuk diperiksa (lebih dari 50 MB)")
	ErrTooManySignatures = fmt.Errorf("Terlalu banyak tanda tangan dalam berkas (lebih dari %d)", maxSignatures)
)

// Report is the verification of one PDF: every signature and the document
// as a whole.
type Report struct {
	Signatures []Result // in file order, each judged on the bytes it covers
	Document   DocumentVerdict
}

// Overall is the verdict a user should be given: the worst signature, and
// changed when the document was altered after a signature or its structure
// could not be read.
func (r Report) Overall() Status {
	s := Overall(r.Signatures)
	if s != StatusUnsigned && !r.Document.Unchanged() {
		return StatusChanged
	}
	return s
}

// Verify checks every signature in a PDF, offline, in file order. A
// signature is valid when the bytes it covers are unchanged, what a reader of
// the whole file sees is what it covers (later updates only added signatures
// and validation data), and its signer's certificate chains to one of roots,
// judged at the signing time recorded in the signature (so expiry afterwards
// does not matter). Bytes appended after the last signature count as a change
// unless a later signature covers them. A file without signatures gives no
// results; an error means the input is not a PDF at all or is beyond the
// limits (50 MB, 50 signatures). It is VerifyPDF with the document verdict
// folded into the signatures it concerns.
func Verify(doc []byte, roots *x509.CertPool) ([]Result, error) {
	rep, err := VerifyPDF(doc, roots)
	if err != nil {
		return nil, err
	}
	results := rep.Signatures
	if !rep.Document.Unchanged() {
		for i := range results {
			if results[i].Unaltered {
				continue
			}
			results[i].Status = StatusChanged
			results[i].Detail = joinDetail(results[i].Detail, rep.Document.Reason)
		}
	}
	return results, nil
}

// VerifyPDF checks every signature on its own (as Verify describes) and
// judges the document: for each signature it compares the revision the
// signature covers with the whole file, object by object from /Root, and
// allows only new signature fields with their widgets and appearances, the
// /AcroForm entries they need, /DSS and /Info. Each incremental update after
// the first signature must hold nothing but its objects, cross-reference
// section and trailer, and its /Prev must be the previous startxref; a
// structure it cannot read is reported undetermined, never unchanged. The
// work is linear in the file's size; larger files than 50 MB and files with
// more than 50 signatures are refused with ErrTooLarge or
// ErrTooManySignatures before anything else.
func VerifyPDF(doc []byte, roots *x509.CertPool) (rep Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			rep, err = Report{}, fmt.Errorf("PDF tidak dapat diperiksa: %v", r)
		}
	}()
	if len(doc) > maxVerifySize {
		return Report{}, ErrTooLarge
	}
	if bytes.Count(doc, byteRangeKey) > maxSignatures {
		return Report{}, ErrTooManySignatures
	}
	ranges := findByteRanges(doc)
	contents, ok := findSignatureContents(doc, maxSignatures)
	if !ok {
		return Report{}, ErrTooManySignatures
	}
	if len(ranges) == 0 && len(contents) == 0 {
		if !bytes.HasPrefix(doc, []byte("%PDF-")) {
			return Report{}, errors.New("berkas bukan PDF")
		}
		return Report{Document: DocumentVerdict{ChangedAfter: -1}}, nil
	}
	var results []Result
	used := make([]bool, len(contents))
	ends := make([]int64, 0, len(ranges))
	for _, br := range ranges {
		r, end := verifyRange(doc, br, contents, used, roots)
		results = append(results, r)
		ends = append(ends, end)
	}
	for i, c := range contents {
		if !used[i] {
			r := describeSigner(c.p7)
			r.Status, r.Detail = StatusChanged, "kamus tanda tangan rusak: tidak ada ByteRange yang menunjuk isi tanda tangan ini"
			results = append(results, r)
			ends = append(ends, -1)
		}
	}
	markCoverage(results, ends, int64(len(doc)))
	verdict := judgeDocument(doc, results, ends)
	return Report{Signatures: results, Document: verdict}, nil
}

// verifyRange judges the signature one ByteRange entry points at; it also
// returns the end of the signed bytes (-1 when unusable).
func verifyRange(doc []byte, br rangeEntry, contents []contentsEntry, used []bool, roots *x509.CertPool) (Result, int64) {
	v := br.values
	size := int64(len(doc))
	if v == nil {
		return Result{Status: StatusChanged, Detail: "ByteRange tanda tangan rusak"}, -1
	}
	if v[0] != 0 || v[1] <= 0 || v[2] <= v[1] || v[3] < 0 || v[2] > size || v[3] > size-v[2] {
		return Result{Status: StatusChanged, Detail: "ByteRange tanda tangan tidak cocok dengan berkas"}, -1
	}
	idx := -1
	for i, c := range contents {
		if int64(c.start) == v[1] && int64(c.end) == v[2] {
			idx = i
			break
		}
	}
	if idx < 0 {
		return Result{Status: StatusChanged, Detail: "isi tanda tangan rusak atau tidak berada di tempat yang ditunjuk ByteRange"}, -1
	}
	used[idx] = true
	p7 := contents[idx].p7
	r := describeSigner(p7)
	end := v[2] + v[3]
	sum := sha256.Sum256(doc[:end])
	r.RevisionEnd, r.RevisionSHA256 = end, hex.EncodeToString(sum[:])
	r.Status, r.Detail = judge(p7, &r, doc[:v[1]], doc[v[2]:end], roots)
	return r, end
}

// describeSigner fills in who signed and when, as the signature claims.
func describeSigner(p7 *pkcs7.PKCS7) Result {
	var r Result
	var at time.Time
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeSigningTime, &at); err == nil {
		r.SignedAt = at
	}
	cert := p7.GetOnlySigner()
	if cert == nil {
		return r
	}
	r.setSigner(cert)
	return r
}

// setSigner fills in the signer's certificate, name, NIP, role, issuer and
// certificate kind.
func (r *Result) setSigner(cert *x509.Certificate) {
	r.Certificate = cert
	r.Signer = cert.Subject.CommonName
	r.NIP = cert.Subject.SerialNumber
	r.Issuer = cert.Issuer.CommonName
	for _, n := range cert.Subject.Names {
		if n.Type.Equal(oidTitle) {
			if s, ok := n.Value.(string); ok {
				r.Role = s
			}
		}
	}
	r.Kind = CertImported
	if strings.HasPrefix(cert.Issuer.CommonName, RootNamePrefix) {
		r.Kind = CertOffice
	}
}

// judge checks the digest of the signed bytes (head and tail, the two parts
// of the ByteRange), the signature and the certificate chain; it records the
// trusted root in r.
func judge(p7 *pkcs7.PKCS7, r *Result, head, tail []byte, roots *x509.CertPool) (Status, string) {
	cert := r.Certificate
	if cert == nil {
		return StatusChanged, "tanda tangan tidak memuat tepat satu sertifikat penanda tangan"
	}
	if detail := checkDigest(p7, head, tail); detail != "" {
		return StatusChanged, detail
	}
	// The digest matches; the PKCS#7 check below hashes the content again.
	p7.Content = append(append(make([]byte, 0, len(head)+len(tail)), head...), tail...)
	at := r.SignedAt
	note := ""
	if at.IsZero() {
		at = time.Now()
		note = "waktu penandatanganan tidak tercatat; sertifikat dinilai pada saat ini"
	}
	if at.Before(cert.NotBefore) || at.After(cert.NotAfter) {
		return StatusUnknownSigner, fmt.Sprintf("sertifikat penanda tangan tidak berlaku pada waktu penandatanganan (berlaku %s sampai %s)",
			cert.NotBefore.Format(time.DateOnly), cert.NotAfter.Format(time.DateOnly))
	}
	if err := p7.VerifyWithChainAtTime(nil, at); err != nil {
		return StatusChanged, "tanda tangan tidak cocok dengan isinya"
	}
	if cert.KeyUsage != 0 && cert.KeyUsage&(x509.KeyUsageDigitalSignature|x509.KeyUsageContentCommitment) == 0 {
		return StatusUnknownSigner, "sertifikat penanda tangan tidak untuk tanda tangan"
	}
	if roots == nil {
		return StatusUnknownSigner, "belum ada sertifikat induk yang dipercaya"
	}
	intermediates := x509.NewCertPool()
	for _, c := range p7.Certificates {
		intermediates.AddCert(c)
	}
	chains, err := cert.Verify(x509.VerifyOptions{
		Roots:         roots,
		Intermediates: intermediates,
		CurrentTime:   at,
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageAny},
	})
	if err != nil {
		return StatusUnknownSigner, "sertifikat tidak diterbitkan oleh sertifikat induk yang dipercaya kantor ini"
	}
	top := chains[0][len(chains[0])-1]
	r.RootName, r.RootFingerprint = top.Subject.CommonName, ShortFingerprint(top.Raw)
	return StatusValid, note
}

// checkDigest compares the digest the signature carries with the digest of
// the signed bytes, head then tail; it returns an Indonesian problem or "".
func checkDigest(p7 *pkcs7.PKCS7, head, tail []byte) string {
	if len(p7.Signers) != 1 {
		return "tanda tangan tidak memuat tepat satu penanda tangan"
	}
	h, ok := digestHash(p7.Signers[0].DigestAlgorithm.Algorithm)
	if !ok {
		return "algoritma ringkasan tanda tangan tidak didukung"
	}
	var want []byte
	if err := p7.UnmarshalSignedAttribute(pkcs7.OIDAttributeMessageDigest, &want); err != nil {
		return "tanda tangan tidak memuat ringkasan dokumen"
	}
	hasher := h.New()
	hasher.Write(head)
	hasher.Write(tail)
	if subtle.ConstantTimeCompare(want, hasher.Sum(nil)) != 1 {
		return "isi dokumen berubah setelah ditandatangani"
	}
	return ""
}

// digestHash maps a digest algorithm OID to its hash.
func digestHash(oid asn1.ObjectIdentifier) (crypto.Hash, bool) {
	switch {
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA1):
		return crypto.SHA1, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA256):
		return crypto.SHA256, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA384):
		return crypto.SHA384, true
	case oid.Equal(pkcs7.OIDDigestAlgorithmSHA512):
		return crypto.SHA512, true
	}
	return 0, false
}

// markCoverage sets WholeFile and marks signatures followed by unsigned
// additions as changed. A signature that does not reach the end of the file
// stays valid only when a later intact signature does reach it.
func markCoverage(results []Result, ends []int64, size int64) {
	lastCovered := false
	for i, end := range ends {
		if end == size && results[i].Status != StatusChanged {
			lastCovered = true
		}
	}
	for i, end := range ends {
		switch {
		case end < 0 || results[i].Status == StatusChanged:
		case end == size:
			results[i].WholeFile = true
		case lastCovered:
			results[i].Detail = joinDetail(results[i].Detail, "dokumen diberi tanda tangan lain sesudah tanda tangan ini")
		default:
			results[i].Status = StatusChanged
			results[i].Detail = joinDetail(results[i].Detail, "ada tambahan pada berkas sesudah tanda tangan terakhir")
		}
	}
}

// joinDetail joins two Indonesian notes with "; ".
func joinDetail(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// ShortFingerprint is the first 8 bytes of the SHA-256 of a DER certificate,
// in upper-case hex in groups of four, to compare by phone.
func ShortFingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	h := strings.ToUpper(hex.EncodeToString(sum[:8]))
	return h[0:4] + " " + h[4:8] + " " + h[8:12] + " " + h[12:16]
}
