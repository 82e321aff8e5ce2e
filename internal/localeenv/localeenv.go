// Package localeenv makes the POSIX "C" locale (C, C.UTF-8, POSIX) readable
// for Fyne before Fyne looks at it. Fyne's lang package reads the locale
// from LC_ALL, LC_MESSAGES or LANG in its package initialisation and logs
// three lines of "Error parsing user locale" for every C locale, before any
// of Kinerja's code runs; a command-line call then prints noise on stderr.
//
// main imports this package first (it imports nothing but os and strings),
// so its init runs before Fyne's: it sets LC_MESSAGES to en_US.UTF-8, which
// means the same as C for messages, and leaves LC_CTYPE and the other
// categories as they were. Kinerja's own language is a preference of the
// application, not the system locale, so nothing the user sees changes.
package localeenv

import (
	"os"
	"strings"
)

// messages is what LC_MESSAGES becomes when the locale in force is C.
const messages = "en_US.UTF-8"

func init() { Normalize() }

// Normalize applies the rule of the package doc to the environment; init
// calls it, tests call it again.
func Normalize() {
	if all := os.Getenv("LC_ALL"); all != "" {
		if !isC(all) {
			return
		}
		// LC_ALL overrides every category: hand its value to LANG so the
		// other categories keep it, and let LC_MESSAGES take over messages.
		os.Unsetenv("LC_ALL")
		os.Setenv("LANG", all)
		os.Setenv("LC_MESSAGES", messages)
		return
	}
	msg := os.Getenv("LC_MESSAGES")
	if msg == "" {
		msg = os.Getenv("LANG")
	}
	if isC(msg) {
		os.Setenv("LC_MESSAGES", messages)
	}
}

// isC reports whether a locale name is the POSIX locale: C or POSIX, with
// or without a codeset or modifier (C.UTF-8, C.utf8, POSIX@x).
func isC(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base, _, _ = strings.Cut(base, "@")
	return base == "C" || base == "POSIX"
}
