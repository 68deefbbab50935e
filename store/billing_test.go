package store_test

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// Which months a contract bills, and which period: in advance the period
// starting in the month, in arrears the one that ended before it, every
// period laid from the start month; one-offs in the start month.
func TestBillingDueMonths(t *testing.T) {
	monthly := func(c *store.Contract) {}
	arrears := func(c *store.Contract) { c.InAdvance = false }
	everyN := func(n int) func(c *store.Contract) {
		return func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, n }
	}
	yearly := func(c *store.Contract) { c.Cycle = store.CycleYearly }
	oneOff := func(c *store.Contract) { c.Cycle = store.CycleOneOff }
	end := func(s string) func(c *store.Contract) { return func(c *store.Contract) { c.End = storetest.Date(s) } }
	cases := []struct {
		name  string
		start string
		mods  []func(*store.Contract)
		month string
		want  string // the line's description; "" not due
	}{
		{"monthly in advance: before the start", "2026-11-01", nil, "2026-10", ""},
		{"monthly in advance: the start month", "2026-11-01", nil, "2026-11", "保守料 2026年11月分"},
		{"monthly in advance: next month", "2026-11-01", []func(*store.Contract){monthly}, "2026-12", "保守料 2026年12月分"},
		{"monthly in arrears: the start month", "2026-11-01", []func(*store.Contract){arrears}, "2026-11", ""},
		{"monthly in arrears: the month after", "2026-11-01", []func(*store.Contract){arrears}, "2026-12", "保守料 2026年11月分"},
		{"in advance: after the end", "2026-11-01", []func(*store.Contract){end("2027-01-31")}, "2027-02", ""},
		{"in arrears: the month after the end", "2026-11-01", []func(*store.Contract){arrears, end("2027-01-31")}, "2027-02", "保守料 2027年1月分"},
		{"in arrears: two months after the end", "2026-11-01", []func(*store.Contract){arrears, end("2027-01-31")}, "2027-03", ""},
		{"every 3 in advance: first", "2026-12-01", []func(*store.Contract){everyN(3)}, "2026-12", "保守料 2026年12月〜2027年2月分"},
		{"every 3 in advance: second month", "2026-12-01", []func(*store.Contract){everyN(3)}, "2027-01", ""},
		{"every 3 in advance: third month", "2026-12-01", []func(*store.Contract){everyN(3)}, "2027-02", ""},
		{"every 3 in advance: next period", "2026-12-01", []func(*store.Contract){everyN(3)}, "2027-03", "保守料 2027年3月〜5月分"},
		{"every 3 in arrears: first month", "2026-12-01", []func(*store.Contract){everyN(3), arrears}, "2026-12", ""},
		{"every 3 in arrears: after the period", "2026-12-01", []func(*store.Contract){everyN(3), arrears}, "2027-03", "保守料 2026年12月〜2027年2月分"},
		{"every 2 from mid-month", "2026-11-18", []func(*store.Contract){everyN(2)}, "2027-01", "保守料 2027年1月〜2月分"},
		{"yearly in advance: first", "2026-12-01", []func(*store.Contract){yearly}, "2026-12", "保守料 2026年12月〜2027年11月分"},
		{"yearly in advance: the month after", "2026-12-01", []func(*store.Contract){yearly}, "2027-01", ""},
		{"yearly in advance: next year", "2026-12-01", []func(*store.Contract){yearly}, "2027-12", "保守料 2027年12月〜2028年11月分"},
		{"yearly in arrears", "2026-12-01", []func(*store.Contract){yearly, arrears}, "2027-12", "保守料 2026年12月〜2027年11月分"},
		{"yearly in arrears: not at the start", "2026-12-01", []func(*store.Contract){yearly, arrears}, "2026-12", ""},
		{"one-off: the start month", "2026-12-15", []func(*store.Contract){oneOff}, "2026-12", "保守料"},
		{"one-off: before", "2026-12-15", []func(*store.Contract){oneOff}, "2026-11", ""},
		{"one-off: after", "2026-12-15", []func(*store.Contract){oneOff}, "2027-01", ""},
		{"one-off in arrears: still the start month", "2026-12-15", []func(*store.Contract){oneOff, arrears}, "2026-12", "保守料"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newConFix(t)
			f.activeContract(tc.start, tc.mods...)
			got := descriptions(f.plan(tc.month))
			var want []string
			if tc.want != "" {
				want = []string{tc.want}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %q, want %q", tc.month, got, want)
			}
		})
	}
}

