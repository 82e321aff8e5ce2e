package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// checkLocation refuses a data file on a network drive: bbolt's file lock and
// memory map are not safe over SMB or NFS. path is absolute.
func checkLocation(path string) error {
	if isUNC(path) {
		return fmt.Errorf("%s: %w", path, ErrNetworkDrive)
	}
	remote, err := onRemoteDrive(existingAncestor(path))
	if err != nil {
		return fmt.Errorf("memeriksa lokasi %s: %w", path, err)
	}
	if remote {
		return fmt.Errorf("%s: %w", path, ErrNetworkDrive)
	}
	return nil
}

// isUNC reports whether path names a network share: \\server\share or
// //server/share, also in the long form \\?\UNC\server\share. The local long
// forms \\?\C:\ and \\.\ are not shares.
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, `\`, "/")
	if strings.HasPrefix(strings.ToUpper(p), "//?/UNC/") {
		return true
	}
	if strings.HasPrefix(p, "//?/") || strings.HasPrefix(p, "//./") {
		return false
	}
	return strings.HasPrefix(p, "//") && len(p) > 2 && p[2] != '/'
}

// existingAncestor returns path or its nearest existing parent folder, so
// that the drive of a file not yet created can be examined.
func existingAncestor(path string) string {
	for {
		if _, err := os.Stat(path); err == nil {
			return path
		}
		parent := filepath.Dir(path)
		if parent == path {
			return path
		}
		path = parent
	}
}

// cloudFolders are the folder names of sync clients that may rewrite the
// file while Kinerja has it open.
var cloudFolders = []string{"onedrive", "dropbox", "google drive", "googledrive", "icloud drive", "iclouddrive", "icloud~"}

// cloudWarnings returns a warning when path lies in a cloud-synced folder.
func cloudWarnings(path string) []string {
	lower := strings.ToLower(path)
	for _, name := range cloudFolders {
		if strings.Contains(lower, name) {
			return []string{fmt.Sprintf("File data berada di folder yang disinkronkan ke awan (%s). "+
				"Sinkronisasi saat Kinerja terbuka dapat merusak file; sebaiknya pindahkan ke folder lokal "+
				"dan gunakan cadangan untuk menyalin.", path)}
		}
	}
	return nil
}
