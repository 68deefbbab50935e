package store_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/bank"
	"daicho/store/storetest"
)

// recFix is a ledger for the reconciliation tests: a company, customers by
// reading, and issued tax-exempt invoices whose totals are what the test
// asks for.
type recFix struct {
	t  *testing.T
	st *store.Store
	cs map[string]store.Customer // by kana
}

func newRecFix(t *testing.T, kanas ...string) *recFix {
	t.Helper()
	f := &recFix{t: t, st: newTestStore(t), cs: map[string]store.Customer{}}
	co := validCompany()
	if err := f.st.SaveCompany(t.Context(), &co); err != nil {
		t.Fatal(err)
	}
	for i, k := range kanas {
		c := validCustomer(fmt.Sprintf("C%04d", i+1))
		c.Name, c.Kana = "株式会社"+k, k
		if err := f.st.CreateCustomer(t.Context(), &c); err != nil {
			t.Fatal(err)
		}
		f.cs[k] = c
	}
	return f
}

// invoice issues an invoice of total for the customer with that reading.
func (f *recFix) invoice(kana, date string, total store.Money) store.Document {
	f.t.Helper()
	d := store.Document{Kind: store.KindInvoice, CustomerID: f.cs[kana].ID, Subject: "請求", IssueDate: storetest.Date(date),
		Lines: []store.Line{storetest.Line("立替金", "1", total, store.TaxExempt)}}
	if err := f.st.SaveDraft(f.t.Context(), &d); err != nil {
		f.t.Fatal(err)
	}
	d, err := f.st.Issue(f.t.Context(), d.ID, d.Version)
	if err != nil {
		f.t.Fatal(err)
	}
	if d.Totals.Total != total {
		f.t.Fatalf("invoice total %d, want %d", d.Totals.Total, total)
	}
	return d
}

// deposit is a bank line as the parser makes it, of the account "test";
// ref is the bank's reference (照会番号), which is no part of its identity.
func deposit(ref, date string, amount store.Money, payer, memo string) store.BankLine {
	return store.BankLine{Account: "test", Date: storetest.Date(date), Amount: amount, PayerName: payer, Memo: memo,
		Reference: ref}
}

// importLines imports lines and returns what was added.
func (f *recFix) importLines(lines ...store.BankLine) []store.BankLine {
	f.t.Helper()
	res, err := f.st.ImportBankLines(f.t.Context(), "test.txt", lines)
	if err != nil {
		f.t.Fatal(err)
	}
	f.check()
	return res.Added
}

// check asserts the money invariants, and the reconciliation's own: a
// matched line has one payment of its amount that names it, an open or
// skipped line has no live payment, and a payment names only a line that
// exists.
func (f *recFix) check() {
	f.t.Helper()
	if err := f.st.CheckInvariants(f.t.Context()); err != nil {
		f.t.Fatalf("invariants: %v", err)
	}
	for _, q := range []string{
		`SELECT count(*) FROM bank_lines l LEFT JOIN payments p ON p.id = l.payment_id
			WHERE l.state = 'matched' AND (p.id IS NULL OR p.bank_line_id IS NOT l.id OR p.amount <> l.amount)`,
		`SELECT count(*) FROM bank_lines l JOIN payments p ON p.bank_line_id = l.id
			WHERE l.state <> 'matched' AND p.reverses_id IS NULL
			AND NOT EXISTS (SELECT 1 FROM payments r WHERE r.reverses_id = p.id)`,
		`SELECT count(*) FROM payments p WHERE p.bank_line_id IS NOT NULL
			AND NOT EXISTS (SELECT 1 FROM bank_lines l WHERE l.id = p.bank_line_id)`,
	} {
		if n := queryInt(f.t, f.st.DB(), q); n != 0 {
			f.t.Fatalf("%d bank lines or payments break: %s", n, q)
		}
	}
}

func (f *recFix) candidates(lineID int64) []store.Candidate {
	f.t.Helper()
	cs, err := f.st.Candidates(f.t.Context(), lineID)
	if err != nil {
		f.t.Fatal(err)
	}
	return cs
}

