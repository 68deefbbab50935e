package tui

import (
	"fmt"
	"strings"
	"time"

	"daicho/store"
)

// A contract's view (enter): its terms, its lines with their price history,
// and its renewals, most recent last.

func (s *contractsScreen) detailView() string {
	c, p := s.detail, s.p
	number := c.Number
	if number == "" {
		number = p.T("docs.draft_number")
	}
	end := p.T("con.open_ended")
	if !c.End.IsZero() {
		end = store.FormatDate(c.End)
	}
	cycle := p.T("con.cycle." + c.Cycle)
	if c.Cycle == store.CycleEveryN {
		cycle = p.T("con.every_n", c.CycleMonths)
	}
	timing := p.T("con.in_arrears")
	if c.InAdvance {
		timing = p.T("con.in_advance")
	}
	lines := []string{
		s.styles.Title.Render(number+"  "+store.FoldDisplay(c.Title)) + "  [" + p.T("con.status."+c.Status) + "]",
		c.CustomerCode + "  " + store.FoldDisplay(c.CustomerName),
		p.T("con.period", store.FormatDate(c.Start), end),
		p.T("con.billing", cycle, dayWords(p.T, c.BillingDay), timing) + "   " + p.T("method."+c.PaymentMethod),
	}
	if c.AutoRenew {
		lines = append(lines, p.T("con.auto_renew", p.N("con.months", c.RenewalMonths, c.RenewalMonths), p.N("con.days", c.NoticeDays, c.NoticeDays)))
	} else {
		lines = append(lines, p.T("con.manual_renew", p.N("con.days", c.NoticeDays, c.NoticeDays)))
	}
	if c.NotifyCustomer { // contracts that mail themselves (issue 16)
		lines = append(lines, p.T("con.notify_customer_on"))
	}
	if !c.BillFrom.IsZero() {
		lines = append(lines, p.T("con.bill_from", c.BillFrom.Format("2006-01")))
	}
	if c.CancelReason != "" {
		// Ended or cancelled, with why.
		lines = append(lines, s.styles.StatusError.Render(p.T("con.status."+c.Status)+": "+c.CancelReason))
	}
	lines = append(lines, "", s.styles.Header.Render(p.T("con.lines")))
	for _, l := range c.Lines {
		line := fmt.Sprintf("%s  %s %s × %s  %s", fit(store.FoldDisplay(l.Description), 30, false), l.Quantity, l.Unit,
			s.money(l.UnitPrice), s.taxLabel(l.TaxCategory))
		lines = append(lines, line)
		if len(l.Prices) > 1 {
			var hist []string
			for _, pc := range l.Prices {
				hist = append(hist, store.FormatDate(pc.From)+" "+s.money(pc.UnitPrice))
			}
			lines = append(lines, s.styles.Dim.Render("    "+p.T("con.price_history")+": "+strings.Join(hist, " → ")))
		}
	}
	lines = append(lines, s.renewalLines()...)
	if mails := s.mailLogLines(s.mails, 3); len(mails) > 0 {
		lines = append(append(lines, ""), mails...)
	}
	if c.Notes != "" {
		lines = append(lines, "", p.T("field.notes")+": "+c.Notes)
	}
	return strings.Join(lines[:min(len(lines), s.height)], "\n")
}

// dayWords says a billing day: "末日" / "month end" for 31, else "25日".
func dayWords(T func(string, ...any) string, d int) string {
	if d == store.MonthEnd {
		return T("terms.closing_end")
	}
	return T("terms.closing_day", d)
}

// renewalsShown is how many renewals the view lists: the latest, the rest
// counted, so an old auto-renewing contract does not push its notes off
// the screen.
const renewalsShown = 3

// renewalLines lists the contract's renewals under a header: when, the end
// date before and after, by a billing run or by hand, and who. None when it
// was never renewed.
func (s *contractsScreen) renewalLines() []string {
	rs, p := s.renewed, s.p
	if len(rs) == 0 {
		return nil
	}
	lines := []string{"", s.styles.Header.Render(p.T("con.renewals"))}
	if hidden := len(rs) - renewalsShown; hidden > 0 {
		lines = append(lines, s.styles.Dim.Render(p.T("con.renewals_earlier", hidden)))
		rs = rs[hidden:]
	}
	for _, r := range rs {
		how := p.T("con.renewal_manual")
		if r.Auto {
			how = p.T("con.renewal_auto")
		}
		day := r.At
		if at, err := time.Parse(time.RFC3339Nano, r.At); err == nil {
			day = store.FormatDate(store.Today(at))
		}
		lines = append(lines, p.T("con.renewal_line", day, store.FormatDate(r.OldEnd), store.FormatDate(r.NewEnd), how, r.Actor))
	}
	return lines
}
