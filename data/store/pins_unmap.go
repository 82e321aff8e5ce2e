package store

import (
	"fmt"
	"strings"
)

// UnmapPin forgets the mapping of one machine PIN. Nothing is deleted: the
// PIN's record is set to staff id 0 in the audited write, which MachinePins
// callers read as "not mapped" (a later MapPins maps it again).
func (s *Store) UnmapPin(pin string) error {
	pin = strings.TrimSpace(pin)
	if pin == "" {
		return fmt.Errorf("PIN mesin kosong")
	}
	return s.update("hapus pemetaan PIN mesin "+pin, func(c *change) error {
		return c.put(bucketMachinePins, []byte(pin), uint64(0))
	})
}
