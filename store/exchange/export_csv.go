package exchange

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// The accountant's CSV files (`daicho export csv`): invoices, payments,
// customers and document lines of a period, RFC 4180 (a header row of keys,
// CRLF line ends, quotes where needed), in UTF-8 or Shift_JIS. Amounts are
// whole numbers in the currency's minor unit (yen), dates YYYY-MM-DD.
//
// Formula injection: a spreadsheet runs a cell starting with = + - @ (or a
// tab, CR or NUL before one) as a formula, so a customer named
// "=HYPERLINK(…)" would become a live link in the accountant's Excel. Every
// text cell that starts so gets a leading apostrophe (OWASP's advice), which
// spreadsheets read as "this is text". Numbers are never prefixed: -500 must
// stay a number that sums. So that the two cannot be mixed up, the writers
// build rows from typed cells only: text(…) for anything a person typed
// (names, subjects, memos), and amount(…), integer(…), quantity(…), date(…)
// and plain(…) for values this package formats itself from numbers or from
// the store's fixed vocabularies (kinds, statuses, methods). Only text
// cells are neutralised.

// Export tables, the first argument of `export csv`.
const (
	TableInvoices  = "invoices"
	TablePayments  = "payments"
	TableCustomers = "customers"
	TableDocuments = "documents"
)

// ExportTables lists the tables in the order the help names them.
var ExportTables = []string{TableInvoices, TablePayments, TableCustomers, TableDocuments}

// Encoding is the text encoding of an exported file.
type Encoding string

const (
	UTF8     Encoding = "utf8" // no byte-order mark
	ShiftJIS Encoding = "sjis" // Windows' Shift_JIS (CP932), what Excel in Japan opens directly
)

// ParseEncoding reads --encoding: utf8 or sjis (also utf-8, shift_jis,
// shift-jis, cp932), any case.
func ParseEncoding(s string) (Encoding, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "utf8", "utf-8":
		return UTF8, true
	case "sjis", "shift_jis", "shift-jis", "shiftjis", "cp932":
		return ShiftJIS, true
	}
	return "", false
}

// Header rows of the tables.
var (
	invoiceExportKeys = []string{"number", "kind", "status", "issue_date", "due_date", "customer_code",
		"customer_name", "subject", "net_10", "tax_10", "net_8", "tax_8", "net_0", "tax_0", "net_other", "tax_other",
		"subtotal", "tax", "total", "paid", "adjusted", "credited", "open", "voided_reason"}
	paymentExportKeys = []string{"id", "date", "customer_code", "customer_name", "amount", "method", "payer_name",
		"reference", "memo", "allocated", "reverses", "reverses_date", "reason"}
	documentExportKeys = []string{"number", "kind", "status", "issue_date", "customer_code", "customer_name",
		"subject", "line_no", "product_code", "description", "quantity", "unit", "unit_price", "tax_rate", "amount",
		"cost_price", "line_cost"}
)

// ExportCSV writes table (one of ExportTables) for the period from–to
// (inclusive; zero bounds are open; customers have no period) to w.
// Problems a user can fix (a text Shift_JIS cannot hold) are *store.Error.
func ExportCSV(ctx context.Context, w io.Writer, st *store.Store, table string, from, to time.Time, enc Encoding) error {
	var cw *cellWriter
	var err error
	switch table {
	case TableInvoices:
		if cw, err = newCellWriter(w, enc, true, invoiceExportKeys); err == nil {
			err = st.ExportInvoices(ctx, from, to, func(r store.InvoiceExportRow) error { return cw.write(invoiceCells(r)...) })
		}
	case TablePayments:
		if cw, err = newCellWriter(w, enc, true, paymentExportKeys); err == nil {
			err = st.ExportPayments(ctx, from, to, func(r store.PaymentExportRow) error { return cw.write(paymentCells(r)...) })
		}
	case TableDocuments:
		if cw, err = newCellWriter(w, enc, true, documentExportKeys); err == nil {
			err = st.ExportDocumentLines(ctx, from, to, func(r store.DocumentLineExportRow) error {
				return cw.write(documentLineCells(r)...)
			})
		}
	case TableCustomers:
		var cs []store.Customer
		if cs, err = st.Customers(ctx); err != nil {
			return err
		}
		return writeCustomersExport(w, cs, enc)
	default:
		return fmt.Errorf("exchange: no export table %q (%s)", table, strings.Join(ExportTables, ", "))
	}
	if err != nil {
		return err
	}
	return cw.flush()
}

// writeCustomersExport writes customers in the shape of `list customers
// --format csv` (the §8 keys, the columns table), in enc, every text cell
// neutralised; archived ones included, as the archived column says.
func writeCustomersExport(w io.Writer, cs []store.Customer, enc Encoding) error {
	cw, err := newCellWriter(w, enc, true, Keys())
	if err != nil {
		return err
	}
	row := make([]cell, len(columns))
	for i := range cs {
		for j, col := range columns {
			if col.text != nil {
				row[j] = text(*col.text(&cs[i]))
			} else {
				row[j] = plain(col.format(&cs[i])) // a number or true/false we write
			}
		}
		if err := cw.write(row...); err != nil {
			return err
		}
	}
	return cw.flush()
}

func invoiceCells(r store.InvoiceExportRow) []cell {
	return []cell{text(r.Number), plain(r.Kind), plain(r.Status), date(r.IssueDate), date(r.DueDate),
		text(r.CustomerCode), text(r.CustomerName), text(r.Subject),
		amount(r.Net10), amount(r.Tax10), amount(r.Net8), amount(r.Tax8), amount(r.Net0), amount(r.Tax0),
		amount(r.NetOther), amount(r.TaxOther), amount(r.Subtotal), amount(r.Tax), amount(r.Total),
		amount(r.Paid), amount(r.Adjusted), amount(r.Credited), amount(r.Open), text(r.VoidedReason)}
}

