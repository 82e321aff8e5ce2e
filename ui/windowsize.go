package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// smallestWindow is the smallest main window the screens are made for: a
// 1000 px wide window (a 1024×768 screen with the taskbar) and 650 px for
// the screens under the menu bar.
var smallestWindow = fyne.NewSize(1000, 650)

// smallestContent is the smallest size of the window's content: the window
// draws its content inside a padding left and right, so content asking for
// the whole 1000 px made the window 1008 px wide.
func smallestContent() fyne.Size {
	return fyne.NewSize(smallestWindow.Width-2*theme.Padding(), smallestWindow.Height)
}
