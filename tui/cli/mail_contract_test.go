package cli

import (
	"context"
	"strings"
	"testing"

	"daicho/pdf"
	"daicho/pdf/mail/mailtest"
	"daicho/store"
	"daicho/store/storetest"
)

// contractMailFixture: the export fixture's ledger with mail going to a
// mailpit, C0001 with an email, the staff member 佐藤 with one, and an
// active contract of C0001 in 佐藤's charge from 2026-12-01 to end (notice
// period notice days) per notify_customer flag given.
type contractMailFixture struct {
	exportFixture
	mp        *mailtest.Server
	contract  store.Contract // the first
	contracts []store.Contract
}

func newContractMailFixture(t *testing.T, end string, notice int, notifyCustomer ...bool) contractMailFixture {
	t.Helper()
	// mailpit first: the fixture points HOME at the test's folder, where
	// the cached mailpit binary (and Go's module cache) would not be found.
	mp := mailtest.Start(t, mailtest.Options{})
	f := contractMailFixture{exportFixture: newExportFixture(t), mp: mp}
	ctx := context.Background()
	st := storetest.OpenFile(t, f.db)
	defer st.Close()
	settings, err := st.MailSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	settings.Host, settings.Port, settings.Security = "127.0.0.1", f.mp.SMTPPort, store.SecurityNone
	if err := st.SaveMailSettings(ctx, &settings); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateStaff(ctx, &store.Staff{Name: "佐藤", Email: "sato@sample.example.jp"}); err != nil {
		t.Fatal(err)
	}
	cu, _ := st.CustomerByCode(ctx, "C0001")
	cu.Email = "tanaka@test.example.jp"
	if err := st.UpdateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	for _, notify := range notifyCustomer {
		c := store.NewContract()
		c.CustomerID, c.Title, c.RenewalMonths, c.NoticeDays = cu.ID, "サーバー保守", 12, notice
		c.Start, c.End = storetest.Date("2026-12-01"), storetest.Date(end)
		c.NotifyCustomer, c.PersonInCharge = notify, "佐藤"
		c.Lines = []store.ContractLine{{Description: "保守料", Quantity: storetest.Qty("1"), Unit: "月", UnitPrice: 30000,
			TaxCategory: store.TaxStandard}}
		if err := st.SaveContract(ctx, &c); err != nil {
			t.Fatal(err)
		}
		a, err := st.ActivateContract(ctx, c.ID, c.Version)
		if err != nil {
			t.Fatal(err)
		}
		f.contracts = append(f.contracts, a)
	}
	f.contract = f.contracts[0]
	return f
}

// TestMailContractCommand: daicho mail contract NUMBER sends the contract's
// summary to the customer's SMTP server with the PDF attached, logged and
// kept; --dry-run prints it and sends nothing; an unknown number or none
// is refused.
func TestMailContractCommand(t *testing.T) {
	f := newContractMailFixture(t, "2027-11-30", 30, false)
	number := f.contract.Number

	r := mustRun(t, "--db", f.db, "mail", "contract", number, "--dry-run")
	if !strings.Contains(r.stdout, "契約内容確認書 "+number+" のご送付") || !strings.Contains(r.stdout, pdf.ContractFileName(f.contract)) {
		t.Errorf("dry run:\n%s", r.stdout)
	}
	if n := len(f.mp.Messages()); n != 0 {
		t.Fatalf("the dry run sent %d mails", n)
	}
	r = mustRun(t, "--db", f.db, "mail", "contract", number)
	if !strings.Contains(r.stdout, "tanaka@test.example.jp") {
		t.Errorf("stdout %q", r.stdout)
	}
	msgs := f.mp.Messages()
	if len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].FileName != pdf.ContractFileName(f.contract) {
		t.Fatalf("messages %+v", msgs)
	}
	st := storetest.OpenFile(t, f.db)
	log, err := st.ContractMailLog(context.Background(), f.contract.ID)
	st.Close()
	if err != nil || len(log) != 1 || log[0].Kind != store.MailContract {
		t.Fatalf("mail log %+v, %v", log, err)
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"mail", "contract"}, exitUsage, "daicho mail contract"},
		{[]string{"mail", "contract", "K-2099-9999"}, exitFail, "K-2099-9999"},
	} {
		r := runWith("", append([]string{"--db", f.db}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, r.code, r.stderr, tc.code, tc.want)
		}
	}
}
