package cli

import (
	"fmt"
	"os"
	"strconv"

	"kinerja/data"
	"kinerja/data/service"
)

// evaluationTarget declares the --period and --nip flags every evaluation step needs.
func evaluationTarget(c *call) (period, nip *string) {
	return c.flags.String("period", "", "kode periode"), c.flags.String("nip", "", "NIP pegawai yang dinilai")
}

// checkTarget refuses positional arguments and a missing --period or --nip.
func checkTarget(c *call, period, nip string) error {
	if err := c.noArgs(); err != nil {
		return err
	}
	if period == "" || nip == "" {
		return usagef("%s: --period dan --nip wajib diisi", c.name)
	}
	return nil
}

// evaluationOf finds the staff member nip names and his evaluation of
// period.
func evaluationOf(svc *service.Service, period, nip string) (data.Staff, service.EvaluationView, error) {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return data.Staff{}, service.EvaluationView{}, err
	}
	v, err := svc.EvaluationFor(period, s.ID)
	return s, v, err
}

// evaluationSet is "kinerja evaluation set": the ratings and note; the
// predikat follows from them.
func evaluationSet(c *call) error {
	period, nip := evaluationTarget(c)
	work := c.flags.String("work", "", "rating hasil kerja")
	behavior := c.flags.String("behavior", "", "rating perilaku kerja")
	note := c.flags.String("note", "", "catatan/rekomendasi")
	rater := c.flags.String("rater", "", "NIP Pejabat Penilai Kinerja (pegawai kantor atau pejabat terdaftar)")
	atasan := c.flags.String("atasan", "", "NIP Atasan Pejabat Penilai Kinerja (pegawai kantor atau pejabat terdaftar)")
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	setRaters := c.given("rater") || c.given("atasan")
	if setRaters && !c.given("work") && !c.given("behavior") && !c.given("note") {
		return c.withService(func(svc *service.Service) error { return chooseRaters(c, svc, *period, *nip, *rater, *atasan) })
	}
	w, err := data.ParseRating(*work)
	if err != nil {
		return usagef("evaluation set: --work: %v", err)
	}
	b, err := data.ParseRating(*behavior)
	if err != nil {
		return usagef("evaluation set: --behavior: %v", err)
	}
	setWork, setBehavior, setNote := c.given("work"), c.given("behavior"), c.given("note")
	change := func(ev *data.Evaluation) {
		if setWork {
			ev.WorkRating = w
		}
		if setBehavior {
			ev.BehaviorRating = b
		}
		if setNote {
			ev.Note = *note
		}
	}
	return evaluationStep(c, *period, *nip, func(svc *service.Service, p string, id uint64) (data.Evaluation, error) {
		if setRaters {
			if err := chooseRaters(c, svc, p, *nip, *rater, *atasan); err != nil {
				return data.Evaluation{}, err
			}
		}
		return svc.SetEvaluation(p, id, change)
	})
}

// chooseRaters sets the Pejabat Penilai Kinerja and its Atasan of one
// evaluation by NIP (an office staff member or a registered official); the
// role not given keeps the person it has now. It prints both.
func chooseRaters(c *call, svc *service.Service, period, nip, rater, atasan string) error {
	s, v, err := evaluationOf(svc, period, nip)
	if err != nil {
		return err
	}
	if !c.given("rater") {
		rater = v.Identities.Rater.NIP
	}
	if !c.given("atasan") {
		atasan = v.Identities.Atasan.NIP
	}
	if _, err := svc.SetRaters(v.Period.ID, s.ID, rater, atasan); err != nil {
		return fmt.Errorf("penilai %s %s: %w", s.DisplayName(), v.Period.Label(), err)
	}
	if v, err = svc.EvaluationFor(v.Period.ID, s.ID); err != nil {
		return err
	}
	ids := v.Identities
	fmt.Fprintf(c.stdout, "%s, %s: Pejabat Penilai %s (%s), Atasan Pejabat Penilai %s (%s)\n", s.DisplayName(), v.Period.Label(),
		orDash(ids.Rater.Name), nipText(ids.Rater.NIP), orDash(ids.Atasan.Name), nipText(ids.Atasan.NIP))
	return nil
}

// evaluationSubmit is "kinerja evaluation submit" (Draf → Diajukan).
func evaluationSubmit(c *call) error {
	return evaluationTransition(c, (*service.Service).Submit)
}

// evaluationWithdraw is "kinerja evaluation withdraw" (Diajukan → Draf).
func evaluationWithdraw(c *call) error {
	return evaluationTransition(c, (*service.Service).Withdraw)
}

