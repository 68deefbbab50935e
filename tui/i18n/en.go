package i18n

// en is the English catalog. Keys: err.* store error reasons, field.* field
// labels, and one prefix per screen or command.
var en = map[string]string{
	// TUI: tabs, screens, keys.
	"tab.customers":                "Customers",
	"tab.contracts":                "Contracts",
	"tab.documents":                "Documents",
	"tab.payments":                 "Payments",
	"tab.overdue":                  "Overdue",
	"tab.reports":                  "Reports",
	"later.contracts":              "Contracts, renewals and the monthly billing run come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.documents":              "Estimates, delivery notes and invoices come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.payments":               "Payments and bank-file reconciliation come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.overdue":                "The overdue list and reminders come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"later.reports":                "Sales, margin and aging reports come in a later release of daicho. This screen holds their place; nothing here is stored yet.",
	"loading":                      "Loading…",
	"confirm.keys":                 "y / enter: yes    n / esc: no",
	"confirm.discard":              "Discard your unsaved changes?",
	"confirm.quit_unsaved":         "You have unsaved changes. Quit and discard them?",
	"customers.title":              "Customers",
	"customers.count":              "%d of %d",
	"customers.sorted_by":          "sorted by %s",
	"customers.with_archived":      "(archived shown)",
	"customers.filter_hint":        "/ to filter by code, name, kana, phone or email",
	"customers.filter_placeholder": "type to filter (kana in either script)",
	"customers.empty":              "No customers yet. Press n to add the first one.",
	"customers.col_person":         "In charge",
	"customers.new_title":          "New customer",
	"customers.edit_title":         "Edit customer %s",
	"customers.code_hint":          "suggested; change it if you like",
	"customers.kana_hint":          "reading, used for sorting",
	"customers.day_hint":           "1–28, or 31 = month end",
	"customers.honorific_none":     "none",
	"customers.created":            "Customer %s added.",
	"customers.saved":              "Customer %s saved.",
	"customers.not_saved":          "Not saved: correct the fields marked ✗ (ctrl+s to try again).",
	"customers.confirm_archive":    "Archive %s %s?\nIt leaves the lists but keeps all its records.",
	"customers.confirm_restore":    "Restore %s %s to the lists?",
	"customers.archived":           "Customer %s archived.",
	"customers.restored":           "Customer %s restored.",
	"customers.archived_mark":      "[archived]",
	"customers.terms":              "Payment terms",
	"terms.format":                 "closes %[1]s, paid %[3]s %[2]s",
	"terms.closing_end":            "at month end",
	"terms.closing_day":            "on day %d",
	"terms.payment_end":            "at the end of",
	"terms.payment_day":            "on day %d of",
	"terms.pay_month0":             "the same month",
	"terms.pay_month1":             "the next month",
	"terms.pay_month2":             "the month after next",
	"terms.pay_month3":             "the third month",
	"terms.holiday_next":           "next business day",
	"terms.holiday_previous":       "previous business day",
	"terms.holiday_keep":           "keep the date",
	"setup.edit_title":             "Company settings: printed on every document from now on (documents already issued keep what they printed).",
	"setup.saved":                  "Company settings saved.",
	"key.settings":                 "company settings",
	"setup.edit_tab":               "Company settings",
	"setup.tab":                    "Company setup",
	"setup.title":                  "Welcome to daicho. First, your company: it is printed on every document.",
	"setup.name_hint":              "as printed on invoices",
	"setup.regno_hint":             "needed for qualified invoices",
	"setup.bank_hint":              "printed on invoices (optional)",
	"setup.month":                  "%d",
	"setup.round_floor":            "round down",
	"setup.round_half_up":          "round half up",
	"setup.round_ceil":             "round up",
	"setup.account_ordinary":       "ordinary",
	"setup.account_current":        "current",
	"setup.account_savings":        "savings",
	"setup.not_saved":              "Not saved: correct the fields marked ✗ (ctrl+s to try again).",
	"err.number":                   "enter a number",
	"key.next_screen":              "next screen",
	"key.prev_screen":              "previous screen",
	"key.jump":                     "go to screen",
	"key.help":                     "more keys",
	"key.quit":                     "quit",
	"key.up":                       "up",
	"key.down":                     "down",
	"key.top":                      "first",
	"key.bottom":                   "last",
	"key.page_up":                  "page up",
	"key.page_down":                "page down",
	"key.filter":                   "filter",
	"key.open":                     "open",
	"key.new":                      "new",
	"key.edit":                     "edit",
	"key.archive":                  "archive",
	"key.sort":                     "sort",
	"key.show_archived":            "show archived",
	"key.back":                     "back",
	"key.filter_apply":             "keep filter",
	"key.filter_clear":             "clear filter",
	"key.next_field":               "next field",
	"key.prev_field":               "previous field",
	"key.choose":                   "choose",
	"key.save":                     "save",
	"key.cancel":                   "cancel",
	"key.yes":                      "yes",
	"key.no":                       "no",

	// Store errors (the Reason of store.Error).
	"err.required":               "required",
	"err.too_long":               "at most %d characters",
	"err.control_chars":          "contains control characters",
	"err.one_line":               "must be on one line",
	"err.choice":                 "must be one of: %s",
	"err.range":                  "must be from %d to %d",
	"err.day.range":              "must be a day from %d to %d, or %d for the month's end",
	"err.postal.format_jp":       "use the form 123-4567",
	"err.phone.format":           "use digits with - ( ) or a leading + (at least 6 digits)",
	"err.email.format":           "not an email address (name@example.jp)",
	"err.kana.format":            "use kana (or Latin letters) only, not kanji",
	"err.code.format":            "use up to 16 letters, digits, - or _",
	"err.currency.unknown":       "unknown currency",
	"err.account.number":         "use up to 8 digits",
	"err.regno.format":           "use T followed by 13 digits (T1234567890123)",
	"err.regno.check_digit":      "the check digit does not match: check the number",
	"err.money.empty":            "enter an amount",
	"err.money.syntax":           "not an amount (e.g. 12,345)",
	"err.money.fraction":         "this currency has %d decimal places",
	"err.money.overflow":         "amount is too large",
	"err.quantity.empty":         "enter a quantity",
	"err.quantity.syntax":        "not a quantity (e.g. 1.5)",
	"err.quantity.decimals":      "at most 3 decimal places",
	"err.quantity.overflow":      "quantity is too large",
	"err.customer.not_found":     "no customer %v",
	"err.customer.code_taken":    "code %s is already used by another customer",
	"err.customer.code_repeated": "code %s appears twice in this file (first at line %d)",
	"err.company.not_set":        "the company has not been set up yet",
	"err.changed_since_opened":   "someone else saved this record after you opened it: reload it and make your change again",
	"err.db.locked":              "the database is busy (another daicho is writing): try again",
	"err.db.damaged":             "the database file %s is damaged (%s). Nothing was written. Restore it from a backup copy, or open another file with --db",
	"err.db.too_new":             "the database file %s was written by a newer daicho (schema %d; this program knows %d). Install the newer daicho to open it",
	"err.db.not_daicho":          "%s is an SQLite database of another program, not a daicho ledger. Nothing was written. Choose another file with --db",
	"err.at_line":                "line %d: %s",
	"err.unexpected":             "unexpected error: %s",

	// Field labels.
	"field.code":                "Code",
	"field.name":                "Name",
	"field.kana":                "Kana reading",
	"field.honorific":           "Honorific",
	"field.postal_code":         "Postal code",
	"field.address1":            "Address",
	"field.address2":            "Address (building)",
	"field.department":          "Department",
	"field.contact":             "Contact person",
	"field.email":               "Email",
	"field.phone":               "Phone",
	"field.closing_day":         "Closing day",
	"field.months_deferred":     "Months deferred",
	"field.payment_day":         "Payment day",
	"field.holiday_rule":        "If a holiday",
	"field.registration_number": "Registration no.",
	"field.language":            "Document language",
	"field.person_in_charge":    "Person in charge",
	"field.notes":               "Notes",
	"field.archived":            "Archived",
	"field.fiscal_year_start":   "Fiscal year starts (month)",
	"field.currency":            "Currency",
	"field.tax_rounding":        "Tax rounding",
	"field.bank":                "Bank",
	"field.branch":              "Branch",
	"field.account_type":        "Account type",
	"field.number":              "Account number",
	"field.holder_kana":         "Account holder (kana)",

	// CLI (main.go) and imports.
	"cli.usage": `daicho — a keyboard-driven sales ledger for a small office.

Usage:
  daicho                           open the ledger (the full-screen TUI)
  daicho --demo                    try it on a throwaway demo database, removed on exit
  daicho demo [--size small|large] [--force]
                                   fill the database with demo data
  daicho list customers [--format table|csv|json] [--archived]
                                   print the customer master on stdout
  daicho import customers FILE     add customers from a CSV or JSON file
  daicho version                   print the version
  daicho help                      print this help

Flags for every command (before or after it):
  --db PATH     the database file; else $DAICHO_DB, else
                $XDG_DATA_HOME/daicho/daicho.db (~/.local/share/daicho/daicho.db)
  --lang en|ja  the language of messages; else ja when LANG is ja_*, else en

demo: small adds 40 customers, large 10,000, and a fictional company.
  A database that already holds data is refused, unless --force: then
  company settings already there are kept, and the demo customers are added
  with codes after the highest code in use. Nothing is overwritten.

list customers: archived customers are left out unless --archived, in
  every format. table (the default) shows code, name, kana, phone and person
  in charge, aligned for Japanese text; csv and json hold every field, with
  the keys below. In csv, a cell starting with = + - @ gets a leading ' so a
  spreadsheet does not run it as a formula; import removes it again.

import customers FILE: CSV (UTF-8 or Shift_JIS) whose header row names the
  keys, in any order, code and name required:
    code, name, kana, honorific, postal_code, address1, address2,
    department, contact, email, phone, closing_day, months_deferred,
    payment_day, holiday_rule, registration_number, language,
    person_in_charge, notes, archived
  or JSON (what list --format json prints). FILE - reads standard input.
  Every row is checked first: if any is wrong, nothing is imported and each
  problem is listed with its line. Codes already in use are reported, never
  overwritten.

Exit status: 0 done, 1 a problem to fix (the message says what), 2 bad usage.
`,
	"cli.usage_short":             "usage: daicho [--db PATH] [--lang en|ja] [--demo] [demo|list|import|version|help] …\nRun daicho help for the commands.\n",
	"cli.unknown_command":         "unknown command %q",
	"cli.unexpected_arg":          "unexpected argument %q",
	"cli.bad_lang":                "unknown language %q (use en or ja)",
	"cli.demo_flag_alone":         "--demo opens the TUI on a throwaway database and takes no command",
	"cli.version":                 "daicho %s (database schema %d)",
	"cli.no_home":                 "cannot find your home folder to keep the database in: name the file with --db PATH or $DAICHO_DB",
	"cli.demo.temp":               "cannot make a temporary folder for the demo database: %v",
	"cli.demo.bad_size":           "unknown size %q (use small or large)",
	"cli.demo.has_data":           "%s already holds data (company settings or customers), so nothing was changed. To add the demo customers anyway, run daicho demo --force (your company settings are kept); to try daicho without touching this file, run daicho --demo",
	"cli.demo.done":               "added %d demo customers to %s",
	"cli.list.what":               "list what? This version lists customers: daicho list customers",
	"cli.list.unknown":            "cannot list %q: this version lists customers only",
	"cli.list.bad_format":         "unknown format %q (use table, csv or json)",
	"cli.list.archived_mark":      "archived",
	"cli.list.empty":              "no customers to list",
	"cli.import.what":             "import what? This version imports customers: daicho import customers FILE",
	"cli.import.unknown":          "cannot import %q: this version imports customers only",
	"cli.import.need_file":        "name the file to import: daicho import customers FILE (CSV or JSON)",
	"cli.import.read":             "cannot read %s: %v",
	"cli.import.stdin":            "standard input",
	"cli.import.problems":         "%s: %d problem(s); nothing was imported:",
	"cli.import.record":           "record %d: %s",
	"cli.import.fix":              "Fix the file and run the import again.",
	"cli.import.done":             "imported %d customers from %s",
	"err.import.too_large":        "%s is larger than %d MB: is it the right file?",
	"err.import.encoding":         "%s is neither UTF-8 nor Shift_JIS text: save it as CSV (UTF-8) and try again",
	"err.import.empty":            "%s holds no customers",
	"err.import.int":              "%s is not a whole number",
	"err.import.bool":             "%s is not true or false",
	"err.import.unknown_column":   "unknown column %s in the header; the columns are: %s",
	"err.import.duplicate_column": "the column %s appears twice in the header",
	"err.import.missing_column":   "the header has no %s column, which is required",
	"err.import.field_count":      "this row has %d cells but the header has %d",
	"err.import.unnamed_column":   "cell %d has a value, but its column has no name in the header",
	"err.import.csv_quote":        "a quoted cell is never closed (a \" is missing)",
	"err.import.csv_bare_quote":   "a \" inside a cell without quotes: put the cell in quotes and write the \" twice",
	"err.import.csv_syntax":       "the CSV cannot be read here: %s",
	"err.import.json_array":       "the file must hold a JSON array of customers: [{…}, {…}]",
	"err.import.json_record":      "this record is not an object {…}",
	"err.import.json_text":        "must be text in quotes",
	"err.import.unknown_key":      "unknown key %s; the keys are: %s",
	"err.import.json_syntax":      "the JSON is broken at line %d (%s)",
	"err.import.json_truncated":   "the JSON ends too early (a ] or } is missing)",
	"err.import.json_trailing":    "there is more text after the closing ]",
}
