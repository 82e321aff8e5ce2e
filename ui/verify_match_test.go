package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"kinerja/data/service"
)

func TestMatchLine(t *testing.T) {
	useIndonesian(t)
	tests := []struct {
		match service.Match
		id    string
		want  string
	}{
		{service.MatchEqual, "EVK-2026-Q3-198504122010011003-r0", "EVK-2026-Q3-198504122010011003-r0: cocok dengan penilaian"},
		{service.MatchDiffers, "", "TIDAK cocok"},
		{service.MatchNotHeld, "", "file data ini tidak memuat penilaian"},
		{service.MatchNotEvaluation, "RKH-2026-10", "RKH-2026-10: bukan dokumen evaluasi (rekap kehadiran)"},
		{service.MatchNotKinerja, "", "bukan dokumen evaluasi Kinerja"},
	}
	for _, tt := range tests {
		l, ok := matchLine(service.VerifyResult{Match: tt.match, DocumentID: tt.id}).(*widget.Label)
		if !ok {
			t.Fatalf("match %d: not a label", tt.match)
		}
		if got := l.Text; len(got) < len(tt.want) || got[:len(tt.want)] != tt.want {
			t.Errorf("match %d: %q, want it to start with %q", tt.match, got, tt.want)
		}
	}
}
