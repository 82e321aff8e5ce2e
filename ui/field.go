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

// field is a form input with its inline message underneath: errors in red,
// warnings in amber, nothing when all is well. The message line is reserved
// whether or not a message shows, and once a longer message has shown the
// field keeps that height, so fixing a mistake never moves the fields below
// it (the next click lands where the user aimed).
type field struct {
	input fyne.CanvasObject
	msg   *widget.Label
	box   *fyne.Container
}

func newField(input fyne.CanvasObject) *field {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.SizeName = theme.SizeNameCaptionText
	return &field{input: input, msg: msg, box: container.New(&fieldLayout{}, input, msg)}
}

// show displays the errors, or when there are none the warnings, or clears the message.
func (f *field) show(errs, warns []string) {
	switch {
	case len(errs) > 0:
		f.msg.Importance = widget.DangerImportance
		f.msg.SetText(strings.Join(errs, " "))
	case len(warns) > 0:
		f.msg.Importance = widget.WarningImportance
		f.msg.SetText(strings.Join(warns, " "))
	default:
		f.msg.Importance = widget.MediumImportance
		f.msg.SetText("")
	}
}

// message returns the text shown under the field, "" when none.
func (f *field) message() string { return f.msg.Text }

// hasError reports whether the field shows an error (not a warning).
func (f *field) hasError() bool {
	return f.msg.Text != "" && f.msg.Importance == widget.DangerImportance
}

// focus puts the keyboard focus in the field's input; an input that takes
// no focus (a radio group) takes it away from the field typed in last, so
// typing does not go on into a field that is not the one in error.
func (f *field) focus(c fyne.Canvas) {
	if c == nil {
		return
	}
	in, ok := f.input.(fyne.Focusable)
	if d, dis := f.input.(fyne.Disableable); !ok || (dis && d.Disabled()) {
		c.Unfocus()
		return
	}
	c.Focus(in)
}

// focusFirstError puts the keyboard focus in the first of fields, in the
// order given (top to bottom), that shows an error; false when none does.
func focusFirstError(c fyne.Canvas, fields ...*field) bool {
	for _, f := range fields {
		if f.box.Visible() && f.hasError() {
			f.focus(c)
			return true
		}
	}
	return false
}

// fieldLayout puts the input over its message line. The line is always
// reserved and never shrinks: its height is the tallest message shown so far
// (at least one line). The label's own top and bottom padding overlap the
// input's and the next row's, so the reserved line stays small.
type fieldLayout struct{ tallest float32 }

func (l *fieldLayout) msgHeight(msg fyne.CanvasObject) float32 {
	h := msg.MinSize().Height - theme.InnerPadding()
	if msg.Size().Width < 1 {
		// Not laid out yet: a wrapping label cannot know its height.
		h = min(h, l.lineHeight())
	}
	l.tallest = max(l.tallest, h, l.lineHeight())
	return l.tallest
}

// lineHeight is the height of one line of message text.
func (l *fieldLayout) lineHeight() float32 {
	return fyne.MeasureText("Ag", theme.CaptionTextSize(), fyne.TextStyle{}).Height + theme.InnerPadding()
}

func (l *fieldLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	input, msg := objs[0], objs[1]
	mh := l.msgHeight(msg)
	ih := max(size.Height-mh, input.MinSize().Height)
	input.Move(fyne.NewPos(0, 0))
	input.Resize(fyne.NewSize(size.Width, ih))
	msg.Move(fyne.NewPos(0, ih-theme.InnerPadding()/2))
	msg.Resize(fyne.NewSize(size.Width, mh+theme.InnerPadding()))
}

func (l *fieldLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	in, msg := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(max(in.Width, msg.Width), in.Height+l.msgHeight(objs[1]))
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

// newSaveButton is the Simpan of every form: the save icon and high
// importance, placed by saveBar at the right under the form.
func newSaveButton(text string, tap func()) *widget.Button {
	b := widget.NewButtonWithIcon(text, theme.DocumentSaveIcon(), tap)
	b.Importance = widget.HighImportance
	return b
}

// saveBar puts a form's buttons at its right edge, Simpan last.
func saveBar(buttons ...fyne.CanvasObject) *fyne.Container {
	return container.NewHBox(append([]fyne.CanvasObject{layout.NewSpacer()}, buttons...)...)
}
