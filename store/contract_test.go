package store_test

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// conFix is a ledger ready for contracts: the company (April fiscal year,
// floor rounding, a registration number), a Japanese customer paying
// 20日締め翌月10日払い (next business day), an English-language customer
// paying at the end of the next month, and a product. The clock is
// fixedNow, 2026-11-20.
type conFix struct {
	t       *testing.T
	st      *store.Store
	ctx     context.Context
	company store.Company
	cust    store.Customer // C0001, ja, 20/1/10 next
	en      store.Customer // C0002, en, 31/1/31 next
	product store.Product  // P001 保守, 月, 30,000 (cost 10,000), standard
}

func newConFix(t *testing.T) *conFix {
	t.Helper()
	f := &conFix{t: t, st: newTestStore(t), ctx: t.Context()}
	f.company = validCompany()
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	storetest.Staff(t, f.st, testStaff...)
	f.cust = fullCustomer("C0001")
	f.cust.HolidayRule = store.HolidayNext
	f.en = validCustomer("C0002")
	f.en.Name, f.en.Kana, f.en.Language, f.en.Honorific = "Acme Ltd.", "", "en", ""
	for _, c := range []*store.Customer{&f.cust, &f.en} {
		if err := f.st.CreateCustomer(f.ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	f.product = store.Product{Code: "P001", Name: "保守", Unit: "月", UnitPrice: 30000, CostPrice: 10000,
		TaxCategory: store.TaxStandard}
	if err := f.st.SaveProduct(f.ctx, &f.product); err != nil {
		t.Fatal(err)
	}
	return f
}

// newContract is an unsaved monthly contract of C0001 from start: one line
// 保守料 1 × 30,000, billed in advance on the 1st, pro-rated; mods change it.
func (f *conFix) newContract(start string, mods ...func(*store.Contract)) store.Contract {
	c := store.NewContract()
	c.CustomerID, c.Title, c.Start = f.cust.ID, "サーバー保守", storetest.Date(start)
	c.PersonInCharge = "佐藤"
	c.Lines = []store.ContractLine{{Description: "保守料", Quantity: storetest.Qty("1"), Unit: "月", UnitPrice: 30000,
		TaxCategory: store.TaxStandard}}
	for _, m := range mods {
		m(&c)
	}
	return c
}

// draftContract saves a new draft.
func (f *conFix) draftContract(start string, mods ...func(*store.Contract)) store.Contract {
	f.t.Helper()
	c := f.newContract(start, mods...)
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		f.t.Fatal(err)
	}
	return c
}

// activeContract saves and activates a new contract.
func (f *conFix) activeContract(start string, mods ...func(*store.Contract)) store.Contract {
	f.t.Helper()
	c := f.draftContract(start, mods...)
	a, err := f.st.ActivateContract(f.ctx, c.ID, c.Version)
	if err != nil {
		f.t.Fatal(err)
	}
	return a
}

func (f *conFix) load(id int64) store.Contract {
	f.t.Helper()
	c, err := f.st.Contract(f.ctx, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return c
}

// ym reads a month "2026-12" as its first day.
func ym(s string) time.Time { return storetest.Date(s + "-01") }

func (f *conFix) plan(month string) store.BillingPlan {
	f.t.Helper()
	p, err := f.st.PlanBilling(f.ctx, ym(month))
	if err != nil {
		f.t.Fatal(err)
	}
	return p
}

func (f *conFix) run(month string, issue bool) store.BillingResult {
	f.t.Helper()
	r, err := f.st.RunBilling(f.ctx, ym(month), issue)
	if err != nil {
		f.t.Fatal(err)
	}
	return r
}

func (f *conFix) count(query string, args ...any) int {
	f.t.Helper()
	var n int
	if err := f.st.DB().QueryRow(query, args...).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// descriptions lists the line descriptions of planned invoices.
func descriptions(p store.BillingPlan) []string {
	var out []string
	for _, inv := range p.Invoices {
		for _, l := range inv.Lines {
			out = append(out, l.Description)
		}
	}
	return out
}

func TestContractValidate(t *testing.T) {
	f := newConFix(t)
	cases := []struct {
		name string
		mod  func(c *store.Contract)
		want []string
	}{
		{"valid", func(c *store.Contract) {}, nil},
		{"no customer, title or start", func(c *store.Contract) { c.CustomerID, c.Title, c.Start = 0, " ", time.Time{} },
			[]string{"customer required", "title required", "start required"}},
		{"end before start", func(c *store.Contract) { c.End = storetest.Date("2026-10-31") }, []string{"end contract.end_before_start"}},
		{"first billing month before the start month", func(c *store.Contract) { c.BillFrom = storetest.Date("2026-10-01") },
			[]string{"bill_from contract.bill_from_before_start"}},
		{"unknown cycle", func(c *store.Contract) { c.Cycle = "weekly" }, []string{"cycle choice"}},
		{"every n months out of range", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 1 },
			[]string{"cycle_months range"}},
		{"every 13 months", func(c *store.Contract) { c.Cycle, c.CycleMonths = store.CycleEveryN, 13 },
			[]string{"cycle_months range"}},
		{"billing day 29", func(c *store.Contract) { c.BillingDay = 29 }, []string{"billing_day day.range"}},
		{"billing day 0", func(c *store.Contract) { c.BillingDay = 0 }, []string{"billing_day day.range"}},
		{"payment method", func(c *store.Contract) { c.PaymentMethod = store.PayOther }, []string{"payment_method choice"}},
		{"auto-renewal without an end", func(c *store.Contract) { c.AutoRenew, c.RenewalMonths = true, 12 },
			[]string{"end contract.renew_needs_end"}},
		{"auto-renewal without a term", func(c *store.Contract) { c.AutoRenew, c.End = true, storetest.Date("2027-10-31") },
			[]string{"renewal_months contract.renew_needs_term"}},
		{"one-off auto-renewal", func(c *store.Contract) {
			c.Cycle, c.AutoRenew, c.End, c.RenewalMonths = store.CycleOneOff, true, storetest.Date("2027-10-31"), 12
		}, []string{"auto_renew contract.one_off_renewal"}},
		{"notice days", func(c *store.Contract) { c.NoticeDays = 400 }, []string{"notice_days range"}},
		{"line problems", func(c *store.Contract) {
			c.Lines = append(c.Lines,
				store.ContractLine{Description: strings.Repeat("長", 121), Quantity: 0, TaxCategory: "luxury"},
				store.ContractLine{Description: "x", Quantity: storetest.Qty("1000000"), UnitPrice: 1 << 62})
		}, []string{"lines.1.description too_long", "lines.1.tax_category choice", "lines.1.quantity contract.quantity_positive",
			"lines.2.unit_price money.overflow"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := f.newContract("2026-11-01", tc.mod)
			if got := fieldErrors(c.Validate()); !slices.Equal(got, tc.want) {
				t.Errorf("Validate() = %q, want %q", got, tc.want)
			}
		})
	}
	// Normalising: the cycle decides the months; the payment method defaults.
	c := f.newContract("2026-11-01", func(c *store.Contract) { c.Cycle, c.CycleMonths, c.PaymentMethod = store.CycleYearly, 3, "" })
	if err := c.Validate(); err != nil || c.CycleMonths != 12 || c.PaymentMethod != store.PayBankTransfer {
		t.Errorf("yearly: %v, %d months, %q", err, c.CycleMonths, c.PaymentMethod)
	}
}

func TestSaveContractStoresAndLoads(t *testing.T) {
	f := newConFix(t)
	c := f.newContract("2026-12-01", func(c *store.Contract) {
		c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays = storetest.Date("2027-11-30"), true, 12, 60
		c.Cycle, c.CycleMonths, c.BillingDay, c.InAdvance, c.ProRate = store.CycleEveryN, 3, 31, false, false
		c.PaymentMethod, c.Notes = store.PayDirectDebit, "毎月末に口座振替"
		c.Lines = append(c.Lines, store.ContractLine{ProductID: f.product.ID, Description: "  オンサイト対応  ", Quantity: storetest.Qty("2.5"),
			Unit: "時間", UnitPrice: 8000, TaxCategory: store.TaxStandard})
	})
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Version != 1 || c.Status != store.ContractDraft || c.Number != "" || c.CustomerCode != "C0001" {
		t.Fatalf("saved: ID %d, version %d, status %q, number %q, customer %q", c.ID, c.Version, c.Status, c.Number, c.CustomerCode)
	}
	got := f.load(c.ID)
	if !reflect.DeepEqual(got, c) {
		t.Errorf("loaded\n%+v\nwant what SaveContract returned\n%+v", got, c)
	}
	l := got.Lines[1]
	if l.Description != "オンサイト対応" || l.ProductCode != "P001" || l.UnitPrice != 8000 ||
		!reflect.DeepEqual(l.Prices, []store.PriceChange{{From: storetest.Date("2026-12-01"), UnitPrice: 8000}}) {
		t.Errorf("line 2: %+v", l)
	}
	if a := auditRows(t, f.st); a[len(a)-1].Action != "create" || a[len(a)-1].Entity != "contract" {
		t.Errorf("last audit row %+v", a[len(a)-1])
	}
	// A stale copy is refused.
	stale := c
	c.Title = "サーバー保守（改）"
	if err := f.st.SaveContract(f.ctx, &c); err != nil || c.Version != 2 {
		t.Fatalf("update: %v, version %d", err, c.Version)
	}
	if err := f.st.SaveContract(f.ctx, &stale); storeError(t, err, store.CodeConflict).Reason != "changed_by" {
		t.Errorf("stale save: %v", err)
	}
	// A failed save leaves the caller's contract alone.
	bad := f.load(c.ID)
	bad.Lines[0].Description = ""
	before := fmt.Sprintf("%+v", bad)
	if err := f.st.SaveContract(f.ctx, &bad); err == nil || fmt.Sprintf("%+v", bad) != before {
		t.Errorf("failed save: %v, contract changed to %+v", err, bad)
	}
}

func TestActivateContractNumbers(t *testing.T) {
	f := newConFix(t)
	empty := f.draftContract("2026-11-01", func(c *store.Contract) { c.Lines = nil })
	_, err := f.st.ActivateContract(f.ctx, empty.ID, empty.Version)
	if got := fieldErrors(err); !slices.Equal(got, []string{"lines contract.no_lines"}) {
		t.Errorf("activating a contract without lines: %q", got)
	}
	noTax := f.draftContract("2026-11-01", func(c *store.Contract) { c.Lines[0].TaxCategory = "" })
	_, err = f.st.ActivateContract(f.ctx, noTax.ID, 0)
	if got := fieldErrors(err); !slices.Equal(got, []string{"lines.0.tax_category document.line_no_tax"}) {
		t.Errorf("activating a line without a tax category: %q", got)
	}
	// The number is from the start date's fiscal year (April): 2027-03-31 is
	// in fiscal 2026, 2027-04-01 in 2027.
	var numbers []string
	for _, start := range []string{"2026-11-01", "2027-03-31", "2027-04-01", "2025-04-01"} {
		numbers = append(numbers, f.activeContract(start).Number)
	}
	want := []string{"K-2026-0001", "K-2026-0002", "K-2027-0001", "K-2025-0001"}
	if !slices.Equal(numbers, want) {
		t.Errorf("numbers %q, want %q", numbers, want)
	}
	d := f.draftContract("2026-11-01")
	if _, err := f.st.ActivateContract(f.ctx, d.ID, d.Version+1); storeError(t, err, store.CodeConflict).Reason != "changed_by" {
		t.Errorf("stale activation: %v", err)
	}
	a, err := f.st.ActivateContract(f.ctx, d.ID, d.Version)
	if err != nil || a.Status != store.ContractActive || a.Number != "K-2026-0003" || a.Version != d.Version+1 {
		t.Fatalf("activate: %v %+v", err, a)
	}
	if _, err := f.st.ActivateContract(f.ctx, d.ID, 0); storeError(t, err, store.CodeConflict).Reason != "contract.not_draft" {
		t.Errorf("activating twice: %v", err)
	}
	byNumber, err := f.st.ContractByNumber(f.ctx, "ｋ-2026-0003")
	if err != nil || byNumber.ID != d.ID {
		t.Errorf("ContractByNumber: %v %d", err, byNumber.ID)
	}
	if _, err := f.st.ContractByNumber(f.ctx, "K-2099-0001"); storeError(t, err, store.CodeNotFound).Reason != "contract.not_found" {
		t.Errorf("unknown number: %v", err)
	}
	// Document numbers are untouched by contract numbers.
	if n := f.count(`SELECT count(*) FROM counters WHERE kind <> 'contract'`); n != 0 {
		t.Errorf("%d other counters", n)
	}
}

func TestSaveActiveContract(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-10-01")
	// A changed unit price is refused: prices change from a date.
	edit := c
	edit.Lines = slices.Clone(c.Lines)
	edit.Lines[0].UnitPrice = 33000
	if got := fieldErrors(f.st.SaveContract(f.ctx, &edit)); !slices.Equal(got, []string{"lines.0.unit_price contract.price_use_change"}) {
		t.Errorf("changed price on an active contract: %q", got)
	}
	// Another customer is refused; a line without tax category too.
	edit = f.load(c.ID)
	edit.CustomerID = f.en.ID
	edit.Lines[0].TaxCategory = ""
	if got := fieldErrors(f.st.SaveContract(f.ctx, &edit)); !slices.Equal(got,
		[]string{"customer contract.customer_fixed", "lines.0.tax_category document.line_no_tax"}) {
		t.Errorf("another customer: %q", got)
	}
	// A new line on an active contract is priced from today (2026-11-20):
	// the November period, billed from 11-01, leaves it out.
	edit = f.load(c.ID)
	edit.Lines[0].Description = "保守料（標準）"
	edit.Lines = append(edit.Lines, store.ContractLine{Description: "バックアップ", Quantity: storetest.Qty("1"), UnitPrice: 5000,
		TaxCategory: store.TaxStandard})
	if err := f.st.SaveContract(f.ctx, &edit); err != nil {
		t.Fatal(err)
	}
	if p := edit.Lines[1].Prices; !reflect.DeepEqual(p, []store.PriceChange{{From: storetest.Date("2026-11-20"), UnitPrice: 5000}}) {
		t.Errorf("new line's prices %+v", p)
	}
	if got := descriptions(f.plan("2026-11")); !slices.Equal(got, []string{"保守料（標準） 2026年11月分"}) {
		t.Errorf("November: %q", got)
	}
	if got := descriptions(f.plan("2026-12")); !slices.Equal(got, []string{"保守料（標準） 2026年12月分", "バックアップ 2026年12月分"}) {
		t.Errorf("December: %q", got)
	}
	// Once billed, the start, cycle and in advance/arrears stay.
	f.run("2026-11", false)
	edit = f.load(edit.ID)
	edit.Start, edit.Cycle, edit.InAdvance = storetest.Date("2026-09-01"), store.CycleYearly, false
	if got := fieldErrors(f.st.SaveContract(f.ctx, &edit)); !slices.Equal(got,
		[]string{"start contract.terms_billed", "cycle contract.terms_billed", "in_advance contract.terms_billed"}) {
		t.Errorf("billed terms: %q", got)
	}
	// Removing a line keeps the other's history.
	edit = f.load(edit.ID)
	edit.Lines = edit.Lines[1:]
	edit.End = storetest.Date("2027-09-30")
	if err := f.st.SaveContract(f.ctx, &edit); err != nil {
		t.Fatal(err)
	}
	if len(edit.Lines) != 1 || edit.Lines[0].Description != "バックアップ" || edit.Lines[0].Prices[0].From != storetest.Date("2026-11-20") {
		t.Errorf("after removing a line: %+v", edit.Lines)
	}
	if n := f.count(`SELECT count(*) FROM contract_prices`); n != 1 {
		t.Errorf("%d price rows left", n)
	}
	// Ended or cancelled contracts are not edited.
	if err := f.st.CancelContract(f.ctx, c.ID, "倒産"); err != nil {
		t.Fatal(err)
	}
	edit = f.load(c.ID)
	if err := f.st.SaveContract(f.ctx, &edit); storeError(t, err, store.CodeConflict).Reason != "contract.not_editable" {
		t.Errorf("editing a cancelled contract: %v", err)
	}
}

// On a draft the unit price is edited in place; moving the start moves the
// first price with it.
func TestSaveDraftContractPrices(t *testing.T) {
	f := newConFix(t)
	c := f.draftContract("2026-12-01")
	if err := f.st.ChangePrice(f.ctx, c.ID, c.Lines[0].ID, storetest.Date("2027-04-01"), 33000); err != nil {
		t.Fatal(err)
	}
	c = f.load(c.ID)
	if c.Lines[0].UnitPrice != 30000 { // today is before the start: the first price shows
		t.Errorf("UnitPrice %d", c.Lines[0].UnitPrice)
	}
	c.Lines[0].UnitPrice = 31000
	c.Start = storetest.Date("2026-11-15")
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	want := []store.PriceChange{{From: storetest.Date("2026-11-15"), UnitPrice: 31000}, {From: storetest.Date("2027-04-01"), UnitPrice: 33000}}
	if !reflect.DeepEqual(c.Lines[0].Prices, want) {
		t.Errorf("prices %+v, want %+v", c.Lines[0].Prices, want)
	}
	// A start moved past a change folds it in.
	c.Start = storetest.Date("2027-05-01")
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	want = []store.PriceChange{{From: storetest.Date("2027-05-01"), UnitPrice: 33000}}
	if !reflect.DeepEqual(c.Lines[0].Prices, want) || c.Lines[0].UnitPrice != 33000 {
		t.Errorf("prices %+v (%d), want %+v", c.Lines[0].Prices, c.Lines[0].UnitPrice, want)
	}
	// A new line may bring its own history.
	c.Lines = append(c.Lines, store.ContractLine{Description: "ライセンス", Quantity: storetest.Qty("3"), TaxCategory: store.TaxStandard,
		Prices: []store.PriceChange{{From: storetest.Date("2028-01-01"), UnitPrice: 1200}, {UnitPrice: 1000}}})
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		t.Fatal(err)
	}
	want = []store.PriceChange{{From: storetest.Date("2027-05-01"), UnitPrice: 1000}, {From: storetest.Date("2028-01-01"), UnitPrice: 1200}}
	if !reflect.DeepEqual(c.Lines[1].Prices, want) || c.Lines[1].UnitPrice != 1000 {
		t.Errorf("new line's prices %+v (%d), want %+v", c.Lines[1].Prices, c.Lines[1].UnitPrice, want)
	}
}

func TestChangePrice(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-10-01")
	line := c.Lines[0].ID
	if err := f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2026-09-30"), 1); fieldErrors(err)[0] != "from contract.price_before_start" {
		t.Errorf("before the start: %v", err)
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, 999, storetest.Date("2027-01-01"), 1); storeError(t, err, store.CodeNotFound).Reason != "contract.line_not_found" {
		t.Errorf("unknown line: %v", err)
	}
	f.run("2026-11", true) // November billed
	e := storeError(t, f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2026-11-15"), 32000), store.CodeInvalid)
	if e.Reason != "contract.price_change_billed" || !reflect.DeepEqual(e.Args, []any{"2026-11-30", "2026-12-01"}) {
		t.Errorf("within a billed period: %+v", e)
	}
	// A change in the middle of a period applies from the next one.
	if err := f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2026-12-15"), 32000); err != nil {
		t.Fatal(err)
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2027-02-01"), 34000); err != nil {
		t.Fatal(err)
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2027-02-01"), 35000); err != nil { // replaces
		t.Fatal(err)
	}
	// The price already in force on that day is no change (and no history line).
	if err := f.st.ChangePrice(f.ctx, c.ID, line, storetest.Date("2027-03-01"), 35000); fieldErrors(err)[0] != "unit_price contract.price_unchanged" {
		t.Errorf("the same price: %v", err)
	}
	c = f.load(c.ID)
	want := []store.PriceChange{{From: storetest.Date("2026-10-01"), UnitPrice: 30000}, {From: storetest.Date("2026-12-15"), UnitPrice: 32000},
		{From: storetest.Date("2027-02-01"), UnitPrice: 35000}}
	if !reflect.DeepEqual(c.Lines[0].Prices, want) || c.Lines[0].UnitPrice != 30000 || c.Version != 5 {
		t.Errorf("prices %+v, today %d, version %d", c.Lines[0].Prices, c.Lines[0].UnitPrice, c.Version)
	}
	for month, price := range map[string]store.Money{"2026-12": 30000, "2027-01": 32000, "2027-02": 35000} {
		if p := f.plan(month); len(p.Invoices) != 1 || p.Invoices[0].Lines[0].UnitPrice != price {
			t.Errorf("%s: %+v, want unit price %d", month, p.Invoices, price)
		}
	}
	log, err := f.st.AuditLog(f.ctx, "contract", fmt.Sprint(c.ID))
	if err != nil {
		t.Fatal(err)
	}
	var changes int
	for _, a := range log {
		if a.Action == "price_change" {
			changes++
		}
	}
	if changes != 3 {
		t.Errorf("%d price_change audit rows, want 3", changes)
	}
}

