package exchange

import (
	"context"
	"encoding/csv"
	"io"
	"iter"
	"strconv"
	"time"

	"daicho/store"
)

// ContractJSON is one contract as `daicho list contracts --format json`
// writes it: the terms, the lines with their whole price history, and what
// the list computes (next billing date, monthly value, days to the end).
// Keys are snake_case like every other JSON of daicho; dates are ISO, amounts
// integers in minor units, quantities decimal strings.
type ContractJSON struct {
	Number         string  `json:"number"` // "" for a draft
	CustomerCode   string  `json:"customer_code"`
	CustomerName   string  `json:"customer_name"`
	Title          string  `json:"title"`
	Status         string  `json:"status"` // draft, active, ended or cancelled
	Start          string  `json:"start"`
	End            *string `json:"end"` // null: open-ended
	Cycle          string  `json:"cycle"`
	CycleMonths    int     `json:"cycle_months"`
	BillingDay     int     `json:"billing_day"` // 31: the month's last day
	InAdvance      bool    `json:"in_advance"`
	ProRate        bool    `json:"pro_rate"`
	PaymentMethod  string  `json:"payment_method"`
	AutoRenew      bool    `json:"auto_renew"`
	RenewalMonths  int     `json:"renewal_months"`
	NoticeDays     int     `json:"notice_days"`
	CancelReason   string  `json:"cancel_reason"`
	Notes          string  `json:"notes"`
	PersonInCharge string  `json:"person_in_charge"`

	Lines []ContractLineJSON `json:"lines"`

	NextBilling  *string     `json:"next_billing"` // null: nothing left to bill
	MonthlyValue store.Money `json:"monthly_value"`
	EndsInDays   *int        `json:"ends_in_days"` // null: open-ended

	// Contracts that mail themselves (issue 16).
	NotifyCustomer bool `json:"notify_customer"` // the customer is mailed a renewal notice
	// The first month daicho bills (請求開始月); null: from the start.
	BillFrom *string `json:"bill_from"`
}

// ContractLineJSON is one line of a contract with its price history.
type ContractLineJSON struct {
	ProductCode string      `json:"product_code"` // "" for a free-text line
	Description string      `json:"description"`
	Quantity    Decimal     `json:"quantity"`
	Unit        string      `json:"unit"`
	UnitPrice   store.Money `json:"unit_price"` // in force on the day listed
	TaxCategory string      `json:"tax_category"`
	Prices      []PriceJSON `json:"prices"` // oldest first; the first from the contract's start
}

// PriceJSON is a unit price in force from a date on.
type PriceJSON struct {
	From      string      `json:"from"`
	UnitPrice store.Money `json:"unit_price"`
}

// ToContractJSON is c in the JSON shape, with the figures of its summary s.
func ToContractJSON(c store.Contract, s store.ContractSummary) ContractJSON {
	j := ContractJSON{Number: c.Number, CustomerCode: c.CustomerCode, CustomerName: c.CustomerName, Title: c.Title,
		Status: c.Status, Start: store.FormatDate(c.Start), End: optionalDate(c.End), Cycle: c.Cycle,
		CycleMonths: c.CycleMonths, BillingDay: c.BillingDay, InAdvance: c.InAdvance, ProRate: c.ProRate,
		PaymentMethod: c.PaymentMethod, AutoRenew: c.AutoRenew, RenewalMonths: c.RenewalMonths,
		NoticeDays: c.NoticeDays, CancelReason: c.CancelReason, Notes: c.Notes, PersonInCharge: c.PersonInCharge,
		Lines: make([]ContractLineJSON, len(c.Lines)), NextBilling: optionalDate(s.NextBilling),
		MonthlyValue: s.MonthlyValue, NotifyCustomer: c.NotifyCustomer, BillFrom: optionalDate(c.BillFrom)}
	if s.EndsInDays >= 0 {
		j.EndsInDays = new(s.EndsInDays)
	}
	for i, l := range c.Lines {
		prices := make([]PriceJSON, len(l.Prices)) // [] rather than null for a line without history
		for k, p := range l.Prices {
			prices[k] = PriceJSON{From: store.FormatDate(p.From), UnitPrice: p.UnitPrice}
		}
		j.Lines[i] = ContractLineJSON{ProductCode: l.ProductCode, Description: l.Description,
			Quantity: Decimal(l.Quantity.String()), Unit: l.Unit, UnitPrice: l.UnitPrice, TaxCategory: l.TaxCategory,
			Prices: prices}
	}
	return j
}

// optionalDate is a date as JSON, null for the zero date.
func optionalDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	return new(store.FormatDate(t))
}

// LoadContracts yields the contracts of the summaries whole (lines and
// prices), one at a time, for WriteContractsJSON.
func LoadContracts(ctx context.Context, st *store.Store, ss []store.ContractSummary) iter.Seq2[store.Contract, error] {
	return func(yield func(store.Contract, error) bool) {
		for _, s := range ss {
			c, err := st.Contract(ctx, s.ID)
			if !yield(c, err) || err != nil {
				return
			}
		}
	}
}

// WriteContractsJSON writes the contracts as an indented JSON array ("[]"
// for none), each with the figures of its summary (ss, in the same order as
// contracts yields them), one at a time so a long list is never held whole.
func WriteContractsJSON(w io.Writer, contracts iter.Seq2[store.Contract, error], ss []store.ContractSummary) error {
	n := 0
	return writeJSONArray(w, contracts, func(c store.Contract) any {
		j := ToContractJSON(c, ss[n])
		n++
		return j
	})
}

// contractKeys are the CSV header: the list's columns, one row per contract
// (the lines need the JSON).
var contractKeys = []string{"number", "customer_code", "customer_name", "title", "status", "cycle", "start", "end",
	"next_billing", "monthly_value", "ends_in_days", "auto_renew", "person_in_charge",
	"notify_customer", // contracts that mail themselves (issue 16)
	"bill_from"}

// WriteContractsCSV writes the contract summaries as CSV like the other
// lists: a header of the keys, amounts in minor units, empty cells for an
// open end or nothing left to bill, text cells defused.
func WriteContractsCSV(w io.Writer, ss []store.ContractSummary) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(contractKeys); err != nil {
		return err
	}
	for _, s := range ss {
		endsIn := ""
		if s.EndsInDays >= 0 {
			endsIn = strconv.Itoa(s.EndsInDays)
		}
		if err := cw.Write([]string{Defuse(s.Number), Defuse(s.CustomerCode), Defuse(s.CustomerName),
			Defuse(s.Title), s.Status, s.Cycle, store.FormatDate(s.Start), store.FormatDate(s.End),
			store.FormatDate(s.NextBilling), money(s.MonthlyValue), endsIn, strconv.FormatBool(s.AutoRenew),
			Defuse(s.PersonInCharge), strconv.FormatBool(s.NotifyCustomer), store.FormatDate(s.BillFrom)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
