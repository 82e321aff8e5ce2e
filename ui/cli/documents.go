package cli

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"

	"kinerja/data/service"
)

func init() {
	register(command{name: "export appraisal", args: "--period ID --out DIR [--nip NIP] [--unit UNIT]",
		summary: "mengekspor dokumen evaluasi yang ditetapkan (bertanda tangan) dan daftarnya (.xlsx) ke folder",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			out := fs.String("out", "", "folder tujuan, mis. flashdisk")
			nip := fs.String("nip", "", "hanya pegawai dengan NIP ini")
			unit := fs.String("unit", "", "hanya unit ini (nomor atau nama)")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || *out == "" {
					return usagef("export appraisal: pakai --period ID --out DIR [--nip NIP] [--unit UNIT]")
				}
				return e.withService(func(svc *service.Service) error {
					return exportDocuments(e, svc, *period, *out, *nip, *unit, (*service.Service).ExportAppraisals)
				})
			}
		}})
	register(command{name: "export forms", args: "--period ID --out DIR [--unit UNIT]",
		summary: "mengekspor formulir evaluasi kosong untuk diisi tangan ke folder",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			out := fs.String("out", "", "folder tujuan")
			unit := fs.String("unit", "", "hanya unit ini (nomor atau nama)")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || *out == "" {
					return usagef("export forms: pakai --period ID --out DIR [--unit UNIT]")
				}
				return e.withService(func(svc *service.Service) error {
					return exportDocuments(e, svc, *period, *out, "", *unit, (*service.Service).ExportForms)
				})
			}
		}})
	register(command{name: "export tte", args: "--period ID --nip NIP --out FILE.pdf",
		summary: "mengekspor dokumen evaluasi yang ditetapkan untuk ditandatangani lewat BSrE/Srikandi",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			nip := fs.String("nip", "", "NIP pegawai yang dinilai")
			out := fs.String("out", "", "berkas tujuan .pdf")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || *nip == "" || *out == "" {
					return usagef("export tte: pakai --period ID --nip NIP --out FILE.pdf")
				}
				return e.withService(func(svc *service.Service) error {
					s, err := svc.StaffByIdentifier(*nip)
					if err != nil {
						return err
					}
					if err := svc.ExportForTTE(*period, s.ID, *out); err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Ditulis: %s\n", *out)
					return nil
				})
			}
		}})
	register(command{name: "evaluation sign", args: "--period ID --nip NIP",
		summary: "menandatangani penilaian yang sudah ditetapkan dengan penanda tangan Pejabat Penilai",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			period := fs.String("period", "", "kode periode")
			nip := fs.String("nip", "", "NIP pegawai yang dinilai")
			return func(e *env, args []string) error {
				if len(args) > 0 || *period == "" || *nip == "" {
					return usagef("evaluation sign: pakai --period ID --nip NIP")
				}
				return e.withService(func(svc *service.Service) error { return signEvaluation(e, svc, *period, *nip) })
			}
		}})
}

// exporter is ExportAppraisals or ExportForms.
type exporter func(svc *service.Service, ctx context.Context, periodID string, filter service.ExportFilter, dir string, progress service.Progress) (service.ExportResult, error)

// exportDocuments runs a batch export, showing progress on stderr; Ctrl+C
// cancels it without leaving a half-written file.
func exportDocuments(e *env, svc *service.Service, period, out, nip, unit string, run exporter) error {
	filter := service.ExportFilter{NIP: nip}
	if unit != "" {
		id, err := svc.ResolveUnit(unit)
		if err != nil {
			return err
		}
		filter.UnitID = id
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res, err := run(svc, ctx, period, filter, out, func(done, total int) {
		fmt.Fprintf(e.stderr, "\r%d/%d", done, total)
		if done == total {
			fmt.Fprintln(e.stderr)
		}
	})
	signed := 0
	for _, f := range res.Files {
		state := "tanpa tanda tangan"
		if f.Signed {
			state, signed = "bertanda tangan", signed+1
		}
		fmt.Fprintf(e.stdout, "Ditulis: %s (%s)\n", f.Path, state)
	}
	if err != nil {
		return err
	}
	if res.Index != "" {
		fmt.Fprintf(e.stdout, "Daftar: %s\n", res.Index)
	}
	fmt.Fprintf(e.stdout, "%d berkas diekspor, %d bertanda tangan.\n", len(res.Files), signed)
	return nil
}

func signEvaluation(e *env, svc *service.Service, period, nip string) error {
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	v, err := svc.EvaluationFor(period, s.ID)
	if err != nil {
		return err
	}
	pass, err := secret(e, "Frasa sandi "+v.Identities.Rater.Name, envPassphrase)
	if err != nil {
		return err
	}
	doc, err := svc.SignEvaluation(period, s.ID, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Ditandatangani oleh %s: %s\n", doc.SignerName, doc.DocumentID)
	return nil
}
