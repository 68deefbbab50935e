package store

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
)

// Matching ranks, for each bank deposit, the open invoices (or groups of one
// customer's open invoices) it most likely pays. The evidence:
//
//   - the amount: exactly an invoice's open amount, or short of it by a
//     typical transfer fee (振込手数料) the payer deducted, or by anything
//     else within the company's shortfall tolerance (scored lower);
//   - the payer's name as the bank shows it, normalised (NormalizePayer),
//     against each customer's reading (kana) and name, and against the payer
//     names learned from earlier confirmed matches (aliases), the strongest
//     name evidence;
//   - invoice numbers in the memo, EDI or payer text (I-2026-0007, also
//     written without hyphens);
//   - a group of one customer's open invoices whose open amounts add up to
//     the deposit (oldest-first runs, and pairs and triples of the oldest).
//
// Everything is indexed once (matcher), so each deposit costs a few map
// lookups whatever the size of the ledger.

// TypicalTransferFees are the transfer fees Japanese banks charge and payers
// usually deduct from what they send (振込手数料先方負担).
var TypicalTransferFees = []Money{110, 165, 220, 330, 440, 550, 660, 770, 880}

// Reasons a candidate is given, in Candidate.Reasons. A reason with a figure
// is written "fee deducted 880", "shortfall 1200", "combined 2".
const (
	ReasonExactAmount = "exact amount"
	ReasonFee         = "fee deducted"   // + " N": short by a typical transfer fee
	ReasonShortfall   = "shortfall"      // + " N": short by less than the tolerance
	ReasonPayerName   = "payer name"     // the payer is the customer's reading or name
	ReasonAlias       = "alias"          // the payer was confirmed for this customer before
	ReasonNumber      = "number in memo" // the invoice numbers are in the memo or EDI text
	ReasonCombined    = "combined"       // + " N": N invoices together
)

// Confidence of a candidate.
const (
	ConfidenceHigh   = "high"   // exact amount and the payer or the invoice number says who
	ConfidenceMedium = "medium" // the only invoice of that amount; or a fee short, and the payer says who
	ConfidenceLow    = "low"
)

// maxCandidates is how many candidates a deposit gets, best first.
const maxCandidates = 8

// Scores of the evidence; a candidate's score is their sum.
const (
	scoreExact     = 50
	scoreFee       = 35
	scoreShortfall = 20
	scoreAlias     = 40 // + up to 5 for an alias confirmed again and again
	scoreName      = 30
	scoreNamePart  = 20 // a prefix: the bank cut the name short, or added a branch
	scoreNumber    = 45 // every invoice of the candidate is named in the text
	scoreNumberAny = 20 // some are
	scoreGroupCost = 3  // per invoice beyond the first: one invoice wins a tie
)

// groupReach is how many of a customer's oldest open invoices a group is
// made from; groups are oldest-first runs of any length up to it, and any
// pair or triple of them.
const groupReach = 12

// minNameRunes is the shortest name that may match as a prefix.
const minNameRunes = 4

// matchCustomer is what matching knows of a customer.
type matchCustomer struct {
	id         int64
	code, name string
	feePolicy  string
	invoices   []int // indexes into matcher.inv, oldest due first
}

// aliasRef is a learned payer name of one customer.
type aliasRef struct {
	customerID int64
	confirmed  int
}

// nameKey is a customer's normalised reading or name, for prefix search.
type nameKey struct {
	key        string
	customerID int64
}

// groupRef is an oldest-first run of a customer's open invoices.
type groupRef struct {
	customerID int64
	n          int // the first n of the customer's invoices
}

// matcher holds the open invoices, customers and aliases, indexed.
type matcher struct {
	tolerance Money
	inv       []InvoiceBalance
	customers map[int64]*matchCustomer
	byOpen    map[Money][]int      // open amount → invoices, oldest due first
	byNumber  map[string][]int     // numberKeys → invoices
	runs      map[Money][]groupRef // sums of oldest-first runs of 2+ invoices
	names     map[string][]int64   // normalised reading or name → customers
	nameList  []nameKey            // the same, sorted by key
	aliases   map[string][]aliasRef
}

