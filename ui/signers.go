package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export/sign"
)

// signersTab is Dokumen › Penanda tangan: the office root ("sertifikat induk
// kantor", created once under the office passphrase and exported as .cer),
// the roots of other offices trusted here, and the signers — one per
// Camat, Sekcam, Kasi or Kasubbag — issued by the office root or imported
// from a .p12/.pfx file. Key derivation (argon2id) is slow on purpose, so
// every action with a passphrase runs off the UI goroutine.
type signersTab struct {
	u    *App
	view fyne.CanvasObject

	rootBox   *fyne.Container // the root's description, or the form creating it
	rootPass  *field
	rootPass2 *field
	rootMsg   *widget.Label
	trusted   *fyne.Container // one row per trusted root, with its remove button
	signers   []service.SignerInfo
	roles     map[uint64]string // current position by staff id
	list      *widget.List
	msg       *widget.Label
	form      *signerForm // the create/import dialog while open

	// The revoke dialog while open.
	revokeForm               dialog.Dialog
	revokeWho                *widget.Select
	revokeReason, revokePass *widget.Entry
}

func newSignersTab(u *App) *signersTab {
	t := &signersTab{u: u}
	t.rootBox = container.NewVBox()
	t.rootMsg = docNote("")
	t.rootMsg.Hide()
	t.trusted = container.NewVBox()
	t.msg = docNote("")
	t.msg.Hide()
	trust := widget.NewButtonWithIcon(lang.L("doc.root.trust"), theme.ContentAddIcon(), t.chooseTrust)
	create := widget.NewButtonWithIcon(lang.L("doc.signer.create"), theme.ContentAddIcon(), func() { t.openForm(false) })
	create.Importance = widget.HighImportance
	imp := widget.NewButtonWithIcon(lang.L("doc.signer.import"), theme.UploadIcon(), func() { t.openForm(true) })
	image := widget.NewButtonWithIcon(lang.L("doc.sigimg.button"), theme.FileImageIcon(), func() { t.openSignatureImage() })
	revoke := widget.NewButtonWithIcon(lang.L("doc.signer.revoke"), theme.CancelIcon(), t.openRevoke)
	t.list = widget.NewList(
		func() int { return len(t.signers) },
		func() fyne.CanvasObject {
			labels := make([]fyne.CanvasObject, 6)
			for i := range labels {
				l := widget.NewLabel("")
				l.Truncation = fyne.TextTruncateEllipsis
				labels[i] = l
			}
			return container.New(signerColumns, labels...)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(t.signers) {
				return
			}
			for c, text := range t.signerCells(t.signers[i]) {
				o.(*fyne.Container).Objects[c].(*widget.Label).SetText(text)
			}
		},
	)
	header := make([]fyne.CanvasObject, 0, 6)
	for _, k := range []string{"doc.signer.name", "doc.signer.nip", "doc.signer.role", "doc.signer.kind", "doc.signer.until", "doc.signer.state"} {
		header = append(header, widget.NewLabelWithStyle(lang.L(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	}
	top := container.NewVBox(
		docHeading(lang.L("doc.root.title")),
		t.rootBox, t.rootMsg,
		docHeading(lang.L("doc.root.trusted")),
		container.NewBorder(nil, nil, nil, trust, t.trusted),
		widget.NewSeparator(),
		docHeading(lang.L("doc.signer.title")),
		docNote(lang.L("doc.signer.text")),
		container.NewHBox(create, imp, image, revoke),
		t.msg,
		container.New(signerColumns, header...),
	)
	t.view = container.NewBorder(top, nil, nil, nil, t.list)
	return t
}

// signerColumns are the widths of the signer list's columns.
var signerColumns = columnsLayout{widths: []float32{230, 185, 200, 140, 165}}

// signerCells are the texts of one signer's row.
func (t *signersTab) signerCells(s service.SignerInfo) []string {
	state := lang.L("doc.signer.active")
	switch {
	case !s.RevokedAt.IsZero():
		state = lang.L("doc.signer.revokedstate") + " " + data.DateOf(s.RevokedAt.Local()).String()
	case s.Revoked:
		state = lang.L("doc.signer.revoked")
	}
	kind := lang.L("doc.kind.office")
	if s.Kind == service.SignerImported {
		kind = lang.L("doc.kind.imported")
	}
	return []string{s.Name, data.FormatNIP(s.NIP), t.roles[s.StaffID], kind, validUntil(s.NotAfter), state}
}

// reload shows the office root, the trusted roots and the signers again.
func (t *signersTab) reload() {
	t.showRoot()
	roots, err := t.u.svc.TrustedRoots()
	if err != nil {
		t.u.showError(err)
		return
	}
	rows := make([]fyne.CanvasObject, 0, len(roots)+1)
	for _, r := range roots {
		rows = append(rows, t.trustedRow(r))
	}
	if len(rows) == 0 {
		rows = append(rows, docNote(lang.L("doc.root.trustednone")))
	}
	t.trusted.Objects = rows
	t.trusted.Refresh()
	signers, err := t.u.svc.Signers()
	if err != nil {
		t.u.showError(err)
		return
	}
	t.roles = map[uint64]string{}
	for _, s := range signers {
		if staff, err := t.u.svc.StaffByID(s.StaffID); err == nil {
			t.roles[s.StaffID] = staff.Current().Position
		}
	}
	t.signers = signers
	t.list.Refresh()
}

// showRoot describes the office root with its export button, or offers to
// create it when there is none yet.
func (t *signersTab) showRoot() {
	info, found, err := t.u.svc.OfficeRootInfo()
	if err != nil {
		docSay(t.rootMsg, err.Error(), true)
		return
	}
	if found {
		export := widget.NewButtonWithIcon(lang.L("doc.root.export"), theme.DocumentSaveIcon(), t.exportRoot)
		viewer := widget.NewButtonWithIcon(lang.L("doc.root.viewerbutton"), theme.HelpIcon(), t.showViewerHelp)
		desc := docNote(lang.L("doc.root.info", map[string]any{"Name": info.Name,
			"Until": validUntil(info.NotAfter), "SHA": groupHex(info.SHA256)}))
		t.rootBox.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewVBox(export, viewer), desc),
			docNote(lang.L("doc.root.note"))}
		t.rootBox.Refresh()
		return
	}
	t.rootPass = newField(widget.NewPasswordEntry())
	t.rootPass2 = newField(widget.NewPasswordEntry())
	create := widget.NewButtonWithIcon(lang.L("doc.root.create"), theme.ConfirmIcon(), t.createRoot)
	create.Importance = widget.HighImportance
	t.rootBox.Objects = []fyne.CanvasObject{
		docNote(lang.L("doc.root.none", map[string]any{"Min": service.MinPassphraseLength})),
		widget.NewForm(
			widget.NewFormItem(lang.L("doc.root.pass"), t.rootPass.box),
			widget.NewFormItem(lang.L("doc.pass.repeat"), t.rootPass2.box),
		),
		container.NewHBox(create),
	}
	t.rootBox.Refresh()
}

// checkNewPass checks a new passphrase typed twice and shows what is wrong
// under the field concerned.
func checkNewPass(first, second *field) bool {
	p1, p2 := passText(first), passText(second)
	first.show(nil, nil)
	second.show(nil, nil)
	if err := service.CheckPassphrase(p1, ""); err != nil {
		first.show([]string{err.Error()}, nil)
		return false
	}
	if p1 != p2 {
		second.show([]string{lang.L("doc.pass.mismatch")}, nil)
		return false
	}
	return true
}

// createRoot creates the office root under the passphrase typed twice.
func (t *signersTab) createRoot() {
	if !checkNewPass(t.rootPass, t.rootPass2) {
		return
	}
	pass := passText(t.rootPass)
	docSay(t.rootMsg, lang.L("doc.working"), false)
	svc := t.u.svc
	var err error
	runAsync(func() {
		_, err = svc.CreateOfficeRoot(pass)
	}, func() {
		if err != nil {
			docSay(t.rootMsg, err.Error(), true)
			return
		}
		docSay(t.rootMsg, lang.L("doc.root.created"), false)
		t.reload()
	})
}

// exportRoot saves the office root as a .cer file for another office, the
// kabupaten or a PDF viewer to trust.
func (t *signersTab) exportRoot() {
	der, err := t.u.svc.ExportRoot()
	if err != nil {
		docSay(t.rootMsg, err.Error(), true)
		return
	}
	svc := t.u.svc
	t.u.saveFile(saveRequest{Title: lang.L("save.title.root"), Name: rootFileName(t.u), Exts: []string{".cer"},
		Write: func(path string, _ bool) error { return svc.WriteOutput(path, der) },
		Done:  func(path string) { docSay(t.rootMsg, lang.L("doc.root.exported", map[string]any{"Path": path}), false) }})
}

// showViewerHelp explains how a PDF viewer is made to trust the exported
// office root.
func (t *signersTab) showViewerHelp() {
	d := dialog.NewCustom(lang.L("doc.root.viewertitle"), lang.L("doc.close"), docNote(lang.L("doc.root.viewer")), t.u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// rootFileName names the exported root after the kecamatan.
func rootFileName(u *App) string {
	name := "Sertifikat_Induk_Kantor"
	if o, err := u.svc.Office(); err == nil && o.IsSet() {
		name += "_" + strings.Join(strings.Fields(o.Kecamatan), "_")
	}
	return name + ".cer"
}

// chooseTrust asks for another office's root (.cer), shows its name and
// fingerprint, and trusts it once the user confirms.
func (t *signersTab) chooseTrust() {
	d := t.u.fileOpen(openCert, []string{".cer", ".crt", ".pem"}, func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			t.u.showError(err)
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		raw, err := os.ReadFile(path)
		if err != nil {
			docSay(t.rootMsg, lang.L("doc.root.readfail", map[string]any{"Path": path, "Err": err.Error()}), true)
			return
		}
		t.confirmTrust(raw)
	}, t.u.win)
	d.Show()
}

// confirmTrust shows the root in raw (DER or PEM) with its fingerprint and
// trusts it on "Percayai" with the office passphrase: the office root signs
// the trust, so a root added to the file behind the app's back is not
// trusted. Refusals (this office's own root, the same name as it with
// another key) show before asking.
func (t *signersTab) confirmTrust(raw []byte) {
	info, err := t.u.svc.PreviewRoot(raw)
	if err != nil {
		docSay(t.rootMsg, err.Error(), true)
		return
	}
	text := lang.L("doc.root.trustask", map[string]any{"Name": info.Name,
		"Until": validUntil(info.NotAfter), "SHA": groupHex(info.SHA256)})
	svc := t.u.svc
	var done service.RootInfo
	askPassphrase(t.u.win, lang.L("doc.root.trusttitle"), text+"\n\n"+lang.L("doc.root.officepass"), lang.L("doc.root.trustyes"),
		func(secret string) error {
			var err error
			done, err = svc.TrustRootWith(raw, nil, secret)
			return err
		}, func(err error) {
			if err != nil {
				docSay(t.rootMsg, err.Error(), true)
				return
			}
			docSay(t.rootMsg, lang.L("doc.root.trustdone", map[string]any{"Name": done.Name}), false)
			t.reload()
		})
}

// trustedRow is one trusted root: name, fingerprint, when and by whom (or
// why it is not trusted), with a remove button that asks first.
func (t *signersTab) trustedRow(r service.TrustedRootInfo) fyne.CanvasObject {
	text := lang.L("doc.root.trustedline", map[string]any{"Name": r.Name, "FP": r.Fingerprint,
		"When": data.DateOf(r.TrustedAt.Local()).Long(), "By": r.TrustedBy})
	l := docNote(text)
	if !r.Trusted() {
		l = docNote(lang.L("doc.root.trustedbad", map[string]any{"Name": r.Name, "FP": r.Fingerprint, "Problem": r.Problem}))
		l.Importance = widget.DangerImportance
	}
	remove := widget.NewButtonWithIcon(lang.L("doc.root.untrust"), theme.DeleteIcon(), func() { t.confirmUntrust(r) })
	return container.NewBorder(nil, nil, nil, remove, l)
}

// confirmUntrust asks before a trusted root is removed (recorded in the audit).
func (t *signersTab) confirmUntrust(r service.TrustedRootInfo) {
	text := lang.L("doc.root.untrustask", map[string]any{"Name": r.Name, "FP": r.Fingerprint})
	dialog.ShowConfirm(lang.L("doc.root.untrusttitle"), text, func(ok bool) {
		if !ok {
			return
		}
		if _, err := t.u.svc.UntrustRoot(r.Key, "dihapus di layar Penanda tangan"); err != nil {
			docSay(t.rootMsg, err.Error(), true)
			return
		}
		docSay(t.rootMsg, lang.L("doc.root.untrustdone", map[string]any{"Name": r.Name}), false)
		t.reload()
	}, t.u.win)
}

// openRevoke asks which signer to revoke (a lost or leaked key), why, and
// the office passphrase (the revocation list is signed by the office root).
func (t *signersTab) openRevoke() {
	var names []string
	ids := map[string]uint64{}
	for _, s := range t.signers {
		if !s.RevokedAt.IsZero() {
			continue
		}
		label := s.Name + " — NIP " + data.FormatNIP(s.NIP)
		if _, dup := ids[label]; !dup {
			names = append(names, label)
		}
		ids[label] = s.StaffID
	}
	who := widget.NewSelect(names, nil)
	reason := widget.NewEntry()
	pass := widget.NewPasswordEntry()
	form := []*widget.FormItem{
		widget.NewFormItem(lang.L("doc.signer.revokewho"), who),
		widget.NewFormItem(lang.L("doc.signer.revokereason"), reason),
		widget.NewFormItem(lang.L("doc.root.officepass"), pass),
	}
	t.revokeForm = dialog.NewForm(lang.L("doc.signer.revoketitle"), lang.L("doc.signer.revokeyes"), lang.L("button.cancel"), form, func(ok bool) {
		if !ok || who.Selected == "" {
			return
		}
		t.revoke(ids[who.Selected], who.Selected, reason.Text, pass.Text)
	}, t.u.win)
	t.revokeWho, t.revokeReason, t.revokePass = who, reason, pass
	t.revokeForm.Show()
}

// revoke revokes staffID's keys off the UI goroutine.
func (t *signersTab) revoke(staffID uint64, name, reason, pass string) {
	docSay(t.msg, lang.L("doc.working"), false)
	svc := t.u.svc
	var err error
	runAsync(func() {
		_, err = svc.RevokeSigner(staffID, reason, pass)
	}, func() {
		if err != nil {
			docSay(t.msg, err.Error(), true)
			return
		}
		docSay(t.msg, lang.L("doc.signer.revokedone", map[string]any{"Name": name}), false)
		t.reload()
	})
}

// groupHex splits a hex fingerprint into groups of four, to read it aloud
// and compare by phone.
func groupHex(h string) string {
	var b strings.Builder
	for i, r := range strings.ToUpper(h) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// signerDone reports a signer just created or imported and lists it.
func (t *signersTab) signerDone(info service.SignerInfo) {
	docSay(t.msg, lang.L("doc.signer.done", map[string]any{"Name": info.Name,
		"Until": validUntil(info.NotAfter)}), false)
	t.reload()
}

// wrongPassphrase reports whether err is a wrong passphrase or password.
func wrongPassphrase(err error) bool { return errors.Is(err, sign.ErrWrongPassphrase) }

// validUntil is the date a certificate expires, for messages.
func validUntil(t time.Time) string { return data.DateOf(t.Local()).Long() }

// fingerprintHex is the SHA-256 of a DER certificate in hex.
func fingerprintHex(der []byte) string {
	sum := sha256.Sum256(der)
	return hex.EncodeToString(sum[:])
}
