package cli

import (
	"flag"
	"io"
)

// parseInterleaved parses flags that may stand before, between or after the
// positional arguments ("staff list --format json" and "--format json staff list"
// alike). Go's flag package stops at the first positional, so parsing resumes
// after each one. A lone "--" ends flag parsing.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}