// evaluationTransition reads --period and --nip and moves that evaluation
// one step with step (submit, withdraw, finalize).
func evaluationTransition(c *call, step func(*service.Service, string, uint64) (data.Evaluation, error)) error {
	period, nip := evaluationTarget(c)
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	return evaluationStep(c, *period, *nip, step)
}

// evaluationFinalize is "kinerja evaluation finalize" (Diajukan →
// Ditetapkan): when the rater holds a signer, Ditetapkan is the moment the
// rater signs (service.FinalizeEvaluation), the passphrase from
// KINERJA_PASSPHRASE or the terminal.
func evaluationFinalize(c *call) error {
	return evaluationTransition(c, func(svc *service.Service, p string, id uint64) (data.Evaluation, error) {
		f, err := svc.FinalizeSigning(p, id)
		if err != nil {
			return data.Evaluation{}, err
		}
		pass := ""
		if f.Signs {
			if pass, err = secret(c, "Frasa sandi "+f.Rater, envPassphrase); err != nil {
				return data.Evaluation{}, err
			}
		}
		ev, doc, err := svc.FinalizeEvaluation(p, id, pass)
		if err != nil {
			return data.Evaluation{}, err
		}
		if doc != nil {
			fmt.Fprintf(c.stdout, "Ditandatangani oleh %s: %s\n", doc.SignerName, doc.DocumentID)
		}
		return ev, nil
	})
}

// evaluationReopen is "kinerja evaluation reopen": a final evaluation opened
// again with a reason; the old version is kept as a revision.
func evaluationReopen(c *call) error {
	period, nip := evaluationTarget(c)
	reason := c.flags.String("reason", "", "alasan membuka kembali")
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	return evaluationStep(c, *period, *nip, func(svc *service.Service, p string, id uint64) (data.Evaluation, error) {
		return svc.Reopen(p, id, *reason)
	})
}

// evaluationStep opens the file, finds the staff member by NIP and the
// period, runs do and reports the result.
func evaluationStep(c *call, period, nip string, do func(svc *service.Service, period string, staffID uint64) (data.Evaluation, error)) error {
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(nip)
		if err != nil {
			return err
		}
		p, err := svc.PeriodByID(period)
		if err != nil {
			return err
		}
		ev, err := do(svc, p.ID, s.ID)
		if err != nil {
			return fmt.Errorf("penilaian %s %s: %w", s.DisplayName(), p.Label(), err)
		}
		predikat := ev.Predikat.Label()
		if predikat == "" {
			predikat = "belum ada (kedua rating belum diisi)"
		}
		fmt.Fprintf(c.stdout, "%s, %s: %s, revisi %d, predikat %s\n", s.DisplayName(), p.Label(), ev.State.Label(), ev.Revision, predikat)
		return nil
	})
}

// evaluationJSON is one evaluation as "evaluation list --format json" prints it.
type evaluationJSON struct {
	NIP            string `json:"nip"`
	Name           string `json:"name"`
	Unit           string `json:"unit"`
	Period         string `json:"period"`
	WorkRating     string `json:"work_rating"`
	BehaviorRating string `json:"behavior_rating"`
	Predicate      string `json:"predicate"`
	State          string `json:"state"`
	Revision       int    `json:"revision"`
	RaterNIP       string `json:"rater_nip"`
}

// evaluationList is "kinerja evaluation list": the stored evaluations of a period.
func evaluationList(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	c.formatFlag(formatCSV, formatJSON)
	if err := c.parseNoArgs(); err != nil {
		return err
	}
	if *period == "" {
		return usagef("evaluation list: --period wajib diisi")
	}
	return c.withService(func(svc *service.Service) error {
		p, err := svc.PeriodByID(*period)
		if err != nil {
			return err
		}
		list, err := svc.EvaluationList(p.ID)
		if err != nil {
			return err
		}
		views := []evaluationJSON{}
		var rows [][]string
		for _, r := range list {
			if !r.Stored {
				continue
			}
			ev := r.Evaluation
			views = append(views, evaluationJSON{NIP: r.Staff.NIP, Name: r.Employee.Name, Unit: r.Employee.Unit, Period: ev.PeriodID,
				WorkRating: string(ev.WorkRating), BehaviorRating: string(ev.BehaviorRating), Predicate: string(ev.Predikat),
				State: string(ev.State), Revision: ev.Revision, RaterNIP: r.Rater.NIP})
			rows = append(rows, []string{r.Staff.NIP, r.Employee.Name, r.Employee.Unit, ev.WorkRating.Label(), ev.BehaviorRating.Label(),
				ev.Predikat.Label(), ev.State.Label(), strconv.Itoa(ev.Revision)})
		}
		return c.print(listing{json: views, header: []string{"NIP", "Nama", "Unit kerja", "Rating hasil kerja", "Rating perilaku", "Predikat", "Status", "Revisi"}, rows: rows})
	})
}

