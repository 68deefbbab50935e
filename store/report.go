package store

import (
	"context"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Sales and margin reports (売上・粗利, 仕切り値管理). What counts: issued
// invoices are sales on their issue date; issued credit notes are the mirror
// image and subtract both their sales and their lines' cost (as a return
// invoice does); drafts and void documents count for nothing. Sales are net
// of tax (税抜売上): a document's subtotal, exact in both price modes. A
// line's cost is its cost price snapshot × quantity, rounded half-up to the
// minor unit per line (LineAmount, the rule of line amounts). Gross profit =
// sales − cost; margin = profit / sales.

// Groupings of a sales report.
const (
	ReportByMonth    = "month"    // Key YYYY-MM of the issue date
	ReportByCustomer = "customer" // Key the customer's code
	ReportByProduct  = "product"  // Key the product's code; "" for lines without a product
	ReportByPerson   = "person"   // Key the customer's person in charge ("" when none)
)

// ReportGroupings lists the groupings in the order screens offer them.
var ReportGroupings = []string{ReportByMonth, ReportByCustomer, ReportByProduct, ReportByPerson}

// ReportQuery chooses a report's period (issue dates, inclusive; a zero
// date leaves that end open) and its grouping ("" is by month).
type ReportQuery struct {
	From, To time.Time
	By       string
}

// ReportRow is one group's figures. Documents counts the invoices and credit
// notes that contributed (for a product, those with a line of it).
type ReportRow struct {
	Key, Label  string
	Sales, Cost Money
	Documents   int
}

// Profit is the gross profit (粗利): sales − cost.
func (r ReportRow) Profit() Money { return r.Sales - r.Cost }

// MarginPermille is profit / sales in tenths of a percent (253 = 25.3 %),
// rounded half-up away from zero; ok is false when there are no sales to
// divide by.
func (r ReportRow) MarginPermille() (int64, bool) {
	if r.Sales == 0 {
		return 0, false
	}
	profit, sales := int64(r.Profit()), int64(r.Sales)
	if sales < 0 { // roundDiv wants a positive divisor; the ratio is the same
		profit, sales = -profit, -sales
	}
	return int64(roundDiv(profit, 1000, sales, RoundHalfUp)), true
}

// FormatPermille writes tenths of a percent as a percentage without the sign:
// 253 → "25.3", -5 → "-0.5", 1000 → "100.0".
func FormatPermille(p int64) string {
	sign := ""
	if p < 0 {
		sign = "-"
	}
	m := magnitude(p)
	return sign + strconv.FormatUint(m/10, 10) + "." + strconv.FormatUint(m%10, 10)
}

// Report is a sales report: one row per group and the total (Key "").
type Report struct {
	Query ReportQuery
	Rows  []ReportRow
	Total ReportRow
}

// MonthAmount is an amount of one month (YYYY-MM).
type MonthAmount struct {
	Month  string
	Amount Money
}

// DocumentMargin is one document's net sales (its subtotal) and the cost of
// its lines, whatever its kind and status: the document view shows them as
// they stand on the document (a credit note's positive). A line cost too
// large for Money counts as the largest amount Money holds.
func DocumentMargin(d *Document) (sales, cost Money) {
	for _, l := range d.Lines {
		c, err := LineAmount(l.Quantity, l.CostPrice)
		if err != nil { // only an overflow: saturate rather than make up a figure
			c = Money(1<<63 - 1)
			if (l.Quantity < 0) != (l.CostPrice < 0) {
				c = -c
			}
		}
		cost += c
	}
	return d.Totals.Subtotal, cost
}

// reportWhere is the condition on documents d that a report counts: issued
// invoices and credit notes of the period. status and kind are written +d.…
// so that SQLite never walks the (kind, …) index for them (a lookup per row,
// slower than reading the table); each date bound is a plain comparison on
// issue_date, so a bounded period reads the documents_issue_date index.
func reportWhere(q ReportQuery) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteString(` WHERE +d.status = 'issued' AND +d.kind IN ('invoice', 'credit_note')`)
	if !q.From.IsZero() {
		b.WriteString(` AND d.issue_date >= ?`)
		args = append(args, FormatDate(q.From))
	}
	if !q.To.IsZero() {
		b.WriteString(` AND d.issue_date <= ?`)
		args = append(args, FormatDate(q.To))
	}
	return b.String(), args
}

// signSQL is how a document counts: +1 an invoice, −1 a credit note.
const signSQL = `iif(d.kind = 'credit_note', -1, 1)`

