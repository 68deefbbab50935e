package store_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"daicho/store"
)

// The customer's transfer-fee policy: blank is ask, anything but ask, ours
// or theirs is refused on its field; it is stored, listed and carried by
// the reconciliation's candidates.
func TestCustomerFeePolicy(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"", store.FeeAsk, false},
		{" ours ", store.FeeOurs, false},
		{"theirs", store.FeeTheirs, false},
		{"ask", store.FeeAsk, false},
		{"mine", "", true},
	}
	for i, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			f := newRecFix(t)
			c := validCustomer(fmt.Sprintf("F%03d", i))
			c.FeePolicy = tc.in
			err := f.st.CreateCustomer(t.Context(), &c)
			if tc.bad {
				if e := storeError(t, err, store.CodeInvalid); e.Field != "fee_policy" {
					t.Errorf("refused on %q", e.Field)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got, _ := f.st.Customer(t.Context(), c.ID)
			sums, _ := f.st.CustomerSummaries(t.Context())
			if got.FeePolicy != tc.want || len(sums) != 1 || sums[0].FeePolicy != tc.want {
				t.Errorf("stored %q, listed %+v, want %q", got.FeePolicy, sums, tc.want)
			}
			if b, _ := json.Marshal(got); !strings.Contains(string(b), `"fee_policy":"`+tc.want+`"`) {
				t.Errorf("json %s", b)
			}
		})
	}
}

// A shortfall closed at a match records the policy that closed it, on the
// adjustment and in the audit log; a match that closes nothing leaves the
// fee open.
func TestMatchRecordsWhichPolicyClosedTheFee(t *testing.T) {
	tests := []struct {
		closeFee bool
		policy   string
		want     string
		open     store.Money
	}{
		{true, store.ClosedByPolicy, store.ClosedByPolicy, 0},
		{true, store.ClosedAsked, store.ClosedAsked, 0},
		{true, "", store.ClosedByHand, 0},
		{false, store.ClosedByPolicy, "", 880}, // no close: the policy is not recorded
	}
	for _, tc := range tests {
		t.Run(fmt.Sprint(tc.closeFee, tc.policy), func(t *testing.T) {
			f := newRecFix(t, "アオバショウジ")
			inv := f.invoice("アオバショウジ", "2026-10-31", 33000)
			l := f.importLines(deposit("1", "2026-11-16", 32120, "ｱｵﾊﾞｼﾖｳｼﾞ", ""))[0]
			cands := f.candidates(l.ID)
			if cands[0].FeePolicy != store.FeeAsk {
				t.Errorf("candidate's policy %q", cands[0].FeePolicy)
			}
			if _, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: inv.CustomerID,
				InvoiceIDs: []int64{inv.ID}, CloseFee: tc.closeFee, FeePolicy: tc.policy}); err != nil {
				t.Fatal(err)
			}
			f.check()
			b, _ := f.st.InvoiceBalance(t.Context(), inv.ID)
			adj, _ := f.st.Adjustments(t.Context(), inv.ID)
			if b.Open != tc.open || (tc.want != "" && (len(adj) != 1 || adj[0].Policy != tc.want)) {
				t.Fatalf("open %d, adjustments %+v", b.Open, adj)
			}
			// The adjustment's hash, policy included, is what check computes.
			if v, err := f.st.Check(t.Context()); err != nil || len(v) != 0 {
				t.Fatalf("check: %v %v", v, err)
			}
			if tc.want == "" {
				return
			}
			defer func() { // a policy changed outside daicho is named by check
				if _, err := f.st.DB().Exec(`DROP TRIGGER adjustments_no_update`); err != nil {
					t.Fatal(err)
				}
				if _, err := f.st.DB().Exec(`UPDATE adjustments SET policy = 'by_hand' WHERE policy = 'ours'`); err != nil {
					t.Fatal(err)
				}
				if v, _ := f.st.Check(t.Context()); tc.want == store.ClosedByPolicy && len(v) == 0 {
					t.Error("a changed policy passed check")
				}
			}()
			log, _ := f.st.AuditLog(t.Context(), "document", fmt.Sprint(inv.ID))
			if last := log[len(log)-1]; last.Action != "close_shortfall" || !strings.Contains(last.After, `"policy":"`+tc.want+`"`) {
				t.Errorf("audit %+v", last)
			}
		})
	}
	f := newRecFix(t, "アオバショウジ")
	inv := f.invoice("アオバショウジ", "2026-10-31", 33000)
	l := f.importLines(deposit("1", "2026-11-16", 32120, "ｱｵﾊﾞｼﾖｳｼﾞ", ""))[0]
	_, err := f.st.ConfirmMatch(t.Context(), store.Match{LineID: l.ID, CustomerID: inv.CustomerID,
		InvoiceIDs: []int64{inv.ID}, CloseFee: true, FeePolicy: "whim"})
	storeError(t, err, store.CodeInvalid)
}
