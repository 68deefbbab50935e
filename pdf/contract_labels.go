package pdf

import (
	"fmt"
	"sync"
	"time"

	"daicho/store"
)

// contractLabels are the words of the contract summary (契約内容確認書) that
// no other document prints. The shared ones (parties, table headings, notes)
// come from labels; these sit beside them in the same two languages.
type contractLabels struct {
	title, greeting, number, start string

	colItem, colDetails, terms                          string
	period, cycle, billingDay, timing, payment, renewal string
	person, status, cancelReason                        string

	colTaxRate, colAmount string
	perPeriod             string // the summary's first row: one period's charge, tax excluded

	cycles   map[string]string // by store.Cycle…; every-N is everyN with the months
	everyN   string
	statuses map[string]string
	methods  map[string]string // by payment method (store.Pay…)

	// taxes name the tax categories in the line table. A contract has no
	// rate: each invoice takes the rate in force on its own date, so the
	// category is what the contract decides (※ marks the reduced one too).
	taxes map[string]string

	// These build sentences from figures and dates.
	periodOf    func(start, end string) string // end "" when open-ended
	dayOf       func(day int) string           // store.MonthEnd (31) is the month's last day
	timingOf    func(inAdvance, proRate bool) string
	renewalOf   func(auto, openEnded bool, months, noticeDays int) string
	priceFrom   func(date string) string // a price change's row in the line table
	amountsFrom func(date string) string // a later period charge in the summary
}

func contractLabelsFor(lang string) *contractLabels {
	if lang == "en" {
		return contractEnglish()
	}
	return contractJapanese()
}

// Made on first use, as labels (labels.go).
var contractJapanese = sync.OnceValue(func() *contractLabels {
	return &contractLabels{
		title:    "契約内容確認書",
		greeting: "下記のとおりご契約いただいた内容をご確認ください。",
		number:   "契約番号", start: "契約開始日",

		colItem: "項目", colDetails: "内容", terms: "契約条件",
		period: "契約期間", cycle: "請求周期", billingDay: "請求日", timing: "請求方法", payment: "お支払方法",
		renewal: "契約更新", person: "担当者", status: "状態", cancelReason: "解約理由",

		colTaxRate: "税区分", colAmount: "金額(税抜)",
		perPeriod: "1回あたりのご請求額(税抜)",

		cycles: map[string]string{store.CycleMonthly: "毎月", store.CycleYearly: "毎年", store.CycleOneOff: "1回のみ"},
		everyN: "%dか月ごと",
		statuses: map[string]string{store.ContractDraft: "下書き", store.ContractActive: "契約中",
			store.ContractEnded: "終了", store.ContractCancelled: "解約"},
		methods: map[string]string{store.PayBankTransfer: "銀行振込", store.PayDirectDebit: "口座振替",
			store.PayCard: "クレジットカード", store.PayCash: "現金", store.PayOther: "その他"},
		taxes: map[string]string{store.TaxStandard: "標準税率", store.TaxReduced: "軽減税率", store.TaxExempt: "非課税"},

		periodOf: func(start, end string) string {
			if end == "" {
				return start + " 〜（期間の定めなし）"
			}
			return start + " 〜 " + end
		},
		dayOf: func(day int) string {
			if day >= store.MonthEnd {
				return "末日"
			}
			return fmt.Sprintf("%d日", day)
		},
		timingOf: func(inAdvance, proRate bool) string {
			s := "後払い（期間の終了後にその期間分をご請求）"
			if inAdvance {
				s = "前払い（期間の初めにその期間分をご請求）"
			}
			if proRate {
				s += "。初回と最終回の端数期間は日割りで計算します"
			}
			return s
		},
		renewalOf: func(auto, openEnded bool, months, noticeDays int) string {
			switch {
			case openEnded && noticeDays > 0:
				return fmt.Sprintf("期間の定めなし。解約のお申し出は%d日前までにお願いいたします", noticeDays)
			case openEnded:
				return "期間の定めなし"
			case auto && noticeDays > 0:
				return fmt.Sprintf("自動更新（%dか月ごと）。満了日の%d日前までに解約のお申し出がない限り、同じ条件で更新します", months, noticeDays)
			case auto:
				return fmt.Sprintf("自動更新（%dか月ごと）", months)
			case noticeDays > 0:
				return fmt.Sprintf("自動更新なし。更新をご希望の場合は満了日の%d日前までにお申し出ください", noticeDays)
			}
			return "自動更新なし"
		},
		priceFrom:   func(date string) string { return date + "から単価改定" },
		amountsFrom: func(date string) string { return date + "から" },
	}
})

