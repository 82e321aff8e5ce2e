package cli

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export/pdf"
)

// exportStaff is "kinerja export staff --out FILE": the register as .xlsx or
// .csv, readable again by "import staff".
func exportStaff(c *call) error {
	out := c.flags.String("out", "", "file tujuan (.xlsx atau .csv)")
	if err := c.parse(); err != nil {
		return err
	}
	ext := strings.ToLower(filepath.Ext(*out))
	if len(c.args) > 0 || (ext != ".xlsx" && ext != ".csv") {
		return usagef("export staff: pakai --out FILE.xlsx atau --out FILE.csv")
	}
	return c.withService(func(svc *service.Service) error {
		n, err := svc.ExportStaff(*out)
		if err != nil {
			return fmt.Errorf("mengekspor ke %s: %w", *out, err)
		}
		fmt.Fprintf(c.stdout, "%d pegawai diekspor ke %s\n", n, *out)
		return nil
	})
}

// exportAttendance is "kinerja export attendance": a month's recap and TPP
// cut recap; with --sign --nip the PDFs are signed by that preparer, the
// passphrase from KINERJA_PASSPHRASE or the terminal.
func exportAttendance(c *call) error {
	month := c.flags.String("month", "", "bulan")
	out := c.flags.String("out", "", "folder tujuan")
	format := c.flags.String("format", service.FormatPDF, "pdf atau xlsx")
	signIt := c.flags.Bool("sign", false, "tandatangani rekap PDF dengan penanda tangan pegawai --nip (penyusun rekap)")
	nip := c.flags.String("nip", "", "NIP penyusun rekap yang menandatangani")
	kind := c.kindFlag()
	if err := c.parse(); err != nil {
		return err
	}
	y, m, err := service.ParseMonth(*month)
	if len(c.args) > 0 || err != nil || *out == "" || (*format != service.FormatPDF && *format != service.FormatXLSX) ||
		*signIt != (*nip != "") || (*signIt && *format != service.FormatPDF) {
		return usagef("export attendance: pakai --month YYYY-MM --out DIR [--format pdf|xlsx] [--kind JENIS] [--sign --nip NIP] (tanda tangan hanya untuk pdf)")
	}
	f, err := c.recapFilter(*kind)
	if err != nil {
		return err
	}
	if *signIt && f.Kind != "" {
		return usagef("export attendance: --kind belum dapat dipakai bersama --sign (rekap bertanda tangan memuat semua pegawai)")
	}
	return c.withService(func(svc *service.Service) error {
		if st, err := svc.HolidayListStatus(y); err == nil {
			warn(c, st.Warning())
		}
		paths, err := writeAttendance(c, svc, y, m, *out, *format, *nip, f)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Fprintln(c.stdout, "Tersimpan:", p)
		}
		return nil
	})
}

// writeAttendance writes a month's recap, signed by the staff member with
// nip when nip is set.
func writeAttendance(c *call, svc *service.Service, year int, month time.Month, out, format, nip string, f service.RecapFilter) ([]string, error) {
	if nip == "" {
		return svc.ExportAttendanceFor(year, month, out, format, data.Today(), f)
	}
	s, err := svc.StaffByIdentifier(nip)
	if err != nil {
		return nil, err
	}
	pass, err := secret(c, "Frasa sandi "+s.DisplayName(), envPassphrase)
	if err != nil {
		return nil, err
	}
	return svc.ExportAttendanceSigned(year, month, out, data.Today(), s.ID, pass)
}

// sheetUsage is the usage line of "export sheet".
const sheetUsage = "--date YYYY-MM-DD [--days N] [--unit UNIT] --out FILE.pdf"

// exportSheet is "kinerja export sheet": the blank daftar hadir of one day
// to a week (one unit when --unit names one), for days the machine is down.
func exportSheet(c *call) error {
	date := c.flags.String("date", "", "hari pertama")
	days := c.flags.Int("days", 1, fmt.Sprintf("jumlah hari, 1–%d", pdf.SheetMaxDays))
	unit := c.flags.String("unit", "", "hanya unit ini (nomor atau nama)")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	if err := c.parse(); err != nil {
		return err
	}
	from, err := data.ParseDate(*date)
	switch {
	case len(c.args) > 0 || err != nil || from.IsZero() || *out == "":
		return usagef("export sheet: pakai %s", sheetUsage)
	case *days < 1 || *days > pdf.SheetMaxDays:
		return usagef("export sheet: --days %d; isi 1 sampai %d", *days, pdf.SheetMaxDays)
	case !strings.EqualFold(filepath.Ext(*out), ".pdf"):
		return usagef("export sheet: --out %s harus berkas .pdf", *out)
	}
	return c.withService(func(svc *service.Service) error {
		unitID, err := resolveUnit(svc, *unit)
		if err != nil {
			return err
		}
		b, err := svc.AttendanceSheet(from, from.AddDays(*days-1), unitID)
		if err != nil {
			return err
		}
		if err := svc.WriteOutput(*out, b); err != nil {
			return err
		}
		fmt.Fprintln(c.stdout, "Tersimpan:", *out)
		return nil
	})
}

