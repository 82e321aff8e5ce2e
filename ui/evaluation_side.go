package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
)

// evaluationSide is the column beside an evaluation: the attendance for the
// period, the rater and atasan (with the Plt/Plh override), and the earlier
// final versions (revisions).
type evaluationSide struct {
	view       fyne.CanvasObject
	attendance *widget.Label
	revisions  *widget.Label
}

// sideWidth is the width of the column beside the evaluation, narrow enough
// that the form beside the list fits the smallest window (1000 px).
const sideWidth = 220

func newEvaluationSide(f *evaluationForm) *evaluationSide {
	side := &evaluationSide{attendance: wrapLabel(""), revisions: wrapLabel("")}
	sum, err := f.s.u.svc.AttendanceBeside(f.v.Period.ID, f.v.Staff.ID)
	if err != nil {
		side.attendance.SetText(err.Error())
	} else {
		side.attendance.SetText(attendanceText(sum))
		if sum.Level != "" {
			side.attendance.Importance = widget.WarningImportance
		}
	}
	side.revisions.SetText(revisionsText(f))
	raters := container.NewVBox(
		identityBlock(lang.L("eval.rater"), f.v.Identities.Rater),
		identityBlock(lang.L("eval.atasan"), f.v.Identities.Atasan),
	)
	if fix := f.v.Evaluation.FixedOutside; fix != nil {
		raters.Add(wrapLabel(lang.L("eval.outside.fixed", map[string]any{"By": fix.FixedBy, "At": data.DateOf(fix.FixedAt).Long()})))
		raters.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("eval.outside.view"), theme.DocumentIcon(), f.viewScan)))
	}
	if !f.v.Locked() {
		b := widget.NewButtonWithIcon(lang.L("eval.raters.change"), theme.AccountIcon(), func() {
			f.raters = newRaterDialog(f)
			f.raters.show()
		})
		raters.Add(container.NewHBox(b))
	}
	col := container.NewVBox(
		section(lang.L("eval.attendance"), f.v.Period.Label(), side.attendance),
		section(lang.L("eval.raters"), "", raters),
		section(lang.L("eval.revisions"), "", side.revisions),
	)
	side.view = container.New(fixedWidth{sideWidth}, container.NewVScroll(col))
	return side
}

func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// percentText writes a share the Indonesian way: "95,2%".
func percentText(p float64) string {
	return strings.Replace(strconv.FormatFloat(p, 'f', 1, 64), ".", ",", 1) + "%"
}

// attendanceText is the attendance beside an evaluation: present %, TL,
// PSW, TK and the PP 94/2021 level.
func attendanceText(s service.Summary) string {
	lines := []string{
		lang.L("eval.att.present", map[string]any{"Percent": percentText(s.PresentPercent), "N": s.Present, "Days": s.WorkingDays}),
		lang.L("eval.att.tl", map[string]any{"N": s.TL, "Minutes": s.LateMinutes}),
		lang.L("eval.att.psw", map[string]any{"N": s.PSW, "Minutes": s.EarlyMinutes}),
		lang.L("eval.att.tk", map[string]any{"N": s.TK}),
	}
	if s.NotEntered > 0 {
		lines = append(lines, lang.L("eval.att.notentered", map[string]any{"N": s.NotEntered}))
	}
	level := s.Level
	if level == "" {
		level = lang.L("eval.att.nolevel")
	}
	return strings.Join(append(lines, level), "\n")
}

// identityBlock shows a rater's identity under its role, or that there is none in the office.
func identityBlock(role string, id data.Identity) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(role, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	text := lang.L("eval.rater.none")
	if id.Name != "" {
		text = strings.Join(nonEmpty([]string{id.Name, data.FormatNIP(id.NIP), id.Position}), "\n")
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(0), head, wrapLabel(text))
}

// revisionsText lists the earlier final versions, oldest first.
func revisionsText(f *evaluationForm) string {
	revs, err := f.s.u.svc.Revisions(f.v.Period.ID, f.v.Staff.ID)
	if err != nil {
		return err.Error()
	}
	if len(revs) == 0 {
		return lang.L("eval.revisions.none")
	}
	var lines []string
	for _, r := range revs {
		lines = append(lines, lang.L("eval.revisions.row", map[string]any{"N": r.Revision, "Date": data.DateOf(r.FinalizedAt).Slash(), "Predikat": r.Predikat.Label()}))
	}
	return strings.Join(lines, "\n")
}

// fixedWidth lays its objects out stacked, asking for a fixed width.
type fixedWidth struct{ width float32 }

func (l fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

func (l fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

// section is a card whose subtitle, when given, wraps inside it: a long
// Card subtitle would otherwise widen the whole window.
func section(title, sub string, content fyne.CanvasObject) *widget.Card {
	if sub == "" {
		return widget.NewCard(title, "", content)
	}
	l := wrapLabel(sub)
	l.SizeName = theme.SizeNameCaptionText
	return widget.NewCard(title, "", container.NewVBox(l, content))
}
