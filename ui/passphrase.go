package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/export/sign"
)

// passphraseDialog is the one dialog that asks for a passphrase before a key
// is used (signing at Tetapkan, and wherever else a stored key is opened).
// Enter submits. The try function runs off the UI goroutine, because opening
// a key takes a moment (argon2id) and the service waits longer after each
// wrong passphrase in a row; meanwhile the dialog says "tunggu …" and cannot
// be submitted twice. A wrong passphrase keeps the dialog open with the
// message inside it and the passphrase selected, ready to be typed again;
// anything else closes it and goes to done.
type passphraseDialog struct {
	dialog *dialog.CustomDialog
	entry  *widget.Entry
	msg    *widget.Label
	ok     *widget.Button
	cancel *widget.Button
	busy   bool

	try  func(pass string) error // runs off the UI goroutine
	done func(err error)         // on the UI goroutine, after the dialog closed
}

// askPassphrase opens the passphrase dialog on win: title, an explanation,
// the passphrase field, and okText / Batal. try is called with the
// passphrase off the UI goroutine; a sign.ErrWrongPassphrase from it keeps
// the dialog open, any other result closes it and is handed to done.
func askPassphrase(win fyne.Window, title, text, okText string, try func(pass string) error, done func(err error)) *passphraseDialog {
	p := &passphraseDialog{try: try, done: done}
	p.entry = widget.NewPasswordEntry()
	p.entry.OnSubmitted = func(string) { p.submit() }
	p.msg = widget.NewLabel("")
	p.msg.Wrapping = fyne.TextWrapWord
	explain := widget.NewLabel(text)
	explain.Wrapping = fyne.TextWrapWord
	p.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), p.submit)
	p.ok.Importance = widget.HighImportance
	p.cancel = widget.NewButton(lang.L("button.cancel"), func() { p.dialog.Hide() })
	label := widget.NewLabelWithStyle(lang.L("pass.label"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	body := container.NewVBox(explain, label, p.entry, p.msg)
	p.dialog = dialog.NewCustomWithoutButtons(title, body, win)
	p.dialog.SetButtons([]fyne.CanvasObject{container.NewHBox(layout.NewSpacer(), p.cancel, p.ok)})
	p.dialog.Resize(fyne.NewSize(480, 0))
	p.dialog.Show()
	win.Canvas().Focus(p.entry)
	return p
}

// submit tries the passphrase typed, off the UI goroutine.
func (p *passphraseDialog) submit() {
	if p.busy {
		return
	}
	pass := p.entry.Text
	if pass == "" {
		p.say(lang.L("pass.empty"), true)
		return
	}
	p.busy = true
	p.entry.Disable()
	p.ok.Disable()
	p.cancel.Disable()
	p.say(lang.L("pass.wait"), false)
	var err error
	runAsync(func() { err = p.try(pass) }, func() { p.finish(err) })
}

// finish keeps the dialog open on a wrong passphrase, else closes it and
// hands the result on.
func (p *passphraseDialog) finish(err error) {
	p.busy = false
	p.entry.Enable()
	p.ok.Enable()
	p.cancel.Enable()
	if errors.Is(err, sign.ErrWrongPassphrase) {
		p.say(lang.L("pass.wrong"), true)
		c := fyne.CurrentApp().Driver().CanvasForObject(p.entry)
		if c != nil {
			c.Focus(p.entry)
		}
		p.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	p.dialog.Hide()
	if p.done != nil {
		p.done(err)
	}
}

// say shows text inside the dialog, red for an error.
func (p *passphraseDialog) say(text string, bad bool) {
	p.msg.Importance = widget.MediumImportance
	if bad {
		p.msg.Importance = widget.DangerImportance
	}
	p.msg.SetText(text)
}
