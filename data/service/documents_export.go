package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export"
	"kinerja/export/pdf"
)

// ExportFilter narrows a batch export: a NIP, a unit, or neither (the whole
// office).
type ExportFilter struct {
	NIP    string // one staff member's NIP; "" for all
	UnitID uint64 // the unit on the period's last day; 0 for all
}

// ExportedFile is one file a batch export wrote.
type ExportedFile struct {
	Path   string
	Signed bool // carries the rater's signature
}

// ExportResult is what a batch export wrote, in order; Index is the path of
// the index workbook ("" for a forms export).
type ExportResult struct {
	Files []ExportedFile
	Index string
}

// Progress is told after each file how many of the total are done.
type Progress func(done, total int)

// AppraisalFileName is the name of an exported evaluation document:
// "<18-digit NIP>_<name, letters and digits only>_<period>.pdf", with
// "_r<revision>" before ".pdf" when the revision is above the first (0).
func AppraisalFileName(nip, name, periodID string, revision int) string {
	base := nip + "_" + fileNamePart(name) + "_" + data.PeriodFileLabel(periodID)
	if revision > 0 {
		base += "_r" + strconv.Itoa(revision)
	}
	return base + ".pdf"
}

// accented maps the accented Latin letters a name may carry to their base
// letter, for file names.
var accented = strings.NewReplacer(
	"À", "A", "Á", "A", "Â", "A", "Ã", "A", "Ä", "A", "Å", "A", "à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a",
	"È", "E", "É", "E", "Ê", "E", "Ë", "E", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"Ì", "I", "Í", "I", "Î", "I", "Ï", "I", "ì", "i", "í", "i", "î", "i", "ï", "i",
	"Ò", "O", "Ó", "O", "Ô", "O", "Õ", "O", "Ö", "O", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o",
	"Ù", "U", "Ú", "U", "Û", "U", "Ü", "U", "ù", "u", "ú", "u", "û", "u", "ü", "u",
	"Ñ", "N", "ñ", "n", "Ç", "C", "ç", "c", "Ý", "Y", "ý", "y", "ÿ", "y",
)

// fileNamePart keeps the letters and digits of a name, accents dropped, as
// ASCII, so the file name is safe on every file system a USB stick may carry.
func fileNamePart(name string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			return r
		}
		return -1
	}, accented.Replace(name))
}

// IndexFileName is the name of the index workbook of a period's export,
// with the period as the screens name it ("Daftar_Dokumen_Triwulan-III-2026.xlsx"),
// as the documents' own names do.
func IndexFileName(periodID string) string {
	return "Daftar_Dokumen_" + data.PeriodFileLabel(periodID) + ".xlsx"
}

// AnnexDir is the subfolder of a batch export that holds what this office
// did not sign: documents set outside the office and their scans, unsigned
// documents and the attendance annexes. The top of the folder holds only
// documents signed with this office's keys.
const AnnexDir = "lampiran"

// DocumentFileName is the name of one exported document of an evaluation:
// AppraisalFileName with the document's suffix before ".pdf",
// "<NIP>_<Nama>_<periode>[_rN]_evaluasi.pdf" (see DocKind.Suffix).
func DocumentFileName(nip, name, periodID string, revision int, kind DocKind) string {
	return strings.TrimSuffix(AppraisalFileName(nip, name, periodID, revision), ".pdf") + "_" + kind.Suffix() + ".pdf"
}

// ScanFileName is the name of the scanned copy of an evaluation set
// outside the office: the document name with "_pindaian".
func ScanFileName(nip, name, periodID string, revision int) string {
	return strings.TrimSuffix(AppraisalFileName(nip, name, periodID, revision), ".pdf") + "_pindaian.pdf"
}

// docTitles name each document in the index workbook.
var docTitles = map[DocKind]string{
	DocEvaluation: "Evaluasi Kinerja Pegawai",
	DocSummary:    "Dokumen Evaluasi Kinerja Pegawai",
	DocObjection:  "Keberatan atas Hasil Evaluasi Kinerja",
	DocAttendance: "Lampiran Ringkasan Kehadiran dan Disiplin",
}

// exportItem is one file of a batch export before it is written.
type exportItem struct {
	name    string // path relative to the export folder
	content []byte
	doc     *store.Document // the signature record, nil when unsigned
	entry   export.IndexEntry
}

