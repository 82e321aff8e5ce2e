package export

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"kinerja/data"
)

// The XLSX reader below reads the first sheet of a workbook in one pass over
// its XML: the zip parts are read with archive/zip, the small parts
// (relationships, workbook, styles) with encoding/xml, and the two large
// ones — the sheet and its shared strings — with xmlScanner, a small
// tokenizer for the subset of XML that SpreadsheetML uses (ECMA-376 Part 1,
// §18.3 worksheets, §18.4 shared strings). encoding/xml, which excelize uses,
// spent most of the time of an import on these two parts.
//
// A cell shows as follows: text as it is; a number under a date format
// (built-in or custom, see styleShowsDate) as DD/MM/YYYY; any other number as
// Excel's General format shows it, to 15 significant digits (so an 18-digit
// NIP typed as a number shows as 1.96804111993031E+17 and is caught by
// data.ExcelMangled); TRUE/FALSE for booleans; an error value as written.
// Other number formats (thousands separators, decimals, percent) are not
// applied: an import wants the value, not its decoration.

// maxXLSXCells bounds the cells a sheet may spread over (row widths summed),
// so a small file naming far-away cells cannot fill memory.
const maxXLSXCells = 20_000_000

// xlsxMaxRows and xlsxMaxCols are Excel's own sheet limits.
const (
	xlsxMaxRows = 1048576
	xlsxMaxCols = 16384
)

var errXLSXTooWide = errors.New("lembar terlalu besar: terlalu banyak sel")

// xlsxPackage is the zip of a workbook; its parts are read under the unzip limit.
type xlsxPackage struct {
	files    map[string]*zip.File
	unzipped int64
}

