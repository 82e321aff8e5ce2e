package ui

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// recapColumns are the message keys of the rekap kehadiran columns and
// their widths; recapLine.cell gives their texts.
var recapColumns = []struct {
	key   string
	width float32
}{
	{"att.recap.col.name", 230}, {"att.recap.col.nip", 170}, {"att.recap.col.working", 48}, {"att.recap.col.h", 48},
	{"att.recap.col.tl", 48}, {"att.recap.col.tlmin", 72}, {"att.recap.col.psw", 56}, {"att.recap.col.pswmin", 84},
	{"att.recap.col.dl", 44}, {"att.recap.col.fwa", 50}, {"att.recap.col.tb", 44}, {"att.recap.col.s", 40},
	{"att.recap.col.i", 40}, {"att.recap.col.leave", 52}, {"att.recap.col.tk", 48}, {"att.recap.col.missing", 70},
	{"att.recap.col.present", 86}, {"att.recap.col.tpp", 104}, {"att.recap.col.piket", 56}, {"att.recap.col.kind", 90},
}

// headingWidth is width, widened when the heading title would not fit in
// it: a heading is never cut (the codes are explained in the legend above).
func headingWidth(title string, width float32) float32 {
	text := fyne.MeasureText(title, theme.TextSize(), fyne.TextStyle{Bold: true}).Width
	return max(width, float32(math.Ceil(float64(text+2*theme.InnerPadding()+2))))
}

// recapCol is one column of a recap table: its heading, width and text.
type recapCol struct {
	title string
	width float32
	cell  func(recapLine) string
}

// attendanceCols are the columns of the rekap kehadiran.
func attendanceCols() []recapCol {
	cols := make([]recapCol, len(recapColumns))
	for i, c := range recapColumns {
		title := lang.L(c.key)
		cols[i] = recapCol{title: title, width: headingWidth(title, c.width), cell: func(l recapLine) string { return l.cell(i) }}
	}
	return cols
}

// tppCols are the columns of the rekap potongan TPP under rules: TK days,
// the days in each lateness and early-departure band, and the cut in percent.
func tppCols(rules data.TPPRules) []recapCol {
	cols := attendanceCols()[:2]
	count := func(l recapLine, pick func(data.TPPDetail) []int, i int) string {
		if l.tpp == nil {
			return ""
		}
		return strconv.Itoa(countIn(pick(*l.tpp), i))
	}
	cols = append(cols, attendanceCols()[14])
	for i, b := range rules.Late {
		cols = append(cols, recapCol{title: b.Name, width: headingWidth(b.Name, 58), cell: func(l recapLine) string {
			return count(l, func(d data.TPPDetail) []int { return d.Late }, i)
		}})
	}
	for i, b := range rules.Early {
		cols = append(cols, recapCol{title: b.Name, width: headingWidth(b.Name, 64), cell: func(l recapLine) string {
			return count(l, func(d data.TPPDetail) []int { return d.Early }, i)
		}})
	}
	return append(cols, attendanceCols()[17], attendanceCols()[19])
}

// countIn returns xs[i], 0 past its end.
func countIn(xs []int, i int) int {
	if i < len(xs) {
		return xs[i]
	}
	return 0
}

// recapLine is one line of a recap table: a staff member, a unit subtotal,
// the office total, or a month of a year view.
type recapLine struct {
	staffID uint64 // 0 for a total
	name    string
	nip     string
	r       data.RecapRow
	tpp     *data.TPPDetail // nil for a total and for staff who receive no TPP
	kind    data.Kind
	total   bool
}

// cell returns the text of column col of the rekap kehadiran.
func (l recapLine) cell(col int) string {
	n := strconv.Itoa
	r := l.r
	switch col {
	case 0:
		return l.name
	case 1:
		return l.nip
	case 16:
		return strconv.FormatFloat(r.PresentPercent, 'f', 1, 64)
	case 17:
		if l.tpp == nil && l.total {
			return ""
		}
		if l.tpp == nil {
			return "—" // receives no TPP
		}
		return strconv.FormatFloat(l.tpp.Percent, 'f', 2, 64)
	case 18:
		return n(r.Piket) // presence on days off, never a working day
	case 19:
		return string(l.kind)
	}
	counts := []int{r.WorkingDays, r.H, r.LateCount, r.LateMinutes, r.EarlyCount, r.EarlyMinutes,
		r.DL, r.FWA, r.TB, r.S, r.I, r.Leave, r.TK, r.NotEntered}
	if col >= 2 && col-2 < len(counts) {
		return n(counts[col-2])
	}
	return ""
}

