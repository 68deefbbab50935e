package storetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// WithReplicaSidecar is a TestMain for the packages whose tests replicate
// (store/replica, tui/cli): it builds the sidecar daicho-replica once into a
// temporary folder, points DAICHO_REPLICA at it, runs the tests (run is
// m.Run) and returns their exit code. When DAICHO_REPLICA is set already
// (a test's child process, which inherits it) it runs the tests with that one.
func WithReplicaSidecar(run func() int) int {
	if os.Getenv("DAICHO_REPLICA") != "" {
		return run()
	}
	dir, err := os.MkdirTemp("", "daicho-replica-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "daicho-replica")
	build := exec.Command("go", "build", "-o", bin, "daicho/store/replica/daicho-replica")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building daicho-replica:", err)
		return 1
	}
	os.Setenv("DAICHO_REPLICA", bin)
	return run()
}
