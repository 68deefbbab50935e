package cli

import (
	"daicho/pdf/mail"
	"daicho/store"
)

// mailContract (daicho mail contract NUMBER [--dry-run]) sends the
// contract's summary (契約内容確認書) to its customer's email, as the TUI
// offers on activation, so it can be scripted: the same mail, log and
// archive entry; with no SMTP server set, the .eml file, as `daicho mail`.
func (c *cli) mailContract(args []string) int {
	fs := c.flagSet("mail contract")
	dryRun := fs.Bool("dry-run", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T("cli.mail.contract_number"))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	k, err := st.ContractByNumber(c.ctx, pos[0])
	if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
		return c.fail(c.p.T("cli.mail.no_contract", pos[0]))
	}
	if err != nil {
		return c.failErr(err)
	}
	m, err := mail.ComposeContract(c.ctx, st, k.ID)
	if err != nil {
		return c.fail(c.p.T("mail.cannot", c.p.Error(err)))
	}
	return c.sendMail(st, m, *dryRun)
}
