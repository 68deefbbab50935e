package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
	"strings"
)

// Importing bank lines. A deposit is recognised by what the bank says about
// it — its account, value date, amount, payer and memo (the EDI information
// included) — never by its place in the file: a bank numbers the records of
// each statement afresh, and exports the same days again in a later,
// overlapping statement or in another order. Two equal deposits on one day
// are still two, so an import counts: per account and deposit key, the file
// brings k deposits and the ledger holds h; max(0, k−h) of them are new.

// depositKey is the identity of a deposit within its account (hex SHA-256):
// value date, amount, payer as NormalizePayer folds it (the same name in
// half-width or full-width kana, with or without the company mark, is one
// payer) and memo with its spaces collapsed and its kana widened. The key
// is stored with each line: a change of NormalizePayer that gives some name
// another key needs a migration that recomputes the keys (fillDepositKeys).
func depositKey(l BankLine) string {
	memo := strings.Join(strings.Fields(WidenKana(l.Memo)), " ")
	h := sha256.New()
	for _, part := range []string{FormatDate(l.Date), strconv.FormatInt(int64(l.Amount), 10),
		NormalizePayer(l.PayerName), memo} {
		h.Write([]byte(part))
		h.Write([]byte{0x1f})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// lineIdentity is a stored line's unique identity: its account, its deposit
// key and which of the deposits of that key it is (0 for the first). The
// ledger holds the deposits 0 … h−1 of a key, so the new ones get h, h+1, …
// and never meet an identity in use.
func lineIdentity(account, key string, n int) string {
	h := sha256.Sum256([]byte(account + "\x00" + key + "\x00" + strconv.Itoa(n)))
	return hex.EncodeToString(h[:])
}

// checkBankLines validates a batch, every problem with its line's position (1, 2, …).
func checkBankLines(lines []BankLine) error {
	var problems BatchError
	for i := range lines {
		for _, fe := range FieldErrors(lines[i].Validate()) {
			problems = append(problems, RowError{Line: i + 1, Err: fe})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	return nil
}

// bankImport is what importing a batch does: the new lines in file order
// (Account, Identity and key set), how many the ledger already holds, and
// the lines imported before accounts were kept that the batch recognises,
// by the account they now get.
type bankImport struct {
	added   []BankLine
	keys    []string // the deposit key of each added line
	already int
	adopt   map[string][]int64
}

// planBankImport applies the counting rule to a batch against what q (the
// write transaction, or the database for a dry run) holds. Within a key the
// first deposits of the file are the ones held; the rest are new.
func planBankImport(ctx context.Context, q queryer, lines []BankLine) (bankImport, error) {
	type group struct {
		account, key string
		lines        []int // indexes into lines, in file order
	}
	var (
		plan   = bankImport{adopt: map[string][]int64{}}
		groups []*group
		byKey  = map[[2]string]*group{}
		keys   []string
		seen   = map[string]bool{}
	)
	for i, l := range lines {
		account, key := strings.TrimSpace(l.Account), depositKey(l)
		g := byKey[[2]string{account, key}]
		if g == nil {
			g = &group{account: account, key: key}
			byKey[[2]string{account, key}] = g
			groups = append(groups, g)
		}
		g.lines = append(g.lines, i)
		if !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	}
	held, legacy, err := heldDeposits(ctx, q, keys)
	if err != nil {
		return plan, err
	}
	isNew := make([]string, len(lines)) // the identity of each new line
	for _, g := range groups {
		h := held[[2]string{g.account, g.key}]
		if need := len(g.lines) - h; need > 0 && len(legacy[g.key]) > 0 {
			take := min(need, len(legacy[g.key]))
			plan.adopt[g.account] = append(plan.adopt[g.account], legacy[g.key][:take]...)
			legacy[g.key] = legacy[g.key][take:]
			h += take
		}
		for n, i := range g.lines {
			if n < h {
				plan.already++
				continue
			}
			isNew[i] = lineIdentity(g.account, g.key, n)
		}
	}
	for i, l := range lines {
		if isNew[i] == "" {
			continue
		}
		l.Account, l.Identity = strings.TrimSpace(l.Account), isNew[i]
		plan.added = append(plan.added, l)
		plan.keys = append(plan.keys, depositKey(l))
	}
	return plan, nil
}

// heldDeposits counts the lines the ledger holds of each key by account,
// and lists (oldest first) those of each key whose account is not known.
func heldDeposits(ctx context.Context, q queryer, keys []string) (held map[[2]string]int, legacy map[string][]int64, err error) {
	held, legacy = map[[2]string]int{}, map[string][]int64{}
	if len(keys) == 0 {
		return held, legacy, nil
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, account, deposit_key FROM bank_lines
		WHERE deposit_key IN (SELECT value FROM json_each(?)) ORDER BY id`, string(list))
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var account, key string
		if err := rows.Scan(&id, &account, &key); err != nil {
			return nil, nil, err
		}
		if account == "" {
			legacy[key] = append(legacy[key], id)
		} else {
			held[[2]string{account, key}]++
		}
	}
	return held, legacy, rows.Err()
}

// ImportBankLines adds the deposits of one bank file (source: its name) in
// one transaction, by the counting rule above: importing a file again, a
// file that overlaps one imported before or the same file in another order
// adds nothing it already holds, and two equal deposits on one day are two.
// Any invalid line refuses the whole batch.
func (s *Store) ImportBankLines(ctx context.Context, source string, lines []BankLine) (ImportResult, error) {
	var res ImportResult
	if err := checkBankLines(lines); err != nil {
		return res, err
	}
	err := s.write(ctx, func(tx *Tx) error {
		var err error
		res, err = tx.importBankLines(source, lines)
		return err
	})
	return res, err
}

// importBankLines is ImportBankLines inside tx (ImportBankFile adds the sure
// matches in the same transaction).
func (tx *Tx) importBankLines(source string, lines []BankLine) (ImportResult, error) {
	ctx := tx.ctx
	var res ImportResult
	plan, err := planBankImport(ctx, tx, lines)
	if err != nil {
		return res, err
	}
	recognised := 0
	for account, ids := range plan.adopt {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE bank_lines SET account = ?, updated_at = ? WHERE id = ? AND account = ''`,
				account, stamp(tx.now), id); err != nil {
				return res, err
			}
			recognised++
		}
	}
	ins, err := tx.PrepareContext(ctx, `INSERT INTO bank_lines (identity, account, deposit_key, date, amount,
		payer_name, reference, memo, source, imported_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return res, err
	}
	defer ins.Close()
	for i, l := range plan.added {
		r, err := ins.ExecContext(ctx, l.Identity, l.Account, plan.keys[i], FormatDate(l.Date), l.Amount, l.PayerName,
			l.Reference, l.Memo, source, stamp(tx.now), stamp(tx.now))
		if err != nil {
			return res, err
		}
		if l.ID, err = r.LastInsertId(); err != nil {
			return res, err
		}
		l.Source, l.State, l.PaymentID, l.SkipReason, l.ImportedAt = source, LineOpen, 0, "", tx.now
		res.Added = append(res.Added, l)
	}
	res.AlreadyImported = plan.already
	return res, tx.audit("import", "bank_file", source, nil, importAudit{Added: len(res.Added),
		AlreadyImported: res.AlreadyImported, Recognised: recognised})
}

// importAudit is what the audit log keeps of a bank import. Recognised
// counts the lines of before accounts were kept that took this file's
// account.
type importAudit struct {
	Added           int `json:"added"`
	AlreadyImported int `json:"already_imported"`
	Recognised      int `json:"recognised_old_lines,omitempty"`
}

// PreviewBankLines is ImportBankLines without writing anything (a dry run):
// the lines it would add get the ids -1, -2, … so CandidatesForAll can rank
// them.
func (s *Store) PreviewBankLines(ctx context.Context, source string, lines []BankLine) (ImportResult, error) {
	var res ImportResult
	if err := checkBankLines(lines); err != nil {
		return res, err
	}
	plan, err := planBankImport(ctx, s.db, lines)
	if err != nil {
		return res, err
	}
	res.AlreadyImported = plan.already
	for _, l := range plan.added {
		l.ID = -int64(len(res.Added) + 1)
		l.Source, l.State, l.PaymentID, l.ImportedAt = source, LineOpen, 0, s.Now()
		res.Added = append(res.Added, l)
	}
	return res, nil
}

// fillDepositKeys is the Go step of migration bank_identity: the deposit
// key of every line imported before it (their account stays unknown: see
// the migration).
func fillDepositKeys(tx *Tx) error {
	rows, err := tx.QueryContext(tx.ctx, `SELECT id, date, amount, payer_name, memo FROM bank_lines WHERE deposit_key = ''`)
	if err != nil {
		return err
	}
	type keyed struct {
		id  int64
		key string
	}
	var todo []keyed
	for rows.Next() {
		var l BankLine
		var date string
		if err := rows.Scan(&l.ID, &date, &l.Amount, &l.PayerName, &l.Memo); err != nil {
			rows.Close()
			return err
		}
		l.Date = mustDate(date)
		todo = append(todo, keyed{l.ID, depositKey(l)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	upd, err := tx.PrepareContext(tx.ctx, `UPDATE bank_lines SET deposit_key = ? WHERE id = ?`)
	if err != nil {
		return err
	}
	defer upd.Close()
	for _, k := range todo {
		if _, err := upd.ExecContext(tx.ctx, k.key, k.id); err != nil {
			return err
		}
	}
	return nil
}
