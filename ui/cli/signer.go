package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export/sign"
)

// maxSignatureImageKB is the largest scanned signature, in KB, for the usage line.
const maxSignatureImageKB = service.MaxSignatureImageSize >> 10

// signerCreate is "kinerja signer create --root | --nip NIP": the office
// root when there is none, then (with a NIP) the signer of that official.
func signerCreate(c *call) error {
	nip := c.flags.String("nip", "", "NIP pejabat penanda tangan")
	rootOnly := c.flags.Bool("root", false, "hanya membuat sertifikat induk kantor")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || (*nip == "") == !*rootOnly {
		return usagef("signer create: pakai --nip NIP atau --root")
	}
	return c.withService(func(svc *service.Service) error { return createSigner(c, svc, *nip) })
}

func createSigner(c *call, svc *service.Service, nip string) error {
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
	var office string
	if found {
		office, err = officePassphrase(c)
	} else {
		office, err = newOfficePassphrase(c)
	}
	if err != nil {
		return err
	}
	if !found {
		info, err := svc.CreateOfficeRoot(office)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Sertifikat induk kantor dibuat: %s, berlaku s.d. %s (sidik jari %s, SHA-256 %s)\n",
			info.Name, data.DateOf(info.NotAfter).Long(), info.Fingerprint, info.SHA256)
		if nip == "" {
			return nil
		}
	}
	pass, err := newSignerPassphrase(c, staff.NIP)
	if err != nil {
		return err
	}
	info, err := svc.CreateSigner(staff.ID, office, pass)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.stdout, "Penanda tangan dibuat: %s (NIP %s), berlaku s.d. %s\n", info.Name, info.NIP, data.DateOf(info.NotAfter).Long())
	return nil
}

// signerImport is "kinerja signer import FILE.p12 --nip NIP": a signer from
// a PKCS#12 file; its root is trusted only with --trust-root, which the
// office root signs (office passphrase).
func signerImport(c *call) error {
	nip := c.flags.String("nip", "", "NIP pemilik sertifikat")
	trust := c.flags.Bool("trust-root", false, "percayai juga penerbit teratas sertifikat ini")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 || *nip == "" {
		return usagef("signer import: sebutkan satu FILE.p12 dan --nip NIP")
	}
	file := c.args[0]
	return c.withService(func(svc *service.Service) error {
		staff, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		pfx, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("membaca %s: %w", file, err)
		}
		pfxPass, err := secret(c, "Kata sandi berkas PKCS#12", envPFXPassword)
		if err != nil {
			return err
		}
		pass, err := newSignerPassphrase(c, staff.NIP)
		if err != nil {
			return err
		}
		var office string
		if *trust {
			// Asked before importing, so a missing passphrase leaves nothing half done.
			if office, err = officePassphrase(c); err != nil {
				return err
			}
		}
		info, err := svc.ImportSigner(staff.ID, pfx, pfxPass, pass)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Penanda tangan diimpor: %s, diterbitkan oleh %s\n", info.Name, info.Issuer)
		if info.RootCER == nil {
			return nil
		}
		if !*trust {
			fmt.Fprintf(c.stdout, "Penerbit teratas %s (SHA-256 %s) BELUM dipercayai; periksa sidik jarinya lalu jalankan lagi dengan --trust-root atau pakai \"signer trust\".\n", info.RootName, info.RootSHA256)
			return nil
		}
		root, err := svc.TrustRootWith(info.RootCER, nil, office)
		if err != nil {
			return fmt.Errorf("penanda tangan sudah diimpor, tetapi penerbitnya belum dipercayai: %w", err)
		}
		printTrusted(c, root)
		return nil
	})
}

// printTrusted says which root is now trusted, with both fingerprints.
func printTrusted(c *call, root service.RootInfo) {
	fmt.Fprintf(c.stdout, "Dipercayai: %s (sidik jari %s, SHA-256 %s)\n", root.Name, root.Fingerprint, root.SHA256)
}

