package pdf

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// Page geometry in millimetres.
const (
	marginLeft   = 18.0
	marginRight  = 15.0
	marginTop    = 15.0
	marginBottom = 18.0 // room for the footer
	bodySize     = 9.0  // points
	smallSize    = 7.5
	ptToMM       = 25.4 / 72
)

// draftText is the banner of every document that is not final.
const draftText = "KONSEP – BELUM DITETAPKAN"

// document is one PDF being drawn: gofpdf plus the page flow the package
// manages itself (automatic page breaks are off, every block asks for room
// with ensure first).
type document struct {
	pdf    *gofpdf.Fpdf
	common Common
	codes  *codeTable // Unicode to the fonts' single-byte codes
	// font is the face last selected, to skip selecting it again.
	font struct {
		bold bool
		size float64
	}
	// onNewPage runs after a page break inside a block, e.g. to repeat a
	// table header; nil outside tables.
	onNewPage func()
}

// newDocument starts an A4 document, portrait or landscape, with the fonts,
// footer, banner and kop surat set up and the first page added.
func newDocument(c Common, landscape bool, title string) (*document, error) {
	fonts, err := loadFonts()
	if err != nil {
		return nil, err
	}
	orientation := "P"
	if landscape {
		orientation = "L"
	}
	p := gofpdf.New(orientation, "mm", "A4", "")
	p.AliasNbPages("{nb}")
	p.AddFontFromBytes(fontFamily, "", fonts.regular[0], fonts.faces[0].marker)
	p.AddFontFromBytes(fontFamily, "B", fonts.bold[0], fonts.faces[1].marker)
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, marginBottom)
	p.SetCellMargin(1.2)
	// gofpdf writes the pages uncompressed and a marker for each font file;
	// output compresses the pages with reused writers and puts in the fonts
	// cut to the glyphs drawn (compressPages).
	p.SetCompression(false)
	p.SetTitle(strings.ToValidUTF8(title, "?"), true)
	p.SetCreator("Kinerja", true)
	if !c.Created.IsZero() {
		p.SetCreationDate(c.Created)
	}
	d := &document{pdf: p, common: c, codes: fonts.codes}
	p.SetHeaderFunc(d.pageHeader)
	p.SetFooterFunc(d.pageFooter)
	p.AddPage()
	if c.Letterhead != nil {
		if err := d.letterhead(*c.Letterhead); err != nil {
			return nil, err
		}
	}
	return d, p.Error()
}

// registerImage loads a PNG or JPEG image once (see prepareImage) and
// returns the name to place it by.
func (d *document) registerImage(data []byte) (string, error) {
	img, sum, err := prepareImage(data)
	if err != nil {
		return "", err
	}
	name := "img" + hex.EncodeToString(sum[:12])
	if d.pdf.GetImageInfo(name) != nil {
		return name, nil
	}
	d.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: img.kind}, bytes.NewReader(img.data))
	if err := d.pdf.Error(); err != nil {
		return "", fmt.Errorf("gambar tidak dapat dibaca: %w", err)
	}
	return name, nil
}

// enc turns text into the fonts' codes (see encode).
func (d *document) enc(text string) string {
	return encode(d.codes, text)
}

// output finishes the document and returns its bytes.
func (d *document) output() ([]byte, error) {
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return nil, fmt.Errorf("PDF tidak dapat dibuat: %w", err)
	}
	return finishPDF(buf.Bytes())
}

// width is the usable width between the margins.
func (d *document) width() float64 {
	w, _ := d.pdf.GetPageSize()
	return w - marginLeft - marginRight
}

// bottom is the lowest y content may reach.
func (d *document) bottom() float64 {
	_, h := d.pdf.GetPageSize()
	return h - marginBottom
}

// setFont selects the embedded font, bold or regular, at size points.
// gofpdf restores the font after drawing a page's header and footer, so the
// face last selected here is still the current one.
func (d *document) setFont(bold bool, size float64) {
	if d.font.bold == bold && d.font.size == size {
		return
	}
	d.font.bold, d.font.size = bold, size
	style := ""
	if bold {
		style = "B"
	}
	d.pdf.SetFont(fontFamily, style, size)
}

