package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"kinerja/data/service"
)

func TestSignerImage(t *testing.T) {
	t.Parallel()
	db, nips := twoStaff(t)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 120, 40))); err != nil {
		t.Fatal(err)
	}
	good, bad, big := filepath.Join(dir, "ttd.png"), filepath.Join(dir, "ttd.txt"), filepath.Join(dir, "besar.png")
	for path, b := range map[string][]byte{good: buf.Bytes(), bad: []byte("bukan gambar"), big: make([]byte, service.MaxSignatureImageSize+1)} {
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string
		has  bool // whether the first staff member has an image afterwards
	}{
		{"set", []string{"--nip", nips[0], good}, 0, "dipasang", true},
		{"not an image", []string{"--nip", nips[0], bad}, 1, "PNG atau JPEG", true},
		{"too large", []string{"--nip", nips[0], big}, 1, "KB", true},
		{"unknown NIP", []string{"--nip", "199901012020011001", good}, 1, "199901012020011001", true},
		{"missing file", []string{"--nip", nips[0], filepath.Join(dir, "tidak-ada.png")}, 1, "membaca gambar", true},
		{"no NIP", []string{good}, 2, "", true},
		{"both", []string{"--nip", nips[0], "--remove", good}, 2, "", true},
		{"nothing", []string{"--nip", nips[0]}, 2, "", true},
		{"remove", []string{"--nip", nips[0], "--remove"}, 0, "dihapus", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"signer", "image", "--data", db}, tt.args...)
			code, out, errOut := cli(t, args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.out) {
				t.Errorf("exit %d, %q, %q; want exit %d with %q", code, out, errOut, tt.code, tt.out)
			}
			if got := hasSignatureImage(t, db, nips[0]); got != tt.has {
				t.Errorf("image stored %v, want %v", got, tt.has)
			}
		})
	}
}

// hasSignatureImage tells whether the staff member with nip has a scanned
// signature in the data file db.
func hasSignatureImage(t *testing.T, db, nip string) bool {
	t.Helper()
	svc, err := service.Open(db, service.Options{Actor: "uji"})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Close()
	staff, err := svc.StaffByIdentifier(nip)
	if err != nil {
		t.Fatal(err)
	}
	_, found, err := svc.SignatureImage(staff.ID)
	if err != nil {
		t.Fatal(err)
	}
	return found
}
