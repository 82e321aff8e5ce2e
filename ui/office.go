package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/demo"
)

// officeForm edits the office identity printed on documents: kecamatan,
// kabupaten, street address, and the town written on signature lines.
type officeForm struct {
	kecamatan, kabupaten, alamat, kota *widget.Entry
	fields                             map[string]*field
	form                               *widget.Form
}

func newOfficeForm(o data.Office) *officeForm {
	f := &officeForm{
		kecamatan: widget.NewEntry(), kabupaten: widget.NewEntry(),
		alamat: widget.NewEntry(), kota: widget.NewEntry(),
	}
	f.kecamatan.SetText(o.Kecamatan)
	f.kabupaten.SetText(o.Kabupaten)
	f.alamat.SetText(o.Alamat)
	f.kota.SetText(o.Kota)
	f.kecamatan.SetPlaceHolder(lang.L("office.kecamatan.hint"))
	f.kabupaten.SetPlaceHolder(lang.L("office.kabupaten.hint"))
	f.kota.SetPlaceHolder(lang.L("office.kota.hint"))
	f.fields = map[string]*field{
		data.FieldKecamatan: newField(f.kecamatan),
		data.FieldKabupaten: newField(f.kabupaten),
	}
	f.form = widget.NewForm(
		widget.NewFormItem(lang.L("office.kecamatan"), f.fields[data.FieldKecamatan].box),
		widget.NewFormItem(lang.L("office.kabupaten"), f.fields[data.FieldKabupaten].box),
		widget.NewFormItem(lang.L("office.alamat"), newField(f.alamat).box), // the same row height as the others
		widget.NewFormItem(lang.L("office.kota"), newField(f.kota).box),
	)
	return f
}

// office returns the identity typed, trimmed.
func (f *officeForm) office() data.Office {
	return data.Office{
		Kecamatan: strings.TrimSpace(f.kecamatan.Text),
		Kabupaten: strings.TrimSpace(f.kabupaten.Text),
		Alamat:    strings.TrimSpace(f.alamat.Text),
		Kota:      strings.TrimSpace(f.kota.Text),
	}
}

// check shows the inline messages and reports whether the identity may be saved.
func (f *officeForm) check() (data.Office, bool) {
	o := f.office()
	p := data.Problems{Errors: o.Validate()}
	for name, fl := range f.fields {
		fl.show(problemsOf(p, name))
	}
	return o, p.OK()
}

// focusFirstError puts the keyboard focus in the first field in error.
func (f *officeForm) focusFirstError(c fyne.Canvas) {
	focusFirstError(c, f.fields[data.FieldKecamatan], f.fields[data.FieldKabupaten])
}

// demoStaff is the size of the demo office the first-run dialog offers.
const demoStaff = 45

// firstRun is the dialog shown while the office identity is not set.
type firstRun struct {
	dialog *dialog.CustomDialog
	form   *officeForm
	save   *widget.Button
	demo   *widget.Button
}

// askOfficeIfUnset opens the first-run dialog when the office identity is not
// set: the user types it in, or loads the demo office (off the UI goroutine).
func (u *App) askOfficeIfUnset() {
	if o, err := u.svc.Office(); err != nil || o.IsSet() {
		u.showError(err)
		return
	}
	fr := &firstRun{form: newOfficeForm(data.Office{})}
	intro := widget.NewLabel(lang.L("firstrun.intro"))
	intro.Wrapping = fyne.TextWrapWord
	fr.save = newSaveButton(lang.L("button.save"), func() {
		o, ok := fr.form.check()
		if !ok {
			fr.form.focusFirstError(u.win.Canvas())
			return
		}
		if err := u.svc.SetOffice(o); err != nil {
			u.showError(err)
			return
		}
		fr.dialog.Hide()
		u.refreshAll()
	})
	fr.demo = widget.NewButton(lang.L("firstrun.demo"), func() {
		fr.demo.Disable()
		fr.save.Disable()
		var err error
		runAsync(func() {
			_, err = u.svc.FillDemo(demo.Options{Staff: demoStaff, Seed: 1, Today: u.today()})
		}, func() {
			fr.demo.Enable()
			fr.save.Enable()
			if err != nil {
				u.showError(err)
				return
			}
			fr.dialog.Hide()
			u.refreshAll()
		})
	})
	fr.dialog = dialog.NewCustomWithoutButtons(lang.L("firstrun.title"), container.NewVBox(intro, fr.form.form), u.win)
	fr.dialog.SetButtons([]fyne.CanvasObject{fr.demo, fr.save})
	fr.dialog.Resize(fyne.NewSize(560, 0))
	fr.dialog.Show()
	u.firstRun = fr
}
