// Package boundary holds no code, only the test that keeps the shape of
// Kinerja: data/ and export/ never reach Fyne, the front ends (ui, ui/cli)
// reach the data file only through data/service, ui/cli never reaches Fyne,
// the module root holds only main.go, and the test fixtures of
// internal/testkit stay in tests. It reads the import graph with go list.
package boundary
