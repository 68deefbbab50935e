package exchange

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"daicho/store"
)

// Resolver turns DocumentJSON into store.Documents against one database:
// customer and product codes into ids, tax rates into tax categories, the
// numbers in sources into the documents they name (store.ImportDocuments
// checks what each may be made from). Each code and number is looked up once.
type Resolver struct {
	ctx       context.Context
	st        *store.Store
	taxes     store.TaxTable
	rounding  string
	customers map[string]lookup
	products  map[string]lookup
	documents map[string]lookup
	refused   bool // ImportDocuments: a document of the file had a problem
}

// lookup is the result of looking a code up: the id, or the problem.
type lookup struct {
	id  int64
	err *store.Error
}

// NewResolver loads what resolving needs: the tax table and the company's
// tax rounding (to check totals given in the file).
func NewResolver(ctx context.Context, st *store.Store) (*Resolver, error) {
	taxes, err := st.TaxTable(ctx)
	if err != nil {
		return nil, err
	}
	company, err := st.Company(ctx)
	if err != nil {
		return nil, err
	}
	return &Resolver{ctx: ctx, st: st, taxes: taxes, rounding: company.TaxRounding,
		customers: map[string]lookup{}, products: map[string]lookup{}, documents: map[string]lookup{}}, nil
}

// ratePreference is the order in which a tax rate is matched to a category:
// on 2019-09-30 both standard and reduced were 8%, and a plain 8% line then
// was standard.
var ratePreference = []string{store.TaxStandard, store.TaxReduced, store.TaxExempt}

// Resolve turns the documents into store documents ready for
// store.ImportDocuments, each checked with Validate too, so one run reports
// every problem the file has. Problems come back as a store.BatchError with
// the document's position and the key's path in the file (customer_code,
// lines.0.tax_rate); any other error is the database's.
func (r *Resolver) Resolve(js []DocumentJSON) ([]store.Document, error) {
	docs := make([]store.Document, len(js))
	var problems store.BatchError
	for i := range js {
		var errs []*store.Error
		var err error
		if docs[i], errs, err = r.document(js[i]); err != nil {
			return nil, err
		}
		problems = append(problems, rowErrors(i+1, errs)...)
	}
	if len(problems) > 0 {
		return docs, problems
	}
	return docs, nil
}

// document resolves one document; the problems are its own, err is the
// database's.
func (r *Resolver) document(j DocumentJSON) (store.Document, []*store.Error, error) {
	d := store.Document{Kind: j.Kind, Subject: j.Subject, PriceMode: j.PriceMode, Notes: j.Notes}
	var errs []*store.Error
	report := func(field string, e *store.Error) {
		if e != nil {
			errs = append(errs, at(field, e))
		}
	}
	if j.IssueDate != "" {
		var err error
		d.IssueDate, err = store.ParseDate(j.IssueDate)
		report("issue_date", storeError(err))
	}
	errs = append(errs, r.dates(j, &d)...)
	if j.CustomerCode != "" {
		c, err := r.lookup(r.customers, j.CustomerCode, r.customer)
		if err != nil {
			return d, nil, err
		}
		d.CustomerID = c.id
		report("customer_code", c.err)
	}
	lineErrs, err := r.lines(j, &d)
	if err != nil {
		return d, nil, err
	}
	errs = append(errs, lineErrs...)
	sourceErrs, err := r.sources(j, &d)
	if err != nil {
		return d, nil, err
	}
	errs = append(errs, sourceErrs...)
	if len(errs) == 0 {
		errs = r.checkComputed(j, d)
	}
	return d, withValidate(errs, &d), nil
}

