package assets

import "embed"

// Fonts holds the PDF fonts: DejaVu Sans Condensed regular and bold prepared
// for gofpdf with the 256-character encoding fonts/kinerja.map
// (fonts/*-Kinerja.json definitions and fonts/*-Kinerja.z font files). See
// fonts/README.md for how they were made and fonts/LICENSE for their licence.
//
//go:embed fonts/*.json fonts/*.z fonts/kinerja.map
var Fonts embed.FS
