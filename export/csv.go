package export

import (
	"encoding/csv"
	"io"
	"regexp"
)

// CSVWriter writes CSV the way Excel and LibreOffice open it safely: CRLF
// line ends and every cell passed through CSVCell. Every CSV Kinerja writes
// (the staff export, "--format csv" listings) goes through it.
type CSVWriter struct{ w *csv.Writer }

// NewCSVWriter returns a CSVWriter on w.
func NewCSVWriter(w io.Writer) *CSVWriter {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &CSVWriter{w: cw}
}

// Write writes one record, every cell neutralised by CSVCell.
func (c *CSVWriter) Write(record []string) error {
	out := make([]string, len(record))
	for i, cell := range record {
		out[i] = CSVCell(cell)
	}
	return c.w.Write(out)
}

// Flush writes any buffered data to the underlying writer.
func (c *CSVWriter) Flush() { c.w.Flush() }

// Error reports any error of a previous Write or Flush.
func (c *CSVWriter) Error() error { return c.w.Error() }

// plainNumber matches a cell a spreadsheet reads as a plain number, such as
// "-5", "+12" or "12,5": it cannot hold a formula, so it is left readable.
var plainNumber = regexp.MustCompile(`^[-+]?[0-9]+([.,][0-9]+)?$`)

// CSVCell neutralises a cell a spreadsheet would run as a formula (CSV
// injection, OWASP): a cell starting with "=", "+", "-", "@", a tab or a
// carriage return gets a leading apostrophe, which Excel and LibreOffice
// show as text. A plain number ("-5", "12,5") is left as it is, and so are
// NIPs and NIKs, which start with a digit.
func CSVCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if plainNumber.MatchString(s) {
			return s
		}
		return "'" + s
	}
	return s
}

// WriteAll writes every record and flushes.
func (c *CSVWriter) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := c.Write(r); err != nil {
			return err
		}
	}
	c.w.Flush()
	return c.w.Error()
}
