package store_test

import (
	"fmt"
	"reflect"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// noticeFix: 佐藤 looks after C0001, 鈴木 after C0002; each has an invoice
// due 2026-11-30; a deposit that fits nobody came on 2026-11-29 and one of
// C0002's amount on 2026-12-01; an inquiry of C0001 is looked after by 鈴木
// and is to be followed up on 2026-12-03.
func noticeFix(t *testing.T) (*payFix, map[string]string) {
	f := newPayFix(t)
	f.other.PersonInCharge = "鈴木"
	if err := f.st.UpdateCustomer(f.ctx, &f.other); err != nil {
		t.Fatal(err)
	}
	a := f.invoice(f.cust, "2026-11-01", "2026-11-30", 11000)
	b := f.invoice(f.other, "2026-11-01", "2026-11-30", 22000)
	res, err := f.st.ImportBankLines(f.ctx, "test.csv", []store.BankLine{
		{Account: "csv", Date: storetest.Date("2026-11-29"), Amount: 777, PayerName: "ﾀﾞﾚｶ"},
		{Account: "csv", Date: storetest.Date("2026-12-01"), Amount: 22000, PayerName: "ﾎｶﾉﾐｾ"},
	})
	if err != nil {
		t.Fatal(err)
	}
	q := store.Inquiry{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-20"), Channel: store.ChannelPhone,
		Subject: "見積の件", Status: store.InquiryOpen, Person: "鈴木", FollowUp: storetest.Date("2026-12-03")}
	if err := f.st.CreateInquiry(f.ctx, &q); err != nil {
		t.Fatal(err)
	}
	refs := map[string]string{"a": a.Number, "b": b.Number, "stranger": fmt.Sprint(res.Added[0].ID),
		"likeB": fmt.Sprint(res.Added[1].ID), "inquiry": fmt.Sprint(q.ID)}
	return f, refs
}

// Notices tells each person what is theirs and not told yet: overdue
// invoices to the customer's person, a deposit to the person of the customer
// it most likely comes from (to everyone when nobody's), a follow-up to the
// person looking after the inquiry; deposits only once unmatched longer than
// the settings' days.
func TestNoticesGoToTheirPerson(t *testing.T) {
	f, ref := noticeFix(t)
	tests := []struct {
		asOf string
		want map[string][]string // person → kind:ref
	}{
		{"2026-11-30", nil}, // due that day: not overdue yet; deposits within 3 days
		// From the day after the due date the friendly reminder is due too
		// (its stage, told to the same person).
		{"2026-12-01", map[string][]string{
			"佐藤": {"overdue:" + ref["a"], "stage:" + ref["a"]},
			"鈴木": {"overdue:" + ref["b"], "stage:" + ref["b"]},
		}},
		{"2026-12-03", map[string][]string{
			"Kato": {"deposit:" + ref["stranger"]},
			"佐藤":   {"overdue:" + ref["a"], "stage:" + ref["a"], "deposit:" + ref["stranger"]},
			"鈴木":   {"overdue:" + ref["b"], "stage:" + ref["b"], "deposit:" + ref["stranger"], "followup:" + ref["inquiry"]},
		}},
		{"2026-12-05", map[string][]string{
			"Kato": {"deposit:" + ref["stranger"]},
			"佐藤":   {"overdue:" + ref["a"], "stage:" + ref["a"], "deposit:" + ref["stranger"]},
			"鈴木": {"overdue:" + ref["b"], "stage:" + ref["b"], "deposit:" + ref["stranger"], "deposit:" + ref["likeB"],
				"followup:" + ref["inquiry"]},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			ns, err := f.st.Notices(f.ctx, storetest.Date(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			if got := noticeMap(ns); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %v\nwant %v", got, tt.want)
			}
		})
	}
}

func noticeMap(ns []store.Notice) map[string][]string {
	var out map[string][]string
	for _, n := range ns {
		if out == nil {
			out = map[string][]string{}
		}
		for _, it := range n.Items {
			out[n.Staff.Name] = append(out[n.Staff.Name], it.Kind+":"+it.Ref)
		}
	}
	return out
}

// What was told is not told again; a follow-up moved to a new day is.
func TestNoticesAreToldOncePerStage(t *testing.T) {
	f, ref := noticeFix(t)
	day := storetest.Date("2026-12-03")
	ns, err := f.st.Notices(f.ctx, day)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range ns {
		if err := f.st.RecordNotice(f.ctx, n, day, store.MailEML, "/tmp/x.eml"); err != nil {
			t.Fatal(err)
		}
	}
	if again, _ := f.st.Notices(f.ctx, day); len(again) != 0 {
		t.Fatalf("told again: %v", noticeMap(again))
	}
	if err := f.st.RecordNotice(f.ctx, ns[0], day, store.MailEML, "/tmp/x.eml"); err != nil {
		t.Errorf("logging twice: %v", err) // a run in between: left as it is
	}
	id := 0
	fmt.Sscan(ref["inquiry"], &id)
	q, err := f.st.Inquiry(f.ctx, int64(id))
	if err != nil {
		t.Fatal(err)
	}
	q.FollowUp = storetest.Date("2026-12-04")
	if err := f.st.UpdateInquiry(f.ctx, &q); err != nil {
		t.Fatal(err)
	}
	later, err := f.st.Notices(f.ctx, storetest.Date("2026-12-04"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := noticeMap(later), map[string][]string{"鈴木": {"followup:" + ref["inquiry"]}}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if n := f.count(`SELECT count(*) FROM audit_log WHERE action = 'notify'`); n != len(ns)+1 {
		t.Errorf("%d notify audit rows, want %d", n, len(ns)+1)
	}
}

// A renamed staff entry keeps its customers; a name no entry has is refused
// with the names there are, by the store and by the database itself.
func TestStaffRenameAndUnknownNames(t *testing.T) {
	f := newPayFix(t)
	m, err := f.st.StaffByName(f.ctx, "佐藤")
	if err != nil {
		t.Fatal(err)
	}
	m.Name, m.Email = "佐藤 健一", "sato@example.jp"
	if err := f.st.UpdateStaff(f.ctx, &m); err != nil {
		t.Fatal(err)
	}
	if c, _ := f.st.Customer(f.ctx, f.cust.ID); c.PersonInCharge != "佐藤 健一" {
		t.Errorf("customer's person %q", c.PersonInCharge)
	}
	c := validCustomer("C0009")
	c.PersonInCharge = "山本"
	err = f.st.CreateCustomer(f.ctx, &c)
	if e, ok := store.AsError(err); !ok || e.Field != "person_in_charge" || e.Reason != "staff.unknown" ||
		fmt.Sprint(e.Args) != "[山本 Kato, 佐藤 健一, 鈴木]" {
		t.Errorf("unknown person: %v", err)
	}
	if n := f.count(`SELECT count(*) FROM customers WHERE person_in_charge = '佐藤'`); n != 0 {
		t.Errorf("%d customers still name the old name", n)
	}
	for _, tc := range []struct {
		name string
		edit func(*store.Staff)
		want string
	}{
		{"empty name", func(s *store.Staff) { s.Name = "" }, "name required"},
		{"bad email", func(s *store.Staff) { s.Email = "x" }, "email email.format"},
		{"bad key", func(s *store.Staff) { s.SSHKey = "a b" }, "ssh_key staff.ssh_key_format"},
	} {
		s := store.Staff{Name: "新人"}
		tc.edit(&s)
		if got := fieldErrors(f.st.CreateStaff(f.ctx, &s)); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: %v, want %s", tc.name, got, tc.want)
		}
	}
}
