package main

import (
	"fmt"
	"io"
	"log"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/ui"
)

// appID identifies Kinerja to the operating system (preferences, notifications).
const appID = "id.kinerja.desktop"

// backupsKept is how many daily snapshots stay in the backups folder.
const backupsKept = 7

// runGUI opens the data file and shows the main window until it is closed.
// screen, when set, is the screen shown first (used by "make screenshots").
func runGUI(dataPath, screen string, stderr io.Writer) int {
	a := app.NewWithID(appID)
	if err := ui.SetupLanguage(a); err != nil {
		log.Printf("memuat terjemahan: %v", err)
	}
	if dataPath == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return showStartupError(a, stderr, fmt.Errorf("menentukan lokasi file data: %w", err))
		}
		dataPath = p
	}
	st, err := store.Open(dataPath, store.Options{})
	if err != nil {
		return showStartupError(a, stderr, err)
	}
	defer st.Close()
	go func() {
		if _, err := st.DailyBackup(backupsKept); err != nil {
			log.Printf("cadangan harian gagal: %v", err)
		}
	}()
	win := ui.New(a, st, ui.Options{
		Version: version,
		LoadDemo: func() error {
			_, err := fillDemo(st, data.DemoOptions{Staff: 45, Seed: 1, Today: data.Today()})
			return err
		},
	})
	if screen != "" {
		win.Show(screen)
	}
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