// signerJSON is one entry of "signer list --format json": a signer (kind
// office or imported), the office root (office_root) or a root trusted
// besides it (trusted_root).
type signerJSON struct {
	ID           uint64 `json:"id,omitempty"`
	Name         string `json:"name"`
	NIP          string `json:"nip,omitempty"`
	Kind         string `json:"kind"`
	Issuer       string `json:"issuer,omitempty"`
	ValidTo      string `json:"valid_to"`
	State        string `json:"state"` // aktif, diganti, dicabut; dipercaya, tidak_dipercaya
	Revoked      bool   `json:"revoked"`
	ReplacedAt   string `json:"replaced_at,omitempty"`
	RevokedAt    string `json:"revoked_at,omitempty"`
	RevokeReason string `json:"revoke_reason,omitempty"`
	RootName     string `json:"root,omitempty"`
	Fingerprint  string `json:"fingerprint,omitempty"`
	SHA256       string `json:"sha256,omitempty"`
	TrustedAt    string `json:"trusted_at,omitempty"`
	TrustedBy    string `json:"trusted_by,omitempty"`
	Problem      string `json:"problem,omitempty"`
}

// The kinds of roots in "signer list --format json".
const (
	kindOfficeRoot  = "office_root"
	kindTrustedRoot = "trusted_root"
)

// stamp writes a moment for lists; "" when zero.
func stamp(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2006-01-02 15:04")
}

// signerState is a signer's state in words: aktif, diganti (date) or
// dicabut (date, reason).
func signerState(s service.SignerInfo) (state, text string) {
	switch {
	case !s.RevokedAt.IsZero():
		text = "dicabut " + stamp(s.RevokedAt)
		if s.RevokeReason != "" {
			text += ": " + s.RevokeReason
		}
		return "dicabut", text
	case !s.ReplacedAt.IsZero():
		return "diganti", "diganti " + stamp(s.ReplacedAt)
	case s.Revoked:
		return "diganti", "diganti"
	}
	return "aktif", "aktif"
}

// signerList is "kinerja signer list": the office root, the roots trusted
// besides it, and every signer with its state.
func signerList(c *call) error {
	c.formatFlag(formatJSON)
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("signer list: pakai [--format text|json]")
	}
	return c.withService(func(svc *service.Service) error {
		root, found, err := svc.OfficeRootInfo()
		if err != nil {
			return err
		}
		roots, err := svc.TrustedRoots()
		if err != nil {
			return err
		}
		list, err := svc.Signers()
		if err != nil {
			return err
		}
		views := make([]signerJSON, 0, len(list)+len(roots)+1)
		if found {
			views = append(views, signerJSON{Name: root.Name, Kind: kindOfficeRoot, ValidTo: data.DateOf(root.NotAfter).String(),
				State: "aktif", Fingerprint: root.Fingerprint, SHA256: root.SHA256})
		}
		rootRows := make([][]string, 0, len(roots))
		for _, r := range roots {
			v := signerJSON{Name: r.Name, Kind: kindTrustedRoot, ValidTo: data.DateOf(r.NotAfter).String(), State: "dipercaya",
				Fingerprint: r.Fingerprint, SHA256: r.SHA256, TrustedAt: stamp(r.TrustedAt), TrustedBy: r.TrustedBy, Problem: r.Problem}
			state := "dipercaya"
			if !r.Trusted() {
				v.State, state = "tidak_dipercaya", "TIDAK dipercaya: "+r.Problem
			}
			views = append(views, v)
			rootRows = append(rootRows, []string{v.Name, v.Fingerprint, v.TrustedAt, v.TrustedBy, state})
		}
		rows := make([][]string, 0, len(list))
		for _, s := range list {
			state, text := signerState(s)
			v := signerJSON{ID: s.ID, Name: s.Name, NIP: s.NIP, Kind: string(s.Kind), Issuer: s.Issuer,
				ValidTo: data.DateOf(s.NotAfter).String(), State: state, Revoked: s.Revoked, ReplacedAt: stamp(s.ReplacedAt),
				RevokedAt: stamp(s.RevokedAt), RevokeReason: s.RevokeReason, RootName: s.RootName}
			views = append(views, v)
			rows = append(rows, []string{v.Name, v.NIP, service.SignerKind(v.Kind).Label(), v.Issuer, v.ValidTo, text})
		}
		header := []string{"NAMA", "NIP", "JENIS", "PENERBIT", "BERLAKU S.D.", "STATUS"}
		return c.print(listing{json: views, header: header, rows: rows, text: func(w io.Writer) error {
			if found {
				fmt.Fprintf(w, "Sertifikat induk kantor: %s, berlaku s.d. %s (sidik jari %s, SHA-256 %s)\n\n",
					root.Name, data.DateOf(root.NotAfter).Long(), root.Fingerprint, root.SHA256)
			} else {
				fmt.Fprintln(w, "Sertifikat induk kantor belum dibuat.")
				fmt.Fprintln(w)
			}
			if len(rootRows) == 0 {
				fmt.Fprintln(w, "Sertifikat induk lain yang dipercaya: tidak ada.")
			} else {
				fmt.Fprintln(w, "Sertifikat induk lain yang dipercaya:")
				if err := writeTable(w, []string{"NAMA", "SIDIK JARI", "DIPERCAYA SEJAK", "OLEH", "STATUS"}, rootRows); err != nil {
					return err
				}
			}
			fmt.Fprintln(w)
			if len(rows) == 0 {
				_, err := fmt.Fprintln(w, "Penanda tangan: belum ada.")
				return err
			}
			return writeTable(w, header, rows)
		}})
	})
}

