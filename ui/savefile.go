package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// prefLastFolder is the preference holding the folder last used to save or
// export, where the next save and folder choice start.
const prefLastFolder = "files.last_folder"

// saveRequest describes one file the user saves through saveFile.
type saveRequest struct {
	Title string   // dialog title
	Name  string   // suggested file name
	Exts  []string // accepted extensions, the first added when the name has none; nil accepts any
	// Write writes the file at path off the UI goroutine; replace is true
	// only after the user agreed to replace an existing file.
	Write func(path string, replace bool) error
	// Done runs on the UI goroutine after a successful write.
	Done func(path string)
}

// saveDialog is the one save component: a folder (typed, pasted, chosen
// with Telusuri… or a removable-drive button), a file name, and Simpan. The
// path passes the service's output guard, and an existing file is replaced
// only after "Ganti berkas yang ada?". Fyne's own save dialog is not used: it
// creates (truncates) the chosen file before the program can refuse it.
type saveDialog struct {
	u      *App
	req    saveRequest
	folder *widget.Entry
	name   *widget.Entry
	msg    *widget.Label
	saveB  *widget.Button
	dlg    dialog.Dialog
}

// saveFile shows the save dialog for req.
func (u *App) saveFile(req saveRequest) *saveDialog {
	s := &saveDialog{u: u, req: req, folder: widget.NewEntry(), name: widget.NewEntry(), msg: widget.NewLabel("")}
	s.folder.SetText(u.startFolder())
	s.name.SetText(req.Name)
	s.msg.Wrapping = fyne.TextWrapWord
	s.msg.Importance = widget.DangerImportance
	s.saveB = widget.NewButton(lang.L("save.save"), s.submit)
	s.saveB.Importance = widget.HighImportance
	s.name.OnSubmitted = func(string) { s.submit() }
	cancel := widget.NewButton(lang.L("save.cancel"), func() { s.dlg.Hide() })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("save.folder"), folderRow(u, s.folder)),
		widget.NewFormItem(lang.L("save.name"), s.name),
	)
	content := container.NewVBox(form, s.msg, container.NewHBox(layoutSpacer(), cancel, s.saveB))
	s.dlg = dialog.NewCustomWithoutButtons(req.Title, content, u.win)
	s.dlg.Resize(fyne.NewSize(720, 0))
	s.dlg.Show()
	u.win.Canvas().Focus(s.name)
	return s
}

// path returns the full path typed, or an Indonesian reason it is not usable.
func (s *saveDialog) path() (string, error) {
	dir, err := checkFolder(s.folder.Text)
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(s.name.Text)
	switch {
	case name == "":
		return "", errors.New(lang.L("save.needname"))
	case strings.ContainsAny(name, `/\:`) || name == "." || name == "..":
		return "", errors.New(lang.L("save.badname"))
	}
	if len(s.req.Exts) > 0 && !slices.ContainsFunc(s.req.Exts, func(e string) bool { return strings.EqualFold(filepath.Ext(name), e) }) {
		name += s.req.Exts[0]
	}
	return filepath.Join(dir, name), nil
}

// submit checks the path and writes, asking first when the file exists.
func (s *saveDialog) submit() {
	path, err := s.path()
	if err == nil {
		err = s.u.svc.GuardOutput(path)
	}
	if err != nil {
		s.msg.SetText(err.Error())
		return
	}
	fi, statErr := os.Stat(path)
	switch {
	case statErr == nil && fi.IsDir():
		s.msg.SetText(lang.L("save.isdir", map[string]any{"Path": path}))
	case statErr == nil:
		confirm := dialog.NewConfirm(lang.L("save.replace.title"), lang.L("save.replace", map[string]any{"Path": path}),
			func(yes bool) {
				if yes {
					s.write(path, true)
				}
			}, s.u.win)
		confirm.SetConfirmText(lang.L("save.replace.ok"))
		confirm.SetDismissText(lang.L("save.cancel"))
		confirm.Show()
	default:
		s.write(path, false)
	}
}

// write runs the request's writer off the UI goroutine.
func (s *saveDialog) write(path string, replace bool) {
	s.saveB.Disable()
	s.msg.Importance = widget.MediumImportance
	s.msg.SetText(lang.L("save.working"))
	var err error
	runAsync(func() {
		err = s.req.Write(path, replace)
	}, func() {
		s.saveB.Enable()
		if err != nil {
			s.msg.Importance = widget.DangerImportance
			s.msg.SetText(err.Error())
			return
		}
		s.u.rememberFolder(filepath.Dir(path))
		s.dlg.Hide()
		if s.req.Done != nil {
			s.req.Done(path)
		}
	})
}

