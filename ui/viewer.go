package ui

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"kinerja/data/service"
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

// writeBytes writes b to path (a print copy in the temporary folder)
// through the service's guarded writer, creating its folder first.
func writeBytes(svc *service.Service, path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return svc.WriteOutput(path, b)
}
