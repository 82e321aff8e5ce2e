package cli

import (
	"fmt"
	"runtime"
)

// version is "kinerja version".
func version(c *call) error {
	if err := c.parse(); err != nil {
		return err
	}
	if len(c.args) > 0 {
		return usagef("version: tidak menerima argumen")
	}
	fmt.Fprintf(c.stdout, "Kinerja %s (%s, %s/%s)\n", c.version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return nil
}
