package ui

import (
	"fmt"
	"io"
	"log"
	"os"
	"runtime/debug"
	"time"

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
	setMemoryLimit()
	returnMemoryWhenIdle()
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
	// The daily backup starts once the first clicks are over (quietStart)
	// and the whole-file check after the first minute, never competing with
	// the first screens for the processor, the disk or memory. Both are
	// finished or cleanly abandoned before the file is closed
	// (StopBackground runs after the window is gone, before the deferred
	// Close).
	win.StartBackground(quietStart)
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

// quietStart is how long after the window shows the GUI starts no work of
// its own on the data file: the daily backup reads the whole file, and the
// first seconds belong to Beranda and the user's first clicks.
const quietStart = 20 * time.Second

// guiMemoryLimit is the soft memory limit of the GUI process: near it the
// garbage collector runs more often, so a 2,000-staff office stays well
// inside an office computer's memory. It is not a hard cap: the Go runtime
// lets the heap grow past it rather than fail.
const guiMemoryLimit = 160 << 20

// settleTime is how long after the last background read of a screen
// finished the memory it freed goes back to the system.
const settleTime = time.Second

// returnMemoryWhenIdle makes the screens' background reads (runAsync) give
// the memory they freed back to the system once none has finished for
// settleTime. A screen's read allocates many times what it keeps (Beranda's
// year of attendance: about 130 MB for a 2,000-staff office), and the
// garbage collector alone would hand the difference back only over minutes.
// The tests, which build screens over and over, keep runAsync as it is.
func returnMemoryWhenIdle() {
	var timer *time.Timer // only touched by done callbacks, on the UI goroutine
	read := runAsync
	runAsync = func(work, done func()) {
		read(work, func() {
			done()
			if timer != nil {
				timer.Stop()
			}
			timer = time.AfterFunc(settleTime, debug.FreeOSMemory)
		})
	}
}

// setMemoryLimit sets guiMemoryLimit unless GOMEMLIMIT already sets one.
func setMemoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(guiMemoryLimit)
	}
}