// signerRevoke is "kinerja signer revoke --nip NIP --reason TEXT": every key
// of that official is revoked (lost or leaked, or leaving office); the
// office root signs the new revocation list.
func signerRevoke(c *call) error {
	nip := c.flags.String("nip", "", "NIP pemilik penanda tangan")
	reason := c.flags.String("reason", "", "alasan pencabutan, mis. kunci hilang")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *nip == "" || strings.TrimSpace(*reason) == "" {
		return usagef("signer revoke: pakai --nip NIP --reason TEKS")
	}
	return c.withService(func(svc *service.Service) error {
		staff, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		office, err := officePassphrase(c)
		if err != nil {
			return err
		}
		revoked, err := svc.RevokeSigner(staff.ID, *reason, office)
		if err != nil {
			return err
		}
		for _, s := range revoked {
			fmt.Fprintf(c.stdout, "Dicabut: %s (NIP %s), %s\n", s.Name, s.NIP, service.SignerKind(s.Kind).Label())
		}
		fmt.Fprintln(c.stdout, "Ekspor lagi sertifikat induk beserta daftar pencabutannya (signer export-root) untuk kantor lain.")
		return nil
	})
}

// signerExportRoot is "kinerja signer export-root --out FILE.cer": the office
// root certificate for other offices to verify with, and its revocation list
// beside it (FILE.crl).
func signerExportRoot(c *call) error {
	out := c.flags.String("out", "", "berkas tujuan .cer")
	pem := c.flags.Bool("pem", false, "tulis sertifikat dalam bentuk PEM (teks)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *out == "" || strings.EqualFold(filepath.Ext(*out), ".crl") {
		return usagef("signer export-root: pakai --out FILE.cer")
	}
	crlPath := strings.TrimSuffix(*out, filepath.Ext(*out)) + ".crl"
	return c.withService(func(svc *service.Service) error {
		cer, err := svc.ExportRoot()
		if err != nil {
			return err
		}
		if *pem {
			if cer, err = sign.RootPEM(sign.Identity{CertDER: cer}); err != nil {
				return err
			}
		}
		crl, crlErr := svc.ExportRevocationList()
		if err := svc.WriteOutput(*out, cer); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Sertifikat induk kantor ditulis ke %s\n", *out)
		if crlErr != nil {
			fmt.Fprintln(c.stderr, "peringatan: daftar pencabutan tidak ditulis:", userMessage(crlErr))
			return nil
		}
		if err := svc.WriteOutput(crlPath, crl); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Daftar pencabutan ditulis ke %s (kirim bersama %s)\n", crlPath, filepath.Base(*out))
		return nil
	})
}

