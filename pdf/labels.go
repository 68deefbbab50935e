package pdf

import (
	"fmt"
	"sync"
	"time"

	"daicho/store"
)

// labels are the words printed on documents, in the customer's language.
// Documents are not UI text (a Japanese office prints English invoices for an
// English customer whatever its own screen language is), so they live here
// and not in tui/i18n.
type labels struct {
	lang string

	titles   map[string]string // by document kind
	subtitle map[string]string // a second, smaller title line (the credit note's legal name)
	greeting map[string]string // the sentence above the subject, by kind
	amount   map[string]string // the amount box's label, by kind

	number, issueDate, validUntil, deliveryDate, closingDate, dueDate string
	corrects, replaces, deliveryNotes                                 string
	subject, taxIncluded                                              string
	inclusive                                                         string // after price headers when prices include tax

	colNo, colDescription, colQuantity, colUnit, colUnitPrice, colAmount string

	reducedLegend                                string
	rateBase, rateBaseIncl, rateTax, rateTaxIncl string // with %d for the rate
	subtotal, subtotalExcl, tax, total           string

	bankTitle, holder string
	accountTypes      map[string]string

	notes, registration, tel string

	statementTitle, period, balanceDue                                       string
	colDate, colDocNumber, colStatementDesc, colDebit, colCredit, colBalance string
	openingBalance, periodDebits, periodCredits, closingBalance              string

	reminderTitle, reminderBody, reminderBodyAsOf, reminderOpen, payBy, asOf   string
	colInvoice, colInvoiceDate, colInvoiceDue, colInvoiceTotal, colInvoiceOpen string
	totalOpen                                                                  string

	page string // "%d / %d"

	date func(time.Time) string
	// addressee is the name line of the customer block and the department
	// line under the address ("" when there is none, or it is on the name
	// line); contactOf is the contact line. personal says whether a contact
	// person is printed, in which case Japanese puts 様 after the person and
	// not 御中 after the company (both at once is the classic 二重敬称
	// mistake); without one, 御中 addresses the department, so the
	// department goes on the name line before it: 株式会社X 経理部 御中.
	addressee func(name, department, honorific string, personal bool) (nameLine, departmentLine string)
	contactOf func(contact, honorific string) string
}

// labelsFor returns the labels of a document language; anything but "en" is
// Japanese, the default of a Japanese office.
func labelsFor(lang string) *labels {
	if lang == "en" {
		return english()
	}
	return japanese()
}

// The labels of each language are made on first use: their maps, built as
// package variables, were most of pdf's initialisation, paid by every
// command (issue 17).
var japanese = sync.OnceValue(func() *labels {
	return &labels{
		lang: "ja",
		titles: map[string]string{store.KindEstimate: "見積書", store.KindDeliveryNote: "納品書",
			store.KindInvoice: "請求書", store.KindCreditNote: "返品・値引き明細書"},
		subtitle: map[string]string{store.KindCreditNote: "（適格返還請求書）"},
		greeting: map[string]string{store.KindEstimate: "下記のとおり御見積申し上げます。",
			store.KindDeliveryNote: "下記のとおり納品いたしました。",
			store.KindInvoice:      "下記のとおりご請求申し上げます。",
			store.KindCreditNote:   "下記のとおり返品・値引きをいたします。"},
		amount: map[string]string{store.KindEstimate: "御見積金額", store.KindDeliveryNote: "納品金額",
			store.KindInvoice: "ご請求金額", store.KindCreditNote: "返還金額"},

		number: "番号", issueDate: "発行日", validUntil: "有効期限", deliveryDate: "納品日",
		closingDate: "締め日", dueDate: "お支払期限",
		corrects: "対象請求書", replaces: "訂正元", deliveryNotes: "対象納品書",
		subject: "件名", taxIncluded: "（税込）", inclusive: "(税込)",

		colNo: "No.", colDescription: "品名・内容", colQuantity: "数量", colUnit: "単位",
		colUnitPrice: "単価", colAmount: "金額",

		reducedLegend: "※は軽減税率対象",
		rateBase:      "%d%%対象", rateBaseIncl: "%d%%対象(税込)", rateTax: "消費税", rateTaxIncl: "内消費税",
		subtotal: "小計", subtotalExcl: "小計(税抜)", tax: "消費税", total: "合計",

		bankTitle: "お振込先", holder: "口座名義",
		accountTypes: map[string]string{store.AccountOrdinary: "普通", store.AccountCurrent: "当座",
			store.AccountSavings: "貯蓄"},

		notes: "備考", registration: "登録番号", tel: "TEL",

		statementTitle: "取引明細書", period: "対象期間", balanceDue: "ご請求残高",
		colDate: "日付", colDocNumber: "伝票番号", colStatementDesc: "摘要", colDebit: "ご請求額",
		colCredit: "ご入金・値引", colBalance: "残高",
		openingBalance: "前期繰越", periodDebits: "当期ご請求額", periodCredits: "当期ご入金・値引額",
		closingBalance: "当期末残高",

		reminderTitle: "督促状",
		reminderBody: "下記のご請求につきまして、お支払期限を過ぎておりますが、本日現在ご入金の確認が取れておりません。" +
			"お手数ではございますが、%sまでにお振込みくださいますようお願い申し上げます。" +
			"なお、本状と行き違いにお支払いいただいている場合は、何卒ご容赦ください。",
		reminderBodyAsOf: "下記のご請求につきまして、お支払期限を過ぎておりますが、%s現在ご入金の確認が取れておりません。" +
			"お手数ではございますが、%sまでにお振込みくださいますようお願い申し上げます。" +
			"なお、本状と行き違いにお支払いいただいている場合は、何卒ご容赦ください。",
		reminderOpen: "ご請求残高", payBy: "お支払期限", asOf: "基準日",
		colInvoice: "請求書番号", colInvoiceDate: "発行日", colInvoiceDue: "お支払期限",
		colInvoiceTotal: "ご請求額", colInvoiceOpen: "未入金額", totalOpen: "未入金額合計",

		page: "%d / %d",

		date: func(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) },
		addressee: func(name, department, honorific string, personal bool) (string, string) {
			switch {
			case honorific == "" || personal:
				return name, department
			case honorific == store.HonorificCompany && department != "":
				return name + " " + department + " " + honorific, ""
			}
			return name + " " + honorific, department
		},
		contactOf: func(contact, honorific string) string {
			if honorific == "" {
				return contact
			}
			return contact + " 様"
		},
	}
})

