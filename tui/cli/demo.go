package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"daicho/store/demo"
)

// demo fills the database with demo data; see the usage text for --force.
func (c *cli) demo(args []string) int {
	fs := c.flagSet("demo")
	sizeFlag := fs.String("size", "small", "")
	force := fs.Bool("force", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	size, err := demo.ParseSize(*sizeFlag)
	if err != nil {
		return c.usageError(c.p.T("cli.demo.bad_size", *sizeFlag))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	has, err := demo.HasData(c.ctx, st)
	if err != nil {
		return c.failErr(err)
	}
	if has && !*force {
		return c.fail(c.p.T("cli.demo.has_data", st.Path()))
	}
	added, err := demo.Add(c.ctx, st, size)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.demo.done", added.Customers, added.Products, added.Documents, st.Path()))
	if added.Contracts > 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.demo.contracts", added.Contracts))
	}
	if added.Inquiries > 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.demo.inquiries", added.Inquiries))
	}
	if added.Documents == 0 {
		return exitOK
	}
	// The bank files of the demo morning, beside the database, to try
	// daicho import bank (or the reconciliation screen) on.
	dir := filepath.Join(filepath.Dir(st.Path()), "demo-bank")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return c.fail(c.p.T("cli.export.cannot_write", dir, err))
	}
	paths, err := demo.WriteBankFiles(c.ctx, dir, st)
	if err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.demo.payments", added.Payments, strings.Join(paths, "\n  ")))
	return exitOK
}
