// Package assets holds the files embedded in the Kinerja binary: the app icon
// and the user interface translations, one JSON file per screen area and
// language, under translations/<language>/<area>.json.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

// Translations holds translations/id/*.json and translations/en/*.json. Every
// file is a flat JSON object of message key to text; the id and en folders hold
// the same files with the same keys.
//
//go:embed translations
var Translations embed.FS

//go:embed icon.png
var iconPNG []byte

// Icon is the Kinerja app icon (512×512 PNG), for the window and the taskbar.
var Icon = fyne.NewStaticResource("icon.png", iconPNG)
