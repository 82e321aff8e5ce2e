package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// exportStaff asks where to save the whole register (saveFile) and writes it
// there, as XLSX or CSV by the file's extension, off the UI goroutine.
func (u *App) exportStaff() {
	var n int
	u.saveFile(saveRequest{
		Title: lang.L("save.title.staff"),
		Name:  "pegawai-" + u.today().Compact() + ".xlsx",
		Exts:  []string{".xlsx", ".csv"},
		Write: func(path string, _ bool) (err error) {
			n, err = u.svc.ExportStaff(path)
			return err
		},
		Done: func(path string) {
			dialog.ShowInformation(lang.L("export.title"),
				lang.L("export.done", map[string]any{"N": n, "Path": path}), u.win)
		},
	})
}
