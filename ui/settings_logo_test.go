package ui

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
)

func TestSettingsLogo(t *testing.T) {
	u, svc := newTestUI(t, false, Options{})
	u.Show(ScreenSettings)
	c := u.settings.logo
	if !shownText(u, "Belum ada logo") || !c.remove.Disabled() {
		t.Fatal("without a logo the card must say so and offer no removal")
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 20, 20))); err != nil {
		t.Fatal(err)
	}
	if err := svc.SetOfficeLogo(buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	u.Show(ScreenSettings)
	if _, ok := c.preview.Objects[0].(*canvas.Image); !ok || c.remove.Disabled() {
		t.Fatalf("stored logo not previewed: %T, removal disabled %v", c.preview.Objects[0], c.remove.Disabled())
	}
	test.Tap(button(t, u, "Hapus logo"))
	test.Tap(button(t, u, "Ya"))
	if logo, err := svc.OfficeLogo(); err != nil || logo != nil {
		t.Fatalf("after Hapus logo: %d bytes, %v", len(logo), err)
	}
	if !shownText(u, "Logo kop surat dihapus") || !shownText(u, "Belum ada logo") {
		t.Error("removal not reported")
	}
}
