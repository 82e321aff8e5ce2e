package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// maxProblemsShown bounds the problems listed in the card; the rest are counted.
const maxProblemsShown = 30

// dataCard is the "Data" card of Pengaturan: Periksa data checks the whole
// file off the UI goroutine with progress; Pulihkan dari cadangan… shows
// what a backup holds and, once confirmed, restores it.
type dataCard struct {
	u        *App
	view     *widget.Card
	last     *widget.Label
	progress *widget.ProgressBar
	result   *fyne.Container
	check    *widget.Button
	restore  *widget.Button
}

func newDataCard(u *App) *dataCard {
	c := &dataCard{u: u, last: widget.NewLabel(""), progress: widget.NewProgressBar(), result: container.NewVBox()}
	c.last.Wrapping = fyne.TextWrapWord
	c.progress.Hide()
	c.check = widget.NewButton(lang.L("data.check"), c.runCheck)
	c.restore = widget.NewButton(lang.L("data.restore"), c.pickBackup)
	c.view = section(lang.L("data.title"), lang.L("data.sub"),
		container.NewVBox(c.last, container.NewHBox(c.check, c.restore), c.progress, c.result))
	return c
}

// refresh shows when the file was last found clean.
func (c *dataCard) refresh() {
	at, ok, err := c.u.svc.LastCleanCheck()
	switch {
	case err != nil:
		c.last.SetText(err.Error())
	case !ok:
		c.last.SetText(lang.L("data.last.never"))
	default:
		c.last.SetText(lang.L("data.last", map[string]any{"When": at.Local().Format("02/01/2006 15:04")}))
	}
	if c.u.svc.ReadOnly() {
		c.restore.Disable()
	}
}

// runCheck runs Check off the UI goroutine and lists what it found.
func (c *dataCard) runCheck() {
	c.check.Disable()
	c.result.RemoveAll()
	c.progress.SetValue(0)
	c.progress.Show()
	var (
		rep service.CheckReport
		err error
	)
	runAsync(func() {
		rep, err = c.u.svc.Check(context.Background(), func(p service.CheckProgress) {
			runOnUI(func() {
				if p.Total > 0 {
					c.progress.SetValue(float64(p.Done) / float64(p.Total))
				}
			})
		})
	}, func() {
		c.progress.Hide()
		c.check.Enable()
		c.showReport(rep, err)
		c.refresh()
	})
}

// showReport lists the problems by record, or says the data is clean.
func (c *dataCard) showReport(rep service.CheckReport, err error) {
	c.result.RemoveAll()
	if err != nil {
		c.result.Add(noteLabel(err.Error(), widget.DangerImportance))
		return
	}
	defer func() { // information only (e.g. archive entries no record refers to), never a failure
		for i, n := range rep.Notes {
			if i == maxProblemsShown {
				break
			}
			c.result.Add(noteLabel(lang.L("data.note")+": "+n.String(), widget.LowImportance))
		}
	}()
	if rep.Clean() {
		c.result.Add(noteLabel(lang.L("data.clean", map[string]any{"Records": rep.Records}), widget.SuccessImportance))
		return
	}
	c.result.Add(noteLabel(lang.L("data.problems", map[string]any{"Count": len(rep.Problems)}), widget.DangerImportance))
	for i, p := range rep.Problems {
		if i == maxProblemsShown {
			c.result.Add(noteLabel(lang.L("data.problems.more", map[string]any{"Count": len(rep.Problems) - i}), widget.MediumImportance))
			break
		}
		c.result.Add(noteLabel("• "+p.String(), widget.MediumImportance))
	}
	c.result.Add(noteLabel(lang.L("data.problems.advice"), widget.MediumImportance))
}

