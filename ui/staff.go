package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// staffScreen is Pegawai: the register with live search, filters by unit,
// kind and status, sorting, and the selected person's record beside it.
type staffScreen struct {
	u    *App
	view fyne.CanvasObject

	all   []data.Staff
	units []data.Unit
	shown []data.Staff

	search                      *widget.Entry
	unitFilter                  *unitPicker
	kindSel, statusSel, sortSel *widget.Select
	list                        *widget.List
	count                       *widget.Label
	detail                      *staffDetail
	selectedID                  uint64
	changed                     uint64        // the record saved last, whose row alone is redrawn
	loadRequest                 int           // counts reloads, so a late result of an older one is dropped
	request                     int           // counts filterings, likewise
	reloading                   bool          // the register is being read
	pending                     uint64        // the record to select once it is read
	form                        *staffForm    // the form opened last
	events                      *eventDialog  // the history dialog opened last
	importer                    *importWizard // the import wizard opened last
}

// The choices of the status and sort selects, in display order.
var (
	statusChoices = []data.StatusFilter{data.StatusActive, data.StatusLeft, data.StatusAll}
	statusKeys    = []string{"staff.status.active", "staff.status.left", "staff.status.all"}
	sortChoices   = []data.SortKey{data.SortByName, data.SortByNIP, data.SortByRank, data.SortByUnit}
	sortKeys      = []string{"staff.sort.name", "staff.sort.nip", "staff.sort.rank", "staff.sort.unit"}
)

func newStaffScreen(u *App) *staffScreen {
	s := &staffScreen{u: u}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("staff.search"))
	s.search.OnChanged = func(string) { s.apply() }
	s.unitFilter = newUnitPicker(s.apply)
	s.kindSel = newSelect(kindChoices(), func(string) { s.apply() })
	s.kindSel.SetSelectedIndex(0)
	s.statusSel = newSelect(translateAll(statusKeys), func(string) { s.apply() })
	s.statusSel.SetSelectedIndex(0)
	s.sortSel = newSelect(translateAll(sortKeys), func(string) { s.apply() })
	s.sortSel.SetSelectedIndex(0)
	s.count = widget.NewLabel("")
	s.list = widget.NewList(
		func() int { return len(s.shown) },
		newTwoLineRow,
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(s.shown) {
				return
			}
			row := o.(*fyne.Container).Objects
			row[0].(*widget.Label).SetText(s.shown[i].DisplayName())
			row[1].(*widget.Label).SetText(s.rowSummary(s.shown[i]))
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.shown) {
			s.selectedID = s.shown[i].ID
			s.detail.setStaff(s.shown[i])
		}
	}
	s.detail = newStaffDetail(s)

	add := widget.NewButtonWithIcon(lang.L("staff.add"), theme.ContentAddIcon(), func() { s.openForm(nil) })
	add.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("staff.import"), theme.UploadIcon(), u.importStaff)
	exp := widget.NewButtonWithIcon(lang.L("staff.export"), theme.DownloadIcon(), u.exportStaff)
	filters := container.NewGridWithColumns(2, s.unitFilter.sel, s.kindSel, s.statusSel, s.sortSel)
	top := container.NewVBox(container.NewHBox(add, imp, exp), s.search, filters)
	left := container.NewBorder(top, s.count, nil, nil, s.list)
	split := container.NewHSplit(left, s.detail.view)
	split.Offset = 0.45
	s.view = container.NewPadded(split)
	return s
}

// reload reads the register and the units from the store off the UI
// goroutine and shows them.
func (s *staffScreen) reload() { s.reloadThen(nil) }

// reloadThen reloads, then runs done (when not nil) once the list shows the
// register just read.
func (s *staffScreen) reloadThen(done func()) {
	s.loadRequest++
	req, svc := s.loadRequest, s.u.svc
	var (
		all   []data.Staff
		units []data.Unit
		err   error
	)
	s.reloading = true
	runAsync(func() {
		if all, err = svc.AllStaff(); err == nil {
			units, err = svc.Units()
		}
	}, func() {
		if req != s.loadRequest {
			return // a later reload is under way
		}
		s.reloading = false
		if err != nil {
			s.u.showError(err)
			return
		}
		s.all, s.units = all, units
		s.unitFilter.load(units)
		if id := s.pending; id != 0 {
			s.pending = 0
			s.selectID(id)
			return
		}
		s.applyThen(done)
	})
}

// currentFilter reads the search field and the selects.
func (s *staffScreen) currentFilter() (data.StaffFilter, data.SortKey) {
	f := data.StaffFilter{Query: s.search.Text}
	f.UnitID = s.unitFilter.id()
	if i := s.kindSel.SelectedIndex(); i > 0 && i-1 < len(data.Kinds) {
		f.Kind = data.Kinds[i-1]
	}
	if i := s.statusSel.SelectedIndex(); i >= 0 {
		f.Status = statusChoices[i]
	}
	key := data.SortByName
	if i := s.sortSel.SelectedIndex(); i >= 0 {
		key = sortChoices[i]
	}
	return f, key
}

