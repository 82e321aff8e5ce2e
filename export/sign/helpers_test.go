package sign

import (
	"bytes"
	"crypto/x509"
	"kinerja/internal/testkit"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// testNow is a fixed clock for certificates made in tests.
var testNow = time.Now().Add(-time.Hour)

// makePDF renders a small one-page A4 PDF with gofpdf and a core font.
func makePDF(t testing.TB, lines ...string) []byte {
	t.Helper()
	pdf := gofpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	for _, l := range lines {
		pdf.CellFormat(0, 8, l, "", 1, "L", false, 0, "")
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("gofpdf: %v", err)
	}
	return buf.Bytes()
}

// newRoot makes an office root for tests.
func newRoot(t testing.TB, office string) Identity {
	t.Helper()
	root, err := NewOfficeRoot(office, testNow)
	if err != nil {
		t.Fatalf("NewOfficeRoot: %v", err)
	}
	return root
}

// newSigner issues a signer under root for tests.
func newSigner(t testing.TB, root Identity, name, nip string) Identity {
	t.Helper()
	id, err := IssueSigner(root, name, nip, "Camat", testNow)
	if err != nil {
		t.Fatalf("IssueSigner: %v", err)
	}
	return id
}

// poolOf makes a root pool from identities for tests.
func poolOf(t testing.TB, roots ...Identity) *x509.CertPool {
	t.Helper()
	var ders [][]byte
	for _, r := range roots {
		ders = append(ders, r.CertDER)
	}
	pool, err := NewRootPool(ders...)
	if err != nil {
		t.Fatalf("NewRootPool: %v", err)
	}
	return pool
}

// signDoc signs doc and fails the test on error.
func signDoc(t testing.TB, doc []byte, id Identity) []byte {
	t.Helper()
	out, err := SignPDF(doc, id, SignInfo{Name: "Drs. H. Asep Saepudin, M.Si.", Location: "Soreang", Reason: "Penetapan evaluasi kinerja"})
	if err != nil {
		t.Fatalf("SignPDF: %v", err)
	}
	return out
}

// runTool runs an installed tool with args, where the argument "FILE" stands
// for a file holding data, and returns its combined output and exit error. Without the tool the test is skipped
// locally, but fails when CI=true.
func runTool(t *testing.T, data []byte, tool string, args ...string) (string, error) {
	t.Helper()
	f := testkit.WriteTemp(t, "doc.pdf", data)
	argv := append([]string(nil), args...)
	for i, a := range argv {
		if a == "FILE" {
			argv[i] = f
		}
	}
	return testkit.Tool(t, tool, argv...)
}
