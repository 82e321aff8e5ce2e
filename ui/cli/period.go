package cli

import (
	"fmt"

	"kinerja/data"
	"kinerja/data/service"
)

// periodJSON is one period as "period list --format json" prints it.
type periodJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Label    string `json:"label"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Deadline string `json:"deadline"`
	Capaian  string `json:"capaian"`
}

// periodList is "kinerja period list".
func periodList(c *call) error {
	c.formatFlag(formatJSON)
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		list, err := svc.Periods()
		if err != nil {
			return err
		}
		views := make([]periodJSON, 0, len(list))
		rows := make([][]string, 0, len(list))
		for _, p := range list {
			views = append(views, periodJSON{ID: p.ID, Kind: string(p.Kind), Label: p.Label(), Start: p.Start.String(), End: p.End.String(),
				Deadline: p.Deadline.String(), Capaian: string(p.Capaian)})
			rows = append(rows, []string{p.ID, p.Label(), p.Start.Slash(), p.End.Slash(), p.Deadline.Slash(), p.Capaian.Label()})
		}
		return c.print(listing{json: views, header: []string{"Kode", "Periode", "Mulai", "Selesai", "Batas isi", "Capaian organisasi"}, rows: rows})
	})
}

// periodCreate is "kinerja period create ID".
func periodCreate(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("period create: sebutkan satu kode periode, mis. 2026-Q3")
	}
	return c.withService(func(svc *service.Service) error {
		p, err := svc.CreatePeriod(c.args[0])
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Periode %s (%s) dibuat: %s s.d. %s, batas pengisian %s\n", p.ID, p.Label(), p.Start.Long(), p.End.Long(), p.Deadline.Long())
		return nil
	})
}

// periodCapaian is "kinerja period capaian ID CAPAIAN": the office's own
// performance in the period.
func periodCapaian(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 2 {
		return usagef("period capaian: sebutkan kode periode dan capaian, mis. 2026-Q3 baik")
	}
	capaian, err := data.ParseCapaian(c.args[1])
	if err != nil {
		return usagef("period capaian: %v", err)
	}
	return c.withService(func(svc *service.Service) error {
		p, err := svc.SetCapaian(c.args[0], capaian)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Capaian kinerja organisasi %s: %s\n", p.ID, p.Capaian.Label())
		return nil
	})
}
