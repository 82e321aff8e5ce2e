// Package assets holds the files embedded in the Kinerja binary: the user
// interface translations, one JSON file per screen area and language, under
// translations/<language>/<area>.json.
package assets

import "embed"

// Translations holds translations/id/*.json and translations/en/*.json. Every
// file is a flat JSON object of message key to text; the id and en folders hold
// the same files with the same keys.
//
//go:embed translations
var Translations embed.FS