// keepFont remembers the face last selected and returns the func that makes
// setFont believe it again; header and footer use it because gofpdf puts the
// font back after them.
func (d *document) keepFont() func() {
	saved := d.font
	return func() { d.font = saved }
}

// lineHeight is the height of one text line at size points.
func lineHeight(size float64) float64 {
	return size * ptToMM * 1.3
}

// ensure starts a new page unless h millimetres fit below the current
// position, and reports whether it did.
func (d *document) ensure(h float64) bool {
	if d.pdf.GetY()+h <= d.bottom() {
		return false
	}
	d.pdf.AddPage()
	if d.onNewPage != nil {
		d.onNewPage()
	}
	return true
}

// space moves down by h millimetres, or to the next page's top when that is
// past the bottom.
func (d *document) space(h float64) {
	if d.pdf.GetY()+h > d.bottom() {
		d.ensure(h)
		return
	}
	d.pdf.SetY(d.pdf.GetY() + h)
}

// pageHeader draws the draft banner at the top of every page of a document
// that is not final.
func (d *document) pageHeader() {
	if d.common.Final {
		return
	}
	defer d.keepFont()()
	p := d.pdf
	p.SetTextColor(190, 20, 20)
	p.SetDrawColor(190, 20, 20)
	p.SetLineWidth(0.4)
	d.setFont(true, 10)
	p.SetXY(marginLeft, marginTop-8)
	p.CellFormat(d.width(), 6, d.enc(draftText), "1", 0, "C", false, 0, "")
	p.SetTextColor(0, 0, 0)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetXY(marginLeft, marginTop+1)
}

// pageFooter draws the rule, the document id and "Halaman n dari m".
func (d *document) pageFooter() {
	defer d.keepFont()()
	p := d.pdf
	y := d.bottom() + 5
	p.SetLineWidth(0.2)
	p.Line(marginLeft, y, marginLeft+d.width(), y)
	d.setFont(false, smallSize)
	p.SetXY(marginLeft, y+1)
	id := ""
	if d.common.DocumentID != "" {
		id = "Dokumen " + d.common.DocumentID
	}
	half := d.width() / 2
	p.CellFormat(half, 4, d.enc(id), "", 0, "L", false, 0, "")
	p.CellFormat(half, 4, fmt.Sprintf("Halaman %d dari {nb}", p.PageNo()), "", 0, "R", false, 0, "")
}

// letterhead draws the kop surat: logo, centred lines and a double rule.
func (d *document) letterhead(l Letterhead) error {
	p := d.pdf
	top := p.GetY()
	logoW := 0.0
	if len(l.Logo) > 0 {
		name, err := d.registerImage(l.Logo)
		if err != nil {
			return fmt.Errorf("logo kop surat: %w", err)
		}
		info := p.GetImageInfo(name)
		logoH := 22.0
		logoW = min(logoH*info.Width()/max(info.Height(), 1), 35)
		p.ImageOptions(name, marginLeft, top, logoW, logoH, false, gofpdf.ImageOptions{}, 0, "")
	}
	textX := marginLeft + logoW
	textW := d.width() - 2*logoW
	p.SetXY(textX, top)
	lines := []struct {
		text string
		bold bool
		size float64
	}{{l.Government, true, 13}, {l.Office, true, 16}, {l.Address, false, 8.5}}
	for _, line := range lines {
		if strings.TrimSpace(line.text) == "" {
			continue
		}
		d.setFont(line.bold, line.size)
		for _, l := range d.wrap(line.text, textW) {
			p.SetX(textX)
			p.CellFormat(textW, lineHeight(line.size), l, "", 1, "C", false, 0, "")
		}
	}
	y := p.GetY() + 1
	if logoW > 0 && y < top+23 {
		y = top + 23
	}
	right := marginLeft + d.width()
	p.SetLineWidth(0.8)
	p.Line(marginLeft, y, right, y)
	p.SetLineWidth(0.2)
	p.Line(marginLeft, y+1.1, right, y+1.1)
	p.SetXY(marginLeft, y+5)
	return nil
}
