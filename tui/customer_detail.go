package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// The customer detail view: every field of one customer, its balance, and
// below them its inquiries, documents, payments and reminder history; ↑/↓
// scroll.

func (s *customersScreen) detailKey(k tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(k, s.rec.Back):
		s.showList()
	case key.Matches(k, s.rec.Edit):
		s.openForm(s.detail, false)
	case key.Matches(k, s.rec.Inquiry):
		return openInquiryForm(s.env, s.detail.ID, 0)
	case key.Matches(k, s.rec.Payers):
		return s.askForgetPayer()
	case key.Matches(k, s.rec.Archive):
		c := s.detail
		return s.askArchive(store.CustomerSummary{ID: c.ID, Code: c.Code, Name: c.Name, Archived: c.Archived})
	case key.Matches(k, s.rec.Open) && len(s.detailDocs) > 0:
		id := s.detailDocs[min(s.detailDoc, len(s.detailDocs)-1)].ID
		return func() tea.Msg { return showDocumentMsg{id: id} }
	case key.Matches(k, s.keys.Up) && len(s.detailDocs) > 0: // ↑/↓ pick a document
		s.detailDoc, s.docMoved = max(0, s.detailDoc-1), true
	case key.Matches(k, s.keys.Down) && len(s.detailDocs) > 0:
		s.detailDoc, s.docMoved = min(len(s.detailDocs)-1, s.detailDoc+1), true
	case key.Matches(k, s.keys.Up):
		s.detailTop--
	case key.Matches(k, s.keys.Down):
		s.detailTop++
	case key.Matches(k, s.keys.PageUp):
		s.detailTop -= max(1, s.height-1)
	case key.Matches(k, s.keys.PageDown):
		s.detailTop += max(1, s.height-1)
	case key.Matches(k, s.keys.Top):
		s.detailTop = 0
	case key.Matches(k, s.keys.Bottom):
		s.detailTop = 1 << 30 // clamped when drawn
	}
	return nil
}

// detailFullHelp is every key of the customer's view: it scrolls like a list.
func (s *customersScreen) detailFullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.keys.Up, s.keys.Down, s.keys.Top, s.keys.Bottom, s.keys.PageUp, s.keys.PageDown},
		{s.rec.Open, s.rec.Edit, s.rec.Inquiry, s.rec.Payers, s.rec.Archive, s.rec.Back},
	}
}

func (s *customersScreen) detailView() string {
	c, p := s.detail, s.p
	name := store.FoldDisplay(c.Name)
	if c.Honorific != "" {
		name += " " + c.Honorific
	}
	title := s.styles.Title.Render(c.Code + "  " + name)
	if c.Archived {
		title += "  " + s.styles.Dim.Render(p.T("customers.archived_mark"))
	}
	rows := [][2]string{
		{"field.kana", store.FoldDisplay(c.Kana)},
		{"field.postal_code", c.PostalCode},
		{"field.address1", c.Address1},
		{"field.address2", c.Address2},
		{"field.department", c.Department},
		{"field.contact", c.Contact},
		{"field.email", c.Email},
		{"field.phone", c.Phone},
		{"customers.terms", TermsText(p, c.ClosingDay, c.MonthsDeferred, c.PaymentDay)},
		{"field.holiday_rule", p.T("terms.holiday_" + c.HolidayRule)},
		{"field.registration_number", c.RegistrationNumber},
		{"field.language", map[string]string{"ja": "日本語", "en": "English"}[c.Language]},
		{"field.person_in_charge", c.PersonInCharge},
		{"field.notes", c.Notes},
		{"field.fee_policy", p.T("fee_policy." + c.FeePolicy)}, // issue 14
	}
	rows = append(rows, sendingRows(p, c)...)
	lw := 0
	for _, r := range rows {
		lw = max(lw, ansi.StringWidth(p.T(r[0])))
	}
	cur := s.currency()
	lines := []string{title, p.T("customers.balance", s.detailBal.Receivable.Format(cur), s.detailBal.Unapplied.Format(cur)), ""}
	for _, r := range rows {
		value := r[1]
		if value == "" {
			value = s.styles.Dim.Render("—")
		}
		label := s.styles.Label.Render(fit(p.T(r[0]), lw, false))
		lines = append(lines, ansi.Truncate(label+"  "+strings.ReplaceAll(value, "\n", " ⏎ "), s.width, "…"))
	}
	lines = append(lines, s.inquirySection(len(lines))...)
	lines = append(lines, s.payerSection()...)
	lines = append(lines, "", s.styles.Header.Render(p.T("customers.documents", len(s.detailDocs))))
	today := store.Today(s.st.Now())
	selected := -1 // the line of the selected document
	for i, d := range s.detailDocs {
		number := d.Number
		if number == "" {
			number = p.T("docs.draft_number")
		}
		line := fmt.Sprintf("%s %s %s %s %s", fit(number, 12, false), fit(p.T("kind.short."+d.Kind), 6, false),
			store.FormatDate(d.IssueDate), fit(s.money(d.Total), 12, true), p.T("status."+d.ListStatus(today)))
		if i == s.detailDoc {
			selected, line = len(lines), s.styles.Selected.Render(line)
		}
		lines = append(lines, line)
	}
	lines = append(lines, "", s.styles.Header.Render(p.T("customers.payments", len(s.detailPay))))
	for _, pay := range s.detailPay {
		line := fmt.Sprintf("%s %s %s %s", store.FormatDate(pay.Date), fit(s.money(pay.Amount), 12, true),
			fit(p.T("customers.allocated", s.money(pay.Allocated)), 18, false), p.T("method."+pay.Method))
		switch {
		case pay.ReversesID != 0:
			line = s.styles.Dim.Render(line + "  " + p.T("pay.reversal") + ": " + pay.Reason)
		case pay.Reversed:
			line = s.styles.Dim.Render(line + "  " + p.T("pay.reversed"))
		}
		lines = append(lines, ansi.Truncate(line, s.width, "…"))
	}
	lines = append(lines, "", s.styles.Header.Render(p.T("customers.reminders", len(s.detailRem))))
	for _, r := range s.detailRem {
		about := r.InvoiceNumber
		if about == "" {
			about = p.T("customers.account")
		}
		line := fmt.Sprintf("%s %s %s %s", store.FormatDate(r.Date), fit(p.T("remind."+r.Method), 6, false),
			fit(about, 12, false), strings.ReplaceAll(r.Note, "\n", " ⏎ "))
		lines = append(lines, ansi.Truncate(line, s.width, "…"))
	}
	// Scrolled: the title stays; the rest moves under it.
	h := max(1, s.height)
	if s.docMoved && selected >= 0 { // keep the selected document in view, under the title
		s.docMoved = false
		s.detailTop = max(min(s.detailTop, selected-1), selected-h+1)
	}
	s.detailTop = max(0, min(s.detailTop, len(lines)-h))
	if s.detailTop == 0 {
		return strings.Join(lines[:min(len(lines), h)], "\n")
	}
	body := lines[1+s.detailTop:]
	return strings.Join(append([]string{title}, body[:min(len(body), h-1)]...), "\n")
}

