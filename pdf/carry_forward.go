package pdf

import (
	"daicho/store"
)

// The head of a carry-forward invoice (繰越請求書, the closing run of issue
// 16): one row under the amount box that says where the account stood at
// the previous closing and what moved on it, then this cycle's sales and
// what is billed now. The tax summary under the lines stays this cycle's
// only, so the invoice is still a qualified invoice (tax once per rate on
// this cycle's sales). The figures are the ones the run kept
// (store.CarryForward), never recomputed here.

// carryLabels are the carry-forward row's headings in a document language.
type carryLabels struct {
	previous, received, adjusted, carried, current, billed string
	amount                                                 string // the amount box's label: what is billed now
}

func carryLabelsFor(lang string) carryLabels {
	if lang == "en" {
		return carryLabels{previous: "Previous invoice", received: "Received", adjusted: "Adjustments",
			carried: "Carried forward", current: "This period", billed: "Amount now due", amount: "Amount now due"}
	}
	return carryLabels{previous: "前回請求額", received: "今回入金額", adjusted: "調整額",
		carried: "繰越金額", current: "今回お買上額", billed: "今回請求額", amount: "今回ご請求額"}
}

// carryForwardBlock prints the row: six equal columns, the last (what is
// billed) shaded.
func (c *canvas) carryForwardBlock(cl carryLabels, cf *store.CarryForward, cur store.Currency) {
	w := contentWidth / 6
	cols := []column{
		{label: cl.previous, width: w, align: alignRight}, {label: cl.received, width: w, align: alignRight},
		{label: cl.adjusted, width: w, align: alignRight}, {label: cl.carried, width: w, align: alignRight},
		{label: cl.current, width: w, align: alignRight}, {label: cl.billed, width: w, align: alignRight},
	}
	c.table(cols, []row{{cells: []string{cf.PreviousBilled.Plain(cur), cf.Received.Plain(cur), cf.Adjusted.Plain(cur),
		cf.Carried.Plain(cur), cf.Current.Plain(cur), cf.Billed.Plain(cur)}}})
	c.y += blockGap
}
