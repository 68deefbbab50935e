package store

import (
	"context"
	"errors"
	"runtime"
	"sort"
	"sync"
)

// CreateCustomers inserts a batch all or nothing: every record is validated
// and checked against the codes in use (and each other) first; if any is bad,
// nothing is written and every problem is returned with its line. lines gives
// each record's line as the user sees it (nil: 1, 2, 3, …).
//
// A batch is first written straight away (insertCustomerBatch), each
// record validated a few batches ahead of SQLite and the check against the
// database being the insert itself: on 100,000 customers (`daicho import
// customers`) one query a customer less, and the validation done while
// SQLite writes. Should a record be invalid or repeated, a code be taken or
// a person in charge be unknown, that transaction rolls back and the batch
// is checked record by record as before, which names every problem.
func (s *Store) CreateCustomers(ctx context.Context, cs []Customer, lines []int) error {
	lineOf := func(i int) int {
		if lines != nil {
			return lines[i]
		}
		return i + 1
	}
	all := func(yield func([]Customer) bool) bool {
		yield(cs)
		return true
	}
	err := s.bulkWrite(ctx, func(tx *Tx) error { return tx.insertCustomerBatch(all) })
	if !errors.Is(err, errCustomerRefused) {
		return err
	}
	problems := validateCustomerBatch(cs, lineOf)
	return s.bulkWrite(ctx, func(tx *Tx) error { // a whole file's customers (see bulkWrite)
		tx.knownStaff = map[string]bool{}
		for i := range cs {
			var exists int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM customers WHERE code = ?`, cs[i].Code).Scan(&exists); err != nil {
				return err
			}
			if exists > 0 {
				problems = append(problems, RowError{lineOf(i), &Error{Code: CodeConflict, Field: "code",
					Reason: "customer.code_taken", Args: []any{cs[i].Code}}})
			}
			if err := tx.checkPersonInCharge(cs[i].PersonInCharge); err != nil {
				e, ok := AsError(err)
				if !ok {
					return err
				}
				problems = append(problems, RowError{lineOf(i), e})
			}
		}
		if len(problems) > 0 {
			sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
			return problems
		}
		for i := range cs {
			if err := tx.insertCustomer(&cs[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// A CustomerSource gives the customers of a batch in order, a slice at a
// time, to yield until yield returns false or all are given, and reports
// whether it gave them all: false when its file holds anything it could
// not read cleanly, which declines the batch.
type CustomerSource func(yield func([]Customer) bool) bool

// ErrBatchDeclined is CreateCustomersFrom's answer when it wrote nothing:
// the source failed, or a record is invalid, repeated or refused by the
// database. The caller reads the file whole, which says what is wrong in
// it, and calls CreateCustomers, which names every other problem.
var ErrBatchDeclined = errors.New("store: the batch was not written; read it whole to see why")

// CreateCustomersFrom writes the customers from gives as one batch while
// from is still reading them (`daicho import customers` of a JSON file: the
// file is read on the core SQLite leaves idle, instead of before the first
// write), and returns how many it wrote. All or nothing, as CreateCustomers:
// anything wrong declines the batch (ErrBatchDeclined) and nothing is
// written.
func (s *Store) CreateCustomersFrom(ctx context.Context, from CustomerSource) (int, error) {
	n := 0
	counted := func(yield func([]Customer) bool) bool {
		return from(func(cs []Customer) bool {
			n += len(cs)
			return yield(cs)
		})
	}
	err := s.bulkWrite(ctx, func(tx *Tx) error {
		if err := tx.insertCustomerBatch(counted); err != nil {
			return err
		}
		if n == 0 {
			return errCustomerRefused // an empty file is refused, and CreateCustomers says so
		}
		return nil
	})
	if errors.Is(err, errCustomerRefused) {
		return 0, ErrBatchDeclined
	}
	if err != nil {
		return 0, err
	}
	return n, nil
}

// validateCustomerBatch validates (and so normalises) every record and
// refuses a code given twice: the problems found without the database.
func validateCustomerBatch(cs []Customer, lineOf func(int) int) BatchError {
	errs := validateAll(cs)
	var problems BatchError
	seen := make(map[string]int, len(cs))
	for i := range cs {
		for _, fe := range FieldErrors(errs[i]) {
			problems = append(problems, RowError{lineOf(i), fe})
		}
		if cs[i].Code == "" {
			continue
		}
		if first, dup := seen[cs[i].Code]; dup {
			problems = append(problems, RowError{lineOf(i), &Error{Code: CodeConflict, Field: "code",
				Reason: "customer.code_repeated", Args: []any{cs[i].Code, first}}})
		} else {
			seen[cs[i].Code] = lineOf(i)
		}
	}
	return problems
}

// errCustomerRefused says insertCustomerBatch met a record the database
// refuses (a code in use, a person in charge unknown): CreateCustomers then
// checks the batch record by record to say which.
var errCustomerRefused = errors.New("a customer of the batch is refused")

// validateAll validates every record, each record's error at its index. A
// large batch is shared among the processors: a record's Validate touches
// nothing but the record.
func validateAll(cs []Customer) []error {
	errs := make([]error, len(cs))
	workers := min(runtime.GOMAXPROCS(0), len(cs)/1000+1)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w * len(cs) / workers; i < (w+1)*len(cs)/workers; i++ {
				errs[i] = cs[i].Validate()
			}
		})
	}
	wg.Wait()
	return errs
}
