package store

import "time"

// Now is the store's clock (Options.Now; time.Now when unset), so the
// service dates what it derives with the same clock as the audit.
func (s *Store) Now() time.Time { return s.now() }