// tppOnly keeps the lines of staff who receive TPP (and the totals): the
// rekap TPP leaves the others out.
func tppOnly(lines []recapLine) []recapLine {
	var out []recapLine
	for _, l := range lines {
		if l.total || l.tpp != nil {
			out = append(out, l)
		}
	}
	return out
}

// recapLines lays a month's recap out: each unit's staff, then its subtotal,
// then the office total.
func recapLines(rec service.Recap) []recapLine {
	var out []recapLine
	for _, u := range rec.Units {
		for _, l := range rec.Lines {
			if l.UnitID == u.UnitID {
				out = append(out, recapLine{staffID: l.StaffID, name: l.Name, nip: l.NIP, r: l.Recap, tpp: l.TPP, kind: l.Kind})
			}
		}
		out = append(out, recapLine{name: lang.L("att.recap.unittotal", map[string]any{"Unit": u.Unit}), r: u.Recap, total: true})
	}
	return append(out, recapLine{name: lang.L("att.recap.officetotal"), r: rec.Office, total: true})
}

// newRecapTable is a read-only table of lines in the columns cols, under a
// sticky header row; setColumns changes the columns.
func newRecapTable(lines *[]recapLine, cols *[]recapCol, selected func(recapLine)) *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(*lines) + 1, len(*cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			if id.Col >= len(*cols) {
				l.SetText("")
				return
			}
			if id.Row == 0 {
				l.TextStyle = fyne.TextStyle{Bold: true}
				l.SetText((*cols)[id.Col].title)
				return
			}
			line := (*lines)[id.Row-1]
			l.TextStyle = fyne.TextStyle{Bold: line.total}
			l.Alignment = fyne.TextAlignLeading
			if id.Col >= 2 {
				l.Alignment = fyne.TextAlignTrailing
			}
			l.SetText((*cols)[id.Col].cell(line))
		})
	t.StickyRowCount = 1
	t.StickyColumnCount = 1
	setColumnWidths(t, *cols)
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row > 0 && id.Row-1 < len(*lines) && selected != nil {
			selected((*lines)[id.Row-1])
		}
	}
	return t
}

func setColumnWidths(t *widget.Table, cols []recapCol) {
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
}

// recapView is the monthly recap tab: a month, an optional unit, the table
// with unit subtotals and the office total — the rekap kehadiran, or the
// rekap potongan TPP with the days per band — and the exports. Choosing a
// staff member's line opens their year.
type recapView struct {
	u       *App
	request int // the latest reload; an older result arriving late is dropped
	view    fyne.CanvasObject
	month   *widget.Select
	year    *widget.Select
	units   *unitPicker
	kind    *widget.Select // "Semua jenis pegawai" or one kind (service.RecapFilter.Kind)
	mode    *widget.Select
	table   *widget.Table
	lines   []recapLine
	cols    []recapCol
	msg     *widget.Label
	signed  []string // the files of the last signed export
}

