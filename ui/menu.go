package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// The keyboard shortcuts of the main menu (Ctrl on Windows and Linux, Cmd on macOS).
var (
	shortcutBackup = ctrl(fyne.KeyB)
	shortcutQuit   = ctrl(fyne.KeyQ)
	shortcutAdd    = ctrl(fyne.KeyN)
	shortcutImport = ctrl(fyne.KeyI)
	shortcutExport = ctrl(fyne.KeyE)
	shortcutFind   = ctrl(fyne.KeyF)
)

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// mainMenu is Berkas (backup, quit), Pegawai (add, import, export) and Bantuan (about).
func (u *App) mainMenu() *fyne.MainMenu {
	backup := fyne.NewMenuItem(lang.L("menu.backup"), u.backup)
	backup.Shortcut = shortcutBackup
	quit := fyne.NewMenuItem(lang.L("menu.quit"), u.fyne.Quit)
	quit.Shortcut = shortcutQuit
	quit.IsQuit = true
	add := fyne.NewMenuItem(lang.L("menu.staff.add"), u.addStaff)
	add.Shortcut = shortcutAdd
	imp := fyne.NewMenuItem(lang.L("menu.staff.import"), u.importStaff)
	imp.Shortcut = shortcutImport
	exp := fyne.NewMenuItem(lang.L("menu.staff.export"), u.exportStaff)
	exp.Shortcut = shortcutExport
	find := fyne.NewMenuItem(lang.L("menu.staff.find"), u.findStaff)
	find.Shortcut = shortcutFind
	return fyne.NewMainMenu(
		fyne.NewMenu(lang.L("menu.file"), backup, fyne.NewMenuItemSeparator(), quit),
		fyne.NewMenu(lang.L("menu.staff"), add, find, fyne.NewMenuItemSeparator(), imp, exp),
		fyne.NewMenu(lang.L("menu.help"), fyne.NewMenuItem(lang.L("menu.about"), u.about)),
	)
}

// addShortcuts makes the menu shortcuts work from anywhere in the window.
func (u *App) addShortcuts() {
	c := u.win.Canvas()
	for s, fn := range map[*desktop.CustomShortcut]func(){
		shortcutBackup: u.backup, shortcutQuit: u.fyne.Quit, shortcutAdd: u.addStaff,
		shortcutImport: u.importStaff, shortcutExport: u.exportStaff, shortcutFind: u.findStaff,
	} {
		c.AddShortcut(s, func(fyne.Shortcut) { fn() })
	}
}

// addStaff opens Pegawai with an empty form for a new staff member.
func (u *App) addStaff() {
	u.Show(ScreenStaff)
	u.staff.openForm(nil)
}

// findStaff opens Pegawai and puts the cursor in the search field.
func (u *App) findStaff() {
	u.Show(ScreenStaff)
	u.win.Canvas().Focus(u.staff.search)
}

func (u *App) about() {
	dialog.ShowInformation(lang.L("about.title"),
		lang.L("about.text", map[string]any{"Version": u.opt.Version}), u.win)
}
