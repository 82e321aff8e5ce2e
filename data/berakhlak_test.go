package data

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestBerAKHLAKOrderSpellsAcronym(t *testing.T) {
	t.Parallel()
	acronym := ""
	for i, v := range BerAKHLAK() {
		if v.Number != i+1 {
			t.Errorf("value %d has Number %d", i+1, v.Number)
		}
		for j, b := range v.Behaviours {
			if strings.TrimSpace(b) == "" {
				t.Errorf("%s behaviour %d empty", v.Name, j+1)
			}
		}
		acronym += v.Name[:1]
	}
	if acronym != "BAKHLAK" {
		t.Errorf("initials %q, want BAKHLAK (BerAKHLAK without 'er')", acronym)
	}
}

func TestBerAKHLAKReturnsCopy(t *testing.T) {
	t.Parallel()
	v := BerAKHLAK()
	v[0].Behaviours[0] = "diubah"
	if BerAKHLAK()[0].Behaviours[0] == "diubah" {
		t.Error("BerAKHLAK shares its table with callers")
	}
}

// TestBerAKHLAKMatchesDomain checks each value line against the product
// owner's rule text (../../shared/domain.md, outside the repository), when that
// folder is present, so a typo in the guide behaviours of SE MenPANRB 20/2021
// (docs/aturan.md §7.3) cannot slip in.
func TestBerAKHLAKMatchesDomain(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join("..", "..", "shared", "domain.md"))
	if err != nil {
		t.Skipf("domain.md not available: %v", err)
	}
	text := string(raw)
	for _, v := range BerAKHLAK() {
		line := v.Name + " — " + strings.Join(v.Behaviours[:], "; ") + "."
		want := fmt.Sprintf("%d. %s", v.Number, line)
		if !strings.Contains(text, want) {
			t.Errorf("domain.md has no line %q", want)
		}
	}
}
