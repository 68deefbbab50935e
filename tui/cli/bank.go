package cli

import (
	"bufio"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"daicho/store"
	"daicho/store/bank"
	"daicho/store/exchange"
)

// bankOptions are the flags of import bank.
type bankOptions struct {
	format, profile string
	dryRun          bool
}

// importBank reads a bank file, imports its deposits (with --dry-run, only
// reads and shows), confirms the matches that need no person (exact amount
// and a learned payer or the invoice's number, see store.AutoMatches), and
// prints what it matched, what waits for review and what was imported
// before.
func (c *cli) importBank(path string, o bankOptions) int {
	if o.format != "" && o.format != string(bank.Zengin) && o.format != string(bank.CSV) {
		return c.usageError(c.p.T("cli.import.bad_bank_format", o.format))
	}
	if o.profile != "" && o.format == string(bank.Zengin) {
		return c.usageError(c.p.T("cli.import.profile_csv"))
	}
	data, name, err := c.readInput(path)
	if err != nil {
		return c.fail(c.p.T("cli.import.read", path, err))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	deposits, err := exchange.ReadBankFile(c.ctx, st, data, bank.Format(o.format), o.profile)
	var batch store.BatchError
	if errors.As(err, &batch) {
		return c.reportProblems(name, batch, c.bankProblem)
	}
	if e, ok := store.AsError(err); ok && e.Code == store.CodeInvalid {
		// A problem of the file as a whole (empty, not text, not a bank
		// file): framed like any other, naming the file.
		return c.reportProblems(name, store.BatchError{{Err: e}}, c.bankProblem)
	}
	if err != nil {
		return c.failErr(err)
	}
	source := filepath.Base(name)
	if o.dryRun {
		res, err := st.PreviewBankLines(c.ctx, source, exchange.BankLines(deposits))
		if errors.As(err, &batch) {
			return c.reportProblems(name, onFileLines(batch, deposits), c.bankProblem)
		}
		if err != nil {
			return c.failErr(err)
		}
		cands, err := st.CandidatesForAll(c.ctx, res.Added)
		if err != nil {
			return c.failErr(err)
		}
		auto, sure := store.AutoMatches(res.Added, cands), map[int64]store.Candidate{}
		for id := range auto {
			sure[id] = cands[id][0]
		}
		return c.reconcileReport(st, name, bankOutcome{ImportResult: res, cands: cands, auto: auto, sure: sure}, true)
	}
	// The deposits and their sure matches in one transaction: a run killed
	// halfway leaves nothing, and running it again does it all.
	res, err := st.ImportBankFile(c.ctx, source, exchange.BankLines(deposits))
	if errors.As(err, &batch) {
		return c.reportProblems(name, onFileLines(batch, deposits), c.bankProblem)
	}
	if err != nil {
		return c.failErr(err)
	}
	out := bankOutcome{ImportResult: res.ImportResult, auto: map[int64]store.Match{}, sure: map[int64]store.Candidate{},
		failed: res.Failed}
	var left []store.BankLine
	for _, m := range res.Matched {
		out.auto[m.Line.ID] = m.Match
	}
	for _, l := range res.Added {
		if _, ok := out.auto[l.ID]; !ok {
			left = append(left, l)
		}
	}
	// Ranked again after the matches: a line to review never offers an
	// invoice this run has just paid.
	if out.cands, err = st.CandidatesForAll(c.ctx, left); err != nil {
		return c.failErr(err)
	}
	for _, m := range res.Matched {
		out.sure[m.Line.ID] = m.Candidate
	}
	return c.reconcileReport(st, name, out, false)
}

// bankOutcome is what an import (or a dry run) did, for the report.
type bankOutcome struct {
	store.ImportResult
	cands  map[int64][]store.Candidate // of the lines not matched (of every line on a dry run)
	auto   map[int64]store.Match       // the sure matches, by line (on a dry run, those it would record)
	sure   map[int64]store.Candidate   // the candidate each sure match took
	failed []store.AutoFailed
}

// bankProblem names a problem of a bank file by line, field and reason (a
// problem of the whole file has no line).
func (c *cli) bankProblem(re store.RowError) string {
	msg := c.p.Reason(re.Err)
	if re.Err.Field != "" {
		msg = re.Err.Field + ": " + msg
	}
	if re.Line == 0 {
		return msg
	}
	return c.p.T("err.at_line", re.Line, msg)
}

// onFileLines turns the store's problems with a batch of bank lines, which
// it numbers by their place among the deposits, into problems on the
// deposits' lines of the file (past a preamble or a withdrawal the two
// differ).
func onFileLines(problems store.BatchError, deposits []bank.Deposit) store.BatchError {
	out := make(store.BatchError, len(problems))
	for i, re := range problems {
		if re.Line >= 1 && re.Line <= len(deposits) {
			re.Line = deposits[re.Line-1].Line
		}
		out[i] = re
	}
	return out
}

// reconcileReport prints the lines matched, to review (with their
// candidates) and without a candidate, and how many deposits wait or are
// held. It exits 1 when a sure match could not be recorded.
func (c *cli) reconcileReport(st *store.Store, name string, o bankOutcome, dry bool) int {
	cur := c.currency(st)
	matched, review, none := c.sortLines(o, cur)
	w := bufio.NewWriter(c.stdout)
	key, matchedKey := "cli.bank.summary", "cli.bank.matched"
	if dry {
		key, matchedKey = "cli.bank.summary_dry", "cli.bank.would_match"
	}
	n := len(o.Added) + o.AlreadyImported
	fmt.Fprintln(w, c.p.N(key, n, name, n, len(o.Added), o.AlreadyImported))
	for _, sec := range []struct {
		key  string
		rows [][]string
	}{{matchedKey, matched}, {"cli.bank.review", review}, {"cli.bank.unmatched", none}} {
		if len(sec.rows) == 0 {
			continue
		}
		fmt.Fprintln(w, "\n"+c.p.T(sec.key, len(sec.rows)))
		if err := indented(w, sec.rows, 1); err != nil {
			return c.failErr(err)
		}
	}
	if counts, err := st.BankLineCounts(c.ctx); err == nil {
		open, held := counts[store.LineOpen], counts[store.LineHeld]
		fmt.Fprintln(w, "\n"+c.p.T("cli.bank.waiting", open.Count, open.Amount.Format(cur), held.Count, held.Amount.Format(cur)))
	}
	if err := w.Flush(); err != nil {
		return c.failErr(err)
	}
	for _, f := range o.failed {
		fmt.Fprintln(c.stderr, c.p.T("cli.bank.confirm_failed", store.FormatDate(f.Line.Date), f.Line.Amount.Format(cur),
			c.p.Error(f.Err)))
	}
	if len(o.failed) > 0 {
		return exitFail
	}
	return exitOK
}

// sortLines sorts the new lines into matched, to review (with their
// candidates, none of them an invoice the sure matches paid) and without a
// candidate, as table rows.
func (c *cli) sortLines(o bankOutcome, cur store.Currency) (matched, review, none [][]string) {
	paid := map[int64]bool{}
	for _, m := range o.auto {
		for _, id := range m.InvoiceIDs {
			paid[id] = true
		}
	}
	for _, l := range o.Added {
		row := []string{store.FormatDate(l.Date), l.Amount.Plain(cur), store.FoldDisplay(l.PayerName)}
		if _, ok := o.auto[l.ID]; ok {
			matched = append(matched, append(row, c.candidateText(o.sure[l.ID], cur)))
			continue
		}
		var cs []store.Candidate
		for _, cand := range o.cands[l.ID] {
			if !slices.ContainsFunc(cand.Invoices, func(b store.InvoiceBalance) bool { return paid[b.InvoiceID] }) {
				cs = append(cs, cand)
			}
		}
		if len(cs) == 0 {
			none = append(none, row)
			continue
		}
		review = append(review, append(row, c.candidatesText(cs, cur)))
	}
	return matched, review, none
}

// candidateText is a candidate as one cell: the invoices and the customer.
func (c *cli) candidateText(cand store.Candidate, cur store.Currency) string {
	numbers := make([]string, len(cand.Invoices))
	for i, b := range cand.Invoices {
		numbers[i] = b.Number
	}
	s := strings.Join(numbers, "+") + "  " + cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName)
	if len(numbers) == 0 {
		s = cand.CustomerCode + " " + store.FoldDisplay(cand.CustomerName) + "  " + c.p.T("cli.bank.no_invoice")
	}
	if cand.Fee > 0 {
		s += "  " + c.p.T("cli.bank.fee", cand.Fee.Format(cur))
	}
	return s
}

// maxCandidates is how many candidates a line to review lists.
const maxCandidates = 3

// candidatesText lists a line's candidates, best first, each with why it
// is one — candidates for a person to choose from, none called sure.
func (c *cli) candidatesText(cands []store.Candidate, cur store.Currency) string {
	parts := make([]string, 0, maxCandidates)
	for _, cand := range cands[:min(len(cands), maxCandidates)] {
		reasons := make([]string, len(cand.Reasons))
		for i, r := range cand.Reasons {
			reasons[i] = c.p.MatchReason(r, cur)
		}
		parts = append(parts, c.candidateText(cand, cur)+" ("+strings.Join(reasons, ", ")+")")
	}
	s := c.p.T("cli.bank.candidates") + ": " + strings.Join(parts, " | ")
	if more := len(cands) - maxCandidates; more > 0 {
		s += " " + c.p.T("cli.bank.more_candidates", more)
	}
	return s
}
