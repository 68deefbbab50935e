package store

import (
	"database/sql"
	"database/sql/driver"
	"math/bits"
	"strings"
)

// Multi-row INSERTs for a batch. Each statement has a cost of its own
// besides its rows (database/sql's round trip, binding, opening the table's
// and its indexes' cursors, and the statement journal SQLite keeps for a
// statement that fires triggers or checks foreign keys), and a document of
// `import documents` wrote seven rows by seven statements. A streaming
// import now writes its documents documentsPerWrite at a time (writeAll):
// the rows of each table in one statement per rowsPerInsert rows, and its
// audit rows (whose ids the chain sets) auditRowsPerInsert to a statement.

// rowsPerInsert bounds the rows of one multi-row INSERT (SQLite takes at
// most 32,766 parameters in one statement; 12 a row here at most).
const rowsPerInsert = 256

// multiRowKey names a multi-row form of a one-row INSERT.
type multiRowKey struct {
	insert string
	rows   int
}

// multiRow is insert, an INSERT … VALUES (?, …) of one row, for rows rows.
func (im *importer) multiRow(insert string, rows int) string {
	if rows == 1 {
		return insert
	}
	key := multiRowKey{insert, rows}
	if q, ok := im.multi[key]; ok {
		return q
	}
	tuple := insert[strings.LastIndex(insert, "("):]
	q := insert + strings.Repeat(", "+tuple, rows-1)
	im.multi[key] = q
	return q
}

// insertRows inserts rows rows of insert, args holding each row's
// parameters in turn, in one statement per power of two in rows (256
// rows: one; 255: eight), so that no more than nine statements a table are
// prepared, whatever the counts. ids, if not nil, is given each
// statement's first row and count and its result.
func (im *importer) insertRows(insert string, rows int, args []any, ids func(first, n int, res sql.Result) error) error {
	width := len(args) / rows
	for done := 0; done < rows; {
		n := 1 << (bits.Len(uint(rows-done)) - 1) // the largest power of two left
		res, err := im.exec(im.multiRow(insert, n), args[done*width:(done+n)*width]...)
		if err != nil {
			return err
		}
		if ids != nil {
			if err := ids(done, n, res); err != nil {
				return err
			}
		}
		done += n
	}
	return nil
}

// writeAll stores checked documents as write would one after the other,
// the rows of each table for all of them in multi-row INSERTs: the
// documents, their lines, their taxes; then, document by document,
// afterInsert (audit rows, links, issuing). The rows, their ids and the
// audit chain are the same: each table's rows go in in the same order, and
// the ids SQLite gives the rows of one INSERT are each the table's largest
// rowid plus one (the tables are not AUTOINCREMENT, and nothing else
// inserts into them meanwhile), so the last is last_insert_rowid() and the
// others count down from it. A line's trigger sees its document a draft
// either way: issuing comes after. failed is the index of the document the
// error is about (0 for a multi-row INSERT's).
func (im *importer) writeAll(items []importItem) (failed int, err error) {
	if err := im.insertDocuments(items); err != nil {
		return 0, err
	}
	if err := im.insertLines(items); err != nil {
		return 0, err
	}
	if err := im.insertTaxes(items); err != nil {
		return 0, err
	}
	for i := range items {
		if err := im.afterInsert(&items[i]); err != nil {
			return i, err
		}
	}
	return 0, nil
}

// rowIDs is insertRows' ids for rows whose ids set keeps (see writeAll).
func rowIDs(set func(i int, id int64)) func(first, n int, res sql.Result) error {
	return func(first, n int, res sql.Result) error {
		last, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for i := range n {
			set(first+i, last-int64(n-1-i))
		}
		return nil
	}
}

func (im *importer) insertDocuments(items []importItem) error {
	now := stamp(im.tx.now)
	for start := 0; start < len(items); start += rowsPerInsert {
		chunk := items[start:min(start+rowsPerInsert, len(items))]
		args := im.args[:0]
		for i := range chunk {
			d := &chunk[i].doc
			args = append(args, d.Kind, d.CustomerID, d.Subject, FormatDate(d.IssueDate),
				FormatDate(d.ValidUntil), FormatDate(d.DeliveryDate), FormatDate(d.ClosingDate), FormatDate(d.DueDate),
				d.PriceMode, d.Notes, nullID(d.CorrectsID), nil, d.Currency, d.TaxRounding,
				d.Totals.Subtotal, d.Totals.Tax, d.Totals.Total, now, now)
		}
		im.args = args
		if err := im.insertRows(sqlImportDocument, len(chunk), args,
			rowIDs(func(i int, id int64) { chunk[i].doc.ID = id })); err != nil {
			return err
		}
	}
	return nil
}

// insertLines writes the documents' lines, rowsPerInsert a statement.
func (im *importer) insertLines(items []importItem) error {
	args, lines := im.args[:0], im.lines[:0]
	flush := func() error {
		if len(lines) == 0 {
			return nil
		}
		if err := im.insertRows(sqlImportLine, len(lines), args,
			rowIDs(func(i int, id int64) { lines[i].ID = id })); err != nil {
			return err
		}
		clear(lines)
		args, lines = args[:0], lines[:0]
		return nil
	}
	for i := range items {
		d := &items[i].doc
		for pos := range d.Lines {
			l := &d.Lines[pos]
			args = append(args, d.ID, pos, nullID(l.ProductID), l.Description, l.Quantity, l.Unit,
				l.UnitPrice, nullString(l.TaxCategory), l.TaxRate, l.CostPrice, l.Amount, nullID(l.SourceLineID))
			if lines = append(lines, l); len(lines) == rowsPerInsert {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	err := flush()
	im.args, im.lines = args, lines
	return err
}

// insertTaxes writes the documents' taxes, rowsPerInsert a statement.
func (im *importer) insertTaxes(items []importItem) error {
	args, rows := im.args[:0], 0
	flush := func() error {
		if rows == 0 {
			return nil
		}
		err := im.insertRows(sqlImportTax, rows, args, nil)
		args, rows = args[:0], 0
		return err
	}
	for i := range items {
		d := &items[i].doc
		for _, t := range d.Totals.Taxes {
			args = append(args, d.ID, t.Rate, t.Net, t.Tax, t.Gross)
			if rows++; rows == rowsPerInsert {
				if err := flush(); err != nil {
					return err
				}
			}
		}
	}
	err := flush()
	im.args = args
	return err
}

// auditRowsPerInsert is how many audit rows a streaming import keeps before
// writing them in one statement.
const auditRowsPerInsert = 64

// bufferAudit is the execer of a streaming import's audit rows: it keeps
// the row's parameters until auditRowsPerInsert rows wait, then writes them.
// The rows carry their ids (the chain's), so writing them later stores the
// same rows; flushAudit writes the rest, and must run before anything reads
// the audit log (the end of the import, before the change is collected).
func (im *importer) bufferAudit(query string, args ...any) (sql.Result, error) {
	if query != auditInsert { // appendAudit writes nothing else
		return im.exec(query, args...)
	}
	im.auditArgs = append(im.auditArgs, args...)
	im.auditRows++
	if im.auditRows == auditRowsPerInsert {
		if err := im.flushAudit(); err != nil {
			return nil, err
		}
	}
	return driver.RowsAffected(1), nil
}

// flushAudit writes the audit rows bufferAudit keeps.
func (im *importer) flushAudit() error {
	if im.auditRows == 0 {
		return nil
	}
	err := im.insertRows(auditInsert, im.auditRows, im.auditArgs, nil)
	clear(im.auditArgs) // let the rows' text go
	im.auditArgs, im.auditRows = im.auditArgs[:0], 0
	return err
}