// noteLabel is a wrapping label of the given importance.
func noteLabel(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// pickBackup lets the user pick a backup file, starting in the backups folder.
func (c *dataCard) pickBackup() { c.u.pickBackup() }

// pickBackup shows the file chooser, on the backups folder until a backup
// was picked elsewhere; the file is only read (then the store inspects it).
func (u *App) pickBackup() {
	d := u.fileOpen(openBackup, []string{".db"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			u.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		u.inspectAndConfirm(path)
	}, u.win)
	d.startIn(u.svc.BackupDir())
	d.Show()
}

// inspectAndConfirm checks the backup at path off the UI goroutine and asks
// the user to confirm the restore, showing what the backup holds.
func (u *App) inspectAndConfirm(path string) {
	var (
		sum service.BackupSummary
		err error
	)
	runAsync(func() {
		sum, err = u.svc.InspectBackup(context.Background(), path)
	}, func() {
		if err != nil {
			u.showError(err)
			return
		}
		u.confirmRestore(sum)
	})
}

// restoreSummary describes a backup in Indonesian for the confirmation.
func restoreSummary(sum service.BackupSummary) string {
	var b strings.Builder
	when := sum.Modified
	if !sum.LastChange.IsZero() {
		when = sum.LastChange
	}
	fmt.Fprintln(&b, lang.L("restore.file", map[string]any{"Path": sum.Path}))
	fmt.Fprintln(&b, lang.L("restore.date", map[string]any{"When": when.Local().Format("02/01/2006 15:04")}))
	office := strings.TrimSpace(sum.Office.Kecamatan + ", " + sum.Office.Kabupaten)
	if !sum.Office.IsSet() {
		office = "—"
	}
	fmt.Fprintln(&b, lang.L("restore.office", map[string]any{"Office": office}))
	fmt.Fprintln(&b, lang.L("restore.counts", map[string]any{"Staff": sum.Staff, "Evaluations": sum.Evaluations, "Months": sum.AttendanceMonths}))
	if !sum.SameOffice && sum.CurrentOffice.IsSet() {
		fmt.Fprintln(&b, lang.L("restore.other.office", map[string]any{"Current": sum.CurrentOffice.Kecamatan + ", " + sum.CurrentOffice.Kabupaten}))
	}
	for i, p := range sum.Problems {
		if i == 5 {
			break
		}
		fmt.Fprintln(&b, "• "+p.String())
	}
	fmt.Fprint(&b, lang.L("restore.keep"))
	return b.String()
}

// confirmRestore shows what the backup holds and restores it once confirmed;
// a backup with problems can only be looked at.
func (u *App) confirmRestore(sum service.BackupSummary) {
	msg := widget.NewLabel(restoreSummary(sum))
	msg.Wrapping = fyne.TextWrapWord
	if len(sum.Problems) > 0 {
		d := dialog.NewCustom(lang.L("restore.title"), lang.L("data.close"),
			container.NewVBox(noteLabel(lang.L("restore.bad"), widget.DangerImportance), msg), u.win)
		d.Resize(fyne.NewSize(560, 360))
		d.Show()
		return
	}
	d := dialog.NewCustomConfirm(lang.L("restore.title"), lang.L("restore.ok"), lang.L("button.cancel"), msg, func(ok bool) {
		if ok {
			u.restore(sum)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 360))
	d.Show()
}

// restore replaces the data file with the confirmed backup off the UI
// goroutine, then reloads every screen.
func (u *App) restore(sum service.BackupSummary) {
	var (
		res service.RestoreResult
		err error
	)
	runAsync(func() {
		res, err = u.svc.Restore(context.Background(), sum)
	}, func() {
		if err != nil {
			u.showError(err)
			return
		}
		u.hideBanner()
		u.refreshAll()
		msg := lang.L("restore.done", map[string]any{"Path": sum.Path})
		if res.KeptAs != "" {
			msg += "\n" + lang.L("restore.kept", map[string]any{"Path": res.KeptAs})
		}
		dialog.ShowInformation(lang.L("restore.title"), msg, u.win)
	})
}

// backgroundCheckDelay is how long after the window shows the daily backup
// and then the background check start, so they do not compete with the
// user's first clicks.
const backgroundCheckDelay = 5 * time.Second
