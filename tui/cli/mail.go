package cli

import (
	"errors"
	"fmt"

	"daicho/pdf"
	"daicho/pdf/mail"
	"daicho/store"
)

// mail sends the document numbered NUMBER to its customer's email as the
// mail settings say (with no server set, it writes the .eml file into the
// exports folder), logs it and says where it went; --dry-run prints the mail
// instead and sends nothing.
func (c *cli) mail(args []string) int {
	if len(args) > 0 && args[0] == "contract" {
		return c.mailContract(args[1:])
	}
	return c.mailNumbered("mail", args, "cli.mail.number", "cli.mail.no_number",
		func(st *store.Store, number string) (mail.Message, error) {
			d, err := st.DocumentByNumber(c.ctx, number)
			if err != nil {
				return mail.Message{}, err
			}
			return mail.ComposeDocument(c.ctx, st, d.ID)
		})
}

// mailNumbered is the shape of every `daicho mail` command: one NUMBER
// (usageKey says what is missing without it), [--dry-run], the record found
// by compose (notFoundKey when there is none), then sendMail.
func (c *cli) mailNumbered(name string, args []string, usageKey, notFoundKey string,
	compose func(st *store.Store, number string) (mail.Message, error)) int {
	fs := c.flagSet(name)
	dryRun := fs.Bool("dry-run", false, "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	switch {
	case len(pos) == 0:
		return c.usageError(c.p.T(usageKey))
	case len(pos) > 1:
		return c.usageError(c.p.T("cli.unexpected_arg", pos[1]))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	m, err := compose(st, pos[0])
	if e, ok := store.AsError(err); ok && e.Code == store.CodeNotFound {
		return c.fail(c.p.T(notFoundKey, pos[0]))
	}
	if err != nil {
		return c.fail(c.p.T("mail.cannot", c.p.Error(err)))
	}
	return c.sendMail(st, m, *dryRun)
}

// sendMail sends the composed m (with dryRun prints it instead) and says
// where it went, or why not.
func (c *cli) sendMail(st *store.Store, m mail.Message, dryRun bool) int {
	to := m.To
	if m.ToName != "" {
		to = m.ToName + " <" + m.To + ">"
	}
	if dryRun {
		return c.printMail(st, m, to)
	}
	log, err := mail.Send(c.ctx, st, m)
	var se *mail.SendError
	var nl *mail.NotLoggedError
	switch {
	case errors.As(err, &nl):
		return c.fail(c.p.T("mail.not_logged", nl.Log.To, c.p.Error(nl.Err)))
	case errors.As(err, &se):
		return c.fail(c.p.T("mail.not_sent", c.p.T("mail.send_failed", se.Server, se.Err.Error())))
	case err != nil:
		return c.fail(c.p.T("mail.not_sent", c.p.Error(err)))
	case log.Method == store.MailEML:
		fmt.Fprintln(c.stdout, c.p.T("mail.saved_eml", to, log.File))
	default:
		fmt.Fprintln(c.stdout, c.p.T("mail.sent", m.AttachmentName, to))
	}
	return exitOK
}

// printMail shows what mail would send: the headers, how it would leave,
// and the body.
func (c *cli) printMail(st *store.Store, m mail.Message, to string) int {
	settings, err := st.MailSettings(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	via := c.p.T("mail.via_smtp", settings.Host, settings.Port, c.p.T("mail.security."+settings.Security))
	if settings.Host == "" {
		co, err := st.Company(c.ctx)
		if err != nil {
			return c.failErr(err)
		}
		via = c.p.T("mail.via_eml", pdf.ExportsDir(co, st.Path()))
	}
	fmt.Fprintf(c.stdout, "%s: %s\n%s: %s\n%s: %s (%d bytes)\n%s: %s\n\n%s\n\n%s\n", c.p.T("mail.to"), to,
		c.p.T("mail.subject"), m.Subject, c.p.T("mail.attachment"), m.AttachmentName, len(m.Attachment),
		c.p.T("mail.via"), via, m.Body, c.p.T("cli.mail.dry_run"))
	return exitOK
}
