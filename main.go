// Command daicho is a keyboard-driven sales ledger (台帳) for a small office.
// Without a command it opens the full-screen TUI; the commands of
// ARCHITECTURE.md §8 do the same work from a shell or a script. Run
// `daicho help` for the list.
//
// Everything happens in package tui/cli: main only hands it the arguments
// and the process's streams, and exits with the status it returns.
package main

import (
	"os"

	"daicho/tui/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
