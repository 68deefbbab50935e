package i18n

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// The catalogs are checked against the code that uses them: every key the
// store or the UI asks for must exist in both languages, with the same
// arguments.

var catalogNames = map[string]map[string]string{"en": en, "ja": ja}

// sources returns the contents of the Go files matching the globs (relative to
// this package), test files left out.
func sources(t *testing.T, globs ...string) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, g := range globs {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			out[f] = string(b)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no source files match %q", globs)
	}
	return out
}

// matches returns every distinct non-empty submatch of re in the sources,
// with the file it was found in.
func matches(srcs map[string]string, re *regexp.Regexp) map[string]string {
	found := map[string]string{}
	for file, src := range srcs {
		for _, m := range re.FindAllStringSubmatch(src, -1) {
			for _, g := range m[1:] {
				if g != "" {
					found[g] = file
				}
			}
		}
	}
	return found
}

// requireKeys fails for every key missing from a catalog: prefix+key, or with
// suffixes, prefix+key+suffix for each of them (the forms of a plural key).
func requireKeys(t *testing.T, keys map[string]string, prefix string, suffixes ...string) {
	t.Helper()
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(suffixes) == 0 {
		suffixes = []string{""}
	}
	for _, k := range names {
		for lang, cat := range catalogNames {
			for _, suffix := range suffixes {
				if _, ok := cat[prefix+k+suffix]; !ok {
					t.Errorf("%s: %q has no %s entry (used in %s)", lang, prefix+k+suffix, lang, keys[k])
				}
			}
		}
	}
}

func TestCatalogsHaveTheSameKeys(t *testing.T) {
	if len(en) < 100 {
		t.Fatalf("the en catalog has only %d keys", len(en))
	}
	for key := range en {
		if _, ok := ja[key]; !ok {
			t.Errorf("ja lacks %q", key)
		}
	}
	for key := range ja {
		if _, ok := en[key]; !ok {
			t.Errorf("en lacks %q", key)
		}
	}
	for lang, cat := range catalogNames {
		for key, msg := range cat {
			if strings.TrimSpace(msg) == "" {
				t.Errorf("%s: %q is empty", lang, key)
			}
			// N reads both forms of a plural key.
			if stem, ok := strings.CutSuffix(key, ".one"); ok {
				if _, ok := cat[stem+".other"]; !ok {
					t.Errorf("%s: %q has no %q", lang, key, stem+".other")
				}
			}
		}
	}
}

// A count is said in proper English ("1 invoice", "2 invoices", through N),
// not "invoice(s)". An old "(s)" message whose .one/.other forms exist is
// only kept until its last caller moves to N.
func TestNoParenthesisedPlurals(t *testing.T) {
	for key, msg := range en {
		if _, replaced := en[key+".one"]; strings.Contains(msg, "(s)") && !replaced {
			t.Errorf("en %q says %q: give it .one and .other forms and print it with N", key, msg)
		}
	}
}

