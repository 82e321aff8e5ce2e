package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// officialForm registers an official outside the office: name, NIP,
// pangkat, jabatan and instansi (service.AddOfficial). saved is told the
// new official.
type officialForm struct {
	u                                 *App
	name, nip, rank, position, agency *widget.Entry
	dialog                            *dialog.CustomDialog
	save, cancel                      *widget.Button
	status                            *widget.Label
	saved                             func(data.Official)
}

func newOfficialForm(u *App, saved func(data.Official)) *officialForm {
	f := &officialForm{u: u, saved: saved, status: wrapLabel("")}
	f.name, f.nip, f.rank, f.position, f.agency = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.nip.SetPlaceHolder("19680101 199003 1 001")
	f.rank.SetPlaceHolder("Pembina Utama Madya (IV/d)")
	form := widget.NewForm(
		widget.NewFormItem(lang.L("official.name"), f.name),
		widget.NewFormItem(lang.L("official.nip"), f.nip),
		widget.NewFormItem(lang.L("official.rank"), f.rank),
		widget.NewFormItem(lang.L("official.position"), f.position),
		widget.NewFormItem(lang.L("official.agency"), f.agency),
	)
	f.save = widget.NewButton(lang.L("button.save"), f.apply)
	f.save.Importance = widget.HighImportance
	f.cancel = widget.NewButton(lang.L("button.cancel"), func() { f.dialog.Hide() })
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("official.new"), container.NewVBox(form, f.status), u.win)
	f.dialog.SetButtons([]fyne.CanvasObject{f.cancel, f.save})
	f.dialog.Resize(fyne.NewSize(560, 0))
	return f
}

func (f *officialForm) show() { f.dialog.Show() }

// apply saves the official; a refusal stays in the form with its message.
func (f *officialForm) apply() {
	o, err := f.u.svc.AddOfficial(f.name.Text, f.nip.Text, f.rank.Text, f.position.Text, f.agency.Text)
	if err != nil {
		f.status.Importance = widget.DangerImportance
		f.status.SetText(err.Error())
		return
	}
	f.dialog.Hide()
	if f.saved != nil {
		f.saved(o)
	}
}

// officialsList is the small list of officials outside the office shown in
// Pengaturan: each with its jabatan and instansi, a button to deactivate or
// activate it, and a button to add one. Nobody is deleted.
type officialsList struct {
	u    *App
	box  *fyne.Container
	add  *widget.Button
	form *officialForm // the open form, for tests
	view fyne.CanvasObject
}

func newOfficialsList(u *App) *officialsList {
	l := &officialsList{u: u, box: container.NewVBox()}
	l.add = widget.NewButtonWithIcon(lang.L("official.add"), theme.ContentAddIcon(), func() {
		l.form = newOfficialForm(u, func(data.Official) { l.refresh() })
		l.form.show()
	})
	l.view = container.NewVBox(wrapLabel(lang.L("official.intro")), l.box, container.NewHBox(l.add))
	l.refresh()
	return l
}

// refresh lists the officials again.
func (l *officialsList) refresh() {
	l.box.RemoveAll()
	all, err := l.u.svc.Officials()
	if err != nil {
		l.box.Add(wrapLabel(err.Error()))
		return
	}
	if len(all) == 0 {
		l.box.Add(widget.NewLabel(lang.L("official.none")))
	}
	for _, o := range all {
		text := o.Name
		if o.NIP != "" {
			text += " — NIP " + data.FormatNIP(o.NIP)
		}
		text += "\n" + o.Position + ", " + o.Agency
		if o.Inactive {
			text += " (" + lang.L("official.inactive") + ")"
		}
		label := wrapLabel(text)
		key := "official.deactivate"
		if o.Inactive {
			key = "official.activate"
		}
		id, active := o.ID, o.Inactive
		b := widget.NewButton(lang.L(key), func() {
			if _, err := l.u.svc.SetOfficialActive(id, active); err != nil {
				l.u.showError(err)
			}
			l.refresh()
		})
		l.box.Add(container.NewBorder(nil, nil, nil, b, label))
	}
}
