package pdf

// receiptLabels are a receipt's texts in a document language. A receipt
// follows its customer's language like every document (labelsFor gives the
// shared fields: number, date, issuer); these are the receipt's own. The
// revenue-stamp box is Japanese law (印紙税法: a paper receipt of ¥50,000
// or more issued in Japan), so an English receipt keeps the box, labelled
// in English, and the electronic note says the same in English.
type receiptLabels struct {
	title, amount, confirm       string
	purpose                      string // before the 但し書き, with its space
	stamp, electronic, breakdown string
	breakdownItem                string // rate base label, amount, tax label, tax: "%s %s（%s %s）"
	listSep                      string // between the breakdown's rates
}

func receiptLabelsFor(lang string) receiptLabels {
	if lang == "en" {
		return receiptLabels{title: "Receipt", amount: "Amount received", purpose: "For: ",
			confirm: "Received with thanks.", stamp: "Revenue stamp",
			electronic: "Electronic receipt: no revenue stamp is required.",
			breakdown:  "Breakdown", breakdownItem: "%s %s (%s %s)", listSep: "; "}
	}
	return receiptLabels{title: "領収書", amount: "金額", purpose: "但し　", confirm: "上記正に領収いたしました。",
		stamp: "収入印紙", electronic: "電子領収書のため収入印紙は不要です。",
		breakdown: "内訳", breakdownItem: "%s %s（%s %s）", listSep: "、"}
}
