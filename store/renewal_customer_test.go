package store_test

import (
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// A customer is mailed a renewal notice once per contract and end date,
// only when the contract says so: from the notice period's first day, not
// again once the mail log holds it, and again after a renewal when the new
// term's notice period begins.
func TestCustomerRenewalsDueOncePerEndDate(t *testing.T) {
	f := newConFix(t)
	terms := func(notify bool) func(*store.Contract) {
		return func(c *store.Contract) {
			c.End, c.RenewalMonths, c.NoticeDays, c.NotifyCustomer = storetest.Date("2027-01-31"), 12, 30, notify
		}
	}
	on := f.activeContract("2026-02-01", terms(true))
	f.activeContract("2026-02-01", terms(false)) // the person in charge is told; the customer is not mailed
	if due, _ := f.st.RenewalsDue(f.ctx, storetest.Date("2027-01-01")); len(due) != 2 {
		t.Fatalf("RenewalsDue lists %d, want both", len(due))
	}
	logNotice := func(end string) error {
		return f.st.LogMail(f.ctx, &store.MailLog{Kind: store.MailRenewal, CustomerID: f.cust.ID, ContractID: on.ID,
			ContractEnd: storetest.Date(end), To: "keiri@example.jp", Method: store.MailSMTP}, nil)
	}
	steps := []struct {
		name string
		do   func() error // before asking
		asOf string
		want []int64
	}{
		{"a day before the notice period", nil, "2026-12-31", nil},
		{"its first day", nil, "2027-01-01", []int64{on.ID}},
		{"still due the next day until mailed", nil, "2027-01-02", []int64{on.ID}},
		{"mailed", func() error { return logNotice("2027-01-31") }, "2027-01-02", nil},
		{"past the end, still undecided", nil, "2027-02-05", nil},
		{"renewed: the new term is far off", func() error {
			_, err := f.st.RenewContract(f.ctx, on.ID)
			return err
		}, "2027-06-01", nil},
		{"the new term's notice period", nil, "2028-01-01", []int64{on.ID}},
		{"the new end date mailed", func() error { return logNotice("2028-01-31") }, "2028-01-01", nil},
	}
	for _, s := range steps {
		if s.do != nil {
			if err := s.do(); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
		}
		due, err := f.st.CustomerRenewalsDue(f.ctx, storetest.Date(s.asOf))
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, c := range due {
			ids = append(ids, c.ID)
		}
		if !slices.Equal(ids, s.want) {
			t.Errorf("%s (%s): due %v, want %v", s.name, s.asOf, ids, s.want)
		}
	}
	if err := logNotice("2028-01-31"); err == nil {
		t.Error("the same renewal notice was logged twice")
	}
	log, err := f.st.ContractMailLog(f.ctx, on.ID)
	if err != nil || len(log) != 2 || log[0].ContractNumber != on.Number || !log[0].ContractEnd.Equal(storetest.Date("2028-01-31")) {
		t.Errorf("contract mail log %+v, %v", log, err)
	}
}

// A contract mail names an active (or once active) contract of the
// customer; a renewal notice also its end date; other kinds name none.
func TestLogContractMailRefuses(t *testing.T) {
	f := newConFix(t)
	active := f.activeContract("2026-02-01")
	draft := f.draftContract("2026-02-01")
	other := f.activeContract("2026-02-01", func(c *store.Contract) { c.CustomerID = f.en.ID })
	mk := func(kind string, contract int64, end time.Time) *store.MailLog {
		return &store.MailLog{Kind: kind, CustomerID: f.cust.ID, ContractID: contract, ContractEnd: end,
			To: "keiri@example.jp", Method: store.MailSMTP}
	}
	for _, tc := range []struct {
		name   string
		m      *store.MailLog
		field  string
		reason string
	}{
		{"contract mail without its contract", mk(store.MailContract, 0, time.Time{}), "contract", "required"},
		{"renewal notice without its end date", mk(store.MailRenewal, active.ID, time.Time{}), "contract_end", "required"},
		{"reminder naming a contract", mk(store.MailReminder, active.ID, time.Time{}), "contract", "mail.not_contract_kind"},
		{"a draft", mk(store.MailContract, draft.ID, time.Time{}), "contract", "mail.contract_draft"},
		{"another customer's", mk(store.MailContract, other.ID, time.Time{}), "contract", "mail.other_customer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := storeError(t, f.st.LogMail(f.ctx, tc.m, nil), store.CodeInvalid)
			if e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("%v, want %s: %s", e, tc.field, tc.reason)
			}
		})
	}
	ok := mk(store.MailContract, active.ID, time.Time{})
	if err := f.st.LogMail(f.ctx, ok, nil); err != nil || ok.ContractNumber != active.Number {
		t.Errorf("a contract mail: %v, number %q", err, ok.ContractNumber)
	}
}
