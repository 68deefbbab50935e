package pdf

import (
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// A carry-forward closing invoice prints its head — previous invoice,
// received, adjustments, carried, this period, now due — with the amount
// now due in the box, and its tax summary over this cycle's sales only; in
// Japanese and in English, read back with pdftotext.
func TestCarryForwardInvoicePrintsItsHead(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		c.InvoiceStyle = store.InvoiceCarryForward
		c.ClosingDay = store.MonthEnd
		f.must(f.st.UpdateCustomer(f.ctx, &c))
		first := f.issue(f.draft(store.KindInvoice, c, "2026-10-15", freeLine("作業", "1", "式", 50000, store.TaxStandard)))
		p := store.Payment{CustomerID: c.ID, Date: storetest.Date("2026-11-10"), Amount: 20000, Method: store.PayBankTransfer}
		f.must(f.st.RecordPayment(f.ctx, &p))
		f.must(f.st.Allocate(f.ctx, p.ID, first.ID, 20000))
		f.issue(f.draft(store.KindDeliveryNote, c, "2026-11-12", storetest.ProductLine(f.service, "2"),
			storetest.ProductLine(f.bento, "5")))
		plan, err := f.st.RunClosing(f.ctx, storetest.Date("2026-11-30"), true)
		f.must(err)
		var inv store.Document
		for _, p := range plan.Invoices {
			if p.Customer.ID == c.ID {
				inv, err = f.st.Document(f.ctx, p.Invoice.ID)
				f.must(err)
			}
		}
		cf := inv.CarryForward
		// 16,000 + 10% and 5,400 + 8%: 17,600 + 5,832 = 23,432.
		if cf == nil || cf.PreviousBilled != 55000 || cf.Received != 20000 || cf.Carried != 35000 ||
			cf.Current != 23432 || cf.Billed != 58432 {
			t.Fatalf("%s: carry-forward %+v", c.Code, cf)
		}
		text := strings.Join(strings.Fields(strings.Join(pdfText(t, f.render(inv), "-layout"), "\n")), " ")
		want := []string{"今回ご請求額 ¥58,432", "前回請求額 今回入金額 調整額 繰越金額 今回お買上額 今回請求額",
			"55,000 20,000 0 35,000 23,432 58,432", "10%対象 ¥16,000 消費税 ¥1,600", "8%対象 ¥5,400 消費税 ¥432"}
		if c.Language == "en" {
			want = []string{"Amount now due ¥58,432", "Previous invoice Received Adjustments Carried forward This period",
				"55,000 20,000 0 35,000 23,432 58,432", "10% taxable ¥16,000 Tax ¥1,600"}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: PDF lacks %q:\n%s", c.Code, w, text)
			}
		}
	}
}
