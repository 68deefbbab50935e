package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCPUProfileFlag: --cpuprofile FILE is accepted before the command and
// among a command's flags, writes a profile (a gzip stream) once the run
// ends, stays out of the usage, and is refused twice in one run.
func TestCPUProfileFlag(t *testing.T) {
	dir := cleanEnv(t)
	for i, args := range [][]string{
		{"--cpuprofile", "{prof}", "version"},
		{"version", "--cpuprofile={prof}"},
		{"list", "customers", "--db", filepath.Join(dir, "d.db"), "--cpuprofile", "{prof}"},
	} {
		prof := filepath.Join(dir, "cpu"+string(rune('a'+i))+".prof")
		for j := range args {
			args[j] = strings.Replace(args[j], "{prof}", prof, 1)
		}
		mustRun(t, args...)
		data, err := os.ReadFile(prof)
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if len(data) < 2 || data[0] != 0x1f || data[1] != 0x8b {
			t.Errorf("%v: the profile is not a gzip stream: % x", args, data[:min(len(data), 4)])
		}
	}
	if r := mustRun(t, "help"); strings.Contains(r.stdout, "cpuprofile") {
		t.Errorf("the usage shows the hidden flag:\n%s", r.stdout)
	}
	p := filepath.Join(dir, "twice.prof")
	if r := runWith("", "--cpuprofile", p, "version", "--cpuprofile", p); r.code != exitUsage {
		t.Errorf("--cpuprofile twice: exit %d, want %d", r.code, exitUsage)
	}
}