// appraisalItems lists the files of one final evaluation: the Evaluasi
// Kinerja Pegawai and the Dokumen Evaluasi Kinerja Pegawai, the keberatan
// page when an objection is recorded, the attendance annex when the period
// has attendance, and the scan of an evaluation set outside the office.
// Signed documents go to the top of the folder, everything else under
// AnnexDir.
func (svc *Service) appraisalItems(r EvaluationRow) ([]exportItem, error) {
	e := r.Evaluation
	var items []exportItem
	base := export.IndexEntry{NIP: r.Employee.NIP, Name: r.Employee.Name, Unit: r.Employee.Unit,
		Period: data.PeriodLabel(e.PeriodID), Revision: e.Revision, Predikat: e.Predikat.Label(),
		DocumentID: DocumentID(e.PeriodID, r.Employee.NIP, e.Revision)}
	for _, kind := range DocKinds {
		if kind == DocObjection && strings.TrimSpace(e.Objection.Keberatan) == "" {
			continue
		}
		if kind == DocAttendance {
			if _, err := svc.AttendanceBeside(e.PeriodID, e.StaffID); err != nil {
				continue
			}
		}
		var (
			doc     store.Document
			content []byte
			signed  bool
			err     error
		)
		if kind != DocAttendance {
			doc, content, signed, err = svc.st.DocumentOfKind(e.PeriodID, e.StaffID, e.Revision, string(kind))
			if err != nil {
				return nil, err
			}
			if signed && kind == DocObjection && doc.ContentSHA256 != ObjectionHash(e.Objection) {
				signed = false
			}
		}
		if !signed {
			if content, err = svc.RenderDocument(e.PeriodID, e.StaffID, e.Revision, kind); err != nil {
				return nil, err
			}
		}
		name := DocumentFileName(r.Employee.NIP, r.Staff.Name, e.PeriodID, e.Revision, kind)
		it := exportItem{name: name, content: content, entry: base}
		it.entry.Document = docTitles[kind]
		if signed {
			it.doc = &doc
		} else {
			it.name = AnnexDir + "/" + name
		}
		items = append(items, it)
	}
	if e.FixedOutside != nil {
		scan, err := svc.st.Scan(e.FixedOutside.ScanSHA256)
		if err != nil {
			return nil, err
		}
		it := exportItem{name: AnnexDir + "/" + ScanFileName(r.Employee.NIP, r.Staff.Name, e.PeriodID, e.Revision), content: scan, entry: base}
		it.entry.Document = "Pindaian penetapan di luar kantor (" + e.FixedOutside.FixedBy + ", " + data.DateOf(e.FixedOutside.FixedAt).Long() + ")"
		items = append(items, it)
	}
	return items, nil
}

