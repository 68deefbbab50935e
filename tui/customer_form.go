package tui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// regnoExample is the registration number the form shows as an example: a
// real-looking one whose check digit holds (a test checks), so a user who
// copies its shape is not told it is wrong.
const regnoExample = "T4011001098993"

// customerForm edits one customer through the shared Form component: the
// customers screen's editor.
type customerForm struct {
	env
	form    *Form
	c       store.Customer // the record as loaded (id, version, archived)
	created bool
	leave   func() // back to where the form was opened from
}

// openForm shows the form for c (a new customer when created).
func (s *customersScreen) openForm(c store.Customer, created bool) {
	p, st := s.p, s.styles
	title := p.T("customers.edit_title", c.Code)
	if created {
		title = p.T("customers.new_title")
	}
	dayHint := p.T("customers.day_hint")
	fields := []*Field{
		TextField("code", p.T("field.code"), c.Code, p.T("customers.code_hint"), st),
		TextField("name", p.T("field.name"), c.Name, "", st),
		TextField("kana", p.T("field.kana"), c.Kana, p.T("customers.kana_hint"), st),
		ChoiceField("honorific", p.T("field.honorific"), []Choice{
			{store.HonorificCompany, "御中"}, {store.HonorificPerson, "様"}, {"", p.T("customers.honorific_none")},
		}, c.Honorific),
		ChoiceField("language", p.T("field.language"), []Choice{{"ja", "日本語"}, {"en", "English"}}, c.Language),
		TextField("postal_code", p.T("field.postal_code"), c.PostalCode, "123-4567", st),
		TextField("address1", p.T("field.address1"), c.Address1, "", st),
		TextField("address2", p.T("field.address2"), c.Address2, "", st),
		TextField("department", p.T("field.department"), c.Department, "", st),
		TextField("contact", p.T("field.contact"), c.Contact, "", st),
		TextField("email", p.T("field.email"), c.Email, "", st),
		TextField("phone", p.T("field.phone"), c.Phone, "", st),
		TextField("closing_day", p.T("field.closing_day"), dayText(c.ClosingDay), dayHint, st),
		ChoiceField("months_deferred", p.T("field.months_deferred"), []Choice{
			{"0", p.T("terms.pay_month0")}, {"1", p.T("terms.pay_month1")}, {"2", p.T("terms.pay_month2")}, {"3", p.T("terms.pay_month3")},
		}, strconv.Itoa(c.MonthsDeferred)),
		TextField("payment_day", p.T("field.payment_day"), dayText(c.PaymentDay), dayHint, st),
		ChoiceField("holiday_rule", p.T("field.holiday_rule"), []Choice{
			{store.HolidayNext, p.T("terms.holiday_next")}, {store.HolidayPrevious, p.T("terms.holiday_previous")},
			{store.HolidayKeep, p.T("terms.holiday_keep")},
		}, c.HolidayRule),
		TextField("registration_number", p.T("field.registration_number"), c.RegistrationNumber, regnoExample, st),
		s.staffField(c.PersonInCharge, s.refs.staff),
		TextField("notes", p.T("field.notes"), c.Notes, "", st),
		// Transfer-fee policy (issue 14).
		ChoiceField("fee_policy", p.T("field.fee_policy"), []Choice{
			{store.FeeAsk, p.T("fee_policy.ask")}, {store.FeeOurs, p.T("fee_policy.ours")},
			{store.FeeTheirs, p.T("fee_policy.theirs")},
		}, c.FeePolicy),
		// Staged reminders (issue 14).
		ChoiceField("pre_due_notice", p.T("field.pre_due_notice"), []Choice{
			{"no", p.T("customers.pre_due_no")}, {"yes", p.T("customers.pre_due_yes")},
		}, yesNo(c.PreDueNotice)),
		TextField("reminder_hold", p.T("field.reminder_hold"), c.ReminderHold, p.T("customers.hold_hint"), st),
	}
	// The sending fields (issue 16) after the notes; the fee policy and the
	// reminder fields stay last.
	notes := slices.IndexFunc(fields, func(f *Field) bool { return f.Key == "notes" }) + 1
	fields = slices.Insert(fields, notes, sendingFields(p, st, c)...)
	f := &customerForm{env: s.env, form: NewForm(title, fields, DefaultFormKeyMap(p), s.styles), c: c, created: created,
		leave: s.closeEditor}
	f.SetSize(s.width, s.height)
	s.showEditor(f) // reloaded over itself, esc still goes back to where it came from
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// dayText shows a closing or payment day; 31 reads as the month's end.
func dayText(d int) string {
	if d == store.MonthEnd {
		return "31"
	}
	return strconv.Itoa(d)
}

// parseDay reads a day as typed: digits (full-width too), or 末 / 月末 / end
// for the month's end.
func parseDay(s string) (int, bool) {
	s = strings.TrimSpace(strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, s))
	switch strings.ToLower(s) {
	case "末", "月末", "end", "eom":
		return store.MonthEnd, true
	}
	s = strings.TrimSuffix(s, "日")
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// customer reads the form into a customer; days that are not numbers are
// reported as field errors here, the rest by the store's Validate.
func (f *customerForm) customer() (store.Customer, error) {
	c := f.c
	v := f.form.Value
	c.Code, c.Name, c.Kana, c.Honorific, c.Language = v("code"), v("name"), v("kana"), v("honorific"), v("language")
	c.PostalCode, c.Address1, c.Address2 = v("postal_code"), v("address1"), v("address2")
	c.Department, c.Contact, c.Email, c.Phone = v("department"), v("contact"), v("email"), v("phone")
	c.MonthsDeferred, _ = strconv.Atoi(v("months_deferred"))
	c.HolidayRule, c.RegistrationNumber = v("holiday_rule"), v("registration_number")
	c.PersonInCharge, c.Notes = v("person_in_charge"), v("notes")
	c.PreDueNotice, c.ReminderHold = v("pre_due_notice") == "yes", v("reminder_hold")
	c.FeePolicy = v("fee_policy") // issue 14
	readSendingFields(v, &c)
	// A day that is not a number is reported here; Validate would only add a
	// second, confusing message about its range.
	var errs store.Errors
	unreadable := map[string]bool{}
	for _, d := range []struct {
		field string
		to    *int
	}{{"closing_day", &c.ClosingDay}, {"payment_day", &c.PaymentDay}} {
		n, ok := parseDay(v(d.field))
		if !ok {
			errs = append(errs, store.Invalid(d.field, "number"))
			unreadable[d.field] = true
		}
		*d.to = n
	}
	for _, fe := range store.FieldErrors(c.Validate()) {
		if !unreadable[fe.Field] {
			errs = append(errs, fe)
		}
	}
	return c, errs.OrNil()
}

func (f *customerForm) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
		return f.form.Update(msg)
	case key.Matches(k, f.form.Keys.Save):
		c, err := f.customer()
		if err != nil {
			f.form.SetErrors(err, f.p)
			return statusErr(f.p.T("customers.not_saved"))
		}
		return f.save(c)
	case key.Matches(k, f.form.Keys.Cancel):
		if f.form.Dirty() {
			return f.confirm(f.p.T("confirm.discard"), func() tea.Msg { return formDiscardedMsg{} })
		}
		f.leave()
		return nil
	}
	return f.form.Update(k)
}

func (f *customerForm) View() string              { return f.form.View() }
func (f *customerForm) SetSize(width, height int) { f.form.SetSize(width, height) }
func (f *customerForm) Capturing() bool           { return true }
func (f *customerForm) Dirty() bool               { return f.form.Dirty() }

func (f *customerForm) ShortHelp() []key.Binding {
	k := f.form.Keys
	return []key.Binding{k.Next, k.Prev, k.Choose, k.Save, k.Cancel}
}

func (f *customerForm) FullHelp() [][]key.Binding { return [][]key.Binding{f.ShortHelp()} }

// save writes the customer in one transaction; the result comes back as a message.
func (f *customerForm) save(c store.Customer) tea.Cmd {
	st, ctx, created := f.st, f.ctx, f.created
	return func() tea.Msg {
		var err error
		if created {
			err = st.CreateCustomer(ctx, &c)
		} else {
			err = st.UpdateCustomer(ctx, &c)
		}
		if err != nil {
			return customerSaveFailedMsg{err: err}
		}
		return customerSavedMsg{c: c, created: created}
	}
}
