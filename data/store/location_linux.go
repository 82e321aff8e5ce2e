package store

import (
	"fmt"
	"syscall"
)

// remoteFilesystems are statfs magic numbers of network file systems.
var remoteFilesystems = map[uint32]string{
	0x6969:     "NFS",
	0x517b:     "SMB",
	0xff534d42: "CIFS",
	0xfe534d42: "SMB2",
	0x564c:     "NCP",
	0x73757245: "Coda",
	0x5346414f: "AFS",
	0x00c36400: "Ceph",
}

// onRemoteDrive reports whether path lies on a network file system.
func onRemoteDrive(path string) (bool, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false, fmt.Errorf("statfs: %w", err)
	}
	_, remote := remoteFilesystems[uint32(st.Type)]
	return remote, nil
}
