package store

import (
	"context"
	"database/sql"
	"runtime/debug"
	"sync"
)

// Check is `daicho check`: SQLite's own integrity_check and the ledger's
// rules (ARCHITECTURE.md §3–4) that the database cannot enforce by itself, or
// that a program other than daicho could have broken — above all the audit
// log's hash chain, which names a record changed outside daicho
// (check_chain.go, check_records.go).

// numberingQuery finds broken series: per (series, fiscal year) the numbers
// run 1..max with no hole and no repeat, and the counter stands at max. A
// document's series is its kind; an opening balance numbered in its own
// series (opening_balance.go) has its place there in opening_balances.seq.
// Documents, opening balances and contracts share the counters table (kinds
// 'opening_balance', 'contract').
const numberingQuery = `WITH
	numbered (kind, fiscal_year, seq) AS (
		SELECT kind, fiscal_year, seq FROM documents WHERE seq IS NOT NULL
		UNION ALL
		SELECT '` + seriesOpeningBalance + `', d.fiscal_year, o.seq FROM opening_balances o
		JOIN documents d ON d.id = o.document_id WHERE o.seq IS NOT NULL
		UNION ALL
		SELECT '` + kindContract + `', fiscal_year, seq FROM contracts WHERE seq IS NOT NULL),
	steps (kind, fiscal_year, seq, prev) AS (
		SELECT kind, fiscal_year, seq, lag(seq, 1, 0) OVER (PARTITION BY kind, fiscal_year ORDER BY seq) FROM numbered),
	series (kind, fiscal_year, top) AS (
		SELECT kind, fiscal_year, max(seq) FROM numbered GROUP BY kind, fiscal_year)
SELECT CASE WHEN seq = prev THEN printf('%s numbers of fiscal year %d: %d is used more than once', kind, fiscal_year, seq)
	WHEN seq = prev + 2 THEN printf('%s numbers of fiscal year %d: %d is missing', kind, fiscal_year, prev + 1)
	ELSE printf('%s numbers of fiscal year %d: %d to %d are missing', kind, fiscal_year, prev + 1, seq - 1) END
FROM steps WHERE seq <> prev + 1
UNION ALL
SELECT printf('%s counter of fiscal year %d is missing (highest number %d)', s.kind, s.fiscal_year, s.top)
FROM series s WHERE NOT EXISTS (SELECT 1 FROM counters c WHERE c.kind = s.kind AND c.fiscal_year = s.fiscal_year)
UNION ALL
SELECT printf('%s counter of fiscal year %d stands at %d, but the highest number is %d',
	c.kind, c.fiscal_year, c.last, coalesce(s.top, 0))
FROM counters c LEFT JOIN series s ON s.kind = c.kind AND s.fiscal_year = c.fiscal_year
WHERE c.last IS NOT coalesce(s.top, 0)`

// deliveryNoteQuery finds delivery notes invoiced twice: taken by more than
// one live (not void) invoice, or one of their lines on more than one line of
// live invoices — what checkSourcesFree prevents when issuing (drafts count
// there too, so they count here).
const deliveryNoteQuery = `SELECT printf('delivery note %s is invoiced %d times: %s', coalesce(dn.number, '#' || dn.id), count(*),
		group_concat(coalesce(i.number, 'draft #' || i.id), ', '))
	FROM document_links l JOIN documents dn ON dn.id = l.source_id AND dn.kind = 'delivery_note'
	JOIN documents i ON i.id = l.target_id AND i.kind = 'invoice' AND i.status <> 'void'
	GROUP BY l.source_id HAVING count(*) > 1
UNION ALL
SELECT printf('line %d of delivery note %s is invoiced %d times: %s', s.position + 1, coalesce(dn.number, '#' || dn.id),
		count(*), group_concat(coalesce(i.number, 'draft #' || i.id), ', '))
	FROM document_lines t JOIN document_lines s ON s.id = t.source_line_id
	JOIN documents dn ON dn.id = s.document_id AND dn.kind = 'delivery_note'
	JOIN documents i ON i.id = t.document_id AND i.kind = 'invoice' AND i.status <> 'void'
	WHERE t.source_line_id IS NOT NULL
	GROUP BY t.source_line_id HAVING count(*) > 1`

