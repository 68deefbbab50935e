package cli

import (
	"time"

	"daicho/store"
	"daicho/tui/i18n"
)

// customerTable is the table of list customers: the customer list screen's
// columns, with a marker column when archived customers are included.
func customerTable(p i18n.Printer, cs []store.Customer, withArchived bool) [][]string {
	header := []string{p.Field("code"), p.Field("name"), p.Field("kana"), p.Field("phone"), p.Field("person_in_charge")}
	if withArchived {
		header = append(header, p.Field("archived"))
	}
	rows := [][]string{header}
	for _, cu := range cs {
		// FoldDisplay turns half-width ｶﾞ into ガ, which a width library
		// measures as the terminal draws it; otherwise the columns drift.
		row := []string{cu.Code, store.FoldDisplay(cu.Name), store.FoldDisplay(cu.Kana), cu.Phone,
			store.FoldDisplay(cu.PersonInCharge)}
		if withArchived {
			row = append(row, archivedMark(p, cu.Archived))
		}
		rows = append(rows, row)
	}
	return rows
}

func archivedMark(p i18n.Printer, archived bool) string {
	if archived {
		return p.T("cli.list.archived_mark")
	}
	return ""
}

// productTable is the table of list products; prices are columns 3 and 4.
func productTable(p i18n.Printer, ps []store.Product, cur store.Currency, withArchived bool) [][]string {
	header := []string{p.T("cli.col.code"), p.T("cli.col.name"), p.T("cli.col.unit"), p.T("cli.col.unit_price"),
		p.T("cli.col.cost_price"), p.T("cli.col.tax")}
	if withArchived {
		header = append(header, p.Field("archived"))
	}
	rows := [][]string{header}
	for _, pr := range ps {
		row := []string{pr.Code, store.FoldDisplay(pr.Name), pr.Unit, pr.UnitPrice.Plain(cur), pr.CostPrice.Plain(cur),
			p.T("cli.tax." + pr.TaxCategory)}
		if withArchived {
			row = append(row, archivedMark(p, pr.Archived))
		}
		rows = append(rows, row)
	}
	return rows
}

// documentTable is the table of list documents, the Documents screen's
// columns with an issued invoice's open amount: the total is column 5, the
// open amount 6; an issued invoice's status is its payment state.
func documentTable(p i18n.Printer, ds []store.DocumentSummary, cur store.Currency, today time.Time) [][]string {
	rows := [][]string{{p.T("cli.col.number"), p.T("cli.col.kind"), p.T("cli.col.customer"), p.T("cli.col.subject"),
		p.T("cli.col.issue_date"), p.T("cli.col.total"), p.T("cli.col.open"), p.T("cli.col.status")}}
	for _, d := range ds {
		number := d.Number
		if number == "" {
			number = p.T("cli.status.draft")
		}
		open := ""
		if d.PaymentStatus != "" {
			open = d.Open.Plain(cur)
		}
		rows = append(rows, []string{number, p.T("cli.kind." + d.Kind), store.FoldDisplay(d.CustomerName),
			store.FoldDisplay(d.Subject), store.FormatDate(d.IssueDate), d.Total.Plain(cur), open,
			p.T("cli.status." + d.ListStatus(today))})
	}
	return rows
}

// paymentTable is the table of list payments; amounts are columns 3–5.
func paymentTable(p i18n.Printer, ps []store.Payment, cur store.Currency) [][]string {
	rows := [][]string{{p.T("cli.col.date"), p.T("cli.col.code"), p.T("cli.col.customer"), p.T("cli.col.amount"),
		p.T("cli.col.allocated"), p.T("cli.col.unapplied"), p.T("cli.col.method"), p.T("cli.col.payer"),
		p.T("cli.col.status")}}
	for _, pm := range ps {
		status := ""
		switch {
		case pm.ReversesID != 0:
			status = p.T("cli.payment.reversal", pm.ReversesID, pm.Reason)
		case pm.Reversed:
			status = p.T("cli.payment.reversed")
		}
		rows = append(rows, []string{store.FormatDate(pm.Date), pm.CustomerCode, store.FoldDisplay(pm.CustomerName),
			pm.Amount.Plain(cur), pm.Allocated.Plain(cur), pm.Rest().Plain(cur), p.T("method." + pm.Method),
			store.FoldDisplay(pm.PayerName), status})
	}
	return rows
}

// contractTable is the table of list contracts; the monthly value is
// column 7. An active contract with an end date says how soon it ends, or
// that its term has ended (an active contract past its end not yet renewed).
func contractTable(p i18n.Printer, ss []store.ContractSummary, cur store.Currency) [][]string {
	t := p.T
	rows := [][]string{{t("cli.col.number"), t("cli.col.code"), t("cli.col.customer"), t("cli.col.title"),
		t("cli.col.status"), t("cli.col.cycle"), t("cli.col.next_billing"), t("cli.col.monthly"), t("cli.col.end")}}
	for _, s := range ss {
		number := s.Number
		if number == "" {
			number = t("cli.contract.status.draft")
		}
		end := t("cli.contract.open_ended")
		if !s.End.IsZero() {
			end = store.FormatDate(s.End)
			switch {
			case s.Status != store.ContractActive:
			case s.TermEnded:
				end += " " + t("cli.contract.term_ended")
			default:
				end += " " + p.N("cli.contract.ends_in", s.EndsInDays, s.EndsInDays)
			}
		}
		rows = append(rows, []string{number, s.CustomerCode, store.FoldDisplay(s.CustomerName),
			store.FoldDisplay(s.Title), t("cli.contract.status." + s.Status), t("cli.contract.cycle." + s.Cycle),
			store.FormatDate(s.NextBilling), s.MonthlyValue.Plain(cur), end})
	}
	return rows
}

// inquiryTable is the table of list inquiries: one line each, the body left
// to csv and json.
func inquiryTable(t func(string, ...any) string, qs []store.Inquiry) [][]string {
	rows := [][]string{{t("cli.col.status"), t("cli.inq.col_follow_up"), t("cli.col.date"), t("cli.col.code"),
		t("cli.col.customer"), t("cli.col.subject"), t("cli.col.person"), t("cli.inq.col_channel"),
		t("cli.inq.col_document")}}
	for _, q := range qs {
		rows = append(rows, []string{t("inq.status." + q.Status), store.FormatDate(q.FollowUp), store.FormatDate(q.Date),
			q.CustomerCode, store.FoldDisplay(q.CustomerName), store.FoldDisplay(q.Subject), q.Person,
			t("inq.channel." + q.Channel), q.DocumentNumber})
	}
	return rows
}