func candidateNumbers(c store.Candidate) string {
	var ns []string
	for _, b := range c.Invoices {
		ns = append(ns, b.Number)
	}
	return c.CustomerCode + " " + strings.Join(ns, "+")
}

func TestImportBankLinesTwiceAddsNothing(t *testing.T) {
	f := newRecFix(t)
	lines := []store.BankLine{
		deposit("a", "2026-11-16", 33000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""),
		deposit("b", "2026-11-16", 33000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""), // the same again that day: a second deposit
		deposit("c", "2026-11-17", 1200, "ﾘｿｸ", ""),
	}
	added := f.importLines(lines...)
	if len(added) != 3 || added[0].ID == 0 || added[0].State != store.LineOpen || added[0].Source != "test.txt" ||
		added[0].Identity == added[1].Identity {
		t.Fatalf("first import added %+v", added)
	}
	res, err := f.st.ImportBankLines(t.Context(), "test.txt", lines)
	if err != nil || len(res.Added) != 0 || res.AlreadyImported != 3 {
		t.Fatalf("second import: %+v, %v; want nothing added, 3 already imported", res, err)
	}
	// A longer file holding the old lines adds only the new ones: two equal
	// deposits of a day are two.
	res, err = f.st.ImportBankLines(t.Context(), "next.txt", []store.BankLine{lines[2], deposit("d", "2026-11-18", 5000, "ﾔﾏﾀﾞ", ""),
		deposit("d", "2026-11-18", 5000, "ﾔﾏﾀﾞ", "")})
	if err != nil || len(res.Added) != 2 || res.AlreadyImported != 1 || res.Added[0].Source != "next.txt" {
		t.Fatalf("third import: %+v, %v", res, err)
	}
	all, err := f.st.BankLines(t.Context(), "")
	if err != nil || len(all) != 5 {
		t.Fatalf("%d lines stored (%v), want 5", len(all), err)
	}
	if got := all[0]; got.Reference != "a" || got.Account != "test" || len(got.Identity) != 64 || got.Amount != 33000 ||
		got.PayerName != "ｶ)ｻｸﾗｺｳｷﾞﾖｳ" || !got.Date.Equal(storetest.Date("2026-11-16")) || !got.ImportedAt.Equal(fixedNow) {
		t.Errorf("stored line %+v", got)
	}
	// The preview of a file already imported adds nothing and writes nothing.
	pre, err := f.st.PreviewBankLines(t.Context(), "x", append(lines, deposit("e", "2026-11-19", 700, "", "")))
	if err != nil || len(pre.Added) != 1 || pre.AlreadyImported != 3 || pre.Added[0].ID != -1 {
		t.Fatalf("preview %+v, %v", pre, err)
	}
	if all, _ := f.st.BankLines(t.Context(), ""); len(all) != 5 {
		t.Errorf("the preview wrote: %d lines", len(all))
	}
}

func TestImportBankLinesRefusesABadLine(t *testing.T) {
	f := newRecFix(t)
	_, err := f.st.ImportBankLines(t.Context(), "bad.txt", []store.BankLine{
		deposit("a", "2026-11-16", 33000, "ｻｸﾗ", ""),
		deposit("b", "2026-11-16", 0, "ｻｸﾗ", ""),
		{Amount: 5},
	})
	var batch store.BatchError
	if !errors.As(err, &batch) || len(batch) != 3 || batch[0].Line != 2 || batch[0].Err.Field != "amount" {
		t.Fatalf("got %v; want the zero amount on line 2, then line 3's account and date", err)
	}
	if all, _ := f.st.BankLines(t.Context(), ""); len(all) != 0 {
		t.Errorf("%d lines stored from a refused batch", len(all))
	}
}

