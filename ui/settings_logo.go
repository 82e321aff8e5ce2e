package ui

import (
	"bytes"
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// logoPreviewSize is the room the logo preview takes in Pengaturan.
var logoPreviewSize = fyne.NewSize(96, 96)

// logoCard is Pengaturan › Logo kop surat: the optional logo printed left of
// the kop surat on every document, chosen from a PNG or JPEG file (at most
// service.MaxLogoSize, checked by decoding), shown as a preview, removable.
type logoCard struct {
	u       *App
	view    fyne.CanvasObject
	preview *fyne.Container
	remove  *widget.Button
	msg     *widget.Label
}

func newLogoCard(u *App) *logoCard {
	c := &logoCard{u: u, preview: container.NewStack()}
	choose := widget.NewButtonWithIcon(lang.L("settings.logo.choose"), theme.FolderOpenIcon(), c.choose)
	c.remove = widget.NewButtonWithIcon(lang.L("settings.logo.remove"), theme.DeleteIcon(), c.removeLogo)
	c.msg = widget.NewLabel("")
	c.msg.Wrapping = fyne.TextWrapWord
	c.msg.Hide()
	c.view = section(lang.L("settings.logo"), lang.L("settings.logo.sub", map[string]any{"KB": service.MaxLogoSize >> 10}),
		container.NewVBox(container.NewHBox(c.preview, container.NewVBox(choose, c.remove)), c.msg))
	return c
}

// refresh shows the stored logo, or says there is none.
func (c *logoCard) refresh() {
	logo, err := c.u.svc.OfficeLogo()
	if err != nil {
		c.u.showError(err)
		return
	}
	c.show(logo)
	c.msg.Hide()
}

// show puts logo in the preview; nil shows "no logo" and disables Hapus.
func (c *logoCard) show(logo []byte) {
	var obj fyne.CanvasObject
	if logo == nil {
		obj = widget.NewLabel(lang.L("settings.logo.none"))
		c.remove.Disable()
	} else {
		img := canvas.NewImageFromReader(bytes.NewReader(logo), "logo")
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(logoPreviewSize)
		obj = img
		c.remove.Enable()
	}
	c.preview.Objects = []fyne.CanvasObject{obj}
	c.preview.Refresh()
}

// choose asks for a PNG or JPEG file and stores it as the logo.
func (c *logoCard) choose() {
	d := c.u.fileOpen(openImage, []string{".png", ".jpg", ".jpeg"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			c.u.showError(err)
			return
		}
		name := r.URI().Name()
		raw, err := io.ReadAll(io.LimitReader(r, service.MaxLogoSize+1))
		_ = r.Close()
		if err == nil {
			err = c.u.svc.SetOfficeLogo(raw)
		}
		if err != nil {
			c.say(fmt.Sprintf("%s: %v", name, err), true)
			return
		}
		c.show(raw)
		c.say(lang.L("settings.logo.saved", map[string]any{"Name": name}), false)
	}, c.u.win)
	d.Resize(fileDialogSize)
	d.Show()
}

// removeLogo removes the logo after asking.
func (c *logoCard) removeLogo() {
	dialog.ShowConfirm(lang.L("settings.logo.remove"), lang.L("settings.logo.removeask"), func(ok bool) {
		if !ok {
			return
		}
		if err := c.u.svc.RemoveOfficeLogo(); err != nil {
			c.u.showError(err)
			return
		}
		c.show(nil)
		c.say(lang.L("settings.logo.removed"), false)
	}, c.u.win)
}

// say shows a message under the logo, as an error when bad.
func (c *logoCard) say(text string, bad bool) {
	c.msg.SetText(text)
	c.msg.Importance = widget.SuccessImportance
	if bad {
		c.msg.Importance = widget.DangerImportance
	}
	c.msg.Show()
	c.msg.Refresh()
}
