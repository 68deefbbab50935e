package store

import (
	"regexp"
	"sync"
)

// Costly package state is built on first use, not at start-up: every command
// — even `daicho version`, which never opens a ledger — runs this package's
// initialisation, and its regular expressions (lazyRegexp) and SQL record
// encodings (lazyEncoding, record_hash.go) were ~1,800 of its ~1,900
// allocations and most of its ~1.5 ms when built up front (issue 17).

// lazyRegexp compiles expr the first time the returned function is called.
// The expressions are constants, so a mistake in one still panics in the
// first test that uses it (and TestLazyRegexpsCompile calls every one).
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
