package cli

import (
	"bufio"
	"errors"
	"fmt"
	"path/filepath"
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
	importLines := st.ImportBankLines
	if o.dryRun {
		importLines = st.PreviewBankLines
	}
	res, err := importLines(c.ctx, source, exchange.BankLines(deposits))
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
	return c.reconcileReport(st, name, res, cands, o.dryRun)
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

// reconcileReport confirms the automatic matches (not on a dry run) and
// prints the lines matched, to review and without a candidate.
func (c *cli) reconcileReport(st *store.Store, name string, res store.ImportResult, cands map[int64][]store.Candidate, dry bool) int {
	cur := c.currency(st)
	matched, review, none := c.confirmSure(st, res.Added, cands, dry, cur)
	w := bufio.NewWriter(c.stdout)
	key, matchedKey := "cli.bank.summary", "cli.bank.matched"
	if dry {
		key, matchedKey = "cli.bank.summary_dry", "cli.bank.would_match"
	}
	n := len(res.Added) + res.AlreadyImported
	fmt.Fprintln(w, c.p.N(key, n, name, n, len(res.Added), res.AlreadyImported))
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
	if err := w.Flush(); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// confirmSure confirms the lines store.AutoMatches picks (on a dry run it
// only says so) and sorts every line into matched, to review (with its best
// candidate) and without a candidate, as table rows.
func (c *cli) confirmSure(st *store.Store, lines []store.BankLine, cands map[int64][]store.Candidate, dry bool,
	cur store.Currency) (matched, review, none [][]string) {
	auto := store.AutoMatches(lines, cands)
	for _, l := range lines {
		row := []string{store.FormatDate(l.Date), l.Amount.Plain(cur), store.FoldDisplay(l.PayerName)}
		cs := cands[l.ID]
		if m, ok := auto[l.ID]; ok {
			var err error
			if !dry {
				_, err = st.ConfirmMatch(c.ctx, m)
			}
			if err == nil {
				matched = append(matched, append(row, c.candidateText(cs[0], cur)))
				continue
			}
			fmt.Fprintln(c.stderr, c.p.T("cli.bank.confirm_failed", store.FormatDate(l.Date), c.p.Error(err)))
		}
		if len(cs) == 0 {
			none = append(none, row)
			continue
		}
		review = append(review, append(row, c.candidateText(cs[0], cur)+"  "+c.candidateWhy(cs[0], cur)))
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

// candidateWhy is a candidate's confidence and reasons, in words.
func (c *cli) candidateWhy(cand store.Candidate, cur store.Currency) string {
	reasons := make([]string, len(cand.Reasons))
	for i, r := range cand.Reasons {
		reasons[i] = c.p.MatchReason(r, cur)
	}
	return "(" + c.p.T("cli.bank.confidence."+cand.Confidence) + ": " + strings.Join(reasons, ", ") + ")"
}
