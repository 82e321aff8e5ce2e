package ui

import (
	"context"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// backup asks where to write a copy of the data file (saveFile: the data
// file itself and other Kinerja files are refused, an existing file is
// replaced only after confirmation) and writes a compacted, verified copy
// there, off the UI goroutine.
func (u *App) backup() {
	u.saveFile(saveRequest{
		Title: lang.L("backup.title"),
		Name:  "kinerja-cadangan-" + u.today().Compact() + ".db",
		Exts:  []string{".db"},
		Write: func(path string, replace bool) error { return u.svc.BackupTo(context.Background(), path, replace) },
		Done: func(path string) {
			dialog.ShowInformation(lang.L("backup.title"), lang.L("backup.done", map[string]any{"Path": path}), u.win)
		},
	})
}
