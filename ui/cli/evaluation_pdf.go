package cli

import (
	"flag"
	"fmt"
	"io"

	"kinerja/data/service"
	"kinerja/export"
)

func init() {
	register(command{name: "export evaluation", args: "--period ID --nip NIP [--revision N] --out FILE.pdf",
		summary: "mengekspor satu dokumen evaluasi, juga revisi lama yang disimpan (bawaan: versi sekarang)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "periode, mis. 2026-Q3")
			nip := fs.String("nip", "", "NIP pegawai")
			revision := fs.Int("revision", -1, "nomor revisi (0 = versi pertama)")
			out := fs.String("out", "", "berkas tujuan .pdf")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || *nip == "" || *out == "" || *revision < -1 {
					return usagef("export evaluation: pakai --period ID --nip NIP [--revision N] --out FILE.pdf")
				}
				return e.withService(func(svc *service.Service) error { return exportEvaluation(e, svc, *period, *nip, *revision, *out) })
			}
		}})
}

// exportEvaluation writes one evaluation document to out (service.EvaluationPDF);
// revision -1 means the current version.
func exportEvaluation(e *env, svc *service.Service, periodID, nip string, revision int, out string) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	v, err := svc.EvaluationFor(periodID, s.ID)
	if err != nil {
		return err
	}
	if revision < 0 {
		revision = v.Evaluation.Revision
	}
	content, signed, err := svc.EvaluationPDF(v.Period.ID, s.ID, revision)
	if err != nil {
		return err
	}
	if err := export.WriteFileAtomic(out, func(w io.Writer) error {
		_, err := w.Write(content)
		return err
	}); err != nil {
		return fmt.Errorf("menulis %s: %w", out, err)
	}
	state := "tanpa tanda tangan"
	if signed {
		state = "bertanda tangan"
	}
	fmt.Fprintf(e.stdout, "Ditulis: %s (%s, revisi %d, %s)\n", out, s.DisplayName(), revision, state)
	return nil
}
