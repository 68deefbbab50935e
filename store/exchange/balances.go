package exchange

import (
	"encoding/csv"
	"io"

	"daicho/store"
)

// The machine forms of `daicho report balances` (売掛金残高一覧表): one JSON
// object with the period, the rows and the total, or CSV rows (no total: a
// script sums them). Amounts in minor units.

// BalanceRowJSON is one customer's line (or the total, without code and name).
type BalanceRowJSON struct {
	Code     string      `json:"code,omitempty"`
	Name     string      `json:"name,omitempty"`
	Previous store.Money `json:"previous"`
	Invoiced store.Money `json:"invoiced"`
	Received store.Money `json:"received"`
	Adjusted store.Money `json:"adjusted"`
	Closing  store.Money `json:"closing"`
}

func toBalanceRowJSON(r store.BalanceRow) BalanceRowJSON {
	return BalanceRowJSON{Code: r.Code, Name: r.Name, Previous: r.Previous, Invoiced: r.Invoiced,
		Received: r.Received, Adjusted: r.Adjusted, Closing: r.Closing}
}

// WriteBalancesJSON writes {"from", "to", "rows": […], "total": {…}}.
func WriteBalancesJSON(w io.Writer, rep store.BalancesReport) error {
	out := struct {
		From  string           `json:"from"`
		To    string           `json:"to"`
		Rows  []BalanceRowJSON `json:"rows"`
		Total BalanceRowJSON   `json:"total"`
	}{From: store.FormatDate(rep.From), To: store.FormatDate(rep.To), Rows: []BalanceRowJSON{},
		Total: toBalanceRowJSON(rep.Total)}
	for _, r := range rep.Rows {
		out.Rows = append(out.Rows, toBalanceRowJSON(r))
	}
	return writeJSON(w, out)
}

// BalanceColumns are the CSV header of the balances report.
var BalanceColumns = []string{"code", "name", "previous", "invoiced", "received", "adjusted", "closing"}

// WriteBalancesCSV writes one row per customer; text cells defused.
func WriteBalancesCSV(w io.Writer, rep store.BalancesReport) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(BalanceColumns); err != nil {
		return err
	}
	for _, r := range rep.Rows {
		if err := cw.Write([]string{Defuse(r.Code), Defuse(r.Name), money(r.Previous), money(r.Invoiced),
			money(r.Received), money(r.Adjusted), money(r.Closing)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
