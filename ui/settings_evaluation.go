package ui

import (
	"errors"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// evaluationCard is Pengaturan › Penilaian kinerja: the office's periodic
// cadence and the filling deadline in days after a period's end, saved with
// service.SetEvaluationSettings; the pola distribusi is shown with its source
// and is not edited here. Periods already created keep their deadline.
type evaluationCard struct {
	u        *App
	view     fyne.CanvasObject
	settings data.EvaluationSettings
	cadence  *widget.Select
	deadline *widget.Entry
	fields   map[string]*field
	source   *widget.Label
	saved    *widget.Label
}

func newEvaluationCard(u *App) *evaluationCard {
	c := &evaluationCard{u: u}
	labels := make([]string, len(data.Cadences()))
	for i, k := range data.Cadences() {
		labels[i] = k.Label()
	}
	c.cadence = newSelect(labels, func(string) { c.saved.Hide() })
	c.deadline = widget.NewEntry()
	c.deadline.OnChanged = func(string) { c.saved.Hide() }
	c.fields = map[string]*field{
		data.FieldCadence:      newField(c.cadence),
		data.FieldDeadlineDays: newField(c.deadline),
	}
	c.source = widget.NewLabel("")
	c.source.Wrapping = fyne.TextWrapWord
	c.saved = widget.NewLabel(lang.L("settings.evaluation.saved"))
	c.saved.Importance = widget.SuccessImportance
	c.saved.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("settings.evaluation.cadence"), c.fields[data.FieldCadence].box),
		widget.NewFormItem(lang.L("settings.evaluation.deadline"), c.fields[data.FieldDeadlineDays].box),
	)
	save := newSaveButton(lang.L("button.save"), c.save)
	c.view = section(lang.L("settings.evaluation"), lang.L("settings.evaluation.sub"),
		container.NewVBox(form, c.source, saveBar(save), c.saved))
	return c
}

// refresh shows the stored settings (the defaults until first saved).
func (c *evaluationCard) refresh() {
	set, err := c.u.svc.EvaluationSettings()
	if err != nil {
		c.u.showError(err)
		return
	}
	c.settings = set
	c.cadence.SetSelected(set.Cadence.Label())
	c.deadline.SetText(strconv.Itoa(set.DeadlineDays))
	c.source.SetText(lang.L("settings.evaluation.source", map[string]any{"Source": set.Distribution.Source}))
	for _, f := range c.fields {
		f.show(nil, nil)
	}
	c.saved.Hide()
}

// save checks the deadline and stores the chosen cadence and deadline,
// keeping the other evaluation settings as they are.
func (c *evaluationCard) save() {
	c.saved.Hide()
	for _, f := range c.fields {
		f.show(nil, nil)
	}
	days, ok := data.ParseDeadlineDays(c.deadline.Text)
	if !ok {
		c.fields[data.FieldDeadlineDays].show([]string{lang.L("settings.evaluation.deadline.invalid", map[string]any{"Max": data.MaxDeadlineDays})}, nil)
		return
	}
	set := c.settings
	set.Cadence = ""
	for _, k := range data.Cadences() {
		if k.Label() == c.cadence.Selected {
			set.Cadence = k
		}
	}
	set.DeadlineDays = days
	err := c.u.svc.SetEvaluationSettings(set)
	var ve *data.ValidationError
	switch {
	case errors.As(err, &ve):
		for name, f := range c.fields {
			f.show(problemsOf(ve.Problems, name))
		}
		return
	case err != nil:
		c.u.showError(err)
		return
	}
	c.settings = set
	c.saved.Show()
}
