package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
	"kinerja/export/sign"
)

// Environment variables that supply passphrases to the CLI. The office
// passphrase (of the sertifikat induk kantor) falls back to the signer's.
const (
	envPassphrase       = "KINERJA_PASSPHRASE"
	envOfficePassphrase = "KINERJA_OFFICE_PASSPHRASE"
	envPFXPassword      = "KINERJA_PFX_PASSWORD"
)

// errNoTerminal is returned when a passphrase is needed, no environment
// variable gives it and there is no terminal to ask on.
func errNoTerminal(what, variable string) error {
	return fmt.Errorf("%s diperlukan: isi variabel lingkungan %s atau jalankan dari terminal agar dapat ditanyakan", what, variable)
}

// secret returns the value of the first set environment variable, or asks
// for it on the terminal with echo off (prompt on stderr). Standard input
// counts as a terminal only when its echo can be turned off, so a passphrase
// is never read from a pipe or typed visibly.
func secret(e *env, what string, variables ...string) (string, error) {
	for _, v := range variables {
		if s, ok := os.LookupEnv(v); ok && s != "" {
			return s, nil
		}
	}
	restore, ok := hideInput()
	if !ok {
		return "", errNoTerminal(what, variables[0])
	}
	fmt.Fprintf(e.stderr, "%s: ", what)
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	restore()
	fmt.Fprintln(e.stderr)
	if err != nil && line == "" {
		return "", fmt.Errorf("membaca %s: %w", what, err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

func signerPassphrase(e *env) (string, error) {
	return secret(e, "Frasa sandi penanda tangan", envPassphrase)
}

func officePassphrase(e *env) (string, error) {
	return secret(e, "Frasa sandi sertifikat induk kantor", envOfficePassphrase, envPassphrase)
}

func init() {
	register(command{name: "signer create", args: "--nip NIP | --root",
		summary: "membuat sertifikat induk kantor (--root) atau penanda tangan untuk seorang pejabat",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			nip := fs.String("nip", "", "NIP pejabat penanda tangan")
			rootOnly := fs.Bool("root", false, "hanya membuat sertifikat induk kantor")
			return func(e *env, args []string) error {
				if len(args) > 0 || (*nip == "") == !*rootOnly {
					return usagef("signer create: pakai --nip NIP atau --root")
				}
				return e.withService(func(svc *service.Service) error { return createSigner(e, svc, *nip) })
			}
		}})
	register(command{name: "signer import", args: "FILE.p12 --nip NIP [--trust-root]",
		summary: "mengimpor penanda tangan dari berkas PKCS#12 (.p12/.pfx)",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			nip := fs.String("nip", "", "NIP pemilik sertifikat")
			trust := fs.Bool("trust-root", false, "percayai juga penerbit teratas sertifikat ini")
			return func(e *env, args []string) error {
				if len(args) != 1 || *nip == "" {
					return usagef("signer import: sebutkan satu FILE.p12 dan --nip NIP")
				}
				return e.withService(func(svc *service.Service) error { return importSigner(e, svc, args[0], *nip, *trust) })
			}
		}})
	register(command{name: "signer list", args: "[--format text|json]", summary: "daftar penanda tangan dan sertifikat induk",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			format := fs.String("format", "text", "text atau json")
			return func(e *env, args []string) error {
				if len(args) > 0 || (*format != "text" && *format != "json") {
					return usagef("signer list: pakai [--format text|json]")
				}
				return e.withService(func(svc *service.Service) error { return listSigners(e, svc, *format) })
			}
		}})
	register(command{name: "signer export-root", args: "--out FILE.cer [--pem]",
		summary: "mengekspor sertifikat induk kantor agar kantor lain dapat memverifikasi",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			out := fs.String("out", "", "berkas tujuan .cer")
			pem := fs.Bool("pem", false, "tulis dalam bentuk PEM (teks)")
			return func(e *env, args []string) error {
				if len(args) > 0 || *out == "" {
					return usagef("signer export-root: pakai --out FILE.cer")
				}
				return e.withService(func(svc *service.Service) error { return exportRoot(e, svc, *out, *pem) })
			}
		}})
	register(command{name: "signer trust", args: "FILE.cer", summary: "mempercayai sertifikat induk kantor lain atau kabupaten",
		flags: func(fs *flag.FlagSet) func(*env, []string) error {
			return func(e *env, args []string) error {
				if len(args) != 1 {
					return usagef("signer trust: sebutkan satu FILE.cer")
				}
				return e.withService(func(svc *service.Service) error {
					raw, err := os.ReadFile(args[0])
					if err != nil {
						return fmt.Errorf("membaca %s: %w", args[0], err)
					}
					info, err := svc.TrustRoot(raw)
					if err != nil {
						return err
					}
					fmt.Fprintf(e.stdout, "Dipercayai: %s (SHA-256 %s)\n", info.Name, info.SHA256)
					return nil
				})
			}
		}})
}

