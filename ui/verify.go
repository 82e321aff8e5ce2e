package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

// verifyTab is Dokumen › Verifikasi: open PDF files (one at a time, or every
// PDF of a folder) and see, offline, for each whether it is valid, changed
// after signing, signed by someone this office does not know, or unsigned;
// who signed and when with which kind of certificate; and whether it matches
// the evaluation stored in this data file.
type verifyTab struct {
	u       *App
	view    fyne.CanvasObject
	results *fyne.Container
	msg     *widget.Label
}

func newVerifyTab(u *App) *verifyTab {
	t := &verifyTab{u: u}
	t.results = container.NewVBox()
	t.msg = docNote("")
	t.msg.Hide()
	open := widget.NewButtonWithIcon(lang.L("doc.verify.open"), theme.FileIcon(), t.chooseFile)
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon(lang.L("doc.verify.folder"), theme.FolderOpenIcon(), t.chooseFolder)
	clearB := widget.NewButtonWithIcon(lang.L("doc.verify.clear"), theme.ContentClearIcon(), func() {
		t.results.RemoveAll()
		docSay(t.msg, "", false)
	})
	top := container.NewVBox(
		docHeading(lang.L("doc.verify.title")),
		docNote(lang.L("doc.verify.text")),
		container.NewHBox(open, folder, clearB),
		t.msg,
	)
	t.view = container.NewBorder(top, nil, nil, nil, container.NewVScroll(t.results))
	return t
}

// chooseFile asks for one PDF and verifies it; earlier results stay above.
func (t *verifyTab) chooseFile() {
	d := t.u.fileOpen(openPDF, []string{".pdf"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			t.u.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		t.verifyFiles([]string{path})
	}, t.u.win)
	d.Show()
}

// chooseFolder asks for a folder and verifies every PDF in it.
func (t *verifyTab) chooseFolder() {
	d := t.u.folderOpen(func(dir fyne.ListableURI, err error) {
		if err != nil || dir == nil {
			t.u.showError(err)
			return
		}
		files, err := pdfsIn(dir.Path())
		if err != nil {
			docSay(t.msg, err.Error(), true)
			return
		}
		if len(files) == 0 {
			docSay(t.msg, lang.L("doc.verify.nopdf", map[string]any{"Dir": dir.Path()}), true)
			return
		}
		t.verifyFiles(files)
	}, t.u.win)
	d.Show()
}

// pdfsIn lists the PDF files of dir by name.
func pdfsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("folder %s tidak dapat dibaca: %w", dir, err)
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".pdf") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out, nil
}

// verifyFiles checks files off the UI goroutine and shows one card per file
// above the earlier ones.
func (t *verifyTab) verifyFiles(files []string) {
	docSay(t.msg, lang.L("doc.verify.running", map[string]any{"N": len(files)}), false)
	svc := t.u.svc
	var res []service.VerifyResult
	var err error
	runAsync(func() {
		res, err = svc.Verify(files)
	}, func() {
		if err != nil {
			docSay(t.msg, err.Error(), true)
			return
		}
		docSay(t.msg, "", false)
		cards := make([]fyne.CanvasObject, 0, len(res)+len(t.results.Objects))
		for _, r := range res {
			cards = append(cards, verifyCard(r))
		}
		t.results.Objects = append(cards, t.results.Objects...)
		t.results.Refresh()
	})
}

// verifyCard shows the verdict on one file: an icon and the document
// verdict in one colour (the verdict decides it; nothing green stands under
// a red verdict), then one line per signature naming the trust it rests on.
func verifyCard(r service.VerifyResult) fyne.CanvasObject {
	name := widget.NewLabelWithStyle(filepath.Base(r.File), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	name.Truncation = fyne.TextTruncateEllipsis
	status := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	status.Wrapping = fyne.TextWrapWord
	var icon fyne.Resource
	lines := []fyne.CanvasObject{}
	if r.Err != nil {
		icon = theme.NewErrorThemedResource(theme.ErrorIcon())
		status.Importance = widget.DangerImportance
		status.SetText(lang.L("doc.verify.unreadable"))
		lines = append(lines, docNote(r.Err.Error()))
	} else {
		icon, status.Importance = verdictLook(r.Outcome)
		status.SetText(r.Verdict)
		for _, l := range r.SignatureLines {
			lines = append(lines, docNote(l))
		}
	}
	head := container.NewBorder(nil, nil, widget.NewIcon(icon), nil, container.NewVBox(name, status))
	path := widget.NewLabel(r.File)
	path.SizeName = theme.SizeNameCaptionText
	path.Truncation = fyne.TextTruncateEllipsis
	body := container.NewVBox(append([]fyne.CanvasObject{head, path}, lines...)...)
	return container.NewVBox(widget.NewCard("", "", body))
}

// verdictLook gives the icon and colour of a verdict: green tick only for
// Sah, amber warning for an unknown signer, red for a change or a document
// not Sah here, grey for unsigned.
func verdictLook(o service.Outcome) (fyne.Resource, widget.Importance) {
	switch o {
	case service.OutcomeValid:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon()), widget.SuccessImportance
	case service.OutcomeUnknown:
		return theme.NewWarningThemedResource(theme.WarningIcon()), widget.WarningImportance
	case service.OutcomeChanged, service.OutcomeRefused, service.OutcomeError:
		return theme.NewErrorThemedResource(theme.ErrorIcon()), widget.DangerImportance
	}
	return theme.QuestionIcon(), widget.MediumImportance
}