// dates reads the dates of the document's kind; a date of another kind is
// refused rather than stored where nothing shows it. An estimate without the
// valid_until key is valid for the month the editor gives a new one
// (store.DefaultValidUntil); "valid_until": "" keeps it without a limit, as
// list documents writes such an estimate.
func (r *Resolver) dates(j DocumentJSON, d *store.Document) []*store.Error {
	if j.Kind == store.KindEstimate && j.ValidUntil == nil && !d.IssueDate.IsZero() {
		d.ValidUntil = store.DefaultValidUntil(d.IssueDate)
	}
	allowed, knownKind := kindDates[j.Kind]
	var errs []*store.Error
	for _, key := range []string{"due_date", "valid_until", "delivery_date", "closing_date"} {
		text, date := dateField(key, &j, d)
		if *text == nil || **text == "" {
			continue
		}
		if knownKind && !slices.Contains(allowed, key) {
			errs = append(errs, store.Invalid(key, "import.not_for_kind", j.Kind))
			continue
		}
		var err error
		if *date, err = store.ParseDate(**text); err != nil {
			errs = append(errs, at(key, storeError(err)))
		}
	}
	return errs
}

// lines resolves product codes and tax rates and parses quantities.
func (r *Resolver) lines(j DocumentJSON, d *store.Document) ([]*store.Error, error) {
	var errs []*store.Error
	d.Lines = make([]store.Line, len(j.Lines))
	for i, lj := range j.Lines {
		field := func(key string) string { return fmt.Sprintf("lines.%d.%s", i, key) }
		l := store.Line{Description: lj.Description, Unit: lj.Unit, UnitPrice: lj.UnitPrice}
		q, err := store.ParseQuantity(string(lj.Quantity))
		if err != nil {
			errs = append(errs, at(field("quantity"), storeError(err)))
		}
		l.Quantity = q
		if lj.ProductCode != "" {
			p, err := r.lookup(r.products, lj.ProductCode, r.product)
			if err != nil {
				return nil, err
			}
			l.ProductID = p.id
			if p.err != nil {
				errs = append(errs, at(field("product_code"), p.err))
			}
		}
		if lj.TaxRate != nil && !d.IssueDate.IsZero() {
			if l.TaxCategory = r.category(*lj.TaxRate, d.IssueDate); l.TaxCategory == "" {
				errs = append(errs, store.Invalid(field("tax_rate"), "import.tax_rate", *lj.TaxRate,
					store.FormatDate(d.IssueDate)))
			}
			l.TaxRate = *lj.TaxRate
		}
		d.Lines[i] = l
	}
	return errs, nil
}

// category is the tax category whose rate on date is rate ("" for none).
func (r *Resolver) category(rate int, date time.Time) string {
	for _, cat := range ratePreference {
		if got, ok := r.taxes.RateOn(cat, date); ok && got == rate {
			return cat
		}
	}
	return ""
}

// sources finds the documents named in sources, each once. A credit note
// corrects the first (store.ImportDocuments refuses more than one); none
// named leaves it to Validate, which says a credit note needs one. What each
// source may be is the store's rule, as for the editor's conversions.
func (r *Resolver) sources(j DocumentJSON, d *store.Document) ([]*store.Error, error) {
	var errs []*store.Error
	seen := map[string]bool{}
	for _, number := range j.Sources {
		if seen[number] {
			errs = append(errs, store.Invalid("sources", "import.source_twice", number))
			continue
		}
		seen[number] = true
		src, err := r.lookup(r.documents, number, r.byNumber)
		if err != nil {
			return nil, err
		}
		if src.err != nil {
			errs = append(errs, at("sources", src.err))
			continue
		}
		d.Sources = append(d.Sources, store.DocRef{ID: src.id, Number: number})
	}
	if d.Kind == store.KindCreditNote && len(d.Sources) > 0 {
		d.CorrectsID = d.Sources[0].ID
	}
	return errs, nil
}

// lookup returns the cached result for key, finding it with find the first
// time.
func (r *Resolver) lookup(cache map[string]lookup, key string, find func(string) (lookup, error)) (lookup, error) {
	if l, ok := cache[key]; ok {
		return l, nil
	}
	l, err := find(key)
	if err != nil {
		return l, err
	}
	cache[key] = l
	return l, nil
}

// customer finds a customer by code; an archived one takes no new
// documents (the editor does not offer it either).
func (r *Resolver) customer(code string) (lookup, error) {
	c, err := r.st.CustomerByCode(r.ctx, code)
	if err == nil && c.Archived {
		return lookup{id: c.ID, err: store.Invalid("", "customer.archived", c.Code)}, nil
	}
	return found(c.ID, err)
}

