package ui

import (
	"os"
	"testing"

	"kinerja/internal/testkit"
)

// TestMain runs the screens' background work synchronously: Fyne's test
// driver runs fyne.Do callbacks on the calling goroutine, so real background
// work would race with the test goroutine over the widgets.
func TestMain(m *testing.M) {
	runAsync = func(work, done func()) {
		work()
		done()
	}
	runOnUI = func(f func()) { f() }
	code := m.Run()
	benchCleanup()
	testkit.Cleanup() // removes the data files built once (newDocumentsUI)
	os.Exit(code)
}
