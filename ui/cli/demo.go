package cli

import (
	"fmt"

	"kinerja/data"
	demodata "kinerja/data/demo"
	"kinerja/data/service"
)

// demo is "kinerja demo": an empty data file filled with a fictitious office.
func demo(c *call) error {
	n := c.flags.Int("staff", 45, "jumlah pegawai")
	seed := c.flags.Int64("seed", 1, "benih acak (hasil sama untuk benih sama)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("demo: argumen %q tidak dikenal", c.args[0])
	}
	if *n < 1 || *n > 5000 {
		return usagef("demo: --staff harus antara 1 dan 5000")
	}
	return c.withService(func(svc *service.Service) error {
		count, err := svc.FillDemo(demodata.Options{Staff: *n, Seed: *seed, Today: data.Today()})
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Data demo dibuat: %d pegawai di %s\n", count, svc.Path())
		return nil
	})
}
