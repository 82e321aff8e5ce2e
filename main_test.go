package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary act as the program: with KINERJA_TEST_MAIN
// set it runs main with the arguments in that variable.
func TestMain(m *testing.M) {
	if args, ok := os.LookupEnv("KINERJA_TEST_MAIN"); ok {
		os.Args = append([]string{"kinerja"}, strings.Fields(args)...)
		main()
		return
	}
	os.Exit(m.Run())
}

// TestNoLocaleNoise: under the C locale "kinerja version" prints its one
// line and nothing on stderr (Fyne's locale parsing must not speak).
func TestNoLocaleNoise(t *testing.T) {
	t.Parallel()
	var base []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANGUAGE=") {
			base = append(base, kv)
		}
	}
	for _, env := range [][]string{{"LANG=C"}, {"LANG=C.UTF-8"}, {"LANG=POSIX"}, {"LC_ALL=C.UTF-8"}, {"LC_ALL=C", "LANG=id_ID.UTF-8"}, {}} {
		cmd := exec.Command(os.Args[0])
		cmd.Env = append(append(base[:len(base):len(base)], "KINERJA_TEST_MAIN=version"), env...)
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			t.Fatalf("%v: %v: %s", env, err, errOut.String())
		}
		if lines := strings.Count(out.String(), "\n"); lines != 1 || !strings.HasPrefix(out.String(), "Kinerja ") || errOut.Len() != 0 {
			t.Errorf("%v: stdout %q, stderr %q; want one line and nothing on stderr", env, out.String(), errOut.String())
		}
	}
}
