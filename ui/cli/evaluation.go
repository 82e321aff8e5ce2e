package cli

import (
	"flag"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
)

func init() {
	register(command{name: "period list", args: "[--format text|json]", summary: "daftar periode penilaian kinerja",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("period list: argumen %q tidak dikenal", args[0])
				}
				if *format != "text" && *format != "json" {
					return usagef("period list: --format harus text atau json")
				}
				return e.withService(func(svc *service.Service) error { return listPeriods(e, svc, *format) })
			}
		}})
	register(command{name: "period create", args: "ID", summary: "membuat periode penilaian (2026-Q3, 2026-11, 2026-S1, 2026)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("period create: sebutkan satu kode periode, mis. 2026-Q3")
				}
				return e.withService(func(svc *service.Service) error {
					p, err := svc.CreatePeriod(args[0])
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Periode %s (%s) dibuat: %s s.d. %s, batas pengisian %s\n", p.ID, p.Label(), p.Start.Long(), p.End.Long(), p.Deadline.Long())
					return nil
				})
			}
		}})
	register(command{name: "period capaian", args: "ID CAPAIAN", summary: "mencatat capaian kinerja organisasi sebuah periode",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) != 2 {
					return usagef("period capaian: sebutkan kode periode dan capaian, mis. 2026-Q3 baik")
				}
				c, err := data.ParseCapaian(args[1])
				if err != nil {
					return usagef("period capaian: %v", err)
				}
				return e.withService(func(svc *service.Service) error {
					p, err := svc.SetCapaian(args[0], c)
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Capaian kinerja organisasi %s: %s\n", p.ID, p.Capaian.Label())
					return nil
				})
			}
		}})
	register(command{name: "evaluation set", args: "--period ID --nip NIP [--work R] [--behavior R] [--note TEKS]",
		summary: "mengisi rating dan catatan penilaian (R: di_atas, sesuai, di_bawah)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period, nip := evaluationTarget(fs)
			work := fs.String("work", "", "rating hasil kerja")
			behavior := fs.String("behavior", "", "rating perilaku kerja")
			note := fs.String("note", "", "catatan/rekomendasi")
			return func(e *env, args []string) error {
				if err := checkTarget("evaluation set", args, *period, *nip); err != nil {
					return err
				}
				w, err := data.ParseRating(*work)
				if err != nil {
					return usagef("evaluation set: --work: %v", err)
				}
				b, err := data.ParseRating(*behavior)
				if err != nil {
					return usagef("evaluation set: --behavior: %v", err)
				}
				given := map[string]bool{}
				fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
				change := func(ev *data.Evaluation) {
					if given["work"] {
						ev.WorkRating = w
					}
					if given["behavior"] {
						ev.BehaviorRating = b
					}
					if given["note"] {
						ev.Note = *note
					}
				}
				return e.withService(func(svc *service.Service) error {
					return evaluationStep(e, svc, *period, *nip, func(id uint64, p string) (data.Evaluation, error) {
						return svc.SetEvaluation(p, id, change)
					})
				})
			}
		}})
	for _, a := range []struct{ name, args, summary string }{
		{"submit", "", "mengajukan penilaian (Draf → Diajukan)"},
		{"withdraw", "", "menarik kembali penilaian yang diajukan (Diajukan → Draf)"},
		{"finalize", "", "menetapkan penilaian (Diajukan → Ditetapkan); identitas dibekukan"},
		{"reopen", " --reason TEKS", "membuka kembali penilaian yang ditetapkan dengan alasan; versi lama disimpan sebagai revisi"},
	} {
		register(command{name: "evaluation " + a.name, args: "--period ID --nip NIP" + a.args,
			summary: a.summary,
			flags: func(fs *flag.FlagSet) func(*env, []string) error {
				period, nip := evaluationTarget(fs)
				reason := new(string)
				if a.name == "reopen" {
					reason = fs.String("reason", "", "alasan membuka kembali")
				}
				return func(e *env, args []string) error {
					if err := checkTarget("evaluation "+a.name, args, *period, *nip); err != nil {
						return err
					}
					return e.withService(func(svc *service.Service) error {
						return evaluationStep(e, svc, *period, *nip, func(id uint64, p string) (data.Evaluation, error) {
							switch a.name {
							case "submit":
								return svc.Submit(p, id)
							case "withdraw":
								return svc.Withdraw(p, id)
							case "finalize":
								return finalizeEvaluation(e, svc, p, id)
							}
							return svc.Reopen(p, id, *reason)
						})
					})
				}
			}})
	}
	register(command{name: "evaluation list", args: "--period ID [--format text|csv|json]", summary: "daftar penilaian sebuah periode",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			format := fs.String("format", "text", "text, csv atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 {
					return usagef("evaluation list: argumen %q tidak dikenal", args[0])
				}
				if *period == "" {
					return usagef("evaluation list: --period wajib diisi")
				}
				if *format != "text" && *format != "csv" && *format != "json" {
					return usagef("evaluation list: --format harus text, csv atau json")
				}
				return e.withService(func(svc *service.Service) error { return listEvaluations(e, svc, *period, *format) })
			}
		}})
	register(command{name: "evaluation revisions", args: "--period ID --nip NIP [--format text|json]",
		summary: "riwayat revisi penilaian (versi yang ditetapkan sebelum dibuka kembali)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period, nip := evaluationTarget(fs)
			format := fs.String("format", "text", "text atau json")
			return func(e *env, args []string) error {
				if err := checkTarget("evaluation revisions", args, *period, *nip); err != nil {
					return err
				}
				if *format != "text" && *format != "json" {
					return usagef("evaluation revisions: --format harus text atau json")
				}
				return e.withService(func(svc *service.Service) error { return listRevisions(e, svc, *period, *nip, *format) })
			}
		}})
	register(command{name: "export evaluations", args: "--period ID --out FILE.xlsx", summary: "mengekspor penilaian sebuah periode ke .xlsx (kolom e-Kinerja)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			out := fs.String("out", "", "file tujuan .xlsx")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
					return usagef("export evaluations: pakai --period ID --out FILE.xlsx")
				}
				return e.withService(func(svc *service.Service) error { return exportEvaluations(e, svc, *period, *out) })
			}
		}})
}

