package cli

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"daicho/pdf"
	"daicho/pdf/mail/mailtest"
	"daicho/store"
	"daicho/store/storetest"
)

// TestNotifyMailsCustomerRenewalOnce: in the notice period, notify tells the
// person in charge of both contracts and mails the customer a renewal notice
// (contract summary attached) only for the contract that says so; the dry
// run lists it (JSON too); a second run sends nothing; once renewed, the new
// end date's notice period brings a new one.
func TestNotifyMailsCustomerRenewalOnce(t *testing.T) {
	f := newContractMailFixture(t, "2027-01-31", 30, true, false)
	on, off := f.contracts[0], f.contracts[1]
	toCustomer := func(msgs []mailtest.Message) []mailtest.Message {
		var out []mailtest.Message
		for _, m := range msgs {
			if m.To[0].Address == "tanaka@test.example.jp" {
				out = append(out, m)
			}
		}
		return out
	}

	var dry []noticeOut
	out := mustRun(t, "--db", f.db, "notify", "--dry-run", "--format", "json", "--as-of", "2027-01-05").stdout
	if err := json.Unmarshal([]byte(out), &dry); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var customerRefs []string
	for _, n := range dry {
		for _, it := range n.Items {
			if it.Kind == "customer_renewal" {
				customerRefs = append(customerRefs, it.Ref+" "+n.Email)
			}
		}
	}
	if !slices.Equal(customerRefs, []string{on.Number + " tanaka@test.example.jp"}) {
		t.Errorf("dry run's customer notices %v\n%s", customerRefs, out)
	}
	text := mustRun(t, "--db", f.db, "notify", "--dry-run", "--as-of", "2027-01-05").stdout
	if !strings.Contains(text, "ご契約更新のご案内（"+on.Number+"）") || strings.Contains(text, "ご契約更新のご案内（"+off.Number) {
		t.Errorf("dry run:\n%s", text)
	}
	if n := len(f.mp.Messages()); n != 0 {
		t.Fatalf("the dry runs sent %d mails", n)
	}

	r := mustRun(t, "--db", f.db, "notify", "--as-of", "2027-01-05")
	msgs := f.mp.Messages()
	mine := toCustomer(msgs)
	if len(msgs) != 2 || len(mine) != 1 {
		t.Fatalf("%d mails, %d to the customer; want one to 佐藤 and one to the customer\n%s", len(msgs), len(mine), r.stdout)
	}
	m := mine[0]
	if m.Subject != "ご契約更新のご案内（"+on.Number+"）" || !strings.Contains(m.Text, "契約期間満了日: 2027年1月31日") ||
		!strings.Contains(m.Text, "サーバー保守") || !strings.Contains(m.Text, "本メールへのご返信") ||
		len(m.Attachments) != 1 || m.Attachments[0].FileName != pdf.ContractFileName(on) {
		t.Errorf("customer's mail %q, %+v:\n%s", m.Subject, m.Attachments, m.Text)
	}
	for _, msg := range msgs {
		if msg.To[0].Address == "sato@sample.example.jp" && (!strings.Contains(msg.Text, on.Number) || !strings.Contains(msg.Text, off.Number)) {
			t.Errorf("佐藤 should be told of both contracts:\n%s", msg.Text)
		}
	}

	r = mustRun(t, "--db", f.db, "notify", "--as-of", "2027-01-06")
	if n := len(f.mp.Messages()); n != 2 {
		t.Fatalf("a second run sent %d more\n%s", n-2, r.stdout)
	}

	st := storetest.OpenFile(t, f.db)
	ctx := context.Background()
	if _, err := st.RenewContract(ctx, on.ID); err != nil {
		t.Fatal(err)
	}
	for _, c := range []store.Contract{on, off} {
		log, err := st.ContractMailLog(ctx, c.ID)
		if err != nil || (c.ID == on.ID) != (len(log) == 1) {
			t.Errorf("%s: mail log %+v, %v", c.Number, log, err)
		}
	}
	st.Close()
	mustRun(t, "--db", f.db, "notify", "--as-of", "2028-01-05")
	if again := toCustomer(f.mp.Messages()); len(again) != 2 || !strings.Contains(again[0].Text, "2028年1月31日") {
		t.Fatalf("after the renewal, %d mails to the customer", len(again))
	}
}
