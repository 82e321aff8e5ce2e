package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// ramadanPrompt is Beranda's small card asking the admin to check the
// Ramadan dates against the sidang isbat while a period that is still an
// estimate starts within service.RamadanAskDays days or is under way: the
// Ramadan hours, and so every minute late in that month, follow these dates.
// "Buka pengaturan Ramadan" opens the periods in Kehadiran › Jadwal &
// aturan; "Sudah benar" marks the period confirmed (service.ConfirmRamadan,
// audited).
type ramadanPrompt struct {
	u      *App
	view   *fyne.Container // empty while there is nothing to ask
	card   *widget.Card
	msg    *widget.Label
	ok     *widget.Button
	period data.RamadanPeriod
}

func newRamadanPrompt(u *App) *ramadanPrompt {
	p := &ramadanPrompt{u: u, view: container.NewVBox(), msg: widget.NewLabel("")}
	p.msg.Wrapping = fyne.TextWrapWord
	open := widget.NewButton(lang.L("home.ramadan.open"), p.openSettings)
	p.ok = widget.NewButton(lang.L("home.ramadan.ok"), p.confirm)
	p.ok.Importance = widget.HighImportance
	p.card = widget.NewCard("", "", container.NewVBox(p.msg, container.NewHBox(open, p.ok)))
	return p
}

// refresh asks the service off the UI goroutine and shows or hides the card.
func (p *ramadanPrompt) refresh() {
	svc, today := p.u.svc, p.u.today()
	var (
		period data.RamadanPeriod
		ask    bool
		err    error
	)
	runAsync(func() { period, ask, err = svc.RamadanToConfirm(today) }, func() {
		p.view.RemoveAll()
		if err != nil || !ask {
			return // a file that cannot be read says so in Beranda's warnings
		}
		p.period = period
		p.card.SetTitle(lang.L("home.ramadan.title", map[string]any{"Year": period.HijriYear}))
		p.msg.SetText(lang.L("home.ramadan.body", map[string]any{"From": period.From.Long(), "To": period.To.Long()}))
		p.ok.Enable()
		p.view.Add(p.card)
	})
}

// openSettings shows the Ramadan periods in Kehadiran › Jadwal & aturan.
func (p *ramadanPrompt) openSettings() {
	p.u.Show(ScreenAttendance)
	if p.u.current != ScreenAttendance {
		return // the admin stayed (unsaved rows)
	}
	p.u.attendance.tabs.SelectIndex(4)
	p.u.attendance.rules.showRamadan()
}

// confirm marks the period shown as fixed by the sidang isbat.
func (p *ramadanPrompt) confirm() {
	svc, year := p.u.svc, p.period.HijriYear
	p.ok.Disable()
	var err error
	runAsync(func() { err = svc.ConfirmRamadan(year, "") }, func() {
		if err != nil {
			p.msg.Importance = widget.DangerImportance
			p.msg.SetText(err.Error())
			p.ok.Enable()
			return
		}
		done := widget.NewLabel(lang.L("home.ramadan.done", map[string]any{"Year": year}))
		done.Importance = widget.SuccessImportance
		p.view.RemoveAll()
		p.view.Add(done)
	})
}