// ExportAppraisals writes the documents of every final evaluation of a
// period (narrowed by filter) into dir: per person the Evaluasi Kinerja
// Pegawai and the Dokumen Evaluasi Kinerja Pegawai, the keberatan page and
// the attendance annex (named by DocumentFileName), the scan of an
// evaluation set outside the office (ScanFileName); for the whole office
// also the Penetapan Predikat Kinerja (PenetapanFileName); and the index
// workbook IndexFileName listing every file. The top of dir holds only
// documents signed with this office's keys, copied as stored; the rest goes
// into the subfolder AnnexDir. Every file is written under a temporary
// name, synced and renamed, so a cancelled context, a full disk or a
// removed stick never leaves a half-written file under a final name: files
// finished before the interruption stay, the index is written only at the
// end. A disk problem gives an *ExportError with the Indonesian explanation.
func (svc *Service) ExportAppraisals(ctx context.Context, periodID string, filter ExportFilter, dir string, progress Progress) (ExportResult, error) {
	rows, err := svc.exportRows(periodID, filter, func(r EvaluationRow) bool { return r.Evaluation.State == data.EvalFinal })
	if err != nil {
		return ExportResult{}, err
	}
	if len(rows) == 0 {
		return ExportResult{}, errors.New("tidak ada penilaian yang sudah Ditetapkan untuk diekspor")
	}
	if err := checkDir(dir); err != nil {
		return ExportResult{}, err
	}
	var (
		res   ExportResult
		index []export.IndexEntry
	)
	write := func(it exportItem) error {
		path := filepath.Join(dir, filepath.FromSlash(it.name))
		if strings.HasPrefix(it.name, AnnexDir+"/") {
			if err := os.MkdirAll(filepath.Join(dir, AnnexDir), 0o755); err != nil {
				return diskError(filepath.Join(dir, AnnexDir), err)
			}
		}
		if err := svc.writeExportFile(ctx, path, it.content); err != nil {
			return err
		}
		res.Files = append(res.Files, ExportedFile{Path: path, Signed: it.doc != nil})
		sum := sha256.Sum256(it.content)
		it.entry.File, it.entry.SHA256 = it.name, hex.EncodeToString(sum[:])
		if it.doc != nil {
			it.entry.Signer, it.entry.SignedAt = it.doc.SignerName, signTime(it.doc.SignedAt.Local())
		}
		index = append(index, it.entry)
		return nil
	}
	for i, r := range rows {
		items, err := svc.appraisalItems(r)
		if err != nil {
			return res, err
		}
		for _, it := range items {
			if err := write(it); err != nil {
				return res, err
			}
		}
		if progress != nil {
			progress(i+1, len(rows))
		}
	}
	if filter == (ExportFilter{}) {
		p, err := svc.PeriodByID(periodID)
		if err != nil {
			return res, err
		}
		content, doc, err := svc.penetapanPDF(p.ID)
		if err != nil {
			return res, err
		}
		it := exportItem{name: PenetapanFileName(p.ID), content: content, doc: doc,
			entry: export.IndexEntry{Period: p.Label(), Document: "Penetapan Predikat Kinerja", DocumentID: "PPK-" + p.ID}}
		if doc == nil {
			it.name = AnnexDir + "/" + it.name
		}
		if err := write(it); err != nil {
			return res, err
		}
	}
	if err := ctx.Err(); err != nil {
		return res, ErrExportCancelled
	}
	res.Index = filepath.Join(dir, IndexFileName(periodID))
	if err := svc.outputError(res.Index, export.WriteIndexFileGuarded(res.Index, svc.st.GuardOutput, index)); err != nil {
		return res, err
	}
	return res, nil
}

// ExportForms writes the two blank forms of the Lampiran of PermenPANRB
// 6/2022 (the Evaluasi Kinerja Pegawai and the one-page Dokumen Evaluasi
// Kinerja Pegawai, identities and SKP rows printed, room to write) for every
// evaluated staff member of a period whose evaluation is not final yet,
// narrowed by filter, named like the documents with "_formulir" added
// ("<NIP>_<Nama>_<periode>_evaluasi_formulir.pdf"). Files are written as in
// ExportAppraisals.
func (svc *Service) ExportForms(ctx context.Context, periodID string, filter ExportFilter, dir string, progress Progress) (ExportResult, error) {
	rows, err := svc.exportRows(periodID, filter, func(r EvaluationRow) bool { return r.Evaluation.State != data.EvalFinal })
	if err != nil {
		return ExportResult{}, err
	}
	if len(rows) == 0 {
		return ExportResult{}, errors.New("tidak ada pegawai yang penilaiannya belum Ditetapkan")
	}
	if err := checkDir(dir); err != nil {
		return ExportResult{}, err
	}
	batch, err := svc.loadDocBatch(periodID)
	if err != nil {
		return ExportResult{}, err
	}
	var res ExportResult
	for i, r := range rows {
		src, err := batch.source(r.Staff.ID, r.Evaluation)
		if err != nil {
			return res, err
		}
		d := evaluationContent(src, r.Evaluation, nil)
		for _, f := range []struct {
			kind   DocKind
			render func(pdf.Evaluation) ([]byte, error)
		}{{DocEvaluation, pdf.BlankPerformanceEvaluation}, {DocSummary, pdf.BlankEvaluationSummary}} {
			content, err := f.render(d)
			if err != nil {
				return res, err
			}
			name := strings.TrimSuffix(DocumentFileName(r.Employee.NIP, r.Staff.Name, r.Evaluation.PeriodID, 0, f.kind), ".pdf") + "_formulir.pdf"
			path := filepath.Join(dir, name)
			if err := svc.writeExportFile(ctx, path, content); err != nil {
				return res, err
			}
			res.Files = append(res.Files, ExportedFile{Path: path})
		}
		if progress != nil {
			progress(i+1, len(rows))
		}
	}
	return res, nil
}

