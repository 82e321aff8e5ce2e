package cli

import (
	"fmt"

	"kinerja/data/service"
)

// backup is "kinerja backup --out FILE": a consistent copy of the whole data
// file, taken from a read-only opening.
func backup(c *call) error {
	out := c.flags.String("out", "", "file cadangan")
	if err := c.parse(); err != nil {
		return err
	}
	if *out == "" || len(c.args) > 0 {
		return usagef("backup: pakai --out FILE")
	}
	return c.withService(func(svc *service.Service) error {
		if err := svc.BackupFile(*out); err != nil {
			return fmt.Errorf("membuat cadangan: %w", err)
		}
		fmt.Fprintf(c.stdout, "Cadangan tersimpan di %s\n", *out)
		return nil
	})
}
