package ui

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/internal/testkit/svckit"
)

// testToday is the day every UI test runs on.
var testToday = data.NewDate(2026, 11, 28)

func fyneLocale(s string) fyne.Locale { return fyne.Locale(s) }

// loadedLanguage is the translation this test binary registered last.
// Registering rewrites go-i18n's maps, which an earlier test's background
// work may still be reading, so tests register only when the language changes.
var loadedLanguage string

// useLanguage registers the translation a's preferences choose, once.
func useLanguage(t testing.TB, a fyne.App) {
	t.Helper()
	if Language(a) == loadedLanguage {
		return
	}
	if err := SetupLanguage(a); err != nil {
		t.Fatal(err)
	}
	loadedLanguage = Language(a)
}

// useIndonesian loads the Indonesian translation, as the app does by default.
func useIndonesian(t *testing.T) {
	t.Helper()
	useLanguage(t, test.NewTempApp(t))
}

// newTestUI opens a store on a temporary file (with the office set unless
// noOffice) and builds the window on it in Bahasa Indonesia.
func newTestUI(t testing.TB, noOffice bool, opt Options) (*App, *service.Service) {
	t.Helper()
	return newTestUIOn(t, filepath.Join(t.TempDir(), "kinerja.db"), noOffice, opt)
}

// testServiceOptions open the tests' data files: actor "test", the clock at
// 09:00 on testToday and the cheap key cost.
func testServiceOptions() service.Options {
	now := func() time.Time { return testToday.Time().Add(9 * time.Hour) }
	return service.Options{Create: true, Actor: "test", Now: now, KeyCost: svckit.KeyCost}
}

// newTestUIOn is newTestUI on the data file at path.
func newTestUIOn(t testing.TB, path string, noOffice bool, opt Options) (*App, *service.Service) {
	t.Helper()
	a := test.NewTempApp(t)
	useLanguage(t, a)
	svc, err := service.Open(path, testServiceOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = svc.Close() })
	if !noOffice {
		if err := svc.SetOffice(testOffice); err != nil {
			t.Fatal(err)
		}
	}
	u := New(a, svc, opt)
	u.today = func() data.Date { return testToday }
	u.win.Resize(fyne.NewSize(1100, 700))
	return u, svc
}

// testOffice is the office identity newTestUI sets.
var testOffice = data.Office{Kecamatan: "Soreang", Kabupaten: "Bandung", Kota: "Soreang"}

// objects returns every visible object on the window's canvas, overlays (dialogs) included.
func objects(c fyne.Canvas) []fyne.CanvasObject {
	out := objectsUnder(c.Content())
	for _, o := range c.Overlays().List() {
		out = append(out, objectsUnder(o)...)
	}
	return out
}

// objectsUnder returns root and every visible object inside it.
func objectsUnder(root fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		out = append(out, o)
		switch x := o.(type) {
		case *fyne.Container:
			for _, c := range x.Objects {
				walk(c)
			}
		case fyne.Widget:
			r := test.WidgetRenderer(x)
			for _, c := range r.Objects() {
				walk(c)
			}
		}
	}
	walk(root)
	return out
}

// button finds the visible, enabled button labelled text, topmost (last) first.
// It waits a while for work still running off the UI goroutine to settle.
func button(t *testing.T, u *App, text string) *widget.Button {
	t.Helper()
	var b *widget.Button
	waitFor(t, "an enabled button "+strconv.Quote(text), func() bool {
		b = findButton(objects(u.win.Canvas()), text)
		return b != nil
	})
	return b
}

// buttonIn finds the last visible, enabled button labelled text among objs.
func buttonIn(t *testing.T, objs []fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	if b := findButton(objs, text); b != nil {
		return b
	}
	t.Fatalf("no enabled button %q on screen", text)
	return nil
}

// findButton returns the last visible, enabled button labelled text among objs, or nil.
func findButton(objs []fyne.CanvasObject, text string) *widget.Button {
	for i := len(objs) - 1; i >= 0; i-- {
		if b, ok := objs[i].(*widget.Button); ok && b.Text == text && !b.Disabled() {
			return b
		}
	}
	return nil
}

// shownText reports whether a visible label, rich text or canvas text on screen contains s.
func shownText(u *App, s string) bool {
	for _, o := range objects(u.win.Canvas()) {
		var text string
		switch x := o.(type) {
		case *widget.Label:
			text = x.Text
		case *widget.RichText:
			text = x.String()
		case *canvas.Text:
			text = x.Text
		}
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// waitFor waits until cond holds, for work done off the UI goroutine.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for range 500 {
		if cond() {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("gave up waiting for %s", what)
}

// pns returns a valid PNS record for 196804111993031009 (a man born 11/04/1968) in unit 5.
func pns(name, nip string, birth data.Date) data.Staff {
	return data.Staff{
		NIP: nip, Name: name, Kind: data.KindPNS, Sex: data.SexMale, BirthDate: birth,
		History: []data.Event{{Kind: data.EventStart, Date: data.NewDate(2015, 3, 1),
			Rank: "III/b", Position: "Pengadministrasi Umum", UnitID: 5}},
	}
}
