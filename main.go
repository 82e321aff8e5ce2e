// Command kinerja runs Kinerja, the offline staff administration of a kecamatan
// office. With no command it opens the window; with a command it works as a
// command-line tool on the same data file (see "kinerja help").
package main

import (
	// localeenv comes first: its init must run before Fyne reads the locale.
	_ "kinerja/internal/localeenv"

	"os"

	"kinerja/ui"
	"kinerja/ui/cli"
)

// version is the application version; the build sets it from FyneApp.toml.
var version = "dev"

func main() {
	code, win := cli.Run(os.Args[1:], os.Stdout, os.Stderr, version)
	if win != nil {
		code = ui.Run(win.DataPath, win.Screen, version, os.Stderr)
	}
	os.Exit(code)
}
