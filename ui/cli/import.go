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
	var opt service.ImportOptions
	c.flags.BoolVar(&opt.Overwrite, "overwrite", false, "timpa isian yang dibuat manual")
	c.flags.BoolVar(&opt.Piket, "piket", false, "simpan pindaian pada hari libur sebagai piket")
	from := c.flags.String("from", "", "hanya pindaian sejak tanggal ini")
	to := c.flags.String("to", "", "hanya pindaian sampai tanggal ini (bawaan: hari ini)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("import attendance: sebutkan satu FILE")
	}
	for _, d := range []struct {
		flag, value string
		into        *data.Date
	}{{"--from", *from, &opt.From}, {"--to", *to, &opt.To}} {
		if d.value == "" {
			continue
		}
		v, err := data.ParseDate(d.value)
		if err != nil || v.IsZero() {
			return usagef("import attendance: %s %q bukan tanggal YYYY-MM-DD", d.flag, d.value)
		}
		*d.into = v
	}
	if !opt.From.IsZero() && !opt.To.IsZero() && opt.To.Before(opt.From) {
		return usagef("import attendance: --to sebelum --from")
	}
	path := c.args[0]
	if *dry {
		c.access = reads
	}
	return c.withService(func(svc *service.Service) error {
		plan, err := planAttendance(svc, path, pins, opt)
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
func planAttendance(svc *service.Service, path string, pins pinMap, opt service.ImportOptions) (service.ImportPlan, error) {
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
		return svc.PlanPunchTableWith(table, cols, pins, opt)
	}
	f, err := os.Open(path)
	if err != nil {
		return service.ImportPlan{}, fmt.Errorf("membuka %s: %w", path, err)
	}
	defer f.Close()
	return svc.PlanAttlogImportWith(f, pins, opt)
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
// kept or not saved, the piket and incomplete days, the refused days, the
// unknown PINs and the unreadable lines.
func printPlan(w io.Writer, p service.ImportPlan) {
	piket := p.PiketDays()
	fmt.Fprintf(w, "Ditambahkan: %d hari\n", p.Count(data.MergeAdded))
	fmt.Fprintf(w, "Diubah: %d hari\n", p.Count(data.MergeChanged))
	skip := "Dilewati (diisi manual, dipertahankan; pakai --overwrite untuk menimpa)"
	fmt.Fprintf(w, "%s: %d hari\n", skip, p.Count(data.MergeKeptHand))
	fmt.Fprintf(w, "Tidak berubah: %d hari\n", p.Count(data.MergeUnchanged))
	if p.Piket {
		fmt.Fprintf(w, "Piket di luar hari kerja (disimpan sebagai piket): %d hari\n", len(piket))
	} else {
		fmt.Fprintf(w, "Di luar hari kerja (tidak disimpan): %d hari\n", len(piket))
	}
	for _, d := range p.Days {
		if d.Result.Outcome == data.MergeKeptHand {
			fmt.Fprintf(w, "  dilewati: %s %s (%s) tetap %s\n", d.Date.Slash(), d.Name, d.NIP, d.Result.Before.Code)
		}
	}
	for _, d := range piket {
		what := "bukan hari kerja (simpan sebagai piket dengan --piket)"
		if p.Piket {
			what = "piket"
		}
		fmt.Fprintf(w, "  %s: %s %s %s %s–%s\n", what, data.DayNames[d.Date.Weekday()], d.Date.Slash(), d.Name, d.Punches.First, d.Punches.Last)
	}
	if inc := p.IncompleteDays(); len(inc) > 0 {
		fmt.Fprintf(w, "Hanya satu jam tercatat (periksa dengan \"kinerja attendance incomplete\"): %d hari\n", len(inc))
		for _, d := range inc {
			fmt.Fprintf(w, "  belum lengkap: %s %s (%s) %s\n", d.Date.Slash(), d.Name, d.NIP, d.Punches.First)
		}
	}
	for _, r := range p.Refused {
		fmt.Fprintf(w, "Ditolak: %s %s (PIN %s, %d pindaian): %s\n", r.Date.Slash(), r.Name, r.PIN, r.Punches, r.Reason)
	}
	for _, u := range p.Unknown {
		fmt.Fprintf(w, "PIN tidak dikenal: %s (%d pindaian, %s–%s); petakan dengan --map %s=NIP\n", u.PIN, u.Punches, u.First.Slash(), u.Last.Slash(), u.PIN)
	}
	for _, b := range p.BadLines {
		fmt.Fprintf(w, "Baris tidak terbaca: baris %d: %s (%q)\n", b.Line, b.Message, b.Text)
	}
}