// Pro-rating: a part period costs unit price × days covered / days in the
// period, half-up, and says which days.
func TestBillingProRating(t *testing.T) {
	cases := []struct {
		name       string
		start, end string
		mods       func(c *store.Contract)
		month      string
		price      store.Money
		wantPrice  store.Money
		wantDesc   string
		wantIssued string // the billing date
	}{
		{"first month, from the 18th", "2026-11-18", "", nil, "2026-11", 30000, 13000,
			"保守料 2026年11月分 (11/18〜11/30 13日分)", "2026-11-01"},
		{"a whole month after it", "2026-11-18", "", nil, "2026-12", 30000, 30000, "保守料 2026年12月分", "2026-12-01"},
		{"last month, February", "2026-01-01", "2027-02-10", nil, "2027-02", 30000, 10714,
			"保守料 2027年2月分 (2/1〜2/10 10日分)", "2027-02-01"},
		{"last month, February of a leap year", "2026-01-01", "2028-02-10", nil, "2028-02", 30000, 10345,
			"保守料 2028年2月分 (2/1〜2/10 10日分)", "2028-02-01"},
		{"a 31-day month", "2026-12-17", "", nil, "2026-12", 30000, 14516,
			"保守料 2026年12月分 (12/17〜12/31 15日分)", "2026-12-01"},
		{"start and end in one month", "2026-11-10", "2026-11-19", nil, "2026-11", 30000, 10000,
			"保守料 2026年11月分 (11/10〜11/19 10日分)", "2026-11-01"},
		{"one day, half-up (15 × 1/30 = 0.5)", "2026-11-30", "", nil, "2026-11", 15, 1,
			"保守料 2026年11月分 (11/30 1日分)", "2026-11-01"},
		{"month-end billing day in February", "2026-01-01", "2027-02-10", func(c *store.Contract) { c.BillingDay = 31 }, "2027-02",
			30000, 10714, "保守料 2027年2月分 (2/1〜2/10 10日分)", "2027-02-28"},
		{"month-end billing day in a leap February", "2026-01-01", "", func(c *store.Contract) { c.BillingDay = 31 }, "2028-02",
			30000, 30000, "保守料 2028年2月分", "2028-02-29"},
		{"month-end billing day in April", "2026-01-01", "", func(c *store.Contract) { c.BillingDay = 31 }, "2027-04",
			30000, 30000, "保守料 2027年4月分", "2027-04-30"},
		{"in arrears, the last part month", "2026-01-01", "2027-01-20", func(c *store.Contract) { c.InAdvance = false }, "2027-02",
			31000, 20000, "保守料 2027年1月分 (1/1〜1/20 20日分)", "2027-02-01"},
		{"yearly from mid-November", "2026-11-18", "", func(c *store.Contract) { c.Cycle = store.CycleYearly }, "2026-11",
			120000, 114411, "保守料 2026年11月〜2027年10月分 (2026/11/18〜2027/10/31 348日分)", "2026-11-01"},
		{"every 2 months, first part", "2026-11-18", "", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 2 }, "2026-11",
			61000, 44000, "保守料 2026年11月〜12月分 (11/18〜12/31 44日分)", "2026-11-01"},
		{"not pro-rated: the full price", "2026-11-18", "", func(c *store.Contract) { c.ProRate = false }, "2026-11",
			30000, 30000, "保守料 2026年11月分", "2026-11-01"},
		{"one-off: never pro-rated", "2026-11-18", "2026-11-25", func(c *store.Contract) { c.Cycle = store.CycleOneOff }, "2026-11",
			30000, 30000, "保守料", "2026-11-01"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newConFix(t)
			f.activeContract(tc.start, func(c *store.Contract) {
				c.Lines[0].UnitPrice = tc.price
				c.Lines[0].Quantity = storetest.Qty("2")
				if tc.end != "" {
					c.End = storetest.Date(tc.end)
				}
				if tc.mods != nil {
					tc.mods(c)
				}
			})
			p := f.plan(tc.month)
			if len(p.Invoices) != 1 || len(p.Invoices[0].Lines) != 1 {
				t.Fatalf("%s: %+v", tc.month, p.Invoices)
			}
			inv := p.Invoices[0]
			l := inv.Lines[0]
			if l.UnitPrice != tc.wantPrice || l.Amount != 2*tc.wantPrice || l.Description != tc.wantDesc ||
				store.FormatDate(inv.IssueDate) != tc.wantIssued {
				t.Errorf("got %d (amount %d) %q issued %s, want %d %q issued %s", l.UnitPrice, l.Amount, l.Description,
					store.FormatDate(inv.IssueDate), tc.wantPrice, tc.wantDesc, tc.wantIssued)
			}
		})
	}
}

