package store

import (
	"fmt"
	"strings"
	"time"
)

// The words a billing run writes onto its invoices: period labels, pro-rata
// notes, subjects and payment notes, in the contract's language.

func labelSeparator(lang string) string {
	if lang == "en" {
		return ", "
	}
	return " "
}

// periodLabel names the months a period bills: "2026年12月分", "2026年12月〜
// 2027年2月分", "December 2026", "December 2026 – February 2027"; "" for a
// one-off.
func periodLabel(lang string, p billedPeriod) string {
	if p.oneOff {
		return ""
	}
	sy, sm, _ := p.start.Date()
	ey, em, _ := p.end.Date()
	single := sy == ey && sm == em
	if lang == "en" {
		switch {
		case single:
			return fmt.Sprintf("%s %d", sm, sy)
		case sy == ey:
			return fmt.Sprintf("%s – %s %d", sm, em, ey)
		default:
			return fmt.Sprintf("%s %d – %s %d", sm, sy, em, ey)
		}
	}
	switch {
	case single:
		return fmt.Sprintf("%d年%d月分", sy, sm)
	case sy == ey:
		return fmt.Sprintf("%d年%d月〜%d月分", sy, sm, em)
	default:
		return fmt.Sprintf("%d年%d月〜%d年%d月分", sy, sm, ey, em)
	}
}

// proRataLabel says which days a pro-rated line bills: "(11/18〜11/30
// 13日分)", "(Nov 18–30, 13 days)".
func proRataLabel(lang string, from, to time.Time, days int) string {
	fy, fm, fd := from.Date()
	ty, tm, td := to.Date()
	if lang == "en" {
		unit := "days"
		if days == 1 {
			unit = "day"
		}
		short := func(m time.Month) string { return m.String()[:3] }
		var span string
		switch {
		case from.Equal(to):
			span = fmt.Sprintf("%s %d", short(fm), fd)
		case fy == ty && fm == tm:
			span = fmt.Sprintf("%s %d–%d", short(fm), fd, td)
		case fy == ty:
			span = fmt.Sprintf("%s %d – %s %d", short(fm), fd, short(tm), td)
		default:
			span = fmt.Sprintf("%s %d, %d – %s %d, %d", short(fm), fd, fy, short(tm), td, ty)
		}
		return fmt.Sprintf("(%s, %d %s)", span, days, unit)
	}
	var span string
	switch {
	case from.Equal(to):
		span = fmt.Sprintf("%d/%d", fm, fd)
	case fy == ty:
		span = fmt.Sprintf("%d/%d〜%d/%d", fm, fd, tm, td)
	default:
		span = fmt.Sprintf("%d/%d/%d〜%d/%d/%d", fy, fm, fd, ty, tm, td)
	}
	return fmt.Sprintf("(%s %d日分)", span, days)
}

// combinedSubject is the subject of an invoice combining n contracts.
func combinedSubject(lang string, month time.Time, n int) string {
	if lang == "en" {
		return fmt.Sprintf("Contracts, %s %d (%d)", month.Month(), month.Year(), n)
	}
	return fmt.Sprintf("%d年%d月ご請求分（ご契約%d件）", month.Year(), month.Month(), n)
}

func contractNumbersNote(lang string, numbers []string) string {
	if lang == "en" {
		if len(numbers) > 1 {
			return "Contracts: " + strings.Join(numbers, ", ")
		}
		return "Contract: " + numbers[0]
	}
	return "契約番号: " + strings.Join(numbers, ", ")
}

// paymentNote is the notes' payment line; method "" gives its head only.
func paymentNote(lang, method string) string {
	if lang == "en" {
		return "Payment: " + paymentMethodName(lang, method)
	}
	return "お支払方法: " + paymentMethodName(lang, method)
}

func paymentMethodName(lang, method string) string {
	en := map[string]string{PayBankTransfer: "bank transfer", PayDirectDebit: "direct debit", PayCard: "card", PayCash: "cash"}
	ja := map[string]string{PayBankTransfer: "銀行振込", PayDirectDebit: "口座振替", PayCard: "クレジットカード", PayCash: "現金"}
	if lang == "en" {
		return en[method]
	}
	return ja[method]
}
