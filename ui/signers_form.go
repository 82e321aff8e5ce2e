package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// signerForm is the dialog that gives a staff member a signer: issued by the
// office root (the office passphrase unlocks the root) or imported from a
// .p12/.pfx file (its file password opens it). Either way the signer types
// their own new passphrase twice; nobody signs for someone else. Mistakes are
// shown under the field concerned and the dialog stays open.
type signerForm struct {
	t        *signersTab
	dlg      dialog.Dialog
	imported bool

	staff    []data.Staff
	staffSel *field
	secret   *field // the office passphrase, or the .p12 file's password
	pass     *field
	pass2    *field
	fileBtn  *widget.Button
	file     []byte // the .p12/.pfx content once chosen
	fileName *widget.Label
	msg      *widget.Label
	ok       *widget.Button
}

// openForm opens the dialog creating (or, with imp, importing) a signer.
func (t *signersTab) openForm(imp bool) {
	f := &signerForm{t: t, imported: imp}
	staff, err := signableStaff(t.u)
	if err != nil {
		docSay(t.msg, err.Error(), true)
		return
	}
	f.staff = staff
	names := make([]string, len(staff))
	for i, s := range staff {
		names[i] = s.DisplayName() + " — " + data.FormatNIP(s.NIP)
	}
	f.staffSel = newField(newSelect(names, nil))
	f.secret = newField(widget.NewPasswordEntry())
	f.pass = newField(widget.NewPasswordEntry())
	f.pass2 = newField(widget.NewPasswordEntry())
	f.msg = docNote("")
	f.msg.Hide()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("doc.signer.staff"), f.staffSel.box)}
	title, okText, secretLabel := lang.L("doc.signer.createtitle"), lang.L("doc.signer.createok"), lang.L("doc.root.pass")
	if imp {
		title, okText, secretLabel = lang.L("doc.signer.importtitle"), lang.L("doc.signer.importok"), lang.L("doc.signer.filepass")
		f.fileName = widget.NewLabel(lang.L("doc.signer.nofile"))
		f.fileName.Truncation = fyne.TextTruncateEllipsis
		f.fileBtn = widget.NewButtonWithIcon(lang.L("doc.signer.choosefile"), theme.FolderOpenIcon(), f.chooseFile)
		items = append(items, widget.NewFormItem(lang.L("doc.signer.file"), container.NewBorder(nil, nil, nil, f.fileBtn, f.fileName)))
	}
	items = append(items,
		widget.NewFormItem(secretLabel, f.secret.box),
		widget.NewFormItem(lang.L("doc.signer.pass"), f.pass.box),
		widget.NewFormItem(lang.L("doc.pass.repeat"), f.pass2.box),
	)
	explain := docNote(lang.L("doc.signer.own", map[string]any{"Min": service.MinPassphraseLength}))
	f.ok = widget.NewButtonWithIcon(okText, theme.ConfirmIcon(), f.submit)
	f.ok.Importance = widget.HighImportance
	cancel := widget.NewButtonWithIcon(lang.L("button.cancel"), theme.CancelIcon(), func() { f.dlg.Hide() })
	content := container.NewVBox(explain, widget.NewForm(items...), f.msg,
		container.NewHBox(layout.NewSpacer(), cancel, f.ok))
	f.dlg = dialog.NewCustomWithoutButtons(title, content, t.u.win)
	f.dlg.SetOnClosed(func() { t.form = nil })
	f.dlg.Resize(fyne.NewSize(620, 0))
	t.form = f
	f.dlg.Show()
}

// signableStaff lists the active staff with an 18-digit NIP, who can hold a
// signer.
func signableStaff(u *App) ([]data.Staff, error) {
	all, err := u.svc.AllStaff()
	if err != nil {
		return nil, err
	}
	var out []data.Staff
	for _, s := range all {
		if s.Current().Active && len(s.NIP) == 18 {
			out = append(out, s)
		}
	}
	return out, nil
}

// chooseFile asks for the .p12/.pfx file and keeps its content.
func (f *signerForm) chooseFile() {
	d := f.t.u.fileOpen(openCert, []string{".p12", ".pfx"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			f.t.u.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		raw, err := os.ReadFile(path)
		if err != nil {
			docSay(f.msg, lang.L("doc.root.readfail", map[string]any{"Path": path, "Err": err.Error()}), true)
			return
		}
		f.file = raw
		f.fileName.SetText(filepath.Base(path))
	}, f.t.u.win)
	d.Show()
}

// passText is the text typed in a passphrase field.
func passText(f *field) string { return f.input.(*widget.Entry).Text }

// check shows what is missing or wrong under each field; true when all is well.
func (f *signerForm) check() bool {
	good := true
	f.staffSel.show(nil, nil)
	f.secret.show(nil, nil)
	if f.staffSel.input.(*widget.Select).SelectedIndex() < 0 {
		f.staffSel.show([]string{lang.L("doc.signer.needstaff")}, nil)
		good = false
	}
	if f.imported && f.file == nil {
		docSay(f.msg, lang.L("doc.signer.needfile"), true)
		good = false
	}
	if !f.imported && passText(f.secret) == "" {
		f.secret.show([]string{lang.L("doc.root.needpass")}, nil)
		good = false
	}
	return checkNewPass(f.pass, f.pass2) && good
}

// submit creates or imports the signer off the UI goroutine (argon2id takes
// a moment) and closes the dialog when it worked.
func (f *signerForm) submit() {
	docSay(f.msg, "", false)
	if !f.check() {
		return
	}
	staffID := f.staff[f.staffSel.input.(*widget.Select).SelectedIndex()].ID
	secret, pass, file, imp := passText(f.secret), passText(f.pass), f.file, f.imported
	svc := f.t.u.svc
	f.ok.Disable()
	docSay(f.msg, lang.L("doc.working"), false)
	var info service.SignerInfo
	var err error
	runAsync(func() {
		if imp {
			info, err = svc.ImportSigner(staffID, file, secret, pass)
		} else {
			info, err = svc.CreateSigner(staffID, secret, pass)
		}
	}, func() { f.finish(info, err) })
}

// finish shows a refusal in the dialog, or closes it and reports the new
// signer; an imported signer's CA is offered for trust.
func (f *signerForm) finish(info service.SignerInfo, err error) {
	f.ok.Enable()
	if err != nil {
		docSay(f.msg, "", false)
		if wrongPassphrase(err) {
			f.secret.show([]string{lang.L("doc.pass.wrong")}, nil)
			return
		}
		docSay(f.msg, err.Error(), true)
		return
	}
	f.dlg.Hide()
	f.t.signerDone(info)
	if f.imported && info.RootCER != nil {
		f.t.confirmTrust(info.RootCER)
	}
}