// signerTrust is "kinerja signer trust FILE.cer [--crl FILE.crl]": another
// office's or the kabupaten's root becomes trusted for verification. Its
// fingerprints are printed first, to compare by telephone with the office
// that sent it; the office root signs the trust (office passphrase).
func signerTrust(c *call) error {
	crlFile := c.flags.String("crl", "", "daftar pencabutan sertifikat induk itu (.crl)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("signer trust: sebutkan satu FILE.cer [--crl FILE.crl]")
	}
	file := c.args[0]
	cer, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("membaca %s: %w", file, err)
	}
	var crl []byte
	if *crlFile != "" {
		if crl, err = os.ReadFile(*crlFile); err != nil {
			return fmt.Errorf("membaca %s: %w", *crlFile, err)
		}
	}
	return c.withService(func(svc *service.Service) error {
		info, err := svc.PreviewRoot(cer)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		fmt.Fprintf(c.stdout, "Sertifikat induk: %s\nSidik jari: %s\nSHA-256: %s\nCocokkan sidik jari ini lewat telepon dengan kantor pengirimnya.\n",
			info.Name, info.Fingerprint, info.SHA256)
		office, err := officePassphrase(c)
		if err != nil {
			return err
		}
		root, err := svc.TrustRootWith(cer, crl, office)
		if err != nil {
			return err
		}
		printTrusted(c, root)
		return nil
	})
}

// signerUntrust is "kinerja signer untrust FINGERPRINT [--reason TEXT]": a
// trusted root is no longer trusted (the record stays, with who removed it).
func signerUntrust(c *call) error {
	reason := c.flags.String("reason", "", "alasan")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) == 0 {
		return usagef("signer untrust: sebutkan sidik jari sertifikat induk (lihat \"signer list\")")
	}
	fp := strings.Join(c.args, " ") // "BA78 16BF 8F01 CFEA" may come as four arguments
	return c.withService(func(svc *service.Service) error {
		info, err := svc.UntrustRoot(fp, *reason)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Tidak lagi dipercayai: %s (sidik jari %s)\n", info.Name, info.Fingerprint)
		return nil
	})
}

// signerImportCrl is "kinerja signer import-crl FILE.crl": a newer
// revocation list of a trusted root, checked against that root's key.
func signerImportCrl(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("signer import-crl: sebutkan satu FILE.crl")
	}
	file := c.args[0]
	crl, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("membaca %s: %w", file, err)
	}
	return c.withService(func(svc *service.Service) error {
		info, err := svc.ImportRevocationList(crl)
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
		fmt.Fprintf(c.stdout, "Daftar pencabutan %s nomor %d (%s) tersimpan: %d sertifikat dicabut atau diganti\n",
			info.RootName, info.Number, stamp(info.Updated), info.Entries)
		return nil
	})
}

// signerImage is "kinerja signer image --nip NIP FILE | --remove": a scanned
// signature for a staff member's documents.
func signerImage(c *call) error {
	nip := c.flags.String("nip", "", "NIP atau NIK pemilik tanda tangan")
	remove := c.flags.Bool("remove", false, "hapus gambar tanda tangan")
	if err := c.parse(); err != nil {
		return err
	}
	if *nip == "" || *remove == (len(c.args) == 1) || len(c.args) > 1 {
		return usagef("signer image: pakai --nip NIP dengan FILE atau --remove")
	}
	if *remove {
		return c.withService(func(svc *service.Service) error {
			staff, err := svc.StaffByIdentifier(*nip)
			if err != nil {
				return err
			}
			if err := svc.RemoveSignatureImage(staff.ID); err != nil {
				return err
			}
			fmt.Fprintf(c.stdout, "Gambar tanda tangan %s dihapus.\n", staff.DisplayName())
			return nil
		})
	}
	file := c.args[0]
	img, err := os.ReadFile(file)
	if err != nil {
		return fmt.Errorf("membaca gambar tanda tangan %s: %w", file, err)
	}
	if err := service.CheckSignatureImage(img); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return c.withService(func(svc *service.Service) error {
		staff, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		if err := svc.SetSignatureImage(staff.ID, img); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Gambar tanda tangan %s dipasang: %s (%d KB)\n", staff.DisplayName(), file, (len(img)+1023)>>10)
		return nil
	})
}
