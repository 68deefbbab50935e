package demo

import (
	"context"
	"os"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/bank"
)

// The small demo's money: exactly the overdue invoices its story promises,
// in every aging bucket, the credit of an overpayment, a transfer fee
// closed, and learned payers; its bank files parse and match.
func TestSmallDemoPayments(t *testing.T) {
	ctx := context.Background()
	st, _ := demoDocuments(t)
	if err := st.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
	overdue, err := st.Overdue(ctx, Reference)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, o := range overdue {
		got = append(got, o.CustomerCode+" "+store.FormatDate(o.IssueDate)+" "+o.Bucket)
	}
	want := []string{"C0020 2026-06-30 90+", "C0028 2026-06-30 61-90", "C0036 2026-08-31 31-60",
		"C0014 2026-09-30 1-30", "C0002 2026-09-15 1-30", "C0036 2026-09-30 1-30", "C0004 2026-09-30 1-30",
		"C0031 2026-10-01 1-30"}
	if !slices.Equal(got, want) {
		t.Errorf("overdue on %s:\n%v\nwant\n%v", store.FormatDate(Reference), got, want)
	}
	if partly := overdue[len(overdue)-1]; partly.Paid != 10_000 || partly.Open != partly.Total-10_000 {
		t.Errorf("partly paid %+v", partly)
	}
	customer := func(code string) store.Customer {
		c, err := st.CustomerByCode(ctx, code)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if cb, _ := st.CustomerBalance(ctx, customer("C0017").ID); cb.Unapplied != 7_000 {
		t.Errorf("松本商店's credit %d, want 7,000", cb.Unapplied)
	}
	fee, err := st.InvoiceBalances(ctx, store.BalanceFilter{CustomerID: customer("C0004").ID})
	if err != nil {
		t.Fatal(err)
	}
	closed := 0
	for _, b := range fee {
		if b.Adjusted == 880 && b.Open == 0 {
			closed++
		}
	}
	if closed != 1 {
		t.Errorf("%d invoices of 東海システム closed with a ¥880 fee, want 1", closed)
	}
	aliases, err := st.Aliases(ctx)
	if err != nil || !slices.ContainsFunc(aliases, func(a store.PayerAlias) bool {
		return a.Alias == store.NormalizePayer("ﾐﾄﾞﾘﾎｰﾙﾃﾞｨﾝｸﾞｽ(ｶ") && a.CustomerCode == "C0011"
	}) {
		t.Errorf("aliases %v, %v", aliases, err)
	}

	dir := t.TempDir()
	paths, err := WriteBankFiles(ctx, dir, st)
	if err != nil || len(paths) != 2 {
		t.Fatalf("bank files %v, %v", paths, err)
	}
	zen, err := os.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if bank.DetectFormat(zen) != bank.Zengin || len(zen) != 11*202 {
		t.Errorf("zengin file: %s, %d bytes", bank.DetectFormat(zen), len(zen))
	}
	deposits, err := bank.ParseZengin(zen)
	if err != nil || len(deposits) != 7 {
		t.Fatalf("zengin: %d deposits, %v", len(deposits), err)
	}
	if deposits[0].Account != MainAccount {
		t.Errorf("the Zengin file is for %q; the story's deposits came into %q", deposits[0].Account, MainAccount)
	}
	csvData, err := os.ReadFile(paths[1])
	if err != nil {
		t.Fatal(err)
	}
	profile, _ := bank.ProfileByName("oazukekingaku")
	rows, err := bank.ParseCSV(csvData, profile)
	if err != nil || len(rows) != 3 {
		t.Fatalf("csv: %d deposits, %v", len(rows), err)
	}
	lines := make([]store.BankLine, 0, 10)
	for _, d := range append(deposits, rows...) {
		lines = append(lines, store.BankLine{Account: d.Account, Date: d.Date, Amount: d.Amount, PayerName: d.PayerName,
			Reference: d.Reference, Memo: d.Memo})
	}
	res, err := st.ImportBankLines(ctx, "demo", lines)
	if err != nil || len(res.Added) != 10 {
		t.Fatalf("imported %d, %v", len(res.Added), err)
	}
	cands, err := st.CandidatesForAll(ctx, res.Added)
	if err != nil {
		t.Fatal(err)
	}
	var best []string
	for _, l := range res.Added {
		cs := cands[l.ID]
		if len(cs) == 0 {
			best = append(best, "none")
			continue
		}
		best = append(best, cs[0].CustomerCode+" "+cs[0].Confidence)
	}
	wantBest := []string{"C0001 high", "C0011 high", "C0002 medium", "C0004 high", "C0006 high", "C0014 high", "none",
		"C0009 high", "C0028 high", "C0036 high"}
	if !slices.Equal(best, wantBest) {
		t.Errorf("best candidates %v\nwant %v", best, wantBest)
	}
	if auto := store.AutoMatches(res.Added, cands); len(auto) != 6 {
		t.Errorf("%d automatic matches, want 6 (3 wait for a person, 1 has no candidate)", len(auto))
	}
}