// The matching table: each deposit must rank the right invoice (or group)
// first, for the right reasons.
func TestCandidatesRanking(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ", "アオバショウジ", "ヤマダセイサクショ", "ホクトウンユ", "ミドリデンキ")
	i1 := f.invoice("サクラコウギョウ", "2026-09-30", 33000)
	i2 := f.invoice("サクラコウギョウ", "2026-10-31", 55000)
	i3 := f.invoice("アオバショウジ", "2026-10-15", 110000)
	i4 := f.invoice("アオバショウジ", "2026-10-20", 22000)
	i5 := f.invoice("ヤマダセイサクショ", "2026-10-01", 48400)
	i6 := f.invoice("ホクトウンユ", "2026-09-10", 77000)
	i7 := f.invoice("ホクトウンユ", "2026-10-10", 15500)
	f.invoice("ミドリデンキ", "2026-10-10", 55000) // the same amount as i2, another customer
	_ = i1
	cases := []struct {
		name       string
		line       store.BankLine
		want       []store.Document
		fee        store.Money
		reasons    []string
		confidence string
	}{
		{"exact amount and payer", deposit("1", "2026-11-16", 55000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""),
			[]store.Document{i2}, 0, []string{store.ReasonExactAmount, store.ReasonPayerName}, store.ConfidenceHigh},
		{"fee deducted", deposit("2", "2026-11-16", 109340, "ｱｵﾊﾞｼﾖｳｼﾞ(ｶ", ""),
			[]store.Document{i3}, 660, []string{"fee deducted 660", store.ReasonPayerName}, store.ConfidenceMedium},
		{"two invoices combined", deposit("3", "2026-11-17", 92500, "ﾎｸﾄｳﾝﾕ(ｶ", ""),
			[]store.Document{i6, i7}, 0, []string{store.ReasonExactAmount, store.ReasonPayerName, "combined 2"}, store.ConfidenceHigh},
		{"number in the memo", deposit("4", "2026-11-17", 48400, "ﾀﾅｶ ｲﾁﾛｳ", "ｾｲｷﾕｳ "+i5.Number),
			[]store.Document{i5}, 0, []string{store.ReasonExactAmount, store.ReasonNumber}, store.ConfidenceHigh},
		{"number without hyphens, fee deducted", deposit("5", "2026-11-18", 47960, "ﾀﾅｶ ｲﾁﾛｳ",
			strings.ReplaceAll(i5.Number, "-", "")), []store.Document{i5}, 440,
			[]string{"fee deducted 440", store.ReasonNumber}, store.ConfidenceMedium},
		{"amount alone, only one such invoice", deposit("6", "2026-11-18", 22000, "ｽｽﾞｷ ﾀﾛｳ", ""),
			[]store.Document{i4}, 0, []string{store.ReasonExactAmount}, store.ConfidenceMedium},
		{"a branch after the name", deposit("7", "2026-11-18", 15500, "ﾎｸﾄｳﾝﾕ ﾄｳｷﾖｳｼﾃﾝ", ""),
			[]store.Document{i7}, 0, []string{store.ReasonExactAmount, store.ReasonPayerName}, store.ConfidenceHigh},
		{"a name cut short by the bank", deposit("7b", "2026-11-18", 48400, "ﾔﾏﾀﾞｾｲｻｸ", ""),
			[]store.Document{i5}, 0, []string{store.ReasonExactAmount, store.ReasonPayerName}, store.ConfidenceHigh},
		{"paid more than is open", deposit("8", "2026-11-18", 50000, "ﾔﾏﾀﾞｾｲｻｸｼﾖ", ""),
			[]store.Document{i5}, 0, []string{store.ReasonPayerName}, store.ConfidenceLow},
	}
	var lines []store.BankLine
	for _, c := range cases {
		lines = append(lines, c.line)
	}
	added := f.importLines(lines...)
	all, err := f.st.CandidatesForAll(t.Context(), added)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cands := all[added[i].ID]
			if len(cands) == 0 {
				t.Fatal("no candidates")
			}
			var got []string
			for _, cd := range cands {
				got = append(got, fmt.Sprintf("%s %d %s %v", candidateNumbers(cd), cd.Score, cd.Confidence, cd.Reasons))
			}
			best := cands[0]
			var want []string
			for _, d := range c.want {
				want = append(want, d.Number)
			}
			if candidateNumbers(best) != f.code(c.want[0])+" "+strings.Join(want, "+") {
				t.Fatalf("best %s; want %v\n%s", candidateNumbers(best), want, strings.Join(got, "\n"))
			}
			if best.Fee != c.fee || best.Confidence != c.confidence || !slices.Equal(best.Reasons, c.reasons) {
				t.Errorf("best: fee %d, %s, %q; want fee %d, %s, %q", best.Fee, best.Confidence, best.Reasons,
					c.fee, c.confidence, c.reasons)
			}
			var sum store.Money
			for _, b := range best.Invoices {
				sum += b.Open
			}
			if best.Sum != sum || best.CustomerID != c.want[0].CustomerID {
				t.Errorf("sum %d of %d; customer %d", best.Sum, sum, best.CustomerID)
			}
		})
	}
	// Candidates (one line) agrees with CandidatesForAll.
	one := f.candidates(added[0].ID)
	if len(one) != len(all[added[0].ID]) || candidateNumbers(one[0]) != candidateNumbers(all[added[0].ID][0]) {
		t.Errorf("Candidates differs from CandidatesForAll")
	}
	// A deposit nothing explains has no candidates.
	none := f.importLines(deposit("9", "2026-11-19", 123457, "ｺｸｾﾞｲｶﾝﾌﾟ", ""))
	if got := f.candidates(none[0].ID); len(got) != 0 {
		t.Errorf("unknown deposit has candidates %v", got)
	}
}

