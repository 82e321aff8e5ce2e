package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"kinerja/data"
	"kinerja/data/store"
	"kinerja/export/sign"
)

// The data file itself: checking it, backing it up and restoring it. The
// front ends reach the store's file-level operations only through these
// methods.

// Problem is one thing Check found wrong, naming the record.
type Problem = store.Problem

// CheckProgress reports Check's progress.
type CheckProgress = store.CheckProgress

// CheckReport is the result of Check.
type CheckReport = store.CheckReport

// BackupSummary describes a backup for the confirmation before Restore.
type BackupSummary = store.BackupSummary

// RestoreResult says what Restore did.
type RestoreResult = store.RestoreResult

// Retention says how many daily backups are kept.
type Retention = store.Retention

// DefaultRetention keeps 7 daily, 4 weekly and 12 monthly backups.
var DefaultRetention = store.DefaultRetention

// Kinds of file errors, for errors.Is.
var (
	ErrDamaged  = store.ErrDamaged
	ErrNoFile   = store.ErrNoFile
	ErrReadOnly = store.ErrReadOnly
	ErrExists   = store.ErrExists
	ErrProtect  = store.ErrProtected

	ErrAlreadyOpen  = store.ErrAlreadyOpen
	ErrNewerSchema  = store.ErrNewerSchema
	ErrNetworkDrive = store.ErrNetworkDrive
)

// Check examines the whole data file (see store.Store.Check) and, on top of
// the store's own checks, that every final evaluation still equals what its
// signed document covers: the signature binds the ratings, because the
// signed PDF carries the SHA-256 of the evaluation (EvaluationHash) in its
// signature reason. An evaluation edited outside Kinerja — even by someone
// who rebuilt the audit hash chain — no longer matches the hash inside a PDF
// they cannot re-sign. progress may be nil. The error is only for a check
// that could not run or was cancelled.
func (svc *Service) Check(ctx context.Context, progress func(CheckProgress)) (CheckReport, error) {
	return svc.st.Check(ctx, store.CheckOptions{Progress: progress, Extra: svc.checkSignedDocuments})
}

// checkSignedDocuments compares every stored signed evaluation document
// with the evaluation version it names. A record that cannot be read is a
// problem, not an error, so the rest of the file is still checked.
func (svc *Service) checkSignedDocuments(ctx context.Context) ([]Problem, error) {
	periods, err := svc.st.Periods()
	if err != nil {
		return []Problem{{Bucket: "periods", Where: "periode penilaian", What: "tidak terbaca: " + err.Error()}}, nil
	}
	names := map[uint64]string{}
	if all, err := svc.st.AllStaff(); err == nil {
		for _, s := range all {
			names[s.ID] = s.Name
		}
	}
	var out []Problem
	type revision struct {
		staffID  uint64
		revision int
	}
	for _, p := range periods {
		reported := map[revision]bool{} // both documents of a revision sign the same evaluation: name it once
		docs, err := svc.st.Documents(p.ID)
		if err != nil {
			out = append(out, Problem{Bucket: "documents/" + p.ID, Where: "dokumen periode " + p.ID, What: "tidak terbaca: " + err.Error()})
			continue
		}
		for _, d := range docs {
			if err := ctx.Err(); err != nil {
				return out, fmt.Errorf("pemeriksaan data dibatalkan: %w", err)
			}
			if reported[revision{d.StaffID, d.Revision}] {
				continue
			}
			if what := svc.documentMismatch(p.ID, d); what != "" {
				reported[revision{d.StaffID, d.Revision}] = true
				who := names[d.StaffID]
				if who == "" {
					who = d.Name
				}
				out = append(out, Problem{Bucket: "evaluations/" + p.ID, Key: fmt.Sprint(d.StaffID),
					Where: fmt.Sprintf("penilaian periode %s, %s (NIP %s), revisi %d", p.ID, who, d.NIP, d.Revision), What: what})
			}
		}
	}
	return out, nil
}