// apply filters and sorts the register into the list, keeping the selection when it is still shown.
func (s *staffScreen) apply() { s.applyThen(nil) }

// applyThen filters and sorts the register off the UI goroutine (a keystroke
// in the search field never waits for 2,000 records), shows the result and
// then runs done when not nil. A result overtaken by a later keystroke is
// dropped. s.all is only ever replaced, never changed in place, so the work
// reads it safely.
func (s *staffScreen) applyThen(done func()) {
	if s.list == nil || s.detail == nil {
		return
	}
	s.request++
	req := s.request
	f, key := s.currentFilter()
	all, units := s.all, s.units
	var shown []data.Staff
	runAsync(func() {
		shown = data.FilterStaff(all, f)
		data.SortStaff(shown, key, units)
	}, func() {
		if req != s.request {
			return
		}
		s.show(shown)
		if done != nil {
			done()
		}
	})
}

// show puts shown in the list. When the same people are listed in the same
// order (a keystroke that changed nothing, one record saved) only the changed
// row is redrawn; otherwise the list is refreshed, which redraws the visible
// rows only.
func (s *staffScreen) show(shown []data.Staff) {
	same := len(shown) == len(s.shown)
	for i := 0; same && i < len(shown); i++ {
		same = shown[i].ID == s.shown[i].ID
	}
	s.shown = shown
	s.count.SetText(lang.L("staff.count", map[string]any{"N": len(s.shown), "Total": len(s.all)}))
	changed := s.changed
	s.changed = 0
	i := slices.IndexFunc(s.shown, func(st data.Staff) bool { return st.ID == s.selectedID })
	if same {
		if j := slices.IndexFunc(s.shown, func(st data.Staff) bool { return st.ID == changed }); j >= 0 {
			s.list.RefreshItem(j)
		}
		if i >= 0 {
			s.detail.setStaff(s.shown[i])
			s.list.Select(i) // no-op when already selected
			return
		}
	} else {
		s.list.UnselectAll()
		s.list.Refresh()
		if i >= 0 {
			s.list.Select(i)
			return
		}
	}
	if i := slices.IndexFunc(s.all, func(st data.Staff) bool { return st.ID == s.selectedID }); i >= 0 {
		s.detail.setStaff(s.all[i])
		return
	}
	s.detail.clear()
}

// saved puts the record st, just saved, in place of its old version (or
// adds it), redraws its row only when the list order stays the same, and
// selects it.
func (s *staffScreen) saved(st data.Staff) {
	all := slices.Clone(s.all) // the running filter work may read the old slice
	if i := slices.IndexFunc(all, func(x data.Staff) bool { return x.ID == st.ID }); i >= 0 {
		all[i] = st
	} else {
		all = append(all, st)
	}
	s.all, s.changed = all, st.ID
	s.selectID(st.ID)
}

// selectID shows the record of staff id, clearing the search and filters that hide it.
// While the register is being read it waits for it.
func (s *staffScreen) selectID(id uint64) {
	s.selectedID = id
	if s.reloading {
		s.pending = id
		return
	}
	s.applyThen(func() {
		if !slices.ContainsFunc(s.shown, func(st data.Staff) bool { return st.ID == id }) {
			s.search.SetText("")
			s.unitFilter.sel.SetSelectedIndex(0)
			s.kindSel.SetSelectedIndex(0)
			s.statusSel.SetSelectedIndex(len(statusChoices) - 1)
		}
	})
}

// openForm opens the staff form: empty for nil, else for the staff member given.
func (s *staffScreen) openForm(st *data.Staff) {
	orig := data.Staff{}
	if st != nil {
		orig = *st
	}
	s.form = newStaffForm(s.u, orig, s.units, func(saved data.Staff) {
		s.saved(saved)
		s.u.home.refresh()
	})
	s.form.show()
}

// rowSummary is the second line of a list row: identifier, rank, unit and status.
func (s *staffScreen) rowSummary(st data.Staff) string {
	sit := st.Current()
	parts := []string{identifierText(st)}
	if sit.Rank != "" {
		parts = append(parts, sit.Rank)
	}
	if name := data.UnitName(s.units, sit.UnitID); name != "" {
		parts = append(parts, name)
	}
	if !sit.Active {
		parts = append(parts, lang.L("staff.inactive"))
	}
	return strings.Join(parts, " · ")
}

// identifierText is the grouped NIP, else the NIK, else a dash.
func identifierText(st data.Staff) string {
	switch {
	case st.NIP != "":
		return data.FormatNIP(st.NIP)
	case st.NIK != "":
		return st.NIK
	}
	return "—"
}

// kindChoices is "all kinds" followed by every kind.
func kindChoices() []string {
	out := []string{lang.L("staff.kind.all")}
	for _, k := range data.Kinds {
		out = append(out, string(k))
	}
	return out
}

func translateAll(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}
