package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
)

// calendarList is "kinerja calendar list": the days off of a year.
func calendarList(c *call) error {
	year := c.flags.Int("year", data.Today().Year(), "tahun")
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("calendar list: pakai --year YYYY [--format text|csv|json]")
	}
	return c.withService(func(svc *service.Service) error {
		cal, err := svc.Calendar()
		if err != nil {
			return err
		}
		var hs []data.Holiday
		for _, h := range cal.Holidays {
			if h.Date.Year() == *year {
				hs = append(hs, h)
			}
		}
		rows := make([][]string, len(hs))
		for i, h := range hs {
			rows[i] = []string{data.DayNames[h.Date.Weekday()] + ", " + h.Date.Long(), h.Kind.Label(), h.Name}
		}
		return c.print(listing{json: hs, header: []string{"Tanggal", "Jenis", "Nama"}, rows: rows,
			csv: func(w io.Writer) error { return data.WriteHolidaysCSV(w, hs) }})
	})
}

// calendarAdd is "kinerja calendar add": one day off (a local one unless --kind says otherwise).
func calendarAdd(c *call) error {
	date := c.flags.String("date", "", "tanggal")
	name := c.flags.String("name", "", "nama hari libur")
	kind := c.flags.String("kind", string(data.HolidayLocal), "lokal, libur atau cuti_bersama")
	if err := c.parse(); err != nil {
		return err
	}
	d, err := data.ParseDate(*date)
	k, ok := data.ParseHolidayKind(*kind)
	if len(c.args) > 0 || err != nil || d.IsZero() || !ok || strings.TrimSpace(*name) == "" {
		return usagef("calendar add: pakai --date YYYY-MM-DD --name NAMA [--kind lokal|libur|cuti_bersama]")
	}
	return c.withService(func(svc *service.Service) error {
		if _, err := svc.Calendar(); err != nil {
			return err
		}
		if err := svc.SaveHoliday(data.Holiday{Date: d, Kind: k, Name: *name}); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Hari libur disimpan: %s, %s (%s)\n", d.Long(), strings.TrimSpace(*name), k.Label())
		return nil
	})
}

// calendarImport is "kinerja calendar import FILE": a list of days off
// (CSV date,kind,name); one bad line saves nothing.
func calendarImport(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("calendar import: sebutkan satu FILE .csv")
	}
	path := c.args[0]
	return c.withService(func(svc *service.Service) error {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("membuka %s: %w", path, err)
		}
		defer f.Close()
		hs, err := data.ParseHolidaysCSV(f)
		var bad data.LineErrors
		if errors.As(err, &bad) {
			for _, b := range bad {
				fmt.Fprintf(c.stderr, "%s: %s\n", path, b.Error())
			}
			return fmt.Errorf("%d baris bermasalah; tidak ada yang disimpan", len(bad))
		}
		if err != nil {
			return err
		}
		n, err := svc.ImportHolidays(hs)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%d hari libur dibaca, %d disimpan atau diubah\n", len(hs), n)
		return nil
	})
}
