package demo

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

func TestFill(t *testing.T) {
	tests := []struct {
		size      Size
		count     int
		firstCode string
		lastCode  string
	}{
		{Small, 40, "C0001", "C0040"},
		{Large, 10_000, "C00001", "C10000"},
	}
	for _, tt := range tests {
		t.Run(tt.size.String(), func(t *testing.T) {
			if tt.size == Large && testing.Short() {
				t.Skip("10,000 customers: skipped with -short")
			}
			if tt.size == Large {
				fewerLargeInvoices(t)
			}
			ctx := context.Background()
			st := storetest.Open(t)
			if has, err := HasData(ctx, st); err != nil || has {
				t.Fatalf("HasData on a new database = %v, %v", has, err)
			}
			if err := Fill(ctx, st, tt.size); err != nil {
				t.Fatalf("Fill: %v", err)
			}
			if has, err := HasData(ctx, st); err != nil || !has {
				t.Fatalf("HasData after Fill = %v, %v", has, err)
			}
			cs, err := st.Customers(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(cs) != tt.count {
				t.Fatalf("%d customers, want %d", len(cs), tt.count)
			}
			if cs[0].Code != tt.firstCode || cs[len(cs)-1].Code != tt.lastCode {
				t.Errorf("codes %s…%s, want %s…%s", cs[0].Code, cs[len(cs)-1].Code, tt.firstCode, tt.lastCode)
			}
			checkCustomers(t, cs)
			checkCompany(t, st)
		})
	}
}

// checkCustomers asserts what makes the demo useful: every record valid as
// stored, unique names and codes, and the variety the screens need to show.
func checkCustomers(t *testing.T, cs []store.Customer) {
	t.Helper()
	names, codes := map[string]bool{}, map[string]bool{}
	count := map[string]int{}
	for _, c := range cs {
		stored := c
		if err := c.Validate(); err != nil {
			t.Errorf("%s %s: %v", c.Code, c.Name, err)
		}
		if !reflect.DeepEqual(c, stored) {
			t.Errorf("%s: stored record was not in normal form:\n%+v\n%+v", c.Code, stored, c)
		}
		if names[c.Name] {
			t.Errorf("name %q twice", c.Name)
		}
		if codes[c.Code] {
			t.Errorf("code %q twice", c.Code)
		}
		names[c.Name], codes[c.Code] = true, true
		for kind, ok := range map[string]bool{
			"archived":      c.Archived,
			"english":       c.Language == "en",
			"person":        c.Honorific == store.HonorificPerson,
			"regno":         c.RegistrationNumber != "",
			"halfwidth":     strings.ContainsFunc(c.Name, func(r rune) bool { return r >= 0xFF61 && r <= 0xFF9F }),
			"terms 20/1/10": c.ClosingDay == 20 && c.MonthsDeferred == 1 && c.PaymentDay == 10,
			"terms 31/2/31": c.ClosingDay == 31 && c.MonthsDeferred == 2 && c.PaymentDay == 31,
			"no kana":       c.Kana == "",
			"holiday keep":  c.HolidayRule == store.HolidayKeep,
		} {
			if ok {
				count[kind]++
			}
		}
		if c.Language == "ja" && c.Kana == "" {
			t.Errorf("%s %s: a Japanese customer without a reading", c.Code, c.Name)
		}
		if strings.Contains(c.Kana, "カブシキガイシャ") {
			t.Errorf("%s: the reading includes the legal form: %s", c.Code, c.Kana)
		}
	}
	for _, kind := range []string{"archived", "english", "person", "regno", "halfwidth", "terms 20/1/10",
		"terms 31/2/31", "no kana", "holiday keep"} {
		if count[kind] == 0 {
			t.Errorf("no %s customer", kind)
		}
	}
	if active := len(cs) - count["archived"]; active < len(cs)*9/10 {
		t.Errorf("only %d of %d active", active, len(cs))
	}
	staff := map[string]bool{}
	for _, c := range cs {
		staff[c.PersonInCharge] = true
	}
	if len(staff) < 4 {
		t.Errorf("persons in charge: %v", staff)
	}
}

func checkCompany(t *testing.T, st *store.Store) {
	t.Helper()
	co, err := st.Company(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n, err := store.NormalizeRegistrationNumber(co.RegistrationNumber); err != nil || n != co.RegistrationNumber {
		t.Errorf("company registration number %q: %v", co.RegistrationNumber, err)
	}
	if co.Name != "株式会社サンプル商事" || co.PostalCode == "" || co.Phone == "" || co.Email == "" || len(co.BankAccounts) == 0 {
		t.Errorf("company incomplete: %+v", co)
	}
}

// The half-width sample name is kept as typed (the screens fold it), and its
// reading is stored folded to full width.
func TestFillHalfWidthReading(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	if err := Fill(ctx, st, Small); err != nil {
		t.Fatal(err)
	}
	c, err := st.CustomerByCode(ctx, "C0027")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "株式会社ﾏﾙｶﾞﾒ食堂" || c.Kana != "マルガメショクドウ" {
		t.Errorf("C0027 = %q / %q", c.Name, c.Kana)
	}
}

// Filling a database that has data (what `daicho demo --force` does) keeps
// the company, numbers the new customers after the highest code, and makes
// no products or documents in an office's own ledger.
func TestFillAgainAppends(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	own := store.NewCompany()
	own.Name = "有限会社うちの会社"
	if err := st.SaveCompany(ctx, &own); err != nil {
		t.Fatal(err)
	}
	mine := store.NewCustomer()
	mine.Code, mine.Name = "C0007", "既存の顧客"
	if err := st.CreateCustomer(ctx, &mine); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		added, err := Add(ctx, st, Small)
		if err != nil {
			t.Fatalf("Fill: %v", err)
		}
		if added != (Added{Customers: SmallCustomers}) {
			t.Errorf("added %+v to an office's own database; want customers only", added)
		}
	}
	co, err := st.Company(ctx)
	if err != nil || co.Name != own.Name {
		t.Errorf("company = %q, %v; want it kept", co.Name, err)
	}
	cs, err := st.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1+2*SmallCustomers {
		t.Fatalf("%d customers", len(cs))
	}
	if cs[0].Code != "C0007" || cs[1].Code != "C0008" || cs[len(cs)-1].Code != "C0087" {
		t.Errorf("codes %s, %s … %s", cs[0].Code, cs[1].Code, cs[len(cs)-1].Code)
	}
}

func TestCustomersDeterministic(t *testing.T) {
	a, b := Customers(Small, 1), Customers(Small, 1)
	if !reflect.DeepEqual(a, b) {
		t.Error("two calls gave different customers")
	}
	if got := Customers(Small, 9999); got[0].Code != "C09999" || got[39].Code != "C10038" {
		t.Errorf("codes past 9999: %s … %s", got[0].Code, got[39].Code)
	}
}

func TestParseSize(t *testing.T) {
	for in, want := range map[string]Size{"small": Small, "large": Large} {
		if got, err := ParseSize(in); err != nil || got != want || got.String() != in {
			t.Errorf("ParseSize(%q) = %v, %v", in, got, err)
		}
	}
	if _, err := ParseSize("huge"); err == nil {
		t.Error("ParseSize(huge) accepted")
	}
}
