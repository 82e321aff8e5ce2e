package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// navChildren is the navigation tree: the top-level screens, and the two parts of Kinerja.
var navChildren = map[string][]string{
	"":            Screens,
	ScreenPerform: {ScreenSKP, ScreenEvaluation},
}

// navLabel is the translated label of a navigation entry.
func navLabel(screen string) string { return lang.L("nav." + screen) }

// newNav builds the left navigation; selecting an entry shows its screen.
func (u *App) newNav() *widget.Tree {
	t := widget.NewTree(
		func(id widget.TreeNodeID) []widget.TreeNodeID { return navChildren[id] },
		func(id widget.TreeNodeID) bool { return len(navChildren[id]) > 0 },
		func(bool) fyne.CanvasObject { return widget.NewLabel("Pengaturan Kinerja") },
		func(id widget.TreeNodeID, _ bool, o fyne.CanvasObject) { o.(*widget.Label).SetText(navLabel(id)) },
	)
	t.OpenBranch(ScreenPerform)
	t.OnSelected = func(id widget.TreeNodeID) {
		if id != u.current {
			u.Show(id)
		}
	}
	return t
}
