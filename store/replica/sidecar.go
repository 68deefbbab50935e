package replica

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
)

// sidecarEnv names the daicho-replica program to run, overriding the search
// (the tests set it to the one they build).
const sidecarEnv = "DAICHO_REPLICA"

// sidecar finds daicho-replica: $DAICHO_REPLICA, else beside the running
// daicho, else on PATH.
func sidecar() (string, error) {
	if p := os.Getenv(sidecarEnv); p != "" {
		return p, nil
	}
	name := "daicho-replica"
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	dir := "the folder of daicho"
	if exe, err := os.Executable(); err == nil {
		dir = filepath.Dir(exe)
		p := filepath.Join(dir, name)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p, nil
		}
	}
	if p, err := exec.LookPath(name); err == nil { // not one in the current folder (exec.ErrDot)
		return p, nil
	}
	return "", fmt.Errorf("replication needs the program daicho-replica, found neither beside daicho (%s) nor on PATH: "+
		"build it in daicho's source folder with `go build -o %s ./store/replica/daicho-replica` (or `go install ./...`)",
		dir, filepath.Join(dir, name))
}
