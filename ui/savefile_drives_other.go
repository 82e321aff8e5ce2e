//go:build !windows

package ui

import (
	"os"
	"path/filepath"
	"sort"
)

// removableDrives lists mounted removable media: /media/$USER/* and
// /run/media/$USER/* (udisks), and /Volumes/* on macOS.
func removableDrives() []string {
	user := os.Getenv("USER")
	var out []string
	for _, pattern := range []string{"/media/" + user + "/*", "/run/media/" + user + "/*", "/Volumes/*"} {
		if user == "" && pattern != "/Volumes/*" {
			continue
		}
		matches, _ := filepath.Glob(pattern)
		sort.Strings(matches)
		for _, m := range matches {
			if fi, err := os.Stat(m); err == nil && fi.IsDir() && !isRootVolume(m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// isRootVolume reports whether a /Volumes entry is the system disk itself.
func isRootVolume(path string) bool {
	target, err := filepath.EvalSymlinks(path)
	return err == nil && target == "/"
}
