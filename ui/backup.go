package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// backup asks where to write a copy of the data file and writes a consistent
// snapshot there, off the UI goroutine.
func (u *App) backup() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			u.showError(err)
			return
		}
		path := w.URI().Path()
		_ = w.Close() // the store writes the file itself, atomically
		var backupErr error
		runAsync(func() {
			backupErr = u.svc.BackupFile(path)
		}, func() {
			if backupErr != nil {
				u.showError(backupErr)
				return
			}
			dialog.ShowInformation(lang.L("backup.title"), lang.L("backup.done", map[string]any{"Path": path}), u.win)
		})
	}, u.win)
	d.SetFileName("kinerja-cadangan-" + u.today().Compact() + ".db")
	d.Show()
}
