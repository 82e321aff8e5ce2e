package assets

import "embed"

// Fonts holds fonts/*.ttf: DejaVu Sans Condensed regular and bold, cut down
// to the Latin characters the documents use (see fonts/README.md for how the
// files were made and fonts/LICENSE for their licence). Every PDF the app
// writes embeds these two files.
//
//go:embed fonts/*.ttf
var Fonts embed.FS
