//go:build long

package killtest

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"kinerja/data"
	"kinerja/data/service"
	"kinerja/export"
	"kinerja/ui/cli"
)

// childEnv makes this test binary act as the kinerja command line: the
// arguments after "--" are run through cli.Run and the process exits. This
// avoids building the whole program (with its GUI) for the test.
const childEnv = "KINERJA_KILLTEST_CHILD"

func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		code, _ := cli.Run(args, os.Stdout, os.Stderr, "killtest")
		os.Exit(code)
	}
	os.Exit(m.Run())
}

// kinerja runs one command in a child process; when killAfter > 0 the
// child is sent SIGKILL after that long. committed is true when the child
// exited by itself with code 0 (the write was reported as done).
func kinerja(t *testing.T, killAfter time.Duration, args ...string) (committed bool, out string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), childEnv+"=1", "KINERJA_ACTOR=killtest")
	var buf strings.Builder
	cmd.Stdout, cmd.Stderr = &buf, &buf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	var err error
	if killAfter > 0 {
		select {
		case err = <-done:
		case <-time.After(killAfter):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			err = <-done
		}
	} else {
		err = <-done
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return false, buf.String()
		}
		t.Fatalf("kinerja %v failed by itself: %v\n%s", args, err, buf.String())
	}
	if err != nil {
		t.Fatalf("kinerja %v: %v", args, err)
	}
	return true, buf.String()
}

// expectation is a write a child reported as committed, checked after every kill.
type expectation struct {
	what  string
	check func(svc *service.Service) bool
}

func TestKillLoop(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "kinerja.db")
	if ok, out := kinerja(t, 0, "--data", file, "demo", "--staff", "20"); !ok {
		t.Fatalf("demo: %s", out)
	}
	svc, err := service.Open(file, service.Options{})
	if err != nil {
		t.Fatal(err)
	}
	staff, err := svc.AllStaff()
	if err != nil {
		t.Fatal(err)
	}
	units, _ := svc.Units()
	_ = svc.Close()
	var nips []data.Staff
	for _, s := range staff {
		if s.NIP != "" && s.Kind == data.KindPNS && s.At(data.NewDate(2026, time.October, 1)).Active && s.At(data.NewDate(2026, time.October, 31)).Active {
			nips = append(nips, s)
		}
	}
	if len(nips) == 0 {
		t.Fatal("the demo office has no PNS")
	}
	template := nips[0]

	rng := rand.New(rand.NewSource(1))
	var expect []expectation
	kills := 0
	const rounds = 100
	for i := 0; i < rounds; i++ {
		delay := time.Duration(1+rng.Intn(45)) * time.Millisecond
		var args []string
		var exp expectation
		switch i % 4 {
		case 0: // a holiday
			d := data.NewDate(2027, time.January, 1).AddDays(i)
			name := fmt.Sprintf("Libur uji %d", i)
			args = []string{"calendar", "add", "--date", d.Time().Format("2006-01-02"), "--name", name, "--kind", "lokal"}
			exp = expectation{what: name, check: func(svc *service.Service) bool {
				hs, err := svc.Holidays()
				for _, h := range hs {
					if err == nil && h.Name == name {
						return true
					}
				}
				return false
			}}
		case 1: // one attendance day
			s := nips[i%len(nips)]
			d := data.NewDate(2026, time.October, 1).AddDays(i % 28)
			for d.Time().Weekday() == time.Saturday || d.Time().Weekday() == time.Sunday {
				d = d.AddDays(1)
			}
			args = []string{"attendance", "set", "--date", d.Time().Format("2006-01-02"), "--nip", s.NIP, "--code", "DL"}
			exp = expectation{what: "kehadiran " + s.NIP + " " + d.String(), check: func(svc *service.Service) bool {
				m, err := svc.AttendanceMonth(s.ID, d.Year(), d.Month())
				return err == nil && m.Days[d.Day()].Code == "DL"
			}}
		case 2: // a staff import of one new person
			p := template
			p.ID = 0
			p.Name = fmt.Sprintf("Pegawai Impor %d", i)
			born := data.NewDate(1980, time.January, 1).AddDays(i)
			p.BirthDate, p.Sex = born, data.SexMale
			p.NIP = fmt.Sprintf("%s2010011%03d", born.Compact(), 100+i)
			csvPath := filepath.Join(dir, fmt.Sprintf("impor-%d.csv", i))
			if err := export.WriteStaffFile(csvPath, []data.StaffRow{data.StaffRowOf(p, units)}); err != nil {
				t.Fatal(err)
			}
			args = []string{"import", "staff", csvPath}
			nip := p.NIP
			exp = expectation{what: "pegawai " + nip, check: func(svc *service.Service) bool {
				_, err := svc.StaffByIdentifier(nip)
				return err == nil
			}}
		case 3: // a backup
			out := filepath.Join(dir, fmt.Sprintf("cadangan-%d.db", i))
			args = []string{"backup", "--out", out}
			exp = expectation{what: "cadangan " + out, check: func(*service.Service) bool {
				sum, err := service.InspectBackup(context.Background(), out)
				return err == nil && len(sum.Problems) == 0
			}}
		}
		committed, out := kinerja(t, delay, append([]string{"--data", file}, args...)...)
		if committed {
			expect = append(expect, exp)
		} else {
			kills++
		}
		_ = out
		verify(t, file, expect, i, false)
	}
	// A demo killed while it fills a fresh file: the file opens and checks
	// clean, or does not exist.
	for i := 0; i < 6; i++ {
		fresh := filepath.Join(dir, fmt.Sprintf("demo-%d.db", i))
		if committed, _ := kinerja(t, time.Duration(10+rng.Intn(200))*time.Millisecond, "--data", fresh, "demo", "--staff", "30"); !committed {
			kills++
		}
		if _, err := os.Stat(fresh); err == nil {
			verify(t, fresh, nil, rounds+i, true)
		}
	}
	t.Logf("%d kills, %d committed writes checked", kills, len(expect))
	if kills < 30 {
		t.Fatalf("only %d kills landed during a write; make the delays shorter", kills)
	}
}

// verify opens the file after a kill: it must open, pass Check and hold
// every committed write. fresh allows a file killed before its first
// transaction: bbolt's empty file, which Open calls not yet a Kinerja file
// (ErrNoFile) and "demo" or "office set" fill.
func verify(t *testing.T, file string, expect []expectation, round int, fresh bool) {
	t.Helper()
	svc, err := service.Open(file, service.Options{})
	if fresh && errors.Is(err, service.ErrNoFile) {
		return
	}
	if err != nil {
		t.Fatalf("round %d: the file does not open after a kill: %v", round, err)
	}
	defer svc.Close()
	rep, err := svc.Check(context.Background(), nil)
	if err != nil || !rep.Clean() {
		t.Fatalf("round %d: check after a kill: %v %v", round, err, rep.Problems)
	}
	for _, e := range expect {
		if !e.check(svc) {
			t.Fatalf("round %d: a committed write is missing: %s", round, e.what)
		}
	}
}
