// Package cli is Kinerja's command line: the same program as the window,
// working on the same data file through data/service ("kinerja help" lists
// the commands; README.md, section "Perintah (CLI)", documents them).
//
// Layout:
//
//   - table.go holds the one list of commands (commandTable), in the
//     README's order and groups; "help" prints it in that order.
//   - Every command is a named function func(*call) error, named after the
//     command words in camel case ("signer export-root" is signerExportRoot).
//     It declares its own flags on c.flags, calls c.parse(), then works.
//   - A command lives in the file named after its first word: "staff list"
//     in staff.go, "evaluation sign" in evaluation.go, "import staff" in
//     import.go and "export appraisal" in export.go (import and export are
//     the nouns of their commands). Helpers shared by several files live in
//     cli.go, flags.go, output.go and passphrase.go. TestCommandFiles checks
//     the rule.
//   - The table marks what a command does to the data file: nothing (version,
//     help, restore, which replaces the file without opening it, and verify,
//     which opens it read-only only without --root), read (opened read-only,
//     so write-protected USB sticks work; check opens for writing when it can
//     to record a clean result), write, or create (only "office set" and
//     "demo" may make a new file).
//   - Every file the CLI writes goes through svc.WriteOutput (or a service
//     export using the same guard), which refuses the data file, the backups
//     folder and files held open.
//   - Every message is Indonesian, flag errors included (flags.go); a usage
//     mistake exits 2, a failure 1.
package cli
