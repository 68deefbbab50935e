package i18n

// enCLIUsage: the text of daicho help, the whole command line, the short
// usage line and the version: a part of their own, so `daicho version` and
// `daicho help` make only this small map (catalog.go);
// ja_cli_usage.go mirrors it key for key.
func enCLIUsage() map[string]string {
	return map[string]string{
		"cli.usage_short": "usage: daicho [--db PATH] [--lang en|ja] [--demo] [demo|list|import|export|overdue|report|bill|close|receipt|mail|archive|staff|notify|settings|backup|restore|check|serve|version|help] …\nRun daicho help for the commands.\n",
		"cli.version":     "daicho %s (database schema %d)",
		"cli.usage": `daicho — a keyboard-driven sales ledger for a small office.

Usage:
  daicho                           open the ledger (the full-screen TUI)
  daicho --demo                    try it on a throwaway demo database, removed on exit
  daicho demo [--size small|large] [--force]
                                   fill the database with demo data
  daicho list customers [--format table|csv|json] [--archived]
                                   print the customer master on stdout
  daicho list products [--format table|csv|json] [--archived]
                                   print the products (the price list)
  daicho list documents [--kind K] [--status S] [--customer CODE]
                        [--from DATE] [--to DATE] [--min N] [--max N]
                        [--format table|csv|json]
                                   print estimates, delivery notes, invoices
                                   and credit notes (--min/--max: the total)
  daicho list payments [--customer CODE] [--from DATE] [--to DATE]
                       [--format table|csv|json]
                                   print the payments received
  daicho list contracts [--status S] [--customer CODE] [--format table|csv|json]
                                   print the contracts (recurring billing)
  daicho list inquiries [--status S] [--customer CODE] [--format table|csv|json]
                                   print the inquiry log (what customers asked)
  daicho list payers [--customer CODE] [--format table|csv|json]
                                   print the payer names learned from matches
  daicho import customers FILE     add customers from a CSV or JSON file
  daicho import documents FILE [--issue]
                                   add documents from a JSON file (issued with
                                   --issue) and print them as JSON
  daicho import bank FILE [--format zengin|csv] [--profile NAME] [--dry-run]
                                   import a bank file's deposits and match the
                                   sure ones to invoices
  daicho overdue [--as-of DATE] [--format table|csv|json]
                                   print the invoices past their due date
  daicho report sales|margin [--from DATE] [--to DATE]
                [--by month|customer|product|person] [--format table|csv|json]
                                   sales net of tax (margin: with cost, gross
                                   profit and margin) per month, customer,
                                   product or person in charge
  daicho report aging [--to DATE] [--by customer] [--format table|csv|json]
                                   the overdue receivables per aging bucket
  daicho report balances [--from DATE] [--to DATE] [--format table|csv|json]
                                   receivables by customer (売掛金残高一覧表):
                                   previous, invoiced, received, adjusted, closing
  daicho bill --month YYYY-MM [--issue] [--dry-run] [--catch-up]
                                   the billing run: the month's invoices for
                                   every contract due
  daicho close --date DATE [--issue] [--dry-run] [--format text|json]
               [--dir DIR] [--send [--labels] [--print]]
                                   the closing run: one closing invoice per
                                   customer whose closing day DATE is; --send
                                   mails them and writes the print pack
  daicho import balances FILE      record opening balances (CSV or JSON:
                                   customer_code, as_of, amount, reference)
  daicho settings [--format json] | settings set KEY=VALUE…
                                   print or change the company and mail settings
  daicho export pdf NUMBER [-o FILE | --dir DIR] [--force]
                                   write one document, or a contract's summary
                                   (K-2026-0001), as a PDF
  daicho export pdf --kind K --month YYYY-MM [--dir DIR] [--force]
                                   write a month's documents of one kind as PDFs
  daicho export pdf --contracts --month YYYY-MM [--dir DIR] [--force]
                                   the month's contract pack: every active
                                   contract's summary and its invoice
  daicho export statement CODE --from DATE --to DATE [-o FILE | --dir DIR]
                          [--force]
                                   write a customer's statement of account
  daicho export statement --all --from DATE --to DATE [--dir DIR] [--force]
                                   write the statement of every customer with
                                   something in the period
  daicho export csv invoices|payments|customers|documents [--from DATE]
                    [--to DATE] [--encoding utf8|sjis] [-o FILE] [--force]
                                   write a table for the accountant as CSV
  daicho export journal --format hledger|yayoi [--from DATE] [--to DATE]
                        [-o FILE] [--force]
                                   write the ledger as journal entries for
                                   hledger or 弥生会計
  daicho mail NUMBER [--dry-run]   send a document's PDF to its customer's email (an
                                   .eml file when no SMTP server is set); --dry-run
                                   prints the mail instead
  daicho mail contract NUMBER [--dry-run]
                                   send a contract's summary (契約内容確認書) to
                                   its customer's email, as activating it offers
  daicho archive list|verify|export
                                   every PDF that went out, kept as sent:
                                   list [--from --to --min --max --customer
                                   --channel mail|print|export --format …];
                                   verify (re-hash every kept file, exit 1 if
                                   one changed or is missing); export --from D
                                   --to D --dir DIR (the files, named
                                   YYYYMMDD_counterparty_amount_number.pdf,
                                   and index.csv)
  daicho staff list [--format json] | staff add|set NAME [--name NEW]
               [--email ADDRESS] [--ssh-key NAME]
                                   the people in charge (担当者): their email
                                   for notices, their key's name for serve
  daicho notify [--as-of DATE] [--dry-run] [--format json]
                                   mail each person in charge what they have
                                   not been told: overdue invoices, deposits
                                   waiting, renewals, follow-ups
  daicho notify settings [--send-at HH:MM] [--deposit-days N]
                                   when serve sends them; how long a deposit
                                   may wait
  daicho backup [--to DIR]         copy the database into the backup folder,
                                   check the copy, then remove the oldest
                                   beyond the number the settings keep
  daicho restore FILE [--yes]      replace the database with a backup, after
                                   checking it and asking; the replaced file
                                   is kept beside it
  daicho restore --from-replica URL [--at TIME] [--yes]
                                   the same from a replica (latest, or as it was
                                   at TIME)
  daicho check                     check the database file and the ledger's
                                   rules; exit status 0 only when all hold
  daicho serve --authorized-keys FILE [--listen HOST:PORT] [--host-key FILE]
               [--exports DIR] [--imports DIR] [--idle-timeout 30m]
               [--replicate URL]
                                   the TUI for several people at once over SSH
  daicho version                   print the version
  daicho help                      print this help

Flags for every command (before or after it):
  --db PATH     the database file; else $DAICHO_DB, else
                $XDG_DATA_HOME/daicho/daicho.db (~/.local/share/daicho/daicho.db)
  --lang en|ja  the language of messages; else ja when LANG is ja_*, else en

demo: a fictional company; small adds 40 customers, 15 products and
  documents of every kind and status, large 10,000 customers and also
  100,000 invoices over three years. A database that already holds data is
  refused, unless --force: then company settings already there are kept,
  and the demo customers are added with codes after the highest code in
  use. Products and documents are made only in a database the demo set up
  itself, as issued documents take real numbers and are never deleted.
  Nothing is overwritten. Both sizes add contracts too: small eleven (monthly,
  quarterly and yearly, one pro-rated from mid-month, one ending soon, one renewing
  itself, one cancelled, a draft), large also 5,000 active ones.

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

list products: code, name, unit, prices and tax category; archived products
  only with --archived. csv and json hold every field: code, name, kana,
  unit, unit_price, cost_price, tax_category, archived.

list documents: newest first, drafts on top. --kind estimate, delivery_note,
  invoice or credit_note; --status draft, issued, accepted, declined,
  expired (an issued estimate past its valid-until date) or void, or an
  issued invoice's payment state: unpaid, partly_paid, paid (by
  payment_status) or overdue (something open past the due date today);
  --customer CODE; --from and --to bound the issue date (YYYY-MM-DD). table
  shows number (or draft), kind, customer, subject, issue date, total, open
  and status (an issued invoice's payment state); csv one row per document
  with those, the customer code, the due date, paid, adjusted, credited,
  open and payment_status; json each document whole, in the shape import
  documents reads. An issued invoice also has paid (allocated payments),
  adjusted (a shortfall closed as a fee or discount), credited (its credit
  notes), open (total less those, as overdue shows it) and payment_status
  (unpaid, partly_paid or paid); other documents have none of these keys.

import documents FILE: a JSON array of documents, such as
    [{"kind": "invoice", "customer_code": "C0001", "issue_date": "2026-11-20",
      "subject": "November", "price_mode": "exclusive", "notes": "",
      "lines": [{"product_code": "P0001", "description": "Support",
                 "quantity": "1.5", "unit": "h", "unit_price": 8000,
                 "tax_rate": 10}]}]
  kind: estimate, delivery_note, invoice or credit_note; price_mode:
  exclusive (the default) or inclusive; product_code may be left out;
  amounts are whole numbers in the currency's smallest unit (yen);
  tax_rate is the percent in force on the issue date (10, 8 or 0).
  valid_until (estimates; left out: a month after the issue date, "": no
  limit), delivery_date (delivery notes), closing_date and due_date
  (invoices) may be given, else issuing fills them in. "sources" names the
  documents one is made from, as the editor makes them: a credit note its
  invoice ("sources": ["I-2026-0001"]), a delivery note or an invoice an
  estimate, a closing invoice its delivery notes; without "lines" it takes
  theirs. Documents of an archived customer, and a key given twice, are
  refused. What list documents --format json adds may stay: number, status,
  paid, adjusted, credited, open and payment_status are ignored;
  amount, taxes and total must equal what daicho computes. The documents
  become drafts, or are issued (numbered) with --issue, all in one go: if
  any document has a problem, nothing is imported and each problem is
  listed with the document's number (1 is the first), the key (lines.0 is
  the first line) and the reason. FILE - reads standard input.

export: PDFs go into the exports folder of the settings, else Documents/daicho
  in your home folder, else the database's folder; --dir DIR picks another
  folder, -o FILE names the file itself (its folder must exist). Files are
  named after the number and the customer, I-2026-0007_株式会社テスト.pdf
  (statement_C0001_2026-10-01_2026-10-31.pdf for a statement). A file that
  exists already is replaced only with --force, and a file appears only once
  it is complete. The paths written go to stdout, one a line.
  export pdf --kind --month: every document of the kind (estimate,
  delivery_note, invoice, credit_note) with an issue date in the month,
  drafts too (marked DRAFT), void ones left out, on two cores; Ctrl+C stops
  it and every file written stays whole.
  export statement: the balance carried forward from before --from (issued
  invoices less issued credit notes), then the invoices and credit notes
  issued from --from to --to (YYYY-MM-DD).
  export pdf K-2026-0001: a contract number writes the contract summary
  (契約内容確認書: parties, period, billing, payment method, renewal terms,
  lines with their price changes), K-2026-0001_株式会社テスト.pdf.
  export statement --all: one statement per customer with an invoice, credit
  note or payment in the period or a balance at its end, named as above;
  if any of the files exists already, nothing is written without --force.
  export csv and export journal write to stdout, or with -o FILE to that
  file (the same rules: --force, whole or not at all). --from and --to
  (YYYY-MM-DD, either may be left out) bound the date of what is exported.
  export csv: RFC 4180 CSV (CRLF, a header of keys), UTF-8 or with
  --encoding sjis Shift_JIS for Excel; a character Shift_JIS lacks stops the
  export and is named. Amounts in yen (the minor unit). A text cell starting
  with = + - @, a tab, CR or NUL gets a leading ' so a spreadsheet shows it
  as text; numbers never do. invoices: issued and void invoices and credit
  notes by issue date, net and tax per rate (10, 8, 0, other), subtotal,
  tax, total, paid, adjusted, credited, open; credit notes negative and void
  ones 0, so a column sums to the net sales. payments: every payment record,
  reversals negative with the payment they reverse. customers: every
  customer, in the keys above. documents: one row per line of every issued
  document (estimates, delivery notes, invoices, credit notes), with cost.
  export journal: balanced entries: an invoice debits 売掛金 (per customer)
  and credits sales and 仮受消費税 per rate, a credit note the reverse; a
  payment debits the bank (cash for cash) and credits 売掛金, a reversal the
  same negative; a transfer fee or discount closing a shortfall debits
  支払手数料 or 売上値引. Void documents book nothing. --format hledger: a
  journal with its accounts and commodity declared (hledger check passes;
  account names follow --lang); --format yayoi: 弥生会計's 仕訳日記帳 import
  (Shift_JIS, 25 columns, sales tax-inclusive: 課税売上込10%, …).

list payments: newest first, with what is allocated and what is left
  (the customer's unapplied credit); a reversal is a record of its own with
  a negative amount. --customer, --from and --to (the payment date) narrow
  it. csv and json keys: id, date, customer_code, customer_name, amount,
  allocated, unapplied, method, payer_name, reference, memo, reversed,
  reverses, reason.

import bank FILE: a Zengin file (入出金取引明細 or 振込入金通知) or a bank's CSV
  export; the format is detected unless --format says it. A CSV is read with
  the column profile --profile names (built in: generic, azukari, oazukeire,
  oazukekingaku, nyushukkin, ukeire; or one saved in the reconciliation
  screen), else with the first that fits. Only deposits are imported, in one
  go: a file with any problem imports nothing and each problem is listed
  with its line. A deposit imported before (the same account, day, amount,
  payer and memo) is recognised and left alone, also in a later statement
  that overlaps an earlier one or in another order, so importing a file
  twice adds nothing; two equal deposits on one day stay two. Each new deposit is ranked against the open invoices; only a
  sure match is recorded at once (its exact open amount, and a payer name
  learned from earlier matches or the invoice's number in the memo); the
  rest wait in the reconciliation screen, listed with their best candidate.
  --dry-run reads and shows, and writes nothing.

overdue: the invoices with something open after their due date as of
  --as-of (today by default), the most overdue first, with the days overdue
  and the aging bucket, and the totals per bucket; for a daily mail to the
  person in charge. json and csv keys: number, customer_code, customer_name,
  person_in_charge, issue_date, due_date, total, paid, open, days_overdue,
  bucket (1-30, 31-60, 61-90, 90+).

report sales|margin: issued invoices less issued credit notes, by issue
  date, net of tax; drafts and void documents count for nothing. The period
  is --from to --to, by default the twelve months ending this month. --by
  month (the default: every month of the period, empty ones too), customer,
  product or person (the customer's person in charge). margin adds the cost
  (each line's cost price × quantity, as it was when the line was made), the
  gross profit and the margin. On a tax-inclusive document a product's sales
  are its share of the rate's net, so every grouping adds up to the same
  total. csv keys: key, label, documents, sales (margin: and cost, profit,
  margin in percent), no total row; json {from, to, by, rows, total}.
report aging: the overdue receivables as of --to (today by default) per
  aging bucket, as daicho overdue sums them; --by customer lists each
  customer's overdue total (csv: code, name, person_in_charge, invoices,
  oldest_days, open; else bucket, invoices, open).

list contracts: drafts first, then by number. --status draft, active, ended
  or cancelled; --customer CODE. table shows number, customer, title,
  status, cycle, next billing date, monthly value (tax excluded) and end
  date, with the days left for an active contract; csv one row per contract
  (number, customer_code, customer_name, title, status, cycle, start, end,
  next_billing, monthly_value, ends_in_days, auto_renew, person_in_charge,
  notify_customer, bill_from);
  json each contract whole: its terms (start; end, null when open-ended;
  cycle, cycle_months, billing_day (31: the month's end), in_advance,
  pro_rate, payment_method, auto_renew, renewal_months, notice_days,
  cancel_reason, notes), its lines with their price history (prices:
  [{from, unit_price}]) and the figures of the table.

list inquiries: the inquiry log in the order of the Inquiries screen: open,
  then waiting, then closed; within each the soonest follow-up date first
  (none last), then the newest. --status open, waiting or closed;
  --customer CODE. table shows status, follow-up, date, customer, subject,
  person in charge, channel and document; csv and json keys: id,
  customer_code, customer_name, date, channel (phone, email, visit, other),
  subject, body, status, person, document (its number; null in json when
  none), follow_up (null in json when none).

bill --month YYYY-MM: the billing run. Every contract with a period due in
  the month gets an invoice (one per customer when the settings combine
  them), each line with its service period (保守料 2026年12月分), part
  periods pro-rated by days where the contract says so; auto-renewing
  contracts whose term runs out are renewed first. The invoices are drafts,
  or issued (numbered) with --issue, all in one go: if anything fails,
  nothing is made. A period billed before is never billed again, so running
  a month twice makes nothing new and says so. --dry-run prints every
  invoice the run would make (customer, contracts, lines, totals) and
  writes nothing. Earlier months still unbilled are named on stderr and
  left alone; --catch-up bills each of them, oldest first, then --month,
  all in one go. Contracts of archived customers are listed, not billed.

backup: VACUUM INTO daicho-YYYYMMDD-HHMMSS.db (local time) in the backup
  folder of the settings (empty: backups next to the database) or --to DIR,
  made 0600 in a 0700 folder. The copy is checked (integrity_check and the
  ledger's rules) before anything is removed; only files named like that are
  ever removed, the oldest first, beyond the number to keep (14 unless the
  settings say otherwise). The TUI makes one such backup a day, in the
  background, on its first start of the day. Prints the copy's path.
restore FILE: FILE must be a daicho database that passes integrity_check and
  the ledger's rules and is not from a newer daicho; then, after y (or with
  --yes), the database is copied aside to DB.before-restore-YYYYMMDD-HHMMSS
  and FILE copied in its place. Close every other daicho on the database
  first: a restore is refused while one has it open.
restore --from-replica URL: restores the ledger the replica holds (its
  latest state, or as it was at --at TIME: 2026-12-04T15:30 local time, or
  RFC 3339) to a new file beside the database, runs check on it, and only
  then goes on as restore FILE does (the question, the copy aside).
check: read only, nothing is written. integrity_check (every problem it
  finds), then the ledger's rules: open balances, allocations within their
  payments, gapless numbers per series and counters, issued documents
  matching their lines' totals, no delivery note invoiced twice. Prints one
  line per violation.

serve: an SSH server (127.0.0.1:2222 unless --listen) giving each session its
  own TUI on this database. Only the public keys in --authorized-keys get in
  (OpenSSH format, one a line, the person's name as the comment, which the
  audit log shows; without a comment, the ssh login name); no passwords. The
  host key is made 0600 on the first start, ssh_host_ed25519_key beside the
  database unless --host-key. Sessions write files only into --exports
  (default: exports beside the database) and read files (bank files, seal
  images) only from --imports (default: imports beside the exports folder).
  A key's comment may end in role=clerk: a clerk drafts documents and
  records payments; issuing, voiding, settings and backups need a manager
  (role=manager, or no role). A session without a key press for
  --idle-timeout is closed. One line per session start and end on stderr;
  Ctrl+C or SIGTERM closes the sessions and stops.
  --replicate URL (else the replica setting) replicates the ledger
  continuously with Litestream to file:///folder, sftp://user@host/path
  (?key=FILE&host-key=…) or s3://bucket/path: each change returns only once
  the replica holds it. The replica must answer when serve starts.

Exit status: 0 done, 1 a problem to fix (the message says what), 2 bad usage.
`,
	}
}
