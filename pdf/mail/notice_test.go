package mail_test

import (
	"slices"
	"strings"
	"testing"

	"daicho/pdf/mail"
	"daicho/store"
	"daicho/store/demo"
	"daicho/store/storetest"
)

// TestNoticesArriveOverSMTP: on the demo, each person in charge gets one
// mail at the SMTP server (mailpit, read back through its API) listing
// exactly the overdue invoices of their own customers; a second run the
// same day sends nothing; a later day tells only what is new.
func TestNoticesArriveOverSMTP(t *testing.T) {
	st := storetest.Open(t)
	ctx := t.Context()
	if err := demo.Fill(ctx, st, demo.Small); err != nil {
		t.Fatal(err)
	}
	mp := startMailpit(t, mailpitOptions{})
	settings, err := st.MailSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings.Host, settings.Port, settings.Security = "127.0.0.1", mp.smtpPort, store.SecurityNone
	if err := st.SaveMailSettings(ctx, &settings); err != nil {
		t.Fatal(err)
	}
	asOf := storetest.Date("2026-12-04")
	over, err := st.Overdue(ctx, asOf)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{} // email → overdue invoice numbers of their customers
	staff, err := st.StaffList(ctx)
	if err != nil {
		t.Fatal(err)
	}
	emailOf := map[string]string{}
	for _, m := range staff {
		emailOf[m.Name] = m.Email
	}
	for _, o := range over {
		want[emailOf[o.PersonInCharge]] = append(want[emailOf[o.PersonInCharge]], o.Number)
	}
	if len(want) < 3 {
		t.Fatalf("the demo should have overdue invoices for several people: %v", want)
	}

	results, err := mail.Sender{}.SendNotices(ctx, st, asOf, "ja")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Err != nil || r.Delivery.Method != store.MailSMTP {
			t.Fatalf("%s: %v (%s)", r.Notice.Staff.Name, r.Err, r.Delivery.Method)
		}
	}
	got := mp.messages()
	if len(got) != len(results) {
		t.Fatalf("%d messages arrived for %d notices", len(got), len(results))
	}
	allNumbers := make([]string, len(over))
	for i, o := range over {
		allNumbers[i] = o.Number
	}
	for _, msg := range got {
		if len(msg.To) != 1 || msg.From.Address != "info@sample-shoji.example.jp" {
			t.Fatalf("from %+v to %+v", msg.From, msg.To)
		}
		to := msg.To[0].Address
		mine := want[to]
		for _, n := range allNumbers {
			if listed := strings.Contains(msg.Text, n+" "); listed != slices.Contains(mine, n) {
				t.Errorf("%s: invoice %s listed %v, theirs %v\n%s", to, n, listed, slices.Contains(mine, n), msg.Text)
			}
		}
		if !strings.Contains(msg.Subject, "確認事項") || !strings.Contains(msg.Text, "支払期限を過ぎた請求書") {
			t.Errorf("%s: subject %q\n%s", to, msg.Subject, msg.Text)
		}
	}
	for email := range want {
		if !slices.ContainsFunc(got, func(m apiMessage) bool { return m.To[0].Address == email }) {
			t.Errorf("no mail to %s", email)
		}
	}

	again, err := mail.Sender{}.SendNotices(ctx, st, asOf, "ja")
	if err != nil || len(again) != 0 {
		t.Fatalf("second run the same day: %d notices, %v", len(again), err)
	}
	if n := len(mp.messages()); n != len(got) {
		t.Errorf("second run sent %d more", n-len(got))
	}
	later, err := st.Notices(ctx, storetest.Date("2026-12-10"))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range later {
		for _, it := range n.Items {
			if it.Kind == store.NoticeOverdue && slices.Contains(allNumbers, it.Ref) {
				t.Errorf("%s told again about %s", n.Staff.Name, it.Ref)
			}
		}
	}
}
