package cli

import (
	"flag"
	"fmt"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
)

func init() {
	register(command{name: "settings evaluation", args: "[--cadence bulanan|triwulan|semester] [--deadline-days N] [--format text|json]",
		summary: "menampilkan atau mengubah periode penilaian berkala dan batas pengisiannya",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			cadence := fs.String("cadence", "", "bulanan, triwulan atau semester")
			deadline := fs.String("deadline-days", "", fmt.Sprintf("hari setelah periode berakhir, 0 sampai %d", data.MaxDeadlineDays))
			format := fs.String("format", "text", "text atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("settings evaluation: argumen %q tidak dikenal", args[0])
				}
				if *format != "text" && *format != "json" {
					return usagef("settings evaluation: --format harus text atau json")
				}
				given := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
				var kind data.PeriodKind
				if given["cadence"] {
					var ok bool
					if kind, ok = parseCadence(*cadence); !ok {
						return usagef("settings evaluation: --cadence %q tidak dikenal; pilih bulanan, triwulan atau semester", *cadence)
					}
				}
				days, ok := data.ParseDeadlineDays(*deadline)
				if given["deadline-days"] && !ok {
					return usagef("settings evaluation: --deadline-days %q harus bilangan bulat 0 sampai %d", *deadline, data.MaxDeadlineDays)
				}
				return e.withService(func(svc *service.Service) error {
					set, err := svc.EvaluationSettings()
					if err != nil {
						return err
					}
					if given["cadence"] || given["deadline-days"] {
						if given["cadence"] {
							set.Cadence = kind
						}
						if given["deadline-days"] {
							set.DeadlineDays = days
						}
						if err := svc.SetEvaluationSettings(set); err != nil {
							return err
						}
					}
					if *format == "json" {
						return writeJSON(e.stdout, evaluationSettingsJSON(set))
					}
					fmt.Fprintf(e.stdout, "Periode berkala:  %s\nBatas pengisian:  %d hari setelah periode berakhir\nPola distribusi:  %s\n",
						set.Cadence.Label(), set.DeadlineDays, set.Distribution.Source)
					return nil
				})
			}
		}})
}

// parseCadence reads a cadence name (bulanan, triwulan, semester; any case)
// as one of data.Cadences().
func parseCadence(s string) (data.PeriodKind, bool) {
	for _, k := range data.Cadences() {
		if strings.EqualFold(strings.TrimSpace(s), string(k)) {
			return k, true
		}
	}
	return "", false
}

// evaluationSettingsJSON is the JSON of "settings evaluation": an array with
// one object holding the cadence and the deadline days.
func evaluationSettingsJSON(s data.EvaluationSettings) []map[string]any {
	return []map[string]any{{"cadence": string(s.Cadence), "deadline_days": s.DeadlineDays}}
}
