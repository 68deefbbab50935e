package tui

import (
	"context"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// bankFixture is C0001 with two issued invoices of ¥33,000 and the deposits
// given, imported as one bank file.
func bankFixture(t *testing.T, deposits ...store.BankLine) (*store.Store, []store.BankLine) {
	t.Helper()
	st := newStore(t, true)
	st.Actor = "hanako"
	addCustomers(t, st, sampleCustomers...)
	issuedInvoices(t, st, 2)
	for i := range deposits {
		deposits[i].Account = "test"
	}
	res, err := st.ImportBankLines(context.Background(), "bank.txt", deposits)
	if err != nil {
		t.Fatal(err)
	}
	return st, res.Added
}

func bankDeposit(day int, amount store.Money, payer string) store.BankLine {
	return store.BankLine{Date: store.DateOf(2026, 11, day), Amount: amount, PayerName: payer}
}

func lineState(t *testing.T, st *store.Store, id int64) store.BankLine {
	t.Helper()
	l, err := st.BankLine(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// s holds a deposit, x marks one not a payment with its reason; h shows the
// held deposits (with when and who) where enter still matches, then those
// not paid, where u undoes. Nothing leaves the screen.
func TestReconcileHoldAndNotPayment(t *testing.T) {
	st, ls := bankFixture(t, bankDeposit(24, 33000, "ﾔﾏﾓﾄｹｲｺ"), bankDeposit(25, 120, "ﾘｿｸ"))
	ctx := context.Background()
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.press("4", "b")
	h.mustSee("ﾔﾏﾓﾄｹｲｺ", "ﾘｿｸ") // as the bank file gives them
	h.press("s")
	if l := lineState(t, st, ls[0].ID); l.State != store.LineHeld || l.HeldBy != "hanako" {
		t.Fatalf("after s: %+v", l)
	}
	h.mustSee("held 1 (33,000)")
	h.mustNotSee("11-24") // off the deposits to match, onto the held list
	h.press("x")
	h.typeText("預金利息")
	h.press("enter")
	if l := lineState(t, st, ls[1].ID); l.State != store.LineSkipped || l.SkipReason != "預金利息" {
		t.Fatalf("after x: %+v", l)
	}
	h.mustSee("No deposits to reconcile")

	h.press("h")
	h.mustSee("Held deposits", "ﾔﾏﾓﾄｹｲｺ", "held 2026-11-26", "by hanako", "I-2026-")
	h.press("enter") // matched later, from the held list
	if l := lineState(t, st, ls[0].ID); l.State != store.LineMatched {
		t.Fatalf("the held deposit was not matched: %+v", l)
	}
	h.press("h")
	h.mustSee("Not customer payments", "ﾘｿｸ", "預金利息")
	h.press("u")
	if l := lineState(t, st, ls[1].ID); l.State != store.LineOpen || l.SkipReason != "" {
		t.Fatalf("after u: %+v", l)
	}
	h.press("h")
	h.mustSee("Bank reconciliation", "ﾘｿｸ")
	if err := st.CheckInvariants(ctx); err != nil {
		t.Fatal(err)
	}
}

// Enter on a deposit short by a fee within the tolerance settles it by the
// customer's policy; the adjustment says which policy closed it.
func TestReconcileFeePolicy(t *testing.T) {
	tests := []struct {
		policy   string
		answer   string // to the question, when the policy is ask
		open     store.Money
		closedBy string
	}{
		{store.FeeOurs, "", 0, store.ClosedByPolicy},
		{store.FeeTheirs, "", 880, ""},
		{store.FeeAsk, "o", 0, store.ClosedAsked},
		{store.FeeAsk, "t", 880, ""},
	}
	for _, tc := range tests {
		t.Run(tc.policy+tc.answer, func(t *testing.T) {
			st, _ := bankFixture(t, bankDeposit(24, 32120, "ﾃｽﾄ"))
			ctx := context.Background()
			c, _ := st.CustomerByCode(ctx, "C0001")
			c.FeePolicy = tc.policy
			if err := st.UpdateCustomer(ctx, &c); err != nil {
				t.Fatal(err)
			}
			h := newHarness(t, st, i18n.EN, 80, 24)
			h.press("4", "b")
			h.mustSee("fee 880")
			h.press("enter")
			if tc.answer != "" {
				h.mustSee("who bears")
				h.press(tc.answer)
			}
			if tc.policy == store.FeeTheirs || tc.answer == "t" {
				h.mustSee("fee 880 left open")
			}
			bs, _ := st.InvoiceBalances(ctx, store.BalanceFilter{CustomerID: c.ID})
			if bs[0].Open != tc.open {
				t.Fatalf("open %d, want %d", bs[0].Open, tc.open)
			}
			adj, _ := st.Adjustments(ctx, bs[0].InvoiceID)
			if got := ""; len(adj) == 1 {
				got = adj[0].Policy
				if got != tc.closedBy {
					t.Errorf("closed by %q, want %q", got, tc.closedBy)
				}
			} else if tc.closedBy != "" {
				t.Errorf("adjustments %+v", adj)
			}
			if err := st.CheckInvariants(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// Assigning by hand asks before the payer's name is learned.
func TestReconcileAssignAsksBeforeTeaching(t *testing.T) {
	for _, answer := range []string{"n", "y"} {
		t.Run(answer, func(t *testing.T) {
			st, _ := bankFixture(t, bankDeposit(24, 5000, "ﾔﾏﾓﾄｹｲｺ"))
			ctx := context.Background()
			h := newHarness(t, st, i18n.EN, 100, 30)
			h.press("4", "b", "a")
			h.typeText("C0001")
			h.press("enter", "enter") // the customer, then all its open invoices
			h.mustSee("Remember ﾔﾏﾓﾄｹｲｺ as a payer for C0001")
			h.press(answer)
			aliases, _ := st.Aliases(ctx)
			if learned := len(aliases) == 1; learned != (answer == "y") {
				t.Fatalf("answer %s: aliases %+v", answer, aliases)
			}
			if ls, _ := st.BankLines(ctx, store.LineMatched); len(ls) != 1 {
				t.Fatalf("matched %d", len(ls))
			}
		})
	}
}

// Keys typed while a match is being recorded wait for it and then apply to
// the list it leaves: three enters in a row match three deposits.
func TestReconcileKeysTypedAheadAreKept(t *testing.T) {
	st, _ := bankFixture(t, bankDeposit(24, 33000, "ﾃｽﾄ"), bankDeposit(25, 33000, "ﾃｽﾄ"), bankDeposit(26, 120, "ﾘｿｸ"))
	h := newHarness(t, st, i18n.EN, 80, 24)
	h.press("4", "b")
	// The first enter's command is held back, as if the store were slow;
	// the next keys arrive before its result.
	_, pending := h.m.Update(keyMsg("enter"))
	for _, k := range []string{"enter", "s"} {
		if _, cmd := h.m.Update(keyMsg(k)); cmd != nil {
			t.Fatalf("%s ran at once while a command was under way", k)
		}
	}
	h.run(pending)
	ctx := context.Background()
	if ls, _ := st.BankLines(ctx, store.LineMatched); len(ls) != 2 {
		t.Fatalf("matched %d, want 2", len(ls))
	}
	if ls, _ := st.BankLines(ctx, store.LineHeld); len(ls) != 1 || ls[0].Amount != 120 {
		t.Fatalf("held %+v", ls)
	}
}

// At 80×24 the invoice number, the amount and the fee are on screen; the
// payer's name is what shortens.
func TestReconcileListAt80Columns(t *testing.T) {
	st, _ := bankFixture(t, bankDeposit(24, 32120, "ｶ)ﾅｶﾞｲﾅｶﾞｲｶｲｼﾔﾒｲﾉﾌﾘｺﾐｲﾗｲﾆﾝ"))
	h := newHarness(t, st, i18n.JA, 80, 24)
	h.press("4", "b")
	for _, line := range strings.Split(h.screen(), "\n") {
		if strings.Contains(line, "11-24") && (!strings.Contains(line, "I-2026-") || !strings.Contains(line, "手数料 880")) {
			t.Fatalf("the deposit's line lacks the invoice or the fee:\n%s", h.screen())
		}
	}
	h.mustSee("11-24", "32,120")
}

// The start-up status line counts the held deposits, with what is overdue.
func TestStartupLineCountsHeldDeposits(t *testing.T) {
	st, ls := bankFixture(t, bankDeposit(24, 5500, "ﾔﾏﾓﾄｹｲｺ"))
	if err := st.HoldBankLine(context.Background(), ls[0].ID); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.mustSee("1 deposit held (¥5,500)")
}

// The customer detail lists the learned payer names; p removes one.
func TestCustomerDetailForgetsAPayerName(t *testing.T) {
	st, ls := bankFixture(t, bankDeposit(24, 33000, "ﾔﾏﾓﾄｹｲｺ"))
	ctx := context.Background()
	bs, _ := st.InvoiceBalances(ctx, store.BalanceFilter{OpenOnly: true})
	if _, err := st.ConfirmMatch(ctx, store.Match{LineID: ls[0].ID, CustomerID: bs[0].CustomerID,
		InvoiceIDs: []int64{bs[0].InvoiceID}}); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.EN, 100, 40)
	h.press("1", "enter")
	h.mustSee("Payer names learned (1)", store.NormalizePayer("ﾔﾏﾓﾄｹｲｺ"), "taught by 1 match")
	h.press("p", "enter")
	h.mustSee("Forget")
	h.press("y")
	h.mustSee("Payer name forgotten.", "Payer names learned (0)")
	if as, _ := st.Aliases(ctx); len(as) != 0 {
		t.Fatalf("aliases %+v", as)
	}
}
