// Package tmuxenv keeps lipgloss from asking tmux for its colours while the
// program's packages are initialised.
//
// lipgloss v2 sets up lipgloss.Writer when its package is initialised, before
// main: with stdout a terminal inside tmux ($TMUX set), that runs `tmux info`
// and waits for it, 7 ms of CPU for the tmux client alone and 10–25 ms of
// wall time here, on every daicho command typed in a tmux pane — on the way
// to the TUI's first rows too, though daicho's screens draw in ANSI colours
// (tui/styles.go) and the greys of bubbles' help line, which the profile the
// environment gives inside tmux (TERM=tmux-256color: 256 colours) shows as
// well as true colour would.
//
// This package imports nothing but the standard library, so the language's
// initialisation order (the first package by import path whose imports are
// done; lipgloss waits for colorprofile, which waits for os/exec) initialises
// it before lipgloss: its init takes $TMUX out of the environment, and
// Restore, the command line's first step, puts it back before anything
// else of daicho's runs or starts a process.
package tmuxenv

import "os"

var tmux, inTmux = os.LookupEnv("TMUX")

func init() {
	if inTmux {
		os.Unsetenv("TMUX")
	}
}

// Restore puts $TMUX back as it was when the program started.
func Restore() {
	if inTmux {
		os.Setenv("TMUX", tmux)
	}
}
