package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// skpScreen is Kinerja › SKP: find an evaluated staff member, see their SKPs,
// and edit one in an skpForm; copy from last year or from a colleague with
// the same position, save as or apply the position's template.
type skpScreen struct {
	u    *App
	view fyne.CanvasObject

	staff     []data.Staff // evaluated staff active today, by name
	shown     []data.Staff // those matching the search
	search    *widget.Entry
	staffList *widget.List
	skps      []data.SKP
	list      *widget.List
	form      *skpForm
	formBox   *fyne.Container
	status    *widget.Label

	newSKP, copyLast, copyColleague, applyTemplate *widget.Button
	save, saveTemplate                             *widget.Button
	staffID, skpID                                 uint64
}

func newSKPScreen(u *App) *skpScreen {
	s := &skpScreen{u: u}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(lang.L("skp.search"))
	s.search.OnChanged = func(string) { s.filter() }
	s.staffList = widget.NewList(
		func() int { return len(s.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(s.shown) {
				o.(*widget.Label).SetText(s.shown[i].DisplayName())
			}
		},
	)
	s.staffList.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.shown) {
			s.pickStaff(s.shown[i].ID)
		}
	}
	s.list = widget.NewList(
		func() int { return len(s.skps) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= 0 && i < len(s.skps) {
				o.(*widget.Label).SetText(skpSummary(s.skps[i]))
			}
		},
	)
	s.list.OnSelected = func(i widget.ListItemID) {
		if i >= 0 && i < len(s.skps) && s.skps[i].ID != s.skpID {
			s.edit(s.skps[i])
		}
	}
	s.status = widget.NewLabel("")
	s.status.Wrapping = fyne.TextWrapWord
	s.newSKP = widget.NewButtonWithIcon(lang.L("skp.new"), theme.ContentAddIcon(), s.startNew)
	s.copyLast = widget.NewButtonWithIcon(lang.L("skp.copy.lastyear"), theme.ContentCopyIcon(), s.copyFromLastYear)
	s.copyColleague = widget.NewButtonWithIcon(lang.L("skp.copy.colleague"), theme.ContentCopyIcon(), s.copyFromColleague)
	s.applyTemplate = widget.NewButtonWithIcon(lang.L("skp.template.apply"), theme.DocumentIcon(), s.applyPositionTemplate)
	s.save = widget.NewButtonWithIcon(lang.L("button.save"), theme.DocumentSaveIcon(), s.saveSKP)
	s.save.Importance = widget.HighImportance
	s.saveTemplate = widget.NewButtonWithIcon(lang.L("skp.template.save"), theme.DocumentSaveIcon(), s.saveAsTemplate)
	s.formBox = container.NewStack()

	top := container.NewHBox(s.newSKP, s.copyLast, s.copyColleague, s.applyTemplate)
	skpList := container.NewBorder(widget.NewLabelWithStyle(lang.L("skp.list"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), nil, nil, nil, s.list)
	lists := container.NewVSplit(s.staffList, skpList)
	lists.Offset = 0.65
	left := container.NewBorder(s.search, nil, nil, nil, lists)
	right := container.NewBorder(nil, container.NewVBox(s.status, container.NewHBox(s.save, s.saveTemplate)), nil, nil,
		container.NewVScroll(container.NewPadded(s.formBox)))
	split := container.NewHSplit(left, right)
	split.Offset = 0.25
	s.view = container.NewPadded(container.NewBorder(top, nil, nil, nil, split))
	s.setButtons()
	return s
}

// skpSummary is an SKP's row in the list: dates and position.
func skpSummary(k data.SKP) string {
	return k.Start.Slash() + "–" + k.End.Slash() + " · " + k.Position
}

// reload reads the evaluated staff and shows the chosen person's SKPs again.
func (s *skpScreen) reload() {
	all, err := s.u.svc.AllStaff()
	if err != nil {
		s.u.showError(err)
		return
	}
	today := s.u.today()
	s.staff = evaluatedStaff(all, today)
	s.filter()
	s.loadSKPs()
}

