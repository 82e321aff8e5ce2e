package ui

import (
	"context"
	"log"
	"runtime/debug"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// background is the work the GUI does on the data file by itself: the daily
// backup a few seconds after the window shows, then the whole-file check
// after the first minute, so that neither competes with the user's first
// clicks (each reads the whole file) and their memory peaks do not add up. Stop lets a backup under way finish or abandons it
// cleanly (no temporary file is left) before the window goes away and the
// file is closed.
type background struct {
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	started chan struct{} // closed when the daily backup starts
	backup  chan struct{} // closed when the daily backup is over, or skipped
}

// wholeCheckDelay is how long after the window shows the whole-file check
// starts at the earliest: it decodes every record of the file, and the
// first minute is when the user opens screens that read the data too.
var wholeCheckDelay = time.Minute

// finishGrace is how long Stop lets a running daily backup finish before
// cancelling it.
const finishGrace = 3 * time.Second

// StartBackground starts, after delay (0 means backgroundCheckDelay), the
// daily backup, and the whole-file check when the backup is over and at
// least wholeCheckDelay (or delay, if longer) has passed, or at once when
// the store already found the file damaged; a damaged file shows the banner offering the newest good
// backup. Call StopBackground before closing the service. A window closed
// before delay makes no backup: the next start makes the day's.
func (u *App) StartBackground(delay time.Duration) {
	if delay <= 0 {
		delay = backgroundCheckDelay
	}
	checkAfter := max(delay, wholeCheckDelay)
	ctx, cancel := context.WithCancel(context.Background())
	bg := &background{cancel: cancel, started: make(chan struct{}), backup: make(chan struct{})}
	u.bg = bg
	bg.wg.Add(1)
	go func() {
		defer bg.wg.Done()
		select {
		case <-ctx.Done():
			close(bg.backup)
			return
		case <-time.After(delay):
		}
		close(bg.started)
		if !u.svc.ReadOnly() {
			if _, err := u.svc.BackupDaily(ctx, service.DefaultRetention); err != nil && ctx.Err() == nil {
				log.Printf("cadangan harian gagal: %v", err)
			}
		}
		close(bg.backup)
		// The backup's garbage goes back to the system before the check
		// waits its turn.
		debug.FreeOSMemory()
		if u.svc.Damage() == nil { // a file already found damaged is checked at once
			select {
			case <-ctx.Done():
				return
			case <-time.After(checkAfter - delay):
			}
		}
		u.backgroundCheck(ctx) // one pass over the file at a time
		// The check decodes every record of the file; hand the memory it
		// freed back to the system now rather than over the next minutes.
		debug.FreeOSMemory()
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
	case <-bg.started:
		select {
		case <-bg.backup:
		case <-time.After(finishGrace):
		}
	default: // not started yet: nothing to let finish
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
