package service

import (
	"strings"
	"testing"
	"time"

	"kinerja/data"
)

const attlog = "     1\t2026-11-02 07:25:10\t1\t0\t1\t0\n" +
	"1\t2026-11-02 16:10:00\t1\t1\n" +
	"2\t2026-11-02 07:50:00\t1\t0\r\n" +
	"2\t2026-11-02 16:05:00\t1\t1\n" +
	"1\t2026-11-07 08:00:00\t1\t0\n" + // Saturday
	"99\t2026-11-02 07:00:00\t1\t0\n" + // nobody
	"garbage line\n" +
	"1\t2026-11-03 07:20:00\n" +
	"3\t2026-11-03 07:31:00\n"

func TestAttlogImport(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPNS, 5), person(3, data.KindPNS, 6))
	if err := svc.MapPins(map[string]uint64{"1": staff[0].ID, "2": staff[1].ID}); err != nil {
		t.Fatal(err)
	}
	// Person 2 was entered by hand on 2 November: kept unless overwrite.
	setDays(t, svc, staff[1].ID, map[data.Date]data.DayEntry{day(time.November, 2): {Code: data.CodeDL, Letter: "SPT 1"}})
	plan, err := svc.PlanAttlogImport(strings.NewReader(attlog), map[string]string{"3": staff[2].NIP}, false)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[data.MergeOutcome]int{}
	for _, o := range []data.MergeOutcome{data.MergeAdded, data.MergeChanged, data.MergeKeptHand, data.MergeUnchanged, data.MergeNonWorking} {
		counts[o] = plan.Count(o)
	}
	want := map[data.MergeOutcome]int{data.MergeAdded: 3, data.MergeKeptHand: 1, data.MergeNonWorking: 1}
	for o, n := range want {
		if counts[o] != n {
			t.Errorf("%s = %d, want %d (all %v)", o, counts[o], n, counts)
		}
	}
	if len(plan.Unknown) != 1 || plan.Unknown[0].PIN != "99" || plan.Unknown[0].Punches != 1 {
		t.Errorf("unknown = %+v", plan.Unknown)
	}
	if len(plan.BadLines) != 1 || plan.BadLines[0].Line != 7 {
		t.Errorf("bad lines = %+v", plan.BadLines)
	}
	if m, _ := svc.AttendanceMonth(staff[0].ID, 2026, time.November); len(m.Days) != 0 {
		t.Fatal("planning saved something")
	}
	n, err := svc.ApplyImport(plan)
	if err != nil || n != 3 {
		t.Fatalf("ApplyImport = %d, %v", n, err)
	}
	m, _ := svc.AttendanceMonth(staff[0].ID, 2026, time.November)
	if e := m.Days[2]; e.Code != data.CodeH || e.In != "07:25" || e.Out != "16:10" || e.Source != data.SourceMachine {
		t.Errorf("2 November = %+v", e)
	}
	if _, ok := m.Days[7]; ok {
		t.Error("a Saturday punch was saved")
	}
	if m3, _ := svc.AttendanceMonth(staff[2].ID, 2026, time.November); m3.Days[3].Code != data.CodeTL || m3.Days[3].Punch != "07:31" || m3.Days[3].In != "" || m3.Days[3].LateMinutes != 0 {
		t.Errorf("mapped PIN 3: %+v", m3.Days[3])
	}
	if pins, _ := svc.MachinePins(); pins["3"] != staff[2].ID {
		t.Errorf("the --map PIN was not remembered: %v", pins)
	}
	audit, _ := svc.st.Audit()
	// Re-importing the same file changes nothing.
	again, err := svc.PlanAttlogImport(strings.NewReader(attlog), nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changes() || again.Count(data.MergeUnchanged) != 3 {
		t.Fatalf("second plan: changes %v, unchanged %d", again.Changes(), again.Count(data.MergeUnchanged))
	}
	if n, err := svc.ApplyImport(again); err != nil || n != 0 {
		t.Fatalf("second apply = %d, %v", n, err)
	}
	if after, _ := svc.st.Audit(); len(after) != len(audit) {
		t.Fatal("re-importing wrote audit entries")
	}
	// With overwrite the hand-entered DL gives way to the punches.
	over, _ := svc.PlanAttlogImport(strings.NewReader(attlog), nil, true)
	if over.Count(data.MergeChanged) != 1 {
		t.Fatalf("overwrite plan changed %d", over.Count(data.MergeChanged))
	}
	if _, err := svc.ApplyImport(over); err != nil {
		t.Fatal(err)
	}
	if m2, _ := svc.AttendanceMonth(staff[1].ID, 2026, time.November); m2.Days[2].Code != data.CodeTL {
		t.Errorf("overwritten day = %+v", m2.Days[2])
	}
	if _, err := svc.PlanAttlogImport(strings.NewReader(attlog), map[string]string{"5": "123"}, false); err == nil {
		t.Error("a mapping to an unknown NIP was accepted")
	}
}

func TestPunchTable(t *testing.T) {
	t.Parallel()
	svc, staff := openService(t, person(1, data.KindPNS, 5))
	header := []string{"No", "Nama", "Tanggal", "Jam"}
	cols := GuessPunchColumns(header)
	if cols != (PunchColumns{PIN: 0, DateTime: -1, Date: 2, Time: 3}) {
		t.Fatalf("guess = %+v", cols)
	}
	if g := GuessPunchColumns([]string{"NIP", "Waktu"}); g.PIN != 0 || g.DateTime != 1 {
		t.Fatalf("guess NIP/Waktu = %+v", g)
	}
	table := data.Table{Header: header, Rows: []data.Row{
		{Line: 2, Cells: []string{staff[0].NIP, "x", "02/11/2026", "07:10"}},
		{Line: 3, Cells: []string{staff[0].NIP, "x", "02/11/2026", "16:20"}},
		{Line: 5, Cells: []string{staff[0].NIP, "x", "31/11/2026", "07:10"}},
	}}
	plan, err := svc.PlanPunchTable(table, cols, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Count(data.MergeAdded) != 1 || len(plan.BadLines) != 1 || plan.BadLines[0].Line != 5 {
		t.Fatalf("plan = %+v", plan)
	}
	if d := plan.Days[0]; d.Punches.First != "07:10" || d.Punches.Last != "16:20" {
		t.Fatalf("day = %+v", d)
	}
	if _, err := svc.PlanPunchTable(table, PunchColumns{PIN: 0, DateTime: -1, Date: 2, Time: -1}, nil, false); err == nil {
		t.Error("a mapping without a time column was accepted")
	}
}

func TestPinMappingsListedAndRemovable(t *testing.T) {
	svc, staff := openService(t, person(1, data.KindPNS, 5), person(2, data.KindPNS, 5))
	if err := svc.MapPins(map[string]uint64{"10": staff[0].ID, "2": staff[1].ID}); err != nil {
		t.Fatal(err)
	}
	list, err := svc.PinMappings()
	if err != nil || len(list) != 2 || list[0].PIN != "2" || list[1].Name != staff[0].DisplayName() {
		t.Fatalf("mappings = %+v, %v", list, err)
	}
	if err := svc.UnmapPin("10"); err != nil {
		t.Fatal(err)
	}
	if list, _ := svc.PinMappings(); len(list) != 1 {
		t.Errorf("after removing = %+v", list)
	}
	plan, err := svc.PlanAttlogImport(strings.NewReader("10\t2026-11-02 07:30:00\n"), nil, false)
	if err != nil || len(plan.Unknown) != 1 {
		t.Errorf("removed PIN still mapped: %+v, %v", plan.Unknown, err)
	}
}
