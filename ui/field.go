package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// field is a form input with its inline message underneath: errors in red,
// warnings in amber, nothing shown when all is well.
type field struct {
	input fyne.CanvasObject
	msg   *widget.Label
	box   *fyne.Container
}

func newField(input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	return &field{input: input, msg: msg, box: container.NewVBox(input, msg)}
}

// show displays the errors, or when there are none the warnings, or hides the message.
func (f *field) show(errs, warns []string) {
	switch {
	case len(errs) > 0:
		f.msg.Importance = widget.DangerImportance
		f.msg.SetText(strings.Join(errs, " "))
		f.msg.Show()
	case len(warns) > 0:
		f.msg.Importance = widget.WarningImportance
		f.msg.SetText(strings.Join(warns, " "))
		f.msg.Show()
	default:
		f.msg.SetText("")
		f.msg.Hide()
	}
}

// message returns the text shown under the field, "" when hidden.
func (f *field) message() string {
	if !f.msg.Visible() {
		return ""
	}
	return f.msg.Text
}

// problemsOf splits the messages of one field into errors and warnings.
func problemsOf(p data.Problems, name string) (errs, warns []string) {
	for _, e := range p.Errors {
		if e.Field == name {
			errs = append(errs, e.Message)
		}
	}
	for _, w := range p.Warnings {
		if w.Field == name {
			warns = append(warns, w.Message)
		}
	}
	return errs, warns
}

// newSelect is widget.NewSelect with a translated placeholder (Fyne's own
// "(Select one)" is not translated).
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("select.placeholder")
	return s
}
