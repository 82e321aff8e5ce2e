package cli

import (
	"fmt"
	"io"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
)

// settingsEvaluation is "kinerja settings evaluation": it shows the
// evaluation cadence and deadline, and changes them when given. Only showing
// opens the file read-only.
func settingsEvaluation(c *call) error {
	cadence := c.flags.String("cadence", "", "bulanan, triwulan atau semester")
	deadline := c.flags.String("deadline-days", "", fmt.Sprintf("hari setelah periode berakhir, 0 sampai %d", data.MaxDeadlineDays))
	c.formatFlag(formatJSON)
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	var kind data.PeriodKind
	if c.given("cadence") {
		var ok bool
		if kind, ok = parseCadence(*cadence); !ok {
			return usagef("settings evaluation: --cadence %q tidak dikenal; pilih bulanan, triwulan atau semester", *cadence)
		}
	}
	days, ok := data.ParseDeadlineDays(*deadline)
	if c.given("deadline-days") && !ok {
		return usagef("settings evaluation: --deadline-days %q harus bilangan bulat 0 sampai %d", *deadline, data.MaxDeadlineDays)
	}
	change := c.given("cadence") || c.given("deadline-days")
	if !change {
		c.access = reads
	}
	return c.withService(func(svc *service.Service) error {
		set, err := svc.EvaluationSettings()
		if err != nil {
			return err
		}
		if change {
			if c.given("cadence") {
				set.Cadence = kind
			}
			if c.given("deadline-days") {
				set.DeadlineDays = days
			}
			if err := svc.SetEvaluationSettings(set); err != nil {
				return err
			}
		}
		return c.print(listing{json: evaluationSettingsJSON(set), text: func(w io.Writer) error {
			_, err := fmt.Fprintf(w, "Periode berkala:  %s\nBatas pengisian:  %d hari setelah periode berakhir\nPola distribusi:  %s\n",
				set.Cadence.Label(), set.DeadlineDays, set.Distribution.Source)
			return err
		}})
	})
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