func (f *recFix) code(d store.Document) string {
	for _, c := range f.cs {
		if c.ID == d.CustomerID {
			return c.Code
		}
	}
	return "?"
}

// Confirming a match records and allocates the payment, marks the line and
// teaches the payer's name: next month's deposit from the same payer ranks
// its customer first, with high confidence, though another customer has an
// invoice of the same amount.
func TestConfirmMatchTeachesTheAlias(t *testing.T) {
	f := newRecFix(t, "ミドリデンキ", "アサヒブツリュウ")
	oct := f.invoice("ミドリデンキ", "2026-10-31", 44000)
	f.invoice("アサヒブツリュウ", "2026-10-31", 44000)
	payer := "ﾐﾄﾞﾘﾎｰﾙﾃﾞｨﾝｸﾞｽ(ｶ" // the parent company pays
	l := f.importLines(deposit("oct", "2026-11-30", 44000, payer, ""))[0]
	cands := f.candidates(l.ID)
	if len(cands) != 2 || cands[0].Confidence != store.ConfidenceLow {
		t.Fatalf("before learning: %d candidates, best %+v", len(cands), cands[0])
	}
	p, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: oct.CustomerID, InvoiceIDs: []int64{oct.ID}})
	if err != nil {
		t.Fatal(err)
	}
	f.check()
	if p.ID == 0 || p.Method != store.PayBankTransfer || p.Amount != 44000 || p.Allocated != 44000 ||
		p.BankLineID != l.ID || p.PayerName != payer || !p.Date.Equal(storetest.Date("2026-11-30")) {
		t.Errorf("payment %+v", p)
	}
	got, err := f.st.BankLine(t.Context(), l.ID)
	if err != nil || got.State != store.LineMatched || got.PaymentID != p.ID {
		t.Errorf("line after the match: %+v, %v", got, err)
	}
	b, _ := f.st.InvoiceBalance(t.Context(), oct.ID)
	if b.Open != 0 || b.Paid != 44000 {
		t.Errorf("invoice after the match: %+v", b)
	}
	aliases, err := f.st.Aliases(t.Context())
	if err != nil || len(aliases) != 1 || aliases[0].Alias != store.NormalizePayer(payer) ||
		aliases[0].CustomerID != oct.CustomerID || aliases[0].Confirmed != 1 || aliases[0].CustomerCode != "C0001" {
		t.Fatalf("aliases %+v, %v", aliases, err)
	}
	if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: oct.CustomerID}); err == nil {
		t.Error("a matched line was matched again")
	}

	nov := f.invoice("ミドリデンキ", "2026-11-30", 44000)
	l2 := f.importLines(deposit("nov", "2026-12-28", 44000, payer, ""))[0]
	best := f.candidates(l2.ID)[0]
	if best.CustomerID != nov.CustomerID || best.Invoices[0].InvoiceID != nov.ID || best.Confidence != store.ConfidenceHigh ||
		!best.HasReason(store.ReasonAlias) || !best.AutoConfirmable() {
		t.Fatalf("next month: best %+v", best)
	}
	if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l2.ID, CustomerID: nov.CustomerID,
		InvoiceIDs: []int64{nov.ID}}); err != nil {
		t.Fatal(err)
	}
	f.check()
	if aliases, _ := f.st.Aliases(t.Context()); len(aliases) != 1 || aliases[0].Confirmed != 2 {
		t.Errorf("aliases after the second match: %+v", aliases)
	}
	if err := f.st.ForgetAlias(t.Context(), aliases[0].Alias, nov.CustomerID); err != nil {
		t.Fatal(err)
	}
	if aliases, _ := f.st.Aliases(t.Context()); len(aliases) != 0 {
		t.Errorf("aliases after forgetting: %+v", aliases)
	}
}

