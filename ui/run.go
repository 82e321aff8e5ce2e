package ui

import (
	"fmt"
	"io"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// appID identifies Kinerja to the operating system (preferences, notifications).
const appID = "id.kinerja.desktop"

// Run opens the data file and shows the main window until it is closed, and
// returns the exit code. screen, when set, is the screen shown first (used by
// "make screenshots"); version is shown in the title and the about box.
func Run(dataPath, screen, version string, stderr io.Writer) int {
	a := app.NewWithID(appID)
	if err := SetupLanguage(a); err != nil {
		log.Printf("memuat terjemahan: %v", err)
	}
	firstRun := dataPath == "" // the default file is made on the first run; a named one must exist
	if firstRun {
		p, err := service.DefaultPath()
		if err != nil {
			return showStartupError(a, stderr, fmt.Errorf("menentukan lokasi file data: %w", err))
		}
		dataPath = p
	}
	svc, err := service.Open(dataPath, service.Options{Create: firstRun})
	if err != nil {
		return showStartupError(a, stderr, err)
	}
	defer svc.Close()
	win := New(a, svc, Options{Version: version})
	if screen != "" {
		win.Show(screen)
	}
	// The daily backup and then the whole-file check start a few seconds
	// after the window shows, never competing with the first clicks. Both
	// are finished or cleanly abandoned before the file is closed
	// (StopBackground runs after the window is gone, before the deferred
	// Close).
	win.StartBackground(0)
	defer win.StopBackground()
	win.Window().ShowAndRun()
	return 0
}

// showStartupError explains in a small window why Kinerja cannot open (for
// example, another copy holds the data file) and returns exit code 1.
func showStartupError(a fyne.App, stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "kinerja:", err)
	w := a.NewWindow("Kinerja")
	msg := widget.NewLabel(err.Error())
	msg.Wrapping = fyne.TextWrapWord
	w.SetContent(container.NewBorder(nil, container.NewCenter(widget.NewButton("Tutup", a.Quit)), nil, nil, msg))
	w.Resize(fyne.NewSize(460, 180))
	w.ShowAndRun()
	return 1
}
