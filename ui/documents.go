package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// documentsScreen is Dokumen: the signed evaluation documents in four tabs —
// batch export to a folder (a USB stick), offline verification of PDFs, the
// signers with the office root, and Cetak (open one document in the system's
// PDF viewer, since Fyne cannot print).
type documentsScreen struct {
	u       *App
	view    fyne.CanvasObject
	tabs    *container.AppTabs
	export  *exportTab
	verify  *verifyTab
	signers *signersTab
	print   *printTab
}

func newDocumentsScreen(u *App) *documentsScreen {
	s := &documentsScreen{u: u}
	s.export = newExportTab(u)
	s.verify = newVerifyTab(u)
	s.signers = newSignersTab(u)
	s.print = newPrintTab(u)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("doc.tab.export"), theme.DownloadIcon(), noWiden(s.export.view)),
		container.NewTabItemWithIcon(lang.L("doc.tab.verify"), theme.ConfirmIcon(), noWiden(s.verify.view)),
		container.NewTabItemWithIcon(lang.L("doc.tab.signers"), theme.AccountIcon(), noWiden(s.signers.view)),
		container.NewTabItemWithIcon(lang.L("doc.tab.print"), theme.DocumentPrintIcon(), noWiden(s.print.view)),
	)
	s.tabs.OnSelected = func(*container.TabItem) { s.reload() }
	s.view = container.NewPadded(s.tabs)
	return s
}

// noWiden lets a tab scroll sideways when it is wider than the window
// instead of widening the window: Fyne grows a window to the minimum width
// of what it shows, and a tab's table of columns asks for more than the
// default window leaves it.
func noWiden(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewHScroll(content)
}

// reload reads the data of the tab shown again.
func (s *documentsScreen) reload() {
	switch s.tabs.SelectedIndex() {
	case 0:
		s.export.reload()
	case 2:
		s.signers.reload()
	case 3:
		s.print.reload()
	}
}

// periodPicker chooses one evaluation period, the current one by default.
type periodPicker struct {
	sel     *widget.Select
	periods []data.EvaluationPeriod
}

func newPeriodPicker(changed func()) *periodPicker {
	p := &periodPicker{}
	p.sel = newSelect(nil, nil)
	p.sel.OnChanged = func(string) { changed() }
	return p
}

// load offers the periods of st, keeping the one chosen, else the current
// period, else the latest.
func (p *periodPicker) load(u *App) error {
	periods, err := u.svc.Periods()
	if err != nil {
		return err
	}
	keep := p.id()
	if keep == "" {
		if cur, stored, err := u.svc.CurrentPeriod(u.today()); err == nil && stored {
			keep = cur.ID
		}
	}
	p.periods = periods
	opts := make([]string, len(periods))
	at := len(periods) - 1
	for i, per := range periods {
		opts[i] = per.Label()
		if per.ID == keep {
			at = i
		}
	}
	changed := p.sel.OnChanged
	p.sel.OnChanged = nil
	p.sel.SetOptions(opts)
	if at >= 0 {
		p.sel.SetSelectedIndex(at)
	} else {
		p.sel.ClearSelected()
	}
	p.sel.OnChanged = changed
	return nil
}

// id returns the chosen period's id, "" when none.
func (p *periodPicker) id() string {
	i := p.sel.SelectedIndex()
	if i < 0 || i >= len(p.periods) {
		return ""
	}
	return p.periods[i].ID
}

// choose selects the period with id, when offered.
func (p *periodPicker) choose(id string) {
	for i, per := range p.periods {
		if per.ID == id {
			p.sel.SetSelectedIndex(i)
		}
	}
}

// docNote is a wrapped label for an explanation under a heading.
func docNote(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// docHeading is a bold label starting a part of a tab.
func docHeading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// docSay shows text in a message label, in red when bad, else green; "" hides it.
func docSay(l *widget.Label, text string, bad bool) {
	l.Importance = widget.SuccessImportance
	if bad {
		l.Importance = widget.DangerImportance
	}
	l.SetText(text)
	l.Show()
	if text == "" {
		l.Hide()
	}
}