func (r *Resolver) product(code string) (lookup, error) {
	p, err := r.st.ProductByCode(r.ctx, code)
	return found(p.ID, err)
}

func (r *Resolver) byNumber(number string) (lookup, error) {
	d, err := r.st.DocumentByNumber(r.ctx, number)
	return found(d.ID, err)
}

// storeError is the *store.Error in err (ParseDate and ParseQuantity return
// only those), nil for none.
func storeError(err error) *store.Error {
	e, _ := store.AsError(err)
	return e
}

// at is e reported on field: the store's parsers and lookups report on a
// field of their own, or none.
func at(field string, e *store.Error) *store.Error {
	return store.Invalid(field, e.Reason, e.Args...)
}

// found turns a store lookup into a lookup: a store error (not found) is the
// document's problem, any other error the database's.
func found(id int64, err error) (lookup, error) {
	if err == nil {
		return lookup{id: id}, nil
	}
	if e, ok := store.AsError(err); ok {
		return lookup{err: e}, nil
	}
	return lookup{}, err
}

// checkComputed compares the computed figures the file gives (line amounts,
// taxes, total) with what daicho computes from its lines, so a file whose
// figures were rounded another way is not stored with different ones.
func (r *Resolver) checkComputed(j DocumentJSON, d store.Document) []*store.Error {
	lines := slices.Clone(d.Lines)
	var errs []*store.Error
	for i := range lines {
		amount, err := store.LineAmount(lines[i].Quantity, lines[i].UnitPrice)
		if err != nil {
			return nil // Validate reports it
		}
		lines[i].Amount = amount
		if given := j.Lines[i].Amount; given != nil && *given != amount {
			errs = append(errs, store.Invalid(fmt.Sprintf("lines.%d.amount", i), "import.mismatch", *given, amount))
		}
	}
	mode := d.PriceMode
	if mode == "" {
		mode = store.PriceExclusive
	}
	totals, err := store.ComputeTotals(lines, mode, r.rounding)
	if err != nil {
		return errs
	}
	if j.Taxes != nil && !reflect.DeepEqual(j.Taxes, nonNil(totals.Taxes)) {
		errs = append(errs, store.Invalid("taxes", "import.taxes_mismatch"))
	}
	if j.Total != nil && *j.Total != totals.Total {
		errs = append(errs, store.Invalid("total", "import.mismatch", *j.Total, totals.Total))
	}
	return errs
}

func nonNil(t []store.TaxLine) []store.TaxLine {
	if t == nil {
		return []store.TaxLine{}
	}
	return t
}

// withValidate adds what Validate finds, under the file's keys, to the
// problems already found, leaving out fields that already have one.
func withValidate(errs []*store.Error, d *store.Document) []*store.Error {
	seen := map[string]bool{}
	for _, e := range errs {
		seen[e.Field] = true
	}
	for _, e := range store.FieldErrors(d.Validate()) {
		e = renamed(e)
		if !seen[e.Field] {
			errs = append(errs, e)
			seen[e.Field] = true
		}
	}
	return errs
}

// DocumentProblems names the fields of store.ImportDocuments' problems by
// the file's keys (see renamed).
func DocumentProblems(b store.BatchError) store.BatchError {
	out := make(store.BatchError, len(b))
	for i, re := range b {
		out[i] = store.RowError{Line: re.Line, Err: renamed(re.Err)}
	}
	return out
}

// renamed is e with the store's field name turned into the §8 key the user
// wrote: the store checks customer, corrects, lines.N.tax_category and
// lines.N.product; the file has customer_code, sources, lines.N.tax_rate and
// lines.N.product_code.
func renamed(e *store.Error) *store.Error {
	f := e.Field
	switch {
	case f == "customer":
		f = "customer_code"
	case f == "corrects":
		f = "sources"
	case strings.HasPrefix(f, "lines.") && strings.HasSuffix(f, ".tax_category"):
		f = strings.TrimSuffix(f, "tax_category") + "tax_rate"
	case strings.HasPrefix(f, "lines.") && strings.HasSuffix(f, ".product"):
		f += "_code"
	}
	if f == e.Field {
		return e
	}
	c := *e
	c.Field = f
	return &c
}