func paymentCells(r store.PaymentExportRow) []cell {
	reverses := plain("")
	if r.ReversesID != 0 {
		reverses = integer(r.ReversesID)
	}
	return []cell{integer(r.ID), date(r.Date), text(r.CustomerCode), text(r.CustomerName), amount(r.Amount),
		plain(r.Method), text(r.PayerName), text(r.Reference), text(r.Memo), amount(r.Allocated), reverses,
		date(r.ReversesDate), text(r.Reason)}
}

func documentLineCells(r store.DocumentLineExportRow) []cell {
	return []cell{text(r.Number), plain(r.Kind), plain(r.Status), date(r.IssueDate), text(r.CustomerCode),
		text(r.CustomerName), text(r.Subject), integer(int64(r.LineNo)), text(r.ProductCode), text(r.Description),
		quantity(r.Quantity), text(r.Unit), amount(r.UnitPrice), integer(int64(r.TaxRate)), amount(r.Amount),
		amount(r.CostPrice), amount(r.LineCost)}
}

// cell is one CSV cell with its type: isText cells are neutralised against
// formula injection, the others are written as they are.
type cell struct {
	s      string
	isText bool
}

// text is a cell of free text (anything a person typed).
func text(s string) cell { return cell{s: s, isText: true} }

// plain is a cell this package formats itself and that never starts like a
// formula: a store vocabulary word (invoice, issued, bank_transfer), true or
// false, or "".
func plain(s string) cell { return cell{s: s} }

// amount is a whole number of minor units: "-500" stays a number.
func amount(m store.Money) cell { return cell{s: strconv.FormatInt(int64(m), 10)} }

func integer(n int64) cell { return cell{s: strconv.FormatInt(n, 10)} }

// quantity is a decimal with up to three places ("1.5", "-2").
func quantity(q store.Quantity) cell { return cell{s: q.String()} }

// date is YYYY-MM-DD, "" for no date.
func date(t time.Time) cell { return cell{s: store.FormatDate(t)} }

// cellWriter writes rows of typed cells as CSV in one encoding, counting
// rows so a cell it cannot encode is reported by row and column.
type cellWriter struct {
	cw      *csv.Writer
	enc     Encoding
	defuse  bool     // neutralise text cells (spreadsheet files; not an import file for accounting software)
	keys    []string // the column names, for messages
	keyCol  int      // the cell that finds the record, for messages
	row     int      // data rows written
	encoded []string
	sjis    *encoding.Encoder
}

// newCellWriter starts a CSV file; header, when not nil, is written as the
// first row and names the columns in messages.
func newCellWriter(w io.Writer, enc Encoding, defuse bool, header []string) (*cellWriter, error) {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true // RFC 4180
	x := &cellWriter{cw: cw, enc: enc, defuse: defuse, keys: header, sjis: japanese.ShiftJIS.NewEncoder()}
	if header != nil {
		if err := cw.Write(header); err != nil { // ASCII keys: the same bytes in either encoding
			return nil, err
		}
	}
	return x, nil
}

// write writes one row. A text Shift_JIS cannot hold is an error naming the
// row (the header not counted), its key cell (the first: a number or code
// that finds the record), the column and the character; nothing is replaced
// silently.
func (x *cellWriter) write(cells ...cell) error {
	x.row++
	x.encoded = x.encoded[:0]
	for i, c := range cells {
		s := c.s
		if c.isText && x.defuse {
			s = Defuse(s)
		}
		if x.enc == ShiftJIS {
			var bad rune
			var ok bool
			if s, bad, ok = toShiftJIS(x.sjis, s); !ok {
				column := strconv.Itoa(i + 1)
				if i < len(x.keys) {
					column = x.keys[i]
				}
				return &store.Error{Code: store.CodeInvalid, Reason: "export.not_sjis",
					Args: []any{x.row, cells[x.keyCol].s, column, string(bad), fmt.Sprintf("U+%04X", bad)}}
			}
		}
		x.encoded = append(x.encoded, s)
	}
	return x.cw.Write(x.encoded)
}

func (x *cellWriter) flush() error {
	x.cw.Flush()
	return x.cw.Error()
}

// cp932Twins are characters that Mac and Linux input methods type and that
// the JIS standard maps to the same Shift_JIS code as a character Windows
// maps it to (〜 and ～ are both 0x8160): written as their Windows twin they
// come back as what the user sees, not as '?'. The yen sign becomes the
// full-width yen, its Windows form.
var cp932Twins = strings.NewReplacer(
	"\u301C", "\uFF5E", // 〜 WAVE DASH → ～
	"\u2212", "\uFF0D", // − MINUS SIGN → －
	"\u2014", "\u2015", // — EM DASH → ―
	"\u2016", "\u2225", // ‖ → ∥
	"\u00A2", "\uFFE0", // ¢ → ￠
	"\u00A3", "\uFFE1", // £ → ￡
	"\u00AC", "\uFFE2", // ¬ → ￢
	"\u00A5", "\uFFE5", // ¥ → ￥
)

// toShiftJIS encodes s; ok is false, with the first character it cannot
// hold, when Shift_JIS has no code for it (an emoji, 𠮷, é).
func toShiftJIS(enc *encoding.Encoder, s string) (out string, bad rune, ok bool) {
	if isASCII(s) {
		return s, 0, true // the same bytes
	}
	s = cp932Twins.Replace(s)
	b, err := enc.String(s)
	if err == nil {
		return b, 0, true
	}
	for _, r := range s {
		if _, err := enc.String(string(r)); err != nil {
			return "", r, false
		}
	}
	return "", utf8.RuneError, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
