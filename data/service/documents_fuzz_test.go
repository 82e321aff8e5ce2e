package service

import (
	"path/filepath"
	"regexp"
	"testing"
)

var safeFileName = regexp.MustCompile(`^[0-9A-Za-z_.-]*$`)

// FuzzAppraisalFileName checks that any name gives a file name of letters,
// digits, "_", "-" and "." only, without a path separator.
func FuzzAppraisalFileName(f *testing.F) {
	for _, s := range []string{"Asep Saepudin", "Dr. H. Éva, S.Sos.", "../../etc/passwd", "C:\\x", "名前", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		got := AppraisalFileName("196804111993031009", name, "2026-Q3", 1)
		if !safeFileName.MatchString(got) || filepath.Base(got) != got {
			t.Fatalf("AppraisalFileName(%q) = %q", name, got)
		}
	})
}

// FuzzVerifyDocument checks that verifying any bytes never panics and that
// only a signed document can be valid.
func FuzzVerifyDocument(f *testing.F) {
	svc, _ := openService(f)
	for _, s := range []string{"%PDF-1.7\n%%EOF", "bukan pdf", "%PDF-1.4 /ByteRange [0 10 20 30] /Contents <00ff>", "KINERJA-ID EVK-2026-Q3-196804111993031009-r0; SHA-256 " + string(make([]byte, 64))} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		r, err := svc.VerifyDocument("f.pdf", doc)
		if err != nil {
			t.Fatal(err)
		}
		if r.OK() && len(r.Signatures) == 0 {
			t.Fatalf("valid without a signature: %s", r.Line())
		}
	})
}
