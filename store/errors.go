package store

import (
	"errors"
	"fmt"
)

// Code classifies a store error so callers can react without parsing text.
type Code string

const (
	CodeNotFound Code = "not_found" // the record does not exist
	CodeInvalid  Code = "invalid"   // user input broke a rule; Field names the input
	CodeConflict Code = "conflict"  // the change clashes with existing data (duplicate code, …)
	CodeLocked   Code = "locked"    // the database stayed busy past the timeout
	CodeFull     Code = "full"      // the disk is full: the transaction was rolled back
)

// Error is the one error type the store returns for problems a user can act on.
// Reason is a stable message key (e.g. "money.fraction") that the UI catalogs in
// tui/i18n turn into a sentence in the user's language, with Args filled in.
// Field is the JSON key of the input at fault (e.g. "postal_code"), or "".
type Error struct {
	Code   Code
	Field  string
	Reason string
	Args   []any
}

func (e *Error) Error() string {
	if e.Field != "" {
		return fmt.Sprintf("%s: %s %v", e.Field, e.Reason, e.Args)
	}
	return fmt.Sprintf("%s %v", e.Reason, e.Args)
}

// Invalid reports input that breaks a rule on one field.
func Invalid(field, reason string, args ...any) *Error {
	return &Error{Code: CodeInvalid, Field: field, Reason: reason, Args: args}
}

// AsError returns the *Error inside err, if there is one.
func AsError(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Errors collects several field errors found in one validation pass, so a form
// can mark every bad field at once instead of one per save attempt.
type Errors []*Error

func (es Errors) Error() string {
	if len(es) == 0 {
		return "no errors"
	}
	s := es[0].Error()
	if len(es) > 1 {
		s += fmt.Sprintf(" (and %d more)", len(es)-1)
	}
	return s
}

// OrNil returns nil when no error was collected, so callers can `return errs.OrNil()`.
func (es Errors) OrNil() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// FieldErrors flattens err into field errors: an Errors list, a single *Error,
// or nothing when err carries no field information.
func FieldErrors(err error) []*Error {
	var es Errors
	if errors.As(err, &es) {
		return es
	}
	if e, ok := AsError(err); ok {
		return []*Error{e}
	}
	return nil
}

// Codes for problems with the database file itself, reported by Open.
const (
	CodeDamaged   Code = "damaged"    // quick_check failed: restore a backup
	CodeTooNew    Code = "too_new"    // written by a newer daicho
	CodeNotDaicho Code = "not_daicho" // another program's SQLite database
)
