package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// contract saves and activates a contract for customer c through the store,
// as the Contracts screen does: a maintenance line from a product with a
// price rise from April, a reduced-rate line, and terms that differ from the
// defaults (billed in arrears at the month's end, direct debit, renewing
// itself by 12 months with 60 days' notice).
func (f *fix) contract(c store.Customer) store.Contract {
	f.t.Helper()
	k := store.NewContract()
	k.CustomerID, k.Title, k.Start, k.End = c.ID, "ウェブサイト保守契約", storetest.Date("2026-12-01"), storetest.Date("2027-11-30")
	k.InAdvance, k.BillingDay, k.PaymentMethod = false, store.MonthEnd, store.PayDirectDebit
	k.AutoRenew, k.RenewalMonths, k.NoticeDays = true, 12, 60
	storetest.Staff(f.t, f.st, "高橋 翔")
	k.PersonInCharge, k.Notes = "高橋 翔", "作業報告は毎月第1営業日にメールでお送りします。"
	k.Lines = []store.ContractLine{
		{ProductID: f.service.ID, Description: f.service.Name, Quantity: storetest.Qty("10"), Unit: f.service.Unit,
			UnitPrice: f.service.UnitPrice, TaxCategory: f.service.TaxCategory},
		{ProductID: f.bento.ID, Description: f.bento.Name, Quantity: storetest.Qty("4"), Unit: f.bento.Unit,
			UnitPrice: f.bento.UnitPrice, TaxCategory: f.bento.TaxCategory},
	}
	if c.Language == "en" {
		k.Title, k.Notes = "Website care", "A report follows on the first business day of each month."
		k.Lines[0].Description, k.Lines[1].Description = "Website maintenance", "Lunch boxes for the monthly review"
	}
	f.must(f.st.SaveContract(f.ctx, &k))
	active, err := f.st.ActivateContract(f.ctx, k.ID, k.Version)
	f.must(err)
	f.must(f.st.ChangePrice(f.ctx, active.ID, active.Lines[0].ID, storetest.Date("2027-04-01"), 8800))
	out, err := f.st.Contract(f.ctx, active.ID) // as the application loads it
	f.must(err)
	return out
}

func (f *fix) renderContract(k store.Contract) []byte {
	f.t.Helper()
	var buf bytes.Buffer
	if err := RenderContract(&buf, k, f.company, f.customerOfContract(k)); err != nil {
		f.t.Fatalf("RenderContract %s: %v", contractName(k), err)
	}
	return buf.Bytes()
}

func (f *fix) customerOfContract(k store.Contract) store.Customer {
	if k.CustomerID == f.en.ID {
		return f.en
	}
	return f.ja
}

// contractWords are what a summary must say, by language.
type contractWords struct {
	fixed                        []string // anywhere in the text
	standard, reduced, perPeriod string
	changedFrom, chargeFrom      string
}

var wantContract = map[string]contractWords{
	"ja": {fixed: []string{"契約内容確認書", "契約番号", "株式会社テスト 経理部 御中", "2026年12月1日 〜 2027年11月30日", "毎月",
		"末日", "後払い", "口座振替", "自動更新（12か月ごと）", "60日前", "担当者", "高橋 翔", "※は軽減税率対象",
		"作業報告は毎月第1営業日", "登録番号 T7123456789012"},
		standard: "標準税率", reduced: "軽減税率", perPeriod: "1回あたりのご請求額(税抜)",
		changedFrom: "2027年4月1日から単価改定", chargeFrom: "2027年4月1日から"},
	"en": {fixed: []string{"Contract Summary", "Contract No.", "Acme Ltd.", "Attn: Jane Smith",
		"1 Dec 2026 – 30 Nov 2027", "Monthly", "Last day of the month", "In arrears", "Direct debit",
		"Renews automatically for 12 months", "notice is given at least 60", "Contact person", "高橋 翔",
		"※ Reduced tax rate", "A report follows", "Registration No. T7123456789012"},
		standard: "Standard", reduced: "Reduced", perPeriod: "Charge per period (excl. tax)",
		changedFrom: "New unit price from 1 Apr 2027", chargeFrom: "From 1 Apr 2027"},
}