// A fee-deducted deposit closes its invoice with a transfer-fee adjustment
// when asked; a shortfall beyond the tolerance is refused and writes nothing.
func TestConfirmMatchClosesTheFee(t *testing.T) {
	f := newRecFix(t, "アオバショウジ")
	i1 := f.invoice("アオバショウジ", "2026-10-15", 110000)
	i2 := f.invoice("アオバショウジ", "2026-10-20", 22000)
	lines := f.importLines(deposit("1", "2026-11-16", 131340, "ｱｵﾊﾞｼﾖｳｼﾞ", ""),
		deposit("2", "2026-11-16", 100000, "ｱｵﾊﾞｼﾖｳｼﾞ", ""))
	best := f.candidates(lines[0].ID)[0]
	if best.Fee != 660 || len(best.Invoices) != 2 {
		t.Fatalf("best %+v", best)
	}
	cust := i1.CustomerID
	_, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: lines[1].ID, CustomerID: cust,
		InvoiceIDs: []int64{i1.ID}, CloseFee: true})
	storeError(t, err, store.CodeConflict)
	if l, _ := f.st.BankLine(t.Context(), lines[1].ID); l.State != store.LineOpen {
		t.Errorf("refused match left the line %s", l.State)
	}
	if ps, _ := f.st.Payments(t.Context(), store.PaymentFilter{}); len(ps) != 0 {
		t.Errorf("refused match recorded %d payments", len(ps))
	}
	// Given newest first, allocated oldest first: i1 is paid whole, i2 short by 660.
	p, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: lines[0].ID, CustomerID: cust,
		InvoiceIDs: []int64{i2.ID, i1.ID}, CloseFee: true})
	if err != nil {
		t.Fatal(err)
	}
	f.check()
	if p.Allocated != 131340 {
		t.Errorf("allocated %d", p.Allocated)
	}
	for _, id := range []int64{i1.ID, i2.ID} {
		if b, _ := f.st.InvoiceBalance(t.Context(), id); b.Open != 0 {
			t.Errorf("%s still open: %+v", b.Number, b)
		}
	}
	adj, err := f.st.Adjustments(t.Context(), i2.ID)
	if err != nil || len(adj) != 1 || adj[0].Kind != store.AdjustTransferFee || adj[0].Amount != 660 ||
		!adj[0].Date.Equal(storetest.Date("2026-11-16")) {
		t.Errorf("adjustments %+v, %v", adj, err)
	}
	// The other deposit, to no invoice: unapplied credit of the customer.
	p, err = f.st.ConfirmMatch(t.Context(), store.Match{LineID: lines[1].ID, CustomerID: cust})
	if err != nil || p.Allocated != 0 || p.Rest() != 100000 {
		t.Fatalf("unapplied: %+v, %v", p, err)
	}
	f.check()
	if cb, _ := f.st.CustomerBalance(t.Context(), cust); cb.Unapplied != 100000 {
		t.Errorf("unapplied credit %d", cb.Unapplied)
	}
}

