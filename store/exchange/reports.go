package exchange

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"

	"daicho/store"
)

// The machine forms of `daicho report`: the sales and margin report of a
// period, and the receivables aging as of a day, as JSON (one object) or
// CSV (the rows, no total: a script sums them). The CLI draws the tables.

// ReportRowJSON is one row of `report sales|margin --format json`; the
// margin keys only in a margin report. margin is a percentage with one
// decimal, null without sales.
type ReportRowJSON struct {
	Key       string          `json:"key"`
	Label     string          `json:"label"`
	Documents int             `json:"documents"`
	Sales     store.Money     `json:"sales"`
	Cost      *store.Money    `json:"cost,omitempty"`
	Profit    *store.Money    `json:"profit,omitempty"`
	Margin    json.RawMessage `json:"margin,omitempty"` // a number, or null
}

// ToReportRowJSON is the JSON form of a report row, with the margin keys
// when margin is set.
func ToReportRowJSON(r store.ReportRow, margin bool) ReportRowJSON {
	j := ReportRowJSON{Key: r.Key, Label: r.Label, Documents: r.Documents, Sales: r.Sales}
	if margin {
		cost, profit := r.Cost, r.Profit()
		j.Cost, j.Profit = &cost, &profit
		j.Margin = json.RawMessage("null") // no sales: no margin, said so
		if m := marginText(r); m != "" {
			j.Margin = json.RawMessage(m)
		}
	}
	return j
}

// marginText is a row's margin in percent ("40.5"), or "" without sales.
func marginText(r store.ReportRow) string {
	if m, ok := r.MarginPermille(); ok {
		return store.FormatPermille(m)
	}
	return ""
}

// WriteReportJSON writes {"from", "to", "by", "rows": […], "total": {…}},
// indented like every JSON daicho writes.
func WriteReportJSON(w io.Writer, rep store.Report, margin bool) error {
	out := struct {
		From  string          `json:"from"`
		To    string          `json:"to"`
		By    string          `json:"by"`
		Rows  []ReportRowJSON `json:"rows"`
		Total ReportRowJSON   `json:"total"`
	}{From: store.FormatDate(rep.Query.From), To: store.FormatDate(rep.Query.To), By: rep.Query.By,
		Rows: []ReportRowJSON{}, Total: ToReportRowJSON(rep.Total, margin)}
	for _, r := range rep.Rows {
		out.Rows = append(out.Rows, ToReportRowJSON(r, margin))
	}
	return writeJSON(w, out)
}

// WriteReportCSV writes the report's rows (not the total) as CSV: key,
// label, documents, sales, and with margin cost, profit and margin; amounts
// in minor units, text cells defused.
func WriteReportCSV(w io.Writer, rep store.Report, margin bool) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := []string{"key", "label", "documents", "sales"}
	if margin {
		header = append(header, "cost", "profit", "margin")
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, r := range rep.Rows {
		rec := []string{Defuse(r.Key), Defuse(r.Label), strconv.Itoa(r.Documents), money(r.Sales)}
		if margin {
			rec = append(rec, money(r.Cost), money(r.Profit()), marginText(r))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// AgingJSON is `report aging --format json`: the receivables as of a day,
// not yet due and then overdue per aging bucket, their total, and (by
// customer) the overdue total of each customer.
type AgingJSON struct {
	AsOf      string              `json:"as_of"`
	Buckets   []AgingBucketJSON   `json:"buckets"`
	Total     AgingBucketJSON     `json:"total"`
	Customers []AgingCustomerJSON `json:"customers,omitempty"`
}

// AgingBucketJSON is one line of the aging: "not_due", a bucket of
// store.AgingBuckets, or "total".
type AgingBucketJSON struct {
	Bucket   string      `json:"bucket"`
	Invoices int         `json:"invoices"`
	Open     store.Money `json:"open"`
}

// AgingCustomerJSON is one customer's overdue invoices.
type AgingCustomerJSON struct {
	Code           string      `json:"code"`
	Name           string      `json:"name"`
	PersonInCharge string      `json:"person_in_charge"`
	Invoices       int         `json:"invoices"`
	OldestDays     int         `json:"oldest_days"`
	Open           store.Money `json:"open"`
}

// ToAgingJSON is the receivables as an aging: what is open and not yet due,
// then the overdue buckets. Customers is filled whether or not the report is
// by customer; the writers leave it out when it is not.
func ToAgingJSON(r store.Receivables) AgingJSON {
	a := r.Aging
	j := AgingJSON{AsOf: store.FormatDate(r.AsOf), Buckets: []AgingBucketJSON{{"not_due", r.NotDueCount, r.NotDue}},
		Total: AgingBucketJSON{"total", r.Count(), r.Total()}}
	for _, b := range store.AgingBuckets {
		j.Buckets = append(j.Buckets, AgingBucketJSON{b, a.Counts[b], a.Buckets[b]})
	}
	j.Customers = make([]AgingCustomerJSON, len(a.ByCustomer))
	for i, cu := range a.ByCustomer {
		j.Customers[i] = AgingCustomerJSON{cu.Code, cu.Name, cu.PersonInCharge, cu.Count, cu.Oldest, cu.Total}
	}
	return j
}

// WriteAgingJSON writes the aging as one indented object, with the
// customers only when perCustomer (and there are any).
func WriteAgingJSON(w io.Writer, a AgingJSON, perCustomer bool) error {
	if !perCustomer {
		a.Customers = nil
	}
	return writeJSON(w, a)
}

// WriteAgingCSV writes the aging as CSV: a row per bucket, or with
// perCustomer a row per customer; amounts in minor units, text cells
// defused.
func WriteAgingCSV(w io.Writer, a AgingJSON, perCustomer bool) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	recs := [][]string{{"bucket", "invoices", "open"}}
	for _, b := range a.Buckets {
		recs = append(recs, []string{b.Bucket, strconv.Itoa(b.Invoices), money(b.Open)})
	}
	if perCustomer {
		recs = [][]string{{"code", "name", "person_in_charge", "invoices", "oldest_days", "open"}}
		for _, cu := range a.Customers {
			recs = append(recs, []string{Defuse(cu.Code), Defuse(cu.Name), Defuse(cu.PersonInCharge),
				strconv.Itoa(cu.Invoices), strconv.Itoa(cu.OldestDays), money(cu.Open)})
		}
	}
	return cw.WriteAll(recs)
}
