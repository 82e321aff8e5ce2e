package store

import (
	"encoding/binary"
	"encoding/hex"
	"strconv"
)

// idKey returns the 8-byte big-endian key of a record id, so keys sort by id.
func idKey(id uint64) []byte {
	k := make([]byte, 8)
	binary.BigEndian.PutUint64(k, id)
	return k
}

// keyID reads an id key; ok is false when k is not 8 bytes long.
func keyID(k []byte) (id uint64, ok bool) {
	if len(k) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(k), true
}

// keyLabel renders a key for people: printable keys as they are, an id key
// as its decimal number, and an id followed by more bytes as "id/rest".
func keyLabel(k []byte) string {
	if printable(k) {
		return string(k)
	}
	if len(k) >= 8 {
		s := strconv.FormatUint(binary.BigEndian.Uint64(k[:8]), 10)
		if len(k) > 8 {
			s += "/" + keyLabel(k[8:])
		}
		return s
	}
	return hex.EncodeToString(k)
}

func printable(k []byte) bool {
	if len(k) == 0 {
		return false
	}
	for _, c := range k {
		if c < 0x20 || c > 0x7e {
			return false
		}
	}
	return true
}
