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
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The purposes a file is opened for; each remembers its own last folder.
const (
	openPDF        = "pdf"        // a PDF to verify, a scanned evaluation
	openAttendance = "attendance" // the attendance machine's export
	openCalendar   = "calendar"   // a holiday list
	openBackup     = "backup"     // a backup to restore
	openImage      = "image"      // the office logo, a signature image
	openCert       = "cert"       // a signer's .p12/.pfx, another office's root
	openStaff      = "staff"      // a staff register to import
)

// prefOpenFolder is the preference holding the folder a file was last
// opened from for purpose.
func prefOpenFolder(purpose string) string { return prefLastFolder + ".open." + purpose }

// fileChooser asks for one file to open, the way the save dialog asks for a
// folder: an address box taking a typed or pasted path (Enter opens a file
// or goes into a folder, Escape closes), a button per removable drive, and
// the folder's sub-folders and the files with the accepted extensions. It
// starts at the folder a file was last opened from for the same purpose,
// else where startFolder starts. It stands in for dialog.NewFileOpen and
// calls back the same way: a reader on the file, or nil when cancelled.
// Fyne's own dialog has no box to type a path in and starts at the home
// folder.
type fileChooser struct {
	u       *App
	purpose string
	exts    []string // accepted extensions, lower case with the dot; nil accepts any
	cb      func(fyne.URIReadCloser, error)
	folder  func(dir string) // set in folder mode: only folders listed, the one listed is chosen

	dir   string     // the folder listed
	items []fileItem // its sub-folders then its files
	path  *escEntry
	up    *widget.Button
	list  *widget.List
	empty *widget.Label
	msg   *widget.Label
	dlg   dialog.Dialog
	win   fyne.Window
}

// fileItem is one line of the chooser's list.
type fileItem struct {
	name string
	dir  bool
}

// fileOpen builds a file chooser for purpose accepting the extensions exts
// (any case; nil accepts any file) and calling cb; parent is its window.
func (u *App) fileOpen(purpose string, exts []string, cb func(fyne.URIReadCloser, error), parent fyne.Window) *fileChooser {
	c := u.newChooser(purpose, exts, parent, nil)
	c.cb = cb
	home, _ := os.UserHomeDir()
	c.show(existingFolder(u.fyne.Preferences().String(prefOpenFolder(purpose)), u.startFolder(), home))
	return c
}

// folderBrowse builds the chooser in folder mode, for Telusuri… beside a
// folder box: it lists only folders, starting at start, and "Pilih folder
// ini" hands pick the folder listed (or a folder typed in the address box).
func (u *App) folderBrowse(start string, pick func(dir string), parent fyne.Window) *fileChooser {
	c := u.newChooser("", nil, parent, pick)
	home, _ := os.UserHomeDir()
	c.show(existingFolder(start, u.startFolder(), home))
	return c
}

