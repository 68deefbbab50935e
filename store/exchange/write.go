package exchange

import (
	"encoding/csv"
	"io"
	"strings"

	"daicho/store"
)

// WriteCustomersJSON writes cs as an indented JSON array of objects with the
// keys of ARCHITECTURE.md §8 (store.Customer's json tags), in UTF-8. No
// customers is "[]", never "null", so a reader can always expect an array.
func WriteCustomersJSON(w io.Writer, cs []store.Customer) error {
	return writeJSONArray(w, all(cs), asIs)
}

// WriteCustomersCSV writes cs as RFC 4180 CSV in UTF-8 (no byte-order mark,
// CRLF line ends): a header row of the §8 keys, then one row per customer,
// booleans as true/false.
//
// Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a
// tab or CR before one) as a formula, so a customer named
// "=HYPERLINK(…)" would become a live link in the bookkeeper's Excel. Every
// text cell that would start like that gets a leading apostrophe, which
// spreadsheets read as "this is text". Phones are included on purpose:
// "+81-3-1234-5678" is itself evaluated by Excel (as a subtraction), so the
// apostrophe protects the number too. ReadCustomers removes exactly that
// apostrophe again, so export → import gives back the same customers. Number
// and true/false cells are written by us and never start that way.
func WriteCustomersCSV(w io.Writer, cs []store.Customer) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(Keys()); err != nil {
		return err
	}
	row := make([]string, len(columns))
	for i := range cs {
		for j, col := range columns {
			row[j] = col.format(&cs[i])
			if col.text != nil {
				row[j] = Defuse(row[j])
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// formulaStart reports whether a spreadsheet would treat s as a formula, or s
// is an apostrophe in front of such a text, so that a value that really
// starts with an apostrophe and "=" survives a round trip: it gets a second
// apostrophe on the way out and loses it on the way in.
func formulaStart(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == '\'' {
		return formulaStart(s[1:])
	}
	return strings.IndexByte("=+-@\t\r\x00", s[0]) >= 0
}

// Defuse prefixes an apostrophe to a text cell a spreadsheet would evaluate
// (one starting with = + - @, a tab, CR or NUL: OWASP's CSV injection rule).
// Every CSV file daicho writes passes its text cells through it; numbers it
// formats itself are not text and keep their minus sign.
func Defuse(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}

// restore undoes defuse: an apostrophe is removed only where defuse would have
// put one, so "'s-Hertogenbosch" or "O'Neil" are read as written.
func restore(s string) string {
	if len(s) > 1 && s[0] == '\'' && formulaStart(s[1:]) {
		return s[1:]
	}
	return s
}
