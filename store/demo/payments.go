package demo

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"daicho/store"
)

// The demo's money. The small story's invoices due by Reference are paid on
// their due date, most of them by bank transfer through a bank line that was
// imported and matched (so the payer names are learned, and the demo bank
// files match themselves), with these exceptions:
//
//   - left unpaid, so overdue on Reference in every aging bucket: こだま企画's
//     September invoice (28 days), 東海システム's September one (18 days),
//     青葉商事's closing invoice of 09-15 (21 days), Blue Harbor's August
//     (51) and September (20) ones, 瀬戸内水産's June one (102 days) and
//     くすのき保育サービス's June one (81 days);
//   - partly paid: 山田 太郎 sent ¥10,000 of his invoice (overdue for the rest);
//   - overpaid: 松本商店 sent ¥40,000 for ¥33,000: ¥7,000 of unapplied credit;
//   - a transfer fee deducted: 東海システム's large August invoice came ¥880
//     short and was closed as a transfer fee;
//   - paid in cash: ひかりデザイン's June invoice;
//   - ミドリ電機's invoices are paid by its parent, ﾐﾄﾞﾘﾎｰﾙﾃﾞｨﾝｸﾞｽ(ｶ, which
//     the matches taught daicho.

// storyRef names a story invoice by its customer (sample index) and issue date.
type storyRef struct {
	sample int
	issued time.Time
}

var (
	unpaidStory = []storyRef{{13, store.DateOf(2026, 9, 30)}, {3, store.DateOf(2026, 9, 30)}, {1, store.DateOf(2026, 9, 15)},
		{35, store.DateOf(2026, 8, 31)}, {35, store.DateOf(2026, 9, 30)}, {19, store.DateOf(2026, 6, 30)},
		{27, store.DateOf(2026, 6, 30)}}
	partlyPaid = storyRef{30, store.DateOf(2026, 10, 1)}
	overpaid   = storyRef{16, store.DateOf(2026, 9, 30)}
	feeShort   = storyRef{3, store.DateOf(2026, 8, 31)} // the large one of the two that day
	paidInCash = storyRef{6, store.DateOf(2026, 6, 30)}
	// parentPays: the sample whose invoices another company pays, and its name at the bank.
	parentPays = map[int]string{10: "ﾐﾄﾞﾘﾎｰﾙﾃﾞｨﾝｸﾞｽ(ｶ"}
)

// payer is how the bank names the payer of sample i's invoices.
func (f *filler) payer(i int) string {
	if p, ok := parentPays[i]; ok {
		return store.WidenKana(p)
	}
	// The parsers widen half-width kana (bank.Deposit.PayerName): so do we.
	return store.WidenKana(BankPayer(f.customers[i]))
}

// storyPayment is one payment of the story.
type storyPayment struct {
	sample int
	inv    store.InvoiceBalance
}

// payStory records the payments of the story's invoices (those with an id
// above f.storyFrom), in due-date order, each on its day.
func (f *filler) payStory() error {
	open, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{OpenOnly: true})
	if err != nil {
		return err
	}
	sample := map[int64]int{}
	for i := range samples {
		sample[f.customers[i].ID] = i
	}
	var due []storyPayment
	for _, b := range open {
		i, ok := sample[b.CustomerID]
		if ok && b.InvoiceID > f.storyFrom && !b.DueDate.After(Reference) && !slices.Contains(unpaidStory, storyRef{i, b.IssueDate}) {
			due = append(due, storyPayment{i, b})
		}
	}
	slices.SortStableFunc(due, func(a, b storyPayment) int {
		return cmp.Or(a.inv.DueDate.Compare(b.inv.DueDate), cmp.Compare(a.inv.InvoiceID, b.inv.InvoiceID))
	})
	for _, p := range due {
		if err := f.pay(p); err != nil {
			return fmt.Errorf("demo: paying %s: %w", p.inv.Number, err)
		}
	}
	return nil
}

