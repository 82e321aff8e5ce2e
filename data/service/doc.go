// Package service is the one door to the data file for both front ends, the
// GUI (package ui) and the command line (package ui/cli): neither imports
// data/store or bbolt. Each operation loads what it needs from the store,
// applies the pure rules of package data, and writes the result back in one
// audited transaction. A CLI command or a screen is a thin shell around these
// methods, so the CLI tests prove what the GUI does. Like everything under
// data/ and export/, it never reaches Fyne, even indirectly.
package service
