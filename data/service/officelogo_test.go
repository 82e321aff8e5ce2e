package service

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

// testLogo is a w×h image encoded by enc.
func testLogo(t testing.TB, w, h int, enc func(*bytes.Buffer, image.Image) error) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.NRGBA{R: uint8(x), G: 120, B: uint8(y), A: 200})
		}
	}
	var buf bytes.Buffer
	if err := enc(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(b *bytes.Buffer, m image.Image) error  { return png.Encode(b, m) }
func encodeJPEG(b *bytes.Buffer, m image.Image) error { return jpeg.Encode(b, m, nil) }
func encodeGIF(b *bytes.Buffer, m image.Image) error  { return gif.Encode(b, m, nil) }

func TestCheckLogo(t *testing.T) {
	t.Parallel()
	pngLogo := testLogo(t, 64, 64, encodePNG)
	huge := append(append([]byte{}, pngLogo[:16]...), make([]byte, MaxLogoSize)...)
	tests := []struct {
		name string
		logo []byte
		want error
	}{
		{"png", pngLogo, nil},
		{"jpeg", testLogo(t, 64, 48, encodeJPEG), nil},
		{"exactly the limit is checked by decoding", append(append([]byte{}, pngLogo...), make([]byte, MaxLogoSize-len(pngLogo))...), nil},
		{"too large", huge, ErrLogoTooLarge},
		{"gif", testLogo(t, 8, 8, encodeGIF), ErrLogoFormat},
		{"truncated png", pngLogo[:len(pngLogo)/2], ErrLogoFormat},
		{"jpeg header only", []byte{0xFF, 0xD8, 0xFF, 0xE0}, ErrLogoFormat},
		{"empty", nil, ErrLogoFormat},
		{"text", []byte("bukan gambar"), ErrLogoFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckLogo(tt.logo); !errors.Is(err, tt.want) {
				t.Errorf("CheckLogo = %v, want %v", err, tt.want)
			}
		})
	}
}

func FuzzCheckLogo(f *testing.F) {
	f.Add(testLogo(f, 4, 4, encodePNG))
	f.Add(testLogo(f, 4, 4, encodeJPEG))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if err := CheckLogo(b); err != nil && !errors.Is(err, ErrLogoFormat) && !errors.Is(err, ErrLogoTooLarge) {
			t.Fatalf("unexpected error kind: %v", err)
		}
	})
}

func TestOfficeLogoRoundTrip(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	if logo, err := o.svc.OfficeLogo(); err != nil || logo != nil {
		t.Fatalf("no logo yet: %d bytes, %v", len(logo), err)
	}
	if err := o.svc.SetOfficeLogo([]byte("bukan gambar")); !errors.Is(err, ErrLogoFormat) {
		t.Fatalf("bad logo: %v", err)
	}
	want := testLogo(t, 40, 40, encodeJPEG)
	if err := o.svc.SetOfficeLogo(want); err != nil {
		t.Fatal(err)
	}
	if got, err := o.svc.OfficeLogo(); err != nil || !bytes.Equal(got, want) {
		t.Fatalf("stored logo: %d bytes, %v", len(got), err)
	}
	if err := o.svc.RemoveOfficeLogo(); err != nil {
		t.Fatal(err)
	}
	if got, err := o.svc.OfficeLogo(); err != nil || got != nil {
		t.Fatalf("after removal: %d bytes, %v", len(got), err)
	}
	if err := o.svc.st.VerifyAudit(); err != nil {
		t.Fatalf("audit: %v", err)
	}
}

// imageCount is the number of images pdfimages lists in a PDF.
func imageCount(t *testing.T, b []byte) int {
	t.Helper()
	out, err := toolOutput(t, "pdfimages", "-list", writeTemp(t, "logo.pdf", b))
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	return max(len(lines)-2, 0) // two header lines
}

func TestLogoOnEveryDocument(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	staffID := o.pelaksana[0]
	k := savedSKP(t, o, staffID)
	o.submitted(t, staffID, data.RatingSesuai, data.RatingSesuai)
	kasi, err := o.svc.StaffByID(o.kasi)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	render := map[string]func() ([]byte, error){
		"evaluasi": func() ([]byte, error) { return o.svc.RenderEvaluation(o.periodID, staffID, 0) },
		"SKP":      func() ([]byte, error) { return o.svc.RenderSKP(staffID, k.ID) },
		"formulir": func() ([]byte, error) {
			res, err := o.svc.ExportForms(t.Context(), o.periodID, ExportFilter{NIP: kasi.NIP}, t.TempDir(), nil)
			if err != nil {
				return nil, err
			}
			return os.ReadFile(res.Files[0].Path)
		},
		"daftar hadir": func() ([]byte, error) {
			return o.svc.AttendanceSheet(data.NewDate(2026, time.November, 2), data.NewDate(2026, time.November, 2), 0)
		},
		"rekap": func() ([]byte, error) {
			files, err := o.svc.ExportAttendance(2026, time.October, dir, "pdf", data.NewDate(2026, time.November, 2))
			if err != nil || len(files) == 0 {
				return nil, err
			}
			return os.ReadFile(filepath.Join(dir, filepath.Base(files[0])))
		},
	}
	before := map[string]int{}
	for name, r := range render {
		b, err := r()
		if err != nil {
			t.Fatalf("%s without logo: %v", name, err)
		}
		before[name] = imageCount(t, b)
	}
	if err := o.svc.SetOfficeLogo(testLogo(t, 80, 80, encodePNG)); err != nil {
		t.Fatal(err)
	}
	for name, r := range render {
		b, err := r()
		if err != nil {
			t.Fatalf("%s with logo: %v", name, err)
		}
		if n := imageCount(t, b); n != before[name]+1 {
			t.Errorf("%s: %d images with the logo, %d without", name, n, before[name])
		}
	}
}