// createSigner creates the office root when there is none, then (with a
// NIP) the signer of that staff member.
func createSigner(e *env, svc *service.Service, nip string) error {
	_, found, err := svc.OfficeRootInfo()
	if err != nil {
		return err
	}
	var staff data.Staff
	if nip != "" {
		if staff, err = svc.StaffByIdentifier(nip); err != nil {
			return err
		}
	}
	if found && nip == "" {
		return service.ErrRootExists
	}
	office, err := officePassphrase(e)
	if err != nil {
		return err
	}
	if !found {
		info, err := svc.CreateOfficeRoot(office)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "Sertifikat induk kantor dibuat: %s, berlaku s.d. %s (SHA-256 %s)\n",
			info.Name, data.DateOf(info.NotAfter).Long(), info.SHA256)
		if nip == "" {
			return nil
		}
	}
	pass, err := signerPassphrase(e)
	if err != nil {
		return err
	}
	info, err := svc.CreateSigner(staff.ID, office, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Penanda tangan dibuat: %s (NIP %s), berlaku s.d. %s\n", info.Name, info.NIP, data.DateOf(info.NotAfter).Long())
	return nil
}

func importSigner(e *env, svc *service.Service, file, nip string, trust bool) error {
	staff, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return err
	}
	pfx, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("membaca %s: %w", file, err)
	}
	pfxPass, err := secret(e, "Kata sandi berkas PKCS#12", envPFXPassword)
	if err != nil {
		return err
	}
	pass, err := signerPassphrase(e)
	if err != nil {
		return err
	}
	info, err := svc.ImportSigner(staff.ID, pfx, pfxPass, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Penanda tangan diimpor: %s, diterbitkan oleh %s\n", info.Name, info.Issuer)
	if info.RootCER == nil {
		return nil
	}
	if !trust {
		fmt.Fprintf(e.stdout, "Penerbit teratas %s (SHA-256 %s) BELUM dipercayai; periksa sidik jarinya lalu jalankan lagi dengan --trust-root atau pakai \"signer trust\".\n", info.RootName, info.RootSHA256)
		return nil
	}
	root, err := svc.TrustRoot(info.RootCER)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Dipercayai: %s (SHA-256 %s)\n", root.Name, root.SHA256)
	return nil
}

// signerJSON is one signer as "signer list --format json" prints it.
type signerJSON struct {
	ID       uint64 `json:"id"`
	Name     string `json:"name"`
	NIP      string `json:"nip"`
	Kind     string `json:"kind"`
	Issuer   string `json:"issuer"`
	ValidTo  string `json:"valid_to"`
	Revoked  bool   `json:"revoked"`
	RootName string `json:"root,omitempty"`
}

func listSigners(e *env, svc *service.Service, format string) error {
	root, found, err := svc.OfficeRootInfo()
	if err != nil {
		return err
	}
	list, err := svc.Signers()
	if err != nil {
		return err
	}
	rows := make([]signerJSON, 0, len(list))
	for _, s := range list {
		rows = append(rows, signerJSON{ID: s.ID, Name: s.Name, NIP: s.NIP, Kind: string(s.Kind), Issuer: s.Issuer,
			ValidTo: data.DateOf(s.NotAfter).String(), Revoked: s.Revoked, RootName: s.RootName})
	}
	if format == "json" {
		return writeJSON(e.stdout, rows)
	}
	if found {
		fmt.Fprintf(e.stdout, "Sertifikat induk kantor: %s, berlaku s.d. %s (SHA-256 %s)\n\n", root.Name, data.DateOf(root.NotAfter).Long(), root.SHA256)
	} else {
		fmt.Fprintln(e.stdout, "Sertifikat induk kantor belum dibuat.")
	}
	table := make([][]string, 0, len(rows))
	for _, r := range rows {
		state := "aktif"
		if r.Revoked {
			state = "diganti"
		}
		table = append(table, []string{r.Name, r.NIP, service.SignerKind(r.Kind).Label(), r.Issuer, r.ValidTo, state})
	}
	return writeTable(e.stdout, []string{"NAMA", "NIP", "JENIS", "PENERBIT", "BERLAKU S.D.", "STATUS"}, table)
}

func exportRoot(e *env, svc *service.Service, out string, pem bool) error {
	cer, err := svc.ExportRoot()
	if err != nil {
		return err
	}
	if pem {
		if cer, err = sign.RootPEM(sign.Identity{CertDER: cer}); err != nil {
			return err
		}
	}
	if err := export.WriteFileAtomic(out, func(w io.Writer) error {
		_, err := w.Write(cer)
		return err
	}); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "Sertifikat induk kantor ditulis ke %s\n", out)
	return nil
}

// finalizeEvaluation is "evaluation finalize": when the rater holds a
// signer, Ditetapkan is the moment the rater signs (service.FinalizeAndSign,
// passphrase from KINERJA_PASSPHRASE or the terminal); otherwise the
// evaluation is only finalized.
func finalizeEvaluation(e *env, svc *service.Service, periodID string, staffID uint64) (data.Evaluation, error) {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, err
	}
	rater := v.Evaluation.Rater.StaffID
	has := false
	if rater != 0 {
		if has, err = svc.HasSigner(rater); err != nil {
			return data.Evaluation{}, err
		}
	}
	if !has {
		return svc.Finalize(periodID, staffID)
	}
	pass, err := secret(e, "Frasa sandi "+v.Identities.Rater.Name, envPassphrase)
	if err != nil {
		return data.Evaluation{}, err
	}
	ev, doc, err := svc.FinalizeAndSign(periodID, staffID, pass)
	if err != nil {
		return data.Evaluation{}, err
	}
	fmt.Fprintf(e.stdout, "Ditandatangani oleh %s: %s\n", doc.SignerName, doc.DocumentID)
	return ev, nil
}
