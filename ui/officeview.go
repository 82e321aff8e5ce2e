package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// officeView is the office's picture of one period (service.OfficeView):
// progress per unit, the predikat distribution as a bar chart, the pola
// distribusi warnings and, unless compact (Beranda), the staff rated Butuh
// Perbaikan or worse with their follow-up. It loads off the UI goroutine.
type officeView struct {
	u       *App
	compact bool
	view    fyne.CanvasObject

	status   *widget.Label
	progress *fyne.Container
	chart    *barChart
	warnings *fyne.Container
	followUp *fyne.Container

	shown   service.PeriodOverview // the overview on screen
	loaded  bool                   // an overview is on screen
	request int                    // counts loads, so a late result of an older one is dropped
}

func newOfficeView(u *App, compact bool) *officeView {
	o := &officeView{u: u, compact: compact}
	o.status = widget.NewLabel("")
	o.status.Wrapping = fyne.TextWrapWord
	o.progress = container.New(&tableLayout{cols: 6})
	o.chart = newBarChart()
	o.warnings = container.NewVBox()
	o.followUp = container.NewVBox()
	parts := []fyne.CanvasObject{
		o.status,
		section(lang.L("overview.progress"), "", o.progress),
		section(lang.L("overview.distribution"), "", container.NewVBox(o.chart.box, o.warnings)),
	}
	if !compact {
		parts = append(parts, section(lang.L("overview.followup"), lang.L("overview.followup.sub"), o.followUp))
	}
	o.view = container.NewVBox(parts...)
	return o
}

// load reads the office view of periodID off the UI goroutine and shows it.
func (o *officeView) load(periodID string) {
	o.request++
	o.loaded = false
	req := o.request
	o.status.SetText(lang.L("overview.loading"))
	o.status.Importance = widget.MediumImportance
	o.status.Show()
	var v service.PeriodOverview
	var err error
	runAsync(func() {
		v, err = o.u.svc.OfficeView(periodID)
	}, func() {
		if req != o.request {
			return
		}
		if err != nil {
			o.status.Importance = widget.DangerImportance
			o.status.SetText(err.Error())
			return
		}
		o.set(v)
	})
}

// clear shows the message msg in place of an overview.
func (o *officeView) clear(msg string) {
	o.request++
	o.loaded = false
	o.status.Importance = widget.MediumImportance
	o.status.SetText(msg)
	o.status.Show()
	o.progress.RemoveAll()
	o.chart.set(nil)
	o.warnings.RemoveAll()
	o.followUp.RemoveAll()
}

// set shows the overview v; loaded turns true once everything shows it.
func (o *officeView) set(v service.PeriodOverview) {
	o.status.Importance = widget.MediumImportance
	o.status.SetText(lang.L("overview.period", map[string]any{"Period": v.Period.Label(), "Total": v.Total.Total()}))
	o.fillProgress(v)
	o.chart.set(v.Counts)
	o.fillWarnings(v)
	o.fillFollowUp(v)
	o.shown, o.loaded = v, true
}

func (o *officeView) fillProgress(v service.PeriodOverview) {
	o.progress.RemoveAll()
	o.progress.Add(widget.NewLabelWithStyle(lang.L("overview.unit"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, k := range []string{"eval.state.none", "eval.state.draft", "eval.state.submitted", "eval.state.final", "overview.total"} {
		o.progress.Add(widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
	}
	row := func(p service.UnitProgress, bold bool) {
		name := widget.NewLabelWithStyle(p.Unit, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
		name.Truncation = fyne.TextTruncateEllipsis
		if p.Unit == "" {
			name.SetText(lang.L("home.nounit"))
		}
		o.progress.Add(name)
		for _, n := range []int{p.NotStarted, p.Draft, p.Submitted, p.Final, p.Total()} {
			o.progress.Add(widget.NewLabelWithStyle(strconv.Itoa(n), fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold}))
		}
	}
	for _, p := range v.Units {
		row(p, false)
	}
	total := v.Total
	total.Unit = lang.L("overview.office")
	row(total, true)
}

func (o *officeView) fillWarnings(v service.PeriodOverview) {
	o.warnings.RemoveAll()
	msg := func(text string, imp widget.Importance) {
		l := widget.NewLabel(text)
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		o.warnings.Add(l)
	}
	switch {
	case v.Period.Capaian == "":
		msg(lang.L("overview.nocapaian"), widget.MediumImportance)
	case len(v.Warnings) == 0:
		msg(lang.L("overview.pola.ok", map[string]any{"Capaian": v.Period.Capaian.Label()}), widget.SuccessImportance)
	default:
		msg(lang.L("overview.pola.broken", map[string]any{"Capaian": v.Period.Capaian.Label()}), widget.WarningImportance)
		for _, w := range v.Warnings {
			msg("• "+w.Message, widget.WarningImportance)
		}
	}
	if v.HeadName != "" {
		msg(lang.L("overview.headout", map[string]any{"Head": v.HeadName}), widget.MediumImportance)
	}
}

func (o *officeView) fillFollowUp(v service.PeriodOverview) {
	o.followUp.RemoveAll()
	if len(v.NeedsFollowUp) == 0 {
		o.followUp.Add(widget.NewLabel(lang.L("overview.followup.none")))
		return
	}
	for _, f := range v.NeedsFollowUp {
		name := widget.NewLabelWithStyle(f.Employee.Name+" — "+f.Predikat.Label(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		name.Wrapping = fyne.TextWrapWord
		detail := widget.NewLabel(followUpText(f))
		detail.Wrapping = fyne.TextWrapWord
		if len(f.Development) == 0 {
			detail.Importance = widget.WarningImportance
		}
		o.followUp.Add(container.New(layout.NewCustomPaddedVBoxLayout(0), name, detail))
	}
}

// followUpText is the second line of a follow-up entry: unit, state and the
// development follow-up recorded so far.
func followUpText(f service.FollowUpEntry) string {
	parts := []string{f.Employee.Unit, f.State.Label()}
	if len(f.Development) == 0 {
		parts = append(parts, lang.L("overview.followup.empty"))
	}
	for _, d := range f.Development {
		item := d.Need
		if d.Plan != "" {
			item += " (" + d.Plan + ")"
		}
		parts = append(parts, item+": "+d.Status.Label())
	}
	return strings.Join(nonEmpty(parts), " · ")
}

func nonEmpty(in []string) []string {
	var out []string
	for _, s := range in {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// loadCurrentOverview shows in o the office view of the period of the
// office's cadence that contains today, or says it has not been created.
func (o *officeView) loadCurrentOverview() {
	p, stored, err := o.u.svc.CurrentPeriod(o.u.today())
	switch {
	case err != nil:
		o.clear(err.Error())
	case !stored:
		o.clear(lang.L("overview.notcreated", map[string]any{"Period": p.Label()}))
	default:
		o.load(p.ID)
	}
}

// predikatLabels are the chart's row labels, best to worst, spelled as the regulation does.
func predikatLabels() []string {
	out := make([]string, len(data.Predikats))
	for i, p := range data.Predikats {
		out[i] = p.Label()
	}
	return out
}
