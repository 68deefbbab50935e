package cli

import (
	"fmt"

	"daicho/store"
)

// version is this program's release.
const version = "0.1.0"

// info prints the version or the usage on stdout.
func (c *cli) info(cmd string, args []string) int {
	pos, code, ok := c.parseCommand(c.flagSet(cmd), args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	if cmd == "version" {
		fmt.Fprintln(c.stdout, c.p.T("cli.version", version, store.SchemaVersion()))
	} else {
		fmt.Fprint(c.stdout, c.p.T("cli.usage"))
	}
	return exitOK
}