// TestRenderContract: the summary shows the number, both parties, the
// period, the billing terms, the payment method, the renewal terms, every
// line with its price change and the notes, in the customer's language.
func TestRenderContract(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		k := f.contract(c)
		lang, w := c.Language, wantContract[c.Language]
		pages := pdfText(t, f.renderContract(k), "-layout", "-nodiag")
		if len(pages) != 1 {
			t.Errorf("%s: %d pages, want 1", lang, len(pages))
		}
		text := strings.Join(pages, "\n")
		if !regexp.MustCompile(`^K-2026-\d{4}$`).MatchString(k.Number) {
			t.Fatalf("contract number %q", k.Number)
		}
		expect(t, lang, text, seq(k.Number), seq("株式会社だいちょう商会"), seq(k.Title))
		for _, word := range w.fixed {
			expect(t, lang, text, seq(strings.Fields(word)...))
		}
		// Every line at its first price, the price change with its new
		// amount (10 h × 8,800), then one period's charge before and after.
		service, bento := k.Lines[0], k.Lines[1]
		expect(t, lang, text,
			seq("1", service.Description, "10", service.Unit, "8,000", w.standard, "80,000"),
			seq(w.changedFrom, "8,800", "88,000"),
			seq("2", bento.Description+" ※", "4", bento.Unit, "1,080", w.reduced, "4,320"),
			seq(w.perPeriod, "¥84,320"),
			seq(w.chargeFrom, "¥92,320"))
		if lang == "en" {
			expectNot(t, lang, text, "御中", "様")
		}
	}
}

// TestContractDeterministic: the same contract gives the same bytes, also
// when loaded on another day, when the price the store shows as "today's"
// (ContractLine.UnitPrice) is a different one: the summary prints the
// history, not today's price.
func TestContractDeterministic(t *testing.T) {
	f := newFix(t)
	k := f.contract(f.ja)
	first := f.renderContract(k)
	f.st.Now = func() time.Time { return time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC) }
	later, err := f.st.Contract(f.ctx, k.ID)
	f.must(err)
	if later.Lines[0].UnitPrice == k.Lines[0].UnitPrice {
		t.Fatalf("the price shown did not change with the day (%d): the test proves nothing", later.Lines[0].UnitPrice)
	}
	if !bytes.Equal(first, f.renderContract(later)) {
		t.Error("the same contract gave different bytes")
	}
}

// TestContractStates: a draft is marked as one and has no number yet; an
// open-ended contract says so; a cancelled one is marked and gives its
// reason.
func TestContractStates(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	draft := store.NewContract()
	draft.CustomerID, draft.Title, draft.Start = f.ja.ID, "複合機保守", storetest.Date("2026-12-15")
	draft.Lines = []store.ContractLine{{Description: "複合機保守（月額）", Quantity: storetest.Qty("1"), Unit: "月",
		UnitPrice: 12000, TaxCategory: store.TaxStandard}}
	f.must(f.st.SaveContract(f.ctx, &draft))
	pdf := f.renderContract(draft)
	if raw := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf, "-raw"), "")), ""); !strings.Contains(raw, "DRAFT/下書き") {
		t.Errorf("the draft has no DRAFT / 下書き watermark:\n%s", raw)
	}
	text := strings.Join(pdfText(t, pdf, "-layout", "-nodiag"), "\n")
	expect(t, "draft", text, seq("2026年12月15日 〜（期間の定めなし）"), seq("期間の定めなし"),
		seq("状態", "下書き"), seq("12,000"))
	expectNot(t, "draft", text, "契約番号")

	k := f.contract(f.ja)
	f.must(f.st.CancelContract(f.ctx, k.ID, "事業縮小のため"))
	cancelled, err := f.st.Contract(f.ctx, k.ID)
	f.must(err)
	pdf = f.renderContract(cancelled)
	if raw := strings.Join(strings.Fields(strings.Join(pdfText(t, pdf, "-raw"), "")), ""); !strings.Contains(raw, "CANCELLED/解約") {
		t.Errorf("the cancelled contract has no CANCELLED / 解約 watermark:\n%s", raw)
	}
	text = strings.Join(pdfText(t, pdf, "-layout", "-nodiag"), "\n")
	expect(t, "cancelled", text, seq("状態", "解約"), seq("解約理由", "事業縮小のため"), seq(k.Number))
}

// TestContractNeedsItsCustomer: printing a contract with another customer's
// details is refused rather than sent to the wrong address.
func TestContractNeedsItsCustomer(t *testing.T) {
	f := newFix(t)
	k := f.contract(f.ja)
	if err := RenderContract(&bytes.Buffer{}, k, f.company, f.en); err == nil {
		t.Error("rendered with another customer")
	}
}

func TestContractFileName(t *testing.T) {
	for _, tt := range []struct {
		c    store.Contract
		want string
	}{
		{store.Contract{ID: 3, Number: "K-2026-0001", CustomerName: "株式会社テスト"}, "K-2026-0001_株式会社テスト.pdf"},
		{store.Contract{ID: 7, CustomerName: "株式会社テスト"}, "contract-draft-7_株式会社テスト.pdf"},
		{store.Contract{ID: 3, Number: "K-2026-0002", CustomerName: "A/B: 商会"}, "K-2026-0002_A_B_ 商会.pdf"},
	} {
		if got := ContractFileName(tt.c); got != tt.want {
			t.Errorf("ContractFileName(%q, %q) = %q, want %q", tt.c.Number, tt.c.CustomerName, got, tt.want)
		}
	}
}
