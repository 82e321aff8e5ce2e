package service

import (
	"bytes"
	"errors"
	"testing"

	"kinerja/data"
)

func TestCheckSignatureImage(t *testing.T) {
	t.Parallel()
	pngImg := testLogo(t, 120, 40, encodePNG)
	tests := []struct {
		name string
		img  []byte
		want error
	}{
		{"png", pngImg, nil},
		{"jpeg", testLogo(t, 120, 40, encodeJPEG), nil},
		{"exactly the limit", append(append([]byte{}, pngImg...), make([]byte, MaxSignatureImageSize-len(pngImg))...), nil},
		{"one byte over", append(append([]byte{}, pngImg...), make([]byte, MaxSignatureImageSize-len(pngImg)+1)...), ErrSignatureImageTooLarge},
		{"gif", testLogo(t, 8, 8, encodeGIF), ErrLogoFormat},
		{"truncated png", pngImg[:len(pngImg)/2], ErrLogoFormat},
		{"empty", nil, ErrLogoFormat},
		{"text", []byte("bukan gambar"), ErrLogoFormat},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := CheckSignatureImage(tt.img); !errors.Is(err, tt.want) {
				t.Errorf("CheckSignatureImage = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestSignatureImageRoundTrip(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	id := o.pelaksana[0]
	if img, found, err := o.svc.SignatureImage(id); err != nil || found || img != nil {
		t.Fatalf("none yet: %d bytes, found %v, %v", len(img), found, err)
	}
	if err := o.svc.SetSignatureImage(id, []byte("bukan gambar")); !errors.Is(err, ErrLogoFormat) {
		t.Fatalf("not an image: %v", err)
	}
	if err := o.svc.SetSignatureImage(id, make([]byte, MaxSignatureImageSize+1)); !errors.Is(err, ErrSignatureImageTooLarge) {
		t.Fatalf("oversize: %v", err)
	}
	want := testLogo(t, 120, 40, encodeJPEG)
	if err := o.svc.SetSignatureImage(999999, want); !errors.Is(err, data.ErrNotFound) {
		t.Fatalf("unknown staff: %v", err)
	}
	if err := o.svc.SetSignatureImage(id, want); err != nil {
		t.Fatal(err)
	}
	if got, found, err := o.svc.SignatureImage(id); err != nil || !found || !bytes.Equal(got, want) {
		t.Fatalf("stored: %d bytes, found %v, %v", len(got), found, err)
	}
	if _, found, _ := o.svc.SignatureImage(o.pelaksana[1]); found {
		t.Fatal("another staff member got the image")
	}
	if err := o.svc.RemoveSignatureImage(id); err != nil {
		t.Fatal(err)
	}
	if got, found, err := o.svc.SignatureImage(id); err != nil || found {
		t.Fatalf("after removal: %d bytes, found %v, %v", len(got), found, err)
	}
	if err := o.svc.st.VerifyAudit(); err != nil {
		t.Fatalf("audit: %v", err)
	}
}

func TestSignatureImageOnFinalDocuments(t *testing.T) {
	t.Parallel()
	o := signOffice(t)
	final, draft := o.pelaksana[0], o.pelaksana[1]
	o.finalized(t, final, data.RatingSesuai, data.RatingSesuai)
	o.submitted(t, draft, data.RatingSesuai, data.RatingSesuai)
	k := savedSKP(t, o, final)
	count := func(render func() ([]byte, error)) int {
		t.Helper()
		b, err := render()
		if err != nil {
			t.Fatal(err)
		}
		return imageCount(t, b)
	}
	finalDoc := func() ([]byte, error) { return o.svc.RenderEvaluation(o.periodID, final, 0) }
	draftDoc := func() ([]byte, error) { return o.svc.RenderEvaluation(o.periodID, draft, 0) }
	skpDoc := func() ([]byte, error) { return o.svc.RenderSKP(final, k.ID) }
	before := map[string]int{"final": count(finalDoc), "draft": count(draftDoc), "skp": count(skpDoc)}

	img := testLogo(t, 160, 50, encodePNG)
	for _, id := range []uint64{o.kasi, final, draft} {
		if err := o.svc.SetSignatureImage(id, img); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name   string
		render func() ([]byte, error)
		added  int
	}{
		{"final", finalDoc, 2},
		{"draft", draftDoc, 0},
		{"skp", skpDoc, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := count(tt.render); got != before[tt.name]+tt.added {
				t.Errorf("%d images, want %d + %d", got, before[tt.name], tt.added)
			}
		})
	}

	doc, err := o.svc.SignEvaluation(o.periodID, final, testSignerPass)
	if err != nil {
		t.Fatalf("SignEvaluation: %v", err)
	}
	_, signed, _, err := o.svc.st.Document(o.periodID, final, doc.Revision)
	if err != nil {
		t.Fatal(err)
	}
	if got := imageCount(t, signed); got != before["final"]+2 {
		t.Errorf("signed document: %d images, want both scans, the rater's under the electronic box (%d)", got, before["final"]+2)
	}
}
