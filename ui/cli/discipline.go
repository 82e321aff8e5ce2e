package cli

import (
	"fmt"
	"io"
	"strconv"

	"kinerja/data"
	"kinerja/data/service"
)

// disciplineJSON is one line of "discipline --format json".
type disciplineJSON struct {
	NIP  string    `json:"nip"`
	Name string    `json:"name"`
	Kind data.Kind `json:"kind"`
	Unit string    `json:"unit"`
	data.DisciplineResult
}

// discipline is "kinerja discipline": the PP 94/2021 counts of a year
// (potential only; the application decides no penalty).
func discipline(c *call) error {
	year := c.flags.Int("year", data.Today().Year(), "tahun")
	kind := c.kindFlag()
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("discipline: pakai --year YYYY [--kind JENIS] [--format text|csv|json]")
	}
	f, err := c.recapFilter(*kind)
	if err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		lines, err := svc.DisciplineYearFor(*year, f)
		if err != nil {
			return err
		}
		if st, err := svc.HolidayListStatus(*year); err == nil {
			warn(c, st.Warning())
		}
		out := make([]disciplineJSON, len(lines))
		for i, l := range lines {
			out[i] = disciplineJSON{NIP: l.NIP, Name: l.Name, Kind: l.Kind, Unit: l.Unit, DisciplineResult: l.Result}
		}
		header := []string{"NIP/NIK", "Nama", "Jenis", "TK", "Terlambat+pulang cepat (menit)", "Hari dari keterlambatan", "Jumlah hari", "TK berturut-turut", "Potensi"}
		rows := make([][]string, len(out))
		for i, l := range out {
			n := strconv.Itoa
			level := l.Potential
			if l.CountsOnly {
				level = "hanya hitungan (Non-ASN)"
			} else if level == "" {
				level = "-"
			}
			rows[i] = []string{l.NIP, l.Name, string(l.Kind), n(l.AbsentDays), n(l.LateMinutes), n(l.LateDays), n(l.TotalDays), n(l.LongestRun), level}
		}
		return c.print(listing{json: out, header: header, rows: rows, text: func(w io.Writer) error {
			fmt.Fprintf(w, "Hitungan disiplin PP 94/2021 tahun %d%s (potensi, bukan keputusan)\n\n", *year, kindNote(f.Kind))
			return writeTable(w, header, rows)
		}})
	})
}