// newChooser builds the dialog of a chooser; folder, when set, makes it a
// folder chooser.
func (u *App) newChooser(purpose string, exts []string, parent fyne.Window, folder func(string)) *fileChooser {
	c := &fileChooser{u: u, purpose: purpose, folder: folder, path: newEscEntry(), msg: widget.NewLabel(""), empty: widget.NewLabel(""), win: parent}
	for _, e := range exts {
		if e = strings.ToLower(e); !slices.Contains(c.exts, e) {
			c.exts = append(c.exts, e)
		}
	}
	c.msg.Importance = widget.DangerImportance
	c.msg.Wrapping = fyne.TextWrapWord
	c.empty.Importance = widget.LowImportance
	c.empty.Hide()
	c.path.OnSubmitted = func(string) { c.submit() }
	c.up = widget.NewButtonWithIcon(lang.L("open.up"), theme.MoveUpIcon(), func() { c.show(filepath.Dir(c.dir)) })
	c.list = widget.NewList(func() int { return len(c.items) }, func() fyne.CanvasObject { return newFileRow() },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < 0 || id >= len(c.items) {
				return
			}
			r, it := o.(*fileRow), c.items[id]
			r.set(it, func() { c.list.Select(id) }, func() { c.pick(id, true) })
		})
	c.list.OnSelected = func(id widget.ListItemID) { c.pick(id, false) }

	places := container.NewHBox()
	for _, d := range removableDrives() {
		places.Add(widget.NewButtonWithIcon(lang.L("save.drive", map[string]any{"Drive": d}), theme.StorageIcon(), func() { c.show(d) }))
	}
	if home, err := os.UserHomeDir(); err == nil {
		places.Add(widget.NewButtonWithIcon(lang.L("open.home"), theme.HomeIcon(), func() { c.show(home) }))
	}
	filter := lang.L("open.any")
	switch {
	case folder != nil:
		filter = lang.L("open.folders")
	case len(c.exts) > 0:
		filter = lang.L("open.filter", map[string]any{"Exts": strings.Join(c.exts, ", ")})
	}
	hint := widget.NewLabel(filter)
	hint.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(
		widget.NewForm(widget.NewFormItem(lang.L("open.path"), container.NewBorder(nil, nil, nil, c.up, c.path))),
		container.NewBorder(nil, nil, places, nil, hint),
	)
	ok := widget.NewButtonWithIcon(lang.L("open.open"), theme.FolderOpenIcon(), c.submit)
	title := lang.L("open.title")
	if folder != nil {
		ok = widget.NewButtonWithIcon(lang.L("save.choose"), theme.FolderOpenIcon(), c.chooseFolder)
		title = lang.L("save.folder.title")
	}
	ok.Importance = widget.HighImportance
	cancel := widget.NewButton(lang.L("save.cancel"), c.cancel)
	c.path.onEscape = c.cancel
	bottom := container.NewVBox(c.msg, container.NewHBox(layoutSpacer(), cancel, ok))
	content := container.NewBorder(top, bottom, nil, nil, container.NewStack(c.list, container.NewVBox(c.empty)))
	c.dlg = dialog.NewCustomWithoutButtons(title, content, parent)
	c.dlg.Resize(fileDialogSize)
	return c
}

// Show shows the chooser and puts the keyboard in its address box.
func (c *fileChooser) Show() {
	c.dlg.Show()
	c.win.Canvas().Focus(c.path)
}

// cancel closes the chooser without a file.
func (c *fileChooser) cancel() {
	c.dlg.Hide()
	if c.cb != nil {
		c.cb(nil, nil)
	}
}

// chooseFolder (folder mode) hands over the folder typed in the address
// box when it is one, else the folder listed.
func (c *fileChooser) chooseFolder() {
	dir := c.dir
	if typed := strings.Trim(strings.TrimSpace(c.path.Text), `"`); typed != "" && typed != dir {
		d, err := checkFolder(typed)
		if err != nil {
			c.msg.SetText(err.Error())
			return
		}
		dir = d
	}
	c.dlg.Hide()
	c.folder(dir)
}

// Resize sets the chooser's size.
func (c *fileChooser) Resize(size fyne.Size) { c.dlg.Resize(size) }

// startIn lists dir instead when no file was opened yet for this purpose
// (the backups folder for a restore).
func (c *fileChooser) startIn(dir string) {
	if c.u.fyne.Preferences().String(prefOpenFolder(c.purpose)) == "" {
		if d := existingFolder(dir); d != "" {
			c.show(d)
		}
	}
}

// show lists folder dir, or says why it cannot.
func (c *fileChooser) show(dir string) {
	dir, err := checkFolder(dir)
	var entries []os.DirEntry
	if err == nil {
		entries, err = os.ReadDir(dir)
		if err != nil {
			err = errors.New(lang.L("open.unreadable", map[string]any{"Path": dir, "Err": err.Error()}))
		}
	}
	if err != nil {
		c.msg.SetText(err.Error())
		return
	}
	c.dir = dir
	c.items = c.items[:0]
	var files []fileItem
	for _, e := range entries {
		name := e.Name()
		if hiddenName(name) {
			continue
		}
		isDir := e.IsDir()
		if e.Type()&os.ModeSymlink != 0 {
			if fi, err := os.Stat(filepath.Join(dir, name)); err == nil {
				isDir = fi.IsDir()
			}
		}
		switch {
		case isDir:
			c.items = append(c.items, fileItem{name: name, dir: true})
		case c.accepts(name):
			files = append(files, fileItem{name: name})
		}
	}
	byName := func(a, b fileItem) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) }
	slices.SortFunc(c.items, byName)
	slices.SortFunc(files, byName)
	c.items = append(c.items, files...)
	c.path.SetText(dir)
	c.path.CursorColumn = len([]rune(dir))
	c.msg.SetText("")
	if filepath.Dir(dir) == dir {
		c.up.Disable()
	} else {
		c.up.Enable()
	}
	c.empty.SetText(lang.L("open.empty", map[string]any{"Dir": dir}))
	c.empty.Hidden = len(c.items) > 0
	c.empty.Refresh()
	c.list.UnselectAll()
	c.list.Refresh()
	c.list.ScrollToTop()
}

