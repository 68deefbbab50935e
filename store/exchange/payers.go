package exchange

import (
	"encoding/csv"
	"fmt"
	"io"

	"daicho/store"
)

// The payer names learned from confirmed matches (`daicho list payers`,
// issue 14): which bank payer name daicho takes for which customer.

// payerKeys are the CSV header and the JSON keys.
var payerKeys = []string{"payer", "customer_code", "customer_name", "confirmed"}

// PayerJSON is one learned payer name as list payers writes it.
type PayerJSON struct {
	Payer        string `json:"payer"` // normalised (store.NormalizePayer), as matching compares it
	CustomerCode string `json:"customer_code"`
	CustomerName string `json:"customer_name"`
	Confirmed    int    `json:"confirmed"` // the matches that taught it
}

// WritePayersJSON writes the payer names as an indented JSON array.
func WritePayersJSON(w io.Writer, as []store.PayerAlias) error {
	return writeJSONArray(w, all(as), func(a store.PayerAlias) any {
		return PayerJSON{Payer: a.Alias, CustomerCode: a.CustomerCode, CustomerName: a.CustomerName, Confirmed: a.Confirmed}
	})
}

// WritePayersCSV writes RFC 4180 CSV like the other lists (UTF-8, CRLF,
// formulas defused).
func WritePayersCSV(w io.Writer, as []store.PayerAlias) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(payerKeys); err != nil {
		return err
	}
	for _, a := range as {
		if err := cw.Write([]string{Defuse(a.Alias), Defuse(a.CustomerCode), Defuse(a.CustomerName),
			fmt.Sprint(a.Confirmed)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
