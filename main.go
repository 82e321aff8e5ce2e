// Command kinerja runs Kinerja, the offline staff administration of a kecamatan
// office. With no command it opens the window; with a command it works as a
// command-line tool on the same data file (see "kinerja help").
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
