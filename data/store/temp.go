package store

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// staleAfter is how old a temporary file must be before Open removes it: a
// run that is still writing one is never that slow, a killed run's stays.
const staleAfter = 15 * time.Minute

// IsTempName reports whether name follows Kinerja's own naming of temporary
// files: ".NAME.tmp-DIGITS", made by export.WriteFileAtomic and by backups
// and restores here, or "NAME.db.tmp-DIGITS" of backups by older versions.
func IsTempName(name string) bool {
	i := strings.LastIndex(name, ".tmp-")
	if i <= 0 || i+len(".tmp-") == len(name) {
		return false
	}
	for _, r := range name[i+len(".tmp-"):] {
		if r < '0' || r > '9' {
			return false
		}
	}
	base := name[:i]
	if strings.HasPrefix(base, ".") {
		return len(base) > 1
	}
	return strings.HasSuffix(strings.ToLower(base), ".db")
}

// tempPattern is the os.CreateTemp pattern for a temporary file beside
// final; IsTempName recognises its names.
func tempPattern(final string) string { return "." + filepath.Base(final) + ".tmp-*" }

// removeStaleTemps removes from dir the regular files named by IsTempName
// that were last written before now-staleAfter: what killed runs left behind.
// Anything else, and every failure, is left alone.
func removeStaleTemps(dir string, now time.Time) (removed []string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !IsTempName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < staleAfter {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if os.Remove(p) == nil {
			removed = append(removed, p)
		}
	}
	return removed
}
