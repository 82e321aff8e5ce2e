//go:build !linux && !windows

package store

// onRemoteDrive reports false: on this system only UNC paths are recognised
// as network locations.
func onRemoteDrive(string) (bool, error) { return false, nil }
