package cli

import (
	"errors"
	"fmt"
	"os"
	"runtime/pprof"
)

// The hidden global flag --cpuprofile FILE writes a CPU profile of the whole
// run (read it with `go tool pprof FILE`), so anyone can see where a slow
// command spends its time. It is accepted wherever the global flags are (on
// every command's flag set, see flagSet) and starts profiling the moment it
// is parsed; Run stops it, whichever way the command ends.

// errProfileTwice refuses a second --cpuprofile in one run: one profile per run.
var errProfileTwice = errors.New("--cpuprofile given twice")

// startCPUProfile is the flag's setter: it creates FILE and starts profiling.
func (c *cli) startCPUProfile(path string) error {
	if c.profile != nil {
		return errProfileTwice
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return err
	}
	c.profile = f
	return nil
}

// stopCPUProfile ends the profile started by --cpuprofile, if any, and
// reports a file that could not be written.
func (c *cli) stopCPUProfile() {
	if c.profile == nil {
		return
	}
	pprof.StopCPUProfile()
	if err := c.profile.Close(); err != nil {
		fmt.Fprintf(c.stderr, "daicho: %s\n", err)
	}
	c.profile = nil
}