// newMatcher indexes open invoices (any order), customers and aliases.
func newMatcher(inv []InvoiceBalance, customers []CustomerSummary, aliases []PayerAlias, tolerance Money) *matcher {
	m := &matcher{tolerance: tolerance, inv: inv, customers: make(map[int64]*matchCustomer, len(customers)),
		byOpen: make(map[Money][]int, len(inv)), byNumber: make(map[string][]int, 2*len(inv)),
		runs: map[Money][]groupRef{}, names: make(map[string][]int64, 2*len(customers)),
		aliases: make(map[string][]aliasRef, len(aliases))}
	for _, c := range customers {
		m.customers[c.ID] = &matchCustomer{id: c.ID, code: c.Code, name: c.Name, feePolicy: c.FeePolicy}
		for _, k := range uniqueKeys(NormalizePayer(c.Kana), NormalizePayer(c.Name)) {
			m.names[k] = append(m.names[k], c.ID)
			m.nameList = append(m.nameList, nameKey{k, c.ID})
		}
	}
	slices.SortFunc(m.nameList, func(a, b nameKey) int { return strings.Compare(a.key, b.key) })
	for _, a := range aliases {
		m.aliases[a.Alias] = append(m.aliases[a.Alias], aliasRef{a.CustomerID, a.Confirmed})
	}
	order := make([]int, len(inv))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return olderFirst(inv[a], inv[b]) })
	for _, i := range order {
		b := inv[i]
		if b.Open <= 0 {
			continue
		}
		m.byOpen[b.Open] = append(m.byOpen[b.Open], i)
		full, digits := numberKeys(b.Number)
		for _, k := range uniqueKeys(full, digits) {
			m.byNumber[k] = append(m.byNumber[k], i)
		}
		c := m.customers[b.CustomerID]
		if c == nil { // a customer the list did not have: take the invoice's word
			c = &matchCustomer{id: b.CustomerID, code: b.CustomerCode, name: b.CustomerName}
			m.customers[b.CustomerID] = c
		}
		c.invoices = append(c.invoices, i)
	}
	for _, c := range m.customers {
		var sum Money
		for n, i := range c.invoices[:min(len(c.invoices), groupReach)] {
			sum += inv[i].Open
			if n >= 1 {
				m.runs[sum] = append(m.runs[sum], groupRef{c.id, n + 1})
			}
		}
	}
	return m
}

// olderFirst orders invoices by due date, then issue date, then number.
func olderFirst(a, b InvoiceBalance) int {
	if c := a.DueDate.Compare(b.DueDate); c != 0 {
		return c
	}
	if c := a.IssueDate.Compare(b.IssueDate); c != 0 {
		return c
	}
	return cmp.Or(strings.Compare(a.Number, b.Number), cmp.Compare(a.InvoiceID, b.InvoiceID))
}

func uniqueKeys(a, b string) []string {
	switch {
	case a == "" && b == "":
		return nil
	case a == "" || a == b:
		return []string{b}
	case b == "":
		return []string{a}
	}
	return []string{a, b}
}

// evidence is what one deposit says about who paid and for what.
type evidence struct {
	amount   Money
	alias    map[int64]int  // customer → times confirmed
	name     map[int64]bool // customer → true: the whole name, false: a prefix
	numbered map[int]bool   // invoices named in the text
}

// gather reads the deposit's payer name and texts.
func (m *matcher) gather(l BankLine) evidence {
	ev := evidence{amount: l.Amount, alias: map[int64]int{}, name: map[int64]bool{}, numbered: map[int]bool{}}
	payer := NormalizePayer(l.PayerName)
	for _, a := range m.aliases[payer] {
		ev.alias[a.customerID] = a.confirmed
	}
	if payer != "" {
		for _, id := range m.names[payer] {
			ev.name[id] = true
		}
		m.namePrefixes(payer, ev.name)
	}
	for _, tok := range textTokens(l.Memo + " " + l.Reference + " " + l.PayerName) {
		for _, i := range m.byNumber[tok] {
			ev.numbered[i] = true
		}
	}
	return ev
}

