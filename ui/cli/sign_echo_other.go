//go:build !windows

package cli

import (
	"os"
	"os/exec"
)

// hideInput turns off the echo of the terminal (with stty) while a
// passphrase is typed and returns the function that turns it back on; ok is
// false when standard input is not a terminal (or stty is missing).
func hideInput() (restore func(), ok bool) {
	off := exec.Command("stty", "-echo")
	off.Stdin = os.Stdin
	if off.Run() != nil {
		return nil, false
	}
	return func() {
		on := exec.Command("stty", "echo")
		on.Stdin = os.Stdin
		_ = on.Run()
	}, true
}
