// Package pdf renders Kinerja's printed documents — the Dokumen Evaluasi
// Kinerja Pegawai, the SKP with its Lampiran, the blank evaluation form and the
// monthly attendance recap — as A4 PDF files in one shared layout: an optional
// kop surat, an embedded free font (DejaVu Sans Condensed; text is given as
// UTF-8 and a character outside the font prints as "?"), "Halaman 1 dari 2"
// with the document id in the footer, tables whose rows wrap and move whole
// onto the next page, the "KONSEP – BELUM DITETAPKAN" banner on documents that
// are not final, and the signature blocks of Permendagri 1/2023 (docs/aturan.md
// §8.1).
//
// Every document is drawn from a plain struct of strings that the caller has
// already formatted (dates, NIPs, numbers); FormatNumber, FormatDecimal and
// GroupNIP help with that. The package knows nothing about storage.
//
// A document must take a few milliseconds and stay small, so the fonts are
// prepared single-byte fonts (assets/fonts/README.md) parsed once, each
// document embeds them cut to the glyphs its pages draw with every outline
// compressed once at load (subset.go, fontuse.go), page streams are
// compressed after gofpdf is done with reused compressors (compress.go),
// images are made opaque once and reused, and table text, rules and the QR
// code are written as PDF operators directly instead of through gofpdf's
// formatted output.
package pdf
