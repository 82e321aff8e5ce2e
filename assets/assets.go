// Package assets holds the files embedded in the Kinerja binary as plain
// bytes and file systems, with no user-interface types: the app icon, the
// PDF fonts, the shipped holiday and Ramadan lists, and the user interface
// translations, one JSON file per screen area and language, under
// translations/<language>/<area>.json. Package ui wraps the icon as a Fyne
// resource; data/service and export/pdf read the rest, so nothing here may
// import Fyne.
package assets

import "embed"

// Translations holds translations/id/*.json and translations/en/*.json. Every
// file is a flat JSON object of message key to text; the id and en folders hold
// the same files with the same keys.
//
//go:embed translations
var Translations embed.FS

// IconPNG is the Kinerja app icon, a 512×512 PNG, for the window and the
// taskbar.
//
//go:embed icon.png
var IconPNG []byte
