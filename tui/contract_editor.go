package tui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// contractEditor edits a contract in the lineEditor (the documents' form and
// line grid): the terms in the header, what is billed in the lines.
type contractEditor struct {
	lineEditor
	st  *store.Store
	ctx context.Context
	c   store.Contract // as last loaded or saved
}

type (
	contractSavedMsg  struct{ c store.Contract }
	contractClosedMsg struct{}
)

func (s *contractsScreen) openEditor(c store.Contract) tea.Cmd {
	p, st := s.p, s.styles
	choice := func(k string, value string, opts ...Choice) *Field {
		return ChoiceField(k, p.T("con.field."+k), opts, value)
	}
	text := func(k, v, hint string) *Field { return TextField(k, p.T("con.field."+k), v, hint, st) }
	yesNo := func(b bool) string { return strconv.FormatBool(b) }
	end, billFrom := "", ""
	if !c.End.IsZero() {
		end = store.FormatDate(c.End)
	}
	if !c.BillFrom.IsZero() {
		billFrom = c.BillFrom.Format("2006-01")
	}
	var methods []Choice
	for _, m := range []string{store.PayBankTransfer, store.PayDirectDebit, store.PayCard, store.PayCash} {
		methods = append(methods, Choice{m, p.T("method." + m)})
	}
	fields := []*Field{
		text("title", c.Title, ""),
		text("start", store.FormatDate(c.Start), "YYYY-MM-DD"),
		text("end", end, p.T("con.end_hint")),
		choice("cycle", c.Cycle, Choice{store.CycleMonthly, p.T("con.cycle.monthly")}, Choice{store.CycleEveryN, p.T("con.cycle.every_n_months")},
			Choice{store.CycleYearly, p.T("con.cycle.yearly")}, Choice{store.CycleOneOff, p.T("con.cycle.one_off")}),
		text("cycle_months", strconv.Itoa(max(c.CycleMonths, 2)), p.T("con.cycle_months_hint")),
		text("billing_day", dayText(c.BillingDay), p.T("customers.day_hint")),
		choice("in_advance", yesNo(c.InAdvance), Choice{"true", p.T("con.in_advance")}, Choice{"false", p.T("con.in_arrears")}),
		choice("pro_rate", yesNo(c.ProRate), Choice{"false", p.T("con.no")}, Choice{"true", p.T("con.yes")}),
		choice("payment_method", c.PaymentMethod, methods...),
		choice("auto_renew", yesNo(c.AutoRenew), Choice{"false", p.T("con.no")}, Choice{"true", p.T("con.yes")}),
		text("renewal_months", strconv.Itoa(c.RenewalMonths), ""),
		text("notice_days", strconv.Itoa(c.NoticeDays), ""),
		s.staffField(c.PersonInCharge, s.refs.staff),
		TextField("notes", p.T("field.notes"), c.Notes, "", st),
		// Contracts that mail themselves (issue 16).
		choice("notify_customer", yesNo(c.NotifyCustomer), Choice{"false", p.T("con.no")}, Choice{"true", p.T("con.yes")}),
		// A contract kept here after it began (請求開始月).
		text("bill_from", billFrom, p.T("con.bill_from_hint")),
	}
	ed := &contractEditor{lineEditor: newLineEditor(s.kit, s.refs, fields, linesOf(c)), st: s.st, ctx: s.ctx, c: c}
	ed.summary = func() string {
		return ed.form.Value("title") + "  " + ed.form.Value("start") + "〜" + ed.form.Value("end")
	}
	ed.sync = func() {
		start, err := store.ParseDate(ed.form.Value("start"))
		if err != nil {
			start = c.Start
		}
		ed.grid.SetContext(start, store.PriceExclusive)
	}
	ed.sync()
	ed.saved = ed.snapshot()
	ed.SetSize(s.width, s.height)
	s.showEditor(ed)
	return nil
}

