package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// exportStaff asks where to save the whole register and writes it there, as
// XLSX or CSV by the file's extension, off the UI goroutine.
func (u *App) exportStaff() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			u.showError(err)
			return
		}
		path := w.URI().Path()
		_ = w.Close() // export writes the file itself, atomically
		var n int
		var writeErr error
		runAsync(func() {
			n, writeErr = u.svc.ExportStaff(path)
		}, func() {
			if writeErr != nil {
				u.showError(writeErr)
				return
			}
			dialog.ShowInformation(lang.L("export.title"),
				lang.L("export.done", map[string]any{"N": n, "Path": path}), u.win)
		})
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	d.SetFileName("pegawai-" + u.today().Compact() + ".xlsx")
	d.Show()
}
