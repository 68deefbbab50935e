package store_test

import (
	"fmt"
	"strings"
	"testing"

	"daicho/store"
)

// Held and not-a-payment deposits stay on record and can be matched or
// undone; each step's state, who held it, and the audit row, table-driven
// from an open deposit.
func TestHoldAndNotPayment(t *testing.T) {
	type step struct {
		do    string // hold, not_payment, reopen, match
		code  store.Code
		state string
	}
	tests := []struct {
		name  string
		steps []step
	}{
		{"held, then matched later", []step{{do: "hold", state: store.LineHeld}, {do: "hold", state: store.LineHeld},
			{do: "match", state: store.LineMatched}}},
		{"held, then the hold lifted", []step{{do: "hold", state: store.LineHeld}, {do: "reopen", state: store.LineOpen}}},
		{"not a payment, undone, matched", []step{{do: "not_payment", state: store.LineSkipped},
			{do: "match", code: store.CodeConflict, state: store.LineSkipped}, {do: "reopen", state: store.LineOpen},
			{do: "match", state: store.LineMatched}}},
		{"held, then found to be interest", []step{{do: "hold", state: store.LineHeld},
			{do: "not_payment", state: store.LineSkipped}}},
		{"a matched line is neither held nor marked", []step{{do: "match", state: store.LineMatched},
			{do: "hold", code: store.CodeConflict, state: store.LineMatched},
			{do: "not_payment", code: store.CodeConflict, state: store.LineMatched},
			{do: "reopen", code: store.CodeConflict, state: store.LineMatched}}},
		{"a reason is required", []step{{do: "not_payment_blank", code: store.CodeInvalid, state: store.LineOpen}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newRecFix(t, "サクラコウギョウ")
			f.st.Actor = "hanako"
			inv := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
			l := f.importLines(deposit("1", "2026-11-16", 33000, "ｻｸﾗｺｳｷﾞﾖｳ", ""))[0]
			for i, s := range tc.steps {
				var err error
				switch s.do {
				case "hold":
					err = f.st.HoldBankLine(t.Context(), l.ID)
				case "not_payment":
					err = f.st.MarkNotPayment(t.Context(), l.ID, "返金")
				case "not_payment_blank":
					err = f.st.MarkNotPayment(t.Context(), l.ID, " ")
				case "reopen":
					err = f.st.ReopenBankLine(t.Context(), l.ID)
				case "match":
					_, err = f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: inv.CustomerID,
						InvoiceIDs: []int64{inv.ID}})
				}
				if s.code == "" && err != nil {
					t.Fatalf("step %d %s: %v", i, s.do, err)
				}
				if s.code != "" {
					storeError(t, err, s.code)
				}
				f.check()
				got, _ := f.st.BankLine(t.Context(), l.ID)
				if got.State != s.state {
					t.Fatalf("step %d %s: state %s, want %s", i, s.do, got.State, s.state)
				}
				held := got.State == store.LineHeld
				if held != (got.HeldBy == "hanako") || held == got.HeldAt.IsZero() {
					t.Errorf("step %d: held by %q at %v", i, got.HeldBy, got.HeldAt)
				}
				if s.state == store.LineSkipped && got.SkipReason != "返金" {
					t.Errorf("step %d: reason %q", i, got.SkipReason)
				}
			}
		})
	}
}

// The held list and the counts: a held deposit is listed and counted, and
// each change is in the audit log.
func TestHeldDepositsListedAndCounted(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ")
	ls := f.importLines(deposit("1", "2026-11-16", 5500, "ﾔﾏﾓﾄｹｲｺ", ""), deposit("2", "2026-11-16", 120, "ﾘｿｸ", ""),
		deposit("3", "2026-11-17", 7000, "ﾀﾅｶ", ""))
	if err := f.st.HoldBankLine(t.Context(), ls[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := f.st.MarkNotPayment(t.Context(), ls[1].ID, "預金利息"); err != nil {
		t.Fatal(err)
	}
	held, _ := f.st.BankLines(t.Context(), store.LineHeld)
	if len(held) != 1 || held[0].ID != ls[0].ID {
		t.Fatalf("held %+v", held)
	}
	counts, err := f.st.BankLineCounts(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]store.BankLineCount{store.LineHeld: {1, 5500}, store.LineSkipped: {1, 120}, store.LineOpen: {1, 7000}}
	for state, c := range want {
		if counts[state] != c {
			t.Errorf("%s: %+v, want %+v", state, counts[state], c)
		}
	}
	actions := map[string]bool{}
	for _, l := range ls[:2] {
		log, _ := f.st.AuditLog(t.Context(), "bank_line", fmt.Sprint(l.ID))
		for _, e := range log {
			actions[e.Action] = true
		}
	}
	if !actions["hold"] || !actions["not_payment"] {
		t.Errorf("audit actions %v", actions)
	}
}

// Reversing a payment that came from a bank line returns the line to the
// open list, with nothing left matched to the reversed payment; the line
// can then be matched again (to the right customer).
func TestReversalReturnsTheBankLine(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ", "アオバショウジ")
	wrong := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	right := f.invoice("アオバショウジ", "2026-10-31", 33000)
	l := f.importLines(deposit("1", "2026-11-16", 33000, "ｱｵﾊﾞｼﾖｳｼﾞ", ""))[0]
	p, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: wrong.CustomerID,
		InvoiceIDs: []int64{wrong.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.ReversePayment(t.Context(), p.ID, "別の得意先の入金"); err != nil {
		t.Fatal(err)
	}
	f.check()
	got, _ := f.st.BankLine(t.Context(), l.ID)
	if got.State != store.LineOpen || got.PaymentID != 0 {
		t.Fatalf("after the reversal the line is %+v", got)
	}
	if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: right.CustomerID,
		InvoiceIDs: []int64{right.ID}}); err != nil {
		t.Fatal(err)
	}
	f.check()
	// A payment typed by hand has no line: its reversal touches none.
	hand := store.Payment{CustomerID: right.CustomerID, Date: l.Date, Amount: 100, Method: store.PayCash}
	if err := f.st.RecordPayment(t.Context(), &hand); err != nil {
		t.Fatal(err)
	}
	if err := f.st.ReversePayment(t.Context(), hand.ID, "二重入力"); err != nil {
		t.Fatal(err)
	}
	f.check()
}

// A matched line whose payment is reversed behind the store's back (the
// state of before: the money nowhere) is an invariant violation.
func TestInvariantsNameAMatchedLineOfAReversedPayment(t *testing.T) {
	f := newRecFix(t, "サクラコウギョウ")
	inv := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	l := f.importLines(deposit("1", "2026-11-16", 33000, "ｻｸﾗｺｳｷﾞﾖｳ", ""))[0]
	p, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: inv.CustomerID, InvoiceIDs: []int64{inv.ID}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.st.ReversePayment(t.Context(), p.ID, "誤り"); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.DB().Exec(`UPDATE bank_lines SET state = 'matched', payment_id = ? WHERE id = ?`, p.ID, l.ID); err != nil {
		t.Fatal(err)
	}
	err = f.st.CheckInvariants(t.Context())
	if err == nil {
		t.Fatal("a line matched to a reversed payment passed the invariants")
	}
	if want := "is reversed"; !strings.Contains(err.Error(), want) {
		t.Errorf("violation %q lacks %q", err, want)
	}
}
