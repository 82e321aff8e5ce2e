package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// codeColumns are the widths of the code list editor: code, label,
// category, the PPPK check; the delete button takes the rest.
var codeColumns = []float32{80, 240, 270, 150}

// codeRow edits one attendance code of the office's list. The codes of the
// default list keep their ID (the recap, TPP and PP 94/2021 rules know them
// by it); only their label, category and PPPK flag change. A code the office
// adds is counted under "lainnya" in the recap.
type codeRow struct {
	orig    data.Code
	code    *widget.Entry
	label   *widget.Entry
	cat     *widget.Select
	notPPPK *widget.Check
	box     fyne.CanvasObject
}

// defaultCodeIDs are the IDs of the default code list.
func defaultCodeIDs() map[string]bool {
	ids := map[string]bool{}
	for _, c := range data.DefaultCodes() {
		ids[c.Code] = true
	}
	return ids
}

// showCodes fills the code list editor from the settings.
func (v *rulesView) showCodes(codes data.Codes) {
	v.codeRows = nil
	header := container.New(columnsLayout{codeColumns},
		widget.NewLabelWithStyle(lang.L("att.col.code"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("att.col.label"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("att.codes.category"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabel(""), widget.NewLabel(""))
	objs := []fyne.CanvasObject{header}
	for _, c := range codes {
		objs = append(objs, v.newCodeRow(c).box)
	}
	v.codes.Objects = objs
	v.codes.Refresh()
}

// newCodeRow adds a row for c to v.codeRows and returns it.
func (v *rulesView) newCodeRow(c data.Code) *codeRow {
	r := &codeRow{orig: c, code: widget.NewEntry(), label: widget.NewEntry()}
	r.code.SetText(c.Code)
	r.label.SetText(c.Label)
	labels := make([]string, len(data.Categories))
	for i, cat := range data.Categories {
		labels[i] = cat.Label()
	}
	r.cat = newSelect(labels, nil)
	for i, cat := range data.Categories {
		if cat == c.Category {
			r.cat.SetSelectedIndex(i)
		}
	}
	r.notPPPK = widget.NewCheck(lang.L("att.codes.notpppk"), nil)
	r.notPPPK.SetChecked(c.NotForPPPK)
	del := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeCode(r) })
	if defaultCodeIDs()[c.Code] {
		r.code.Disable()
	}
	r.box = container.New(columnsLayout{codeColumns}, r.code, r.label, r.cat, r.notPPPK, container.NewHBox(del))
	v.codeRows = append(v.codeRows, r)
	return r
}

func (v *rulesView) removeCode(r *codeRow) {
	for i, x := range v.codeRows {
		if x == r {
			v.codeRows = append(v.codeRows[:i], v.codeRows[i+1:]...)
			break
		}
	}
	v.codes.Remove(r.box)
	v.relayout()
}

// addCode adds an empty row for an office's own code.
func (v *rulesView) addCode() {
	r := v.newCodeRow(data.Code{Category: data.CategoryExcused})
	v.codes.Add(r.box)
	v.relayout()
}

// readCodes returns the list as edited (data.AttendanceSettings.Check
// refuses a bad one).
func (v *rulesView) readCodes() data.Codes {
	out := make(data.Codes, 0, len(v.codeRows))
	for _, r := range v.codeRows {
		c := r.orig
		c.Code = strings.ToUpper(strings.TrimSpace(r.code.Text))
		c.Label = strings.TrimSpace(r.label.Text)
		if i := r.cat.SelectedIndex(); i >= 0 && i < len(data.Categories) {
			c.Category = data.Categories[i]
		}
		c.NotForPPPK = r.notPPPK.Checked
		out = append(out, c)
	}
	return out
}
