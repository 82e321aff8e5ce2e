package cli

import (
	"testing"

	"kinerja/internal/testkit"
	"kinerja/internal/testkit/svckit"
)

// The commands of the tests seal keys at the cheap test cost; the program
// never sets serviceOptions.
func init() { serviceOptions.KeyCost = svckit.KeyCost }

// TestMain removes the files built once per test binary (svckit.DemoFile).
func TestMain(m *testing.M) { testkit.Main(m) }