// linesOf is a contract's lines in the grid's line model.
func linesOf(c store.Contract) []store.Line {
	lines := make([]store.Line, len(c.Lines))
	for i, l := range c.Lines {
		lines[i] = store.Line{ID: l.ID, ProductID: l.ProductID, ProductCode: l.ProductCode, Description: l.Description,
			Quantity: l.Quantity, Unit: l.Unit, UnitPrice: l.UnitPrice, TaxCategory: l.TaxCategory}
	}
	return lines
}

func (ed *contractEditor) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return ed.update(msg)
	case key.Matches(k, ed.keys.Save):
		return ed.save()
	}
	return ed.key(k, contractClosedMsg{})
}

// contract reads the editor; numbers and dates that do not read are field
// errors here, the rest is the store's to check.
func (ed *contractEditor) contract() (store.Contract, error) {
	c := ed.c
	v := ed.form.Value
	var errs store.Errors
	date := func(k string, to *time.Time, required bool) {
		t := strings.TrimSpace(v(k))
		if t == "" {
			*to = time.Time{}
			if required {
				errs = append(errs, store.Invalid(k, "required"))
			}
			return
		}
		d, err := store.ParseDate(t)
		if e, ok := store.AsError(err); ok {
			errs = append(errs, store.Invalid(k, e.Reason, e.Args...))
			return
		}
		*to = d
	}
	number := func(k string, to *int) {
		n, err := strconv.Atoi(strings.TrimSpace(v(k)))
		if err != nil {
			errs = append(errs, store.Invalid(k, "number"))
		}
		*to = n
	}
	c.Title, c.Cycle, c.PaymentMethod = v("title"), v("cycle"), v("payment_method")
	c.PersonInCharge, c.Notes = v("person_in_charge"), v("notes")
	c.InAdvance, c.ProRate, c.AutoRenew = v("in_advance") == "true", v("pro_rate") == "true", v("auto_renew") == "true"
	c.NotifyCustomer = v("notify_customer") == "true"
	date("start", &c.Start, true)
	date("end", &c.End, false)
	c.BillFrom = time.Time{}
	if t := strings.TrimSpace(v("bill_from")); t != "" {
		if m, err := parseMonth(t); err != nil {
			errs = append(errs, store.Invalid("bill_from", "month"))
		} else {
			c.BillFrom = m
		}
	}
	number("cycle_months", &c.CycleMonths)
	number("renewal_months", &c.RenewalMonths)
	number("notice_days", &c.NoticeDays)
	if d, ok := parseDay(v("billing_day")); ok {
		c.BillingDay = d
	} else {
		errs = append(errs, store.Invalid("billing_day", "number"))
	}
	lines, lineErrs := ed.grid.Lines()
	c.Lines = make([]store.ContractLine, len(lines))
	for i, l := range lines {
		c.Lines[i] = store.ContractLine{ID: l.ID, ProductID: l.ProductID, ProductCode: l.ProductCode, Description: l.Description,
			Quantity: l.Quantity, Unit: l.Unit, UnitPrice: l.UnitPrice, TaxCategory: l.TaxCategory}
		if i < len(ed.c.Lines) && ed.c.Lines[i].ID == l.ID {
			c.Lines[i].Prices = ed.c.Lines[i].Prices
		}
	}
	return c, append(errs, lineErrs...).OrNil()
}

func (ed *contractEditor) save() tea.Cmd {
	c, err := ed.contract()
	if err != nil {
		ed.showErrors(err)
		return statusErr(ed.p.T("docs.not_saved"))
	}
	st, ctx := ed.st, ed.ctx
	return func() tea.Msg {
		if err := st.SaveContract(ctx, &c); err != nil {
			return contractFailedMsg{err}
		}
		saved, err := st.Contract(ctx, c.ID)
		if err != nil {
			return contractFailedMsg{err}
		}
		return contractSavedMsg{saved}
	}
}

func (ed *contractEditor) View() string {
	title := ed.p.T("con.new_title")
	if ed.c.ID != 0 {
		title = ed.p.T("con.edit_title", ed.c.Number)
	}
	return ed.body(title + " — " + ed.c.CustomerCode + " " + store.FoldDisplay(ed.c.CustomerName))
}
