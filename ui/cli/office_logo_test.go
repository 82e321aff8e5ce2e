package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOfficeLogo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := created(t, filepath.Join(dir, "k.db"))
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 16, 16))); err != nil {
		t.Fatal(err)
	}
	good, bad := filepath.Join(dir, "logo.png"), filepath.Join(dir, "logo.txt")
	if err := os.WriteFile(good, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("bukan gambar"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		code int
		out  string
	}{
		{"set", []string{good}, 0, "Logo kop surat dipasang"},
		{"not an image", []string{bad}, 1, "PNG atau JPEG"},
		{"missing file", []string{filepath.Join(dir, "tidak-ada.png")}, 1, "membaca logo"},
		{"remove", []string{"--remove"}, 0, "dihapus"},
		{"nothing", nil, 2, ""},
		{"both", []string{"--remove", good}, 2, ""},
		{"two files", []string{good, good}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"office", "logo", "--data", db}, tt.args...)
			code, out, errOut := cli(t, args...)
			if code != tt.code || !strings.Contains(out+errOut, tt.out) {
				t.Errorf("exit %d, %q, %q; want exit %d with %q", code, out, errOut, tt.code, tt.out)
			}
		})
	}
}
