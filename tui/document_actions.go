package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/tui/i18n"
)

// Actions on documents: new, issue, convert, void, revise, duplicate, delete,
// and the estimate's outcome. Each asks what it needs in a dialog, runs the
// store call in a command and reports back with docChangedMsg or docFailedMsg.

// issuePreviewMsg carries what issuing would do: the number, or the problems.
type issuePreviewMsg struct {
	store.IssuePreview
	err error
}

// action runs the action key k on the document id (of the given status and kind).
func (s *documentsScreen) action(k tea.KeyPressMsg, id int64, status, kind string) tea.Cmd {
	switch {
	case key.Matches(k, s.rec.Inquiry): // about this document, from its customer
		return openInquiryForm(s.env, 0, id)
	case key.Matches(k, s.keys.Issue):
		return s.previewIssue(id)
	case key.Matches(k, s.keys.Convert):
		return s.convert(id, kind)
	case key.Matches(k, s.keys.Void):
		return s.askIfVoidable(id, "docs.void_reason", func(reason string) tea.Cmd {
			return s.do(func() (int64, error) { return id, s.st.Void(s.ctx, id, reason) }, "docs.voided", false)
		})
	case key.Matches(k, s.keys.Revise): // revising voids it: the same check
		return s.askIfVoidable(id, "docs.revise_reason", func(reason string) tea.Cmd {
			return s.do(func() (int64, error) {
				d, err := s.st.Revise(s.ctx, id, reason)
				return d.ID, err
			}, "docs.revised", true)
		})
	case key.Matches(k, s.keys.Duplicate):
		return s.duplicate(id)
	case key.Matches(k, s.keys.Delete) && status == store.StatusDraft:
		st, ctx := s.st, s.ctx
		return s.confirm(s.p.T("docs.confirm_delete"), func() tea.Msg {
			if err := st.DeleteDraft(ctx, id); err != nil {
				return docFailedMsg{err}
			}
			return docDeletedMsg{}
		})
	case key.Matches(k, s.keys.Export):
		return s.exportDoc(id, false, "")
	case key.Matches(k, s.keys.Open):
		return s.exportDoc(id, false, "open")
	case key.Matches(k, s.keys.Print):
		return s.exportDoc(id, false, "print")
	case key.Matches(k, s.keys.Mail):
		return s.mailDocument(s, id, status)
	case key.Matches(k, s.keys.Accept) && kind == store.KindEstimate:
		return s.do(func() (int64, error) { return id, s.st.SetEstimateOutcome(s.ctx, id, store.StatusAccepted) }, "docs.accepted", false)
	case key.Matches(k, s.keys.Decline) && kind == store.KindEstimate:
		return s.do(func() (int64, error) { return id, s.st.SetEstimateOutcome(s.ctx, id, store.StatusDeclined) }, "docs.declined", false)
	case key.Matches(k, s.keys.Accept), key.Matches(k, s.keys.Decline):
		return statusErr(s.p.T("docs.estimates_only"))
	case key.Matches(k, s.keys.WriteOff) && kind == store.KindInvoice:
		return askWriteOff(s.env, id)
	case key.Matches(k, s.keys.WriteOff):
		return statusErr(s.p.T("writeoff.invoices_only"))
	}
	return nil
}

type docDeletedMsg struct{}

// askIfVoidable asks for the reason only if the store would void the
// document; otherwise the status line says why not.
func (s *documentsScreen) askIfVoidable(id int64, question string, submit func(string) tea.Cmd) tea.Cmd {
	st, ctx := s.st, s.ctx
	return askIfAllowed(func() error { return st.VoidCheck(ctx, id) }, func() tea.Cmd {
		return s.prompt(s.p.T(question), "", required, submit)
	})
}

func required(v string) error {
	if strings.TrimSpace(v) == "" {
		return store.Invalid("", "required")
	}
	return nil
}

// do runs a store call that changes or makes a document and reports it.
func (s *documentsScreen) do(call func() (int64, error), done string, edit bool) tea.Cmd {
	p := s.p
	return func() tea.Msg {
		id, err := call()
		if err != nil {
			return docFailedMsg{err}
		}
		return docChangedMsg{id: id, status: p.T(done), edit: edit}
	}
}

// duplicate copies the document as a new draft and opens it, saying what
// the copy was made from.
func (s *documentsScreen) duplicate(id int64) tea.Cmd {
	st, ctx, p := s.st, s.ctx, s.p
	return func() tea.Msg {
		src, err := st.Document(ctx, id)
		if err != nil {
			return docFailedMsg{err}
		}
		d, err := st.Duplicate(ctx, id)
		if err != nil {
			return docFailedMsg{err}
		}
		done := p.T("docs.duplicated_draft")
		if src.Status != store.StatusDraft && src.Number != "" {
			done = p.T("docs.duplicated", src.Number)
		}
		return docChangedMsg{id: d.ID, status: done, edit: true}
	}
}

