package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// The view of one document: header, the chain it belongs to (Q → D → I),
// the lines and the qualified-invoice totals. Actions work here as in the list.

func (s *documentsScreen) detailKey(k tea.KeyPressMsg) tea.Cmd {
	d := s.doc
	switch {
	case key.Matches(k, s.rec.Back):
		s.showList()
		return nil
	case key.Matches(k, s.rec.Edit):
		return s.editDraft(store.DocumentSummary{ID: d.ID, Status: d.Status, Number: d.Number})
	case key.Matches(k, s.nav.Down):
		s.detailScroll++
		return nil
	case key.Matches(k, s.nav.Up):
		s.detailScroll = max(0, s.detailScroll-1)
		return nil
	}
	return s.action(k, d.ID, d.Status, d.Kind)
}

// detailFullHelp is every key of the document's view: ↑/↓ scroll it, and
// the actions work as in the list.
func (s *documentsScreen) detailFullHelp() [][]key.Binding {
	return [][]key.Binding{
		{s.nav.Up, s.nav.Down, s.rec.Edit, s.keys.Delete, s.rec.Inquiry, s.rec.Back},
		{s.keys.Issue, s.keys.Convert, s.keys.Void, s.keys.Revise, s.keys.Duplicate, s.keys.Accept, s.keys.Decline},
		{s.keys.Export, s.keys.Open, s.keys.Print, s.keys.Mail, s.keys.WriteOff},
	}
}

func (s *documentsScreen) detailView() string {
	d, p := s.doc, s.p
	status := p.T("status." + d.DisplayStatus(s.today()))
	number := d.Number
	if number == "" {
		number = p.T("docs.draft_number")
	}
	lines := []string{s.styles.Title.Render(p.T("kind."+d.Kind)+"  "+number) + "  [" + status + "]"}
	name := store.FoldDisplay(d.CustomerName)
	if d.Customer != nil && d.Customer.Honorific != "" {
		name += " " + d.Customer.Honorific
	}
	lines = append(lines, d.CustomerCode+"  "+name)
	if d.Subject != "" {
		lines = append(lines, p.T("field.subject")+": "+store.FoldDisplay(d.Subject))
	}
	lines = append(lines, s.datesLine(d))
	if len(s.chain) > 1 {
		lines = append(lines, p.T("docs.flow")+": "+s.chainView())
	}
	if d.Kind == store.KindInvoice && len(d.Sources) > 0 && d.Sources[0].Kind == store.KindDeliveryNote {
		var refs []string
		for _, r := range d.Sources {
			refs = append(refs, r.Number+" ("+store.FormatDate(r.IssueDate)+")")
		}
		lines = append(lines, p.T("kind."+store.KindDeliveryNote)+": "+strings.Join(refs, ", "))
	}
	if d.Revises != "" {
		lines = append(lines, p.T("docs.revises", d.Revises))
	}
	if d.Status == store.StatusVoid {
		lines = append(lines, s.styles.StatusError.Render(p.T("docs.void_reason_label")+": "+d.VoidedReason))
	}
	if d.Balance != nil {
		lines = append(lines, s.balanceLine(d.Balance))
	}
	lines = append(lines, s.mailLogLines(s.mails, 3)...)
	lines = append(lines, "")
	grid := NewLineGrid(s.kit, d.Lines, nil, true)
	grid.SetContext(d.IssueDate, d.PriceMode)
	grid.SetSize(s.width, s.height)
	totals := grid.TotalsView(d.Totals) + "\n" + s.marginLine(&d)
	room := s.height - len(lines) - strings.Count(totals, "\n") - 2
	if d.Notes != "" {
		room--
	}
	grid.SetSize(s.width, max(3, room))
	grid.offset = min(s.detailScroll, max(0, len(d.Lines)-(room-2)))
	lines = append(lines, grid.View(), totals)
	if d.Notes != "" {
		lines = append(lines, p.T("field.notes")+": "+strings.ReplaceAll(d.Notes, "\n", " ⏎ "))
	}
	return strings.Join(lines, "\n")
}

// balanceLine says what is open on an issued invoice and why, in the
// store's figures (those of the overdue list): "Open: ¥13,000 · partly paid
// · received ¥20,000", then what was closed as a fee or discount and
// credited, when there is any.
func (s *documentsScreen) balanceLine(b *store.InvoiceBalance) string {
	p, cur := s.p, s.currency()
	parts := []string{p.T("docs.open_amount", b.Open.Format(cur)), p.T("status." + b.Status(s.today()))}
	if b.Paid != 0 {
		parts = append(parts, p.T("docs.balance_paid", b.Paid.Format(cur)))
	}
	if b.Adjusted != 0 {
		parts = append(parts, p.T("docs.balance_adjusted", b.Adjusted.Format(cur)))
	}
	if b.Credited != 0 {
		parts = append(parts, p.T("docs.balance_credited", b.Credited.Format(cur)))
	}
	return strings.Join(parts, " · ")
}

// datesLine lists the dates that belong to the kind.
func (s *documentsScreen) datesLine(d store.Document) string {
	p := s.p
	parts := []string{p.T("field.issue_date") + " " + store.FormatDate(d.IssueDate)}
	add := func(key string, t string) {
		if t != "" {
			parts = append(parts, p.T("field."+key)+" "+t)
		}
	}
	switch d.Kind {
	case store.KindEstimate:
		add("valid_until", store.FormatDate(d.ValidUntil))
	case store.KindDeliveryNote:
		add("delivery_date", store.FormatDate(d.DeliveryDate))
	case store.KindInvoice:
		add("closing_date", store.FormatDate(d.ClosingDate))
		due := store.FormatDate(d.DueDate)
		if due == "" {
			due = p.T("docs.due_from_terms")
		}
		add("due_date", due)
	}
	return strings.Join(parts, "   ")
}

// chainView is the flow Q-2026-0003 → D-2026-0005 → I-2026-0009, this document
// in bold, voided ones struck through in words.
func (s *documentsScreen) chainView() string {
	parts := make([]string, len(s.chain))
	for i, r := range s.chain {
		name := r.Number
		if name == "" {
			name = s.p.T("docs.draft_number")
		}
		if r.Status == store.StatusVoid {
			name += "(" + s.p.T("status.void") + ")"
		}
		if r.ID == s.doc.ID {
			name = s.styles.FocusLabel.Render(name)
		}
		parts[i] = name
	}
	return strings.Join(parts, " → ")
}