func TestSkipAndReopen(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ")
	inv := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	ls := f.importLines(deposit("1", "2026-11-16", 120, "ﾘｿｸ", ""), deposit("2", "2026-11-16", 33000, "ｻｸﾗｺｳｷﾞﾖｳ", ""))
	if err := f.st.SkipBankLine(t.Context(), ls[0].ID, "預金利息"); err != nil {
		t.Fatal(err)
	}
	if err := f.st.SkipBankLine(t.Context(), ls[0].ID, ""); err != nil {
		t.Errorf("skipping again: %v", err)
	}
	open, _ := f.st.BankLines(t.Context(), store.LineOpen)
	skipped, _ := f.st.BankLines(t.Context(), store.LineSkipped)
	if len(open) != 1 || len(skipped) != 1 || skipped[0].SkipReason != "預金利息" {
		t.Fatalf("open %v, skipped %v", open, skipped)
	}
	if err := f.st.ReopenBankLine(t.Context(), ls[0].ID); err != nil {
		t.Fatal(err)
	}
	p, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: ls[1].ID, CustomerID: inv.CustomerID, InvoiceIDs: []int64{inv.ID}})
	if err != nil {
		t.Fatal(err)
	}
	storeError(t, f.st.SkipBankLine(t.Context(), ls[1].ID, ""), store.CodeConflict)
	storeError(t, f.st.ReopenBankLine(t.Context(), ls[1].ID), store.CodeConflict)
	// Matched to the wrong customer: reverse the payment, then the line can be matched again.
	if err := f.st.ReversePayment(t.Context(), p.ID, "別の得意先の入金"); err != nil {
		t.Fatal(err)
	}
	if err := f.st.ReopenBankLine(t.Context(), ls[1].ID); err != nil {
		t.Fatal(err)
	}
	f.check()
	if l, _ := f.st.BankLine(t.Context(), ls[1].ID); l.State != store.LineOpen || l.PaymentID != 0 {
		t.Errorf("reopened line %+v", l)
	}
	// The database itself keeps what the bank said.
	if _, err := f.st.DB().Exec(`UPDATE bank_lines SET amount = 1 WHERE id = ?`, ls[0].ID); err == nil {
		t.Error("a bank line's amount was changed")
	}
	if _, err := f.st.DB().Exec(`DELETE FROM bank_lines WHERE id = ?`, ls[0].ID); err == nil {
		t.Error("a bank line was deleted")
	}
}