// lineCostSQL is one line's cost, cost price × quantity / 1000 rounded
// half-up away from zero: LineAmount's rule in SQL (integer division
// truncates toward zero, so the magnitude is rounded and the sign put back).
const lineCostSQL = `iif(l.cost_price * l.quantity >= 0, (l.cost_price * l.quantity + 500) / 1000,
	-((500 - l.cost_price * l.quantity) / 1000))`

// SalesReport sums issued invoices less issued credit notes of the period by
// month, customer, product or person in charge. By month, every month of
// the period is a row, empty ones too (an open end stops at the first or
// last month with documents); the other groupings list the groups with
// documents, the largest sales first. Whatever the grouping, the rows add up
// to the same total.
func (s *Store) SalesReport(ctx context.Context, q ReportQuery) (Report, error) {
	if q.By == "" {
		q.By = ReportByMonth
	}
	var ck checker
	ck.choice("by", q.By, ReportGroupings...)
	q.From, q.To = dateOnlyOrZero(q.From), dateOnlyOrZero(q.To)
	if !q.From.IsZero() && !q.To.IsZero() && q.To.Before(q.From) {
		ck.add("to", "report.to_before_from", FormatDate(q.From))
	}
	if err := ck.errs.OrNil(); err != nil {
		return Report{Query: q}, err
	}
	var rows []ReportRow
	var docs int
	var err error
	if q.By == ReportByProduct {
		rows, docs, err = s.productRows(ctx, q)
	} else {
		rows, err = s.documentRows(ctx, q)
		for _, r := range rows {
			docs += r.Documents
		}
	}
	if err != nil {
		return Report{Query: q}, err
	}
	if q.By == ReportByMonth {
		rows = fillMonths(rows, q.From, q.To, func(r ReportRow) string { return r.Key },
			func(m string) ReportRow { return ReportRow{Key: m, Label: m} })
	} else {
		sort.SliceStable(rows, func(i, j int) bool {
			if rows[i].Sales != rows[j].Sales {
				return rows[i].Sales > rows[j].Sales
			}
			return rows[i].Key < rows[j].Key
		})
	}
	rep := Report{Query: q, Rows: rows, Total: ReportRow{Documents: docs}}
	for _, r := range rows {
		rep.Total.Sales += r.Sales
		rep.Total.Cost += r.Cost
	}
	return rep, nil
}

// dateOnlyOrZero drops the time of day, keeping the zero time zero.
func dateOnlyOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return dateOnly(t)
}

// documentRows groups whole documents (by month, customer or person): each
// document's subtotal and the sum of its line costs, signed, in one
// statement (one snapshot of the ledger).
func (s *Store) documentRows(ctx context.Context, q ReportQuery) ([]ReportRow, error) {
	key, label, group := `substr(d.issue_date, 1, 7)`, `''`, `1`
	switch q.By {
	case ReportByCustomer:
		key, label, group = `c.code`, `c.name`, `d.customer_id`
	case ReportByPerson:
		key, label, group = `c.person_in_charge`, `c.person_in_charge`, `c.person_in_charge`
	}
	if q.By == ReportByMonth {
		group = key
	}
	where, args := reportWhere(q)
	rows, err := s.groupedRows(ctx, `SELECT `+key+`, `+label+`, sum(`+signSQL+` * d.subtotal),
			sum(`+signSQL+` * (SELECT coalesce(sum(`+lineCostSQL+`), 0) FROM document_lines l WHERE l.document_id = d.id)),
			count(*)
		FROM documents d JOIN customers c ON c.id = d.customer_id`+where+`
		GROUP BY `+group, args...)
	if q.By == ReportByMonth {
		for i := range rows {
			rows[i].Label = rows[i].Key
		}
	}
	return rows, err
}

