package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// settingsScreen is Pengaturan: the office identity, the kop-surat logo, the
// evaluation cadence and deadline, the units, the officials outside the
// office, and the interface language.
type settingsScreen struct {
	u         *App
	view      fyne.CanvasObject
	officeBx  *fyne.Container
	office    *officeForm
	saved     *widget.Label
	logo      *logoCard
	eval      *evaluationCard
	units     *unitsEditor
	officials *officialsList
	data      *dataCard
	language  *widget.RadioGroup
}

// languageNames are the choices of the language setting, in Languages order.
var languageNames = []string{"Bahasa Indonesia", "English"}

func newSettingsScreen(u *App) *settingsScreen {
	s := &settingsScreen{u: u, officeBx: container.NewStack()}
	s.saved = widget.NewLabel("")
	s.saved.Importance = widget.SuccessImportance
	s.saved.Hide()
	s.units = newUnitsEditor(u)
	s.logo = newLogoCard(u)
	s.eval = newEvaluationCard(u)
	s.officials = newOfficialsList(u)
	s.data = newDataCard(u)
	s.language = widget.NewRadioGroup(languageNames, func(name string) {
		for i, n := range languageNames {
			if n == name {
				u.fyne.Preferences().SetString(PrefLanguage, Languages[i])
			}
		}
	})
	for i, code := range Languages {
		if code == Language(u.fyne) {
			s.language.SetSelected(languageNames[i])
		}
	}
	restart := widget.NewLabel(lang.L("settings.language.restart"))
	restart.Wrapping = fyne.TextWrapWord
	office := section(lang.L("settings.office"), lang.L("settings.office.sub"),
		container.NewVBox(s.officeBx, s.saved))
	langCard := section(lang.L("settings.language"), "", container.NewVBox(s.language, restart))
	unitsCard := section(lang.L("settings.units"), lang.L("settings.units.sub"), s.units.view)
	officialsCard := section(lang.L("official.title"), "", s.officials.view)
	s.view = newWheelScroll(container.NewPadded(container.NewVBox(office, s.logo.view, s.eval.view, unitsCard, officialsCard, s.data.view, langCard)))
	return s
}

// refresh reloads the office identity and the units from the store.
func (s *settingsScreen) refresh() {
	o, err := s.u.svc.Office()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.office = newOfficeForm(o)
	save := newSaveButton(lang.L("button.save"), s.saveOffice)
	s.officeBx.Objects = []fyne.CanvasObject{container.NewVBox(s.office.form, saveBar(save))}
	s.officeBx.Refresh()
	s.saved.Hide()
	s.logo.refresh()
	s.eval.refresh()
	s.units.reload()
	s.officials.refresh()
	s.data.refresh()
}

func (s *settingsScreen) saveOffice() {
	o, ok := s.office.check()
	if !ok {
		s.office.focusFirstError(s.u.win.Canvas())
		return
	}
	if err := s.u.svc.SetOffice(o); err != nil {
		s.u.showError(err)
		return
	}
	s.u.refreshTitle()
	s.u.home.refresh()
	s.saved.SetText(lang.L("settings.office.saved"))
	s.saved.Show()
}