func TestBankProfiles(t *testing.T) {
	f := newRecFix(t)
	storeError(t, f.st.SaveBankProfile(t.Context(), "", `{}`), store.CodeInvalid)
	storeError(t, f.st.SaveBankProfile(t.Context(), "mine", `{"Name":`), store.CodeInvalid)
	_, err := f.st.BankProfile(t.Context(), "mine")
	storeError(t, err, store.CodeNotFound)
	for _, p := range []string{`{"Name":"mine","Date":0}`, `{"Name":"mine","Date":1}`} {
		if err := f.st.SaveBankProfile(t.Context(), "mine", p); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := f.st.BankProfile(t.Context(), "mine"); err != nil || got != `{"Name":"mine","Date":1}` {
		t.Errorf("profile %q, %v", got, err)
	}
	if names, err := f.st.BankProfileNames(t.Context()); err != nil || !slices.Equal(names, []string{"mine"}) {
		t.Errorf("names %v, %v", names, err)
	}
}

func TestNormalizePayer(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ｶ)ｻｸﾗｺｳｷﾞﾖｳ", "サクラコウギヨウ"},
		{"サクラコウギョウ", "サクラコウギヨウ"},
		{"ｻｸﾗｺｳｷﾞﾖｳ(ｶ", "サクラコウギヨウ"},
		{"（カ）さくらこうぎょう", "サクラコウギヨウ"},
		{"ﾕ)ﾔﾏﾀﾞｾｲｻｸｼﾖ", "ヤマダセイサクシヨ"},
		{"ﾄﾞ)ﾋｶﾘﾃﾞｻﾞｲﾝ", "ヒカリデザイン"},
		{"ｺ-ﾋ-ﾏﾒ ﾄﾞｯﾄｺﾑ", "コヒマメドツトコム"},
		{"コーヒーマメ ドットコム", "コヒマメドツトコム"},
		{"ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ"},
		{"ＡＣＭＥ Trading Ltd.", "acmetradingltd"},
		{"株式会社さくら工業", "サクラ工業"},
		{"㈱ミドリ電機", "ミドリ電機"},
		{"ｲ)ﾋﾏﾜﾘｶｲ", "ヒマワリカイ"},
		{"", ""},
	} {
		if got := store.NormalizePayer(c.in); got != c.want {
			t.Errorf("NormalizePayer(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// store.NormalizePayer and bank.NormalizePayer are one rule in two places
// (the store cannot import the parsers): they must give the same key for
// every name, or an alias the store learns would not be the key the other
// side computes.
func TestNormalizePayerAgreesWithBank(t *testing.T) {
	names := []string{"ｶ)ｻｸﾗｺｳｷﾞﾖｳ", "ｱｵﾊﾞｼﾖｳｼﾞ(ｶ", "(ｶ)ﾀﾞｲﾁﾖｳ", "ﾎｸﾄ ｶ) ｳﾝﾕ", "ｻﾝﾌﾟﾙ ｶﾌﾞｼｷｶﾞｲｼﾔ",
		"一般社団法人日本サンプル協会", "医療法人社団ひまわり会", "ＡＣＭＥ Trading Ltd.", "ｺ-ﾋ-", "タロー", "㈱ミドリ電機"}
	alphabet := []rune("ｶｻﾀﾅﾊﾏﾔﾗﾜｧｯｮﾞﾟｰ-カサタナハマヤラワァッョーがぎ株式会社有限法人団() 　.・ABCabc123（）ｶ)(ｶ")
	rng := rand.New(rand.NewPCG(5, 5))
	for range 5000 {
		r := make([]rune, 1+rng.IntN(14))
		for i := range r {
			r[i] = alphabet[rng.IntN(len(alphabet))]
		}
		names = append(names, string(r))
	}
	for _, n := range names {
		if got, want := store.NormalizePayer(n), bank.NormalizePayer(n); got != want {
			t.Errorf("%q: store %q, bank %q", n, got, want)
		}
	}
}

// A match is refused, whole, for another customer's invoice or a draft; the
// preview's unsaved lines are ranked like stored ones.
func TestConfirmMatchRefusals(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ", "アオバショウジ")
	mine := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	theirs := f.invoice("アオバショウジ", "2026-10-31", 33000)
	draft := store.Document{Kind: store.KindInvoice, CustomerID: mine.CustomerID, IssueDate: storetest.Date("2026-11-01"),
		Lines: []store.Line{storetest.Line("立替金", "1", 5000, store.TaxExempt)}}
	if err := f.st.SaveDraft(t.Context(), &draft); err != nil {
		t.Fatal(err)
	}
	l := f.importLines(deposit("1", "2026-11-16", 33000, "ｻｸﾗｺｳｷﾞﾖｳ", ""))[0]
	for _, ids := range [][]int64{{theirs.ID}, {mine.ID, theirs.ID}, {draft.ID}, {999}} {
		_, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: mine.CustomerID, InvoiceIDs: ids})
		if err == nil {
			t.Errorf("matched to %v", ids)
		}
	}
	if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: 999, CustomerID: mine.CustomerID}); err == nil {
		t.Error("matched a line that does not exist")
	}
	f.check()
	if ps, _ := f.st.Payments(t.Context(), store.PaymentFilter{}); len(ps) != 0 {
		t.Fatalf("refused matches recorded %d payments", len(ps))
	}
	pre, err := f.st.PreviewBankLines(t.Context(), "next.txt", []store.BankLine{deposit("2", "2026-11-17", 33000, "ｱｵﾊﾞｼﾖｳｼﾞ", "")})
	if err != nil {
		t.Fatal(err)
	}
	cands, err := f.st.CandidatesForAll(t.Context(), pre.Added)
	if err != nil || len(cands[-1]) == 0 || cands[-1][0].Invoices[0].InvoiceID != theirs.ID {
		t.Errorf("preview candidates %v, %v", cands, err)
	}
}