// Check runs PRAGMA integrity_check and the ledger's own invariants — the
// audit chain and the records it snapshots among them — and returns every
// violation (none: the ledger is sound), or an error if the check itself
// could not run.
//
// integrity_check reads every page and index, so it runs on its own
// connection while the ledger rules are checked in two read transactions
// that read the same ledger (checkLedger): one consistent snapshot, even
// with others writing. When the file itself is damaged only its problems
// are returned: the ledger's rows cannot be trusted then.
func (s *Store) Check(ctx context.Context) (Violations, error) {
	integrity, ledger, err := s.check(ctx, true)
	if len(integrity) > 0 {
		return integrity, nil
	}
	return ledger, err
}

// check runs integrity_check and (with rules) the ledger rules side by side.
func (s *Store) check(ctx context.Context, rules bool) (integrity, ledger Violations, err error) {
	var (
		wg     sync.WaitGroup
		intErr error
		ledErr error
	)
	// The ledger rules allocate (a row per document, 300,000 lines on the
	// large demo) while integrity_check runs beside them; at the default
	// GOGC the collector's work on both cores made the whole check 30 %
	// slower (2.06 s against 1.57 s on the large demo). The heap is small and
	// the check short: collect less often while it runs.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	if rules {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ledger, ledErr = s.checkLedger(ctx)
		}()
	}
	if conn, release, err := s.checkConn(ctx); err != nil {
		intErr = err
	} else {
		integrity, intErr = integrityCheck(ctx, conn)
		release()
	}
	wg.Wait()
	switch {
	case intErr != nil:
		return nil, nil, intErr
	case len(integrity) > 0:
		return integrity, nil, nil
	case ledErr != nil:
		return nil, nil, ledErr
	}
	return nil, ledger, nil
}

// checkConn is a connection of its own for one part of the check, reading
// the file through memory mapping: the check reads nearly all of it, and
// reading it page by page with read(2) cost a sixth of the check's time on
// the large demo. release puts the connection back as it was.
func (s *Store) checkConn(ctx context.Context) (conn *sql.Conn, release func(), err error) {
	if conn, err = s.db.Conn(ctx); err != nil {
		return nil, nil, err
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA mmap_size = 1073741824`); err != nil {
		conn.Close()
		return nil, nil, err
	}
	return conn, func() {
		conn.ExecContext(context.Background(), `PRAGMA mmap_size = 0`)
		conn.Close()
	}, nil
}

// integrityCheck returns every line of PRAGMA integrity_check that is not
// "ok". A file too damaged to run it at all is one violation, not an error.
func integrityCheck(ctx context.Context, q queryer) (Violations, error) {
	v, err := queryViolations(ctx, q, "PRAGMA integrity_check")
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return Violations{{Text: "integrity_check: " + err.Error()}}, nil
	}
	if len(v) == 1 && v[0].Text == "ok" {
		return nil, nil
	}
	for i := range v {
		v[i].Text = "integrity_check: " + v[i].Text
	}
	return v, nil
}

// checkLedger checks the ledger rules in two read transactions side by side
// (ReadOnly: plain deferred BEGINs, no write lock): the records' half
// (checkRecordHalf) in one, the audit chain's (checkChainHalf) in the other. Both must read the same ledger: each first
// reads the audit log's last id, and since every change daicho makes writes
// an audit row, the same id means the same ledger. When a change came
// between the two (someone saved just then) the check starts again, the
// third time in one transaction.
func (s *Store) checkLedger(ctx context.Context) (Violations, error) {
	for attempt := 0; ; attempt++ {
		v, same, err := s.checkLedgerOnce(ctx, attempt < 2)
		if err != nil || same {
			return v, err
		}
	}
}

// checkLedgerOnce is one try of checkLedger; split runs the two halves in
// two transactions at once. same is false when they read different ledgers.
func (s *Store) checkLedgerOnce(ctx context.Context, split bool) (v Violations, same bool, err error) {
	var releases []func() // the transactions' and their connections', when done
	defer func() {
		for _, r := range releases {
			r()
		}
	}()
	begin := func() (*sql.Tx, int64, error) {
		tx, last, release, err := s.beginCheckRead(ctx)
		if err != nil {
			return nil, 0, err
		}
		releases = append(releases, release)
		return tx, last, nil
	}
	rulesTx, last, err := begin()
	if err != nil {
		return nil, false, err
	}
	docsTx := rulesTx
	if split {
		var docsLast int64
		if docsTx, docsLast, err = begin(); err != nil {
			return nil, false, err
		}
		if docsLast != last {
			return nil, false, nil
		}
	}
	var (
		records    *recordHalf
		recordsErr error
		wg         sync.WaitGroup
	)
	if split {
		wg.Add(1)
		go func() {
			defer wg.Done()
			records, recordsErr = checkRecordHalf(ctx, docsTx)
		}()
	}
	v, rc, err := checkChainHalf(ctx, rulesTx)
	if !split {
		records, recordsErr = checkRecordHalf(ctx, rulesTx)
	}
	wg.Wait()
	if err != nil {
		return nil, false, err
	}
	if recordsErr != nil {
		return nil, false, recordsErr
	}
	v = append(v, records.docs.v...)
	if err := rc.compareDocuments(records.docs.hashes); err != nil {
		return nil, false, err
	}
	if err := rc.comparePayments(records.payments); err != nil {
		return nil, false, err
	}
	if err := rc.compareArchive(records.archive); err != nil {
		return nil, false, err
	}
	if err := rc.compareMonthEnd(recordClosing, records.closing); err != nil {
		return nil, false, err
	}
	if err := rc.compareMonthEnd(recordOpening, records.opening); err != nil {
		return nil, false, err
	}
	if err := rc.missing(); err != nil {
		return nil, false, err
	}
	return append(v, rc.v...), true, nil
}

// beginCheckRead starts a read transaction on a check connection and reads
// the audit log's last id in it (which fixes what it reads); release ends
// both.
func (s *Store) beginCheckRead(ctx context.Context) (tx *sql.Tx, last int64, release func(), err error) {
	conn, done, err := s.checkConn(ctx)
	if err != nil {
		return nil, 0, nil, err
	}
	if tx, err = conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}); err != nil {
		done()
		return nil, 0, nil, err
	}
	release = func() {
		tx.Rollback()
		done()
	}
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM audit_log`).Scan(&last); err != nil {
		release()
		return nil, 0, nil, err
	}
	return tx, last, release, nil
}