// exportEvaluations is "kinerja export evaluations": a period's evaluations
// in the e-Kinerja columns (service.ExportEvaluations).
func exportEvaluations(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	out := c.flags.String("out", "", "file tujuan .xlsx")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || !strings.EqualFold(filepath.Ext(*out), ".xlsx") {
		return usagef("export evaluations: pakai --period ID --out FILE.xlsx")
	}
	return c.withService(func(svc *service.Service) error {
		p, err := svc.PeriodByID(*period)
		if err != nil {
			return err
		}
		n, err := svc.ExportEvaluations(p.ID, *out)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "%d penilaian %s diekspor ke %s\n", n, p.Label(), *out)
		return nil
	})
}

// exportSKP is "kinerja export skp": the SKP document of a staff member for
// a year, with its Lampiran.
func exportSKP(c *call) error {
	nip := c.flags.String("nip", "", "NIP pegawai")
	year := c.flags.Int("year", data.Today().Year(), "tahun SKP")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *nip == "" || *out == "" || *year < 1900 || *year > 9999 {
		return usagef("export skp: pakai --nip NIP [--year YYYY] --out FILE.pdf")
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		k, err := svc.SKPForYear(s.ID, *year)
		if err != nil {
			return fmt.Errorf("%s: %w", s.DisplayName(), err)
		}
		content, err := svc.RenderSKP(s.ID, k.ID)
		if err != nil {
			return err
		}
		if err := svc.WriteOutput(*out, content); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Ditulis: %s\n", *out)
		return nil
	})
}

// exportAppraisal is "kinerja export appraisal": every final evaluation
// document of a period (signed ones as signed) and their list, e.g. to a USB stick.
func exportAppraisal(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	out := c.flags.String("out", "", "folder tujuan, mis. flashdisk")
	nip := c.flags.String("nip", "", "hanya pegawai dengan NIP ini")
	unit := c.flags.String("unit", "", "hanya unit ini (nomor atau nama)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || *out == "" {
		return usagef("export appraisal: pakai --period ID --out DIR [--nip NIP] [--unit UNIT]")
	}
	return c.withService(func(svc *service.Service) error {
		return exportDocuments(c, svc, *period, *out, *nip, *unit, (*service.Service).ExportAppraisals)
	})
}

// exportForms is "kinerja export forms": blank evaluation forms of a period.
func exportForms(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	out := c.flags.String("out", "", "folder tujuan")
	unit := c.flags.String("unit", "", "hanya unit ini (nomor atau nama)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || *out == "" {
		return usagef("export forms: pakai --period ID --out DIR [--unit UNIT]")
	}
	return c.withService(func(svc *service.Service) error {
		return exportDocuments(c, svc, *period, *out, "", *unit, (*service.Service).ExportForms)
	})
}

// exporter is ExportAppraisals or ExportForms.
type exporter func(svc *service.Service, ctx context.Context, periodID string, filter service.ExportFilter, dir string, progress service.Progress) (service.ExportResult, error)

// exportDocuments runs a batch export, showing progress on stderr; Ctrl+C
// cancels it without leaving a half-written file.
func exportDocuments(c *call, svc *service.Service, period, out, nip, unit string, run exporter) error {
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
		fmt.Fprintf(c.stderr, "\r%d/%d", done, total)
		if done == total {
			fmt.Fprintln(c.stderr)
		}
	})
	signed := 0
	for _, f := range res.Files {
		state := "tanpa tanda tangan"
		if f.Signed {
			state, signed = "bertanda tangan", signed+1
		}
		fmt.Fprintf(c.stdout, "Ditulis: %s (%s)\n", f.Path, state)
	}
	if err != nil {
		return err
	}
	if res.Index != "" {
		fmt.Fprintf(c.stdout, "Daftar: %s\n", res.Index)
	}
	fmt.Fprintf(c.stdout, "%d berkas diekspor, %d bertanda tangan.\n", len(res.Files), signed)
	return nil
}

