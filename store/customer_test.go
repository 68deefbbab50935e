package store_test

import (
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// validCustomer returns a customer that passes Validate unchanged.
func validCustomer(code string) store.Customer {
	c := store.NewCustomer()
	c.Code = code
	c.Name = "株式会社テスト商事"
	c.Kana = "テストショウジ"
	c.Delivery = store.DeliveryPost // no email address: post (what Validate defaults to)
	return c
}

// fullCustomer has every field filled with a valid, already normalised value.
func fullCustomer(code string) store.Customer {
	return store.Customer{
		Code:               code,
		Name:               "株式会社ひまわり企画",
		Kana:               "ヒマワリキカク",
		Honorific:          store.HonorificCompany,
		PostalCode:         "150-0041",
		Address1:           "東京都渋谷区神南1-2-3",
		Address2:           "ひまわりビル4F",
		Department:         "経理部",
		Contact:            "山田 花子",
		Email:              "keiri@himawari.example.jp",
		Phone:              "03-1234-5678",
		ClosingDay:         20,
		MonthsDeferred:     1,
		PaymentDay:         10,
		HolidayRule:        store.HolidayPrevious,
		RegistrationNumber: "T4011001098993",
		Language:           "ja",
		PersonInCharge:     "佐藤",
		Notes:              "請求書は郵送で。\n毎月20日締め。",
		FeePolicy:          store.FeeTheirs, // issue 14
		InvoiceStyle:       store.InvoiceCarryForward,
		Delivery:           store.DeliveryBoth,
		SendToName:         "株式会社ひまわり企画 本社",
		SendToPostalCode:   "150-0002",
		SendToAddress1:     "東京都渋谷区渋谷2-1-1",
		SendToAddress2:     "本社ビル2F",
		SendToDepartment:   "経理部",
		SendToContact:      "鈴木 一郎",
	}
}

// fieldErrors returns the field errors in err as "field reason" strings.
func fieldErrors(err error) []string {
	var out []string
	for _, e := range store.FieldErrors(err) {
		out = append(out, e.Field+" "+e.Reason)
	}
	return out
}

func TestNewCustomerDefaults(t *testing.T) {
	c := store.NewCustomer()
	want := store.Customer{Honorific: "御中", ClosingDay: 31, MonthsDeferred: 1, PaymentDay: 31,
		HolidayRule: "next", Language: "ja", FeePolicy: "ask", InvoiceStyle: "simple"}
	if c != want {
		t.Errorf("NewCustomer() = %+v, want %+v", c, want)
	}
}

// Valid input is accepted and normalised to one canonical spelling.
func TestCustomerValidateNormalises(t *testing.T) {
	for _, base := range []store.Customer{validCustomer("C0001"), fullCustomer("C0001")} {
		c := base
		if err := c.Validate(); err != nil || c != base {
			t.Fatalf("base customer: err %v, changed to %+v", err, c)
		}
	}
	cases := []struct {
		name string
		in   func(c *store.Customer) // applied to the input
		want func(c *store.Customer) // applied to the expected result
	}{
		{"code upper-cased", func(c *store.Customer) { c.Code = "c0042" }, func(c *store.Customer) { c.Code = "C0042" }},
		{"full-width code folded", func(c *store.Customer) { c.Code = "Ｃ００４２" }, func(c *store.Customer) { c.Code = "C0042" }},
		{"code trimmed, - and _ kept", func(c *store.Customer) { c.Code = " a-1_b " }, func(c *store.Customer) { c.Code = "A-1_B" }},
		{"code of 16 characters", func(c *store.Customer) { c.Code = strings.Repeat("9", 16) }, func(c *store.Customer) { c.Code = strings.Repeat("9", 16) }},
		{"name trimmed", func(c *store.Customer) { c.Name = "　 山田商店 " }, func(c *store.Customer) { c.Name = "山田商店" }},
		{"name of 100 characters", func(c *store.Customer) { c.Name = strings.Repeat("名", 100) }, func(c *store.Customer) { c.Name = strings.Repeat("名", 100) }},
		{"hiragana kana to katakana", func(c *store.Customer) { c.Kana = "やまだしょうてん" }, func(c *store.Customer) { c.Kana = "ヤマダショウテン" }},
		{"half-width kana widened and composed", func(c *store.Customer) { c.Kana = "ｶﾌﾞｼｷｶﾞｲｼｬ ﾊﾟﾝ" }, func(c *store.Customer) { c.Kana = "カブシキガイシャ パン" }},
		{"kana with Latin letters and marks", func(c *store.Customer) { c.Kana = "ＡＢＣ・ショウジ（カ）" }, func(c *store.Customer) { c.Kana = "ABC・ショウジ(カ)" }},
		{"empty kana", func(c *store.Customer) { c.Kana = "" }, func(c *store.Customer) { c.Kana = "" }},
		{"honorific 様", func(c *store.Customer) { c.Honorific = "様" }, func(c *store.Customer) { c.Honorific = "様" }},
		{"no honorific", func(c *store.Customer) { c.Honorific = "" }, func(c *store.Customer) { c.Honorific = "" }},
		{"postal code of 7 digits", func(c *store.Customer) { c.PostalCode = "1000001" }, func(c *store.Customer) { c.PostalCode = "100-0001" }},
		{"full-width postal code", func(c *store.Customer) { c.PostalCode = "１００－０００１" }, func(c *store.Customer) { c.PostalCode = "100-0001" }},
		{"postal code with 〒", func(c *store.Customer) { c.PostalCode = "〒100-0001" }, func(c *store.Customer) { c.PostalCode = "100-0001" }},
		{"postal code with 〒 and space", func(c *store.Customer) { c.PostalCode = "〒 １０００００１" }, func(c *store.Customer) { c.PostalCode = "100-0001" }},
		{"postal code free abroad", func(c *store.Customer) { c.Language, c.PostalCode = "en", "SW1A 1AA" }, func(c *store.Customer) { c.Language, c.PostalCode = "en", "SW1A 1AA" }},
		{"full-width email folded", func(c *store.Customer) { c.Email = "ｉｎｆｏ＠ｅｘａｍｐｌｅ．ｊｐ" }, func(c *store.Customer) { c.Email = "info@example.jp" }},
		{"full-width phone folded", func(c *store.Customer) { c.Phone = "０３ー１２３４ー５６７８" }, func(c *store.Customer) { c.Phone = "03-1234-5678" }},
		{"international phone", func(c *store.Customer) { c.Phone = "+81 (3) 1234 5678" }, func(c *store.Customer) { c.Phone = "+81 (3) 1234 5678" }},
		{"closing day 1", func(c *store.Customer) { c.ClosingDay = 1 }, func(c *store.Customer) { c.ClosingDay = 1 }},
		{"closing day 28", func(c *store.Customer) { c.ClosingDay = 28 }, func(c *store.Customer) { c.ClosingDay = 28 }},
		{"closing at month end", func(c *store.Customer) { c.ClosingDay = 31 }, func(c *store.Customer) { c.ClosingDay = 31 }},
		{"paid the same month", func(c *store.Customer) { c.MonthsDeferred = 0 }, func(c *store.Customer) { c.MonthsDeferred = 0 }},
		{"paid 3 months later", func(c *store.Customer) { c.MonthsDeferred = 3 }, func(c *store.Customer) { c.MonthsDeferred = 3 }},
		{"payment day 1", func(c *store.Customer) { c.PaymentDay = 1 }, func(c *store.Customer) { c.PaymentDay = 1 }},
		{"payment day 28", func(c *store.Customer) { c.PaymentDay = 28 }, func(c *store.Customer) { c.PaymentDay = 28 }},
		{"holiday rule keep", func(c *store.Customer) { c.HolidayRule = "keep" }, func(c *store.Customer) { c.HolidayRule = "keep" }},
		{"holiday rule previous", func(c *store.Customer) { c.HolidayRule = "previous" }, func(c *store.Customer) { c.HolidayRule = "previous" }},
		{"registration number lower-case t", func(c *store.Customer) { c.RegistrationNumber = "t7123456789012" }, func(c *store.Customer) { c.RegistrationNumber = "T7123456789012" }},
		{"registration number full-width, grouped", func(c *store.Customer) { c.RegistrationNumber = "Ｔ２－１２０９－０１００－７４０２" }, func(c *store.Customer) { c.RegistrationNumber = "T2120901007402" }},
		{"language en", func(c *store.Customer) { c.Language = "en" }, func(c *store.Customer) { c.Language = "en" }},
		{"notes on several lines", func(c *store.Customer) { c.Notes = "一行目\n二行目" }, func(c *store.Customer) { c.Notes = "一行目\n二行目" }},
		{"notes of 2000 characters", func(c *store.Customer) { c.Notes = strings.Repeat("あ", 2000) }, func(c *store.Customer) { c.Notes = strings.Repeat("あ", 2000) }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, want := fullCustomer("C0001"), fullCustomer("C0001")
			tc.in(&got)
			tc.want(&want)
			if err := got.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			if got != want {
				t.Errorf("after Validate\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// Every rule refuses bad input with the field at fault and a reason key.
func TestCustomerValidateRefuses(t *testing.T) {
	dayRange := []any{1, 28, 31}
	cases := []struct {
		name   string
		in     func(c *store.Customer)
		field  string
		reason string
		args   []any // nil: not checked
	}{
		{"no code", func(c *store.Customer) { c.Code = "" }, "code", "required", nil},
		{"blank code", func(c *store.Customer) { c.Code = " 　" }, "code", "required", nil},
		{"space in code", func(c *store.Customer) { c.Code = "C 01" }, "code", "code.format", nil},
		{"kanji in code", func(c *store.Customer) { c.Code = "顧客1" }, "code", "code.format", nil},
		{"code starting with -", func(c *store.Customer) { c.Code = "-C01" }, "code", "code.format", nil},
		{"code of 17 characters", func(c *store.Customer) { c.Code = strings.Repeat("9", 17) }, "code", "code.format", nil},
		{"no name", func(c *store.Customer) { c.Name = "" }, "name", "required", nil},
		{"blank name", func(c *store.Customer) { c.Name = "　" }, "name", "required", nil},
		{"newline in name", func(c *store.Customer) { c.Name = "株式会社\nテスト" }, "name", "one_line", nil},
		{"carriage return in name", func(c *store.Customer) { c.Name = "株式会社\rテスト" }, "name", "one_line", nil},
		{"control character in name", func(c *store.Customer) { c.Name = "テスト\x07" }, "name", "control_chars", nil},
		{"name of 101 characters", func(c *store.Customer) { c.Name = strings.Repeat("名", 101) }, "name", "too_long", []any{100}},
		{"kanji in kana", func(c *store.Customer) { c.Kana = "株式会社テスト" }, "kana", "kana.format", nil},
		{"kana of 101 characters", func(c *store.Customer) { c.Kana = strings.Repeat("ア", 101) }, "kana", "too_long", []any{100}},
		{"unknown honorific", func(c *store.Customer) { c.Honorific = "さん" }, "honorific", "choice", []any{"御中, 様, "}},
		{"postal code of 6 digits", func(c *store.Customer) { c.PostalCode = "100-001" }, "postal_code", "postal.format_jp", nil},
		{"postal code of 8 digits", func(c *store.Customer) { c.PostalCode = "10000011" }, "postal_code", "postal.format_jp", nil},
		{"postal code with letters", func(c *store.Customer) { c.PostalCode = "ABC-DEFG" }, "postal_code", "postal.format_jp", nil},
		{"postal code abroad too long", func(c *store.Customer) { c.Language, c.PostalCode = "en", strings.Repeat("9", 21) }, "postal_code", "too_long", []any{20}},
		{"postal code abroad on two lines", func(c *store.Customer) { c.Language, c.PostalCode = "en", "SW1A\n1AA" }, "postal_code", "one_line", nil},
		{"address of 201 characters", func(c *store.Customer) { c.Address1 = strings.Repeat("地", 201) }, "address1", "too_long", []any{200}},
		{"address on two lines", func(c *store.Customer) { c.Address2 = "3F\n4F" }, "address2", "one_line", nil},
		{"department of 101 characters", func(c *store.Customer) { c.Department = strings.Repeat("部", 101) }, "department", "too_long", []any{100}},
		{"contact of 101 characters", func(c *store.Customer) { c.Contact = strings.Repeat("人", 101) }, "contact", "too_long", []any{100}},
		{"email without @", func(c *store.Customer) { c.Email = "keiri.example.jp" }, "email", "email.format", nil},
		{"email without a dot in the domain", func(c *store.Customer) { c.Email = "keiri@localhost" }, "email", "email.format", nil},
		{"email with a display name", func(c *store.Customer) { c.Email = "Keiri <keiri@example.jp>" }, "email", "email.format", nil},
		{"two emails", func(c *store.Customer) { c.Email = "a@example.jp, b@example.jp" }, "email", "email.format", nil},
		{"phone with letters", func(c *store.Customer) { c.Phone = "03-1234-5678 ext 9" }, "phone", "phone.format", nil},
		{"phone of 5 digits", func(c *store.Customer) { c.Phone = "12-345" }, "phone", "phone.format", nil},
		{"phone of 31 characters", func(c *store.Customer) { c.Phone = strings.Repeat("0", 31) }, "phone", "phone.format", nil},
		{"closing day 0", func(c *store.Customer) { c.ClosingDay = 0 }, "closing_day", "day.range", dayRange},
		{"closing day 29", func(c *store.Customer) { c.ClosingDay = 29 }, "closing_day", "day.range", dayRange},
		{"closing day 30", func(c *store.Customer) { c.ClosingDay = 30 }, "closing_day", "day.range", dayRange},
		{"closing day 32", func(c *store.Customer) { c.ClosingDay = 32 }, "closing_day", "day.range", dayRange},
		{"closing day -1", func(c *store.Customer) { c.ClosingDay = -1 }, "closing_day", "day.range", dayRange},
		{"payment day 0", func(c *store.Customer) { c.PaymentDay = 0 }, "payment_day", "day.range", dayRange},
		{"payment day 29", func(c *store.Customer) { c.PaymentDay = 29 }, "payment_day", "day.range", dayRange},
		{"payment day 30", func(c *store.Customer) { c.PaymentDay = 30 }, "payment_day", "day.range", dayRange},
		{"payment day 32", func(c *store.Customer) { c.PaymentDay = 32 }, "payment_day", "day.range", dayRange},
		{"months deferred -1", func(c *store.Customer) { c.MonthsDeferred = -1 }, "months_deferred", "range", []any{0, 3}},
		{"months deferred 4", func(c *store.Customer) { c.MonthsDeferred = 4 }, "months_deferred", "range", []any{0, 3}},
		{"no holiday rule", func(c *store.Customer) { c.HolidayRule = "" }, "holiday_rule", "choice", nil},
		{"unknown holiday rule", func(c *store.Customer) { c.HolidayRule = "later" }, "holiday_rule", "choice", []any{"keep, previous, next"}},
		{"registration number with a wrong check digit", func(c *store.Customer) { c.RegistrationNumber = "T5011001098993" }, "registration_number", "regno.check_digit", nil},
		{"registration number without T", func(c *store.Customer) { c.RegistrationNumber = "4011001098993" }, "registration_number", "regno.format", nil},
		{"registration number too short", func(c *store.Customer) { c.RegistrationNumber = "T401100109899" }, "registration_number", "regno.format", nil},
		{"unknown language", func(c *store.Customer) { c.Language = "fr" }, "language", "choice", []any{"ja, en"}},
		{"no language", func(c *store.Customer) { c.Language = "" }, "language", "choice", nil},
		{"person in charge of 51 characters", func(c *store.Customer) { c.PersonInCharge = strings.Repeat("担", 51) }, "person_in_charge", "too_long", []any{50}},
		{"notes of 2001 characters", func(c *store.Customer) { c.Notes = strings.Repeat("あ", 2001) }, "notes", "too_long", []any{2000}},
		{"NUL in notes", func(c *store.Customer) { c.Notes = "a\x00b" }, "notes", "control_chars", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := fullCustomer("C0001")
			tc.in(&c)
			err := c.Validate()
			fes := store.FieldErrors(err)
			if len(fes) != 1 {
				t.Fatalf("Validate: %v, want exactly one error %s %s", fieldErrors(err), tc.field, tc.reason)
			}
			e := fes[0]
			if e.Code != store.CodeInvalid || e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("got %s %s %s, want invalid %s %s", e.Code, e.Field, e.Reason, tc.field, tc.reason)
			}
			if tc.args != nil && !reflect.DeepEqual(e.Args, tc.args) {
				t.Errorf("Args = %#v, want %#v", e.Args, tc.args)
			}
		})
	}
}

func TestCustomerValidateReportsEveryBadField(t *testing.T) {
	c := fullCustomer("")
	c.Name = ""
	c.Kana = "漢字"
	c.Email = "nobody"
	c.ClosingDay = 30
	c.RegistrationNumber = "T4011001098994"
	got := fieldErrors(c.Validate())
	want := []string{"code required", "name required", "kana kana.format", "email email.format",
		"closing_day day.range", "registration_number regno.check_digit"}
	if !slices.Equal(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
}

func TestCustomerCreateGetUpdateList(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	if _, err := st.Customer(ctx, 1); err == nil {
		t.Fatal("found a customer in an empty database")
	}

	storetest.Staff(t, st, testStaff...)
	c := fullCustomer("c0007")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Version != 1 || c.Code != "C0007" {
		t.Fatalf("after create: ID %d, Version %d, Code %q", c.ID, c.Version, c.Code)
	}
	byID, err := st.Customer(ctx, c.ID)
	if err != nil || byID != c {
		t.Fatalf("Customer(%d) = %+v, %v\nwant %+v", c.ID, byID, err, c)
	}
	for _, code := range []string{"C0007", "c0007", "Ｃ０００７"} {
		byCode, err := st.CustomerByCode(ctx, code)
		if err != nil || byCode != c {
			t.Errorf("CustomerByCode(%q) = %+v, %v", code, byCode, err)
		}
	}

	other := validCustomer("C0002")
	other.Email, other.Phone, other.PersonInCharge = "a@example.jp", "0312345678", "鈴木"
	if err := st.CreateCustomer(ctx, &other); err != nil {
		t.Fatal(err)
	}

	c.Name, c.ClosingDay, c.Archived = "株式会社ひまわり", 31, false
	if err := st.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if c.Version != 2 {
		t.Errorf("Version after update = %d, want 2", c.Version)
	}
	if got, _ := st.Customer(ctx, c.ID); got != c {
		t.Errorf("after update\n got %+v\nwant %+v", got, c)
	}

	list, err := st.Customers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0] != other || list[1] != c {
		t.Errorf("Customers() = %+v, want [C0002 C0007]", list)
	}
	sums, err := st.CustomerSummaries(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantSums := []store.CustomerSummary{
		{ID: other.ID, Code: "C0002", Name: other.Name, Kana: other.Kana, Phone: "0312345678", Email: "a@example.jp", PersonInCharge: "鈴木",
			FeePolicy: other.FeePolicy},
		{ID: c.ID, Code: "C0007", Name: c.Name, Kana: c.Kana, Phone: c.Phone, Email: c.Email, PersonInCharge: c.PersonInCharge,
			FeePolicy: c.FeePolicy},
	}
	if !slices.Equal(sums, wantSums) {
		t.Errorf("CustomerSummaries()\n got %+v\nwant %+v", sums, wantSums)
	}
}

func TestCustomerNotFound(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	_, err := st.Customer(ctx, 42)
	storeError(t, err, store.CodeNotFound)
	_, err = st.CustomerByCode(ctx, "C0042")
	if e := storeError(t, err, store.CodeNotFound); e.Field != "code" {
		t.Errorf("Field = %q, want code", e.Field)
	}
	c := validCustomer("C0042")
	c.ID, c.Version = 42, 1
	storeError(t, st.UpdateCustomer(ctx, &c), store.CodeNotFound)
	storeError(t, st.SetCustomerArchived(ctx, 42, true), store.CodeNotFound)
}

func TestCreateCustomerInvalidWritesNothing(t *testing.T) {
	st := newTestStore(t)
	c := validCustomer("C0001")
	c.PaymentDay = 30
	storeError(t, st.CreateCustomer(t.Context(), &c), store.CodeInvalid)
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM customers"); n != 0 {
		t.Errorf("%d customers written", n)
	}
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM audit_log"); n != 0 {
		t.Errorf("%d audit rows written", n)
	}
}

func TestCustomerCodeTaken(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	a, b := validCustomer("C0001"), validCustomer("C0002")
	for _, c := range []*store.Customer{&a, &b} {
		if err := st.CreateCustomer(ctx, c); err != nil {
			t.Fatal(err)
		}
	}

	dup := validCustomer("c0001") // the same code once upper-cased
	e := storeError(t, st.CreateCustomer(ctx, &dup), store.CodeConflict)
	if e.Field != "code" || e.Reason != "customer.code_taken" {
		t.Errorf("create: Field %q Reason %q, want code customer.code_taken", e.Field, e.Reason)
	}

	b.Code = "C0001"
	e = storeError(t, st.UpdateCustomer(ctx, &b), store.CodeConflict)
	if e.Field != "code" || e.Reason != "customer.code_taken" {
		t.Errorf("update: Field %q Reason %q, want code customer.code_taken", e.Field, e.Reason)
	}
	if got, _ := st.Customer(ctx, b.ID); got.Code != "C0002" || got.Version != 1 {
		t.Errorf("after the refused update: code %q version %d", got.Code, got.Version)
	}
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM customers"); n != 2 {
		t.Errorf("%d customers, want 2", n)
	}
}

// A form opened before someone else saved the customer cannot overwrite their change.
func TestUpdateCustomerStaleVersion(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	storetest.Staff(t, st, testStaff...)
	c := fullCustomer("C0001")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	mine, theirs := c, c
	theirs.Name = "先に保存した名前"
	if err := st.UpdateCustomer(ctx, &theirs); err != nil {
		t.Fatal(err)
	}

	mine.Name = "後から保存する名前"
	e := storeError(t, st.UpdateCustomer(ctx, &mine), store.CodeConflict)
	if e.Reason != "changed_by" {
		t.Errorf("Reason = %q", e.Reason)
	}
	if mine.Version != 1 {
		t.Errorf("refused update bumped the caller's version to %d", mine.Version)
	}
	if got, _ := st.Customer(ctx, c.ID); got != theirs {
		t.Errorf("stored\n got %+v\nwant %+v", got, theirs)
	}
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM audit_log WHERE action = 'update'"); n != 1 {
		t.Errorf("%d update audit rows, want 1", n)
	}
}

func TestSetCustomerArchived(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	c := validCustomer("C0001")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	for i, archived := range []bool{true, false, true} {
		if err := st.SetCustomerArchived(ctx, c.ID, archived); err != nil {
			t.Fatal(err)
		}
		got, err := st.Customer(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Archived != archived || got.Version != int64(i+2) {
			t.Errorf("step %d: archived %v version %d, want %v %d", i, got.Archived, got.Version, archived, i+2)
		}
		sums, _ := st.CustomerSummaries(ctx)
		if len(sums) != 1 || sums[0].Archived != archived {
			t.Errorf("step %d: summaries %+v", i, sums)
		}
	}
	// An editor holding the version from before the archive cannot undo it.
	storeError(t, st.UpdateCustomer(ctx, &c), store.CodeConflict)
}

func TestCustomersCannotBeDeleted(t *testing.T) {
	st := newTestStore(t)
	c := validCustomer("C0001")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	_, err := st.DB().Exec("DELETE FROM customers WHERE id = ?", c.ID)
	if err == nil || !strings.Contains(err.Error(), "archived, not deleted") {
		t.Fatalf("DELETE: %v, want refused by the trigger", err)
	}
	if _, err := st.Customer(t.Context(), c.ID); err != nil {
		t.Fatalf("after the refused DELETE: %v", err)
	}
}

func TestNextCustomerCode(t *testing.T) {
	cases := []struct {
		name     string
		existing []string
		want     string
	}{
		{"empty database", nil, "C0001"},
		{"after C0041", []string{"C0007", "C0041", "C0002"}, "C0042"},
		{"other codes ignored", []string{"C0041", "X9", "C12A", "CA01", "D9999"}, "C0042"},
		{"only codes outside the series", []string{"X9", "C12A", "C-1"}, "C0001"},
		{"short codes padded to 4 digits", []string{"C7"}, "C0008"},
		{"wider codes keep their width", []string{"C0041", "C000123"}, "C000124"},
		{"past C9999", []string{"C9999"}, "C10000"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := newTestStore(t)
			ctx := t.Context()
			for _, code := range tc.existing {
				c := validCustomer(code)
				if err := st.CreateCustomer(ctx, &c); err != nil {
					t.Fatal(err)
				}
			}
			got, err := st.NextCustomerCode(ctx)
			if err != nil || got != tc.want {
				t.Errorf("NextCustomerCode() = %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestNextCustomerCodeCountsArchived(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	c := validCustomer("C0050")
	if err := st.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := st.SetCustomerArchived(ctx, c.ID, true); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.NextCustomerCode(ctx); got != "C0051" {
		t.Errorf("NextCustomerCode() = %q, want C0051 (an archived code stays taken)", got)
	}
}

// batchProblems fails unless err is a BatchError, and returns it as
// "line field reason" strings.
func batchProblems(t *testing.T, err error) []string {
	t.Helper()
	batch, ok := err.(store.BatchError)
	if !ok {
		t.Fatalf("got %T %v, want a store.BatchError", err, err)
	}
	var out []string
	for _, p := range batch {
		out = append(out, strconv.Itoa(p.Line)+" "+p.Err.Field+" "+p.Err.Reason)
	}
	return out
}

func TestCreateCustomersWritesAll(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	storetest.Staff(t, st, testStaff...)
	cs := []store.Customer{validCustomer("c0001"), fullCustomer("C0002"), validCustomer("Ｃ０００３")}
	if err := st.CreateCustomers(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	for i, want := range []string{"C0001", "C0002", "C0003"} {
		got, err := st.CustomerByCode(ctx, want)
		if err != nil {
			t.Fatal(err)
		}
		if cs[i].ID != got.ID || got != cs[i] {
			t.Errorf("record %d: stored %+v, batch has %+v", i, got, cs[i])
		}
	}
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM audit_log WHERE action = 'create' AND entity = 'customer'"); n != 3 {
		t.Errorf("%d create audit rows, want 3", n)
	}
}

func TestCreateCustomersAllOrNothing(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	cs := []store.Customer{validCustomer("C0001"), validCustomer("C0002"), validCustomer("C0003"), validCustomer("C0004")}
	cs[1].Name, cs[1].ClosingDay = "", 30
	cs[3].Email = "not-an-address"
	err := st.CreateCustomers(ctx, cs, []int{2, 3, 4, 5}) // a CSV: line 1 is the header
	got := batchProblems(t, err)
	want := []string{"3 name required", "3 closing_day day.range", "5 email email.format"}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	for _, p := range err.(store.BatchError) {
		if p.Err.Code != store.CodeInvalid {
			t.Errorf("line %d: code %s, want invalid", p.Line, p.Err.Code)
		}
	}
	for _, table := range []string{"customers", "audit_log"} {
		if n := queryInt(t, st.DB(), "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%d rows written to %s", n, table)
		}
	}
}

func TestCreateCustomersConflicts(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	existing := validCustomer("C0001")
	if err := st.CreateCustomer(ctx, &existing); err != nil {
		t.Fatal(err)
	}
	cs := []store.Customer{
		validCustomer("C0002"),
		validCustomer("C0003"),
		validCustomer("c0002"), // repeats line 1 once upper-cased
		validCustomer("C0004"),
		validCustomer("C0001"), // already in the database
		validCustomer("C0001"), // both
	}
	cs[3].Phone = "x" // an invalid field after a conflict: still sorted by line
	err := st.CreateCustomers(ctx, cs, nil)
	got := batchProblems(t, err)
	want := []string{
		"3 code customer.code_repeated",
		"4 phone phone.format",
		"5 code customer.code_taken",
		"6 code customer.code_repeated",
		"6 code customer.code_taken",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	for _, p := range err.(store.BatchError) {
		if p.Err.Field == "code" && p.Err.Code != store.CodeConflict {
			t.Errorf("line %d: code %s, want conflict", p.Line, p.Err.Code)
		}
		if p.Err.Reason == "customer.code_repeated" && p.Line == 3 && !reflect.DeepEqual(p.Err.Args, []any{"C0002", 1}) {
			t.Errorf("line 3: Args %v, want [C0002 1] (the line it repeats)", p.Err.Args)
		}
	}
	if n := queryInt(t, st.DB(), "SELECT count(*) FROM customers"); n != 1 {
		t.Errorf("%d customers, want only the one that existed", n)
	}
}

// auditRows returns the whole audit log, oldest first.
func auditRows(t *testing.T, st *store.Store) []store.AuditEntry {
	t.Helper()
	rows, err := st.DB().Query("SELECT at, actor, action, entity, entity_id, before, after FROM audit_log ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []store.AuditEntry
	for rows.Next() {
		var e store.AuditEntry
		if err := rows.Scan(&e.At, &e.Actor, &e.Action, &e.Entity, &e.EntityID, &e.Before, &e.After); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}

// jsonField decodes the JSON object s and returns one of its keys.
func jsonField(t *testing.T, s, key string) any {
	t.Helper()
	if s == "" {
		return nil
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("audit JSON %q: %v", s, err)
	}
	return m[key]
}

func TestCustomerChangesAreAudited(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	at := fixedNow
	step := func(name string, fn func() error) {
		t.Helper()
		at = at.Add(time.Hour)
		st.Now = func() time.Time { return at }
		if err := fn(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	c := fullCustomer("C0001")
	c.PersonInCharge = "" // a staff entry would add audit rows of its own
	step("create", func() error { return st.CreateCustomer(ctx, &c) })
	step("update", func() error { c.Name = "株式会社ひまわり"; return st.UpdateCustomer(ctx, &c) })
	step("archive", func() error { return st.SetCustomerArchived(ctx, c.ID, true) })
	step("archive again", func() error { return st.SetCustomerArchived(ctx, c.ID, true) }) // no change, no row
	step("restore", func() error { return st.SetCustomerArchived(ctx, c.ID, false) })
	// Refused changes leave no trace.
	stale := c
	stale.Version = 1
	if err := st.UpdateCustomer(ctx, &stale); err == nil {
		t.Fatal("stale update accepted")
	}
	bad := c
	bad.Email = "x"
	if err := st.UpdateCustomer(ctx, &bad); err == nil {
		t.Fatal("invalid update accepted")
	}

	rows := auditRows(t, st)
	hour := func(h int) string { return fixedNow.Add(time.Duration(h) * time.Hour).Format(time.RFC3339Nano) }
	want := []struct {
		action, at    string
		key           string
		before, after any
	}{
		{"create", hour(1), "name", nil, "株式会社ひまわり企画"},
		{"update", hour(2), "name", "株式会社ひまわり企画", "株式会社ひまわり"},
		{"archive", hour(3), "archived", false, true},
		{"restore", hour(5), "archived", true, false},
	}
	if len(rows) != len(want) {
		t.Fatalf("%d audit rows, want %d: %+v", len(rows), len(want), rows)
	}
	for i, w := range want {
		r := rows[i]
		if r.Action != w.action || r.At != w.at || r.Actor != "tester" || r.Entity != "customer" || r.EntityID != "C0001" {
			t.Errorf("row %d = %+v, want %s at %s by tester on customer C0001", i, r, w.action, w.at)
		}
		if got := jsonField(t, r.Before, w.key); got != w.before {
			t.Errorf("row %d (%s): before.%s = %v, want %v", i, w.action, w.key, got, w.before)
		}
		if got := jsonField(t, r.After, w.key); got != w.after {
			t.Errorf("row %d (%s): after.%s = %v, want %v", i, w.action, w.key, got, w.after)
		}
	}
	if r := rows[0]; jsonField(t, r.After, "code") != "C0001" || jsonField(t, r.After, "registration_number") != "T4011001098993" {
		t.Errorf("create row's after is not the whole record: %s", r.After)
	}

	// The row and its audit entry carry the transaction's one timestamp.
	var created, updated string
	if err := st.DB().QueryRow("SELECT created_at, updated_at FROM customers WHERE id = ?", c.ID).Scan(&created, &updated); err != nil {
		t.Fatal(err)
	}
	if created != hour(1) || updated != hour(5) {
		t.Errorf("created_at %s updated_at %s, want %s and %s", created, updated, hour(1), hour(5))
	}

	log, err := st.AuditLog(ctx, "customer", "C0001")
	if err != nil || !slices.Equal(log, rows) {
		t.Errorf("AuditLog() = %+v, %v; want the %d rows", log, err, len(rows))
	}
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	st := newTestStore(t)
	c := validCustomer("C0001")
	if err := st.CreateCustomer(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	before := auditRows(t, st)
	for _, stmt := range []string{
		"UPDATE audit_log SET actor = 'mallory'",
		"UPDATE audit_log SET after = ''",
		"DELETE FROM audit_log",
	} {
		_, err := st.DB().Exec(stmt)
		if err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want refused", stmt, err)
		}
	}
	if after := auditRows(t, st); len(before) != 1 || !slices.Equal(after, before) {
		t.Errorf("audit log changed: %+v → %+v", before, after)
	}
}