// documentMismatch says, in Indonesian, why a signed document does not
// cover the stored evaluation it names; "" when it does.
func (svc *Service) documentMismatch(periodID string, d store.Document) string {
	if d.Kind == docPenetapan {
		return svc.penetapanMismatch(periodID, d)
	}
	_, content, found, err := svc.st.Document(periodID, d.StaffID, d.Revision)
	if err != nil {
		return "dokumen bertanda tangan tidak terbaca: " + err.Error()
	}
	if !found {
		return "dokumen bertanda tangan hilang"
	}
	m := reasonPattern.FindSubmatch(content)
	if m == nil {
		return "dokumen bertanda tangan tidak memuat sidik SHA-256 penilaian"
	}
	signedHash := string(m[2])
	// The signer's trust is Verify's concern; here only the signed bytes
	// must be intact, so no root pool is needed.
	if results, err := sign.Verify(content, nil); err != nil {
		return "tanda tangan dokumen tidak terbaca: " + err.Error()
	} else if st := sign.Overall(results); st == sign.StatusChanged || st == sign.StatusUnsigned {
		return "tanda tangan dokumen tidak utuh (" + st.String() + ")"
	}
	if signedHash != d.EvaluationSHA256 {
		return "catatan dokumen tidak cocok dengan sidik di dalam PDF bertanda tangan"
	}
	e, found, err := svc.evaluationRevision(periodID, d.StaffID, d.Revision)
	switch {
	case err != nil:
		return "penilaian yang ditandatangani tidak terbaca: " + err.Error()
	case !found:
		return "penilaian yang ditandatangani tidak ada lagi di file"
	case e.State != data.EvalFinal:
		return "penilaian yang ditandatangani tidak lagi berstatus Ditetapkan"
	case EvaluationHash(e) != signedHash:
		return "isi penilaian (nilai, predikat atau identitas) berbeda dari yang ditandatangani — diubah di luar Kinerja?"
	}
	return ""
}

// penetapanMismatch says why a signed Penetapan Predikat Kinerja is not as
// its record says: missing, its signature not intact, or its SHA-256 not
// the one recorded. Later changes to the period's figures are no damage:
// PenetapanPDF then renders a fresh unsigned copy.
func (svc *Service) penetapanMismatch(periodID string, d store.Document) string {
	_, content, found, err := svc.st.DocumentOfKind(periodID, d.StaffID, d.Revision, docPenetapan)
	switch {
	case err != nil:
		return "penetapan predikat bertanda tangan tidak terbaca: " + err.Error()
	case !found:
		return "penetapan predikat bertanda tangan hilang"
	}
	m := reasonPattern.FindSubmatch(content)
	if m == nil {
		return "penetapan predikat bertanda tangan tidak memuat sidik SHA-256"
	}
	if results, err := sign.Verify(content, nil); err != nil {
		return "tanda tangan penetapan predikat tidak terbaca: " + err.Error()
	} else if st := sign.Overall(results); st == sign.StatusChanged || st == sign.StatusUnsigned {
		return "tanda tangan penetapan predikat tidak utuh (" + st.String() + ")"
	}
	if string(m[2]) != d.ContentSHA256 {
		return "catatan penetapan predikat tidak cocok dengan sidik di dalam PDF bertanda tangan"
	}
	return ""
}

// evaluationRevision reads one revision of an evaluation: the current one
// or a kept earlier one.
func (svc *Service) evaluationRevision(periodID string, staffID uint64, revision int) (data.Evaluation, bool, error) {
	cur, found, err := svc.st.Evaluation(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, false, err
	}
	if found && cur.Revision == revision {
		return cur, true, nil
	}
	kept, err := svc.st.Revisions(periodID, staffID)
	if err != nil {
		return data.Evaluation{}, false, err
	}
	for _, e := range kept {
		if e.Revision == revision {
			return e, true, nil
		}
	}
	return data.Evaluation{}, false, nil
}

// LastCleanCheck returns when Check last found the file clean; ok is false
// when it never did.
func (svc *Service) LastCleanCheck() (t time.Time, ok bool, err error) {
	return svc.st.LastCleanCheck()
}

// Damage returns the damage found in the file since it was opened (nil when
// none); while it is set every write is refused.
func (svc *Service) Damage() error { return svc.st.Damage() }

// ReadOnly reports whether the file was opened for reading only.
func (svc *Service) ReadOnly() bool { return svc.st.ReadOnly() }

// BackupDir is the folder of the daily backups, beside the data file.
func (svc *Service) BackupDir() string { return svc.st.BackupDir() }

// InspectBackup checks a backup file without changing it and summarises it
// for the confirmation before Restore, saying whether it belongs to this
// office (SameOffice).
func (svc *Service) InspectBackup(ctx context.Context, path string) (BackupSummary, error) {
	return svc.st.InspectBackup(ctx, path)
}

// InspectBackup checks a backup file when no data file is open (the command
// line, or a data file too damaged to open). Its signed PDFs are read from
// the folder "arsip" beside it only; see InspectBackupFor.
func InspectBackup(ctx context.Context, path string) (BackupSummary, error) {
	return store.InspectBackup(ctx, path)
}

