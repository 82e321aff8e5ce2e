package service

import (
	"strings"
	"testing"

	"kinerja/data"
)

func TestRamadanToConfirmWindow(t *testing.T) {
	t.Parallel()
	svc, _ := openService(t)
	// The shipped 1448 H period (8 February – 9 March 2027) is an estimate.
	tests := []struct {
		today data.Date
		want  bool
	}{
		{data.NewDate(2026, 12, 9), false}, // 61 days before
		{data.NewDate(2026, 12, 10), true}, // 60 days before
		{data.NewDate(2027, 2, 8), true},   // first day
		{data.NewDate(2027, 3, 9), true},   // last day
		{data.NewDate(2027, 3, 10), false}, // over
	}
	for _, tt := range tests {
		p, ok, err := svc.RamadanToConfirm(tt.today)
		if err != nil || ok != tt.want || (ok && p.HijriYear != 1448) {
			t.Errorf("%s: %+v, %v, %v; want %v", tt.today, p, ok, err, tt.want)
		}
	}
	audit, _ := svc.st.Audit()
	if err := svc.ConfirmRamadan(1448, ""); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := svc.RamadanToConfirm(data.NewDate(2027, 2, 1)); ok {
		t.Error("still asked after confirming")
	}
	set, _ := svc.AttendanceSettings()
	for _, p := range set.RamadanPeriods {
		if p.HijriYear == 1448 && (p.Status != data.RamadanConfirmed || !strings.Contains(p.Source, "sidang isbat") ||
			!p.From.Equal(data.NewDate(2027, 2, 8))) {
			t.Errorf("confirmed period = %+v", p)
		}
	}
	after, _ := svc.st.Audit()
	if len(after) != len(audit)+1 || after[len(after)-1].Actor != "uji" {
		t.Errorf("audit: %d entries before, %d after", len(audit), len(after))
	}
	if err := svc.ConfirmRamadan(1460, ""); err == nil || !strings.Contains(err.Error(), "1460") {
		t.Errorf("unknown year: %v", err)
	}
}
