package store_test

import (
	"reflect"
	"slices"
	"testing"

	"daicho/store"
)

func validCompany() store.Company {
	c := store.NewCompany()
	c.Name = "株式会社だいちょう"
	c.Kana = "ダイチョウ"
	c.PostalCode = "100-0001"
	c.Address1 = "東京都千代田区千代田1-1"
	c.Phone = "03-0000-0000"
	c.Email = "info@daicho.example.jp"
	c.RegistrationNumber = "T7123456789012"
	c.BankAccounts = []store.BankAccount{
		{Bank: "みずほ銀行", Branch: "東京営業部", AccountType: store.AccountOrdinary, Number: "1234567", HolderKana: "カ)ダイチョウ"},
	}
	return c
}

func TestNewCompanyDefaults(t *testing.T) {
	got := store.NewCompany()
	want := store.Company{FiscalYearStart: 4, Currency: "JPY", TaxRounding: "floor", NumberFormat: "{kind}-{year}-{seq:4}",
		ShortfallTolerance: 1000, BackupKeep: 14}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NewCompany() = %+v, want %+v", got, want)
	}
}

func TestCompanyValidateNormalises(t *testing.T) {
	base := validCompany()
	if c := validCompany(); c.Validate() != nil || !reflect.DeepEqual(c, base) {
		t.Fatalf("validCompany() is not valid and normalised: %v", c.Validate())
	}
	cases := []struct {
		name     string
		in, want func(c *store.Company)
	}{
		{"fiscal year from January", func(c *store.Company) { c.FiscalYearStart = 1 }, func(c *store.Company) { c.FiscalYearStart = 1 }},
		{"fiscal year from December", func(c *store.Company) { c.FiscalYearStart = 12 }, func(c *store.Company) { c.FiscalYearStart = 12 }},
		{"currency in lower case", func(c *store.Company) { c.Currency = " usd" }, func(c *store.Company) { c.Currency = "USD" }},
		{"tax rounded half up", func(c *store.Company) { c.TaxRounding = "half_up" }, func(c *store.Company) { c.TaxRounding = "half_up" }},
		{"tax rounded up", func(c *store.Company) { c.TaxRounding = "ceil" }, func(c *store.Company) { c.TaxRounding = "ceil" }},
		{"postal code folded", func(c *store.Company) { c.PostalCode = "〒１０００００１" }, func(c *store.Company) { c.PostalCode = "100-0001" }},
		{"postal code free outside Japan", func(c *store.Company) { c.Currency, c.PostalCode = "EUR", "75001 Paris" }, func(c *store.Company) { c.Currency, c.PostalCode = "EUR", "75001 Paris" }},
		{"registration number optional", func(c *store.Company) { c.RegistrationNumber = "" }, func(c *store.Company) { c.RegistrationNumber = "" }},
		{"registration number folded", func(c *store.Company) { c.RegistrationNumber = "ｔ４０１１００１０９８９９３" }, func(c *store.Company) { c.RegistrationNumber = "T4011001098993" }},
		{"no bank account", func(c *store.Company) { c.BankAccounts = nil }, func(c *store.Company) { c.BankAccounts = nil }},
		{"full-width account number", func(c *store.Company) { c.BankAccounts[0].Number = "１２３４５６７" }, func(c *store.Company) {}},
		{"half-width holder kana", func(c *store.Company) { c.BankAccounts[0].HolderKana = "ｶ)ﾀﾞｲﾁｮｳ" }, func(c *store.Company) {}},
		{"hiragana holder kana", func(c *store.Company) { c.BankAccounts[0].HolderKana = "か)だいちょう" }, func(c *store.Company) {}},
		{"current account", func(c *store.Company) { c.BankAccounts[0].AccountType = "current" }, func(c *store.Company) { c.BankAccounts[0].AccountType = "current" }},
		{"savings account", func(c *store.Company) { c.BankAccounts[0].AccountType = "savings" }, func(c *store.Company) { c.BankAccounts[0].AccountType = "savings" }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, want := validCompany(), validCompany()
			tc.in(&got)
			tc.want(&want)
			if err := got.Validate(); err != nil {
				t.Fatalf("Validate: %v", fieldErrors(err))
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("after Validate\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestCompanyValidateRefuses(t *testing.T) {
	second := store.BankAccount{Bank: "ゆうちょ銀行", Branch: "〇一八", AccountType: store.AccountOrdinary, Number: "7654321", HolderKana: "ダイチョウ"}
	cases := []struct {
		name string
		in   func(c *store.Company)
		want []string // "field reason"
	}{
		{"no name", func(c *store.Company) { c.Name = " " }, []string{"name required"}},
		{"name on two lines", func(c *store.Company) { c.Name = "株式会社\nだいちょう" }, []string{"name one_line"}},
		{"kanji kana", func(c *store.Company) { c.Kana = "大帳" }, []string{"kana kana.format"}},
		{"registration number check digit", func(c *store.Company) { c.RegistrationNumber = "T7123456789013" }, []string{"registration_number regno.check_digit"}},
		{"registration number format", func(c *store.Company) { c.RegistrationNumber = "T71234567890" }, []string{"registration_number regno.format"}},
		{"fiscal year month 0", func(c *store.Company) { c.FiscalYearStart = 0 }, []string{"fiscal_year_start range"}},
		{"fiscal year month 13", func(c *store.Company) { c.FiscalYearStart = 13 }, []string{"fiscal_year_start range"}},
		{"unknown currency", func(c *store.Company) { c.Currency = "XYZ" }, []string{"currency currency.unknown"}},
		{"no currency", func(c *store.Company) { c.Currency = "" }, []string{"currency currency.unknown"}},
		{"unknown tax rounding", func(c *store.Company) { c.TaxRounding = "banker" }, []string{"tax_rounding choice"}},
		{"Japanese postal code", func(c *store.Company) { c.PostalCode = "100-001" }, []string{"postal_code postal.format_jp"}},
		{"phone", func(c *store.Company) { c.Phone = "call us" }, []string{"phone phone.format"}},
		{"email", func(c *store.Company) { c.Email = "info@" }, []string{"email email.format"}},
		{"second account without bank", func(c *store.Company) {
			c.BankAccounts = append(c.BankAccounts, second)
			c.BankAccounts[1].Bank = ""
		}, []string{"bank_accounts.1.bank required"}},
		{"second account without branch", func(c *store.Company) {
			c.BankAccounts = append(c.BankAccounts, second)
			c.BankAccounts[1].Branch = ""
		}, []string{"bank_accounts.1.branch required"}},
		{"unknown account type", func(c *store.Company) { c.BankAccounts[0].AccountType = "checking" }, []string{"bank_accounts.0.account_type choice"}},
		{"no account number", func(c *store.Company) { c.BankAccounts[0].Number = "" }, []string{"bank_accounts.0.number required"}},
		{"account number with a dash", func(c *store.Company) { c.BankAccounts[0].Number = "123-4567" }, []string{"bank_accounts.0.number account.number"}},
		{"account number of 9 digits", func(c *store.Company) { c.BankAccounts[0].Number = "123456789" }, []string{"bank_accounts.0.number account.number"}},
		{"no holder", func(c *store.Company) { c.BankAccounts[0].HolderKana = "" }, []string{"bank_accounts.0.holder_kana required"}},
		{"holder in kanji", func(c *store.Company) { c.BankAccounts[0].HolderKana = "株式会社大帳" }, []string{"bank_accounts.0.holder_kana kana.format"}},
		{"every field of an empty account", func(c *store.Company) { c.BankAccounts = append(c.BankAccounts, store.BankAccount{}) },
			[]string{"bank_accounts.1.bank required", "bank_accounts.1.branch required", "bank_accounts.1.account_type choice",
				"bank_accounts.1.number required", "bank_accounts.1.holder_kana required"}},
		{"several fields at once", func(c *store.Company) {
			c.Name, c.FiscalYearStart, c.TaxRounding = "", 0, ""
			c.BankAccounts[0].Number = "abc"
		}, []string{"name required", "fiscal_year_start range", "tax_rounding choice", "bank_accounts.0.number account.number"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := validCompany()
			tc.in(&c)
			err := c.Validate()
			if got := fieldErrors(err); !slices.Equal(got, tc.want) {
				t.Errorf("errors\n got %q\nwant %q", got, tc.want)
			}
			for _, e := range store.FieldErrors(err) {
				if e.Code != store.CodeInvalid {
					t.Errorf("%s: code %s, want invalid", e.Field, e.Code)
				}
			}
		})
	}
}

func TestSaveCompany(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	company := func() store.Company {
		t.Helper()
		c, err := st.Company(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	if has, err := st.HasCompany(ctx); err != nil || has {
		t.Fatalf("HasCompany() on a new database = %v, %v", has, err)
	}
	_, err := st.Company(ctx)
	if e := storeError(t, err, store.CodeNotFound); e.Reason != "company.not_set" {
		t.Errorf("Reason = %q", e.Reason)
	}

	c := validCompany()
	c.NameEN, c.Address1EN, c.Address2EN = "Daicho Shokai Co., Ltd.", "5F, 1-2-3 Jinnan", "Shibuya-ku, Tokyo"
	if err := st.SaveCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.Version != 1 {
		t.Errorf("Version after the first save = %d", c.Version)
	}
	if has, err := st.HasCompany(ctx); err != nil || !has {
		t.Fatalf("HasCompany() after saving = %v, %v", has, err)
	}
	if got := company(); !reflect.DeepEqual(got, c) {
		t.Errorf("stored\n got %+v\nwant %+v", got, c)
	}

	// Bank accounts are replaced by the new list, in its order.
	stale := c
	c.Name = "株式会社だいちょう商会"
	c.BankAccounts = []store.BankAccount{
		{Bank: "ゆうちょ銀行", Branch: "〇一八", AccountType: store.AccountSavings, Number: "7654321", HolderKana: "ダイチョウ"},
		{Bank: "三井住友銀行", Branch: "本店営業部", AccountType: store.AccountCurrent, Number: "1", HolderKana: "ダイチョウ"},
		c.BankAccounts[0],
	}
	if err := st.SaveCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got := company(); c.Version != 2 || !reflect.DeepEqual(got, c) {
		t.Errorf("after update (version %d)\n got %+v\nwant %+v", c.Version, got, c)
	}

	// A save from a form opened before that update is refused, and so is a
	// second "first save".
	for _, old := range []store.Company{stale, validCompany()} {
		old.Name = "古い名前"
		e := storeError(t, st.SaveCompany(ctx, &old), store.CodeConflict)
		if e.Reason != "changed_by" {
			t.Errorf("Reason = %q", e.Reason)
		}
		if got := company(); !reflect.DeepEqual(got, c) {
			t.Errorf("after a refused save\n got %+v\nwant %+v", got, c)
		}
	}

	// Invalid settings change nothing.
	bad := c
	bad.BankAccounts = []store.BankAccount{{Bank: "x"}}
	storeError(t, st.SaveCompany(ctx, &bad), store.CodeInvalid)
	if got := company(); !reflect.DeepEqual(got, c) {
		t.Errorf("after an invalid save\n got %+v\nwant %+v", got, c)
	}

	c.BankAccounts = nil
	if err := st.SaveCompany(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if got := company(); len(got.BankAccounts) != 0 || got.Version != 3 {
		t.Errorf("after removing the accounts: %+v", got)
	}

	// One audit row per save: the first creates the settings.
	var got []string
	for _, r := range auditRows(t, st) {
		if r.Entity != "company" || r.Actor != "tester" || r.At != fixedNow.Format("2006-01-02T15:04:05Z07:00") {
			t.Errorf("audit row %+v", r)
		}
		got = append(got, r.Action+" "+jsonString(jsonField(t, r.Before, "name"))+" → "+jsonString(jsonField(t, r.After, "name")))
	}
	want := []string{
		"create  → 株式会社だいちょう",
		"update 株式会社だいちょう → 株式会社だいちょう商会",
		"update 株式会社だいちょう商会 → 株式会社だいちょう商会",
	}
	if !slices.Equal(got, want) {
		t.Errorf("audit\n got %q\nwant %q", got, want)
	}
}

func jsonString(v any) string {
	s, _ := v.(string)
	return s
}
