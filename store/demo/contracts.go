package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"daicho/store"
)

// The demo's contracts (契約): the recurring work behind much of a small
// office's revenue, made through the store's API like everything else. The
// small demo has one of each kind the Contracts screen and the billing run
// must handle, as of Reference (2026-11-20):
//
//   - monthly maintenance for several customers, one of them in English,
//     one billed in arrears at the month's end, one with a price rise from
//     January 2027;
//   - a yearly licence and a quarterly cleaning contract;
//   - a contract starting mid-month (2026-12-14): December is pro-rated;
//   - one ending 2026-12-31 without automatic renewal, inside its 60-day
//     notice period: it is in the renewals list;
//   - one renewing itself, whose term ends 2026-11-30: December's billing run
//     renews it;
//   - one cancelled, with its reason;
//   - a draft, not numbered yet.
//
// None of them has been billed: `daicho bill --month 2026-12 --dry-run`
// shows what December's run would make.

// largeContracts is how many active contracts the large demo adds; tests
// lower it (see fewerLargeInvoices).
var largeContracts = 5_000

// contractLine is a line of qty of the product with that key, at its price.
func (f *filler) contractLine(key string, qty store.Quantity) store.ContractLine {
	p := f.products[key]
	return store.ContractLine{ProductID: p.ID, Description: p.Name, Quantity: qty, Unit: p.Unit,
		UnitPrice: p.UnitPrice, TaxCategory: p.TaxCategory}
}

// freeContractLine is a line without a product.
func freeContractLine(desc string, qty store.Quantity, unit string, price store.Money) store.ContractLine {
	return store.ContractLine{Description: desc, Quantity: qty, Unit: unit, UnitPrice: price,
		TaxCategory: store.TaxStandard}
}

// newContract is a monthly contract (the store's defaults: billed in advance
// on the 1st, pro-rated, by bank transfer) for sample customer i, looked
// after by the customer's person in charge.
func (f *filler) newContract(i int, title string, start time.Time, lines ...store.ContractLine) store.Contract {
	c := store.NewContract()
	c.CustomerID, c.Title, c.Start, c.Lines = f.customers[i].ID, title, start, lines
	c.PersonInCharge = f.customers[i].PersonInCharge
	return c
}

// demoBillFrom is the first month daicho bills the demo's contracts: the
// story invoiced their months up to October by hand (the monthly 保守
// invoices), so November's run, due on the reference date, is their first,
// and no earlier month is owed.
var demoBillFrom = store.DateOf(Reference.Year(), Reference.Month(), 1)

// activate saves c and puts it in force (it gets its number).
func (f *filler) activate(c store.Contract) (store.Contract, error) {
	if c.Start.Before(demoBillFrom) {
		c.BillFrom = demoBillFrom
	}
	if err := f.st.SaveContract(f.ctx, &c); err != nil {
		return c, fmt.Errorf("demo contract %q: %w", c.Title, err)
	}
	f.contracts++
	return f.st.ActivateContract(f.ctx, c.ID, c.Version)
}

// yearFrom is the end of a term of n months from start: the day before.
func yearFrom(start time.Time, months int) time.Time { return start.AddDate(0, months, -1) }

