package data

import "testing"

func TestParseTimeOfDay(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"0815", 495, true},
		{"815", 495, true},
		{"8.15", 495, true},
		{"08.15", 495, true},
		{"08:15", 495, true},
		{"07.30", 450, true},
		{"07:30", 450, true},
		{" 7:30 ", 450, true},
		{"07:30:59", 450, true},
		{"07.30.59", 450, true},
		{"0000", 0, true},
		{"2359", 1439, true},
		{"23.59", 1439, true},
		{"2400", 0, false},
		{"24.00", 0, false},
		{"0760", 0, false},
		{"07.60", 0, false},
		{"07:30:60", 0, false},
		{"7.3", 0, false},
		{"08", 0, false},
		{"8", 0, false},
		{"08150", 0, false},
		{"", 0, false},
		{"07..30", 0, false},
		{".0730", 0, false},
		{"07:30:", 0, false},
		{"-7:30", 0, false},
		{"+730", 0, false},
		{"٠٧:٣٠", 0, false}, // non-ASCII digits
		{"07 30", 0, false},
		{"007:30", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseTimeOfDay(tt.in)
		if (err == nil) != tt.ok || (tt.ok && got != tt.want) {
			t.Errorf("ParseTimeOfDay(%q) = %d, %v; want %d ok=%v", tt.in, got, err, tt.want, tt.ok)
		}
	}
}

func TestFormatPukul(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		min  int
		want string
	}{{450, "pukul 07.30"}, {0, "pukul 00.00"}, {1439, "pukul 23.59"}, {16*60 + 5, "pukul 16.05"}} {
		if got := FormatPukul(tt.min); got != tt.want {
			t.Errorf("FormatPukul(%d) = %q, want %q", tt.min, got, tt.want)
		}
	}
	if got := FormatClockDot(495); got != "08.15" {
		t.Errorf("FormatClockDot(495) = %q", got)
	}
}

func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"0815", "815", "8.15", "08.15", "08:15", "07.30", "07:30", "07:30:59", "2400", "", "7.3", "٠٧:٣٠"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseTimeOfDay(s)
		if err != nil {
			return
		}
		if m < 0 || m >= 24*60 {
			t.Fatalf("ParseTimeOfDay(%q) = %d out of range", s, m)
		}
		// What FormatClockDot and FormatClock write reads back the same.
		for _, w := range []string{FormatClockDot(m), FormatClock(m)} {
			if back, err := ParseTimeOfDay(w); err != nil || back != m {
				t.Fatalf("round trip of %q via %q = %d, %v", s, w, back, err)
			}
		}
	})
}
