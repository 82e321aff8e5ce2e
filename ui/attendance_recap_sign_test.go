package ui

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// overlayEntries returns the entries of the dialog on top, in order.
func overlayEntries(t *testing.T, u *App) []*widget.Entry {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	var out []*widget.Entry
	for _, o := range objectsUnder(top) {
		if e, ok := o.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}

func TestRecapSignFromTheGUIWritesVerifiedPDFs(t *testing.T) {
	u, svc := newAttendanceUI(t, 6)
	if _, err := svc.MarkNotEnteredAsH(workDay, 0); err != nil {
		t.Fatal(err)
	}
	s := staffOfKind(t, svc, data.KindPNS)
	// The test service seals keys at svckit.KeyCost (testServiceOptions).
	if _, err := svc.CreateOfficeRoot("frasa-induk-kantor-uji"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.CreateSigner(s.ID, "frasa-induk-kantor-uji", "frasa-kasubbag-uji-1"); err != nil {
		t.Fatal(err)
	}
	u.attendance.tabs.SelectIndex(1)
	v := u.attendance.recap
	dir := t.TempDir()

	sign := func(passphrase string) {
		t.Helper()
		test.Tap(button(t, u, "Tandatangani PDF…"))
		entries := overlayEntries(t, u)
		if len(entries) != 2 {
			t.Fatalf("the signing form has %d entries, want NIP and passphrase", len(entries))
		}
		test.Type(entries[0], s.NIP)
		test.Type(entries[1], passphrase)
		test.Tap(button(t, u, "Tandatangani PDF…")) // the form's own button, on top
		folder := overlayEntries(t, u)
		if len(folder) == 0 {
			t.Fatal("no folder chooser after the form")
		}
		folder[0].SetText(dir)
		test.Tap(button(t, u, "Pilih folder ini"))
	}

	sign("frasa-salah-sekali")
	waitFor(t, "the wrong passphrase refused", func() bool { return shownText(u, "Frasa sandi salah") })
	if len(v.signed) != 0 {
		t.Fatalf("signed with a wrong passphrase: %v", v.signed)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Fatalf("files written with a wrong passphrase: %v", left)
	}
	u.win.Canvas().Overlays().Top().Hide()
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	sign("frasa-kasubbag-uji-1")
	waitFor(t, "the signed recaps", func() bool { return len(v.signed) > 0 })
	if len(v.signed) != 2 || !strings.Contains(v.msg.Text, "Rekap ditandatangani") {
		t.Fatalf("signed %v, message %q", v.signed, v.msg.Text)
	}
	results, err := svc.Verify(v.signed)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if !r.OK() || !strings.HasPrefix(r.Verdict, "Sah") || !strings.Contains(strings.Join(r.SignatureLines, " "), s.Name) {
			t.Errorf("%s", r.Line())
		}
	}
}