// pay records one story payment on the invoice's due date.
func (f *filler) pay(p storyPayment) error {
	f.on(p.inv.DueDate)
	ref := storyRef{p.sample, p.inv.IssueDate}
	switch ref {
	case partlyPaid:
		pay := store.Payment{CustomerID: p.inv.CustomerID, Date: p.inv.DueDate, Amount: 10_000,
			Method: store.PayBankTransfer, PayerName: f.payer(p.sample), Memo: "一部入金"}
		if err := f.st.RecordPayment(f.ctx, &pay); err != nil {
			return err
		}
		return f.st.Allocate(f.ctx, pay.ID, p.inv.InvoiceID, pay.Amount)
	case paidInCash:
		pay := store.Payment{CustomerID: p.inv.CustomerID, Date: p.inv.DueDate, Amount: p.inv.Open,
			Method: store.PayCash, Memo: "来社時に現金で受領"}
		if err := f.st.RecordPayment(f.ctx, &pay); err != nil {
			return err
		}
		_, err := f.st.AutoAllocate(f.ctx, pay.ID)
		return err
	}
	amount, closeFee := p.inv.Open, false
	switch {
	case ref == overpaid:
		amount = 40_000
	case ref == feeShort && p.inv.Total > 100_000: // the system work, not that day's monthly invoice
		amount, closeFee = p.inv.Open-880, true
	}
	line := store.BankLine{Account: MainAccount, Date: p.inv.DueDate, Amount: amount, PayerName: f.payer(p.sample)}
	res, err := f.st.ImportBankLines(f.ctx, fmt.Sprintf("zengin_%s.txt", p.inv.DueDate.Format("20060102")), []store.BankLine{line})
	if err != nil {
		return err
	}
	if len(res.Added) != 1 {
		return fmt.Errorf("demo: the deposit of %s on %s was imported before", p.inv.Number, store.FormatDate(line.Date))
	}
	_, err = f.st.ConfirmMatch(f.ctx, store.Match{LineID: res.Added[0].ID, CustomerID: p.inv.CustomerID,
		InvoiceIDs: []int64{p.inv.InvoiceID}, CloseFee: closeFee})
	return err
}

// payLarge pays the large demo's invoices in one batch: of those due before
// Reference, 97 in 100 on (or a day or two before) the due date, 1 in 100 of
// them only in half; of those not yet due, 1 in 8 early. Bank transfers
// mostly, some direct debits and cash.
func (f *filler) payLarge() error {
	open, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{OpenOnly: true})
	if err != nil {
		return err
	}
	byID := make(map[int64]*store.Customer, len(f.customers))
	for i := range f.customers {
		byID[f.customers[i].ID] = &f.customers[i]
	}
	rng := rand.New(rand.NewPCG(2026, 12))
	items := make([]store.PaymentImport, 0, len(open))
	for _, b := range open {
		r := rng.IntN(100)
		switch {
		case b.DueDate.Before(Reference) && r >= 97, !b.DueDate.Before(Reference) && r >= 12:
			continue
		}
		date := b.DueDate.AddDate(0, 0, -rng.IntN(3))
		if date.Before(b.IssueDate) {
			date = b.IssueDate
		}
		if date.After(Reference) {
			date = Reference
		}
		amount := b.Open
		if r == 0 {
			amount = b.Open / 2
		}
		p := store.Payment{CustomerID: b.CustomerID, Date: date, Amount: amount, Method: store.PayBankTransfer}
		switch m := rng.IntN(20); {
		case m == 0:
			p.Method = store.PayCash
		case m <= 2:
			p.Method = store.PayDirectDebit
		default:
			if c := byID[b.CustomerID]; c != nil {
				p.PayerName = store.WidenKana(BankPayer(*c))
			}
		}
		items = append(items, store.PaymentImport{Payment: p,
			Allocations: []store.Allocation{{InvoiceID: b.InvoiceID, Amount: amount}}})
	}
	f.on(Reference)
	return f.st.ImportPayments(f.ctx, items)
}
