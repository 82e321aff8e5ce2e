// Package ui is the Fyne user interface of Kinerja: the main window with its
// navigation, one file and one struct per screen, and the dialogs they open.
// Screens read and change data only through data/service, the one door to the
// data file that the command line (ui/cli) uses too, never through data/store
// or bbolt; rules come from package data and file formats from package
// export. Every string goes through fyne's lang package (see SetupLanguage);
// dates are shown and typed day-first (see DateEntry). Slow work runs off the
// UI goroutine and its result comes back with fyne.Do.
package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// Options carry what the window needs from the program besides the data.
type Options struct {
	// Version is shown in the Tentang (About) dialog.
	Version string
}

// App is the main window of Kinerja and the screens inside it.
type App struct {
	fyne  fyne.App
	win   fyne.Window
	svc   *service.Service
	opt   Options
	today func() data.Date

	nav     *widget.Tree
	body    *fyne.Container
	current string

	home       *homeScreen
	staff      *staffScreen
	settings   *settingsScreen
	attendance *attendanceScreen
	perform    *kinerjaScreen
	skp        *skpScreen
	evaluation *evaluationScreen
	documents  *documentsScreen
	firstRun   *firstRun // the first-run dialog, when one was shown

	banner *fyne.Container // the damage banner above every screen; hidden when empty
	bg     *background     // the daily backup and the background check
}

// The screen names accepted by Show; "kinerja.skp" and "kinerja.evaluasi" are
// the two parts of Kinerja.
const (
	ScreenHome       = "beranda"
	ScreenStaff      = "pegawai"
	ScreenAttendance = "kehadiran"
	ScreenPerform    = "kinerja"
	ScreenSKP        = "kinerja.skp"
	ScreenEvaluation = "kinerja.evaluasi"
	ScreenDocuments  = "dokumen"
	ScreenSettings   = "pengaturan"
)

// Screens lists the top-level screen names in navigation order.
var Screens = []string{ScreenHome, ScreenStaff, ScreenAttendance, ScreenPerform, ScreenDocuments, ScreenSettings}

// New builds the main window on svc: navigation on the left, Beranda shown,
// the main menu with its shortcuts. When the office identity is not set yet the
// first-run dialog asks for it (or offers demo data). Call SetupLanguage before New.
func New(a fyne.App, svc *service.Service, opt Options) *App {
	u := &App{fyne: a, svc: svc, opt: opt, today: data.Today}
	u.win = a.NewWindow(lang.L("app.name"))
	a.SetIcon(appIcon)
	u.win.SetIcon(appIcon)
	u.win.Resize(fyne.NewSize(1100, 700))
	u.home = newHomeScreen(u)
	u.staff = newStaffScreen(u)
	u.settings = newSettingsScreen(u)
	u.attendance = newAttendanceScreen(u)
	u.perform = newKinerjaScreen(u)
	u.skp = newSKPScreen(u)
	u.evaluation = newEvaluationScreen(u)
	u.documents = newDocumentsScreen(u)
	u.body = container.NewStack()
	u.nav = u.newNav()
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.16
	u.banner = container.NewVBox()
	u.banner.Hide()
	u.win.SetContent(container.New(minSizeLayout{smallestContent()}, container.NewBorder(u.banner, nil, nil, nil, split)))
	u.win.SetMainMenu(u.mainMenu())
	u.addShortcuts()
	u.refreshTitle()
	u.Show(ScreenHome)
	u.askOfficeIfUnset()
	return u
}

// Window returns the main window.
func (u *App) Window() fyne.Window { return u.win }

// Show switches to the named screen (one of Screens, or a Kinerja part) and
// selects it in the navigation. An unknown name shows Beranda.
func (u *App) Show(screen string) {
	if screen != u.current && u.current == ScreenAttendance && u.attendance != nil {
		from := u.current
		if u.attendance.confirmLeave(func() { u.Show(screen) }, func() { u.nav.Select(from) }) {
			u.nav.Select(from) // stay selected until the question is answered
			return
		}
	}
	obj := u.screenObject(screen)
	if obj == nil {
		screen, obj = ScreenHome, u.screenObject(ScreenHome)
	}
	u.display(screen, obj)
}

// display puts obj, the already refreshed view of screen, in the body and
// selects screen in the navigation.
func (u *App) display(screen string, obj fyne.CanvasObject) {
	u.current = screen
	u.body.Objects = []fyne.CanvasObject{obj}
	u.body.Refresh()
	u.nav.Select(screen)
}

func (u *App) screenObject(screen string) fyne.CanvasObject {
	switch screen {
	case ScreenHome:
		u.home.refresh()
		return u.home.view
	case ScreenStaff:
		u.staff.reload()
		return u.staff.view
	case ScreenSettings:
		u.settings.refresh()
		return u.settings.view
	case ScreenAttendance:
		u.attendance.refresh()
		return u.attendance.view
	case ScreenPerform:
		u.perform.reload()
		return u.perform.view
	case ScreenSKP:
		u.skp.reload()
		return u.skp.view
	case ScreenEvaluation:
		u.evaluation.reload()
		return u.evaluation.view
	case ScreenDocuments:
		u.documents.reload()
		return u.documents.view
	}
	return nil
}

// refreshAll reloads the title and the screen shown after data changed elsewhere (demo
// data, import, office identity).
func (u *App) refreshAll() {
	u.refreshTitle()
	u.Show(u.current) // every screen reloads from the store when shown
}

func (u *App) refreshTitle() {
	title := lang.L("app.name")
	if o, err := u.svc.Office(); err == nil && o.IsSet() {
		title = lang.L("app.title.office", map[string]any{"Kecamatan": o.Kecamatan})
	}
	u.win.SetTitle(title)
}

// showError shows err in a dialog on the main window.
func (u *App) showError(err error) {
	if err != nil {
		dialog.ShowError(err, u.win)
	}
}

// minSizeLayout stacks its objects and asks for at least min, so the window
// cannot be made smaller than the screens need.
type minSizeLayout struct{ min fyne.Size }

func (l minSizeLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(size)
		o.Move(fyne.NewPos(0, 0))
	}
}

func (l minSizeLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := l.min
	for _, o := range objs {
		m = m.Max(o.MinSize())
	}
	return m
}
