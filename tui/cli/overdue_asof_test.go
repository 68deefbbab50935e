package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"daicho/store"
	"daicho/store/demo"
)

// asOfLedger is a ledger whose four invoices (C0001, issued 2026-09-01, due
// 09-30) were all overdue on 2026-10-10 as the records dated by then say:
//
//	paidLater      ¥11,000  paid on 10-15
//	creditedLater  ¥22,000  credited in full on 10-20
//	closedLater     ¥4,400  ¥4,000 paid on 10-01, the ¥400 closed on 10-25
//	reversedLater  ¥33,000  paid on 10-01, the payment reversed today
//
// Today, only reversedLater is overdue.
func asOfLedger(t *testing.T) (db string, numbers map[string]string) {
	t.Helper()
	db = filepath.Join(cleanEnv(t), "asof.db")
	ctx := context.Background()
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	co := demo.Company()
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	cu := store.NewCustomer()
	cu.Code, cu.Name = "C0001", "株式会社テスト"
	if err := st.CreateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	invoice := func(price store.Money) store.Document {
		t.Helper()
		d := store.Document{Kind: store.KindInvoice, CustomerID: cu.ID, Subject: "保守", IssueDate: store.DateOf(2026, 9, 1),
			DueDate: store.DateOf(2026, 9, 30), Lines: []store.Line{{Description: "作業費", Quantity: 1000, Unit: "式",
				UnitPrice: price, TaxCategory: store.TaxStandard}}}
		must(st.SaveDraft(ctx, &d))
		got, err := st.Issue(ctx, d.ID, d.Version)
		must(err)
		return got
	}
	pay := func(inv store.Document, day string, amount store.Money) store.Payment {
		t.Helper()
		date, _ := store.ParseDate(day)
		p := store.Payment{CustomerID: cu.ID, Date: date, Amount: amount, Method: store.PayBankTransfer}
		must(st.RecordPayment(ctx, &p))
		must(st.Allocate(ctx, p.ID, inv.ID, amount))
		return p
	}
	paid, credited, closed, reversed := invoice(10_000), invoice(20_000), invoice(4_000), invoice(30_000)
	pay(paid, "2026-10-15", 11_000)
	cn, err := st.CreateCreditNote(ctx, credited.ID)
	must(err)
	cn.IssueDate = store.DateOf(2026, 10, 20)
	must(st.SaveDraft(ctx, &cn))
	_, err = st.Issue(ctx, cn.ID, cn.Version)
	must(err)
	pay(closed, "2026-10-01", 4_000)
	_, err = st.CloseShortfall(ctx, closed.ID, store.AdjustTransferFee, store.DateOf(2026, 10, 25))
	must(err)
	must(st.ReversePayment(ctx, pay(reversed, "2026-10-01", 33_000).ID, "不渡り"))
	return db, map[string]string{"paidLater": paid.Number, "creditedLater": credited.Number,
		"closedLater": closed.Number, "reversedLater": reversed.Number}
}

// TestOverdueAndAgingAsOfAPastDay: `overdue --as-of D` and `report aging
// --to D` count only the payments, credit notes, adjustments and reversals
// dated on or before D.
func TestOverdueAndAgingAsOfAPastDay(t *testing.T) {
	db, n := asOfLedger(t)
	var items []struct {
		Number string
		Paid   float64
		Open   float64
		Days   float64 `json:"days_overdue"`
	}
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "overdue", "--as-of", "2026-10-10", "--format", "json").stdout), &items); err != nil {
		t.Fatal(err)
	}
	got := map[string][3]float64{}
	for _, it := range items {
		got[it.Number] = [3]float64{it.Paid, it.Open, it.Days}
	}
	want := map[string][3]float64{n["paidLater"]: {0, 11_000, 10}, n["creditedLater"]: {0, 22_000, 10},
		n["closedLater"]: {4_000, 400, 10}}
	if len(got) != len(want) {
		t.Errorf("overdue as of 2026-10-10: %v, want %v", got, want)
	}
	for number, w := range want {
		if got[number] != w {
			t.Errorf("%s as of 2026-10-10: paid, open, days %v; want %v", number, got[number], w)
		}
	}

	var aging struct {
		AsOf  string `json:"as_of"`
		Total map[string]any
	}
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "report", "aging", "--to", "2026-10-10", "--format", "json").stdout), &aging); err != nil {
		t.Fatal(err)
	}
	if aging.AsOf != "2026-10-10" || aging.Total["open"] != float64(33_400) || aging.Total["invoices"] != float64(3) {
		t.Errorf("aging as of 2026-10-10: %+v, want 33,400 open on 3 invoices", aging)
	}

	// Today only the invoice whose payment was reversed is overdue.
	items = nil
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "overdue", "--format", "json").stdout), &items); err != nil {
		t.Fatal(err)
	}
	var numbers []string
	for _, it := range items {
		numbers = append(numbers, it.Number)
	}
	if !slices.Equal(numbers, []string{n["reversedLater"]}) {
		t.Errorf("overdue today: %v, want %s", numbers, n["reversedLater"])
	}
}
