package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"daicho/pdf/mail"
	"daicho/store"
)

// notify tells each person in charge, in one mail, what they have not been
// told yet as of a day (today by default): their customers' invoices that
// became overdue, deposits waiting, contracts to renew, follow-ups due. The
// notify log keeps what was told, so a second run the same day sends
// nothing new. --dry-run prints the mails (--format json: who gets which
// items) and sends and logs nothing. `notify settings` shows or changes when
// serve sends them and how long a deposit may wait.
func (c *cli) notify(args []string) int {
	if len(args) > 0 && args[0] == "settings" {
		return c.notifySettings(args[1:])
	}
	fs := c.flagSet("notify")
	asOf := fs.String("as-of", "", "")
	dryRun := fs.Bool("dry-run", false, "")
	format := fs.String("format", "text", "")
	pos, code, ok := c.parseCommand(fs, args)
	switch {
	case !ok:
		return code
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	case !slices.Contains([]string{"text", "json"}, *format):
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	case *format == "json" && !*dryRun:
		return c.usageError(c.p.T("cli.notify.json_dry_run"))
	}
	day, err := parseAsOf(*asOf)
	if err != nil {
		return c.usageError(c.p.T("cli.list.bad_date", "--as-of", *asOf))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	if day.IsZero() {
		day = store.Today(st.Now())
	}
	if *dryRun {
		return c.notifyDryRun(st, day, *format)
	}
	results, err := mail.Sender{}.SendNotices(c.ctx, st, day, string(c.p.Lang))
	if err != nil {
		return c.failErr(err)
	}
	renewals, err := mail.Sender{}.SendRenewalNotices(c.ctx, st, day) // the customers' (issue 16)
	if err != nil {
		return c.failErr(err)
	}
	if len(results) == 0 && len(renewals) == 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.notify.nothing", store.FormatDate(day)))
		return exitOK
	}
	failed := false
	for _, r := range results {
		name := store.FoldDisplay(r.Notice.Staff.Name)
		var nl *mail.NotLoggedError
		var se *mail.SendError
		switch {
		case errors.As(r.Err, &nl):
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s\n", c.p.T("mail.not_logged", nl.Log.To, c.p.Error(nl.Err)))
		case errors.As(r.Err, &se):
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s: %s\n", name, c.p.T("mail.send_failed", se.Server, se.Err.Error()))
		case r.Err != nil:
			failed = true
			fmt.Fprintf(c.stderr, "daicho: %s: %s\n", name, c.p.Error(r.Err))
		case r.Delivery.Method == store.MailEML:
			fmt.Fprintln(c.stdout, c.p.N("cli.notify.saved_eml", len(r.Notice.Items), name, len(r.Notice.Items), r.Delivery.File))
		default:
			fmt.Fprintln(c.stdout, c.p.N("cli.notify.sent", len(r.Notice.Items), name, r.Message.To, len(r.Notice.Items)))
		}
	}
	if c.reportRenewalNotices(renewals) {
		failed = true
	}
	if failed {
		return exitFail
	}
	return exitOK
}

// noticeJSON is one person's notice in `notify --dry-run --format json`;
// a customer's renewal notice (issue 16) is one too, with Person empty and
// CustomerCode set.
type noticeJSON struct {
	Person       string           `json:"person"`
	Email        string           `json:"email"`
	Items        []noticeItemJSON `json:"items"`
	CustomerCode string           `json:"customer_code,omitempty"`
}

type noticeItemJSON struct {
	Kind         string `json:"kind"`
	Ref          string `json:"ref"`
	CustomerCode string `json:"customer_code"`
	End          string `json:"end,omitempty"` // a customer's renewal notice: the end date it tells of
}

// notifyDryRun prints what notify would send: the mails, or as JSON who
// gets which items.
func (c *cli) notifyDryRun(st *store.Store, day time.Time, format string) int {
	notices, err := st.Notices(c.ctx, day)
	if err != nil {
		return c.failErr(err)
	}
	renewals, err := c.renewalNoticesDue(st, day)
	if err != nil {
		return c.failErr(err)
	}
	if format == "json" {
		out := make([]noticeJSON, len(notices))
		for i, n := range notices {
			out[i] = noticeJSON{Person: n.Staff.Name, Email: n.Staff.Email, Items: make([]noticeItemJSON, len(n.Items))}
			for j, it := range n.Items {
				out[i].Items[j] = noticeItemJSON{Kind: it.Kind, Ref: it.Ref, CustomerCode: it.CustomerCode}
			}
		}
		out = append(out, renewalNoticesJSON(renewals)...)
		enc := json.NewEncoder(c.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return c.failErr(err)
		}
		return exitOK
	}
	if len(notices) == 0 && len(renewals) == 0 {
		fmt.Fprintln(c.stdout, c.p.T("cli.notify.nothing", store.FormatDate(day)))
		return exitOK
	}
	for i, n := range notices {
		if i > 0 {
			fmt.Fprintln(c.stdout, "----")
		}
		m, err := mail.ComposeNotice(c.ctx, st, n, day, string(c.p.Lang))
		if err != nil {
			// Shown all the same, so the office sees what this person misses.
			fmt.Fprintf(c.stdout, "%s: %s\n", c.p.T("mail.to"), c.p.Error(err))
			co, _ := st.Company(c.ctx)
			cur, _ := store.CurrencyByCode(co.Currency)
			m.Subject, m.Body = mail.NoticeText(n, day, string(c.p.Lang), cur)
		} else {
			fmt.Fprintf(c.stdout, "%s: %s <%s>\n", c.p.T("mail.to"), m.ToName, m.To)
		}
		fmt.Fprintf(c.stdout, "%s: %s\n\n%s", c.p.T("mail.subject"), m.Subject, m.Body)
	}
	c.printRenewalNotices(renewals, len(notices) > 0)
	fmt.Fprintf(c.stdout, "\n%s\n", c.p.T("cli.mail.dry_run"))
	return exitOK
}

// notifySettings shows the notify settings, or changes those given:
// --send-at HH:MM ("" never) and --deposit-days N.
func (c *cli) notifySettings(args []string) int {
	fs := c.flagSet("notify settings")
	var sendAt, days optionalString
	fs.Var(&sendAt, "send-at", "")
	fs.Var(&days, "deposit-days", "")
	pos, code, ok := c.parseCommand(fs, args)
	switch {
	case !ok:
		return code
	case len(pos) > 0:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	n, err := st.NotifySettings(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	if sendAt.set || days.set {
		sendAt.apply(&n.SendAt)
		if days.set {
			if n.DepositDays, err = strconv.Atoi(days.value); err != nil {
				return c.usageError(c.p.T("cli.notify.bad_days", days.value))
			}
		}
		if err := st.SaveNotifySettings(c.ctx, &n); err != nil {
			return c.failErr(err)
		}
	}
	at := n.SendAt
	if at == "" {
		at = c.p.T("cli.notify.never")
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.notify.settings", at, n.DepositDays))
	return exitOK
}