// contractSteps are the small demo's contracts as steps of the story, on the
// days they were agreed, changed or cancelled.
func contractSteps() []step {
	d := store.DateOf
	var maintenance, coffee store.Contract
	return []step{
		{d(2025, 9, 20), func(f *filler) error { // in arrears, on the month's last day, by direct debit
			c := f.newContract(3, "システム運用保守", d(2025, 10, 1), f.contractLine("support", one),
				f.contractLine("work", 2*one))
			c.InAdvance, c.BillingDay, c.PaymentMethod, c.NoticeDays = false, store.MonthEnd, store.PayDirectDebit, 90
			_, err := f.activate(c)
			return err
		}},
		{d(2025, 11, 20), func(f *filler) error { // renews itself: December's run extends it a year
			c := f.newContract(19, "在庫管理システム利用料", d(2025, 12, 1),
				freeContractLine("在庫管理システム 利用料（5ライセンス）", 5*one, "ライセンス", 4_000))
			c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays = d(2026, 11, 30), true, 12, 30
			_, err := f.activate(c)
			return err
		}},
		{d(2025, 11, 25), func(f *filler) error { // ends 2026-12-31 unless renewed: a decision is due
			c := f.newContract(16, "POSレジ保守", d(2025, 12, 1), freeContractLine("POSレジ保守（2台）", 2*one, "台", 6_500))
			c.End, c.RenewalMonths, c.NoticeDays, c.PaymentMethod = d(2026, 12, 31), 12, 60, store.PayCash
			_, err := f.activate(c)
			return err
		}},
		{d(2026, 3, 15), func(f *filler) error { // every three months
			c := f.newContract(23, "定期清掃（四半期）", d(2026, 4, 1), freeContractLine("事務所定期清掃", one, "回", 45_000))
			c.Cycle, c.CycleMonths = store.CycleEveryN, 3
			_, err := f.activate(c)
			return err
		}},
		{d(2026, 3, 20), func(f *filler) error { // yearly, decided each year
			c := f.newContract(10, "業務ソフト年間ライセンス", d(2026, 4, 1),
				freeContractLine("業務ソフト 年間ライセンス", 10*one, "ユーザー", 24_000))
			c.Cycle, c.End, c.RenewalMonths, c.NoticeDays = store.CycleYearly, d(2027, 3, 31), 12, 60
			_, err := f.activate(c)
			return err
		}},
		{d(2026, 3, 25), func(f *filler) (err error) { // renews itself; the price rises in January
			c := f.newContract(0, "ウェブサイト保守契約", d(2026, 4, 1), f.contractLine("support", one))
			c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays = d(2027, 3, 31), true, 12, 30
			maintenance, err = f.activate(c)
			return err
		}},
		{d(2026, 4, 20), func(f *filler) (err error) { // food at the reduced rate, cancelled in September
			c := f.newContract(27, "コーヒー豆 定期便", d(2026, 5, 1), f.contractLine("coffee", 3*one))
			coffee, err = f.activate(c)
			return err
		}},
		{d(2026, 5, 25), func(f *filler) error { // paid by card
			c := f.newContract(6, "クラウドホスティング", d(2026, 6, 1), f.contractLine("hosting", one))
			c.PaymentMethod = store.PayCard
			_, err := f.activate(c)
			return err
		}},
		{d(2026, 6, 20), func(f *filler) error { // a customer abroad: the invoices and the summary in English
			c := f.newContract(34, "Hosting and support", d(2026, 7, 1), f.contractLine("hosting", one),
				f.contractLine("consulting", 2*one))
			c.End, c.AutoRenew, c.RenewalMonths, c.NoticeDays, c.BillingDay = yearFrom(d(2026, 7, 1), 12), true, 12, 60, 25
			_, err := f.activate(c)
			return err
		}},
		{d(2026, 9, 15), func(f *filler) error {
			return f.st.CancelContract(f.ctx, coffee.ID, "店舗閉店のため解約（9月末まで）")
		}},
		{d(2026, 11, 10), func(f *filler) error {
			maintenance.Notes = "2027年1月分より保守料を改定（33,000円）"
			if err := f.st.SaveContract(f.ctx, &maintenance); err != nil {
				return err
			}
			return f.st.ChangePrice(f.ctx, maintenance.ID, maintenance.Lines[0].ID, d(2027, 1, 1), 33_000)
		}},
		{d(2026, 11, 16), func(f *filler) error { // starts mid-month: December's run pro-rates its first month
			c := f.newContract(13, "複合機保守", d(2026, 12, 14), freeContractLine("複合機保守（月額）", one, "月", 12_000))
			c.BillingDay = store.MonthEnd
			_, err := f.activate(c)
			return err
		}},
		{Reference, func(f *filler) error { // being written today
			c := f.newContract(20, "複合機レンタル", d(2026, 12, 1), freeContractLine("複合機レンタル（月額）", one, "月", 18_000),
				f.contractLine("toner", one))
			c.End, c.RenewalMonths, c.NoticeDays = yearFrom(d(2026, 12, 1), 36), 12, 90
			f.contracts++
			return f.st.SaveContract(f.ctx, &c)
		}},
	}
}

// addLargeContracts adds largeContracts active contracts for random
// customers still in business: mostly monthly maintenance or hosting, some
// quarterly or yearly, started over the last three years, some pro-rated
// from mid-month, half open-ended and the rest for one or two years, most of
// those renewing themselves, all still running on Reference (renewed so far,
// though the demo writes no renewal history for it). None is billed yet.
//
// The store saves and activates one contract per transaction (there is no
// batch path for contracts), so this is two transactions per contract.
func (f *filler) addLargeContracts() error {
	f.on(Reference)
	rng := rand.New(rand.NewPCG(2026, 6))
	active := slices.DeleteFunc(slices.Clone(f.customers), func(c store.Customer) bool { return c.Archived })
	for n := range largeContracts {
		c := f.largeContract(rng, active[rng.IntN(len(active))], n)
		if _, err := f.activate(c); err != nil {
			return err
		}
	}
	return nil
}

func (f *filler) largeContract(rng *rand.Rand, cu store.Customer, n int) store.Contract {
	c := store.NewContract()
	c.CustomerID, c.PersonInCharge = cu.ID, cu.PersonInCharge
	c.Start = largeFrom.AddDate(0, rng.IntN(36), 0) // the 1st of a month, Dec 2023 – Nov 2026
	if rng.IntN(5) == 0 {
		c.Start = c.Start.AddDate(0, 0, 1+rng.IntN(27)) // mid-month: pro-rated
	}
	switch r := rng.IntN(10); {
	case r < 5:
		c.Title, c.Lines = "保守サポート", []store.ContractLine{f.contractLine("support", one)}
	case r < 8:
		c.Title, c.Lines = "ホスティング", []store.ContractLine{f.contractLine("hosting", one)}
	default:
		c.Title, c.Lines = "保守・作業", []store.ContractLine{f.contractLine("support", one),
			f.contractLine("work", store.Quantity(1+rng.IntN(4))*one)}
	}
	if cu.Language == "en" {
		c.Title = "Support and hosting"
	}
	c.Title = fmt.Sprintf("%s #%d", c.Title, n+1)
	switch r := rng.IntN(10); {
	case r == 0:
		c.Cycle, c.CycleMonths = store.CycleEveryN, 3
	case r == 1:
		c.Cycle = store.CycleYearly
	}
	c.BillingDay = []int{1, 1, 25, store.MonthEnd}[rng.IntN(4)]
	c.InAdvance = rng.IntN(10) < 7
	c.PaymentMethod = store.ContractPaymentMethods[rng.IntN(len(store.ContractPaymentMethods))]
	if rng.IntN(2) == 0 {
		return c // open-ended
	}
	c.RenewalMonths, c.NoticeDays = 12, []int{30, 60, 90}[rng.IntN(3)]
	c.End = yearFrom(c.Start, 12*(1+rng.IntN(2)))
	c.AutoRenew = rng.IntN(4) != 0
	for c.End.Before(Reference) { // renewed so far, as it is still active
		c.End = yearFrom(c.End.AddDate(0, 0, 1), 12)
	}
	return c
}