// revisionJSON is one kept revision as "evaluation revisions --format json"
// prints it, with the identities frozen in it.
type revisionJSON struct {
	Revision       int                   `json:"revision"`
	Period         string                `json:"period"`
	WorkRating     string                `json:"work_rating"`
	BehaviorRating string                `json:"behavior_rating"`
	Predicate      string                `json:"predicate"`
	FinalizedAt    string                `json:"finalized_at"`
	Identities     data.FrozenIdentities `json:"identities"`
}

// evaluationRevisions is "kinerja evaluation revisions": the final versions
// kept before each reopening.
func evaluationRevisions(c *call) error {
	period, nip := evaluationTarget(c)
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		p, err := svc.PeriodByID(*period)
		if err != nil {
			return err
		}
		revs, err := svc.Revisions(p.ID, s.ID)
		if err != nil {
			return err
		}
		views := []revisionJSON{}
		var rows [][]string
		for _, r := range revs {
			v := revisionJSON{Revision: r.Revision, Period: r.PeriodID, WorkRating: string(r.WorkRating), BehaviorRating: string(r.BehaviorRating),
				Predicate: string(r.Predikat), FinalizedAt: r.FinalizedAt.Format("2006-01-02 15:04")}
			if r.Frozen != nil {
				v.Identities = *r.Frozen
			}
			views = append(views, v)
			rows = append(rows, []string{strconv.Itoa(r.Revision), data.DateOf(r.FinalizedAt).Slash(), r.Predikat.Label(), v.Identities.Employee.Rank, v.Identities.Rater.Name})
		}
		return c.print(listing{json: views, header: []string{"Revisi", "Ditetapkan", "Predikat", "Pangkat saat itu", "Pejabat penilai"}, rows: rows})
	})
}

// evaluationSign is "kinerja evaluation sign": a final evaluation signed by
// its Pejabat Penilai Kinerja, the passphrase from KINERJA_PASSPHRASE or the terminal.
func evaluationSign(c *call) error {
	period, nip := evaluationTarget(c)
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		s, v, err := evaluationOf(svc, *period, *nip)
		if err != nil {
			return err
		}
		pass, err := secret(c, "Frasa sandi "+v.Identities.Rater.Name, envPassphrase)
		if err != nil {
			return err
		}
		doc, err := svc.SignEvaluation(*period, s.ID, pass)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Ditandatangani oleh %s: %s\n", doc.SignerName, doc.DocumentID)
		return nil
	})
}

// evaluationFixOutside is "kinerja evaluation fix-outside": an evaluation
// rated by an official outside the office (the Sekda rating the Camat) is
// set from the copy he signed, on paper or through BSrE: who set it, when,
// and the scan kept with the record. The office's key signs nothing.
func evaluationFixOutside(c *call) error {
	period, nip := evaluationTarget(c)
	by := c.flags.String("by", "", "nama pejabat yang menetapkan, seperti tertulis pada salinan")
	date := c.flags.String("date", "", "tanggal penetapan")
	scan := c.flags.String("scan", "", "salinan bertanda tangan (.pdf)")
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	d, err := data.ParseDate(*date)
	if err != nil || d.IsZero() || *by == "" || *scan == "" {
		return usagef("evaluation fix-outside: pakai --period ID --nip NIP --by NAMA --date YYYY-MM-DD --scan FILE.pdf")
	}
	content, err := os.ReadFile(*scan)
	if err != nil {
		return fmt.Errorf("membaca %s: %w", *scan, err)
	}
	return evaluationStep(c, *period, *nip, func(svc *service.Service, p string, id uint64) (data.Evaluation, error) {
		return svc.FixExternally(p, id, *by, d.Time(), content)
	})
}

// evaluationObjectionSign is "kinerja evaluation objection-sign": the Atasan
// Pejabat Penilai signs the keberatan page of a final evaluation with his
// own signer; the documents signed at Ditetapkan stay as they are.
func evaluationObjectionSign(c *call) error {
	period, nip := evaluationTarget(c)
	if err := c.parse(); err != nil {
		return err
	}
	if err := checkTarget(c, *period, *nip); err != nil {
		return err
	}
	return c.withService(func(svc *service.Service) error {
		s, v, err := evaluationOf(svc, *period, *nip)
		if err != nil {
			return err
		}
		pass, err := secret(c, "Frasa sandi "+v.Identities.Atasan.Name, envPassphrase)
		if err != nil {
			return err
		}
		doc, err := svc.SignObjection(v.Period.ID, s.ID, pass)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Halaman keberatan ditandatangani oleh %s: %s\n", doc.SignerName, doc.DocumentID)
		return nil
	})
}