// ExportForTTE writes the final evaluation document of staffID for a period
// to path, ready to be signed through BSrE or Srikandi when the office is
// online: the stored document with the rater's office signature when there is
// one (an approval signature, so a later BSrE signature can be added and ours
// stays valid), otherwise the final document unsigned. Refusals: not final
// (ErrNotFinal).
func (svc *Service) ExportForTTE(periodID string, staffID uint64, path string) error {
	v, err := svc.EvaluationFor(periodID, staffID)
	if err != nil {
		return err
	}
	e := v.Evaluation
	if e.State != data.EvalFinal {
		return ErrNotFinal
	}
	content, _, err := svc.EvaluationPDF(e.PeriodID, staffID, e.Revision)
	if err != nil {
		return err
	}
	return svc.writeExportFile(context.Background(), path, content)
}

// exportRows lists the rows of a period that keep passes, narrowed by filter.
func (svc *Service) exportRows(periodID string, filter ExportFilter, keep func(EvaluationRow) bool) ([]EvaluationRow, error) {
	all, err := svc.EvaluationList(periodID)
	if err != nil {
		return nil, err
	}
	nip := strings.Join(strings.Fields(filter.NIP), "")
	var out []EvaluationRow
	for _, r := range all {
		switch {
		case nip != "" && r.Staff.NIP != nip:
		case filter.UnitID != 0 && r.UnitID != filter.UnitID:
		case keep(r):
			out = append(out, r)
		}
	}
	if nip != "" && len(out) == 0 {
		if _, err := svc.st.StaffByIdentifier(nip); err != nil {
			return nil, fmt.Errorf("NIP %s: %w", nip, err)
		}
	}
	return out, nil
}

// ResolveUnit finds a unit by its id number or by its name (letter case and
// surrounding spaces ignored).
func (svc *Service) ResolveUnit(text string) (uint64, error) {
	units, err := svc.st.Units()
	if err != nil {
		return 0, err
	}
	text = strings.TrimSpace(text)
	id, numErr := strconv.ParseUint(text, 10, 64)
	for _, u := range units {
		if (numErr == nil && u.ID == id) || strings.EqualFold(strings.TrimSpace(u.Name), text) {
			return u.ID, nil
		}
	}
	return 0, fmt.Errorf("unit %q tidak dikenal: %w", text, data.ErrNotFound)
}

// ErrExportCancelled reports that the user cancelled an export; the files
// finished before stay complete, the one being written is removed.
var ErrExportCancelled = errors.New("ekspor dibatalkan; berkas yang sudah selesai tetap utuh, berkas yang sedang ditulis dihapus")

// checkDir refuses a destination that is not an existing folder, saying
// plainly when the folder does not exist.
func checkDir(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) && !volumeMissing(dir) {
			return &ExportError{Path: dir, Reason: fmt.Sprintf(reasonNoFolder, dir), Err: err}
		}
		return diskError(dir, err)
	}
	if !info.IsDir() {
		return fmt.Errorf("%s bukan folder", dir)
	}
	return nil
}

// writeExportFile writes content to path atomically after GuardOutput,
// giving up before the rename when ctx is cancelled.
func (svc *Service) writeExportFile(ctx context.Context, path string, content []byte) error {
	if ctx.Err() != nil {
		return ErrExportCancelled
	}
	return svc.writeOutput(path, func(w io.Writer) error {
		const chunk = 256 << 10
		for off := 0; off < len(content); off += chunk {
			if ctx.Err() != nil {
				return ErrExportCancelled
			}
			if _, err := w.Write(content[off:min(off+chunk, len(content))]); err != nil {
				return err
			}
		}
		if ctx.Err() != nil {
			return ErrExportCancelled
		}
		return nil
	})
}

// writeOutput is the one way the service writes a file for the user: the
// folder must exist, GuardOutput must allow the path (asked again just
// before the rename), and the file appears whole or not at all.
func (svc *Service) writeOutput(path string, write func(io.Writer) error) error {
	if err := checkDir(filepath.Dir(path)); err != nil {
		return err
	}
	return svc.outputError(path, export.WriteFileAtomicGuarded(path, svc.st.GuardOutput, write))
}

// outputError passes a refusal by GuardOutput and a cancellation through
// as they are and explains any other error as a disk problem.
func (svc *Service) outputError(path string, err error) error {
	var fe *store.FileError
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrExportCancelled), errors.As(err, &fe):
		return err
	}
	var ee *ExportError
	if errors.As(err, &ee) {
		return err
	}
	return diskError(path, err)
}
