package pdf

import (
	"math"
	"strings"
)

// Distribution is the pola distribusi of one period (SE MenPANRB 3/2023):
// the organisation's capaian, how many staff hold each predikat and the
// shares the circular allows, every text already formatted. The head of the
// office is not counted (his or her rating hasil kerja is the capaian).
type Distribution struct {
	Capaian string // "Baik"; named in the caption of the curve
	Source  string // "SE MenPANRB 3/2023"
	// Classes are the points of the curve from left to right: Sangat Kurang,
	// Kurang/Misconduct, Butuh Perbaikan, Baik, Sangat Baik (see
	// data.DistributionCurve).
	Classes []DistributionClass
	// Bounds word every bound for the capaian, group bounds included:
	// "Baik paling banyak 70%" (see data.DescribeBounds).
	Bounds []string
	// Warnings are the broken bounds, printed under the curve.
	Warnings []string
	// Note is printed last, e.g. "Tidak termasuk Camat sebagai pimpinan
	// unit kerja."
	Note string
}

// DistributionClass is one predikat on the curve.
type DistributionClass struct {
	Label string // spelled exactly: "Kurang/Misconduct"
	Count int    // staff holding it
	Share string // "77,8%"
	// Min and Max are the share allowed for this predikat alone, in
	// percent, as data.CurveClass gives them: Min 0 and Max 100 when there
	// is no bound, Max 0 when none may hold it.
	Min, Max int
	// Required is true when someone must hold this predikat.
	Required bool
}

// total is the number of staff counted.
func (ds Distribution) total() int {
	n := 0
	for _, c := range ds.Classes {
		n += max(c.Count, 0)
	}
	return n
}

// bounded reports whether the class carries a bound of its own.
func (c DistributionClass) bounded() bool { return c.Min > 0 || c.Max < 100 || c.Required }

// allowedCounts turns the class's shares into counts of staff out of total:
// at least ceil(Min%), at most floor(Max%).
func (c DistributionClass) allowedCounts(total int) (lo, hi int) {
	lo = (c.Min*total + 99) / 100
	hi = c.Max * total / 100
	if c.Required {
		lo = max(lo, 1)
	}
	return lo, min(hi, total)
}

// curvePlot is the geometry of the plot area of the curve in millimetres:
// x, y is its top left corner, yMax the frequency at its top.
type curvePlot struct {
	x, y, w, h float64
	yMax, step int
	classes    int
}

// newCurvePlot chooses the scale of the frequency axis: it holds the highest
// count and the highest allowed count, with room above for the labels.
func newCurvePlot(ds Distribution, x, y, w, h float64) curvePlot {
	total := ds.total()
	top := 1
	for _, c := range ds.Classes {
		top = max(top, c.Count)
		if c.bounded() && total > 0 {
			lo, hi := c.allowedCounts(total)
			top = max(top, lo)
			if c.Max < 100 {
				top = max(top, hi)
			}
		}
	}
	step := 1
	for _, s := range []int{1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000} {
		step = s
		if top/s <= 6 {
			break
		}
	}
	yMax := (top/step + 1) * step
	return curvePlot{x: x, y: y, w: w, h: h, yMax: yMax, step: step, classes: max(len(ds.Classes), 1)}
}

// slotX is the centre of class i along the horizontal axis.
func (c curvePlot) slotX(i int) float64 {
	slot := c.w / float64(c.classes)
	return c.x + slot*(float64(i)+0.5)
}

// countY is the height of a frequency on the vertical axis.
func (c curvePlot) countY(n float64) float64 {
	return c.y + c.h - n/float64(c.yMax)*c.h
}

// countAt reads a frequency back from a height; tests use it to check that
// the curve is drawn where the counts put it.
func (c curvePlot) countAt(y float64) float64 {
	return (c.y + c.h - y) / c.h * float64(c.yMax)
}

// curvePoint is one drawn point of the curve.
type curvePoint struct{ x, y float64 }