// exportEvaluation is "kinerja export evaluation": one evaluation document,
// the current version or a kept revision (service.EvaluationPDF).
func exportEvaluation(c *call) error {
	period := c.flags.String("period", "", "periode, mis. 2026-Q3")
	nip := c.flags.String("nip", "", "NIP pegawai")
	revision := c.flags.Int("revision", -1, "nomor revisi (0 = versi pertama)")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	document := c.flags.String("document", "evaluasi", "evaluasi, dokumen atau keberatan")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || *nip == "" || *out == "" || *revision < -1 {
		return usagef("export evaluation: pakai --period ID --nip NIP [--revision N] [--document evaluasi|dokumen|keberatan] --out FILE.pdf")
	}
	kind, ok := docKind(*document)
	if !ok {
		return usagef("export evaluation: --document harus evaluasi, dokumen atau keberatan")
	}
	return c.withService(func(svc *service.Service) error {
		s, v, err := evaluationOf(svc, *period, *nip)
		if err != nil {
			return err
		}
		rev := *revision
		if rev < 0 {
			rev = v.Evaluation.Revision
		}
		content, signed, err := svc.DocumentPDF(v.Period.ID, s.ID, rev, kind)
		if err != nil {
			return err
		}
		if err := svc.WriteOutput(*out, content); err != nil {
			return err
		}
		state := "tanpa tanda tangan"
		if signed {
			state = "bertanda tangan"
		}
		fmt.Fprintf(c.stdout, "Ditulis: %s (%s, revisi %d, %s)\n", *out, s.DisplayName(), rev, state)
		return nil
	})
}

// exportTTE is "kinerja export tte": a final evaluation document to be
// signed online through BSrE/Srikandi.
func exportTTE(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	nip := c.flags.String("nip", "", "NIP pegawai yang dinilai")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || *nip == "" || *out == "" {
		return usagef("export tte: pakai --period ID --nip NIP --out FILE.pdf")
	}
	return c.withService(func(svc *service.Service) error {
		s, err := svc.StaffByIdentifier(*nip)
		if err != nil {
			return err
		}
		if err := svc.ExportForTTE(*period, s.ID, *out); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Ditulis: %s\n", *out)
		return nil
	})
}

// resolveUnit finds the unit a --unit value names; "" means every unit (0).
func resolveUnit(svc *service.Service, unit string) (uint64, error) {
	if strings.TrimSpace(unit) == "" {
		return 0, nil
	}
	return svc.ResolveUnit(unit)
}

// docKind is the evaluation document named by --document: the Evaluasi
// Kinerja Pegawai, the one-page Dokumen Evaluasi or the keberatan page.
func docKind(name string) (service.DocKind, bool) {
	for _, k := range []service.DocKind{service.DocEvaluation, service.DocSummary, service.DocObjection} {
		if k.Suffix() == name {
			return k, true
		}
	}
	return "", false
}

// exportPenetapan is "kinerja export penetapan": the Penetapan Predikat
// Kinerja of a period (PermenPANRB 6/2022), with --sign first signed by the
// head of the office with his own signer.
func exportPenetapan(c *call) error {
	period := c.flags.String("period", "", "kode periode")
	out := c.flags.String("out", "", "berkas tujuan .pdf")
	signIt := c.flags.Bool("sign", false, "tandatangani dengan penanda tangan pimpinan (Camat)")
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 || *period == "" || *out == "" {
		return usagef("export penetapan: pakai --period ID --out FILE.pdf [--sign]")
	}
	if !*signIt {
		c.access = reads
	}
	return c.withService(func(svc *service.Service) error {
		state := ""
		if *signIt {
			pass, err := signerPassphrase(c)
			if err != nil {
				return err
			}
			doc, err := svc.SignPenetapan(*period, pass)
			if err != nil {
				return err
			}
			state = " (bertanda tangan " + doc.SignerName + ", " + doc.DocumentID + ")"
		}
		content, err := svc.PenetapanPDF(*period)
		if err != nil {
			return err
		}
		if err := svc.WriteOutput(*out, content); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "Ditulis: %s%s\n", *out, state)
		return nil
	})
}
