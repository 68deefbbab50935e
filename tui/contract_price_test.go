package tui

import (
	"context"
	"reflect"
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// saveContract stores a monthly contract of the first sample customer from
// start: one line per price given (保守料, then 運用支援 …), billed in advance
// on the 1st, ending on end ("" open-ended) with a 12-month renewal term;
// activated unless draft.
func saveContract(t *testing.T, st *store.Store, start, end string, draft bool, prices ...store.Money) store.Contract {
	t.Helper()
	ctx := context.Background()
	cust, err := st.CustomerByCode(ctx, sampleCustomers[0][0])
	if err != nil {
		t.Fatal(err)
	}
	c := store.NewContract()
	c.CustomerID, c.Title, c.RenewalMonths = cust.ID, "サーバー保守", 12
	c.Start = storetest.Date(start)
	if end != "" {
		c.End = storetest.Date(end)
	}
	names := []string{"保守料", "運用支援", "監視"}
	for i, p := range prices {
		c.Lines = append(c.Lines, store.ContractLine{Description: names[i], Quantity: storetest.Qty("1"), Unit: "月",
			UnitPrice: p, TaxCategory: store.TaxStandard})
	}
	if err := st.SaveContract(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if draft {
		return c
	}
	a, err := st.ActivateContract(ctx, c.ID, c.Version)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// clearInput empties the prompt's input (ctrl+u), to type a new answer.
func (h *harness) clearInput() { h.send(tea.KeyPressMsg{Code: 'u', Mod: tea.ModCtrl}) }

func contractOf(t *testing.T, st *store.Store, id int64) store.Contract {
	t.Helper()
	c, err := st.Contract(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func day(s string) store.PriceChange {
	return store.PriceChange{From: storetest.Date(s)}
}

// A price change from the contract's view: the second of two lines, from the
// day after the billed November (offered), at a new price; the store keeps
// the history and the view shows it. A date in the billed period is refused
// at the date prompt with the store's reason, and nothing changes.
func TestContractPriceChange(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	c := saveContract(t, st, "2026-10-01", "", false, 30000, 5000)
	if _, err := st.RunBilling(context.Background(), store.DateOf(2026, 11, 1), false); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.JA, 120, 35)
	h.press("2", "enter")
	h.mustSee(c.Number, "保守料", "運用支援")

	// Refused: inside the billed November.
	h.press("c")
	h.mustSee("どの明細の単価を改定しますか？", "1 保守料", "2 運用支援")
	h.press("2")
	h.mustSee("運用支援（現在 5,000）の価格改定", "> 2026-12-01")
	h.clearInput()
	h.typeText("2026-11-15")
	h.press("enter")
	h.mustSee("運用支援 の 2026-11-15 からの新しい単価", "> 5,000")
	h.press("enter")
	h.mustSee("運用支援（現在 5,000）の価格改定", "この契約は 2026-11-30 まで請求済みです。単価の改定は 2026-12-01 以降に適用できます")
	if got := contractOf(t, st, c.ID).Lines[1].Prices; len(got) != 1 {
		t.Fatalf("a refused change was stored: %+v", got)
	}

	// Taken: from the offered day after the billed period.
	h.clearInput()
	h.typeText("2026-12-01")
	h.press("enter")
	h.clearInput()
	h.typeText("５，５００") // full width, as an IME types it
	h.press("enter")
	h.mustSee("2026-12-01 から 5,500 に単価を改定しました（運用支援）。",
		"単価の履歴: 2026-10-01 5,000 → 2026-12-01 5,500")

	got := contractOf(t, st, c.ID)
	want := []store.PriceChange{day("2026-10-01"), day("2026-12-01")}
	want[0].UnitPrice, want[1].UnitPrice = 5000, 5500
	if !reflect.DeepEqual(got.Lines[1].Prices, want) {
		t.Errorf("prices %+v, want %+v", got.Lines[1].Prices, want)
	}
	if len(got.Lines[0].Prices) != 1 || got.Lines[0].UnitPrice != 30000 {
		t.Errorf("the other line changed: %+v", got.Lines[0])
	}
}

// From the list, a contract of one line goes straight to the date, which is
// the start date while nothing is billed; esc leaves nothing changed.
func TestContractPriceChangeFromTheList(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	c := saveContract(t, st, "2026-12-01", "", false, 30000)
	h := newHarness(t, st, i18n.EN, 100, 30)
	h.press("2", "?")
	h.mustSee("c price change")
	h.press("?", "c")
	h.mustSee("Price change of 保守料 (now 30,000): from which date?", "> 2026-12-01")
	h.press("enter", "esc")
	if got := contractOf(t, st, c.ID).Lines[0].Prices; len(got) != 1 {
		t.Fatalf("prices %+v after esc", got)
	}
}

// Only an active contract's price changes by c: a draft is edited in the
// editor, an ended or cancelled one no longer changes.
func TestContractPriceChangeRefused(t *testing.T) {
	for _, tc := range []struct {
		name, status, want string
	}{
		{"draft", store.ContractDraft, "下書きの単価は編集（e）で変えます"},
		{"cancelled", store.ContractCancelled, "この契約は解約のため、単価はもう変えられません"},
		{"ended", store.ContractEnded, "この契約は終了のため、単価はもう変えられません"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t, true)
			addCustomers(t, st, sampleCustomers...)
			c := saveContract(t, st, "2026-10-01", "", tc.status == store.ContractDraft, 30000)
			ctx := context.Background()
			switch tc.status {
			case store.ContractCancelled:
				if err := st.CancelContract(ctx, c.ID, "移転"); err != nil {
					t.Fatal(err)
				}
			case store.ContractEnded:
				if err := st.EndContract(ctx, c.ID, store.DateOf(2026, 11, 30), "移転"); err != nil {
					t.Fatal(err)
				}
			}
			h := newHarness(t, st, i18n.JA, 120, 35)
			h.press("2", "enter", "c")
			h.mustSee(tc.want)
			h.mustNotSee("適用開始日は？")
		})
	}
}

// The view lists the renewals: none before, then the one r made, with the
// old and new end date and that it was made by hand.
func TestContractRenewalHistoryShown(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	saveContract(t, st, "2026-04-01", "2027-03-31", false, 30000)
	h := newHarness(t, st, i18n.JA, 120, 35)
	h.press("2", "enter")
	h.mustNotSee("更新履歴")
	h.press("r", "y")
	h.mustSee("契約を更新しました。", "期間 2026-04-01 〜 2028-03-31", "更新履歴",
		"2026-11-26 終了日 2027-03-31 → 2028-03-31 手動")
}
