package store

import (
	"database/sql"
	"database/sql/driver"
	"strings"
)

// Multi-row INSERTs for a batch. Each statement has a cost of its own
// besides its rows (database/sql's round trip, binding, opening the table's
// and its indexes' cursors, and the statement journal SQLite keeps for a
// statement that fires triggers or checks foreign keys), and a document of
// `import documents` wrote seven rows by seven statements: its lines and
// its taxes now go in one statement each, and the audit rows of a streaming
// import (whose ids the chain sets) in one statement per auditRowsPerInsert.

// rowsPerInsert bounds the rows of one multi-row INSERT (SQLite takes at
// most 32,766 parameters in one statement; 12 a row here at most).
const rowsPerInsert = 64

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

// insertRows inserts rows rows of insert in one statement, args holding
// each row's parameters in turn.
func (im *importer) insertRows(insert string, rows int, args []any) (sql.Result, error) {
	return im.exec(im.multiRow(insert, rows), args...)
}

// writeLinesAndTaxes writes d's lines and taxes, rowsPerInsert rows a
// statement. The lines' ids are those SQLite gives the rows of one INSERT:
// each the table's largest rowid plus one (the table is not AUTOINCREMENT,
// and nothing else inserts lines meanwhile), so the last is
// last_insert_rowid() and the others count down from it, as one INSERT a
// line gave them. TestImportDocumentsStreamAsBatch holds them to the
// reloaded lines.
func (im *importer) writeLinesAndTaxes(d *Document) error {
	for start := 0; start < len(d.Lines); start += rowsPerInsert {
		chunk := d.Lines[start:min(start+rowsPerInsert, len(d.Lines))]
		args := im.args[:0]
		for i := range chunk {
			l := &chunk[i]
			args = append(args, d.ID, start+i, nullID(l.ProductID), l.Description, l.Quantity, l.Unit,
				l.UnitPrice, nullString(l.TaxCategory), l.TaxRate, l.CostPrice, l.Amount, nullID(l.SourceLineID))
		}
		im.args = args
		res, err := im.insertRows(sqlImportLine, len(chunk), args)
		if err != nil {
			return err
		}
		last, err := res.LastInsertId()
		if err != nil {
			return err
		}
		for i := range chunk {
			chunk[i].ID = last - int64(len(chunk)-1-i)
		}
	}
	for start := 0; start < len(d.Totals.Taxes); start += rowsPerInsert {
		chunk := d.Totals.Taxes[start:min(start+rowsPerInsert, len(d.Totals.Taxes))]
		args := im.args[:0]
		for _, t := range chunk {
			args = append(args, d.ID, t.Rate, t.Net, t.Tax, t.Gross)
		}
		im.args = args
		if _, err := im.insertRows(sqlImportTax, len(chunk), args); err != nil {
			return err
		}
	}
	return nil
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
	_, err := im.insertRows(auditInsert, im.auditRows, im.auditArgs)
	clear(im.auditArgs) // let the rows' text go
	im.auditArgs, im.auditRows = im.auditArgs[:0], 0
	return err
}
