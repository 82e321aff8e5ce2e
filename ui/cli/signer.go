package cli

import (
	"fmt"
	"io"
	"os"

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
	office, err := officePassphrase(c)
	if err != nil {
		return err
	}
	if !found {
		info, err := svc.CreateOfficeRoot(office)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Sertifikat induk kantor dibuat: %s, berlaku s.d. %s (SHA-256 %s)\n",
			info.Name, data.DateOf(info.NotAfter).Long(), info.SHA256)
		if nip == "" {
			return nil
		}
	}
	pass, err := signerPassphrase(c)
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
// a PKCS#12 file; its root is trusted only with --trust-root.
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
		pass, err := signerPassphrase(c)
		if err != nil {
			return err
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
		root, err := svc.TrustRoot(info.RootCER)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Dipercayai: %s (SHA-256 %s)\n", root.Name, root.SHA256)
		return nil
	})
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

// signerList is "kinerja signer list": the office root and every signer.
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
		list, err := svc.Signers()
		if err != nil {
			return err
		}
		views := make([]signerJSON, 0, len(list))
		rows := make([][]string, 0, len(list))
		for _, s := range list {
			v := signerJSON{ID: s.ID, Name: s.Name, NIP: s.NIP, Kind: string(s.Kind), Issuer: s.Issuer,
				ValidTo: data.DateOf(s.NotAfter).String(), Revoked: s.Revoked, RootName: s.RootName}
			views = append(views, v)
			state := "aktif"
			if v.Revoked {
				state = "diganti"
			}
			rows = append(rows, []string{v.Name, v.NIP, service.SignerKind(v.Kind).Label(), v.Issuer, v.ValidTo, state})
		}
		header := []string{"NAMA", "NIP", "JENIS", "PENERBIT", "BERLAKU S.D.", "STATUS"}
		return c.print(listing{json: views, header: header, rows: rows, text: func(w io.Writer) error {
			if found {
				fmt.Fprintf(w, "Sertifikat induk kantor: %s, berlaku s.d. %s (SHA-256 %s)\n\n", root.Name, data.DateOf(root.NotAfter).Long(), root.SHA256)
			} else {
				fmt.Fprintln(w, "Sertifikat induk kantor belum dibuat.")
			}
			return writeTable(w, header, rows)
		}})
	})
}

// signerExportRoot is "kinerja signer export-root --out FILE.cer": the office
// root certificate for other offices to verify with.
func signerExportRoot(c *call) error {
	out := c.flags.String("out", "", "berkas tujuan .cer")
	pem := c.flags.Bool("pem", false, "tulis dalam bentuk PEM (teks)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *out == "" {
		return usagef("signer export-root: pakai --out FILE.cer")
	}
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
		if err := writeFile(*out, cer); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Sertifikat induk kantor ditulis ke %s\n", *out)
		return nil
	})
}

// signerTrust is "kinerja signer trust FILE.cer": another office's or the
// kabupaten's root becomes trusted for verification.
func signerTrust(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) != 1 {
		return usagef("signer trust: sebutkan satu FILE.cer")
	}
	file := c.args[0]
	return c.withService(func(svc *service.Service) error {
		raw, err := os.ReadFile(file)
		if err != nil {
			return fmt.Errorf("membaca %s: %w", file, err)
		}
		info, err := svc.TrustRoot(raw)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Dipercayai: %s (SHA-256 %s)\n", info.Name, info.SHA256)
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
