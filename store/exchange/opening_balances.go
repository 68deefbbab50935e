package exchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"daicho/store"
)

// BalanceKeys are the keys of an opening-balances file (`daicho import
// balances`): the CSV header, or each JSON object's keys.
var BalanceKeys = []string{"customer_code", "as_of", "amount", "reference"}

// ReadBalances reads an opening-balances file: CSV (UTF-8 or Shift_JIS,
// a header of BalanceKeys in any order; reference optional) or a JSON array
// of objects. Amounts are whole minor units, "12,345" and "¥12,345" too. It
// returns the balances with each one's line (CSV: its physical line, the
// header being 1; JSON: its position), or every problem at once.
func ReadBalances(r io.Reader, name string) ([]store.OpeningBalance, []int, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, nil, err
	}
	if len(data) > MaxFileSize {
		return nil, nil, store.Invalid("", "import.too_large", name, MaxFileSize>>20)
	}
	text, err := decodeText(data, name)
	if err != nil {
		return nil, nil, err
	}
	var rows []map[string]string
	var lines []int
	var problems store.BatchError
	if DetectFormat(text) == JSON {
		var raw []map[string]any
		if err := json.Unmarshal(text, &raw); err != nil {
			return nil, nil, store.Invalid("", "balance.json", name)
		}
		for i, obj := range raw {
			row := map[string]string{}
			for k, v := range obj {
				switch t := v.(type) {
				case string:
					row[k] = t
				case float64:
					row[k] = strconv.FormatFloat(t, 'f', -1, 64)
				case nil:
				default:
					problems = append(problems, store.RowError{Line: i + 1, Err: store.Invalid(k, "balance.value")})
				}
			}
			rows, lines = append(rows, row), append(lines, i+1)
		}
	} else {
		cr := csv.NewReader(bytes.NewReader(text))
		cr.FieldsPerRecord = -1
		header, err := cr.Read()
		if err != nil {
			return nil, nil, store.Invalid("", "balance.empty", name)
		}
		for {
			rec, err := cr.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				return nil, nil, store.BatchError{csvSyntax(err)}
			}
			line, _ := cr.FieldPos(0)
			row := map[string]string{}
			for i, h := range header {
				if i < len(rec) {
					row[strings.TrimSpace(h)] = rec[i]
				}
			}
			rows, lines = append(rows, row), append(lines, line)
		}
	}
	out := make([]store.OpeningBalance, len(rows))
	for i, row := range rows {
		for k := range row {
			if !known(k) {
				problems = append(problems, store.RowError{Line: lines[i], Err: store.Invalid(k, "import.unknown_key", k, strings.Join(BalanceKeys, ", "))})
			}
		}
		b := store.OpeningBalance{CustomerCode: row["customer_code"], Reference: row["reference"]}
		if s := strings.TrimSpace(row["as_of"]); s != "" {
			if b.AsOf, err = store.ParseDate(s); err != nil {
				problems = append(problems, store.RowError{Line: lines[i], Err: store.Invalid("as_of", "date.format")})
			}
		}
		if s := strings.TrimSpace(row["amount"]); s != "" {
			if b.Amount, err = store.ParseMoney(s, store.JPY); err != nil {
				e, ok := store.AsError(err)
				if !ok {
					e = store.Invalid("amount", "balance.amount")
				}
				e.Field = "amount"
				problems = append(problems, store.RowError{Line: lines[i], Err: e})
			}
		}
		out[i] = b
	}
	if len(problems) > 0 {
		return out, lines, problems
	}
	if len(out) == 0 {
		return nil, nil, store.Invalid("", "balance.empty", name)
	}
	return out, lines, nil
}

func known(k string) bool {
	for _, b := range BalanceKeys {
		if b == k {
			return true
		}
	}
	return false
}
