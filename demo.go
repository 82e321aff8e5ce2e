package main

import (
	"flag"
	"fmt"

	"kinerja/data"
	"kinerja/data/store"
)

func init() {
	register(command{name: "demo", args: "[--staff N] [--seed S]", summary: "mengisi file data kosong dengan kantor contoh (fiktif)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			n := fs.Int("staff", 45, "jumlah pegawai")
			seed := fs.Int64("seed", 1, "benih acak (hasil sama untuk benih sama)")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("demo: argumen %q tidak dikenal", args[0])
				}
				if *n < 1 || *n > 5000 {
					return usagef("demo: --staff harus antara 1 dan 5000")
				}
				return e.withStore(func(st *store.Store) error {
					count, err := fillDemo(st, data.DemoOptions{Staff: *n, Seed: *seed, Today: data.Today()})
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Data demo dibuat: %d pegawai di %s\n", count, st.Path())
					return nil
				})
			}
		}})
}

// fillDemo fills an empty data file with the fictional office of data.Demo:
// office identity (when not yet set), staff, and the head of each unit. It
// refuses a file that already holds staff. The GUI's "Muat data demo" uses it too.
func fillDemo(st *store.Store, opt data.DemoOptions) (int, error) {
	n, err := st.StaffCount()
	if err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, data.ErrNotEmpty
	}
	demo := data.Demo(opt)
	if o, err := st.Office(); err != nil {
		return 0, err
	} else if !o.IsSet() {
		if err := st.SetOffice(demo.Office); err != nil {
			return 0, fmt.Errorf("identitas kantor demo: %w", err)
		}
	}
	saved, err := st.AddStaff(demo.Staff)
	if err != nil {
		return 0, fmt.Errorf("menyimpan pegawai demo: %w", err)
	}
	units, err := st.Units()
	if err != nil {
		return 0, err
	}
	for _, u := range units {
		i, ok := demo.Heads[u.ID]
		if !ok {
			continue
		}
		u.HeadStaffID = saved[i].ID
		if _, err := st.SaveUnit(u); err != nil {
			return 0, fmt.Errorf("kepala unit %s: %w", u.Name, err)
		}
	}
	if err := fillDemoAttendance(st, opt); err != nil {
		return 0, err
	}
	if err := fillDemoEvaluations(st, opt); err != nil {
		return 0, err
	}
	return len(saved), fillDemoSigners(st)
}
