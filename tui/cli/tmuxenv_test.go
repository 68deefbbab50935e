package cli

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/creack/pty"
)

// tmuxEnvHelper names the file the helper process writes what it saw to.
const tmuxEnvHelper = "DAICHO_TEST_TMUXENV_OUT"

// TestTmuxEnvHelperProcess is the child of TestNoTmuxQueryAtStart: its
// packages were initialised with stdout a terminal inside "tmux". It writes
// the colour profile lipgloss found and $TMUX as a command sees it.
func TestTmuxEnvHelperProcess(t *testing.T) {
	out := os.Getenv(tmuxEnvHelper)
	if out == "" {
		t.Skip("only run by TestNoTmuxQueryAtStart")
	}
	var stdout, stderr bytes.Buffer
	Run([]string{"version"}, strings.NewReader(""), &stdout, &stderr)
	report := "profile=" + lipgloss.Writer.Profile.String() + "\ntmux=" + os.Getenv("TMUX") + "\n"
	if err := os.WriteFile(out, []byte(report), 0o600); err != nil {
		t.Fatal(err)
	}
}

// A daicho command started in a tmux pane does not run `tmux info` while its
// packages are initialised (lipgloss would: tui/tmuxenv), finds the colour
// profile the environment gives, and its commands still see $TMUX. The
// "tmux" found on PATH here records each time it runs and claims true colour,
// which lipgloss would have taken had it asked.
func TestNoTmuxQueryAtStart(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no pty")
	}
	dir := t.TempDir()
	calls, report := filepath.Join(dir, "calls"), filepath.Join(dir, "report")
	fake := "#!/bin/sh\necho \"$@\" >>" + calls + "\necho 'Tc: (flag) true'\n"
	if err := os.WriteFile(filepath.Join(dir, "tmux"), []byte(fake), 0o700); err != nil {
		t.Fatal(err)
	}
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skip("no pty here:", err)
	}
	defer ptmx.Close()
	go io.Copy(io.Discard, ptmx) // whatever the child writes to its terminal

	cmd := exec.Command(os.Args[0], "-test.run", "^TestTmuxEnvHelperProcess$")
	env := []string{tmuxEnvHelper + "=" + report, "PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH"),
		"TMUX=/tmp/tmux-1000/default,4242,0", "TERM=tmux-256color", "DAICHO_DB=" + filepath.Join(dir, "daicho.db")}
	for _, kv := range os.Environ() {
		switch strings.SplitN(kv, "=", 2)[0] {
		case "PATH", "TMUX", "TERM", "COLORTERM", "NO_COLOR", "CLICOLOR_FORCE", "TTY_FORCE", "DAICHO_DB":
		default:
			env = append(env, kv)
		}
	}
	cmd.Env = env
	cmd.Stdin, cmd.Stdout = tty, tty
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	tty.Close()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, stderr.String())
	}
	got, err := os.ReadFile(report)
	if err != nil {
		t.Fatalf("the child wrote no report: %v\n%s", err, stderr.String())
	}
	if ran, _ := os.ReadFile(calls); len(ran) > 0 {
		t.Errorf("tmux was run at start: %q", ran)
	}
	want := "profile=ANSI256\ntmux=/tmp/tmux-1000/default,4242,0\n"
	if string(got) != want {
		t.Errorf("the child saw\n%s\nwant\n%s", got, want)
	}
}