var contractEnglish = sync.OnceValue(func() *contractLabels {
	return &contractLabels{
		title:    "Contract Summary",
		greeting: "This summarises the terms of your contract with us.",
		number:   "Contract No.", start: "Start date",

		colItem: "Item", colDetails: "Details", terms: "Terms",
		period: "Term", cycle: "Billing cycle", billingDay: "Billing day", timing: "Billing", payment: "Payment method",
		renewal: "Renewal", person: "Contact person", status: "Status", cancelReason: "Reason for cancellation",

		colTaxRate: "Tax rate", colAmount: "Amount",
		perPeriod: "Charge per period (excl. tax)",

		cycles: map[string]string{store.CycleMonthly: "Monthly", store.CycleYearly: "Yearly", store.CycleOneOff: "One-off"},
		everyN: "Every %d months",
		statuses: map[string]string{store.ContractDraft: "Draft", store.ContractActive: "Active",
			store.ContractEnded: "Ended", store.ContractCancelled: "Cancelled"},
		methods: map[string]string{store.PayBankTransfer: "Bank transfer", store.PayDirectDebit: "Direct debit",
			store.PayCard: "Credit card", store.PayCash: "Cash", store.PayOther: "Other"},
		taxes: map[string]string{store.TaxStandard: "Standard", store.TaxReduced: "Reduced", store.TaxExempt: "Exempt"},

		periodOf: func(start, end string) string {
			if end == "" {
				return "From " + start + " (open-ended)"
			}
			return start + " – " + end
		},
		dayOf: func(day int) string {
			if day >= store.MonthEnd {
				return "Last day of the month"
			}
			return ordinal(day) + " of the month"
		},
		timingOf: func(inAdvance, proRate bool) string {
			s := "In arrears (each period is billed after it ends)"
			if inAdvance {
				s = "In advance (each period is billed at its start)"
			}
			if proRate {
				s += "; a partial first or last period is pro-rated by days"
			}
			return s
		},
		renewalOf: func(auto, openEnded bool, months, noticeDays int) string {
			switch {
			case openEnded && noticeDays > 0:
				return fmt.Sprintf("Open-ended; %d days' notice to end it", noticeDays)
			case openEnded:
				return "Open-ended"
			case auto && noticeDays > 0:
				return fmt.Sprintf("Renews automatically for %s on the same terms unless notice is given at least %d days before the end date",
					monthsEn(months), noticeDays)
			case auto:
				return "Renews automatically for " + monthsEn(months)
			case noticeDays > 0:
				return fmt.Sprintf("No automatic renewal; to renew, please tell us at least %d days before the end date", noticeDays)
			}
			return "No automatic renewal"
		},
		priceFrom:   func(date string) string { return "New unit price from " + date },
		amountsFrom: func(date string) string { return "From " + date },
	}
})

// ordinal is 1st, 2nd, 3rd, 4th … 21st, 22nd, 23rd, 28th.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}

// monthsEn is "12 months", "1 month".
func monthsEn(n int) string {
	if n == 1 {
		return "1 month"
	}
	return fmt.Sprintf("%d months", n)
}

// cycleOf names a contract's billing cycle.
func (cl *contractLabels) cycleOf(cycle string, months int) string {
	if cycle == store.CycleEveryN {
		return fmt.Sprintf(cl.everyN, months)
	}
	return cl.cycles[cycle]
}

// dateOr prints a date, or "" for the zero date (an open end).
func dateOr(l *labels, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return l.date(t)
}