// evaluationTarget declares the --period and --nip flags every evaluation step needs.
func evaluationTarget(fs *flag.FlagSet) (period, nip *string) {
	return fs.String("period", "", "kode periode"), fs.String("nip", "", "NIP pegawai yang dinilai")
}

func checkTarget(cmd string, args []string, period, nip string) error {
	switch {
	case len(args) > 0:
		return usagef("%s: argumen %q tidak dikenal", cmd, args[0])
	case period == "" || nip == "":
		return usagef("%s: --period dan --nip wajib diisi", cmd)
	}
	return nil
}

// evaluationStep finds the staff member by NIP, runs do and reports the result.
func evaluationStep(e *env, svc *service.Service, period, nip string, do func(staffID uint64, period string) (data.Evaluation, error)) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	p, err := svc.PeriodByID(period)
	if err != nil {
		return err
	}
	ev, err := do(s.ID, p.ID)
	if err != nil {
		return fmt.Errorf("penilaian %s %s: %w", s.DisplayName(), p.Label(), err)
	}
	predikat := ev.Predikat.Label()
	if predikat == "" {
		predikat = "belum ada (kedua rating belum diisi)"
	}
	fmt.Fprintf(e.stdout, "%s, %s: %s, revisi %d, predikat %s\n", s.DisplayName(), p.Label(), ev.State.Label(), ev.Revision, predikat)
	return nil
}

// periodJSON is one period as "period list --format json" prints it.
type periodJSON struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Label    string `json:"label"`
	Start    string `json:"start"`
	End      string `json:"end"`
	Deadline string `json:"deadline"`
	Capaian  string `json:"capaian"`
}

func listPeriods(e *env, svc *service.Service, format string) error {
	list, err := svc.Periods()
	if err != nil {
		return err
	}
	views := make([]periodJSON, 0, len(list))
	rows := make([][]string, 0, len(list))
	for _, p := range list {
		views = append(views, periodJSON{ID: p.ID, Kind: string(p.Kind), Label: p.Label(), Start: p.Start.String(), End: p.End.String(),
			Deadline: p.Deadline.String(), Capaian: string(p.Capaian)})
		rows = append(rows, []string{p.ID, p.Label(), p.Start.Slash(), p.End.Slash(), p.Deadline.Slash(), p.Capaian.Label()})
	}
	if format == "json" {
		return writeJSON(e.stdout, views)
	}
	return writeTable(e.stdout, []string{"Kode", "Periode", "Mulai", "Selesai", "Batas isi", "Capaian organisasi"}, rows)
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

func listEvaluations(e *env, svc *service.Service, period, format string) error {
	p, err := svc.PeriodByID(period)
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
	header := []string{"NIP", "Nama", "Unit kerja", "Rating hasil kerja", "Rating perilaku", "Predikat", "Status", "Revisi"}
	switch format {
	case "json":
		return writeJSON(e.stdout, views)
	case "csv":
		return writeCSV(e.stdout, header, rows)
	}
	return writeTable(e.stdout, header, rows)
}

func exportEvaluations(e *env, svc *service.Service, period, out string) error {
	p, err := svc.PeriodByID(period)
	if err != nil {
		return err
	}
	list, err := svc.EvaluationList(p.ID)
	if err != nil {
		return err
	}
	b := export.EvaluationWorkbook{Period: p.Period}
	for _, r := range list {
		if !r.Stored {
			continue
		}
		rec := export.EvaluationRecord{Employee: r.Employee, Rater: r.Rater, Evaluation: r.Evaluation}
		if r.HasSKP && r.SKP.ID == r.Evaluation.SKPID {
			rec.HasilKerja = r.SKP.Rows
		}
		b.Records = append(b.Records, rec)
	}
	if err := export.WriteEvaluationsFile(out, b); err != nil {
		return fmt.Errorf("mengekspor ke %s: %w", out, err)
	}
	fmt.Fprintf(e.stdout, "%d penilaian %s diekspor ke %s\n", len(b.Records), p.Label(), out)
	return nil
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

func listRevisions(e *env, svc *service.Service, period, nip, format string) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	p, err := svc.PeriodByID(period)
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
	if format == "json" {
		return writeJSON(e.stdout, views)
	}
	return writeTable(e.stdout, []string{"Revisi", "Ditetapkan", "Predikat", "Pangkat saat itu", "Pejabat penilai"}, rows)
}
