// Package export reads and writes files: staff tables as CSV and XLSX, and
// (later) PDF documents and their signatures. It works on plain data structs,
// never imports Fyne, and writes files atomically so a half-written file never
// replaces a good one.
package export