// previewIssue checks the draft and finds the number it would get, then asks.
func (s *documentsScreen) previewIssue(id int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		p, err := st.IssuePreview(ctx, id)
		return issuePreviewMsg{IssuePreview: p, err: err}
	}
}

func (s *documentsScreen) issuePreview(msg issuePreviewMsg) tea.Cmd {
	switch {
	case msg.err != nil:
		return statusErr(s.p.Error(msg.err))
	case msg.Document.Status != store.StatusDraft:
		return statusErr(s.p.T("docs.already_issued", msg.Document.Number))
	case msg.Problems != nil:
		return statusErr(s.p.T("docs.cannot_issue", s.p.Error(msg.Problems)))
	}
	d := msg.Document
	question := s.p.T("docs.confirm_issue", s.p.T("kind.noun."+d.Kind), msg.Number, store.FoldDisplay(d.CustomerName),
		d.Totals.Total.Format(s.currency()))
	if !msg.Schedule.Due.IsZero() { // the due date comes from the terms: say what it will be, and why
		question += "\n" + s.p.T("field.closing_date") + " " + store.FormatDate(msg.Schedule.Closing) + "  " + dueText(s.p, msg.Schedule)
	}
	return s.confirm(question, s.do(func() (int64, error) {
		issued, err := s.st.Issue(s.ctx, d.ID, d.Version)
		return issued.ID, err
	}, "docs.issued", false))
}

// convert makes the next document of the flow from this one.
func (s *documentsScreen) convert(id int64, kind string) tea.Cmd {
	switch kind {
	case store.KindEstimate:
		to := func(target string) func() tea.Cmd {
			return func() tea.Cmd {
				return s.do(func() (int64, error) {
					d, err := s.st.ConvertEstimate(s.ctx, id, target, nil)
					return d.ID, err
				}, "docs.converted", true)
			}
		}
		return s.choose(s.p.T("docs.convert_estimate"),
			option{"d", s.p.T("kind." + store.KindDeliveryNote), to(store.KindDeliveryNote)},
			option{"i", s.p.T("kind." + store.KindInvoice), to(store.KindInvoice)})
	case store.KindDeliveryNote:
		return s.askClosing(id)
	case store.KindInvoice:
		return s.confirm(s.p.T("docs.confirm_credit"), s.do(func() (int64, error) {
			d, err := s.st.CreateCreditNote(s.ctx, id)
			return d.ID, err
		}, "docs.converted", true))
	}
	return statusErr(s.p.T("docs.no_conversion"))
}

// closingPreviewMsg is the billing cycle a closing invoice would take.
type closingPreviewMsg struct {
	customerID int64
	cycle      store.ClosingCycle
	err        error
}

// askClosing finds the closing date of the customer's cycle for the delivery
// note, then asks for the closing date with it filled in.
func (s *documentsScreen) askClosing(dnID int64) tea.Cmd {
	st, ctx := s.st, s.ctx
	return func() tea.Msg {
		dn, err := st.Document(ctx, dnID)
		if err != nil {
			return docFailedMsg{err}
		}
		c, err := st.Customer(ctx, dn.CustomerID)
		if err != nil {
			return docFailedMsg{err}
		}
		closing, _ := c.Terms().ClosingAndDue(dn.DeliveryDate)
		return closingAskMsg{customerID: c.ID, closing: closing}
	}
}

type closingAskMsg struct {
	customerID int64
	closing    time.Time
}

// closingAsk asks for the closing date, then shows the cycle it closes: the
// delivery notes it takes, and those left for an earlier cycle's invoice.
func (s *documentsScreen) closingAsk(msg closingAskMsg) tea.Cmd {
	st, ctx := s.st, s.ctx
	return s.prompt(s.p.T("docs.closing_date"), store.FormatDate(msg.closing), checkDate, func(v string) tea.Cmd {
		date, _ := store.ParseDate(v)
		return func() tea.Msg {
			cy, err := st.ClosingCycle(ctx, msg.customerID, date)
			return closingPreviewMsg{customerID: msg.customerID, cycle: cy, err: err}
		}
	})
}

func checkDate(v string) error {
	_, err := store.ParseDate(v)
	return err
}

