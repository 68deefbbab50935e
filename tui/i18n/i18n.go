// Package i18n holds every sentence daicho shows a person, in English and
// Japanese, and turns store errors into those sentences. The TUI and the CLI
// both print through a Printer, so a message is written once per language.
package i18n

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"daicho/store"
)

// Lang is a UI language.
type Lang string

const (
	EN Lang = "en"
	JA Lang = "ja"
)

// Printer renders messages in one language.
type Printer struct{ Lang Lang }

// New returns a printer for lang; an unknown language falls back to English.
func New(lang Lang) Printer {
	if lang != JA {
		lang = EN
	}
	return Printer{Lang: lang}
}

// Detect picks the language: the flag if given, else Japanese when LC_ALL,
// LC_MESSAGES or LANG (the first one set) names ja_*, else English.
func Detect(flag string) (Lang, error) {
	switch flag {
	case "en", "ja":
		return Lang(flag), nil
	case "":
	default:
		return EN, fmt.Errorf("unknown language %q (use en or ja)", flag)
	}
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			if strings.HasPrefix(s, "ja") {
				return JA, nil
			}
			return EN, nil
		}
	}
	return EN, nil
}

// T returns the message for key with args filled in (fmt verbs). A key missing
// from the language falls back to English, then to the key itself, so a gap
// shows as a readable key instead of nothing.
func (p Printer) T(key string, args ...any) string {
	format, ok := lookup(p.Lang, key)
	if !ok {
		if format, ok = lookup(EN, key); !ok {
			format = key
		}
	}
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// N returns the message that counts n things: key.one when n is 1, else
// key.other ("1 invoice", "0 invoices", "7 invoices"), with args filled in as
// T does. n only picks the form: a message that shows the count takes it in
// args too. Japanese has no plural, so its .one and .other say the same.
func (p Printer) N(key string, n int, args ...any) string {
	if n == 1 {
		return p.T(key+".one", args...)
	}
	return p.T(key+".other", args...)
}

// Field returns the label of a store field name; "bank_accounts.1.bank" reads
// as the bank label with the account's number (2), and a document line's
// "lines.1.quantity" as "Line 2: Quantity".
func (p Printer) Field(name string) string {
	if rest, ok := strings.CutPrefix(name, "bank_accounts."); ok {
		idx, sub, _ := strings.Cut(rest, ".")
		n, _ := strconv.Atoi(idx)
		return fmt.Sprintf("%s (%d)", p.T("field."+sub), n+1)
	}
	if rest, ok := strings.CutPrefix(name, "lines."); ok {
		idx, sub, _ := strings.Cut(rest, ".")
		if n, err := strconv.Atoi(idx); err == nil && sub != "" {
			return p.T("field.line", n+1, p.T("field."+sub))
		}
	}
	return p.T("field." + name)
}

// Reason returns the sentence for one store error, without the field label:
// for the message shown under the field that is at fault.
func (p Printer) Reason(e *store.Error) string {
	return p.T("err."+e.Reason, e.Args...)
}

// Error returns a plain sentence for any error: the field label and reason for
// store errors (every one of a list), the error's own text for anything else.
func (p Printer) Error(err error) string {
	if err == nil {
		return ""
	}
	var batch store.BatchError
	if errors.As(err, &batch) {
		lines := make([]string, 0, len(batch))
		for _, re := range batch {
			lines = append(lines, p.T("err.at_line", re.Line, p.one(re.Err)))
		}
		return strings.Join(lines, "\n")
	}
	if fes := store.FieldErrors(err); len(fes) > 0 {
		parts := make([]string, 0, len(fes))
		for _, fe := range fes {
			parts = append(parts, p.one(fe))
		}
		return strings.Join(parts, "; ")
	}
	return p.T("err.unexpected", err.Error())
}

func (p Printer) one(e *store.Error) string {
	if e.Field == "" {
		return p.Reason(e)
	}
	return p.Field(e.Field) + ": " + p.Reason(e)
}

// Violation says one broken ledger rule that `daicho check` found: in the
// user's language when the store gives a message key (the field's label
// first when it names one), else the store's own sentence.
func (p Printer) Violation(v store.Violation) string {
	if v.Reason == "" {
		return v.Text
	}
	args := v.Args
	if v.Field != "" {
		args = append([]any{p.Field(v.Field)}, args...)
	}
	return p.T("err."+v.Reason, args...)
}

// MatchReason says one reason of a reconciliation candidate in words. The
// store gives reasons as stable English phrases, some ending in a figure
// ("fee deducted 880"): the phrase picks the message, the figure fills it.
func (p Printer) MatchReason(r string, cur store.Currency) string {
	base, figure := r, int64(-1)
	if i := strings.LastIndexByte(r, ' '); i > 0 {
		if n, err := strconv.ParseInt(r[i+1:], 10, 64); err == nil {
			base, figure = r[:i], n
		}
	}
	key := "match.reason." + strings.ReplaceAll(base, " ", "_")
	switch {
	case figure < 0:
		return p.T(key)
	case base == store.ReasonCombined:
		return p.T(key, fmt.Sprint(figure))
	default:
		return p.T(key, store.Money(figure).Format(cur))
	}
}
