package ui

import (
	"fyne.io/fyne/v2"

	"kinerja/assets"
)

// appIconName is the resource name of the app icon.
const appIconName = "icon.png"

// appIcon is the app icon (assets.IconPNG) as a Fyne resource, for the
// window and the taskbar. Package assets holds plain bytes only, so the
// packages below ui never reach Fyne through it.
var appIcon = fyne.NewStaticResource(appIconName, assets.IconPNG)
