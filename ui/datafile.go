package ui

import (
	"context"
	"log"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// background is the work the GUI does on the data file by itself: the daily
// backup at start and the check a few seconds after the window shows. Stop
// lets both finish or abandons them cleanly (no temporary file is left)
// before the window goes away and the file is closed.
type background struct {
	cancel context.CancelFunc
	wg     sync.WaitGroup
	backup chan struct{} // closed when the daily backup is over
}

// finishGrace is how long Stop lets a running daily backup finish before
// cancelling it.
const finishGrace = 3 * time.Second

// StartBackground starts the daily backup now and the whole-file check
// after delay (0 means backgroundCheckDelay); a damaged file, or one the
// store already found damaged, shows the banner offering the newest good
// backup. Call StopBackground before closing the service.
func (u *App) StartBackground(delay time.Duration) {
	if delay <= 0 {
		delay = backgroundCheckDelay
	}
	ctx, cancel := context.WithCancel(context.Background())
	bg := &background{cancel: cancel, backup: make(chan struct{})}
	u.bg = bg
	bg.wg.Add(2)
	go func() {
		defer bg.wg.Done()
		defer close(bg.backup)
		if u.svc.ReadOnly() {
			return
		}
		if _, err := u.svc.BackupDaily(ctx, service.DefaultRetention); err != nil && ctx.Err() == nil {
			log.Printf("cadangan harian gagal: %v", err)
		}
	}()
	go func() {
		defer bg.wg.Done()
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		<-bg.backup // one pass over the file at a time
		u.backgroundCheck(ctx)
	}()
}

// StopBackground lets a running daily backup finish (up to finishGrace),
// then cancels whatever still runs and waits for it to return.
func (u *App) StopBackground() {
	bg := u.bg
	if bg == nil {
		return
	}
	select {
	case <-bg.backup:
	case <-time.After(finishGrace):
	}
	bg.cancel()
	bg.wg.Wait()
	u.bg = nil
}

// backgroundCheck checks the file and, when it is damaged, shows the banner
// with the newest good backup. It runs off the UI goroutine.
func (u *App) backgroundCheck(ctx context.Context) {
	rep, err := u.svc.Check(ctx, nil)
	if ctx.Err() != nil {
		return
	}
	if err == nil && rep.Clean() && u.svc.Damage() == nil {
		return
	}
	good, found, _ := u.svc.NewestGoodBackup(ctx)
	if ctx.Err() != nil {
		return
	}
	n := len(rep.Problems)
	if n == 0 {
		n = 1
	}
	runOnUI(func() { u.showDamageBanner(n, good, found) })
}

// showDamageBanner shows, above every screen, that the data file has
// problems, with a button to restore the newest good backup.
func (u *App) showDamageBanner(problems int, good service.BackupSummary, found bool) {
	text := lang.L("banner.damage", map[string]any{"Count": problems})
	var actions []fyne.CanvasObject
	if found {
		text += " " + lang.L("banner.backup", map[string]any{"When": good.Modified.Local().Format("02/01/2006 15:04")})
		actions = append(actions, widget.NewButton(lang.L("banner.restore"), func() { u.confirmRestore(good) }))
	}
	actions = append(actions, widget.NewButton(lang.L("banner.details"), func() {
		u.Show(ScreenSettings)
		u.settings.data.runCheck()
	}))
	msg := noteLabel(text, widget.DangerImportance)
	u.banner.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(actions...), msg)}
	u.banner.Show()
	u.banner.Refresh()
}

// hideBanner removes the damage banner (after a restore).
func (u *App) hideBanner() {
	if u.banner == nil {
		return
	}
	u.banner.Objects = nil
	u.banner.Hide()
	u.banner.Refresh()
}