// The date a price change is offered from: the start while nothing is billed,
// then the day after the last billed period; ChangePrice takes that date.
func TestPriceChangeFrom(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-10-15")
	from := func() time.Time {
		t.Helper()
		d, err := f.st.PriceChangeFrom(f.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	if d := from(); !d.Equal(storetest.Date("2026-10-15")) {
		t.Errorf("unbilled: %s, want the start", store.FormatDate(d))
	}
	f.run("2026-11", true)
	if d := from(); !d.Equal(storetest.Date("2026-12-01")) {
		t.Errorf("billed through November: %s", store.FormatDate(d))
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, c.Lines[0].ID, from(), 33000); err != nil {
		t.Errorf("the offered date is refused: %v", err)
	}
	if err := f.st.ChangePrice(f.ctx, c.ID, c.Lines[0].ID, from().AddDate(0, 0, -1), 33000); err == nil {
		t.Error("the day before the offered date is taken")
	}
	if _, err := f.st.PriceChangeFrom(f.ctx, 999); storeError(t, err, store.CodeNotFound).Reason != "contract.not_found" {
		t.Errorf("unknown contract: %v", err)
	}
}

func TestEndAndCancelContract(t *testing.T) {
	f := newConFix(t)
	c := f.activeContract("2026-10-01", func(c *store.Contract) {
		c.End, c.AutoRenew, c.RenewalMonths = storetest.Date("2027-09-30"), true, 12
	})
	if got := fieldErrors(f.st.EndContract(f.ctx, c.ID, time.Time{}, " ")); !slices.Equal(got, []string{"reason required", "end required"}) {
		t.Errorf("no reason, no date: %q", got)
	}
	if err := f.st.EndContract(f.ctx, c.ID, storetest.Date("2026-09-30"), "解約"); fieldErrors(err)[0] != "end contract.end_before_start" {
		t.Errorf("before the start: %v", err)
	}
	if err := f.st.EndContract(f.ctx, c.ID, storetest.Date("2027-01-15"), "お客様のご都合で解約"); err != nil {
		t.Fatal(err)
	}
	got := f.load(c.ID)
	if got.Status != store.ContractEnded || got.End != storetest.Date("2027-01-15") || got.AutoRenew || got.CancelReason != "お客様のご都合で解約" {
		t.Errorf("ended: %+v", got)
	}
	// An ended contract is billed up to its end and no further.
	if got := descriptions(f.plan("2027-01")); !slices.Equal(got, []string{"保守料 2027年1月分 (1/1〜1/15 15日分)"}) {
		t.Errorf("January: %q", got)
	}
	if p := f.plan("2027-02"); len(p.Invoices) != 0 {
		t.Errorf("February: %+v", p.Invoices)
	}
	if err := f.st.EndContract(f.ctx, c.ID, storetest.Date("2027-01-31"), "again"); storeError(t, err, store.CodeConflict).Reason != "contract.not_active" {
		t.Errorf("ending twice: %v", err)
	}
	if err := f.st.CancelContract(f.ctx, c.ID, ""); fieldErrors(err)[0] != "reason required" {
		t.Errorf("cancel without a reason: %v", err)
	}
	if err := f.st.CancelContract(f.ctx, c.ID, "契約違反"); err != nil {
		t.Fatal(err)
	}
	if p := f.plan("2027-01"); len(p.Invoices) != 0 {
		t.Errorf("a cancelled contract is billed: %+v", p.Invoices)
	}
	if err := f.st.CancelContract(f.ctx, c.ID, "again"); storeError(t, err, store.CodeConflict).Reason != "contract.already_cancelled" {
		t.Errorf("cancelling twice: %v", err)
	}
	// A draft can be cancelled (it never had a number).
	d := f.draftContract("2026-12-01")
	if err := f.st.CancelContract(f.ctx, d.ID, "失注"); err != nil {
		t.Fatal(err)
	}
	if got := f.load(d.ID); got.Status != store.ContractCancelled || got.Number != "" {
		t.Errorf("cancelled draft: %+v", got)
	}
	var actions []string
	for _, a := range auditRows(t, f.st) {
		if a.Entity == "contract" && a.EntityID == fmt.Sprint(c.ID) {
			actions = append(actions, a.Action)
		}
	}
	if want := []string{"create", "activate", "end", "cancel"}; !slices.Equal(actions, want) {
		t.Errorf("audit actions %q, want %q", actions, want)
	}
}

func TestContractSummaries(t *testing.T) {
	f := newConFix(t)
	monthly := f.activeContract("2026-10-01", func(c *store.Contract) {
		c.Lines = append(c.Lines, store.ContractLine{Description: "監視", Quantity: storetest.Qty("2"), UnitPrice: 2500, TaxCategory: store.TaxStandard})
	})
	quarterly := f.activeContract("2026-12-01", func(c *store.Contract) {
		c.CustomerID, c.Title, c.PersonInCharge = f.en.ID, "Hosting", "Kato"
		c.Cycle, c.CycleMonths, c.InAdvance, c.BillingDay = store.CycleEveryN, 3, false, 31
		c.End = storetest.Date("2027-05-31")
	})
	oneOff := f.activeContract("2026-12-10", func(c *store.Contract) { c.Cycle, c.Title = store.CycleOneOff, "初期設定" })
	draft := f.draftContract("2027-01-01")
	f.run("2026-11", false)

	list, err := f.st.ContractSummaries(f.ctx, store.ContractFilter{Today: storetest.Date("2026-11-20")})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		id          int64
		next        string
		monthly     store.Money
		endsIn      int
		status, num string
	}
	var got []row
	for _, s := range list {
		got = append(got, row{s.ID, store.FormatDate(s.NextBilling), s.MonthlyValue, s.EndsInDays, s.Status, s.Number})
	}
	want := []row{
		{draft.ID, "2027-01-01", 30000, -1, "draft", ""},
		{monthly.ID, "2026-12-01", 35000, -1, "active", "K-2026-0001"}, // November is billed
		{quarterly.ID, "2027-03-31", 10000, 192, "active", "K-2026-0002"},
		{oneOff.ID, "2026-12-01", 0, -1, "active", "K-2026-0003"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("summaries\n got %+v\nwant %+v", got, want)
	}
	for _, tc := range []struct {
		f    store.ContractFilter
		want []int64
	}{
		{store.ContractFilter{Status: store.ContractDraft}, []int64{draft.ID}},
		{store.ContractFilter{PersonInCharge: "Kato"}, []int64{quarterly.ID}},
		{store.ContractFilter{CustomerID: f.cust.ID, Status: store.ContractActive}, []int64{monthly.ID, oneOff.ID}},
	} {
		list, err := f.st.ContractSummaries(f.ctx, tc.f)
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, s := range list {
			ids = append(ids, s.ID)
		}
		if !slices.Equal(ids, tc.want) {
			t.Errorf("%+v: %v, want %v", tc.f, ids, tc.want)
		}
	}
	// An auto-renewing contract's next billing counts the renewal; another
	// one's stops at its end.
	for _, auto := range []bool{true, false} {
		c := f.activeContract("2025-12-01", func(c *store.Contract) {
			c.End, c.AutoRenew, c.RenewalMonths, c.Title = storetest.Date("2026-11-30"), auto, 12, fmt.Sprint("auto ", auto)
		})
		f.run("2026-11", false) // November billed
		list, err := f.st.ContractSummaries(f.ctx, store.ContractFilter{Today: storetest.Date("2026-11-20")})
		if err != nil {
			t.Fatal(err)
		}
		want := map[bool]string{true: "2026-12-01", false: ""}[auto]
		for _, s := range list {
			if s.ID == c.ID && (store.FormatDate(s.NextBilling) != want || s.EndsInDays != 10 || s.AutoRenew != auto) {
				t.Errorf("auto %v: next %s, ends in %d", auto, store.FormatDate(s.NextBilling), s.EndsInDays)
			}
		}
	}
	// Past its end an ended contract ends in 0 days and has nothing to bill.
	if err := f.st.EndContract(f.ctx, quarterly.ID, storetest.Date("2027-02-28"), "終了"); err != nil {
		t.Fatal(err)
	}
	list, _ = f.st.ContractSummaries(f.ctx, store.ContractFilter{Status: store.ContractEnded, Today: storetest.Date("2027-04-10")})
	if len(list) != 1 || list[0].EndsInDays != 0 || !list[0].NextBilling.IsZero() {
		t.Errorf("ended: %+v", list)
	}
}

// A batch of contracts is stored all or nothing, each as SaveContract and
// ActivateContract store it.
func TestCreateContracts(t *testing.T) {
	batch, single := newConFix(t), newConFix(t)
	make3 := func(f *conFix) []store.Contract {
		return []store.Contract{
			f.newContract("2026-11-01"),
			f.newContract("2026-12-18", func(c *store.Contract) {
				c.CustomerID, c.Cycle = f.en.ID, store.CycleYearly
				c.Lines = append(c.Lines, store.ContractLine{ProductID: f.product.ID, Description: "Licence", Quantity: storetest.Qty("2"),
					UnitPrice: 1200, TaxCategory: store.TaxStandard})
			}),
			f.newContract("2027-04-01", func(c *store.Contract) { c.End, c.AutoRenew, c.RenewalMonths = storetest.Date("2028-03-31"), true, 12 }),
		}
	}
	bad := make3(batch)
	bad[1].Title = ""
	bad[2].Lines[0].TaxCategory = ""
	err := batch.st.CreateContracts(batch.ctx, bad, true)
	if got := batchProblems(t, err); !slices.Equal(got, []string{"2 title required", "3 lines.0.tax_category document.line_no_tax"}) {
		t.Errorf("problems %q", got)
	}
	if n := batch.count(`SELECT count(*) FROM contracts`); n != 0 || bad[0].ID != 0 {
		t.Errorf("%d contracts after a bad batch (first ID %d)", n, bad[0].ID)
	}
	cs := make3(batch)
	if err := batch.st.CreateContracts(batch.ctx, cs, true); err != nil {
		t.Fatal(err)
	}
	for i, c := range make3(single) {
		if err := single.st.SaveContract(single.ctx, &c); err != nil {
			t.Fatal(err)
		}
		want, err := single.st.ActivateContract(single.ctx, c.ID, c.Version)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(cs[i], want) {
			t.Errorf("contract %d:\nbatch %+v\nwant  %+v", i+1, cs[i], want)
		}
		if stored := single.load(want.ID); !reflect.DeepEqual(stored, want) {
			t.Errorf("contract %d: ActivateContract returned\n%+v\nloaded\n%+v", i+1, want, stored)
		}
		a, _ := batch.st.AuditLog(batch.ctx, "contract", fmt.Sprint(cs[i].ID))
		b, _ := single.st.AuditLog(single.ctx, "contract", fmt.Sprint(want.ID))
		if !reflect.DeepEqual(a, b) {
			t.Errorf("contract %d: audit rows differ:\nbatch %+v\nwant  %+v", i+1, a, b)
		}
	}
	if cs[0].Number != "K-2026-0001" || cs[2].Number != "K-2027-0001" {
		t.Errorf("numbers %s %s %s", cs[0].Number, cs[1].Number, cs[2].Number)
	}
	drafts := make3(batch)
	if err := batch.st.CreateContracts(batch.ctx, drafts, false); err != nil || drafts[0].Status != store.ContractDraft || drafts[0].Number != "" {
		t.Errorf("drafts: %v %+v", err, drafts[0])
	}
}
