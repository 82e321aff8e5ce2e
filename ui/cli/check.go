package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"golang.org/x/term"

	"kinerja/data/service"
)

// check is "kinerja check": the whole data file examined (every page, the
// audit chain, every record against it, signed documents against their
// evaluations). It opens the file for writing when it can, so a clean result
// is recorded, and read-only otherwise (write-protected media). Clean: one
// line, exit 0. Otherwise every problem, naming its record, and exit 1.
func check(c *call) error {
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	c.access = writes
	svc, err := c.open()
	if err != nil && !errors.Is(err, service.ErrNoFile) {
		c.access = reads
		svc, err = c.open()
	}
	if err != nil {
		return err
	}
	defer svc.Close()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := svc.Check(ctx, c.checkProgress())
	if err != nil {
		return err
	}
	for _, n := range rep.Notes { // information only, such as unreferenced archive entries
		fmt.Fprintln(c.stderr, "catatan:", n.String())
	}
	last, lastOK, lastErr := svc.LastCleanCheck()
	if rep.Clean() {
		line := fmt.Sprintf("File data %s baik: %d catatan diperiksa, tidak ada masalah", svc.Path(), rep.Records)
		switch {
		case rep.Recorded:
			line += "; dicatat sebagai pemeriksaan bersih terakhir"
		case svc.ReadOnly():
			line += " (dibuka hanya untuk dibaca, hasil ini tidak dicatat)"
		}
		fmt.Fprintln(c.stdout, line+".")
		return nil
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(c.stdout, p.String())
	}
	switch {
	case lastErr != nil:
	case lastOK:
		fmt.Fprintf(c.stdout, "Pemeriksaan bersih terakhir: %s; cadangan sejak itu mestinya baik (\"kinerja restore FILE\").\n", stamp(last))
	default:
		fmt.Fprintln(c.stdout, "Belum pernah ada pemeriksaan bersih yang tercatat.")
	}
	return fmt.Errorf("pemeriksaan menemukan %d masalah di file data %s (lihat daftar di atas)", len(rep.Problems), svc.Path())
}

// checkProgress shows the steps of a check on a terminal; nil elsewhere.
func (c *call) checkProgress() func(service.CheckProgress) {
	f, ok := c.stderr.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return func(p service.CheckProgress) {
		fmt.Fprintf(c.stderr, "Memeriksa (%d/%d): %s\n", p.Done, p.Total, p.Step)
	}
}
