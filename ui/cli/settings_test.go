package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

func TestSettingsEvaluationShowAndChange(t *testing.T) {
	t.Parallel()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	code, out, errOut := cli(t, "settings", "evaluation", "--data", db)
	if code != 0 || !strings.Contains(out, "Triwulan") || !strings.Contains(out, "10 hari") || !strings.Contains(out, "SE MenPANRB 3/2023") {
		t.Fatalf("show defaults: exit %d, %q %s", code, out, errOut)
	}
	if code, out, errOut := cli(t, "settings", "evaluation", "--data", db, "--deadline-days", "20"); code != 0 || !strings.Contains(out, "20 hari") || !strings.Contains(out, "Triwulan") {
		t.Fatalf("change deadline only: exit %d, %q %s", code, out, errOut)
	}
	if code, _, errOut := cli(t, "settings", "evaluation", "--data", db, "--cadence", "Semester"); code != 0 {
		t.Fatalf("change cadence only: exit %d, %s", code, errOut)
	}
	code, out, _ = cli(t, "settings", "evaluation", "--data", db, "--format", "json")
	var got []struct {
		Cadence      string `json:"cadence"`
		DeadlineDays int    `json:"deadline_days"`
	}
	if err := json.Unmarshal([]byte(out), &got); code != 0 || err != nil {
		t.Fatalf("json: exit %d, %v: %q", code, err, out)
	}
	if len(got) != 1 || got[0].Cadence != "semester" || got[0].DeadlineDays != 20 {
		t.Errorf("json after both changes: %+v", got)
	}
	if code, out, errOut := cli(t, "period", "create", "--data", db, "2026-Q3"); code != 0 || !strings.Contains(out, "batas pengisian 20 Oktober 2026") {
		t.Errorf("period create after the change: exit %d, %q %s", code, out, errOut)
	}
}

func TestSettingsEvaluationBadValues(t *testing.T) {
	t.Parallel()
	db := created(t, filepath.Join(t.TempDir(), "k.db"))
	for _, args := range [][]string{
		{"--cadence", "tahunan"},
		{"--cadence", "mingguan"},
		{"--deadline-days", "367"},
		{"--deadline-days", "-1"},
		{"--deadline-days", "sepuluh"},
		{"--cadence", "bulanan", "--deadline-days", ""},
		{"--format", "xml"},
		{"extra"},
	} {
		code, _, errOut := cli(t, append([]string{"settings", "evaluation", "--data", db}, args...)...)
		if code != 2 || !strings.Contains(errOut, "settings evaluation") {
			t.Errorf("%v: exit %d, %q; want 2", args, code, errOut)
		}
	}
	_, out, _ := cli(t, "settings", "evaluation", "--data", db)
	if !strings.Contains(out, "Triwulan") || !strings.Contains(out, "10 hari") {
		t.Errorf("bad values changed the settings:\n%s", out)
	}
}