func (s *documentsScreen) closingPreview(msg closingPreviewMsg) tea.Cmd {
	if msg.err != nil {
		return statusErr(s.p.Error(msg.err))
	}
	cy := msg.cycle
	if err := cy.Refusal(); err != nil {
		return statusErr(s.p.Error(err))
	}
	p := s.p
	lines := []string{p.N("docs.closing_ask", len(cy.DeliveryNotes), len(cy.DeliveryNotes), store.FormatDate(cy.Closing),
		store.FormatDate(cy.After.AddDate(0, 0, 1))), ""}
	refs := func(rs []store.DocRef) {
		for _, r := range rs {
			lines = append(lines, fmt.Sprintf("  %s  %s  %12s", r.Number, store.FormatDate(r.IssueDate), s.money(r.Total)))
		}
	}
	refs(cy.DeliveryNotes)
	var total store.Money
	for _, r := range cy.DeliveryNotes {
		total += r.Total
	}
	lines = append(lines, fmt.Sprintf("  %s %s", p.T("docs.total"), total.Format(s.currency())),
		"  "+dueText(p, cy.Schedule))
	if len(cy.Earlier) > 0 {
		lines = append(lines, "", p.T("docs.closing_left", store.FormatDate(cy.EarlierClosing)))
		refs(cy.Earlier)
	}
	return s.confirm(strings.Join(lines, "\n"), s.do(func() (int64, error) {
		// No subject: the store words it in the customer's language.
		d, err := s.st.CreateClosingInvoice(s.ctx, msg.customerID, cy.Closing, "")
		return d.ID, err
	}, "docs.converted", true))
}

// dueText is an invoice's due date with, when the customer's holiday rule
// moved it off the payment day, why: "Due date 2027-01-12 (2027-01-10 is
// not a business day: moved to the next business day)".
func dueText(p i18n.Printer, sched store.DueSchedule) string {
	text := p.T("field.due_date") + " " + store.FormatDate(sched.Due)
	if sched.Moved != store.DueKept {
		text += " " + p.T("docs.due_"+sched.Moved, store.FormatDate(sched.Payment))
	}
	return text
}

// newDocument asks the kind, then the customer, and opens the editor on a new
// draft dated today.
func (s *documentsScreen) newDocument() tea.Cmd {
	start := func(kind string) func() tea.Cmd {
		return func() tea.Cmd {
			return s.pickCustomer(s.p.T("docs.pick_customer"), s.refs.customers, func(c store.CustomerSummary) tea.Cmd {
				return s.startNew(kind, c) // in Update: the editor is there for the next key
			})
		}
	}
	return s.choose(s.p.T("docs.new_kind"),
		option{"q", s.p.T("kind." + store.KindEstimate), start(store.KindEstimate)},
		option{"d", s.p.T("kind." + store.KindDeliveryNote), start(store.KindDeliveryNote)},
		option{"i", s.p.T("kind." + store.KindInvoice), start(store.KindInvoice)})
}

func (s *documentsScreen) startNew(kind string, c store.CustomerSummary) tea.Cmd {
	today := s.today()
	d := store.Document{Kind: kind, CustomerID: c.ID, CustomerCode: c.Code,
		CustomerName: c.Name, IssueDate: today, PriceMode: store.PriceExclusive}
	if kind == store.KindEstimate {
		d.ValidUntil = store.DefaultValidUntil(today)
	}
	return s.openEditor(d)
}

// askDates sets the issue-date range: "2026-11" (a month), "2026-11-01..2026-11-15",
// "2026-11-01.." or "..2026-11-15"; empty clears it.
func (s *documentsScreen) askDates() tea.Cmd {
	current := ""
	if !s.from.IsZero() || !s.to.IsZero() {
		current = store.FormatDate(s.from) + ".." + store.FormatDate(s.to)
	}
	return s.prompt(s.p.T("docs.date_range"), current, func(v string) error {
		_, _, err := parseRange(v)
		return err
	}, func(v string) tea.Cmd {
		from, to, _ := parseRange(v)
		return func() tea.Msg { return docRangeMsg{from, to} }
	})
}

type docRangeMsg struct{ from, to time.Time }

func parseRange(v string) (from, to time.Time, err error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return
	}
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		if m, err := store.ParseDate(v + "-01"); err == nil && len(v) <= 7 {
			return m, m.AddDate(0, 1, -1), nil
		}
		d, err := store.ParseDate(v)
		return d, d, err
	}
	if a = strings.TrimSpace(a); a != "" {
		if from, err = store.ParseDate(a); err != nil {
			return
		}
	}
	if b = strings.TrimSpace(b); b != "" {
		to, err = store.ParseDate(b)
	}
	return
}

// currency is the company's currency for formatting totals.
func (k kit) currency() store.Currency { return k.co.cur }
