package exchange

import (
	"encoding/csv"
	"io"
	"strconv"

	"daicho/store"
)

// productKeys are the keys of a product in JSON and the CSV header: the json
// tags of store.Product, in its field order (a test checks they agree).
var productKeys = []string{"code", "name", "kana", "unit", "unit_price", "cost_price", "tax_category", "archived"}

// WriteProductsJSON writes the products as an indented JSON array with the
// keys of productKeys; none is "[]".
func WriteProductsJSON(w io.Writer, ps []store.Product) error {
	return writeJSONArray(w, all(ps), asIs)
}

// WriteProductsCSV writes the products as CSV like WriteCustomersCSV: a
// header of productKeys, amounts in minor units, text cells defused.
func WriteProductsCSV(w io.Writer, ps []store.Product) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(productKeys); err != nil {
		return err
	}
	for _, p := range ps {
		if err := cw.Write([]string{Defuse(p.Code), Defuse(p.Name), Defuse(p.Kana), Defuse(p.Unit),
			strconv.FormatInt(int64(p.UnitPrice), 10), strconv.FormatInt(int64(p.CostPrice), 10), p.TaxCategory,
			strconv.FormatBool(p.Archived)}); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