// namePrefixes adds customers whose name key starts the payer's (the bank
// added a branch or a person) or that the payer's starts (the bank cut the
// name short), for keys of at least minNameRunes.
func (m *matcher) namePrefixes(payer string, found map[int64]bool) {
	runes := 0
	for i := range payer {
		if runes >= minNameRunes {
			for _, id := range m.names[payer[:i]] {
				if _, ok := found[id]; !ok {
					found[id] = false
				}
			}
		}
		runes++
	}
	if runes < minNameRunes+2 {
		return
	}
	at, _ := slices.BinarySearchFunc(m.nameList, payer, func(k nameKey, p string) int { return strings.Compare(k.key, p) })
	for n := 0; at < len(m.nameList) && n < 20 && strings.HasPrefix(m.nameList[at].key, payer); at, n = at+1, n+1 {
		if _, ok := found[m.nameList[at].customerID]; !ok {
			found[m.nameList[at].customerID] = false
		}
	}
}

// candidates ranks the candidates of one deposit, best first.
func (m *matcher) candidates(l BankLine) []Candidate {
	ev := m.gather(l)
	b := builder{m: m, ev: ev, seen: map[string]int{}}
	// Who the payer or the text names: every way their invoices can make the amount.
	named := map[int64]bool{}
	for id := range ev.alias {
		named[id] = true
	}
	for id := range ev.name {
		named[id] = true
	}
	for i := range ev.numbered {
		named[m.inv[i].CustomerID] = true
	}
	for _, id := range slices.Sorted(maps.Keys(named)) {
		b.customer(id)
	}
	// Anyone's invoice or oldest run with the amount, fee deducted or not.
	for _, fee := range append([]Money{0}, TypicalTransferFees...) {
		for _, i := range firstN(m.byOpen[ev.amount+fee], maxCandidates) {
			b.add([]int{i})
		}
		for _, g := range firstN(m.runs[ev.amount+fee], maxCandidates) {
			b.add(m.customers[g.customerID].invoices[:g.n])
		}
	}
	return b.ranked()
}

func firstN[T any](s []T, n int) []T { return s[:min(len(s), n)] }

// builder collects one deposit's candidates, each invoice set once.
type builder struct {
	m    *matcher
	ev   evidence
	out  []Candidate
	seen map[string]int
}

// customer adds the candidates of a customer the payer or the text names:
// the named invoices; any single invoice, oldest-first run, pair or triple
// of the oldest whose sum the deposit pays within the tolerance; else the
// oldest invoices the deposit reaches (a partial payment or more than is
// owed), or no invoice at all when nothing is open (an advance).
func (b *builder) customer(id int64) {
	c := b.m.customers[id]
	if c == nil {
		return
	}
	before := len(b.out)
	var numbered []int
	for _, i := range c.invoices {
		if b.ev.numbered[i] {
			numbered = append(numbered, i)
		}
	}
	if len(numbered) > 0 {
		b.add(numbered)
	}
	reach := c.invoices[:min(len(c.invoices), groupReach)]
	for _, i := range c.invoices {
		if b.fits(b.m.inv[i].Open) {
			b.add([]int{i})
		}
	}
	var sum Money
	for n, i := range reach {
		sum += b.m.inv[i].Open
		if n >= 1 && b.fits(sum) {
			b.add(reach[:n+1])
		}
	}
	for x := range reach {
		for y := x + 1; y < len(reach); y++ {
			pair := b.m.inv[reach[x]].Open + b.m.inv[reach[y]].Open
			if b.fits(pair) {
				b.add([]int{reach[x], reach[y]})
			}
			for z := y + 1; z < len(reach); z++ {
				if b.fits(pair + b.m.inv[reach[z]].Open) {
					b.add([]int{reach[x], reach[y], reach[z]})
				}
			}
		}
	}
	if len(b.out) > before {
		return
	}
	if len(c.invoices) == 0 {
		b.addCustomer(c, nil)
		return
	}
	sum = 0
	for n, i := range c.invoices {
		sum += b.m.inv[i].Open
		if sum >= b.ev.amount || n == groupReach-1 || n == len(c.invoices)-1 {
			b.add(c.invoices[:n+1])
			return
		}
	}
}

// fits reports whether the deposit pays sum exactly or short by at most the tolerance.
func (b *builder) fits(sum Money) bool {
	return sum >= b.ev.amount && sum-b.ev.amount <= max(b.m.tolerance, TypicalTransferFees[len(TypicalTransferFees)-1])
}

// add adds the candidate of a set of one customer's invoices.
func (b *builder) add(invoices []int) {
	if len(invoices) == 0 {
		return
	}
	b.addCustomer(b.m.customers[b.m.inv[invoices[0]].CustomerID], invoices)
}

