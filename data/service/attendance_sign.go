package service

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"regexp"
	"time"

	"kinerja/data"
	"kinerja/export/pdf"
	"kinerja/export/sign"
)

// recapReasonMarker starts the /Reason of a signed attendance recap, followed
// by the document id ("RKH-2026-11", "RTPP-2026-11") and the SHA-256 of the
// recap's content; Verify reads them back.
const recapReasonMarker = "Rekap kehadiran disiapkan; KINERJA-ID "

var recapReasonPattern = regexp.MustCompile(`KINERJA-ID ((?:RKH|RTPP)-[0-9]{4}-[0-9]{2}); SHA-256 ([0-9a-f]{64})`)

// ExportAttendanceSigned writes the two recap PDFs of a month into dir like
// ExportAttendance and signs each with the preparer's own signer (staffID,
// unlocked with passphrase; nobody signs for someone else): the preparer's
// signature block carries the visible electronic-signature box, and the
// signature inside the PDF is the same kind as on evaluations. The preparer
// is normally the Kasubbag Umum dan Kepegawaian; whoever signs is printed in
// the "disiapkan" block with their own post. Refusals: no signer for
// staffID (data.ErrNotFound), a wrong passphrase (sign.ErrWrongPassphrase).
func (svc *Service) ExportAttendanceSigned(year int, month time.Month, dir string, today data.Date, staffID uint64, passphrase string) ([]string, error) {
	u, err := svc.UnlockSigner(staffID, passphrase)
	if err != nil {
		return nil, err
	}
	return svc.exportAttendance(year, month, dir, FormatPDF, today, u, RecapFilter{})
}

// recapPDF renders recap d, and when u is set signs it as its preparer.
func (svc *Service) recapPDF(d pdf.Recap, today data.Date, u *UnlockedSigner) ([]byte, error) {
	if u == nil {
		return pdf.AttendanceRecap(d)
	}
	s, err := svc.st.StaffByID(u.Signer.StaffID)
	if err != nil {
		return nil, fmt.Errorf("penanda tangan rekap: %w", err)
	}
	if name := s.DisplayName(); d.Prepared.Name != name {
		d.Prepared.Role = s.At(today).Position + ","
		d.Prepared.Name, d.Prepared.NIP = name, pdf.GroupNIP(s.NIP)
		d.Prepared.Rank = data.RankLabel(s.At(today).Rank)
	}
	hash, err := recapHash(d)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	d.Prepared.Electronic = &pdf.ESignature{Signer: d.Prepared.Name, Time: signTime(now), Issuer: u.Issuer,
		DocumentID: d.DocumentID, SHA256: hash}
	raw, err := pdf.AttendanceRecap(d)
	if err != nil {
		return nil, err
	}
	signed, err := sign.SignPDF(raw, u.Identity, sign.SignInfo{Name: d.Prepared.Name, Location: d.Prepared.Place,
		Reason: recapReasonMarker + d.DocumentID + "; SHA-256 " + hash, Time: now})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.DocumentID, err)
	}
	return signed, nil
}

// recapHash is the SHA-256 (hex) of a recap's content: its title, subtitle,
// rows and notes.
func recapHash(d pdf.Recap) (string, error) {
	raw, err := json.Marshal(struct {
		Title, Subtitle string
		Rows            []pdf.RecapRow
		Notes           []string
	}{d.Title, d.Subtitle, d.Rows, d.Notes})
	if err != nil {
		return "", fmt.Errorf("isi rekap %s: %w", d.DocumentID, err)
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:]), nil
}
