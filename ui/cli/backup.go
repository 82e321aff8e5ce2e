package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"kinerja/data/service"
)

// backup is "kinerja backup --out FILE [--replace]": a compacted, verified
// copy of the whole data file, taken from a read-only opening. An existing
// FILE is replaced only with --replace; the data file itself, the backups
// folder and a file held open are always refused.
func backup(c *call) error {
	out := c.flags.String("out", "", "file cadangan")
	replace := c.flags.Bool("replace", false, "ganti FILE bila sudah ada")
	if err := c.parse(); err != nil {
		return err
	}
	if *out == "" || len(c.args) > 0 {
		return usagef("backup: pakai --out FILE [--replace]")
	}
	return c.withService(func(svc *service.Service) error {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		if err := svc.BackupTo(ctx, *out, *replace); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Cadangan tersimpan di %s\n", *out)
		return nil
	})
}