// curve draws the figure of the pola distribusi at the current position: the
// caption, the allowed range of each bounded predikat as a shaded band, the
// staff's distribution as a smooth curve through labelled points, the axes,
// a legend and the bounds, warnings and note as text. It returns the plot
// and the points drawn.
func (d *document) curve(ds Distribution) (curvePlot, []curvePoint) {
	p := d.pdf
	const plotH, labelRoom, axisW = 46.0, 12.0, 12.0
	source := orDash(ds.Source)
	var text []field
	if len(ds.Bounds) > 0 {
		text = append(text, field{"Ketentuan " + source + " untuk capaian " + orDash(ds.Capaian), strings.Join(ds.Bounds, "; ") + "."})
	}
	if len(ds.Warnings) > 0 {
		text = append(text, field{"Perhatian", strings.Join(ds.Warnings, "; ") + "."})
	}
	if strings.TrimSpace(ds.Note) != "" {
		text = append(text, field{"Keterangan", ds.Note})
	}
	caption := "Kurva distribusi predikat kinerja pegawai dengan capaian kinerja organisasi " + orDash(ds.Capaian)
	d.ensure(6 + 4 + plotH + labelRoom + 6 + 5*float64(len(text)))

	d.setFont(true, 8.5)
	for _, l := range d.wrap(caption, d.width()) {
		p.SetX(marginLeft)
		p.CellFormat(d.width(), lineHeight(8.5), l, "", 1, "C", false, 0, "")
	}
	d.setFont(false, smallSize)
	p.SetX(marginLeft)
	p.CellFormat(axisW+20, lineHeight(smallSize), d.enc("Jumlah pegawai"), "", 1, "L", false, 0, "")
	top := p.GetY() + 1
	plot := newCurvePlot(ds, marginLeft+axisW, top, d.width()-axisW-2, plotH)
	total := ds.total()
	slot := plot.w / float64(plot.classes)

	// Allowed ranges, behind everything else.
	for i, c := range ds.Classes {
		if !c.bounded() {
			continue
		}
		cx := plot.slotX(i)
		label := boundLabel(c)
		if total > 0 {
			lo, hi := c.allowedCounts(total)
			hi = min(hi, plot.yMax)
			p.SetFillColor(214, 238, 214)
			y1, y0 := plot.countY(float64(hi)), plot.countY(float64(lo))
			if y0-y1 < 0.8 {
				y1 = y0 - 0.8
			}
			p.Rect(cx-slot*0.32, y1, slot*0.64, y0-y1, "F")
			label += " (" + allowedText(lo, hi, c) + ")"
		}
		d.setFont(true, 6.5)
		p.SetTextColor(30, 100, 30)
		p.SetXY(cx-slot/2, plot.y+plot.h+1.5+2*lineHeight(smallSize))
		p.CellFormat(slot, 3, d.enc(label), "", 0, "C", false, 0, "")
		p.SetTextColor(0, 0, 0)
	}

	// Grid and axes.
	d.setFont(false, smallSize)
	p.SetDrawColor(200, 200, 200)
	p.SetLineWidth(0.1)
	for v := 0; v <= plot.yMax; v += plot.step {
		y := plot.countY(float64(v))
		if v > 0 {
			p.Line(plot.x, y, plot.x+plot.w, y)
		}
		p.SetXY(marginLeft, y-1.5)
		p.CellFormat(axisW-1.5, 3, itoa(v), "", 0, "R", false, 0, "")
	}
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.3)
	p.Line(plot.x, plot.y, plot.x, plot.y+plot.h)
	p.Line(plot.x, plot.y+plot.h, plot.x+plot.w, plot.y+plot.h)
	p.SetLineWidth(0.2)
	for i, c := range ds.Classes {
		cx := plot.slotX(i)
		p.Line(cx, plot.y+plot.h, cx, plot.y+plot.h+1)
		d.setFont(true, smallSize)
		for k, l := range d.wrap(c.Label, slot-1) {
			p.SetXY(cx-slot/2, plot.y+plot.h+1.5+float64(k)*lineHeight(smallSize))
			p.CellFormat(slot, lineHeight(smallSize), l, "", 0, "C", false, 0, "")
		}
	}

	// The staff's distribution.
	var points []curvePoint
	if total > 0 {
		for i, c := range ds.Classes {
			points = append(points, curvePoint{plot.slotX(i), plot.countY(float64(max(c.Count, 0)))})
		}
		p.SetDrawColor(25, 60, 150)
		p.SetLineWidth(0.6)
		for i := 0; i+1 < len(points); i++ {
			a, b := points[i], points[i+1]
			before, after := a, b
			if i > 0 {
				before = points[i-1]
			}
			if i+2 < len(points) {
				after = points[i+2]
			}
			clamp := func(y float64) float64 { return math.Min(math.Max(y, plot.y), plot.y+plot.h) }
			c1x, c1y := a.x+(b.x-before.x)/6, clamp(a.y+(b.y-before.y)/6)
			c2x, c2y := b.x-(after.x-a.x)/6, clamp(b.y-(after.y-a.y)/6)
			p.CurveBezierCubic(a.x, a.y, c1x, c1y, c2x, c2y, b.x, b.y, "D")
		}
		p.SetFillColor(25, 60, 150)
		d.setFont(true, smallSize)
		for i, pt := range points {
			p.Circle(pt.x, pt.y, 0.9, "F")
			c := ds.Classes[i]
			p.SetXY(pt.x-slot/2, pt.y-4.2)
			p.CellFormat(slot, 3, d.enc(itoa(c.Count)+" ("+orDash(c.Share)+")"), "", 0, "C", false, 0, "")
		}
		p.SetDrawColor(0, 0, 0)
		p.SetLineWidth(0.2)
	}

	// Legend.
	ly := plot.y + plot.h + labelRoom + 1
	d.setFont(false, smallSize)
	p.SetDrawColor(25, 60, 150)
	p.SetLineWidth(0.6)
	p.Line(plot.x, ly+1.5, plot.x+7, ly+1.5)
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	p.SetXY(plot.x+8, ly)
	legend := "Distribusi pegawai (n = " + itoa(total) + ")"
	if total == 0 {
		legend = "Distribusi pegawai (belum ada predikat)"
	}
	p.CellFormat(65, 3, d.enc(legend), "", 0, "L", false, 0, "")
	p.SetFillColor(214, 238, 214)
	p.Rect(plot.x+75, ly, 7, 3, "F")
	p.SetXY(plot.x+83, ly)
	p.CellFormat(plot.w-83, 3, d.enc("Rentang yang dibolehkan "+source), "", 0, "L", false, 0, "")
	p.SetXY(marginLeft, ly+5)
	if len(text) > 0 {
		d.fields(46, text)
	}
	return plot, points
}

// boundLabel words a class's own bound briefly: "maks. 70%", "min. 60%",
// "tidak boleh ada", "wajib ada".
func boundLabel(c DistributionClass) string {
	var parts []string
	if c.Min > 0 {
		parts = append(parts, "min. "+itoa(c.Min)+"%")
	}
	switch {
	case c.Max <= 0:
		parts = append(parts, "tidak boleh ada")
	case c.Max < 100:
		parts = append(parts, "maks. "+itoa(c.Max)+"%")
	}
	if c.Required && c.Min == 0 {
		parts = append(parts, "wajib ada")
	}
	return strings.Join(parts, ", ")
}

// allowedText words the allowed counts: "≤ 6", "≥ 5", "5–8", "0".
func allowedText(lo, hi int, c DistributionClass) string {
	switch {
	case c.Max <= 0:
		return "0"
	case c.Max >= 100:
		return "≥ " + itoa(lo)
	case lo == 0:
		return "≤ " + itoa(hi)
	}
	return itoa(lo) + "–" + itoa(hi)
}
