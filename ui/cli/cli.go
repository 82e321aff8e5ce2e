package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"kinerja/data"
	"kinerja/data/service"
)

// Window is what to open when the arguments name no command: the GUI, on
// this data file, showing this screen first.
type Window struct {
	DataPath string
	Screen   string
}

// usageError marks a mistake in how a command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// env is what every command receives: where to write and how to reach the data file.
type env struct {
	stdout, stderr io.Writer
	dataPath       string
	version        string
	create         bool // the command may make a new data file
}

// openService opens the data file for a command, as actor "cli".
func (e *env) openService() (*service.Service, error) {
	path := e.dataPath
	if path == "" {
		p, err := service.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("menentukan lokasi file data: %w", err)
		}
		path = p
	}
	svc, err := service.Open(path, service.Options{Actor: "cli", Create: e.create})
	if err != nil {
		return nil, err
	}
	for _, w := range svc.Warnings() {
		fmt.Fprintln(e.stderr, "peringatan:", w)
	}
	return svc, nil
}

// withService opens the data file, runs fn and closes the file again.
func (e *env) withService(fn func(*service.Service) error) error {
	svc, err := e.openService()
	if err != nil {
		return err
	}
	defer svc.Close()
	return fn(svc)
}

// command is one CLI command, e.g. "staff list".
type command struct {
	name    string
	args    string // positional arguments shown in the usage line
	summary string
	creates bool // only "office set" and "demo" may make a new data file
	flags   func(fs *flag.FlagSet) func(e *env, args []string) error
}

// commands lists every CLI command; each file cli_*.go adds its own in init.
var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// Run runs the command named by args and returns its exit code (0 ok, 1
// error, 2 usage). When args name no command it runs nothing and returns the
// window to open instead; version is what "kinerja version" prints.
func Run(args []string, stdout, stderr io.Writer, version string) (int, *Window) {
	global := flag.NewFlagSet("kinerja", flag.ContinueOnError)
	dataPath := global.String("data", "", "file data")
	screen := global.String("screen", "", "layar pembuka")
	help := global.Bool("help", false, "bantuan")
	global.BoolVar(help, "h", false, "bantuan")
	e := &env{stdout: stdout, stderr: stderr, version: version}

	// Global flags may appear anywhere; a command's own flags are parsed by the command.
	name, rest, err := splitCommand(global, args)
	if err != nil {
		return fail(e, usageError{err.Error()}), nil
	}
	e.dataPath = *dataPath
	switch {
	case *help || name == "help":
		printUsage(stdout)
		return 0, nil
	case name == "":
		return 0, &Window{DataPath: e.dataPath, Screen: *screen}
	}
	c, ok := commands[name]
	if !ok {
		return fail(e, usagef("perintah tidak dikenal: %q (lihat \"kinerja help\")", name)), nil
	}
	e.create = c.creates
	fs := flag.NewFlagSet("kinerja "+c.name, flag.ContinueOnError)
	fs.StringVar(&e.dataPath, "data", e.dataPath, "file data")
	do := c.flags(fs)
	pos, err := parseInterleaved(fs, rest)
	if err != nil {
		return fail(e, usagef("%s: %v", c.name, err)), nil
	}
	return fail(e, do(e, pos)), nil
}

// splitCommand finds the command words (one or two, as registered) among args,
// letting the global flags stand anywhere, and returns the remaining arguments.
func splitCommand(global *flag.FlagSet, args []string) (string, []string, error) {
	var words, rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if strings.HasPrefix(a, "-") {
			if isGlobalFlag(global, a) {
				if err := global.Parse(globalFlagArgs(args, &i)); err != nil {
					return "", nil, err
				}
				continue
			}
			rest = append(rest, a)
			continue
		}
		if len(words) < 2 && len(rest) == 0 && (len(words) == 0 || commands[words[0]+" "+a].name != "") {
			words = append(words, a)
			continue
		}
		rest = append(rest, a)
	}
	return strings.Join(words, " "), rest, nil
}

// isGlobalFlag reports whether arg names one of the global flags.
func isGlobalFlag(global *flag.FlagSet, arg string) bool {
	name := strings.TrimLeft(arg, "-")
	if i := strings.IndexByte(name, '='); i >= 0 {
		name = name[:i]
	}
	return global.Lookup(name) != nil
}

// globalFlagArgs returns the global flag at args[*i] with its value, advancing *i past the value.
func globalFlagArgs(args []string, i *int) []string {
	a := args[*i]
	name := strings.TrimLeft(a, "-")
	if strings.Contains(name, "=") || name == "help" || name == "h" || *i+1 >= len(args) {
		return []string{a}
	}
	*i++
	return []string{a, args[*i]}
}

// fail prints err the way the CLI reports errors and returns its exit code.
func fail(e *env, err error) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintln(e.stderr, "kinerja:", ue.msg)
		return 2
	}
	fmt.Fprintln(e.stderr, "kinerja:", userMessage(err))
	return 1
}

// userMessage turns an error into the Indonesian sentence shown to the user.
func userMessage(err error) string {
	var ve *data.ValidationError
	if errors.As(err, &ve) {
		return "data ditolak: " + ve.Error()
	}
	return err.Error()
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `Kinerja — administrasi kepegawaian kantor kecamatan.

Pemakaian:
  kinerja [--data FILE]                 membuka jendela aplikasi
  kinerja [--data FILE] PERINTAH ...    menjalankan perintah; opsi dan argumen
                                        boleh dalam urutan apa pun

Perintah:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c := commands[n]
		fmt.Fprintf(w, "  kinerja %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.summary)
	}
	fmt.Fprint(w, `
Opsi umum:
  --data FILE   file data (bawaan: folder data aplikasi pengguna, atau di samping
                program bila ada file kinerja.portable)

Kode keluar: 0 berhasil, 1 gagal, 2 salah pemakaian.
`)
}
