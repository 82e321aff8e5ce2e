package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// evaluationScreen is Kinerja › Evaluasi Kinerja: pick a period and a unit,
// see its evaluated staff with state and predikat, and evaluate them one
// after the other in an evaluationForm; Sebelumnya/Berikutnya keep the period
// and unit, so a section head evaluates a whole unit in one sitting.
type evaluationScreen struct {
	u    *App
	view fyne.CanvasObject

	periods   []data.EvaluationPeriod
	units     []data.Unit
	periodSel *widget.Select
	unitSel   *widget.Select
	rows      []service.EvaluationRow // the period's rows
	shown     []service.EvaluationRow // those of the chosen unit
	list      *widget.List
	form      *evaluationForm
	formBox   *fyne.Container
	prev      *widget.Button
	next      *widget.Button
	place     *widget.Label

	periodID string
	unitID   uint64 // 0: every unit
	staffID  uint64 // the person open
	filling  bool   // the selects are being set from the store
	loading  bool   // the period's list is being read
	request  int    // counts list loads, so a late result of an older one is dropped
}

func newEvaluationScreen(u *App) *evaluationScreen {
	s := &evaluationScreen{u: u}
	s.periodSel = newSelect(nil, func(string) { s.pickPeriod() })
	s.unitSel = newSelect(nil, func(string) { s.pickUnit() })
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		newTwoLineRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(s.shown) {
				return
			}
			row := o.(*fyne.Container).Objects
			row[0].(*widget.Label).SetText(s.shown[i].Employee.Name)
			row[1].(*widget.Label).SetText(rowStatus(s.shown[i]))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.shown) && s.shown[i].Staff.ID != s.staffID {
			s.open(s.shown[i].Staff.ID)
		}
	}
	s.prev = widget.NewButtonWithIcon(lang.L("eval.prev"), theme.NavigateBackIcon(), func() { s.step(-1) })
	s.next = widget.NewButtonWithIcon(lang.L("eval.next"), theme.NavigateNextIcon(), func() { s.step(1) })
	s.next.IconPlacement = widget.ButtonIconTrailingText
	s.place = widget.NewLabel("")
	s.formBox = container.NewStack()

	pickers := container.NewGridWithColumns(2,
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("eval.period")), nil, s.periodSel),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("eval.unit")), nil, s.unitSel),
	)
	split := container.NewHSplit(container.New(fixedWidth{180}, s.list), s.formBox)
	split.Offset = 0.24
	s.view = container.NewPadded(container.NewBorder(pickers, nil, nil, nil, split))
	return s
}

// stateText is the list's word for an evaluation's state: "Belum dimulai"
// for one not stored yet, else Draf / Diajukan / Ditetapkan.
func stateText(stored bool, e data.Evaluation) string {
	if !stored {
		return lang.L("eval.state.none")
	}
	return e.State.Label()
}

// rowStatus is the second line of a list row: state, predikat, revision.
func rowStatus(r service.EvaluationRow) string {
	s := stateText(r.Stored, r.Evaluation)
	if p := r.Evaluation.Predikat.Label(); p != "" && r.Stored {
		s += " · " + p
	}
	if r.Evaluation.Revision > 0 {
		s += " · " + lang.L("eval.revision", map[string]any{"N": r.Evaluation.Revision})
	}
	return s
}

// reload reads periods and units and shows the chosen period and unit again
// (the current period by default) with the person open; what was typed into
// the evaluation open before is saved first.
func (s *evaluationScreen) reload() {
	if f := s.form; f != nil && f.dirty {
		s.autosave(f)
	}
	periods, err := s.u.svc.Periods()
	if err != nil {
		s.u.showError(err)
		return
	}
	units, err := s.u.svc.Units()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.periods, s.units = periods, units
	if s.periodID == "" {
		if p, stored, err := s.u.svc.CurrentPeriod(s.u.today()); err == nil && stored {
			s.periodID = p.ID
		} else if len(periods) > 0 {
			s.periodID = periods[len(periods)-1].ID
		}
	}
	s.filling = true
	popts := make([]string, len(periods))
	ppick := -1
	for i, p := range periods {
		popts[i] = p.Label()
		if p.ID == s.periodID {
			ppick = i
		}
	}
	s.periodSel.SetOptions(popts)
	if ppick >= 0 {
		s.periodSel.SetSelectedIndex(ppick)
	}
	uopts := []string{lang.L("staff.unit.all")}
	upick := 0
	for i, un := range units {
		uopts = append(uopts, un.Name)
		if un.ID == s.unitID {
			upick = i + 1
		}
	}
	s.unitSel.SetOptions(uopts)
	s.unitSel.SetSelectedIndex(upick)
	s.filling = false
	s.loadRows()
}

func (s *evaluationScreen) pickPeriod() {
	if i := s.periodSel.SelectedIndex(); !s.filling && i >= 0 && i < len(s.periods) && s.periods[i].ID != s.periodID {
		if f := s.form; f != nil && f.dirty && !s.autosave(f) {
			s.filling = true
			s.periodSel.SetSelected(f.v.Period.Label())
			s.filling = false
			return
		}
		s.periodID = s.periods[i].ID
		s.loadRows()
	}
}

func (s *evaluationScreen) pickUnit() {
	if s.filling {
		return
	}
	s.unitID = 0
	if i := s.unitSel.SelectedIndex(); i > 0 && i-1 < len(s.units) {
		s.unitID = s.units[i-1].ID
	}
	s.applyUnit()
}

