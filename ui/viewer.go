package ui

import (
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kinerja/export"
)

// fileURL is the file:// URL of a local path; a Windows path gets the
// leading slash of "file:///C:/...", so the drive is not read as a host.
func fileURL(path string) *url.URL {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return &url.URL{Scheme: "file", Path: p}
}

// writeBytes writes b to path atomically, creating its folder.
func writeBytes(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return export.WriteFileAtomic(path, func(w io.Writer) error { _, err := w.Write(b); return err })
}
