package i18n

// enContractMail: contracts that mail themselves (issue 16): the contract
// summary mailed on activation or by `daicho mail contract`, and the
// renewal notice to the customer; ja_contract_mail.go mirrors it key for key.
func enContractMail() map[string]string {
	return map[string]string{
		// Activation offers the mail.
		"conmail.ask":          "Mail the contract summary to %s?",
		"conmail.sent":         "Contract summary %s mailed to %s",
		"conmail.no_server":    "Summary not mailed: no SMTP server in the mail settings.",
		"conmail.cannot":       "The contract summary was not mailed: %s",
		"conmail.log_contract": "contract summary %[1]s",
		"conmail.log_renewal":  "renewal notice %[1]s (ends %[2]s)",
		// The contract's field.
		"field.notify_customer":      "Renewal notice to customer",
		"con.field.notify_customer":  "Renewal notice to customer",
		"con.notify_customer_on":     "The customer is mailed a renewal notice when the notice period begins.",
		"field.contract":             "Contract",
		"field.contract_end":         "Contract end",
		"err.mail.contract_draft":    "a draft contract is not sent: activate it first",
		"err.mail.not_contract_kind": "only a mail about a contract names one",
		// daicho mail contract.
		"cli.mail.contract_number": "which contract? daicho mail contract NUMBER (e.g. K-2026-0001)",
		"cli.mail.no_contract":     "no contract is numbered %s",
		// daicho notify: renewal notices to customers.
		"cli.notify.customer_sent":      "Renewal notice for %s mailed to %s <%s>",
		"cli.notify.customer_saved_eml": "Renewal notice for %s to %s saved as %s",
		"cli.notify.customer_failed":    "Renewal notice for %s not sent: %s",
		"cli.notify.customer_dry_run":   "Renewal notice for %s (ends %s) to %s",
	}
}