// Period labels in the customer's language.
func TestBillingPeriodLabels(t *testing.T) {
	cases := []struct {
		name   string
		start  string
		mods   func(c *store.Contract)
		month  string
		ja, en string
	}{
		{"one month", "2026-12-01", nil, "2026-12", "保守料 2026年12月分", "Maintenance, December 2026"},
		{"three months over the new year", "2026-12-01", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 3 },
			"2026-12", "保守料 2026年12月〜2027年2月分", "Maintenance, December 2026 – February 2027"},
		{"three months in one year", "2027-04-01", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 3 },
			"2027-04", "保守料 2027年4月〜6月分", "Maintenance, April – June 2027"},
		{"a year", "2026-12-01", func(c *store.Contract) { c.Cycle = store.CycleYearly },
			"2026-12", "保守料 2026年12月〜2027年11月分", "Maintenance, December 2026 – November 2027"},
		{"pro-rated", "2026-11-18", nil, "2026-11", "保守料 2026年11月分 (11/18〜11/30 13日分)",
			"Maintenance, November 2026 (Nov 18–30, 13 days)"},
		{"pro-rated over two months", "2026-11-18", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 2 },
			"2026-11", "保守料 2026年11月〜12月分 (11/18〜12/31 44日分)", "Maintenance, November – December 2026 (Nov 18 – Dec 31, 44 days)"},
		{"pro-rated over the new year", "2026-12-18", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 2 },
			"2026-12", "保守料 2026年12月〜2027年1月分 (2026/12/18〜2027/1/31 45日分)",
			"Maintenance, December 2026 – January 2027 (Dec 18, 2026 – Jan 31, 2027, 45 days)"},
		{"one day", "2026-11-30", nil, "2026-11", "保守料 2026年11月分 (11/30 1日分)", "Maintenance, November 2026 (Nov 30, 1 day)"},
		{"one-off", "2026-11-30", func(c *store.Contract) { c.Cycle = store.CycleOneOff }, "2026-11", "保守料", "Maintenance"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newConFix(t)
			for _, cust := range []store.Customer{f.cust, f.en} {
				f.activeContract(tc.start, func(c *store.Contract) {
					c.CustomerID = cust.ID
					if cust.Language == "en" {
						c.Lines[0].Description = "Maintenance"
					}
					if tc.mods != nil {
						tc.mods(c)
					}
				})
			}
			got := descriptions(f.plan(tc.month))
			if want := []string{tc.ja, tc.en}; !slices.Equal(got, want) {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// The invoice a run makes: subject, notes, dates, numbers, totals, and the
// periods recorded.
func TestBillingRunInvoices(t *testing.T) {
	f := newConFix(t)
	a := f.activeContract("2026-11-18", func(c *store.Contract) {
		c.PaymentMethod = store.PayDirectDebit
		c.Lines = append(c.Lines, store.ContractLine{ProductID: f.product.ID, Description: "お弁当", Quantity: storetest.Qty("3"),
			Unit: "個", UnitPrice: 1080, TaxCategory: store.TaxReduced})
	})
	b := f.activeContract("2026-10-01", func(c *store.Contract) {
		c.CustomerID, c.Title, c.BillingDay = f.en.ID, "Hosting", 31
		c.Lines[0].Description = "Hosting"
	})
	plan := f.plan("2026-11")
	if len(plan.Invoices) != 2 || plan.AlreadyBilled != 0 || len(plan.Renewed) != 0 {
		t.Fatalf("plan: %+v", plan)
	}
	pa, pb := plan.Invoices[0], plan.Invoices[1]
	if pa.CustomerCode != "C0001" || !slices.Equal(pa.Contracts, []string{a.Number}) || pa.IssueDate != storetest.Date("2026-11-01") ||
		pa.PeriodStart != storetest.Date("2026-11-18") || pa.PeriodEnd != storetest.Date("2026-11-30") {
		t.Errorf("first planned invoice %+v", pa)
	}
	// 13,000 at 10% and 3 × round(1,080 × 13/30 = 468) = 1,404 at 8%.
	wantTotals := store.Totals{Taxes: []store.TaxLine{{Rate: 10, Net: 13000, Tax: 1300, Gross: 14300},
		{Rate: 8, Net: 1404, Tax: 112, Gross: 1516}}, Subtotal: 14404, Tax: 1412, Total: 15816}
	if !reflect.DeepEqual(pa.Totals, wantTotals) {
		t.Errorf("totals %+v, want %+v", pa.Totals, wantTotals)
	}
	if pb.CustomerName != "Acme Ltd." || pb.IssueDate != storetest.Date("2026-11-30") || pb.Totals.Total != 33000 {
		t.Errorf("second planned invoice %+v", pb)
	}
	res := f.run("2026-11", true)
	if len(res.Invoices) != 2 || res.AlreadyBilled != 0 {
		t.Fatalf("run: %+v", res)
	}
	for i, ref := range res.Invoices {
		d, err := f.st.Document(f.ctx, ref.ID)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != store.StatusIssued || d.Number != fmt.Sprintf("I-2026-%04d", i+1) || ref.Number != d.Number ||
			d.Totals.Total != plan.Invoices[i].Totals.Total || !reflect.DeepEqual(d.Totals, plan.Invoices[i].Totals) {
			t.Errorf("invoice %d: %s %s, totals %+v, plan %+v", i, d.Status, d.Number, d.Totals, plan.Invoices[i].Totals)
		}
		if len(d.Sources) != 0 {
			t.Errorf("invoice %d links %+v", i, d.Sources)
		}
	}
	da, _ := f.st.Document(f.ctx, res.Invoices[0].ID)
	// 20日締め翌月10日払い: issued 11-01, closes 11-20, due 12-10 (a Thursday).
	if da.Subject != "サーバー保守" || da.Notes != "契約番号: "+a.Number+"\nお支払方法: 口座振替" ||
		da.IssueDate != storetest.Date("2026-11-01") || da.DueDate != storetest.Date("2026-12-10") ||
		da.Lines[1].CostPrice != 10000 || da.Lines[1].ProductCode != "P001" || da.Lines[1].TaxRate != 8 {
		t.Errorf("invoice of %s: %+v", a.Number, da)
	}
	db, _ := f.st.Document(f.ctx, res.Invoices[1].ID)
	if db.Subject != "Hosting" || db.Notes != "Contract: "+b.Number+"\nPayment: bank transfer" || db.DueDate != storetest.Date("2027-01-04") {
		t.Errorf("invoice of %s: %+v", b.Number, db)
	}
	var periods []string
	rows, err := f.st.DB().Query(`SELECT k.number, b.period_start, b.period_end, b.billing_date, d.number
		FROM contract_billings b JOIN contracts k ON k.id = b.contract_id JOIN documents d ON d.id = b.document_id ORDER BY b.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, s, e, bd, d string
		if err := rows.Scan(&k, &s, &e, &bd, &d); err != nil {
			t.Fatal(err)
		}
		periods = append(periods, strings.Join([]string{k, s, e, bd, d}, " "))
	}
	want := []string{a.Number + " 2026-11-18 2026-11-30 2026-11-01 I-2026-0001", b.Number + " 2026-11-01 2026-11-30 2026-11-30 I-2026-0002"}
	if !slices.Equal(periods, want) {
		t.Errorf("billings %q, want %q", periods, want)
	}
	if log, _ := f.st.AuditLog(f.ctx, "billing", "2026-11"); len(log) != 1 || log[0].Action != "run" {
		t.Errorf("run audit %+v", log)
	}
}

// Running a month again makes nothing and says so; a contract edited after
// its run is not billed twice; deleting a draft of the run frees its period.
func TestBillingRunIdempotent(t *testing.T) {
	f := newConFix(t)
	a := f.activeContract("2026-11-01")
	b := f.activeContract("2026-10-01", func(c *store.Contract) { c.InAdvance = false })
	first := f.run("2026-11", false)
	if len(first.Invoices) != 2 || first.AlreadyBilled != 0 {
		t.Fatalf("first run %+v", first)
	}
	docs := f.count(`SELECT count(*) FROM documents`)
	for _, issue := range []bool{false, true} {
		again := f.run("2026-11", issue)
		if len(again.Invoices) != 0 || again.AlreadyBilled != 2 {
			t.Errorf("run again (issue %v): %+v", issue, again)
		}
	}
	if p := f.plan("2026-11"); len(p.Invoices) != 0 || p.AlreadyBilled != 2 {
		t.Errorf("plan after the run: %+v", p)
	}
	// Edited after the run: a new line, a price change from December, a start
	// moved into the month (b is not billed yet in its new terms: it stays).
	c := f.load(a.ID)
	c.Lines = append(c.Lines, store.ContractLine{Description: "追加保守", Quantity: storetest.Qty("1"), UnitPrice: 1000,
		TaxCategory: store.TaxStandard, Prices: []store.PriceChange{{From: storetest.Date("2026-11-01"), UnitPrice: 1000}}})
	c.BillingDay = 15
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := f.st.ChangePrice(f.ctx, a.ID, c.Lines[0].ID, storetest.Date("2026-12-01"), 40000); err != nil {
		t.Fatal(err)
	}
	if again := f.run("2026-11", true); len(again.Invoices) != 0 || again.AlreadyBilled != 2 {
		t.Errorf("run after editing: %+v", again)
	}
	if n := f.count(`SELECT count(*) FROM documents`); n != docs {
		t.Errorf("%d documents, want %d", n, docs)
	}
	// December bills the edited contract as it now is (on the 15th, after
	// b's invoice of the 1st).
	dec := f.plan("2026-12")
	if got := descriptions(dec); !slices.Equal(got, []string{"保守料 2026年11月分", "保守料 2026年12月分", "追加保守 2026年12月分"}) {
		t.Errorf("December: %q", got)
	}
	if dec.Invoices[1].Lines[0].UnitPrice != 40000 || dec.Invoices[1].IssueDate != storetest.Date("2026-12-15") {
		t.Errorf("December's invoice of %s: %+v", a.Number, dec.Invoices[1])
	}
	// Deleting the draft of a run frees its period; an issued one keeps it.
	if err := f.st.DeleteDraft(f.ctx, first.Invoices[0].ID); err != nil {
		t.Fatal(err)
	}
	redo := f.run("2026-11", true)
	if len(redo.Invoices) != 1 || redo.AlreadyBilled != 1 || redo.Invoices[0].Number != "I-2026-0001" {
		t.Errorf("after deleting a draft: %+v", redo)
	}
	if _, err := f.st.DB().Exec(`DELETE FROM contract_billings WHERE document_id = ?`, redo.Invoices[0].ID); err == nil {
		t.Errorf("the billing of an issued invoice was deleted")
	}
	_ = b
}

// The run is one transaction: when anything fails, nothing at all is
// written — no renewal, invoice, billing row, number or audit row.
func TestBillingRunAllOrNothing(t *testing.T) {
	type state struct {
		documents, billings, renewals, audit int
		counters, end                        string
	}
	snapshot := func(f *conFix, renewing int64) state {
		return state{f.count(`SELECT count(*) FROM documents`), f.count(`SELECT count(*) FROM contract_billings`),
			f.count(`SELECT count(*) FROM contract_renewals`), f.count(`SELECT count(*) FROM audit_log`),
			counters(t, f.st), store.FormatDate(f.load(renewing).End)}
	}
	t.Run("a failure while writing", func(t *testing.T) {
		for _, issue := range []bool{false, true} {
			f := newConFix(t)
			f.activeContract("2026-11-01")
			renewing := f.activeContract("2026-01-01", func(c *store.Contract) {
				c.End, c.AutoRenew, c.RenewalMonths = storetest.Date("2026-10-31"), true, 12
			})
			last := f.activeContract("2026-11-01", func(c *store.Contract) { c.CustomerID = f.en.ID })
			// The last contract's billing row fails, after the renewal and
			// the other invoices are written.
			if _, err := f.st.DB().Exec(fmt.Sprintf(`CREATE TRIGGER inject_failure BEFORE INSERT ON contract_billings
				WHEN NEW.contract_id = %d BEGIN SELECT RAISE(ABORT, 'injected failure'); END`, last.ID)); err != nil {
				t.Fatal(err)
			}
			before := snapshot(f, renewing.ID)
			if p := f.plan("2026-11"); len(p.Invoices) != 3 || !slices.Equal(p.Renewed, []string{renewing.Number}) {
				t.Fatalf("plan %+v", p)
			}
			_, err := f.st.RunBilling(f.ctx, ym("2026-11"), issue)
			var be *store.BillingError
			if !errors.As(err, &be) || be.Contract != last.Number || !strings.Contains(err.Error(), "injected failure") {
				t.Fatalf("issue %v: %v", issue, err)
			}
			if after := snapshot(f, renewing.ID); after != before {
				t.Errorf("issue %v: after the failed run %+v, before %+v", issue, after, before)
			}
			if _, err := f.st.DB().Exec(`DROP TRIGGER inject_failure`); err != nil {
				t.Fatal(err)
			}
			if res := f.run("2026-11", issue); len(res.Invoices) != 3 || len(res.Renewed) != 1 {
				t.Errorf("the run once the failure is gone: %+v", res)
			}
		}
	})
	t.Run("a tax category without a rate on the billing date", func(t *testing.T) {
		f := newConFix(t)
		f.activeContract("2019-09-01")
		bad := f.activeContract("2019-09-01", func(c *store.Contract) {
			c.CustomerID = f.en.ID
			c.Lines = append(c.Lines, store.ContractLine{Description: "Lunch", Quantity: storetest.Qty("1"), UnitPrice: 800,
				TaxCategory: store.TaxReduced})
		})
		before := snapshot(f, bad.ID)
		_, err := f.st.RunBilling(f.ctx, ym("2019-09"), true)
		var be *store.BillingError
		if !errors.As(err, &be) || be.Contract != bad.Number ||
			!slices.Equal(fieldErrors(err), []string{"lines.1.tax_category tax.no_rate"}) {
			t.Fatalf("got %v", err)
		}
		if _, err := f.st.PlanBilling(f.ctx, ym("2019-09")); !errors.As(err, &be) {
			t.Errorf("the plan: %v", err)
		}
		if after := snapshot(f, bad.ID); after != before {
			t.Errorf("after the failed run %+v, before %+v", after, before)
		}
	})
	t.Run("issuing without the company's registration number", func(t *testing.T) {
		f := newConFix(t)
		c := f.activeContract("2026-11-01")
		f.company.RegistrationNumber = ""
		if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
			t.Fatal(err)
		}
		before := snapshot(f, c.ID)
		_, err := f.st.RunBilling(f.ctx, ym("2026-11"), true)
		if got := fieldErrors(err); !slices.Equal(got, []string{"company.registration_number document.company_regno"}) {
			t.Errorf("got %v", err)
		}
		if after := snapshot(f, c.ID); after != before {
			t.Errorf("after the failed run %+v, before %+v", after, before)
		}
		if res := f.run("2026-11", false); len(res.Invoices) != 1 { // drafts need no registration number
			t.Errorf("drafts: %+v", res)
		}
	})
}

// With BillingCombine, one invoice per customer and billing date.
func TestBillingCombinePerCustomer(t *testing.T) {
	f := newConFix(t)
	f.company.BillingCombine = true
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	if co, _ := f.st.Company(f.ctx); !co.BillingCombine {
		t.Fatal("BillingCombine not stored")
	}
	a := f.activeContract("2026-11-01")
	b := f.activeContract("2026-10-01", func(c *store.Contract) {
		c.Title, c.InAdvance, c.PaymentMethod = "ライセンス", false, store.PayDirectDebit
		c.Lines[0].Description, c.Lines[0].UnitPrice = "ライセンス料", 5000
	})
	other := f.activeContract("2026-11-01", func(c *store.Contract) { c.CustomerID = f.en.ID; c.Lines[0].Description = "Support" })
	later := f.activeContract("2026-11-01", func(c *store.Contract) { c.BillingDay = 25; c.Lines[0].Description = "月末分" })
	plan := f.plan("2026-11")
	type inv struct {
		customer  string
		contracts []string
		issue     string
		total     store.Money
	}
	var got []inv
	for _, p := range plan.Invoices {
		got = append(got, inv{p.CustomerCode, p.Contracts, store.FormatDate(p.IssueDate), p.Totals.Total})
	}
	want := []inv{
		{"C0001", []string{a.Number, b.Number}, "2026-11-01", 38500},
		{"C0002", []string{other.Number}, "2026-11-01", 33000},
		{"C0001", []string{later.Number}, "2026-11-25", 33000},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("invoices\n got %+v\nwant %+v", got, want)
	}
	res := f.run("2026-11", true)
	if len(res.Invoices) != 3 {
		t.Fatalf("run %+v", res)
	}
	d, err := f.st.Document(f.ctx, res.Invoices[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	wantNotes := "契約番号: " + a.Number + ", " + b.Number + "\nお支払方法: " + a.Number + " 銀行振込, " + b.Number + " 口座振替"
	if d.Subject != "2026年11月ご請求分（ご契約2件）" || d.Notes != wantNotes || len(d.Lines) != 2 ||
		d.Lines[1].Description != "ライセンス料 2026年10月分" {
		t.Errorf("combined invoice: %q %q %+v", d.Subject, d.Notes, d.Lines)
	}
	if n := f.count(`SELECT count(*) FROM contract_billings WHERE document_id = ?`, d.ID); n != 2 {
		t.Errorf("%d billing rows on the combined invoice", n)
	}
}

// The invoices of a run are stored exactly as the documents screen stores
// the same invoices with SaveDraft and Issue: same rows, totals, numbers,
// snapshots and audit rows.
func TestBillingRunStoresWhatSaveDraftAndIssueStore(t *testing.T) {
	for _, issue := range []bool{false, true} {
		t.Run(fmt.Sprintf("issue=%v", issue), func(t *testing.T) {
			run, manual := newConFix(t), newConFix(t)
			mods := []func(*store.Contract){
				func(c *store.Contract) {
					c.Lines = append(c.Lines, store.ContractLine{ProductID: run.product.ID, Description: "オンサイト",
						Quantity: storetest.Qty("1.5"), Unit: "時間", UnitPrice: 8001, TaxCategory: store.TaxStandard})
				},
				func(c *store.Contract) {
					c.CustomerID, c.Start = run.en.ID, storetest.Date("2026-11-18")
					c.Lines = append(c.Lines, store.ContractLine{Description: "Lunch", Quantity: storetest.Qty("3"), UnitPrice: 1080,
						TaxCategory: store.TaxReduced}, store.ContractLine{Description: "Exempt fee", Quantity: storetest.Qty("1"),
						UnitPrice: 999, TaxCategory: store.TaxExempt})
				},
				func(c *store.Contract) { c.BillingDay, c.InAdvance = 31, false; c.Start = storetest.Date("2026-08-01") },
			}
			for _, m := range mods {
				run.activeContract("2026-11-01", m)
			}
			res := run.run("2026-11", issue)
			if len(res.Invoices) != len(mods) {
				t.Fatalf("run: %+v", res)
			}
			for i, ref := range res.Invoices {
				got, err := run.st.Document(run.ctx, ref.ID)
				if err != nil {
					t.Fatal(err)
				}
				d := store.Document{Kind: got.Kind, CustomerID: got.CustomerID, Subject: got.Subject, IssueDate: got.IssueDate,
					PriceMode: got.PriceMode, Notes: got.Notes}
				for _, l := range got.Lines {
					d.Lines = append(d.Lines, store.Line{ProductID: l.ProductID, Description: l.Description, Quantity: l.Quantity,
						Unit: l.Unit, UnitPrice: l.UnitPrice, TaxCategory: l.TaxCategory})
				}
				if err := manual.st.SaveDraft(manual.ctx, &d); err != nil {
					t.Fatal(err)
				}
				if issue {
					if _, err := manual.st.Issue(manual.ctx, d.ID, d.Version); err != nil {
						t.Fatal(err)
					}
				}
				want, err := manual.st.Document(manual.ctx, d.ID)
				if err != nil {
					t.Fatal(err)
				}
				compareDocuments(t, fmt.Sprintf("invoice %d", i+1), got, want)
				a, _ := run.st.AuditLog(run.ctx, "document", fmt.Sprint(got.ID))
				b, _ := manual.st.AuditLog(manual.ctx, "document", fmt.Sprint(want.ID))
				if !reflect.DeepEqual(a, b) {
					t.Errorf("invoice %d: audit rows differ:\nrun       %+v\nSaveDraft %+v", i+1, a, b)
				}
			}
			if a, b := strings.ReplaceAll(counters(t, run.st), "contract/2026=3 ", ""), counters(t, manual.st); a != b {
				t.Errorf("counters: run %s, SaveDraft+Issue %s", a, b)
			}
		})
	}
}