var english = sync.OnceValue(func() *labels {
	return &labels{
		lang: "en",
		titles: map[string]string{store.KindEstimate: "Quotation", store.KindDeliveryNote: "Delivery Note",
			store.KindInvoice: "Invoice", store.KindCreditNote: "Credit Note"},
		subtitle: map[string]string{},
		greeting: map[string]string{store.KindEstimate: "We are pleased to quote as follows.",
			store.KindDeliveryNote: "We have delivered the following.",
			store.KindInvoice:      "We invoice you as follows.",
			store.KindCreditNote:   "We credit you as follows."},
		amount: map[string]string{store.KindEstimate: "Quotation total", store.KindDeliveryNote: "Delivery total",
			store.KindInvoice: "Amount due", store.KindCreditNote: "Amount credited"},

		number: "No.", issueDate: "Date", validUntil: "Valid until", deliveryDate: "Delivery date",
		closingDate: "Closing date", dueDate: "Due date",
		corrects: "Corrects invoice", replaces: "Replaces", deliveryNotes: "Delivery notes",
		subject: "Subject", taxIncluded: "(tax incl.)", inclusive: " (incl.)",

		colNo: "No.", colDescription: "Description", colQuantity: "Qty", colUnit: "Unit",
		colUnitPrice: "Unit price", colAmount: "Amount",

		reducedLegend: "※ Reduced tax rate",
		rateBase:      "%d%% taxable", rateBaseIncl: "%d%% incl. tax", rateTax: "Tax", rateTaxIncl: "Tax",
		subtotal: "Subtotal", subtotalExcl: "Subtotal (excl. tax)", tax: "Tax", total: "Total",

		bankTitle: "Bank transfer", holder: "Account holder",
		accountTypes: map[string]string{store.AccountOrdinary: "Ordinary", store.AccountCurrent: "Current",
			store.AccountSavings: "Savings"},

		notes: "Notes", registration: "Registration No.", tel: "Tel",

		statementTitle: "Statement of Account", period: "Period", balanceDue: "Balance due",
		colDate: "Date", colDocNumber: "Number", colStatementDesc: "Description", colDebit: "Debit",
		colCredit: "Credit", colBalance: "Balance",
		openingBalance: "Balance brought forward", periodDebits: "Invoiced in period",
		periodCredits: "Paid and credited in period", closingBalance: "Closing balance",

		reminderTitle: "Payment Reminder",
		reminderBody: "According to our records, the invoices below are past their due date and we have not yet received payment. " +
			"We would be grateful if you could transfer the open amount by %s. " +
			"If you have already paid, please disregard this reminder.",
		reminderBodyAsOf: "According to our records as of %s, the invoices below were past their due date and we had not received payment. " +
			"We would be grateful if you could transfer the open amount by %s. " +
			"If you have already paid, please disregard this reminder.",
		reminderOpen: "Amount overdue", payBy: "Please pay by", asOf: "As of",
		colInvoice: "Invoice", colInvoiceDate: "Date", colInvoiceDue: "Due date",
		colInvoiceTotal: "Amount", colInvoiceOpen: "Open", totalOpen: "Total open",

		page: "%d / %d",

		date:      func(t time.Time) string { return t.Format("2 Jan 2006") },
		addressee: func(name, department, _ string, _ bool) (string, string) { return name, department }, // no honorific in English
		contactOf: func(contact, _ string) string { return "Attn: " + contact },
	}
})

// Title is what a document of kind is called in the document language lang
// (請求書, "Invoice"; "reminder" is the payment reminder): for text that
// goes with a document, such as the email it is sent with, so both name it
// alike.
func Title(lang, kind string) string {
	l := labelsFor(lang)
	switch kind {
	case "reminder":
		return l.reminderTitle
	case store.SentContract: // a contract's summary (契約内容確認書)
		return contractLabelsFor(lang).title
	}
	if kind == store.KindReceipt {
		return receiptLabelsFor(lang).title
	}
	return l.titles[kind]
}

// Date writes t as documents in lang do (2026年12月31日, 31 Dec 2026).
func Date(lang string, t time.Time) string { return labelsFor(lang).date(t) }
