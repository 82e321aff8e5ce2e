package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"strings"
	"text/tabwriter"

	"kinerja/data"
	"kinerja/export"
)

// The values of --format: a table for people, CSV, or JSON for scripts.
const (
	formatText = "text"
	formatCSV  = "csv"
	formatJSON = "json"
)

// formatFlag declares --format (default text) accepting text and the given
// other formats; parse refuses any other value.
func (c *call) formatFlag(others ...string) {
	c.formats = append([]string{formatText}, others...)
	c.format = c.flags.String("format", formatText, orList(c.formats))
}

// listing is what a command prints, in each --format.
type listing struct {
	json   any                   // printed as a JSON array; must be a slice
	header []string              // the columns of the table and of the CSV
	rows   [][]string            // one per line
	csv    func(io.Writer) error // replaces header and rows in CSV, when set
	text   func(io.Writer) error // replaces the table in text, when set
}

// print writes l in the format chosen with --format.
func (c *call) print(l listing) error {
	switch {
	case c.format != nil && *c.format == formatJSON:
		return writeJSON(c.stdout, l.json)
	case c.format != nil && *c.format == formatCSV && l.csv != nil:
		return l.csv(c.stdout)
	case c.format != nil && *c.format == formatCSV:
		return writeCSV(c.stdout, l.header, l.rows)
	case l.text != nil:
		return l.text(c.stdout)
	}
	return writeTable(c.stdout, l.header, l.rows)
}

// writeJSON prints v, which must be a slice, as an indented JSON array; a nil
// slice prints as [] so scripts never see null.
func writeJSON(w io.Writer, v any) error {
	if rv := reflect.ValueOf(v); !rv.IsValid() || (rv.Kind() == reflect.Slice && rv.IsNil()) {
		v = []any{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// writeCSV prints a header and rows as comma-separated UTF-8, every cell
// neutralised against spreadsheet formulas (export.CSVWriter).
func writeCSV(w io.Writer, header []string, rows [][]string) error {
	cw := export.NewCSVWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	if err := cw.WriteAll(rows); err != nil {
		return fmt.Errorf("menulis CSV: %w", err)
	}
	return nil
}

// writeTable prints a header and rows aligned in columns for people.
func writeTable(w io.Writer, header []string, rows [][]string) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	return tw.Flush()
}

// warn writes each warning that is not empty to stderr as "peringatan: …".
func warn(c *call, warnings ...string) {
	for _, w := range warnings {
		if w != "" {
			fmt.Fprintln(c.stderr, "peringatan:", w)
		}
	}
}

// kindNote names the kind a report was filtered on, or nothing.
func kindNote(k data.Kind) string {
	if k == "" {
		return ""
	}
	return " (" + string(k) + ")"
}
