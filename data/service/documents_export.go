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

// IndexFileName is the name of the index workbook of a period's export.
func IndexFileName(periodID string) string { return "Daftar_Dokumen_" + periodID + ".xlsx" }

// ExportAppraisals writes the Dokumen Evaluasi Kinerja of every final
// evaluation of a period (narrowed by filter) into dir, one file per person
// named by AppraisalFileName, plus the index workbook IndexFileName. A
// document signed when it was set is copied as stored; a final one that was
// never signed is rendered unsigned. Every file is written under a temporary
// name, synced and renamed, so a cancelled context, a full disk or a removed
// stick never leaves a half-written file under a final name: files finished
// before the interruption stay, the index is written only at the end. A disk
// problem gives an *ExportError with the Indonesian explanation.
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
	for i, r := range rows {
		e := r.Evaluation
		doc, content, found, err := svc.st.Document(e.PeriodID, e.StaffID, e.Revision)
		if err != nil {
			return res, err
		}
		if !found {
			if content, err = svc.RenderEvaluation(e.PeriodID, e.StaffID, e.Revision); err != nil {
				return res, err
			}
		}
		name := AppraisalFileName(r.Employee.NIP, r.Staff.Name, e.PeriodID, e.Revision)
		path := filepath.Join(dir, name)
		if err := svc.writeExportFile(ctx, path, content); err != nil {
			return res, err
		}
		res.Files = append(res.Files, ExportedFile{Path: path, Signed: found})
		sum := sha256.Sum256(content)
		entry := export.IndexEntry{File: name, NIP: r.Employee.NIP, Name: r.Employee.Name, Unit: r.Employee.Unit,
			Period: data.PeriodLabel(e.PeriodID), Revision: e.Revision, Predikat: e.Predikat.Label(),
			DocumentID: DocumentID(e.PeriodID, r.Employee.NIP, e.Revision), SHA256: hex.EncodeToString(sum[:])}
		if found {
			entry.Signer, entry.SignedAt = doc.SignerName, signTime(doc.SignedAt.Local())
		}
		index = append(index, entry)
		if progress != nil {
			progress(i+1, len(rows))
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

// ExportForms writes a blank evaluation form (identities and SKP rows
// printed, room to write) for every evaluated staff member of a period whose
// evaluation is not final yet, narrowed by filter, named like the documents
// with "_formulir" added. Files are written as in ExportAppraisals.
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
	var res ExportResult
	for i, r := range rows {
		src, err := svc.loadDocSource(periodID, r.Staff.ID, r.Evaluation)
		if err != nil {
			return res, err
		}
		content, err := pdf.BlankEvaluationForm(evaluationContent(src, r.Evaluation, nil))
		if err != nil {
			return res, err
		}
		name := strings.TrimSuffix(AppraisalFileName(r.Employee.NIP, r.Staff.Name, r.Evaluation.PeriodID, 0), ".pdf") + "_formulir.pdf"
		path := filepath.Join(dir, name)
		if err := svc.writeExportFile(ctx, path, content); err != nil {
			return res, err
		}
		res.Files = append(res.Files, ExportedFile{Path: path})
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