// loadRows reads the period's evaluations off the UI goroutine (a large
// office takes a moment) and then shows the chosen unit's.
func (s *evaluationScreen) loadRows() {
	s.request++
	req, periodID := s.request, s.periodID
	s.rows = nil
	if periodID == "" {
		s.applyUnit()
		return
	}
	s.loading = true
	s.place.SetText(lang.L("overview.loading"))
	s.formBox.Objects = []fyne.CanvasObject{container.NewPadded(widget.NewLabel(lang.L("overview.loading")))}
	s.formBox.Refresh()
	var rows []service.EvaluationRow
	var err error
	runAsync(func() {
		rows, err = s.u.svc.EvaluationList(periodID)
	}, func() {
		if req != s.request {
			return
		}
		if err != nil {
			s.u.showError(err)
		}
		s.rows = rows
		s.applyUnit()
		s.loading = false
	})
}

// applyUnit filters the rows by unit and opens the person still shown, else the first.
func (s *evaluationScreen) applyUnit() {
	s.shown = nil
	for _, r := range s.rows {
		if s.unitID == 0 || r.UnitID == s.unitID {
			s.shown = append(s.shown, r)
		}
	}
	s.list.UnselectAll()
	s.list.Refresh()
	if i := s.index(s.staffID); i >= 0 {
		s.open(s.staffID)
		return
	}
	if len(s.shown) > 0 {
		s.open(s.shown[0].Staff.ID)
		return
	}
	s.staffID, s.form = 0, nil
	msg := lang.L("eval.empty")
	if s.periodID == "" {
		msg = lang.L("eval.noperiod")
	}
	s.formBox.Objects = []fyne.CanvasObject{container.NewPadded(widget.NewLabel(msg))}
	s.formBox.Refresh()
	s.setPlace()
}

func (s *evaluationScreen) index(staffID uint64) int {
	for i, r := range s.shown {
		if r.Staff.ID == staffID {
			return i
		}
	}
	return -1
}

// open shows the evaluation of staffID for the chosen period. Changes typed
// into the evaluation shown are saved first; when they cannot be saved it
// stays, with the reason under the form.
func (s *evaluationScreen) open(staffID uint64) {
	if f := s.form; f != nil && f.dirty && f.v.Staff.ID != staffID && f.v.Period.ID == s.periodID && !s.autosave(f) {
		if i := s.index(f.v.Staff.ID); i >= 0 {
			s.list.Select(i)
		}
		return
	}
	v, err := s.u.svc.EvaluationFor(s.periodID, staffID)
	if err != nil {
		s.u.showError(err)
		return
	}
	// The same person shown again (after Simpan, Ajukan…) stays where the
	// user was: the scroll offset, and the field typed in last.
	var place *formPlace
	if f := s.form; f != nil && f.v.Staff.ID == staffID && f.v.Period.ID == s.periodID {
		p := f.place()
		place = &p
	}
	s.staffID = staffID
	s.form = newEvaluationForm(s, v)
	s.formBox.Objects = []fyne.CanvasObject{s.form.view}
	s.formBox.Refresh()
	if place != nil {
		s.form.restore(*place)
	}
	if i := s.index(staffID); i >= 0 {
		s.list.Select(i)
		s.list.ScrollTo(i)
	}
	s.setPlace()
}

// step opens the previous (-1) or next (+1) person of the unit.
func (s *evaluationScreen) step(d int) {
	i := s.index(s.staffID) + d
	if i >= 0 && i < len(s.shown) {
		s.open(s.shown[i].Staff.ID)
	}
}

func (s *evaluationScreen) setPlace() {
	i := s.index(s.staffID)
	s.place.SetText(lang.L("eval.place", map[string]any{"N": i + 1, "Total": len(s.shown)}))
	if i <= 0 {
		s.prev.Disable()
	} else {
		s.prev.Enable()
	}
	if i < 0 || i >= len(s.shown)-1 {
		s.next.Disable()
	} else {
		s.next.Enable()
	}
}

// changed re-reads the open person's row after their evaluation was
// changed, keeping the period, unit and person, and shows it again.
func (s *evaluationScreen) changed() {
	for i, r := range s.rows {
		if r.Staff.ID != s.staffID {
			continue
		}
		v, err := s.u.svc.EvaluationFor(s.periodID, s.staffID)
		if err != nil {
			s.u.showError(err)
			break
		}
		s.rows[i].Evaluation, s.rows[i].Stored = v.Evaluation, v.Stored
		s.rows[i].Employee, s.rows[i].Rater = v.Identities.Employee, v.Identities.Rater
	}
	s.applyUnit()
}

// autosave stores what was typed into f before another person, period or
// screen is shown, and updates that person's row in the list, so the list
// says "Draf" as soon as the draft exists. It reports whether the save worked.
func (s *evaluationScreen) autosave(f *evaluationForm) bool {
	if !f.store() {
		return false
	}
	f.dirty = false
	s.refreshRow(f.v.Period.ID, f.v.Staff.ID)
	return true
}

// refreshRow re-reads the evaluation of staffID in periodID and redraws its
// row, leaving the rest of the list as it is.
func (s *evaluationScreen) refreshRow(periodID string, staffID uint64) {
	if periodID != s.periodID {
		return
	}
	v, err := s.u.svc.EvaluationFor(periodID, staffID)
	if err != nil {
		s.u.showError(err)
		return
	}
	update := func(r *service.EvaluationRow) {
		r.Evaluation, r.Stored = v.Evaluation, v.Stored
		r.Employee, r.Rater = v.Identities.Employee, v.Identities.Rater
	}
	for i := range s.rows {
		if s.rows[i].Staff.ID == staffID {
			update(&s.rows[i])
		}
	}
	if i := s.index(staffID); i >= 0 {
		update(&s.shown[i])
		s.list.RefreshItem(i)
	}
}
