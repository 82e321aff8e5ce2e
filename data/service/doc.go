// Package service holds the operations that the CLI and the GUI share: each
// one loads what it needs from the store, applies the pure rules of package
// data, and writes the result back in one audited transaction. A CLI command
// or a screen is a thin shell around these functions, so the CLI tests prove
// what the GUI does.
package service
