package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// objectionEditor records the keberatan of the employee, the rater's
// penjelasan and the Atasan's keputusan on a final evaluation; on any other
// state it only shows what was recorded.
type objectionEditor struct {
	keberatan, penjelasan, keputusan *widget.Entry
	save                             *widget.Button
	view                             fyne.CanvasObject
}

func newObjectionEditor(f *evaluationForm) *objectionEditor {
	o := &objectionEditor{keberatan: multiEntry(), penjelasan: multiEntry(), keputusan: multiEntry()}
	cur := f.v.Evaluation.Objection
	o.keberatan.SetText(cur.Keberatan)
	o.penjelasan.SetText(cur.Penjelasan)
	o.keputusan.SetText(cur.Keputusan)
	o.save = widget.NewButtonWithIcon(lang.L("eval.objection.save"), theme.DocumentSaveIcon(), func() {
		_, err := f.s.u.svc.SetObjection(f.v.Period.ID, f.v.Staff.ID, o.value())
		f.after(lang.L("eval.objection.saved"), err)
	})
	if !f.v.Locked() {
		for _, e := range []*widget.Entry{o.keberatan, o.penjelasan, o.keputusan} {
			e.Disable()
		}
		o.save.Hide()
	}
	o.view = container.NewVBox(container.New(layout.NewFormLayout(),
		widget.NewLabel(lang.L("eval.objection.keberatan")), o.keberatan,
		widget.NewLabel(lang.L("eval.objection.penjelasan")), o.penjelasan,
		widget.NewLabel(lang.L("eval.objection.keputusan")), o.keputusan,
	), container.NewHBox(o.save))
	return o
}

func (o *objectionEditor) value() data.Objection {
	return data.Objection{
		Keberatan:  strings.TrimSpace(o.keberatan.Text),
		Penjelasan: strings.TrimSpace(o.penjelasan.Text),
		Keputusan:  strings.TrimSpace(o.keputusan.Text),
	}
}