func newRecapView(u *App) *recapView {
	v := &recapView{u: u}
	today := u.today()
	v.month = newSelect(monthOptions(), func(string) { v.reload() })
	v.month.SetSelectedIndex(int(today.Month()) - 1)
	v.year = newSelect(yearOptions(today), func(string) { v.reload() })
	v.year.SetSelected(strconv.Itoa(today.Year()))
	v.units = newUnitPicker(v.reload)
	kinds := []string{lang.L("att.recap.kind.all")}
	for _, k := range data.Kinds {
		kinds = append(kinds, string(k))
	}
	v.kind = newSelect(kinds, nil)
	v.kind.SetSelectedIndex(0)
	v.kind.OnChanged = func(string) { v.reload() }
	v.mode = newSelect([]string{lang.L("att.recap.mode.attendance"), lang.L("att.recap.mode.tpp")}, nil)
	v.mode.SetSelectedIndex(0)
	v.mode.OnChanged = func(string) { v.reload() }
	v.cols = attendanceCols()
	v.table = newRecapTable(&v.lines, &v.cols, func(l recapLine) {
		if l.staffID != 0 {
			u.openYearRecap(l.staffID, v.chosenYear())
		}
	})
	v.msg = widget.NewLabel("")
	v.msg.Wrapping = fyne.TextWrapWord
	xlsx := widget.NewButton(lang.L("att.recap.xlsx"), func() { v.export(service.FormatXLSX) })
	pdfb := widget.NewButton(lang.L("att.recap.pdf"), func() { v.export(service.FormatPDF) })
	printB := widget.NewButton(lang.L("att.recap.print"), v.print)
	signB := widget.NewButton(lang.L("att.recap.sign"), v.askSign)
	// Two rows, the choices then the outputs, so the tab fits the smallest
	// window (1000 px with the sidebar).
	top := container.NewHBox(widget.NewLabel(lang.L("att.recap.month")),
		container.NewGridWrap(fyne.NewSize(150, v.month.MinSize().Height), v.month), v.year,
		widget.NewLabel(lang.L("att.unit")), container.NewGridWrap(fyne.NewSize(240, v.units.sel.MinSize().Height), v.units.sel),
		container.NewGridWrap(fyne.NewSize(190, v.kind.MinSize().Height), v.kind))
	outputs := container.NewHBox(container.NewGridWrap(fyne.NewSize(230, v.mode.MinSize().Height), v.mode),
		layout.NewSpacer(), xlsx, pdfb, printB, signB)
	hint := widget.NewLabel(lang.L("att.recap.hint") + " " + lang.L("att.recap.legend"))
	hint.Wrapping = fyne.TextWrapWord
	hint.SizeName = theme.SizeNameCaptionText
	v.view = container.NewBorder(container.NewVBox(top, outputs, hint), v.msg, nil, nil, v.table)
	return v
}

func (v *recapView) chosenYear() int {
	y, err := strconv.Atoi(v.year.Selected)
	if err != nil {
		return v.u.today().Year()
	}
	return y
}

func (v *recapView) chosenMonth() time.Month { return monthOf(v.month.SelectedIndex()) }

// reload computes the recap of the month and unit chosen.
func (v *recapView) reload() {
	if v.table == nil {
		return
	}
	if units, err := v.u.svc.Units(); err == nil {
		v.units.load(units)
	}
	v.request++
	req, svc, year, month, unit := v.request, v.u.svc, v.chosenYear(), v.chosenMonth(), v.units.id()
	var kind data.Kind
	if i := v.kind.SelectedIndex(); i > 0 && i <= len(data.Kinds) {
		kind = data.Kinds[i-1]
	}
	var (
		rec service.Recap
		err error
	)
	runAsync(func() {
		rec, err = svc.MonthRecapFor(year, month, service.RecapFilter{UnitID: unit, Kind: kind})
	}, func() {
		if req == v.request {
			v.show(rec, err)
		}
	})
}

// show fills the table with a month's recap, or says why there is none.
func (v *recapView) show(rec service.Recap, err error) {
	if err != nil {
		v.lines = nil
		v.msg.SetText(err.Error())
		v.table.Refresh()
		return
	}
	v.lines = recapLines(rec)
	before := len(v.cols)
	v.cols = attendanceCols()
	if v.mode.SelectedIndex() == 1 {
		v.cols = tppCols(rec.TPP)
		v.lines = tppOnly(v.lines)
	}
	setColumnWidths(v.table, v.cols)
	if len(v.cols) != before {
		v.table.ScrollToLeading() // the other recap starts at its first columns
	}
	v.msg.SetText(strings.Join(append([]string{lang.L("att.recap.status", map[string]any{"N": len(rec.Lines)})}, rec.Warnings...), " "))
	v.table.Refresh()
}

// export asks for a folder and writes the office's recap of the month there.
func (v *recapView) export(format string) {
	year, month := v.chosenYear(), v.chosenMonth()
	d := v.u.folderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			v.u.showError(err)
			return
		}
		v.writeExport(year, month, dir.Path(), format, func(paths []string) {
			dialog.ShowInformation(lang.L("att.recap.exported.title"),
				lang.L("att.recap.exported", map[string]any{"Files": strings.Join(paths, "\n")}), v.u.win)
		})
	}, v.u.win)
	d.Resize(fileDialogSize)
	d.Show()
}

