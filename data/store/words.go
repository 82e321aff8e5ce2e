package store

import (
	"sort"
	"strings"
)

// bucketNames are the buckets in Indonesian words, for Check's problems.
var bucketNames = map[string]string{
	bucketMeta:          "identitas kantor dan pengaturan",
	"settings":          "pengaturan",
	bucketStaff:         "pegawai",
	bucketStaffNIP:      "indeks NIP",
	bucketUnits:         "unit kerja",
	bucketAudit:         "catatan audit",
	bucketAttendance:    "kehadiran",
	bucketLeaveOpening:  "saldo awal cuti",
	bucketCalendar:      "kalender",
	bucketDocuments:     "dokumen bertanda tangan",
	bucketDocumentBlobs: "isi PDF dokumen",
	bucketArchiveIndex:  "indeks arsip dokumen",
	bucketArchiveEnds:   "ujung arsip dokumen",
	archiveDirName:      "arsip dokumen",
	bucketEvaluations:   "penilaian",
	bucketRevisions:     "riwayat revisi penilaian",
	bucketPeriods:       "periode penilaian",
	bucketMachinePins:   "PIN mesin",
	bucketSigners:       "penandatangan",
	bucketTrustedRoots:  "sertifikat akar tepercaya",
	bucketSKP:           "SKP",
	bucketHealth:        "catatan pemeriksaan",
	bucketOfficials:     "pejabat luar kantor",
}

// bucketWords names a bucket path in Indonesian: "penilaian periode 2026-Q3".
func bucketWords(path string) string {
	parts := strings.Split(path, "/")
	words := bucketNames[parts[0]]
	if words == "" {
		words = "bucket " + parts[0]
	}
	for i, p := range parts[1:] {
		switch {
		case parts[0] == bucketMeta && i == 0 && p == "settings":
			words = "pengaturan"
		case parts[0] == bucketEvaluations || parts[0] == bucketRevisions || parts[0] == bucketDocuments:
			words += " periode " + p
		default:
			words += " / " + p
		}
	}
	return words
}

// recordWords names one record in Indonesian: "pegawai nomor 12",
// "identitas kantor", "pengaturan jam_kerja".
func recordWords(bucket string, key []byte) string {
	label := keyLabel(key)
	switch {
	case bucket == bucketMeta && label == metaOffice:
		return "identitas kantor"
	case bucket == bucketMeta && label == metaSchema:
		return "versi skema"
	case bucket == bucketSettings:
		return "pengaturan " + label
	case bucket == bucketAudit:
		return "catatan audit nomor " + label
	}
	if printable(key) {
		return bucketWords(bucket) + " " + label
	}
	return bucketWords(bucket) + " nomor " + label
}

// problemAt is a problem with the record under key in bucket.
func problemAt(bucket string, key []byte, what string) Problem {
	return Problem{Bucket: bucket, Key: keyLabel(key), Where: recordWords(bucket, key), What: what}
}

// sortProblems orders problems by bucket and key, for a stable report.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Bucket != ps[j].Bucket {
			return ps[i].Bucket < ps[j].Bucket
		}
		return ps[i].Key < ps[j].Key
	})
}
