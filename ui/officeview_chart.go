package ui

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// barChart draws the predikat distribution: one row per predikat, best to
// worst, with its label, a bar as long as its share of the largest count,
// and the count.
type barChart struct {
	box    *fyne.Container
	labels []*widget.Label
	bars   []*canvas.Rectangle
	counts []*widget.Label
	layout *barLayout
}

// predikatColors colour the bars from good (green) to bad (red).
var predikatColors = map[data.Predikat]color.NRGBA{
	data.PredikatSangatBaik:     {R: 0x2e, G: 0x7d, B: 0x32, A: 0xff},
	data.PredikatBaik:           {R: 0x66, G: 0xbb, B: 0x6a, A: 0xff},
	data.PredikatButuhPerbaikan: {R: 0xf9, G: 0xa8, B: 0x25, A: 0xff},
	data.PredikatKurang:         {R: 0xef, G: 0x6c, B: 0x00, A: 0xff},
	data.PredikatSangatKurang:   {R: 0xc6, G: 0x28, B: 0x28, A: 0xff},
}

func newBarChart() *barChart {
	c := &barChart{layout: &barLayout{}}
	var objs []fyne.CanvasObject
	for i, p := range data.Predikats {
		l := widget.NewLabel(predikatLabels()[i])
		bar := canvas.NewRectangle(predikatColors[p])
		n := widget.NewLabel("0")
		n.Alignment = fyne.TextAlignTrailing
		c.labels, c.bars, c.counts = append(c.labels, l), append(c.bars, bar), append(c.counts, n)
		objs = append(objs, l, bar, n)
	}
	c.layout.values = make([]int, len(data.Predikats))
	c.box = container.New(c.layout, objs...)
	return c
}

// set shows counts (nil shows zeros).
func (c *barChart) set(counts map[data.Predikat]int) {
	for i, p := range data.Predikats {
		c.layout.values[i] = counts[p]
		c.counts[i].SetText(strconv.Itoa(counts[p]))
	}
	c.box.Refresh()
}

// count returns the number shown for predikat p.
func (c *barChart) count(p data.Predikat) string {
	for i, q := range data.Predikats {
		if q == p {
			return c.counts[i].Text
		}
	}
	return ""
}

// barLayout lays out triples (label, bar, count) as rows: labels in one
// column as wide as the widest, counts at the right edge, and each bar as
// long as its value's share of the largest value.
type barLayout struct{ values []int }

func (l *barLayout) columns(objs []fyne.CanvasObject) (labelW, countW, rowH float32) {
	for i := 0; i+2 < len(objs); i += 3 {
		ls, cs := objs[i].MinSize(), objs[i+2].MinSize()
		labelW, countW = max(labelW, ls.Width), max(countW, cs.Width)
		rowH = max(rowH, ls.Height, cs.Height)
	}
	return labelW, max(countW, 48), rowH
}

// Layout places each row; a zero value gets no bar.
func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	labelW, countW, rowH := l.columns(objs)
	pad := theme.Padding()
	top := 0
	for _, v := range l.values {
		top = max(top, v)
	}
	area := max(size.Width-labelW-countW-2*pad, 0)
	for i := 0; i+2 < len(objs); i += 3 {
		y := float32(i/3) * rowH
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(labelW, rowH))
		w := float32(0)
		if r := i / 3; r < len(l.values) && top > 0 {
			w = area * float32(l.values[r]) / float32(top)
		}
		objs[i+1].Move(fyne.NewPos(labelW+pad, y+rowH/4))
		objs[i+1].Resize(fyne.NewSize(w, rowH/2))
		objs[i+2].Move(fyne.NewPos(size.Width-countW, y))
		objs[i+2].Resize(fyne.NewSize(countW, rowH))
	}
}

// MinSize is the label and count columns with room for a short bar.
func (l *barLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	labelW, countW, rowH := l.columns(objs)
	return fyne.NewSize(labelW+countW+120, rowH*float32(len(objs)/3))
}

// tableLayout arranges its objects in rows of cols cells: every column but
// the first as wide as its widest cell, the first taking the rest.
type tableLayout struct{ cols int }

func (l *tableLayout) sizes(objs []fyne.CanvasObject) (widths []float32, rowH float32) {
	widths = make([]float32, l.cols)
	for i, o := range objs {
		m := o.MinSize()
		widths[i%l.cols] = max(widths[i%l.cols], m.Width)
		rowH = max(rowH, m.Height)
	}
	return widths, rowH
}

// Layout places the cells row by row.
func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths, rowH := l.sizes(objs)
	rest := size.Width
	for _, w := range widths[1:] {
		rest -= w
	}
	widths[0] = max(rest, 0)
	for i, o := range objs {
		col, row := i%l.cols, i/l.cols
		x := float32(0)
		for _, w := range widths[:col] {
			x += w
		}
		o.Move(fyne.NewPos(x, float32(row)*rowH))
		o.Resize(fyne.NewSize(widths[col], rowH))
	}
}

// MinSize is every column at its widest cell, the rows at the tallest.
func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, rowH := l.sizes(objs)
	w := float32(0)
	for _, c := range widths {
		w += c
	}
	rows := (len(objs) + l.cols - 1) / l.cols
	return fyne.NewSize(w, rowH*float32(rows))
}