// InspectBackupFor is InspectBackup before restoring over the data file at
// dataPath (not open): a signed PDF missing from the backup's own archive
// folder is looked up in the data folder's archive, which the restore keeps.
// Use it for "restore FILE", so that a backup copied without its "arsip"
// folder is not refused while the data folder still has the PDFs.
func InspectBackupFor(ctx context.Context, path, dataPath string) (BackupSummary, error) {
	return store.InspectBackupFor(ctx, path, dataPath)
}

// ArchiveDir is the folder of the document archive (signed PDFs and scans),
// "arsip" beside the data file; it belongs with the data file in every copy.
func (svc *Service) ArchiveDir() string { return store.ArchiveDir(svc.st.Path()) }

// ArchiveDirOf is the archive folder of the data file at path, open or not.
func ArchiveDirOf(path string) string { return store.ArchiveDir(path) }

// Restore replaces the open data file with the backup the user confirmed
// (see store.Store.Restore); the replaced file is kept in the backups folder.
func (svc *Service) Restore(ctx context.Context, confirmed BackupSummary) (RestoreResult, error) {
	return svc.st.Restore(ctx, confirmed)
}

// RestoreFile restores a backup over a data file that is not open — the
// command line, or a file that cannot be opened at all.
func RestoreFile(ctx context.Context, dataPath string, confirmed BackupSummary, now time.Time) (RestoreResult, error) {
	return store.RestoreFile(ctx, dataPath, confirmed, now)
}

// BackupTo writes a compacted, verified copy of the data file to path
// ("backup --out"), with the document archive brought up to date in the
// folder "arsip" beside path: an existing file is refused unless replace;
// the data file, the backups folder and a file held open are always
// refused, and so is a folder whose "arsip" holds another office's archive.
func (svc *Service) BackupTo(ctx context.Context, path string, replace bool) error {
	if err := checkDir(filepath.Dir(path)); err != nil {
		return err
	}
	return svc.st.BackupTo(ctx, path, replace)
}

// BackupDaily writes today's snapshot into the backups folder (unless it is
// there already) and rotates the old ones by keep; it returns the file
// written or "". Cancelling ctx abandons it cleanly, leaving no temporary
// file behind.
func (svc *Service) BackupDaily(ctx context.Context, keep Retention) (string, error) {
	return svc.st.BackupDaily(ctx, keep)
}

// GuardOutput refuses an output path that no export may write: the open
// data file, the backups folder, a Kinerja data file or backup, a file held
// open (see store.Store.GuardOutput). Every file the service writes passes
// through it; the command line checks every --out with it as well.
func (svc *Service) GuardOutput(path string) error { return svc.st.GuardOutput(path) }

// WriteOutput writes content the front end produced (a sign-in sheet, the
// root certificate, a PDF saved from the viewer) to path atomically, after
// GuardOutput, into an existing folder. A disk problem gives an
// *ExportError with the Indonesian explanation.
func (svc *Service) WriteOutput(path string, content []byte) error {
	return svc.writeExportFile(context.Background(), path, content)
}

// BackupFileInfo is one file in the backups folder.
type BackupFileInfo struct {
	Path     string
	Modified time.Time
	Size     int64
}

// Backups lists the Kinerja files in the backups folder (daily backups and
// the copies kept before a restore), newest first.
func (svc *Service) Backups() ([]BackupFileInfo, error) {
	dir := svc.st.BackupDir()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("folder cadangan %s: %w", dir, err)
	}
	var out []BackupFileInfo
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(strings.ToLower(e.Name()), ".db") || store.IsTempName(e.Name()) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, BackupFileInfo{Path: filepath.Join(dir, e.Name()), Modified: info.ModTime(), Size: info.Size()})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Modified.After(out[j].Modified) })
	return out, nil
}

// NewestGoodBackup inspects the backups newest first and returns the first
// one without problems; found is false when none is good.
func (svc *Service) NewestGoodBackup(ctx context.Context) (sum BackupSummary, found bool, err error) {
	list, err := svc.Backups()
	if err != nil {
		return sum, false, err
	}
	for _, b := range list {
		if err := ctx.Err(); err != nil {
			return sum, false, err
		}
		s, err := svc.st.InspectBackup(ctx, b.Path)
		if err == nil && len(s.Problems) == 0 {
			return s, true, nil
		}
	}
	return sum, false, nil
}