// recordHalf is what checkRecordHalf found.
type recordHalf struct {
	docs     *docFindings   // the documents' totals and hashes
	payments []paymentHash  // the payments' hashes
	archive  []paymentHash  // the archive rows' hashes (the kept PDFs' facts)
	closing  []monthEndHash // the closing invoices' rows' hashes (check_month_end.go)
	opening  []monthEndHash // the opening balances' hashes
}

// checkRecordHalf is one half of checkLedger: the documents (checkDocuments)
// and the payments' hashes.
func checkRecordHalf(ctx context.Context, tx *sql.Tx) (*recordHalf, error) {
	h := &recordHalf{}
	var err error
	if h.docs, err = checkDocuments(ctx, tx); err != nil {
		return nil, err
	}
	if h.payments, err = hashPayments(ctx, tx); err != nil {
		return nil, err
	}
	if h.archive, err = hashArchive(ctx, tx); err != nil {
		return nil, err
	}
	if h.closing, err = hashMonthEnd(ctx, tx, recordClosing); err != nil {
		return nil, err
	}
	if h.opening, err = hashMonthEnd(ctx, tx, recordOpening); err != nil {
		return nil, err
	}
	return h, nil
}

// checkChainHalf is the other half of checkLedger: the rules phrased in SQL
// (money, numbers, delivery notes, and keyedRules), and the audit chain. It returns
// their violations and the snapshot rule's state, for the records to be
// compared with.
func checkChainHalf(ctx context.Context, tx *sql.Tx) (Violations, *recordCheck, error) {
	var all Violations
	for _, query := range []string{invariantQuery(), numberingQuery, deliveryNoteQuery} {
		v, err := queryViolations(ctx, tx, query)
		if err != nil {
			return nil, nil, err
		}
		all = append(all, v...)
	}
	keyed, err := queryKeyed(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	all = append(all, keyed...)
	chain, err := scanAuditChain(ctx, tx)
	if err != nil {
		return nil, nil, err
	}
	all = append(all, chain.v...)
	rc, err := newRecordCheck(ctx, tx, chain)
	if err != nil {
		return nil, nil, err
	}
	return all, rc, nil
}
