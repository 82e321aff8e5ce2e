package ui

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// signatureImageForm is the dialog that keeps a staff member's scanned
// signature (PNG or JPEG): chosen from a file, shown as a preview, saved or
// removed. Final evaluation documents carry it in that person's signature
// block.
type signatureImageForm struct {
	t        *signersTab
	staff    []data.Staff
	staffSel *field
	img      []byte // the image shown: the stored one or a newly chosen file
	changed  bool   // img was chosen from a file and is not saved yet
	preview  *canvas.Image
	none     *widget.Label
	msg      *widget.Label
	save     *widget.Button
	remove   *widget.Button
	dlg      dialog.Dialog
}

// openSignatureImage opens the scanned-signature dialog and returns it.
func (t *signersTab) openSignatureImage() *signatureImageForm {
	f := &signatureImageForm{t: t}
	staff, err := signableStaff(t.u)
	if err != nil {
		docSay(t.msg, err.Error(), true)
		return nil
	}
	f.staff = staff
	names := make([]string, len(staff))
	for i, s := range staff {
		names[i] = s.DisplayName() + " — " + data.FormatNIP(s.NIP)
	}
	f.staffSel = newField(newSelect(names, func(string) { f.load() }))
	f.preview = canvas.NewImageFromResource(nil)
	f.preview.FillMode = canvas.ImageFillContain
	f.preview.SetMinSize(fyne.NewSize(240, 80))
	f.none = widget.NewLabel(lang.L("doc.sigimg.none"))
	f.msg = docNote("")
	f.msg.Hide()
	choose := widget.NewButtonWithIcon(lang.L("doc.signer.choosefile"), theme.FolderOpenIcon(), f.chooseFile)
	f.save = widget.NewButtonWithIcon(lang.L("doc.sigimg.save"), theme.ConfirmIcon(), f.saveImage)
	f.save.Importance = widget.HighImportance
	f.remove = widget.NewButtonWithIcon(lang.L("doc.sigimg.remove"), theme.DeleteIcon(), f.removeImage)
	closeBtn := widget.NewButtonWithIcon(lang.L("doc.close"), theme.CancelIcon(), func() { f.dlg.Hide() })
	form := widget.NewForm(
		widget.NewFormItem(lang.L("doc.signer.staff"), f.staffSel.box),
		widget.NewFormItem(lang.L("doc.sigimg.image"), container.NewBorder(nil, nil, nil, choose, container.NewStack(f.none, f.preview))),
	)
	explain := docNote(lang.L("doc.sigimg.text", map[string]any{"Max": service.MaxSignatureImageSize >> 10}))
	content := container.NewVBox(explain, form, f.msg, container.NewHBox(f.remove, layout.NewSpacer(), closeBtn, f.save))
	f.dlg = dialog.NewCustomWithoutButtons(lang.L("doc.sigimg.title"), content, t.u.win)
	f.dlg.Resize(fyne.NewSize(620, 0))
	f.show(nil, false)
	f.dlg.Show()
	return f
}

// selected is the staff member chosen, false when none is.
func (f *signatureImageForm) selected() (data.Staff, bool) {
	i := f.staffSel.input.(*widget.Select).SelectedIndex()
	if i < 0 || i >= len(f.staff) {
		return data.Staff{}, false
	}
	return f.staff[i], true
}

// load shows the stored image of the staff member just chosen.
func (f *signatureImageForm) load() {
	s, ok := f.selected()
	if !ok {
		return
	}
	img, _, err := f.t.u.svc.SignatureImage(s.ID)
	if err != nil {
		docSay(f.msg, err.Error(), true)
		return
	}
	docSay(f.msg, "", false)
	f.show(img, false)
}

// show puts img in the preview (nil: "no image yet") and enables the buttons
// that apply.
func (f *signatureImageForm) show(img []byte, changed bool) {
	f.img, f.changed = img, changed
	if len(img) == 0 {
		f.preview.Resource = nil
		f.preview.Hide()
		f.none.Show()
	} else {
		f.preview.Resource = fyne.NewStaticResource("tanda-tangan", img)
		f.preview.Show()
		f.none.Hide()
	}
	f.preview.Refresh()
	_, ok := f.selected()
	enableButtonIf(f.save, ok && changed)
	enableButtonIf(f.remove, ok && !changed && len(img) > 0)
}

// enableButtonIf enables or disables b.
func enableButtonIf(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// chooseFile asks for a PNG or JPEG file and previews it once it passes
// service.CheckSignatureImage.
func (f *signatureImageForm) chooseFile() {
	d := f.t.u.fileOpen(openImage, []string{".png", ".jpg", ".jpeg"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			f.t.u.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		f.useFile(path)
	}, f.t.u.win)
	d.Show()
}

// useFile reads the image at path and previews it, or says why it is refused.
func (f *signatureImageForm) useFile(path string) {
	raw, err := os.ReadFile(path)
	if err != nil {
		docSay(f.msg, lang.L("doc.root.readfail", map[string]any{"Path": path, "Err": err.Error()}), true)
		return
	}
	if err := service.CheckSignatureImage(raw); err != nil {
		docSay(f.msg, filepath.Base(path)+": "+err.Error(), true)
		return
	}
	docSay(f.msg, "", false)
	f.show(raw, true)
}

// saveImage stores the chosen image for the chosen staff member.
func (f *signatureImageForm) saveImage() {
	s, ok := f.selected()
	if !ok {
		f.staffSel.show([]string{lang.L("doc.signer.needstaff")}, nil)
		return
	}
	if err := f.t.u.svc.SetSignatureImage(s.ID, f.img); err != nil {
		docSay(f.msg, err.Error(), true)
		return
	}
	docSay(f.msg, lang.L("doc.sigimg.saved", map[string]any{"Name": s.DisplayName()}), false)
	f.show(f.img, false)
}

// removeImage removes the stored image of the chosen staff member.
func (f *signatureImageForm) removeImage() {
	s, ok := f.selected()
	if !ok {
		return
	}
	if err := f.t.u.svc.RemoveSignatureImage(s.ID); err != nil {
		docSay(f.msg, err.Error(), true)
		return
	}
	docSay(f.msg, lang.L("doc.sigimg.removed", map[string]any{"Name": s.DisplayName()}), false)
	f.show(nil, false)
}