// folderChooser asks for a folder the same way: a typed or pasted path,
// Telusuri… and a button per removable drive, starting at the last folder
// used. It stands in for dialog.NewFolderOpen and calls back the same way.
type folderChooser struct {
	u      *App
	folder *widget.Entry
	msg    *widget.Label
	dlg    dialog.Dialog
	cb     func(fyne.ListableURI, error)
}

// folderOpen builds a folder chooser calling cb with the folder chosen (nil
// when cancelled); parent is the window it belongs to.
func (u *App) folderOpen(cb func(fyne.ListableURI, error), parent fyne.Window) *folderChooser {
	c := &folderChooser{u: u, folder: widget.NewEntry(), msg: widget.NewLabel(""), cb: cb}
	c.folder.SetText(u.startFolder())
	c.msg.Importance = widget.DangerImportance
	c.msg.Wrapping = fyne.TextWrapWord
	c.folder.OnSubmitted = func(string) { c.choose() }
	ok := widget.NewButton(lang.L("save.choose"), c.choose)
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("save.cancel"), func() { c.dlg.Hide(); cb(nil, nil) })
	form := widget.NewForm(widget.NewFormItem(lang.L("save.folder"), folderRow(u, c.folder)))
	content := container.NewVBox(form, c.msg, container.NewHBox(layoutSpacer(), cancel, ok))
	c.dlg = dialog.NewCustomWithoutButtons(lang.L("save.folder.title"), content, parent)
	c.dlg.Resize(fyne.NewSize(720, 0))
	return c
}

// Show shows the chooser.
func (c *folderChooser) Show() { c.dlg.Show() }

// Resize sets the chooser's width; its height follows its content.
func (c *folderChooser) Resize(size fyne.Size) { c.dlg.Resize(fyne.NewSize(size.Width, 0)) }

// choose accepts the folder typed when it exists.
func (c *folderChooser) choose() {
	dir, err := checkFolder(c.folder.Text)
	var l fyne.ListableURI
	if err == nil {
		l, err = storage.ListerForURI(storage.NewFileURI(dir))
	}
	if err != nil {
		c.msg.SetText(err.Error())
		return
	}
	c.u.rememberFolder(dir)
	c.dlg.Hide()
	c.cb(l, nil)
}

// folderRow is a folder entry with Telusuri… (the app's chooser in folder
// mode, opened at the folder typed) and one button per removable drive.
func folderRow(u *App, folder *widget.Entry) fyne.CanvasObject {
	browse := widget.NewButton(lang.L("save.browse"), func() {
		u.folderBrowse(folder.Text, func(dir string) { folder.SetText(dir) }, u.win).Show()
	})
	row := container.NewBorder(nil, nil, nil, browse, folder)
	drives := removableDrives()
	if len(drives) == 0 {
		return row
	}
	box := container.NewHBox()
	for _, d := range drives {
		box.Add(widget.NewButton(lang.L("save.drive", map[string]any{"Drive": d}), func() { folder.SetText(d) }))
	}
	return container.NewVBox(row, box)
}

// checkFolder returns the cleaned absolute folder typed, or an Indonesian
// reason it cannot be used.
func checkFolder(text string) (string, error) {
	dir := strings.Trim(strings.TrimSpace(text), `"`)
	if dir == "" {
		return "", errors.New(lang.L("save.needfolder"))
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", errors.New(lang.L("save.nofolder", map[string]any{"Path": dir}))
	}
	return dir, nil
}

// existingFolder returns the first of dirs that is an existing folder, or "".
func existingFolder(dirs ...string) string {
	for _, d := range dirs {
		if d, err := checkFolder(d); err == nil {
			return d
		}
	}
	return ""
}

// startFolder is where a save or folder choice starts: the last folder used
// when it still exists, else the first removable drive, else the home folder.
func (u *App) startFolder() string {
	home, _ := os.UserHomeDir()
	candidates := []string{u.fyne.Preferences().String(prefLastFolder)}
	candidates = append(candidates, removableDrives()...)
	return existingFolder(append(candidates, home)...)
}

// rememberFolder records dir as the last folder used.
func (u *App) rememberFolder(dir string) {
	u.fyne.Preferences().SetString(prefLastFolder, dir)
}

// layoutSpacer pushes the buttons after it to the right of an HBox.
func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
