package store_test

import (
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

func TestLogReminder(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	others := f.invoice(f.other, "2026-09-20", "2026-10-31", 10000)

	cases := []struct {
		name   string
		r      store.ReminderLog
		code   store.Code
		field  string
		reason string
	}{
		{"no customer", store.ReminderLog{Date: storetest.Date("2026-11-20"), Method: store.RemindPhone}, store.CodeInvalid, "customer", "required"},
		{"no date", store.ReminderLog{CustomerID: f.cust.ID, Method: store.RemindPhone}, store.CodeInvalid, "date", "required"},
		{"unknown method", store.ReminderLog{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-20"), Method: "fax"}, store.CodeInvalid, "method", "choice"},
		{"long note", store.ReminderLog{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-20"), Method: store.RemindEmail,
			Note: strings.Repeat("あ", 1001)}, store.CodeInvalid, "note", "too_long"},
		{"unknown customer", store.ReminderLog{CustomerID: 999, Date: storetest.Date("2026-11-20"), Method: store.RemindPhone}, store.CodeInvalid, "customer", "customer.not_found"},
		{"another customer's invoice", store.ReminderLog{CustomerID: f.cust.ID, InvoiceID: others.ID, Date: storetest.Date("2026-11-20"),
			Method: store.RemindPhone}, store.CodeConflict, "invoice", "allocation.other_customer"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tc.r
			e := storeError(t, f.st.LogReminder(f.ctx, &r), tc.code)
			if e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("%v, want %s: %s", e, tc.field, tc.reason)
			}
		})
	}

	first := store.ReminderLog{CustomerID: f.cust.ID, InvoiceID: inv.ID, Date: storetest.Date("2026-11-05"), Method: store.RemindPhone,
		Note: " 経理の山田様、月末に振込予定とのこと "}
	if err := f.st.LogReminder(f.ctx, &first); err != nil {
		t.Fatal(err)
	}
	if first.ID == 0 || first.InvoiceNumber != inv.Number || first.Actor != "tester" || !first.CreatedAt.Equal(fixedNow) ||
		first.Note != "経理の山田様、月末に振込予定とのこと" {
		t.Errorf("logged %+v", first)
	}
	second := store.ReminderLog{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-19"), Method: store.RemindLetter}
	if err := f.st.LogReminder(f.ctx, &second); err != nil {
		t.Fatal(err)
	}
	got, err := f.st.Reminders(f.ctx, f.cust.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != second || got[1] != first {
		t.Errorf("Reminders (newest first):\n%+v\nwant\n%+v\n%+v", got, second, first)
	}
	if none, _ := f.st.Reminders(f.ctx, f.other.ID); len(none) != 0 {
		t.Errorf("the other customer's: %+v", none)
	}
	if log, _ := f.st.AuditLog(f.ctx, "customer", "1"); log[len(log)-1].Action != "remind" {
		t.Errorf("audit %+v", log[len(log)-1])
	}
}