func TestPluralForms(t *testing.T) {
	for _, tc := range []struct {
		lang Lang
		n    int
		want string
	}{
		{EN, 0, "0 allocations recorded."},
		{EN, 1, "1 allocation recorded."},
		{EN, 2, "2 allocations recorded."},
		{JA, 1, "1件を消し込みました。"},
		{JA, 2, "2件を消し込みました。"},
	} {
		if got := New(tc.lang).N("pay.allocated", tc.n, tc.n); got != tc.want {
			t.Errorf("%s N(pay.allocated, %d) = %q, want %q", tc.lang, tc.n, got, tc.want)
		}
	}
	// A clause with a count of its own goes in as an argument.
	p := New(EN)
	got := p.N("cli.bill.made_issued", 1, "2026-12", 1, p.N("cli.bill.were_left_alone", 3, 3))
	if want := "Billing run for 2026-12: made and issued 1 invoice; 3 contract periods billed before were left alone."; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// storeReason finds the reason keys the store hands out in its errors:
//
//	Invalid("", "money.empty")            Invalid(field, "…")
//	ck.add("code", "required")            c.add(field, "too_long", max)
//	ck.add(f("number"), "account.number") Reason: "customer.not_found"
//	bad("import.missing_column", key)     (store/exchange's header checks)
var storeReason = regexp.MustCompile(`(?:\bInvalid|\.add)\(\s*(?:"[^"]*"|\w+|\w+\("[^"]*"\))\s*,\s*"([^"]+)"|\bReason:\s*"([^"]+)"|\bbad\(\s*"([^"]+)"`)

func TestEveryStoreReasonHasAMessage(t *testing.T) {
	reasons := matches(sources(t, "../../store/*.go", "../../store/*/*.go"), storeReason)
	if len(reasons) < 20 {
		t.Fatalf("found only %d reason keys in store/*.go: %v; has the pattern gone stale?", len(reasons), reasons)
	}
	for _, want := range []string{"required", "account.number", "day.range", "customer.code_taken", "db.damaged",
		"regno.check_digit", "import.int", "import.missing_column"} {
		if _, ok := reasons[want]; !ok {
			t.Errorf("the pattern missed reason %q", want)
		}
	}
	requireKeys(t, reasons, "err.")
}

// checkReason finds the message keys of what `daicho check` reports
// (store.Violation): literals "check.…" in the check's Go code and
// 'check.…' in its SQL.
var checkReason = regexp.MustCompile(`["'](check\.[a-z_]+)["']`)

func TestEveryCheckReasonHasAMessage(t *testing.T) {
	reasons := matches(sources(t, "../../store/check*.go"), checkReason)
	for _, want := range []string{"check.chain_broken", "check.document_changed", "check.payment_missing",
		"check.credit_note_customer", "check.bank_line_date"} {
		if _, ok := reasons[want]; !ok {
			t.Errorf("the pattern missed reason %q", want)
		}
	}
	requireKeys(t, reasons, "err.")
}

// storeField finds the field names the store's checks report, which the UI
// shows through their "field." label: ck.line("name", …), ck.add("code", …),
// and the bank account sub-fields f("bank").
var storeField = regexp.MustCompile(`\bck\.\w+\(\s*"([a-z0-9_]+)"|\bf\("([a-z0-9_]+)"\)`)

func TestEveryStoreFieldHasALabel(t *testing.T) {
	fields := matches(sources(t, "../../store/customer.go", "../../store/company.go"), storeField)
	if len(fields) < 25 {
		t.Fatalf("found only %d field names: %v", len(fields), fields)
	}
	requireKeys(t, fields, "field.")
}

// uiKey finds keys passed as literals to the printer: p.T("key", e.p.T("key",
// T("key". A literal that is only the start of a key ("terms." + kind) is
// captured with the + and skipped.
var uiKey = regexp.MustCompile(`\bT\(\s*"([^"]*)"(\s*\+)?`)

// pluralKey finds keys passed as literals to the printer's plural lookup:
// p.N("key", n, …), which reads "key.one" or "key.other".
var pluralKey = regexp.MustCompile(`\bN\(\s*"([^"]*)"(\s*\+)?`)

// uiKeyIndirect finds literal keys that reach T through a helper: key
// bindings, placeholder screens and the detail view's label rows.
var uiKeyIndirect = regexp.MustCompile(`\bbind\(\w+,\s*"[^"]*",\s*"([^"]+)"|newLaterScreen\(\w+,\s*"([^"]+)",\s*"([^"]+)"|\{"((?:field|customers)\.[a-z0-9_]+)",`)

func TestEveryUIKeyExists(t *testing.T) {
	srcs := sources(t, "../*.go", "i18n.go")
	if _, err := os.Stat("../../main.go"); err == nil {
		for f, s := range sources(t, "../../main.go") {
			srcs[f] = s
		}
	}
	keys := map[string]string{}
	for file, src := range srcs {
		for _, m := range uiKey.FindAllStringSubmatch(src, -1) {
			key := m[1]
			if m[2] != "" || key == "" || strings.HasSuffix(key, ".") || strings.HasSuffix(key, "_") {
				continue // built by concatenation
			}
			keys[key] = file
		}
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d keys in T(\"…\") calls", len(keys))
	}
	requireKeys(t, keys, "")

	// A key counted through N needs both of its forms.
	plurals := map[string]string{}
	for file, src := range srcs {
		for _, m := range pluralKey.FindAllStringSubmatch(src, -1) {
			if m[2] == "" && m[1] != "" {
				plurals[m[1]] = file
			}
		}
	}
	if len(plurals) == 0 {
		t.Fatal("found no keys in N(\"…\", n) calls; has the pattern gone stale?")
	}
	requireKeys(t, plurals, "", ".one", ".other")

	indirect := matches(srcs, uiKeyIndirect)
	if len(indirect) < 20 {
		t.Fatalf("found only %d keys passed through helpers: %v", len(indirect), indirect)
	}
	requireKeys(t, indirect, "")

	// Keys the UI builds from a store value: every value must have its text.
	built := map[string]string{}
	for _, k := range []string{
		"terms.holiday_keep", "terms.holiday_previous", "terms.holiday_next", // "terms.holiday_" + HolidayRule
		"terms.pay_month0", "terms.pay_month1", "terms.pay_month2", "terms.pay_month3", // months deferred 0–3
		"terms.closing_end", "terms.closing_day", "terms.payment_end", "terms.payment_day",
	} {
		built[k] = "tui/customer_detail.go"
	}
	requireKeys(t, built, "")
}

// verb matches one fmt verb: %d, %5.2f, %[2]s, %-10v. %% is not a verb.
var verb = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*\d*(?:\.\d+)?([a-zA-Z])`)

func verbs(msg string) [][]string {
	return verb.FindAllStringSubmatch(strings.ReplaceAll(msg, "%%", ""), -1)
}

// sampleArgs returns arguments of the right type for the verbs in msg, so a
// message can be formatted as the code would.
func sampleArgs(msg string) []any {
	var args []any
	next := 0
	for _, v := range verbs(msg) {
		i := next
		if v[1] != "" {
			fmt.Sscan(v[1], &i)
			i--
		}
		next = i + 1
		for len(args) <= i {
			args = append(args, nil)
		}
		switch v[2] {
		case "d", "x", "c":
			args[i] = 7
		case "f", "g", "e":
			args[i] = 1.5
		default:
			args[i] = "text"
		}
	}
	return args
}

func TestFormatVerbsMatch(t *testing.T) {
	withArgs := 0
	for key, e := range en {
		j, ok := ja[key]
		if !ok {
			continue // reported by TestCatalogsHaveTheSameKeys
		}
		if ne, nj := len(verbs(e)), len(verbs(j)); ne != nj {
			t.Errorf("%q: en has %d format verbs, ja has %d\n en: %s\n ja: %s", key, ne, nj, e, j)
			continue
		}
		args := sampleArgs(e)
		if len(args) == 0 {
			continue
		}
		withArgs++
		for lang, msg := range map[string]string{"en": e, "ja": j} {
			if out := fmt.Sprintf(msg, args...); strings.Contains(out, "%!") {
				t.Errorf("%s %q with the arguments en takes: %s", lang, key, out)
			}
		}
	}
	if withArgs < 10 {
		t.Errorf("only %d messages take arguments; is the verb pattern right?", withArgs)
	}
}

func TestVerbPattern(t *testing.T) {
	for msg, want := range map[string]int{
		"no verbs":                       0,
		"100%% sure":                     0,
		"line %d: %s":                    2,
		"closes %[1]s, paid %[3]s %[2]s": 3,
		"%-10v and %5.2f":                2,
	} {
		if got := len(verbs(msg)); got != want {
			t.Errorf("verbs(%q) = %d, want %d", msg, got, want)
		}
	}
}

// The closing run's counts (issue 16 loose ends) take the plural they need
// on the screen and on the command line, in both languages.
func TestClosingRunPlurals(t *testing.T) {
	en, ja := New(EN), New(JA)
	for _, tt := range []struct {
		p    Printer
		key  string
		n    int
		args []any
		want string
	}{
		{en, "close.notes", 1, []any{1}, "1 note"},
		{en, "close.notes", 2, []any{2}, "2 notes"},
		{en, "close.contracts", 1, []any{1}, "1 contr."},
		{en, "close.sent", 1, []any{1, 0}, "Mailed 1 customer; 0 in the print pack."},
		{en, "close.sent", 0, []any{0, 1}, "Mailed 0 customers; 1 in the print pack."},
		{en, "cli.close.delivery_notes", 1, []any{1}, "1 delivery note"},
		{en, "cli.close.delivery_notes", 0, []any{0}, "0 delivery notes"},
		{en, "cli.close.contracts", 1, []any{1}, "1 contract"},
		{en, "cli.close.contracts", 3, []any{3}, "3 contracts"},
		{en, "cli.close.pack", 1, []any{1, "p.pdf"}, "  print pack for 1 customer: p.pdf"},
		{en, "cli.close.pack", 2, []any{2, "p.pdf"}, "  print pack for 2 customers: p.pdf"},
		{ja, "close.notes", 2, []any{2}, "納品2"},
		{ja, "cli.close.contracts", 1, []any{1}, "契約 1 件"},
		{ja, "close.sent", 1, []any{1, 2}, "1件の顧客にメールしました。郵送分 2 件を印刷用一式にまとめました。"},
	} {
		if got := tt.p.N(tt.key, tt.n, tt.args...); got != tt.want {
			t.Errorf("N(%s, %d) = %q, want %q", tt.key, tt.n, got, tt.want)
		}
	}
	if got := en.T("close.sources", en.N("close.notes", 1, 1), en.N("close.contracts", 1, 1)); got != "1 note 1 contr." {
		t.Errorf("close.sources = %q", got)
	}
}
