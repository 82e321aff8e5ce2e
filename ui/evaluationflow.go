package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"kinerja/data"
)

// buttons makes the workflow buttons and shows those the state allows:
// Draf: Simpan, Ajukan; Diajukan: Simpan, Tarik kembali, Tetapkan;
// Ditetapkan: Buka kembali. Simpan tindak lanjut works in every state.
func (f *evaluationForm) buttons() {
	f.save = widget.NewButtonWithIcon(lang.L("button.save"), theme.DocumentSaveIcon(), f.doSave)
	f.submit = widget.NewButtonWithIcon(lang.L("eval.submit"), theme.MailSendIcon(), f.doSubmit)
	f.withdraw = widget.NewButtonWithIcon(lang.L("eval.withdraw"), theme.MailReplyIcon(), f.doWithdraw)
	f.finalize = widget.NewButtonWithIcon(lang.L("eval.finalize"), theme.ConfirmIcon(), f.doFinalize)
	f.reopen = widget.NewButtonWithIcon(lang.L("eval.reopen"), theme.ViewRefreshIcon(), f.askReopen)
	f.saveDev = widget.NewButtonWithIcon(lang.L("eval.dev.save"), theme.DocumentSaveIcon(), f.doSaveDevelopment)
	f.fixOutside = widget.NewButtonWithIcon(lang.L("eval.outside.fix"), theme.ConfirmIcon(), f.askFixOutside)
	state := f.v.Evaluation.State
	outside := f.v.Evaluation.External.Rater.IsSet()
	show := map[*widget.Button]bool{
		f.save:       state != data.EvalFinal,
		f.submit:     state == data.EvalDraft,
		f.withdraw:   state == data.EvalSubmitted,
		f.finalize:   state == data.EvalSubmitted && !outside,
		f.fixOutside: state != data.EvalFinal && outside,
		f.reopen:     state == data.EvalFinal,
		f.saveDev:    state == data.EvalFinal,
	}
	for b, ok := range show {
		if !ok {
			b.Hide()
		}
	}
	f.submit.Importance = widget.HighImportance
	f.finalize.Importance = widget.HighImportance
}

// store saves the form's changes when it may still change; it reports
// whether the next step may go on.
func (f *evaluationForm) store() bool {
	if f.v.Locked() {
		return true
	}
	if _, err := f.s.u.svc.SetEvaluation(f.v.Period.ID, f.v.Staff.ID, f.change); err != nil {
		f.says(err.Error(), true)
		return false
	}
	return true
}

// after reloads the screen on the same person and shows msg (or err) under the new form.
func (f *evaluationForm) after(msg string, err error) {
	if err != nil {
		f.says(err.Error(), true)
		return
	}
	f.s.changed()
	if f.s.form != nil {
		f.s.form.says(msg, false)
	}
}

func (f *evaluationForm) doSave() {
	if f.store() {
		f.after(lang.L("eval.saved"), nil)
	}
}

func (f *evaluationForm) doSubmit() {
	if !f.store() {
		return
	}
	_, err := f.s.u.svc.Submit(f.v.Period.ID, f.v.Staff.ID)
	f.after(lang.L("eval.submitted"), err)
}

func (f *evaluationForm) doWithdraw() {
	if !f.store() {
		return
	}
	_, err := f.s.u.svc.Withdraw(f.v.Period.ID, f.v.Staff.ID)
	f.after(lang.L("eval.withdrawn"), err)
}

// doFinalize saves the form, then sets the evaluation: with the rater's
// passphrase and signature (FinalizeAndSign) when the rater holds a signer,
// else without.
func (f *evaluationForm) doFinalize() {
	if !f.store() {
		return
	}
	signing, err := f.s.u.svc.FinalizeSigning(f.v.Period.ID, f.v.Staff.ID)
	if err != nil {
		f.says(err.Error(), true)
		return
	}
	if !signing.Signs {
		_, err := f.s.u.svc.Finalize(f.v.Period.ID, f.v.Staff.ID)
		f.after(lang.L("eval.finalized"), err)
		return
	}
	f.askPassphrase()
}

// askPassphrase asks the rater's passphrase and finalizes and signs with it;
// a wrong passphrase keeps the dialog open (see passphraseDialog).
func (f *evaluationForm) askPassphrase() {
	svc, periodID, staffID := f.s.u.svc, f.v.Period.ID, f.v.Staff.ID
	f.pass = askPassphrase(f.s.u.win, lang.L("eval.sign.title"),
		lang.L("eval.sign.text", map[string]any{"Rater": f.v.Identities.Rater.Name}), lang.L("eval.sign.ok"),
		func(pass string) error {
			_, _, err := svc.FinalizeAndSign(periodID, staffID, pass)
			return err
		},
		func(err error) { f.after(lang.L("eval.signed"), err) })
}

// askReopen asks why the final evaluation is opened again and reopens it.
func (f *evaluationForm) askReopen() {
	reason := widget.NewMultiLineEntry()
	reason.Wrapping = fyne.TextWrapWord
	reason.SetMinRowsVisible(3)
	reason.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return errors.New(lang.L("eval.reopen.required"))
		}
		return nil
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("eval.reopen.reason"), reason)}
	d := dialog.NewForm(lang.L("eval.reopen.title"), lang.L("eval.reopen"), lang.L("button.cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		e, err := f.s.u.svc.Reopen(f.v.Period.ID, f.v.Staff.ID, reason.Text)
		f.after(lang.L("eval.reopened", map[string]any{"N": e.Revision}), err)
	}, f.s.u.win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	f.reopenDialog, f.reopenReason = d, reason
}

// doSaveDevelopment stores the development follow-up of a final evaluation.
func (f *evaluationForm) doSaveDevelopment() {
	_, err := f.s.u.svc.SetDevelopment(f.v.Period.ID, f.v.Staff.ID, f.dev.items())
	f.after(lang.L("eval.dev.saved"), err)
}