func (p *xlsxPackage) read(name string) ([]byte, error) {
	f := p.files[strings.TrimPrefix(name, "/")]
	if f == nil {
		return nil, fmt.Errorf("bagian %q tidak ada", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	left := maxUnzippedXLSX - p.unzipped
	b, err := io.ReadAll(io.LimitReader(rc, left+1))
	if err != nil {
		return nil, err
	}
	p.unzipped += int64(len(b))
	if p.unzipped > maxUnzippedXLSX {
		return nil, errors.New("isi file terlalu besar setelah dibuka (zip bom?)")
	}
	return b, nil
}

// relationships reads the .rels part of the part at dir/base: ID → target
// path and type suffix → target path.
type xlsxRels struct {
	Rel []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

func (p *xlsxPackage) rels(part string) (xlsxRels, error) {
	dir, base := path.Split(part)
	var r xlsxRels
	b, err := p.read(dir + "_rels/" + base + ".rels")
	if err != nil {
		return r, err
	}
	return r, xml.Unmarshal(b, &r)
}

// resolve makes a relationship target from the part at from into a part name.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Join(path.Dir(from), target), "/")
}

// byType returns the target of the first relationship whose type ends in suffix.
func (r xlsxRels) byType(from, suffix string) string {
	for _, x := range r.Rel {
		if strings.HasSuffix(x.Type, suffix) && x.Mode != "External" {
			return resolve(from, x.Target)
		}
	}
	return ""
}

type xlsxWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name string `xml:"name,attr"`
		RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

type xlsxStyles struct {
	NumFmts []struct {
		ID   int    `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	Xfs []struct {
		NumFmtID int `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// readXLSX reads the first sheet of the workbook in b.
func readXLSX(b []byte) (data.Table, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return data.Table{}, ErrTableEmpty
	}
	rows, err := readFirstSheet(b)
	if err != nil {
		if errors.Is(err, ErrTableEmpty) {
			return data.Table{}, err
		}
		return data.Table{}, fmt.Errorf("%w: %w", ErrTableXLSXBroken, err)
	}
	return tableOf(rows)
}

func readFirstSheet(b []byte) ([]data.Row, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	p := &xlsxPackage{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		p.files[strings.TrimPrefix(f.Name, "/")] = f
	}
	rootRels, err := p.rels("")
	if err != nil {
		return nil, err
	}
	wbPath := rootRels.byType("", "/officeDocument")
	if wbPath == "" {
		wbPath = "xl/workbook.xml"
	}
	wbBytes, err := p.read(wbPath)
	if err != nil {
		return nil, err
	}
	var wb xlsxWorkbook
	if err := xml.Unmarshal(wbBytes, &wb); err != nil {
		return nil, fmt.Errorf("workbook: %w", err)
	}
	if len(wb.Sheets) == 0 {
		return nil, ErrTableEmpty
	}
	wbRels, err := p.rels(wbPath)
	if err != nil {
		return nil, err
	}
	var sheetPath string
	for _, r := range wbRels.Rel {
		if r.ID == wb.Sheets[0].RID {
			sheetPath = resolve(wbPath, r.Target)
		}
	}
	if sheetPath == "" {
		return nil, fmt.Errorf("lembar %q tidak ditemukan", wb.Sheets[0].Name)
	}
	r := &sheetReader{date1904: wb.Pr.Date1904 == "1" || wb.Pr.Date1904 == "true"}
	if sp := wbRels.byType(wbPath, "/styles"); sp != "" {
		if err := r.readStyles(p, sp); err != nil {
			return nil, fmt.Errorf("styles: %w", err)
		}
	}
	if sp := wbRels.byType(wbPath, "/sharedStrings"); sp != "" {
		sst, err := p.read(sp)
		if err != nil {
			return nil, err
		}
		if r.shared, err = readSharedStrings(sst); err != nil {
			return nil, fmt.Errorf("shared strings: %w", err)
		}
	}
	sheet, err := p.read(sheetPath)
	if err != nil {
		return nil, err
	}
	rows, err := r.rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("lembar %q: %w", wb.Sheets[0].Name, err)
	}
	return rows, nil
}

// sheetReader holds what showing a cell needs: the shared strings, which
// styles show dates, and the workbook's date system.
type sheetReader struct {
	shared   []string
	isDate   []bool // cell style index → its number format shows a date
	date1904 bool
}

func (r *sheetReader) readStyles(p *xlsxPackage, name string) error {
	b, err := p.read(name)
	if err != nil {
		return err
	}
	var st xlsxStyles
	if err := xml.Unmarshal(b, &st); err != nil {
		return err
	}
	custom := make(map[int]string, len(st.NumFmts))
	for _, f := range st.NumFmts {
		custom[f.ID] = f.Code
	}
	r.isDate = make([]bool, len(st.Xfs))
	for i, xf := range st.Xfs {
		code, ok := custom[xf.NumFmtID]
		r.isDate[i] = styleShowsDate(xf.NumFmtID, code, ok)
	}
	return nil
}

// readSharedStrings returns the shared string table: each <si> is its <t>,
// or its rich-text runs joined; phonetic runs (<rPh>) are left out.
func readSharedStrings(b []byte) ([]string, error) {
	s := xmlScanner{b: b}
	var out []string
	var cur []byte
	depthRPh := 0
	inSI, inT := false, false
	for {
		tok, err := s.next()
		if err != nil {
			return nil, err
		}
		switch tok.kind {
		case tokEOF:
			return out, nil
		case tokStart:
			switch string(tok.name) {
			case "si":
				inSI, cur = true, cur[:0]
				if tok.selfClosing {
					inSI = false
					out = append(out, "")
				}
			case "rPh":
				if !tok.selfClosing {
					depthRPh++
				}
			case "t":
				inT = inSI && depthRPh == 0 && !tok.selfClosing
			}
		case tokEnd:
			switch string(tok.name) {
			case "si":
				if inSI {
					out = append(out, unescapeOOXML(string(cur)))
				}
				inSI = false
			case "rPh":
				depthRPh = max(0, depthRPh-1)
			case "t":
				inT = false
			}
		case tokText:
			if inT {
				cur = s.appendText(cur, tok)
			}
		}
	}
}

// cellValue is one cell as read: its type (t), style (s) and value.
type cellValue struct {
	typ   []byte
	style int
	v     []byte // <v> text
	is    []byte // inline string text
	hasV  bool
}

// rows reads the <sheetData> of a worksheet into rows numbered from 1.
func (r *sheetReader) rows(b []byte) ([]data.Row, error) {
	s := xmlScanner{b: b}
	var (
		rows      []data.Row
		cells     []string
		rowNum    int
		col       int
		inRow     bool
		inCell    bool
		c         cellValue
		inV, inIS bool
		depthRPh  int
		total     int
	)
	flushRow := func() {
		if len(cells) > 0 {
			rows = append(rows, data.Row{Line: rowNum, Cells: cells})
		}
		cells = nil
	}
	inSheetData := false
	for {
		tok, err := s.next()
		if err != nil {
			return nil, err
		}
		switch tok.kind {
		case tokEOF:
			return rows, nil
		case tokStart:
			switch string(tok.name) {
			case "sheetData":
				inSheetData = !tok.selfClosing
			case "row":
				if !inSheetData {
					continue
				}
				if inRow {
					return nil, fmt.Errorf("baris di dalam baris %d", rowNum)
				}
				n, ok, err := attrInt(s.attr(tok, "r"))
				if err != nil {
					return nil, fmt.Errorf("nomor baris: %w", err)
				}
				if ok {
					if n < 1 || n > xlsxMaxRows || n <= rowNum {
						return nil, fmt.Errorf("nomor baris %d tidak sah", n)
					}
					rowNum = n
				} else {
					rowNum++
				}
				if rowNum > xlsxMaxRows {
					return nil, errors.New("terlalu banyak baris")
				}
				col, inRow = 0, !tok.selfClosing
			case "c":
				if !inRow {
					continue
				}
				if inCell {
					return nil, fmt.Errorf("sel di dalam sel di baris %d", rowNum)
				}
				if ref := s.attr(tok, "r"); ref != nil {
					cn, rn, err := excelize.CellNameToCoordinates(string(ref))
					if err != nil || rn != rowNum || cn <= col || cn > xlsxMaxCols {
						return nil, fmt.Errorf("sel %q tidak sah di baris %d", ref, rowNum)
					}
					col = cn
				} else {
					col++
					if col > xlsxMaxCols {
						return nil, fmt.Errorf("terlalu banyak kolom di baris %d", rowNum)
					}
				}
				c = cellValue{typ: s.attr(tok, "t")}
				st, _, err := attrInt(s.attr(tok, "s"))
				if err != nil {
					return nil, fmt.Errorf("gaya sel di baris %d: %w", rowNum, err)
				}
				c.style = st
				inCell = !tok.selfClosing
				depthRPh = 0
			case "v":
				inV = inCell && !tok.selfClosing
				c.hasV = c.hasV || inV
			case "is":
				inIS = inCell && !tok.selfClosing
			case "rPh":
				if inIS && !tok.selfClosing {
					depthRPh++
				}
			}
		case tokEnd:
			switch string(tok.name) {
			case "sheetData":
				inSheetData = false
			case "row":
				if inRow {
					flushRow()
				}
				inRow = false
			case "c":
				if !inCell || col < 1 {
					continue
				}
				inCell = false
				text, err := r.show(c)
				if err != nil {
					return nil, fmt.Errorf("sel di baris %d kolom %d: %w", rowNum, col, err)
				}
				if text != "" {
					if len(cells) < col {
						total += col - len(cells)
						if total > maxXLSXCells {
							return nil, errXLSXTooWide
						}
						cells = append(cells, make([]string, col-len(cells))...)
					}
					cells[col-1] = text
				}
			case "v":
				inV = false
			case "is":
				inIS = false
			case "rPh":
				depthRPh = max(0, depthRPh-1)
			}
		case tokText:
			switch {
			case inV:
				c.v = s.appendText(c.v, tok)
			case inIS && depthRPh == 0 && s.inT:
				c.is = s.appendText(c.is, tok)
			}
		}
	}
}

// show returns the text a cell shows (see the comment at the top of the file).
func (r *sheetReader) show(c cellValue) (string, error) {
	switch string(c.typ) {
	case "s":
		if !c.hasV {
			return "", nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(string(c.v)))
		if err != nil || i < 0 || i >= len(r.shared) {
			return "", fmt.Errorf("indeks teks bersama %q tidak sah", c.v)
		}
		return r.shared[i], nil
	case "inlineStr":
		return unescapeOOXML(string(c.is)), nil
	case "str", "e":
		return unescapeOOXML(string(c.v)), nil
	case "b":
		switch strings.TrimSpace(string(c.v)) {
		case "1":
			return "TRUE", nil
		case "0":
			return "FALSE", nil
		}
		return string(c.v), nil
	case "d":
		v := strings.TrimSpace(string(c.v))
		if len(v) >= 10 {
			if d, err := data.ParseDate(v[:10]); err == nil {
				return d.Slash(), nil
			}
		}
		return v, nil
	}
	v := strings.TrimSpace(string(c.v))
	f, err := strconv.ParseFloat(v, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return v, nil // not a number Excel can hold: shown as written
	}
	if c.style > 0 && c.style < len(r.isDate) && r.isDate[c.style] && f >= 0 && f < maxExcelSerial {
		if t, err := excelize.ExcelDateToTime(f, r.date1904); err == nil {
			return data.DateOf(t).Slash(), nil
		}
	}
	return generalNumber(v, f), nil
}

// maxExcelSerial is the day after 31/12/9999, the last date Excel shows.
const maxExcelSerial = 2958466

// generalNumber shows a number as Excel's General format does: the shortest
// form, or 15 significant digits when it holds more (Excel keeps no more),
// in scientific notation when very large or very small; an integer written
// with zeros after its 15th digit (Excel's own way of storing one) is shown
// in full.
func generalNumber(v string, f float64) string {
	if a := math.Abs(f); a >= 1e21 || (a != 0 && a < 1e-9) {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	digits := 0
	for _, ch := range v {
		if ch == 'e' || ch == 'E' {
			break
		}
		if ch >= '0' && ch <= '9' {
			digits++
		}
	}
	trimmed := strings.TrimLeft(v, "+-0")
	zeroFilled := !strings.ContainsAny(v, ".Ee") && len(strings.TrimRight(trimmed, "0")) <= 15
	if digits > 15 && !zeroFilled {
		return strconv.FormatFloat(f, 'G', 15, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// unescapeOOXML undoes the _xHHHH_ escapes that OOXML uses for characters XML
// cannot hold (ECMA-376 Part 1, §22.4.2.4 ST_Xstring), such as _x000D_ for a
// carriage return; _x005F_ escapes a literal underscore.
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var sb strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil {
				sb.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		sb.WriteByte(s[i])
		i++
	}
	return sb.String()
}

// attrInt parses an optional integer attribute.
func attrInt(v []byte) (int, bool, error) {
	if v == nil {
		return 0, false, nil
	}
	n, err := strconv.Atoi(strings.TrimSpace(string(v)))
	if err != nil {
		return 0, false, err
	}
	return n, true, nil
}

// builtinDateFormats are Excel's built-in number formats that show a date
// (ECMA-376 §18.8.30 and the East Asian locale formats 27–36 and 50–58).
var builtinDateFormats = map[int]bool{14: true, 15: true, 16: true, 17: true, 22: true,
	27: true, 28: true, 29: true, 30: true, 31: true, 32: true, 33: true, 34: true, 35: true, 36: true,
	50: true, 51: true, 52: true, 53: true, 54: true, 55: true, 56: true, 57: true, 58: true}

// styleShowsDate reports whether a number format shows a day or a year: a
// built-in date format, or a custom code with d or y outside quoted text,
// [bracketed] sections and backslash-escaped characters (m alone may mean
// minutes).
func styleShowsDate(numFmt int, code string, custom bool) bool {
	if !custom {
		return builtinDateFormats[numFmt]
	}
	inQuote, inBracket, escaped := false, false, false
	for _, c := range strings.ToLower(code) {
		switch {
		case escaped:
			escaped = false
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\\':
			escaped = true
		case c == '[':
			inBracket = true
		case c == ']':
			inBracket = false
		case inBracket:
		case c == 'd' || c == 'y':
			return true
		}
	}
	return false
}

// xmlScanner is a small tokenizer for machine-written XML: start and end
// tags (namespace prefixes dropped), attributes read on demand, text with
// entity references, CDATA sections; comments, processing instructions and
// DOCTYPE are skipped. It does not check well-formedness beyond what reading
// needs; what it cannot read is an error, never a panic.
type xmlScanner struct {
	b   []byte
	i   int
	inT bool // inside a <t> element (tracked for inline strings)
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText
)

type xmlToken struct {
	kind        tokKind
	name        []byte // local name
	attrs       []byte // raw attribute text of a start tag
	selfClosing bool
	text        []byte // raw text (entities not yet resolved) or CDATA content
	cdata       bool
}

var errXMLSyntax = errors.New("XML rusak")

func (s *xmlScanner) next() (xmlToken, error) {
	for {
		if s.i >= len(s.b) {
			return xmlToken{kind: tokEOF}, nil
		}
		if s.b[s.i] != '<' {
			j := bytes.IndexByte(s.b[s.i:], '<')
			if j < 0 {
				j = len(s.b) - s.i
			}
			t := xmlToken{kind: tokText, text: s.b[s.i : s.i+j]}
			s.i += j
			return t, nil
		}
		rest := s.b[s.i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			j := bytes.Index(rest, []byte("-->"))
			if j < 0 {
				return xmlToken{}, errXMLSyntax
			}
			s.i += j + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			j := bytes.Index(rest, []byte("]]>"))
			if j < 0 {
				return xmlToken{}, errXMLSyntax
			}
			t := xmlToken{kind: tokText, text: rest[9:j], cdata: true}
			s.i += j + 3
			return t, nil
		case bytes.HasPrefix(rest, []byte("<?")):
			j := bytes.Index(rest, []byte("?>"))
			if j < 0 {
				return xmlToken{}, errXMLSyntax
			}
			s.i += j + 2
			continue
		case bytes.HasPrefix(rest, []byte("<!DOCTYPE")):
			j := bytes.IndexByte(rest, '>')
			if j < 0 {
				return xmlToken{}, errXMLSyntax
			}
			if bytes.IndexByte(rest[:j], '[') >= 0 {
				return xmlToken{}, errors.New("XML dengan DTD tidak didukung")
			}
			s.i += j + 1
			continue
		case bytes.HasPrefix(rest, []byte("<!")):
			return xmlToken{}, errXMLSyntax
		}
		end, err := tagEnd(rest)
		if err != nil {
			return xmlToken{}, err
		}
		tag := rest[1:end]
		s.i += end + 1
		t := xmlToken{kind: tokStart}
		if len(tag) > 0 && tag[0] == '/' {
			t.kind, tag = tokEnd, tag[1:]
		} else if len(tag) > 0 && tag[len(tag)-1] == '/' {
			t.selfClosing, tag = true, tag[:len(tag)-1]
		}
		n := 0
		for n < len(tag) && !isXMLSpace(tag[n]) {
			n++
		}
		name := tag[:n]
		if k := bytes.IndexByte(name, ':'); k >= 0 {
			name = name[k+1:]
		}
		if len(name) == 0 {
			return xmlToken{}, errXMLSyntax
		}
		t.name, t.attrs = name, tag[n:]
		if string(name) == "t" {
			switch t.kind {
			case tokStart:
				s.inT = !t.selfClosing
			case tokEnd:
				s.inT = false
			}
		}
		return t, nil
	}
}

// tagEnd returns the index of the '>' closing the tag at the start of b,
// skipping quoted attribute values.
func tagEnd(b []byte) (int, error) {
	var quote byte
	for i := 1; i < len(b); i++ {
		c := b[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i, nil
		case c == '<':
			return 0, errXMLSyntax
		}
	}
	return 0, errXMLSyntax
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attr returns the raw value of the attribute with local name name (any
// namespace prefix), entities resolved, or nil when the tag has none.
func (s *xmlScanner) attr(t xmlToken, name string) []byte {
	a := t.attrs
	for {
		i := 0
		for i < len(a) && isXMLSpace(a[i]) {
			i++
		}
		a = a[i:]
		if len(a) == 0 {
			return nil
		}
		eq := bytes.IndexByte(a, '=')
		if eq < 0 {
			return nil
		}
		key := bytes.TrimSpace(a[:eq])
		if k := bytes.IndexByte(key, ':'); k >= 0 {
			key = key[k+1:]
		}
		a = a[eq+1:]
		i = 0
		for i < len(a) && isXMLSpace(a[i]) {
			i++
		}
		a = a[i:]
		if len(a) == 0 || (a[0] != '"' && a[0] != '\'') {
			return nil
		}
		q := a[0]
		end := bytes.IndexByte(a[1:], q)
		if end < 0 {
			return nil
		}
		val := a[1 : 1+end]
		a = a[end+2:]
		if string(key) == name {
			if bytes.IndexByte(val, '&') < 0 {
				return val
			}
			out, _ := appendUnescaped(nil, val)
			return out
		}
	}
}

// appendText appends the text of t to dst, entities resolved.
func (s *xmlScanner) appendText(dst []byte, t xmlToken) []byte {
	if t.cdata {
		return append(dst, t.text...)
	}
	out, _ := appendUnescaped(dst, t.text)
	return out
}

// appendUnescaped resolves the five predefined entities and character
// references, and turns CRLF and lone CR into LF as an XML parser must
// (XML 1.0 §2.11); an unknown or broken reference is kept as written.
func appendUnescaped(dst, b []byte) ([]byte, bool) {
	ok := true
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return appendNewlines(dst, b), ok
		}
		dst = appendNewlines(dst, b[:i])
		b = b[i:]
		semi := bytes.IndexByte(b[:min(len(b), 12)], ';')
		if semi < 0 {
			dst, b, ok = append(dst, '&'), b[1:], false
			continue
		}
		ref := string(b[1:semi])
		switch ref {
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "amp":
			dst = append(dst, '&')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			var n uint64
			var err error = errXMLSyntax
			if strings.HasPrefix(ref, "#x") || strings.HasPrefix(ref, "#X") {
				n, err = strconv.ParseUint(ref[2:], 16, 32)
			} else if strings.HasPrefix(ref, "#") {
				n, err = strconv.ParseUint(ref[1:], 10, 32)
			}
			if err != nil || !utf8.ValidRune(rune(n)) {
				dst, b, ok = append(dst, '&'), b[1:], false
				continue
			}
			dst = utf8.AppendRune(dst, rune(n))
		}
		b = b[semi+1:]
	}
}

// appendNewlines appends b to dst with CRLF and lone CR made LF.
func appendNewlines(dst, b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return append(dst, b...)
	}
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		dst = append(dst, b[i])
	}
	return dst
}