// hiddenName reports whether a folder entry is hidden from the list: dot
// files and the system folders Windows puts on every drive.
func hiddenName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "$") || strings.EqualFold(name, "System Volume Information")
}

// accepts reports whether a file called name has an accepted extension.
func (c *fileChooser) accepts(name string) bool {
	if c.folder != nil {
		return false
	}
	return len(c.exts) == 0 || slices.Contains(c.exts, strings.ToLower(filepath.Ext(name)))
}

// pick acts on a line of the list: a folder is entered; a file is put in the
// address box, and opened when open is true (a double click).
func (c *fileChooser) pick(id widget.ListItemID, open bool) {
	if id < 0 || id >= len(c.items) {
		return
	}
	it := c.items[id]
	path := filepath.Join(c.dir, it.name)
	if it.dir {
		c.show(path)
		return
	}
	c.path.SetText(path)
	c.path.CursorColumn = len([]rune(path))
	c.msg.SetText("")
	if open {
		c.open(path)
	}
}

// submit acts on the address typed: a folder is listed, a file with an
// accepted extension is opened, anything else is named in the dialog.
func (c *fileChooser) submit() {
	text := strings.Trim(strings.TrimSpace(c.path.Text), `"`)
	if text == "" {
		c.msg.SetText(lang.L("open.needpath"))
		return
	}
	path := text
	if v := filepath.VolumeName(path); v != "" && v == path {
		path += string(filepath.Separator) // a drive typed as "E:" means its root
	}
	if !filepath.IsAbs(path) && c.dir != "" {
		path = filepath.Join(c.dir, path) // a name typed in the folder listed
	}
	path = filepath.Clean(path)
	fi, err := os.Stat(path)
	switch {
	case err != nil:
		c.msg.SetText(lang.L("open.missing", map[string]any{"Path": path}))
	case fi.IsDir():
		c.show(path)
	case c.folder != nil:
		c.msg.SetText(lang.L("save.nofolder", map[string]any{"Path": path}))
	case !c.accepts(path):
		c.msg.SetText(lang.L("open.badext", map[string]any{"Name": filepath.Base(path), "Exts": strings.Join(c.exts, ", ")}))
	default:
		c.open(path)
	}
}

// open reads the file at path and hands it to the callback, remembering its
// folder for the next file opened for the same purpose.
func (c *fileChooser) open(path string) {
	r, err := storage.Reader(storage.NewFileURI(path))
	if err != nil {
		c.msg.SetText(lang.L("open.unreadable", map[string]any{"Path": path, "Err": err.Error()}))
		return
	}
	c.u.fyne.Preferences().SetString(prefOpenFolder(c.purpose), filepath.Dir(path))
	c.dlg.Hide()
	c.cb(r, nil)
}

// fileRow is a line of the chooser's list: an icon and a name; a click
// selects it, a double click opens it.
type fileRow struct {
	widget.BaseWidget
	icon          *widget.Icon
	name          *widget.Label
	onTap, onOpen func()
}

func newFileRow() *fileRow {
	r := &fileRow{icon: widget.NewIcon(theme.FileIcon()), name: widget.NewLabel("")}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.ExtendBaseWidget(r)
	return r
}

// set shows it with the actions of its line.
func (r *fileRow) set(it fileItem, onTap, onOpen func()) {
	r.onTap, r.onOpen = onTap, onOpen
	if it.dir {
		r.icon.SetResource(theme.FolderIcon())
	} else {
		r.icon.SetResource(theme.FileIcon())
	}
	r.name.SetText(it.name)
}

// CreateRenderer puts the icon left of the name.
func (r *fileRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, r.icon, nil, r.name))
}

// Tapped selects the line.
func (r *fileRow) Tapped(*fyne.PointEvent) {
	if r.onTap != nil {
		r.onTap()
	}
}

// DoubleTapped opens the line's file or folder.
func (r *fileRow) DoubleTapped(*fyne.PointEvent) {
	if r.onOpen != nil {
		r.onOpen()
	}
}

// escEntry is an entry where Escape runs onEscape (closing its dialog).
type escEntry struct {
	widget.Entry
	onEscape func()
}

func newEscEntry() *escEntry {
	e := &escEntry{}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey runs onEscape for Escape and types every other key.
func (e *escEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(k)
}