// print writes the PDF recap to a temporary folder and opens it in the
// system's PDF viewer, which prints it (Fyne cannot print).
func (v *recapView) print() {
	dir := filepath.Join(os.TempDir(), "kinerja-cetak")
	v.writeExport(v.chosenYear(), v.chosenMonth(), dir, service.FormatPDF, func(paths []string) {
		if err := v.u.fyne.OpenURL(fileURL(paths[0])); err != nil {
			v.u.showError(err)
		}
	})
}

// askSign asks the preparer's NIP and signing passphrase, then a folder,
// and writes the month's PDF recaps signed (service.ExportAttendanceSigned)
// off the UI goroutine.
func (v *recapView) askSign() {
	nip, pass := widget.NewEntry(), widget.NewPasswordEntry()
	items := []*widget.FormItem{widget.NewFormItem(lang.L("att.recap.signer"), nip), widget.NewFormItem(lang.L("att.recap.passphrase"), pass)}
	year, month := v.chosenYear(), v.chosenMonth()
	d := dialog.NewForm(lang.L("att.recap.sign"), lang.L("att.recap.sign"), lang.L("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		s, err := v.u.svc.StaffByIdentifier(strings.TrimSpace(nip.Text))
		if err != nil {
			v.u.showError(err)
			return
		}
		fd := v.u.folderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil || dir == nil {
				v.u.showError(err)
				return
			}
			v.writeSigned(year, month, dir.Path(), s.ID, pass.Text)
		}, v.u.win)
		fd.Resize(fileDialogSize)
		fd.Show()
	}, v.u.win)
	d.Resize(fyne.NewSize(460, 0))
	d.Show()
}

// writeSigned writes the signed recaps into dir off the UI goroutine.
func (v *recapView) writeSigned(year int, month time.Month, dir string, staffID uint64, passphrase string) {
	v.msg.SetText(lang.L("att.recap.exporting"))
	today := v.u.today()
	var (
		paths []string
		err   error
	)
	svc := v.u.svc
	runAsync(func() {
		paths, err = svc.ExportAttendanceSigned(year, month, dir, today, staffID, passphrase)
	}, func() {
		v.msg.SetText("")
		if err != nil {
			v.u.showError(err)
			return
		}
		v.signed = paths
		v.msg.SetText(lang.L("att.recap.signed", map[string]any{"Files": strings.Join(paths, ", ")}))
	})
}

// writeExport runs service.ExportAttendance off the UI goroutine and calls
// done with the files written.
func (v *recapView) writeExport(year int, month time.Month, dir, format string, done func([]string)) {
	v.msg.SetText(lang.L("att.recap.exporting"))
	today := v.u.today()
	var paths []string
	var err error
	runAsync(func() {
		paths, err = v.u.svc.ExportAttendance(year, month, dir, format, today)
	}, func() {
		v.msg.SetText("")
		if err != nil {
			v.u.showError(err)
			return
		}
		done(paths)
	})
}

// openYearRecap shows one staff member's recap for each month of year.
func (u *App) openYearRecap(staffID uint64, year int) {
	y, err := u.svc.YearRecap(staffID, year)
	if err != nil {
		u.showError(err)
		return
	}
	lines := yearLines(y)
	cols := attendanceCols()
	t := newRecapTable(&lines, &cols, nil)
	title := lang.L("att.recap.year.title", map[string]any{"Name": y.Name, "Year": year})
	d := dialog.NewCustom(title, lang.L("att.close"), t, u.win)
	d.Resize(fyne.NewSize(1040, 560))
	d.Show()
}

// yearLines lays a year recap out: a line per month, then the year's total.
func yearLines(y service.StaffYear) []recapLine {
	var out []recapLine
	for i, m := range y.Months {
		out = append(out, recapLine{staffID: y.StaffID, name: data.MonthNames[i], nip: y.NIP, r: m, tpp: y.TPP[i]})
	}
	return append(out, recapLine{name: lang.L("att.recap.yeartotal"), nip: y.NIP, r: y.Total, total: true})
}