// inquirySection lists the customer's inquiries, open ones first: as many
// as fit on the first screen below the used lines (three at least), then how
// many more the Inquiries tab holds.
func (s *customersScreen) inquirySection(used int) []string {
	p := s.p
	lines := []string{"", s.styles.Header.Render(p.T("inq.section", len(s.detailInq)))}
	shown := min(len(s.detailInq), max(3, s.height-used-len(lines)-1))
	if shown < len(s.detailInq) {
		shown = max(0, shown-1) // the last line says how many more
	}
	today := store.Today(s.st.Now())
	for _, q := range s.detailInq[:shown] {
		line := fmt.Sprintf("%s %s %s %s", fit(p.T("inq.status."+q.Status), 7, false), store.FormatDate(q.Date),
			fit(p.T("inq.channel."+q.Channel), 6, false), store.FoldDisplay(q.Subject))
		if q.DocumentNumber != "" {
			line += "  " + q.DocumentNumber
		}
		if !q.FollowUp.IsZero() && q.Status != store.InquiryClosed {
			next := p.T("inq.next", store.FormatDate(q.FollowUp))
			if !q.FollowUp.After(today) {
				next = s.styles.StatusError.Render("!" + next)
			}
			line += "  " + next
		}
		if q.Status == store.InquiryClosed {
			line = s.styles.Dim.Render(line)
		}
		lines = append(lines, ansi.Truncate(line, s.width, "…"))
	}
	if rest := len(s.detailInq) - shown; rest > 0 {
		lines = append(lines, s.styles.Dim.Render(p.T("inq.more", rest)))
	}
	return lines
}

// TermsText says payment terms the way a Japanese office does (月末締め翌月末払い)
// or in plain English (closing at month end, paid at the end of the next month).
func TermsText(p i18n.Printer, closing, deferred, payment int) string {
	day := func(kind string, d int) string {
		if d == store.MonthEnd {
			return p.T("terms." + kind + "_end")
		}
		return p.T("terms."+kind+"_day", d)
	}
	month := p.T(fmt.Sprintf("terms.pay_month%d", deferred))
	return p.T("terms.format", day("closing", closing), month, day("payment", payment))
}

// payerSection lists the payer names learned for the customer (the bank
// shows them; a match taught them): p removes one.
func (s *customersScreen) payerSection() []string {
	p := s.p
	lines := []string{"", s.styles.Header.Render(p.T("customers.payers", len(s.detailPayers)))}
	for _, a := range s.detailPayers {
		lines = append(lines, ansi.Truncate(fmt.Sprintf("%s  %s", store.FoldDisplay(a.Alias),
			s.styles.Dim.Render(p.N("customers.payer_taught", a.Confirmed, a.Confirmed))), s.width, "…"))
	}
	return lines
}

// askForgetPayer picks one of the customer's learned payer names and, once
// confirmed, forgets it: that payer's deposits are no longer "sure" for it.
func (s *customersScreen) askForgetPayer() tea.Cmd {
	if len(s.detailPayers) == 0 {
		return status(s.p.T("customers.no_payers"))
	}
	items := make([]pickItem, len(s.detailPayers))
	for i, a := range s.detailPayers {
		items[i] = pickItem{cells: []string{store.FoldDisplay(a.Alias), fmt.Sprint(a.Confirmed)}, search: store.FoldSearch(a.Alias)}
	}
	cols := []Column{{Title: s.p.T("pay.col_payer"), Min: 20, Grow: 1}, {Title: "#", Min: 3, Right: true}}
	c := s.detail
	return s.picker(s.p.T("customers.forget_payer_pick"), cols, items, "", func(i int) tea.Cmd {
		a := s.detailPayers[i]
		st, ctx := s.st, s.ctx
		return s.confirm(s.p.T("customers.forget_payer", store.FoldDisplay(a.Alias), c.Code), func() tea.Msg {
			if err := st.ForgetAlias(ctx, a.Alias, c.ID); err != nil {
				return statusMsg{text: s.p.Error(err), err: true}
			}
			return payerForgottenMsg{customerID: c.ID}
		})
	})
}

// payerForgottenMsg reloads the customer's detail after a payer name went.
type payerForgottenMsg struct{ customerID int64 }
