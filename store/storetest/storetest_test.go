package storetest_test

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// The kit builds a ledger the store accepts: a company, customers and
// products saved with their IDs, in the order given.
func TestLedger(t *testing.T) {
	st := storetest.Open(t)
	if _, err := os.Stat(st.Path()); err != nil {
		t.Fatalf("no database file: %v", err)
	}
	co := storetest.WithCompany(t, st)
	if got, err := st.Company(t.Context()); err != nil || got.Name != co.Name || got.RegistrationNumber != co.RegistrationNumber {
		t.Errorf("company %+v, %v; want %+v", got, err, co)
	}
	cs := storetest.AddCustomers(t, st, storetest.Customer("C0002", "有限会社ほか"), storetest.Customer("C0001", "株式会社テスト"))
	if len(cs) != 2 || cs[0].ID == 0 || cs[1].ID == 0 || cs[0].Code != "C0002" {
		t.Fatalf("customers %+v", cs)
	}
	if got, err := st.CustomerByCode(t.Context(), "C0001"); err != nil || got.ID != cs[1].ID {
		t.Errorf("C0001 = %+v, %v; want ID %d", got, err, cs[1].ID)
	}
	ps := storetest.AddProducts(t, st, store.Product{Code: "P001", Name: "作業費", Unit: "時間", UnitPrice: 8000,
		TaxCategory: store.TaxStandard})
	if ps[0].ID == 0 {
		t.Fatalf("product %+v", ps[0])
	}

	d := store.Document{Kind: store.KindInvoice, CustomerID: cs[0].ID, IssueDate: storetest.Date("2026-11-20"),
		Lines: []store.Line{storetest.ProductLine(ps[0], "1.5"), storetest.Line("印紙代", "1", 200, store.TaxExempt)}}
	if err := st.SaveDraft(t.Context(), &d); err != nil {
		t.Fatalf("SaveDraft: %v", err)
	}
	if got, err := st.Document(t.Context(), d.ID); err != nil || got.Totals.Total != 13_400 {
		t.Errorf("total %d, %v; want 12,000 + 1,200 tax + 200", got.Totals.Total, err)
	}
}

// OpenFile opens the file at path, creating its folder; a test may close the
// store before the cleanup does.
func TestOpenFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ledger", "d.db")
	st := storetest.OpenFile(t, path)
	if st.Path() != path {
		t.Errorf("path %q, want %q", st.Path(), path)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestValues(t *testing.T) {
	if got, want := storetest.Date("2026-11-20"), store.DateOf(2026, time.November, 20); !got.Equal(want) {
		t.Errorf("Date = %v, want %v", got, want)
	}
	if got := storetest.Qty("12.5"); got != 12_500 {
		t.Errorf("Qty = %d, want 12500 thousandths", got)
	}
	want := store.Line{Description: "作業費", Quantity: 1000, Unit: "式", UnitPrice: 50_000, TaxCategory: store.TaxStandard}
	if got := storetest.Line("作業費", "1", 50_000, store.TaxStandard); !reflect.DeepEqual(got, want) {
		t.Errorf("Line = %+v, want %+v", got, want)
	}
	for _, bad := range []func(){func() { storetest.Date("2026-02-30") }, func() { storetest.Qty("x") }} {
		func() {
			defer func() {
				if recover() == nil {
					t.Error("a malformed literal did not panic")
				}
			}()
			bad()
		}()
	}
}

func TestProblems(t *testing.T) {
	st := storetest.Open(t)
	err := st.CreateCustomers(t.Context(), []store.Customer{storetest.Customer("C1", "A"), storetest.Customer("C1", "")}, nil)
	got := storetest.Problems(t, err)
	want := []string{"2 name required", "2 code customer.code_repeated"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems %q, want %q", got, want)
	}
}
