package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// laterScreens returns the screens of areas not built in this version: each
// says so plainly, with one line on what will come.
func laterScreens() map[string]fyne.CanvasObject {
	out := map[string]fyne.CanvasObject{}
	for _, s := range []string{ScreenAttendance, ScreenPerform, ScreenSKP, ScreenEvaluation, ScreenDocuments} {
		title := widget.NewLabelWithStyle(navLabel(s), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.SizeName = theme.SizeNameHeadingText
		what := widget.NewLabel(lang.L("later." + s))
		what.Wrapping = fyne.TextWrapWord
		out[s] = container.NewPadded(container.NewVBox(title, widget.NewLabel(lang.L("later.notyet")), what))
	}
	return out
}
