package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

// importStaff is "kinerja import staff FILE": the file is checked whole
// (service.PlanStaffImport) and saved only when every row is valid, or with
// --skip-invalid the valid rows.
func importStaff(c *call) error {
	skip := c.flags.Bool("skip-invalid", false, "simpan baris yang sah, lewati yang salah")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("import staff: sebutkan satu FILE (.csv atau .xlsx)")
	}
	path := c.args[0]
	table, err := readTable(path)
	if err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		plan, err := svc.PlanStaffImport(table, data.GuessMapping(table.Header), data.Today())
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, p := range plan.Rejected {
			fmt.Fprintf(c.stderr, "baris %d: %s\n", p.Line, p.Reason)
		}
		if len(plan.Rejected) > 0 && !*skip {
			return fmt.Errorf("%d baris bermasalah; tidak ada yang disimpan (perbaiki barisnya, atau pakai --skip-invalid untuk menyimpan baris yang sah)", len(plan.Rejected))
		}
		if _, err := svc.ApplyStaffImport(plan); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%d pegawai disimpan, %d baris dilewati\n", len(plan.Accepted), len(plan.Rejected))
		return nil
	})
}

// readTable reads a CSV or XLSX file as a table.
func readTable(path string) (data.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.Table{}, fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	table, err := export.ReadTable(filepath.Base(path), f)
	if err != nil {
		return data.Table{}, fmt.Errorf("membaca %s: %w", path, err)
	}
	return table, nil
}

// importAttendance is "kinerja import attendance FILE": a fingerprint
// machine's log or a CSV/XLSX export, shown as a plan and then saved; with
// --dry-run only shown (the file is then opened read-only).
func importAttendance(c *call) error {
	pins := pinMap{}
	c.flags.Var(pins, "map", "PIN=NIP: petakan PIN mesin ke pegawai (diingat)")
	dry := c.flags.Bool("dry-run", false, "hanya tampilkan apa yang akan berubah")
	overwrite := c.flags.Bool("overwrite", false, "timpa isian yang dibuat manual")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("import attendance: sebutkan satu FILE")
	}
	path := c.args[0]
	if *dry {
		c.access = reads
	}
	return c.withService(func(svc *service.Service) error {
		plan, err := planAttendance(svc, path, pins, *overwrite)
		if err != nil {
			return err
		}
		printPlan(c.stdout, plan)
		if plan.Punches == 0 && len(plan.BadLines) > 0 {
			return fmt.Errorf("%s: tidak ada baris yang terbaca", path)
		}
		if *dry {
			fmt.Fprintln(c.stdout, "Uji coba (--dry-run): tidak ada yang disimpan.")
			return nil
		}
		n, err := svc.ApplyImport(plan)
		if err != nil {
			return fmt.Errorf("menyimpan impor: %w", err)
		}
		fmt.Fprintf(c.stdout, "Tersimpan: %d hari.\n", n)
		return nil
	})
}

// planAttendance reads the punches of path (a table by its extension,
// otherwise an attlog) into an import plan.
func planAttendance(svc *service.Service, path string, pins pinMap, overwrite bool) (service.ImportPlan, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".xlsx":
		table, err := readTable(path)
		if err != nil {
			return service.ImportPlan{}, err
		}
		cols := service.GuessPunchColumns(table.Header)
		if err := cols.Check(len(table.Header)); err != nil {
			return service.ImportPlan{}, fmt.Errorf("%s: %w (judul kolom: %s)", path, err, strings.Join(table.Header, ", "))
		}
		return svc.PlanPunchTable(table, cols, pins, overwrite)
	}
	f, err := os.Open(path)
	if err != nil {
		return service.ImportPlan{}, fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	return svc.PlanAttlogImport(f, pins, overwrite)
}

// pinMap collects repeated --map PIN=NIP flags.
type pinMap map[string]string

func (p pinMap) String() string { return fmt.Sprint(map[string]string(p)) }

func (p pinMap) Set(v string) error {
	pin, nip, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(pin) == "" || strings.TrimSpace(nip) == "" {
		return fmt.Errorf("--map %q: tulis PIN=NIP", v)
	}
	p[strings.TrimSpace(pin)] = strings.TrimSpace(nip)
	return nil
}

// printPlan prints an import plan for people: the counts, then the days
// kept or not saved, the unknown PINs and the unreadable lines.
func printPlan(w io.Writer, p service.ImportPlan) {
	fmt.Fprintf(w, "Ditambahkan: %d hari\n", p.Count(data.MergeAdded))
	fmt.Fprintf(w, "Diubah: %d hari\n", p.Count(data.MergeChanged))
	skip := "Dilewati (diisi manual, dipertahankan; pakai --overwrite untuk menimpa)"
	fmt.Fprintf(w, "%s: %d hari\n", skip, p.Count(data.MergeKeptHand))
	fmt.Fprintf(w, "Tidak berubah: %d hari\n", p.Count(data.MergeUnchanged))
	fmt.Fprintf(w, "Di luar hari kerja (tidak disimpan): %d hari\n", p.Count(data.MergeNonWorking))
	for _, d := range p.Days {
		switch d.Result.Outcome {
		case data.MergeKeptHand:
			fmt.Fprintf(w, "  dilewati: %s %s (%s) tetap %s\n", d.Date.Slash(), d.Name, d.NIP, d.Result.Before.Code)
		case data.MergeNonWorking:
			fmt.Fprintf(w, "  bukan hari kerja: %s %s %s %s–%s\n", data.DayNames[d.Date.Weekday()], d.Date.Slash(), d.Name, d.Punches.First, d.Punches.Last)
		}
	}
	for _, u := range p.Unknown {
		fmt.Fprintf(w, "PIN tidak dikenal: %s (%d pindaian, %s–%s); petakan dengan --map %s=NIP\n", u.PIN, u.Punches, u.First.Slash(), u.Last.Slash(), u.PIN)
	}
	for _, b := range p.BadLines {
		fmt.Fprintf(w, "Baris tidak terbaca: baris %d: %s (%q)\n", b.Line, b.Message, b.Text)
	}
}