// groupedRows reads rows of key, label, sales, cost and documents.
func (s *Store) groupedRows(ctx context.Context, query string, args ...any) ([]ReportRow, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ReportRow
	for rows.Next() {
		var r ReportRow
		if err := rows.Scan(&r.Key, &r.Label, &r.Sales, &r.Cost, &r.Documents); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// productRows groups lines by product. A line's sales are its share of the
// document's net: for an exclusive document its amount (a rate's net is the
// sum of its amounts); for an inclusive one the rate's net spread over the
// rate's lines by amount (see spreadNet), so the product rows add up to the
// documents' subtotals exactly. docs is the number of documents counted.
// The exclusive documents are summed in SQL while, on a second connection,
// the inclusive ones are read line by line and the documents counted: two
// cores, about half the time (and read again if the ledger changed meanwhile).
func (s *Store) productRows(ctx context.Context, q ReportQuery) (rows []ReportRow, docs int, err error) {
	where, args := reportWhere(q)
	var exclusive, inclusive productSums
	err = s.unchanged(ctx, func() error {
		inclusive = productSums{}
		var incErr error
		done := make(chan struct{})
		go func() {
			defer close(done)
			if incErr = s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents d`+where, args...).Scan(&docs); incErr == nil {
				incErr = s.inclusiveProductRows(ctx, where, args, inclusive)
			}
		}()
		var err error
		exclusive, err = s.exclusiveProductRows(ctx, where, args)
		<-done
		if err != nil {
			return err
		}
		return incErr
	})
	if err != nil {
		return nil, 0, err
	}
	names, err := s.productNames(ctx)
	if err != nil {
		return nil, 0, err
	}
	for id, r := range inclusive {
		e := exclusive.row(id)
		e.Sales += r.Sales
		e.Cost += r.Cost
		e.Documents += r.Documents // a document is either exclusive or inclusive: no document counted twice
	}
	rows = make([]ReportRow, 0, len(exclusive))
	for id, r := range exclusive {
		n := names[id] // none for 0, a line without a product: Key ""
		r.Key, r.Label = n[0], n[1]
		rows = append(rows, *r)
	}
	return rows, docs, nil
}

// unchanged runs read, which reads on several connections (each statement
// its own snapshot), until no other connection committed while it ran, so
// that its figures all come from one state of the ledger. PRAGMA
// data_version, asked on a connection held for the purpose before and after,
// tells: it changes when another connection commits. A ledger written to
// without pause for five tries is reported as busy.
func (s *Store) unchanged(ctx context.Context, read func() error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	version := func() (v int64, err error) {
		err = conn.QueryRowContext(ctx, `PRAGMA data_version`).Scan(&v)
		return v, err
	}
	for range 5 {
		before, err := version()
		if err != nil {
			return err
		}
		if err := read(); err != nil {
			return err
		}
		after, err := version()
		if err != nil || after == before {
			return err
		}
	}
	return &Error{Code: CodeLocked, Reason: "db.locked"}
}

// productSums are product rows by product id (0: lines without a product).
type productSums map[int64]*ReportRow

func (m productSums) row(id int64) *ReportRow {
	r, ok := m[id]
	if !ok {
		r = &ReportRow{}
		m[id] = r
	}
	return r
}

// exclusiveProductRows sums the lines of exclusive documents by product in
// SQL: a line's share of the net is its amount.
func (s *Store) exclusiveProductRows(ctx context.Context, where string, args []any) (productSums, error) {
	res, err := s.db.QueryContext(ctx, `SELECT coalesce(l.product_id, 0), sum(`+signSQL+` * l.amount),
			sum(`+signSQL+` * `+lineCostSQL+`), count(DISTINCT d.id)
		FROM documents d JOIN document_lines l ON l.document_id = d.id`+where+` AND d.price_mode <> 'inclusive'
		GROUP BY l.product_id`, args...)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	sums := productSums{}
	for res.Next() {
		var id int64
		r := &ReportRow{}
		if err := res.Scan(&id, &r.Sales, &r.Cost, &r.Documents); err != nil {
			return nil, err
		}
		sums[id] = r
	}
	return sums, res.Err()
}

// productNames maps product ids to code and name: read once rather than
// joined to every line.
func (s *Store) productNames(ctx context.Context) (map[int64][2]string, error) {
	res, err := s.db.QueryContext(ctx, `SELECT id, code, name FROM products`)
	if err != nil {
		return nil, err
	}
	defer res.Close()
	names := map[int64][2]string{}
	for res.Next() {
		var id int64
		var code, name string
		if err := res.Scan(&id, &code, &name); err != nil {
			return nil, err
		}
		names[id] = [2]string{code, name}
	}
	return names, res.Err()
}

// incLine is one line of an inclusive document, as productRows needs it.
type incLine struct {
	doc, product      int64
	sign              Money
	rate              int
	amount, cost, net Money
	hasNet            bool
}

// inclusiveProductRows adds the lines of inclusive documents to the product
// rows: read line by line (they are few next to exclusive ones), each with
// its rate's net, which is spread over the rate's lines.
func (s *Store) inclusiveProductRows(ctx context.Context, where string, args []any, sums productSums) error {
	res, err := s.db.QueryContext(ctx, `SELECT d.id, `+signSQL+`, coalesce(l.product_id, 0), l.tax_rate, l.amount,
			`+lineCostSQL+`, coalesce(t.net, 0), t.net IS NOT NULL
		FROM documents d JOIN document_lines l ON l.document_id = d.id
		LEFT JOIN document_taxes t ON t.document_id = d.id AND t.rate = l.tax_rate`+where+` AND d.price_mode = 'inclusive'
		ORDER BY d.id, l.tax_rate, l.position`, args...)
	if err != nil {
		return err
	}
	defer res.Close()
	var group []incLine            // the lines of one (document, rate)
	counted := map[[2]int64]bool{} // (document, product) already counted in Documents
	var amounts []Money
	flush := func() {
		if len(group) == 0 {
			return
		}
		net := group[0].net
		amounts = amounts[:0]
		for _, l := range group {
			amounts = append(amounts, l.amount)
			if !group[0].hasNet { // no tax row (not written by daicho): the amounts as they are
				net += l.amount
			}
		}
		for i, share := range spreadNet(net, amounts) {
			l := group[i]
			r := sums.row(l.product)
			r.Sales += l.sign * share
			r.Cost += l.sign * l.cost
			if k := [2]int64{l.doc, l.product}; !counted[k] {
				counted[k] = true
				r.Documents++
			}
		}
		group = group[:0]
	}
	for res.Next() {
		var l incLine
		if err := res.Scan(&l.doc, &l.sign, &l.product, &l.rate, &l.amount, &l.cost, &l.net, &l.hasNet); err != nil {
			return err
		}
		if len(group) > 0 && (group[0].doc != l.doc || group[0].rate != l.rate) {
			flush()
		}
		group = append(group, l)
	}
	if err := res.Err(); err != nil {
		return err
	}
	flush()
	return nil
}

// spreadNet shares net among lines in proportion to their amounts (each share
// rounded toward zero), the remainder going to the largest line (the first
// of equals), so the shares add up to net exactly. When the amounts add up
// to zero there is nothing to be proportional to: each line keeps its amount,
// and the largest takes the difference.
func spreadNet(net Money, amounts []Money) []Money {
	shares := make([]Money, len(amounts))
	if len(amounts) == 0 {
		return shares
	}
	var gross Money
	largest := 0
	for i, a := range amounts {
		gross += a
		if magnitude(int64(a)) > magnitude(int64(amounts[largest])) {
			largest = i
		}
	}
	var given Money
	for i, a := range amounts {
		switch {
		case gross == 0 || gross == net:
			shares[i] = a
		default:
			n, g := int64(net), int64(gross)
			if g < 0 {
				n, g = -n, -g
			}
			shares[i] = roundDiv(int64(a), n, g, RoundFloor)
		}
		given += shares[i]
	}
	shares[largest] += net - given
	return shares
}

// fillMonths puts rows keyed YYYY-MM in month order with every month from
// from to to present (made by empty); an open end stops at the first or last
// month that has a row.
func fillMonths[T any](rows []T, from, to time.Time, keyOf func(T) string, empty func(month string) T) []T {
	have := make(map[string]T, len(rows))
	first, last := "", ""
	for _, r := range rows {
		k := keyOf(r)
		have[k] = r
		if first == "" || k < first {
			first = k
		}
		if k > last {
			last = k
		}
	}
	if !from.IsZero() {
		first = from.Format("2006-01")
	}
	if !to.IsZero() {
		last = to.Format("2006-01")
	}
	if first == "" || last == "" || first > last {
		return []T{}
	}
	start, err := time.Parse("2006-01", first)
	if err != nil {
		return rows
	}
	out := []T{}
	for m := start; m.Format("2006-01") <= last; m = m.AddDate(0, 1, 0) {
		k := m.Format("2006-01")
		if r, ok := have[k]; ok {
			out = append(out, r)
		} else {
			out = append(out, empty(k))
		}
	}
	return out
}

// CashReceived sums the payments received per month of their date, from to
// to inclusive (a zero date leaves that end open); a reversal is a negative
// record on its own date, so it subtracts in its month. Every month of the
// range is present, 0 where nothing came in.
func (s *Store) CashReceived(ctx context.Context, from, to time.Time) ([]MonthAmount, error) {
	from, to = dateOnlyOrZero(from), dateOnlyOrZero(to)
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return nil, Invalid("to", "report.to_before_from", FormatDate(from))
	}
	var where []string
	var args []any
	if !from.IsZero() {
		where, args = append(where, "date >= ?"), append(args, FormatDate(from))
	}
	if !to.IsZero() {
		where, args = append(where, "date <= ?"), append(args, FormatDate(to))
	}
	q := `SELECT substr(date, 1, 7), sum(amount) FROM payments`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.QueryContext(ctx, q+` GROUP BY 1`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []MonthAmount
	for rows.Next() {
		var m MonthAmount
		if err := rows.Scan(&m.Month, &m.Amount); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return fillMonths(out, from, to, func(m MonthAmount) string { return m.Month },
		func(m string) MonthAmount { return MonthAmount{Month: m} }), nil
}
