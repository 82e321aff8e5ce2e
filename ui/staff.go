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

// reload reads the register and the units from the store and shows them.
func (s *staffScreen) reload() {
	all, err := s.u.svc.AllStaff()
	if err != nil {
		s.u.showError(err)
		return
	}
	units, err := s.u.svc.Units()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.all, s.units = all, units
	s.unitFilter.load(units)
	s.apply()
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
func (s *staffScreen) apply() {
	if s.list == nil || s.detail == nil {
		return
	}
	f, key := s.currentFilter()
	s.shown = data.FilterStaff(s.all, f)
	data.SortStaff(s.shown, key, s.units)
	s.count.SetText(lang.L("staff.count", map[string]any{"N": len(s.shown), "Total": len(s.all)}))
	s.list.UnselectAll()
	s.list.Refresh()
	if i := slices.IndexFunc(s.shown, func(st data.Staff) bool { return st.ID == s.selectedID }); i >= 0 {
		s.list.Select(i)
		return
	}
	if i := slices.IndexFunc(s.all, func(st data.Staff) bool { return st.ID == s.selectedID }); i >= 0 {
		s.detail.setStaff(s.all[i])
		return
	}
	s.detail.clear()
}

// selectID shows the record of staff id, clearing the search and filters that hide it.
func (s *staffScreen) selectID(id uint64) {
	s.selectedID = id
	s.apply()
	if !slices.ContainsFunc(s.shown, func(st data.Staff) bool { return st.ID == id }) {
		s.search.SetText("")
		s.unitFilter.sel.SetSelectedIndex(0)
		s.kindSel.SetSelectedIndex(0)
		s.statusSel.SetSelectedIndex(len(statusChoices) - 1)
	}
}

// openForm opens the staff form: empty for nil, else for the staff member given.
func (s *staffScreen) openForm(st *data.Staff) {
	orig := data.Staff{}
	if st != nil {
		orig = *st
	}
	s.form = newStaffForm(s.u, orig, s.units, func(saved data.Staff) {
		s.reload()
		s.selectID(saved.ID)
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
