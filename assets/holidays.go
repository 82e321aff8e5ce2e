package assets

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"kinerja/data"
)

// holidayFiles holds holidays/<year>.csv: the national holidays and cuti
// bersama of each shipped year, in the shape data.ParseHolidaysCSV reads,
// with their sources in the header comments.
//
//go:embed holidays
var holidayFiles embed.FS

// Holidays returns the shipped holidays of every year in holidays/, sorted by
// date, and the years they cover. A shipped file that does not parse is an
// error naming the file.
func Holidays() ([]data.Holiday, []int, error) {
	entries, err := fs.ReadDir(holidayFiles, "holidays")
	if err != nil {
		return nil, nil, fmt.Errorf("membaca daftar hari libur bawaan: %w", err)
	}
	var all []data.Holiday
	var years []int
	for _, e := range entries {
		name := e.Name()
		year, err := strconv.Atoi(strings.TrimSuffix(name, ".csv"))
		if e.IsDir() || !strings.HasSuffix(name, ".csv") || err != nil {
			continue
		}
		f, err := holidayFiles.Open(path.Join("holidays", name))
		if err != nil {
			return nil, nil, fmt.Errorf("membaca hari libur bawaan %s: %w", name, err)
		}
		hs, err := data.ParseHolidaysCSV(f)
		f.Close()
		if err != nil {
			return nil, nil, fmt.Errorf("hari libur bawaan %s: %w", name, err)
		}
		all = append(all, hs...)
		years = append(years, year)
	}
	data.SortHolidays(all)
	return all, years, nil
}

// HolidayList describes the shipped holiday list of one year: whether there
// is one, and whether it is only an estimate (its header holds a line
// "# status: perkiraan" because the SKB was not yet available), so callers
// can warn before relying on it.
type HolidayList struct {
	Year        int  `json:"year"`
	Shipped     bool `json:"shipped"`
	Provisional bool `json:"provisional"`
}

// HolidayListFor reports the shipped holiday list of year (see HolidayList).
func HolidayListFor(year int) HolidayList {
	l := HolidayList{Year: year}
	b, err := holidayFiles.ReadFile(path.Join("holidays", strconv.Itoa(year)+".csv"))
	if err != nil {
		return l
	}
	l.Shipped = true
	for _, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "#") {
			continue
		}
		if k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "#")), ":"); ok &&
			strings.EqualFold(strings.TrimSpace(k), "status") && strings.EqualFold(strings.TrimSpace(v), "perkiraan") {
			l.Provisional = true
		}
	}
	return l
}