// filter shows the staff whose name, NIP or position contains the search text.
func (s *skpScreen) filter() {
	q := normPosition(s.search.Text)
	s.shown = nil
	for _, st := range s.staff {
		hay := normPosition(st.DisplayName() + " " + st.NIP + " " + st.Current().Position)
		if strings.Contains(hay, q) || strings.Contains(st.NIP, strings.ReplaceAll(q, " ", "")) {
			s.shown = append(s.shown, st)
		}
	}
	s.staffList.UnselectAll()
	s.staffList.Refresh()
	for i, st := range s.shown {
		if st.ID == s.staffID {
			s.staffList.Select(i)
		}
	}
}

// evaluatedStaff returns the staff evaluated here (ASN) active on day, by name.
func evaluatedStaff(all []data.Staff, day data.Date) []data.Staff {
	var out []data.Staff
	for _, st := range all {
		if st.Kind.Evaluated() && st.At(day).Active {
			out = append(out, st)
		}
	}
	data.SortStaff(out, data.SortByName, nil)
	return out
}

// staffOption is how a staff member is offered in a select: name and NIP.
func staffOption(st data.Staff) string { return st.DisplayName() + " — " + identifierText(st) }

func (s *skpScreen) pickStaff(id uint64) {
	if id == s.staffID {
		return
	}
	s.staffID, s.skpID = id, 0
	s.loadSKPs()
}

// loadSKPs lists the chosen person's SKPs and edits the one for today (or the latest).
func (s *skpScreen) loadSKPs() {
	s.skps = nil
	if s.staffID != 0 {
		list, err := s.u.svc.SKPsOf(s.staffID)
		if err != nil {
			s.u.showError(err)
		}
		s.skps = list
	}
	s.list.UnselectAll()
	s.list.Refresh()
	pick := -1
	for i, k := range s.skps {
		if k.ID == s.skpID || s.skpID == 0 && !k.Start.After(s.u.today()) {
			pick = i
		}
	}
	switch {
	case pick >= 0:
		s.edit(s.skps[pick])
		s.list.Select(pick)
	case s.staffID != 0:
		s.startNew()
	default:
		s.form = nil
		s.formBox.Objects = []fyne.CanvasObject{widget.NewLabel(lang.L("skp.pickstaff"))}
		s.formBox.Refresh()
	}
	s.setButtons()
}

// person returns the chosen staff member.
func (s *skpScreen) person() (data.Staff, bool) {
	for _, st := range s.staff {
		if st.ID == s.staffID {
			return st, true
		}
	}
	return data.Staff{}, false
}

// edit shows k in a new form.
func (s *skpScreen) edit(k data.SKP) {
	s.skpID = k.ID
	s.form = newSKPForm(k)
	s.formBox.Objects = []fyne.CanvasObject{s.form.view}
	s.formBox.Refresh()
	s.status.SetText("")
	s.setButtons()
}

// startNew opens an empty SKP for this year in the person's current post.
func (s *skpScreen) startNew() {
	st, ok := s.person()
	if !ok {
		return
	}
	year := s.u.today().Year()
	start, end := data.NewDate(year, time.January, 1), data.NewDate(year, time.December, 31)
	if first := st.StartDate(); first.After(start) && !first.After(end) {
		start = first
	}
	sit := st.At(s.u.today())
	s.list.UnselectAll()
	s.edit(data.SKP{StaffID: st.ID, Start: start, End: end, Position: sit.Position, UnitID: sit.UnitID,
		Approach: data.ApproachKuantitatif, Rows: []data.HasilKerja{{Kind: data.HasilUtama}}})
}

