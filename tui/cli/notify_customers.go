package cli

import (
	"errors"
	"fmt"
	"time"

	"daicho/pdf/mail"
	"daicho/store"
)

// Contracts that mail themselves (issue 16): besides telling the people in
// charge, notify mails the customers of contracts with notify_customer on a
// renewal notice when the notice period begins, once per contract and end
// date (mail.Sender.SendRenewalNotices).

// reportRenewalNotices says what became of each customer's renewal notice;
// it reports whether any failed.
func (c *cli) reportRenewalNotices(results []mail.RenewalResult) (failed bool) {
	for _, r := range results {
		number := r.Contract.Number
		var nl *mail.NotLoggedError
		var se *mail.SendError
		switch {
		case errors.As(r.Err, &nl):
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("mail.not_logged", nl.Log.To, c.p.Error(nl.Err)))
		case errors.As(r.Err, &se):
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("cli.notify.customer_failed", number,
				c.p.T("mail.send_failed", se.Server, se.Err.Error())))
		case r.Err != nil:
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("cli.notify.customer_failed", number, c.p.Error(r.Err)))
		case r.Log.Method == store.MailEML:
			fmt.Fprintln(c.stdout, c.p.T("cli.notify.customer_saved_eml", number, r.Log.To, r.Log.File))
		default:
			fmt.Fprintln(c.stdout, c.p.T("cli.notify.customer_sent", number, store.FoldDisplay(r.Contract.CustomerName),
				r.Log.To))
		}
	}
	return failed
}

// renewalNotice is a customer's renewal notice as a dry run shows it: the
// mail, or why it cannot be made.
type renewalNotice struct {
	contract store.ContractSummary
	message  mail.Message
	err      error
}

// renewalNoticesDue composes the renewal notices notify would mail as of day.
func (c *cli) renewalNoticesDue(st *store.Store, day time.Time) ([]renewalNotice, error) {
	due, err := st.CustomerRenewalsDue(c.ctx, day)
	if err != nil {
		return nil, err
	}
	out := make([]renewalNotice, len(due))
	for i, k := range due {
		out[i].contract = k
		out[i].message, out[i].err = mail.ComposeRenewalNotice(c.ctx, st, k.ID)
	}
	return out, nil
}

// renewalNoticesJSON are the renewal notices as entries of notify's JSON:
// no person, the customer's code and email, one item of kind
// customer_renewal.
func renewalNoticesJSON(ns []renewalNotice) []noticeJSON {
	out := make([]noticeJSON, len(ns))
	for i, n := range ns {
		out[i] = noticeJSON{Email: n.message.To, CustomerCode: n.contract.CustomerCode,
			Items: []noticeItemJSON{{Kind: noticeCustomerRenewal, Ref: n.contract.Number,
				CustomerCode: n.contract.CustomerCode, End: store.FormatDate(n.contract.End)}}}
	}
	return out
}

// noticeCustomerRenewal is the kind of a customer's renewal notice in
// notify's JSON.
const noticeCustomerRenewal = "customer_renewal"

// printRenewalNotices prints the renewal notices of a dry run: the mail, or
// why it cannot be made, after the people's notices (more: a separator first).
func (c *cli) printRenewalNotices(ns []renewalNotice, more bool) {
	for i, n := range ns {
		if more || i > 0 {
			fmt.Fprintln(c.stdout, "----")
		}
		to := n.message.To
		if n.err != nil {
			to = c.p.Error(n.err)
		}
		fmt.Fprintln(c.stdout, c.p.T("cli.notify.customer_dry_run", n.contract.Number, store.FormatDate(n.contract.End), to))
		if n.err == nil {
			fmt.Fprintf(c.stdout, "%s: %s\n%s: %s\n\n%s", c.p.T("mail.subject"), n.message.Subject, c.p.T("mail.attachment"),
				n.message.AttachmentName, n.message.Body)
		}
	}
}
