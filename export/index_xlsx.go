package export

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"
)

// IndexEntry is one exported document in the index of a batch export.
type IndexEntry struct {
	File       string // path inside the export folder, "lampiran/…" for an annex
	Document   string // which document: "Evaluasi Kinerja Pegawai", "Pindaian penetapan di luar kantor", …
	NIP        string
	Name       string
	Unit       string
	Period     string // "Triwulan III 2026"
	Revision   int
	Predikat   string
	Signer     string // who signed; empty when the document is not signed
	SignedAt   string // formatted signing time; empty when not signed
	DocumentID string
	SHA256     string // SHA-256 of the exported file, hex
}

// indexSheet is the name of the index's only sheet.
const indexSheet = "Daftar Dokumen"

// indexHeader is the header row of the index.
var indexHeader = []string{"No", "NIP", "Nama", "Unit Kerja", "Periode", "Revisi", "Predikat", "Berkas",
	"Ditandatangani oleh", "Waktu tanda tangan", "ID Dokumen", "SHA-256 berkas", "Dokumen"}

// WriteIndexXLSX writes the index of a batch export as an XLSX workbook: one
// row per document in the given order, the NIP as text so that Excel keeps
// all 18 digits, and "belum ditandatangani" for an unsigned document.
func WriteIndexXLSX(w io.Writer, entries []IndexEntry) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", indexSheet); err != nil {
		return fmt.Errorf("indeks: %w", err)
	}
	rows := make([]sheetRow, len(entries))
	for i, e := range entries {
		signer := e.Signer
		if signer == "" {
			signer = "belum ditandatangani"
		}
		rows[i] = sheetRow{cells: []any{i + 1, e.NIP, e.Name, e.Unit, e.Period, e.Revision, e.Predikat, e.File,
			signer, e.SignedAt, e.DocumentID, e.SHA256, e.Document}}
	}
	if err := fillSheet(f, indexSheet, indexHeader, rows); err != nil {
		return fmt.Errorf("indeks: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("menulis indeks: %w", err)
	}
	return nil
}

// WriteIndexFile writes the index to path atomically (WriteFileAtomic).
func WriteIndexFile(path string, entries []IndexEntry) error {
	return WriteIndexFileGuarded(path, nil, entries)
}

// WriteIndexFileGuarded is WriteIndexFile asking guard first (see
// WriteFileAtomicGuarded).
func WriteIndexFileGuarded(path string, guard Guard, entries []IndexEntry) error {
	return WriteFileAtomicGuarded(path, guard, func(w io.Writer) error { return WriteIndexXLSX(w, entries) })
}