func (s *skpScreen) setButtons() {
	for _, b := range []*widget.Button{s.newSKP, s.copyLast, s.copyColleague, s.applyTemplate} {
		if s.staffID == 0 {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	for _, b := range []*widget.Button{s.save, s.saveTemplate} {
		if s.form == nil {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

// saveSKP validates and stores the SKP in the form.
func (s *skpScreen) saveSKP() {
	if s.form == nil {
		return
	}
	s.form.showAll = true
	k, ok := s.form.check()
	if !ok {
		s.status.Importance = widget.DangerImportance
		s.status.SetText(lang.L("skp.fix"))
		return
	}
	saved, err := s.u.svc.SaveSKP(k)
	if err != nil {
		s.status.Importance = widget.DangerImportance
		s.status.SetText(err.Error())
		return
	}
	s.skpID = saved.ID
	s.loadSKPs()
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("skp.saved", map[string]any{"Position": saved.Position}))
}

// saveAsTemplate stores the form's SKP as the template of its position.
func (s *skpScreen) saveAsTemplate() {
	if s.form == nil {
		return
	}
	k, _ := s.form.skp()
	k.ID = 0
	if strings.TrimSpace(k.Position) == "" || len(k.Rows) == 0 {
		s.status.Importance = widget.DangerImportance
		s.status.SetText(lang.L("skp.template.empty"))
		return
	}
	t, err := s.u.svc.SaveSKPTemplate(k)
	if err != nil {
		s.u.showError(err)
		return
	}
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("skp.template.saved", map[string]any{"Position": t.Position}))
}

// made shows the SKP a copy made, or the error.
func (s *skpScreen) made(k data.SKP, err error) {
	if err != nil {
		s.u.showError(err)
		return
	}
	s.skpID = k.ID
	s.loadSKPs()
	s.status.Importance = widget.SuccessImportance
	s.status.SetText(lang.L("skp.copied", map[string]any{"Start": k.Start.Slash(), "End": k.End.Slash()}))
}

func (s *skpScreen) copyFromLastYear() {
	s.made(s.u.svc.CopySKPFromLastYear(s.staffID, s.u.today().Year()))
}

func (s *skpScreen) applyPositionTemplate() {
	s.made(s.u.svc.ApplySKPTemplate(s.staffID, s.u.today().Year()))
}

// copyFromColleague offers the SKPs of this year's colleagues in the same
// position and copies the one chosen.
func (s *skpScreen) copyFromColleague() {
	me, ok := s.person()
	if !ok {
		return
	}
	all, err := s.u.svc.SKPs()
	if err != nil {
		s.u.showError(err)
		return
	}
	names := map[uint64]string{}
	for _, st := range s.staff {
		names[st.ID] = st.DisplayName()
	}
	position := normPosition(me.At(s.u.today()).Position)
	var choices []data.SKP
	var opts []string
	for _, k := range all {
		if k.IsTemplate() || k.StaffID == me.ID || k.Start.Year() != s.u.today().Year() || normPosition(k.Position) != position {
			continue
		}
		choices = append(choices, k)
		opts = append(opts, fmt.Sprintf("%s · %s", names[k.StaffID], skpSummary(k)))
	}
	if len(choices) == 0 {
		dialog.ShowInformation(lang.L("skp.copy.colleague"), lang.L("skp.copy.nocolleague", map[string]any{"Position": me.At(s.u.today()).Position}), s.u.win)
		return
	}
	pick := newSelect(opts, nil)
	pick.SetSelectedIndex(0)
	d := dialog.NewCustomConfirm(lang.L("skp.copy.colleague"), lang.L("skp.copy.ok"), lang.L("button.cancel"), pick, func(ok bool) {
		if i := pick.SelectedIndex(); ok && i >= 0 && i < len(choices) {
			s.made(s.u.svc.CopySKPFromColleague(choices[i].ID, me.ID))
		}
	}, s.u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// normPosition compares positions ignoring case and spacing, as the service does.
func normPosition(p string) string { return strings.ToLower(strings.Join(strings.Fields(p), " ")) }
