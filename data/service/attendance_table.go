package service

import (
	"errors"
	"fmt"
	"strings"

	"kinerja/data"
)

// PunchColumns says which columns (from 0; -1 when absent) of a CSV or XLSX
// punch export hold what: the machine PIN (or the NIP/NIK), and either the
// date and time in one column or in two.
type PunchColumns struct {
	PIN      int `json:"pin"`
	DateTime int `json:"date_time"`
	Date     int `json:"date"`
	Time     int `json:"time"`
}

// GuessPunchColumns proposes a mapping from the header of a vendor's
// export; the user confirms or corrects it (the column-mapping step).
func GuessPunchColumns(header []string) PunchColumns {
	c := PunchColumns{PIN: -1, DateTime: -1, Date: -1, Time: -1}
	find := func(words ...string) int {
		for _, w := range words {
			for i, h := range header {
				if strings.Join(strings.Fields(strings.ToLower(h)), " ") == w {
					return i
				}
			}
		}
		return -1
	}
	c.PIN = find("pin", "user id", "userid", "ac-no.", "ac-no", "no. id", "no id", "id", "nip", "nik", "no", "nomor")
	c.DateTime = find("tanggal & jam", "tanggal/jam", "tanggal jam", "date time", "datetime", "date/time", "waktu scan", "scan", "waktu")
	c.Date = find("tanggal", "tgl", "date")
	c.Time = find("jam", "time", "jam scan")
	if c.DateTime >= 0 && c.Date >= 0 && c.Time >= 0 {
		c.DateTime = -1
	}
	if c.DateTime >= 0 {
		c.Date, c.Time = -1, -1
	}
	return c
}

// Check returns an Indonesian description of what is missing from the
// mapping for a table of width columns, or nil.
func (c PunchColumns) Check(width int) error {
	in := func(i int) bool { return i >= 0 && i < width }
	switch {
	case !in(c.PIN):
		return errors.New("pilih kolom PIN mesin (atau NIP/NIK)")
	case in(c.DateTime):
		return nil
	case !in(c.Date) || !in(c.Time):
		return errors.New("pilih kolom tanggal dan jam (satu kolom berisi keduanya, atau dua kolom)")
	}
	return nil
}

// PlanPunchTable plans the import of a punch export read with
// export.ReadTable, like PlanAttlogImport: each row is one punch; its date
// and time are read as the text log's are, and unreadable rows are reported
// with their line in the file.
func (svc *Service) PlanPunchTable(t data.Table, cols PunchColumns, extraPins map[string]string, overwrite bool) (ImportPlan, error) {
	return svc.PlanPunchTableWith(t, cols, extraPins, ImportOptions{Overwrite: overwrite})
}

// PlanPunchTableWith is PlanPunchTable with all the choices of an import
// (see PlanAttlogImportWith).
func (svc *Service) PlanPunchTableWith(t data.Table, cols PunchColumns, extraPins map[string]string, opt ImportOptions) (ImportPlan, error) {
	if err := cols.Check(len(t.Header)); err != nil {
		return ImportPlan{}, err
	}
	var sb strings.Builder
	lines := make([]int, 0, len(t.Rows))
	for _, r := range t.Rows {
		when := r.Cell(cols.DateTime)
		if cols.DateTime < 0 {
			when = r.Cell(cols.Date) + " " + r.Cell(cols.Time)
		}
		fmt.Fprintf(&sb, "%s\t%s\n", data.NormalizeNIP(r.Cell(cols.PIN)), strings.Join(strings.Fields(when), "\t"))
		lines = append(lines, r.Line)
	}
	punches, bad := data.ParseAttlog(strings.NewReader(sb.String()))
	fileLine := func(n int) int {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return n
	}
	for i := range punches {
		punches[i].Line = fileLine(punches[i].Line)
	}
	for i := range bad {
		bad[i].Line = fileLine(bad[i].Line)
		bad[i].Text = strings.ReplaceAll(bad[i].Text, "\t", " ")
	}
	return svc.planPunches(punches, bad, extraPins, opt)
}
