package store

import "context"

// `daicho import bank` adds a file's deposits and records the matches sure
// enough to need no person (AutoMatches). Both happen in one transaction:
// a run killed halfway leaves either nothing (and a re-run does all of it)
// or everything, never deposits whose sure matches were lost.

// BankFileImport is what ImportBankFile did: the deposits added, the ones
// matched for sure (with their payments) and the sure matches that could not
// be recorded (the deposit stays open, to review).
type BankFileImport struct {
	ImportResult
	Matched []AutoMatched
	Failed  []AutoFailed
}

// AutoMatched is a deposit recorded as a payment by a sure match.
type AutoMatched struct {
	Line      BankLine
	Match     Match
	Candidate Candidate // the candidate the match took, as ranked
	Payment   Payment
}

// AutoFailed is a sure match refused (an invoice paid meanwhile, …): the
// deposit was added, open.
type AutoFailed struct {
	Line  BankLine
	Match Match
	Err   error
}

// ImportBankFile imports the deposits of one bank file and records the sure
// matches among the new ones, in one transaction. The matches are chosen
// (CandidatesForAll, AutoMatches) against what is committed before the
// write lock is taken — an import adds no invoice — and each is confirmed
// in a savepoint: one refused by the ledger's rules rolls back alone and is
// reported in Failed; any other failure (a full disk) rolls back the whole
// import, which a re-run then does in full.
func (s *Store) ImportBankFile(ctx context.Context, source string, lines []BankLine) (BankFileImport, error) {
	var out BankFileImport
	pre, err := s.PreviewBankLines(ctx, source, lines)
	if err != nil {
		return out, err
	}
	cands, err := s.CandidatesForAll(ctx, pre.Added)
	if err != nil {
		return out, err
	}
	auto := AutoMatches(pre.Added, cands)
	type sureMatch struct {
		m    Match
		cand Candidate
	}
	sure := map[string]sureMatch{} // by the line's identity: the ids are known only once inserted
	for _, l := range pre.Added {
		if m, ok := auto[l.ID]; ok {
			sure[l.Identity] = sureMatch{m, cands[l.ID][0]}
		}
	}
	err = s.write(ctx, func(tx *Tx) error {
		res, err := tx.importBankLines(source, lines)
		if err != nil {
			return err
		}
		out = BankFileImport{ImportResult: res}
		for _, l := range res.Added {
			sm, ok := sure[l.Identity]
			if !ok {
				continue
			}
			m := sm.m
			m.LineID = l.ID
			var p Payment
			err := tx.savepoint(func() error {
				var err error
				p, err = tx.confirmMatch(m)
				return err
			})
			if _, refused := AsError(err); refused {
				out.Failed = append(out.Failed, AutoFailed{Line: l, Match: m, Err: err})
				continue
			}
			if err != nil {
				return err
			}
			out.Matched = append(out.Matched, AutoMatched{Line: l, Match: m, Candidate: sm.cand, Payment: p})
		}
		return nil
	})
	if err != nil {
		return BankFileImport{}, err
	}
	return out, nil
}

// savepoint runs fn in a savepoint of tx: if fn fails, what it wrote is
// rolled back (the audit chain's head with it) and the transaction goes on.
func (tx *Tx) savepoint(fn func() error) error {
	head := tx.head
	if _, err := tx.ExecContext(tx.ctx, `SAVEPOINT step`); err != nil {
		return err
	}
	if err := fn(); err != nil {
		tx.head = head
		if _, rerr := tx.ExecContext(tx.ctx, `ROLLBACK TO step`); rerr != nil {
			return rerr
		}
		if _, rerr := tx.ExecContext(tx.ctx, `RELEASE step`); rerr != nil {
			return rerr
		}
		return err
	}
	_, err := tx.ExecContext(tx.ctx, `RELEASE step`)
	return err
}
