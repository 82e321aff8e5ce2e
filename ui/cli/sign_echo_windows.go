package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// hideInput turns off the echo of the console while a passphrase is typed
// and returns the function that turns it back on; ok is false when standard
// input is not a console.
func hideInput() (restore func(), ok bool) {
	h := windows.Handle(os.Stdin.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err != nil {
		return nil, false
	}
	if err := windows.SetConsoleMode(h, mode&^windows.ENABLE_ECHO_INPUT); err != nil {
		return nil, false
	}
	return func() { _ = windows.SetConsoleMode(h, mode) }, true
}