// AutoMatches confirms only what needs no person: one invoice, exact, a
// learned payer or the invoice number; never the same invoice twice, never
// when another customer is as likely.
func TestAutoMatches(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ", "アオバショウジ", "ミドリデンキ")
	s1 := f.invoice("サクラコウギョウ", "2026-09-30", 33000)
	f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	a1 := f.invoice("アオバショウジ", "2026-10-31", 55000)
	m1 := f.invoice("ミドリデンキ", "2026-10-31", 77000)
	// Teach the payer of サクラ with an earlier deposit of another amount.
	f.invoice("サクラコウギョウ", "2026-08-31", 1000)
	old := f.importLines(deposit("old", "2026-10-01", 1000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""))[0]
	oldBest := f.candidates(old.ID)[0]
	if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: old.ID, CustomerID: oldBest.CustomerID,
		InvoiceIDs: []int64{oldBest.Invoices[0].InvoiceID}}); err != nil {
		t.Fatal(err)
	}
	lines := f.importLines(
		deposit("a", "2026-11-16", 33000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""),     // alias: the older of the two
		deposit("b", "2026-11-16", 33000, "ｶ)ｻｸﾗｺｳｷﾞﾖｳ", ""),     // the same again: the first took it
		deposit("c", "2026-11-17", 55000, "ｱｵﾊﾞｼﾖｳｼﾞ", ""),       // name alone: a person looks
		deposit("d", "2026-11-17", 77000, "ﾀﾅｶ", m1.Number),      // the number in the memo
		deposit("e", "2026-11-18", 76340, "ﾐﾄﾞﾘﾃﾞﾝｷ", m1.Number), // a fee short: a person looks
	)
	cands, err := f.st.CandidatesForAll(t.Context(), lines)
	if err != nil {
		t.Fatal(err)
	}
	auto := store.AutoMatches(lines, cands)
	want := map[int64][]int64{lines[0].ID: {s1.ID}, lines[3].ID: {m1.ID}}
	if len(auto) != len(want) {
		t.Fatalf("auto matches %v", auto)
	}
	for id, inv := range want {
		if m := auto[id]; !slices.Equal(m.InvoiceIDs, inv) || m.LineID != id {
			t.Errorf("line %d: %+v, want %v", id, m, inv)
		}
	}
	_ = a1
}

// ImportPayments records payments and allocations in one go, all or nothing.
func TestImportPayments(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ", "アオバショウジ")
	s1 := f.invoice("サクラコウギョウ", "2026-09-30", 33000)
	a1 := f.invoice("アオバショウジ", "2026-10-31", 55000)
	pay := func(inv store.Document, amount, alloc store.Money) store.PaymentImport {
		return store.PaymentImport{Payment: store.Payment{CustomerID: inv.CustomerID, Date: storetest.Date("2026-11-30"),
			Amount: amount, Method: store.PayBankTransfer}, Allocations: []store.Allocation{{InvoiceID: inv.ID, Amount: alloc}}}
	}
	// Beyond the invoice's open amount (the database's trigger): nothing is written.
	err := f.st.ImportPayments(t.Context(), []store.PaymentImport{pay(s1, 33000, 33000), pay(a1, 60000, 56000)})
	if err == nil {
		t.Fatal("an allocation beyond the open amount was imported")
	}
	if ps, _ := f.st.Payments(t.Context(), store.PaymentFilter{}); len(ps) != 0 {
		t.Fatalf("%d payments after a refused import", len(ps))
	}
	var batch store.BatchError
	err = f.st.ImportPayments(t.Context(), []store.PaymentImport{pay(s1, 33000, 34000), {Payment: store.Payment{}}})
	if !errors.As(err, &batch) || batch[0].Line != 1 {
		t.Fatalf("got %v, want the problems of both payments", err)
	}
	items := []store.PaymentImport{pay(s1, 33000, 33000), pay(a1, 60000, 55000)}
	if err := f.st.ImportPayments(t.Context(), items); err != nil {
		t.Fatal(err)
	}
	f.check()
	if items[1].Payment.ID == 0 || items[1].Payment.Allocated != 55000 {
		t.Errorf("imported %+v", items[1].Payment)
	}
	if cb, _ := f.st.CustomerBalance(t.Context(), a1.CustomerID); cb.Unapplied != 5000 || cb.Receivable != 0 {
		t.Errorf("balance %+v", cb)
	}
}
