package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// bucketMachinePins maps a fingerprint-machine PIN to the staff id it stands
// for, remembered once mapped. The mapping is entered by a person, so unlike
// the derived index buckets it is an audited record: the JSON staff id.
const bucketMachinePins = "machine_pins"

// MachinePins returns every remembered PIN → staff id mapping.
func (s *Store) MachinePins() (map[string]uint64, error) {
	out := map[string]uint64{}
	err := s.view(func(r reader) error {
		return r.each(bucketMachinePins, func(k, v []byte) error {
			var id uint64
			if err := json.Unmarshal(v, &id); err != nil {
				return fmt.Errorf("membaca PIN mesin %s: %w", k, err)
			}
			out[string(k)] = id
			return nil
		})
	})
	return out, err
}

// MapPins remembers PIN → staff id mappings in one transaction, replacing
// earlier ones of the same PINs. An empty PIN or an unknown staff member is
// refused and nothing is saved.
func (s *Store) MapPins(pins map[string]uint64) error {
	return s.update("petakan PIN mesin", func(c *change) error { return putPins(c, pins) })
}

func putPins(c *change, pins map[string]uint64) error {
	keys := make([]string, 0, len(pins))
	for pin := range pins {
		keys = append(keys, pin)
	}
	sort.Strings(keys)
	for _, raw := range keys {
		id, pin := pins[raw], strings.TrimSpace(raw)
		if pin == "" {
			return fmt.Errorf("PIN mesin kosong")
		}
		if _, err := staffByID(c.reader, id); err != nil {
			return fmt.Errorf("PIN mesin %s: %w", pin, err)
		}
		if err := c.put(bucketMachinePins, []byte(pin), id); err != nil {
			return err
		}
	}
	return nil
}
