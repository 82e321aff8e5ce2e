package store

import (
	"fmt"
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onRemoteDrive reports whether path lies on a mapped network drive.
func onRemoteDrive(path string) (bool, error) {
	vol := filepath.VolumeName(path)
	if vol == "" {
		return false, nil
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false, fmt.Errorf("drive %s: %w", vol, err)
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE, nil
}
