package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
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

// flagMessage turns an error of Go's flag package, which is English, into
// Indonesian: an unknown flag, a flag without its value, a value that does
// not parse. The flag package gives no error types, so its sentences are
// recognised by their fixed wording.
func flagMessage(err error) string {
	msg := err.Error()
	if errors.Is(err, flag.ErrHelp) {
		return "opsi tidak dikenal: -h"
	}
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return "opsi tidak dikenal: " + name
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("opsi %s perlu nilai", name)
	}
	if s, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return "opsi salah tulis: " + s
	}
	// invalid value "x" for flag -n: reason / invalid boolean value "x" for -n: reason
	for _, p := range []struct{ prefix, sep string }{{"invalid value ", " for flag "}, {"invalid boolean value ", " for "}} {
		rest, ok := strings.CutPrefix(msg, p.prefix)
		if !ok {
			continue
		}
		value, rest, ok := strings.Cut(rest, p.sep)
		if !ok {
			continue
		}
		name, reason, _ := strings.Cut(rest, ": ")
		return fmt.Sprintf("nilai opsi %s salah: %s", name, valueReason(value, reason, p.prefix == "invalid boolean value "))
	}
	return msg
}

// valueReason says why a flag's value was refused; reasons that are not the
// flag package's own (a flag.Value's Set error) are already Indonesian.
func valueReason(value, reason string, boolean bool) string {
	switch {
	case boolean:
		return value + " (pakai true atau false)"
	case reason == "parse error":
		return value + " bukan bilangan"
	case reason == "value out of range":
		return value + " terlalu besar"
	}
	return reason
}

// kindFlag declares --kind: only the staff of one kind, written as "staff
// list" prints it (PNS, CPNS, PPPK, "PPPK paruh waktu", Non-ASN).
func (c *call) kindFlag() *string {
	return c.flags.String("kind", "", "hanya pegawai jenis ini (PNS, CPNS, PPPK, \"PPPK paruh waktu\", Non-ASN)")
}

// recapFilter turns the value of --kind into a report's filter; an unknown
// kind is a usage mistake naming the kinds.
func (c *call) recapFilter(kind string) (service.RecapFilter, error) {
	if strings.TrimSpace(kind) == "" {
		return service.RecapFilter{}, nil
	}
	k, ok := data.ParseKind(kind)
	if !ok {
		names := make([]string, len(data.Kinds))
		for i, k := range data.Kinds {
			names[i] = string(k)
		}
		return service.RecapFilter{}, usagef("%s: --kind %q tidak dikenal; pakai %s", c.name, kind, orList(names))
	}
	return service.RecapFilter{Kind: k}, nil
}
