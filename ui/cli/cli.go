package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

// call is one run of one command: its flags and arguments, where it writes
// and how it reaches the data file. A command declares its flags on flags,
// calls parse, then works.
type call struct {
	name           string        // the command words, e.g. "staff list"
	flags          *flag.FlagSet // the command's own flags, plus --data
	args           []string      // the positional arguments, set by parse
	raw            []string      // the arguments after the command words
	stdout, stderr io.Writer
	dataPath       string
	version        string
	access         access   // what the command does to the data file
	format         *string  // --format, when declared with formatFlag
	formats        []string // the values --format accepts
}

// parse parses the command's arguments; flags may stand anywhere among the
// positional arguments. Mistakes come back as Indonesian usage errors.
func (c *call) parse() error {
	pos, err := parseInterleaved(c.flags, c.raw)
	if err != nil {
		return usagef("%s: %s", c.name, flagMessage(err))
	}
	c.args = pos
	if c.format != nil && !contains(c.formats, *c.format) {
		return usagef("%s: --format harus %s", c.name, orList(c.formats))
	}
	return nil
}

// parseNoArgs is parse for a command that takes no positional arguments.
func (c *call) parseNoArgs() error {
	if err := c.parse(); err != nil {
		return err
	}
	return c.noArgs()
}

// given reports whether the flag called name was set on the command line.
func (c *call) given(name string) bool {
	set := false
	c.flags.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// noArgs refuses positional arguments ("NAME: argumen "x" tidak dikenal").
func (c *call) noArgs() error {
	if len(c.args) > 0 {
		return usagef("%s: argumen %q tidak dikenal", c.name, c.args[0])
	}
	return nil
}

// open opens the data file as actor "cli": read-only for commands that
// only read, creating it only for the commands the table lets create it.
func (c *call) open() (*service.Service, error) {
	path := c.dataPath
	if path == "" {
		p, err := service.DefaultPath()
		if err != nil {
			return nil, fmt.Errorf("menentukan lokasi file data: %w", err)
		}
		path = p
	}
	if c.access == creates {
		// A command that may make the data file makes its folder too.
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("membuat folder file data %s: %w", filepath.Dir(path), err)
		}
	}
	svc, err := service.Open(path, openOptions(c.access == creates, c.access == reads))
	if err != nil {
		return nil, err
	}
	for _, w := range svc.Warnings() {
		fmt.Fprintln(c.stderr, "peringatan:", w)
	}
	return svc, nil
}

// serviceOptions are the service options every command starts from. The
// program leaves them zero (production key cost, real clock); only the
// package's tests set them, to seal keys at a cheap cost.
var serviceOptions service.Options

// openOptions are the options the CLI opens a data file with: actor "cli",
// creating it or read-only as asked, on top of serviceOptions.
func openOptions(create, readOnly bool) service.Options {
	opt := serviceOptions
	opt.Actor, opt.Create, opt.ReadOnly = "cli", create, readOnly
	return opt
}

// withService opens the data file, runs fn and closes the file again.
func (c *call) withService(fn func(*service.Service) error) error {
	svc, err := c.open()
	if err != nil {
		return err
	}
	defer svc.Close()
	return fn(svc)
}

// Run runs the command named by args and returns its exit code (0 ok, 1
// error, 2 usage). When args name no command it runs nothing and returns the
// window to open instead; version is what "kinerja version" prints.
func Run(args []string, stdout, stderr io.Writer, version string) (int, *Window) {
	global := flag.NewFlagSet("kinerja", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dataPath := global.String("data", "", "file data")
	screen := global.String("screen", "", "layar pembuka")
	helpFlag := global.Bool("help", false, "bantuan")
	global.BoolVar(helpFlag, "h", false, "bantuan")

	// Global flags may appear anywhere; a command's own flags are parsed by the command.
	name, rest, err := splitCommand(global, args)
	if err != nil {
		return fail(stderr, usageError{flagMessage(err)}), nil
	}
	switch {
	case *helpFlag:
		printUsage(stdout)
		return 0, nil
	case name == "":
		return 0, &Window{DataPath: *dataPath, Screen: *screen}
	}
	cmd, ok := lookup(name)
	if !ok {
		return fail(stderr, usagef("perintah tidak dikenal: %q", name)), nil
	}
	c := &call{name: cmd.name, raw: rest, stdout: stdout, stderr: stderr, dataPath: *dataPath, version: version, access: cmd.access}
	c.flags = flag.NewFlagSet("kinerja "+cmd.name, flag.ContinueOnError)
	c.flags.SetOutput(io.Discard)
	c.flags.StringVar(&c.dataPath, "data", c.dataPath, "file data")
	return fail(stderr, cmd.run(c)), nil
}

// splitCommand finds the command words (one or two, as in the table) among
// args, letting the global flags stand anywhere, and returns the remaining
// arguments.
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
		if len(words) < 2 && len(rest) == 0 && (len(words) == 0 || isCommand(words[0]+" "+a)) {
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

// helpPointer ends every usage error.
const helpPointer = ` (lihat "kinerja help")`

// fail prints err the way the CLI reports errors and returns its exit code:
// 2 with a pointer to "kinerja help" for a usage mistake, 1 otherwise.
func fail(stderr io.Writer, err error) int {
	if err == nil {
		return 0
	}
	var ue usageError
	if errors.As(err, &ue) {
		msg := ue.msg
		if !strings.Contains(msg, "kinerja help") {
			msg += helpPointer
		}
		fmt.Fprintln(stderr, "kinerja:", msg)
		return 2
	}
	fmt.Fprintln(stderr, "kinerja:", userMessage(err))
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

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// orList writes a, b atau c.
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " atau " + xs[len(xs)-1]
}