func (b *builder) addCustomer(c *matchCustomer, invoices []int) {
	key := fmt.Sprint(c.id, invoices)
	if _, dup := b.seen[key]; dup {
		return
	}
	b.seen[key] = len(b.out)
	cand := Candidate{CustomerID: c.id, CustomerCode: c.code, CustomerName: c.name, FeePolicy: c.feePolicy}
	numbered := 0
	for _, i := range invoices {
		cand.Invoices = append(cand.Invoices, b.m.inv[i])
		cand.Sum += b.m.inv[i].Open
		if b.ev.numbered[i] {
			numbered++
		}
	}
	slices.SortStableFunc(cand.Invoices, olderFirst)
	exact := cand.Sum == b.ev.amount && len(invoices) > 0
	short := cand.Sum - b.ev.amount
	switch {
	case exact:
		cand.Score += scoreExact
		cand.Reasons = append(cand.Reasons, ReasonExactAmount)
	case short > 0 && slices.Contains(TypicalTransferFees, short):
		cand.Fee = short
		cand.Score += scoreFee
		cand.Reasons = append(cand.Reasons, fmt.Sprintf("%s %d", ReasonFee, short))
	case short > 0 && short <= b.m.tolerance:
		cand.Fee = short
		cand.Score += scoreShortfall
		cand.Reasons = append(cand.Reasons, fmt.Sprintf("%s %d", ReasonShortfall, short))
	}
	named := false
	if n, ok := b.ev.alias[c.id]; ok {
		cand.Score += scoreAlias + min(n-1, 5)
		cand.Reasons = append(cand.Reasons, ReasonAlias)
		named = true
	}
	if whole, ok := b.ev.name[c.id]; ok {
		cand.Score += scoreNamePart
		if whole {
			cand.Score += scoreName - scoreNamePart
		}
		cand.Reasons = append(cand.Reasons, ReasonPayerName)
		named = true
	}
	switch {
	case numbered > 0 && numbered == len(invoices):
		cand.Score += scoreNumber
		cand.Reasons = append(cand.Reasons, ReasonNumber)
		named = true
	case numbered > 0:
		cand.Score += scoreNumberAny
		cand.Reasons = append(cand.Reasons, ReasonNumber)
	}
	if len(invoices) > 1 {
		cand.Score -= scoreGroupCost * (len(invoices) - 1)
		cand.Reasons = append(cand.Reasons, fmt.Sprintf("%s %d", ReasonCombined, len(invoices)))
	}
	switch {
	case exact && named:
		cand.Confidence = ConfidenceHigh
	case exact && len(invoices) == 1 && len(b.m.byOpen[b.ev.amount]) == 1,
		cand.Fee > 0 && named:
		cand.Confidence = ConfidenceMedium
	default:
		cand.Confidence = ConfidenceLow
	}
	b.out = append(b.out, cand)
}

// ranked returns the best candidates: score, then confidence, then the
// oldest invoice, then the customer's code.
func (b *builder) ranked() []Candidate {
	rank := map[string]int{ConfidenceHigh: 0, ConfidenceMedium: 1, ConfidenceLow: 2}
	slices.SortStableFunc(b.out, func(x, y Candidate) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(rank[x.Confidence], rank[y.Confidence]); c != 0 {
			return c
		}
		if len(x.Invoices) > 0 && len(y.Invoices) > 0 {
			if c := olderFirst(x.Invoices[0], y.Invoices[0]); c != 0 {
				return c
			}
		}
		return strings.Compare(x.CustomerCode, y.CustomerCode)
	})
	return firstN(b.out, maxCandidates)
}

// HasReason reports whether the candidate was given the reason (a reason
// with a figure matches by its words: HasReason(ReasonFee)).
func (c Candidate) HasReason(reason string) bool {
	for _, r := range c.Reasons {
		if r == reason || strings.HasPrefix(r, reason+" ") {
			return true
		}
	}
	return false
}

// AutoConfirmable reports whether a candidate is certain enough to be
// confirmed without a person looking: one invoice, its exact open amount,
// and a payer name confirmed before (an alias) or its number in the text.
func (c Candidate) AutoConfirmable() bool {
	return c.Confidence == ConfidenceHigh && len(c.Invoices) == 1 && c.Fee == 0 &&
		c.HasReason(ReasonExactAmount) && (c.HasReason(ReasonAlias) || c.HasReason(ReasonNumber))
}
