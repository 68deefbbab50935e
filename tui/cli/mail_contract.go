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
	return c.mailNumbered("mail contract", args, "cli.mail.contract_number", "cli.mail.no_contract",
		func(st *store.Store, number string) (mail.Message, error) {
			k, err := st.ContractByNumber(c.ctx, number)
			if err != nil {
				return mail.Message{}, err
			}
			return mail.ComposeContract(c.ctx, st, k.ID)
		})
}
