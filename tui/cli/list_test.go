package cli

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"daicho/store"
	"daicho/tui/i18n"
)

// customerKeys are the keys of ARCHITECTURE.md §8, written out here rather
// than taken from the code so the test checks the code against the spec.
var customerKeys = []string{"code", "name", "kana", "honorific", "postal_code", "address1", "address2",
	"department", "contact", "email", "phone", "closing_day", "months_deferred", "payment_day",
	"holiday_rule", "registration_number", "language", "person_in_charge", "notes", "archived",
	"pre_due_notice", "reminder_hold", // staged reminders (issue 14)
	"fee_policy", // transfer-fee policy (issue 14)
	// The closing run (issue 16).
	"invoice_style", "delivery", "send_to_name", "send_to_postal_code", "send_to_address1", "send_to_address2",
	"send_to_department", "send_to_contact"}

func TestListCSV(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	for _, archived := range []bool{false, true} {
		args := []string{"--db", db, "list", "customers", "--format", "csv"}
		want := listJSON(t, db)
		if archived {
			args = append(args, "--archived")
			want = listJSON(t, db, "--archived")
		}
		records, err := csv.NewReader(strings.NewReader(mustRun(t, args...).stdout)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(records[0], customerKeys) {
			t.Errorf("header %v", records[0])
		}
		if len(records)-1 != len(want) {
			t.Errorf("archived=%v: %d rows, want %d", archived, len(records)-1, len(want))
		}
		for i, rec := range records[1:] {
			if rec[0] != want[i].Code || rec[1] != want[i].Name {
				t.Errorf("row %d = %v, want %s %s", i+1, rec[:2], want[i].Code, want[i].Name)
			}
		}
	}
}

// The table lines up by display width: every cell starts at the same cell
// column as its header, whether the text is kanji, kana (half-width in the
// data), or Latin, and whatever the language of the header.
func TestListTableAligned(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	byCode := map[string]store.Customer{}
	for _, c := range listJSON(t, db, "--archived") {
		byCode[c.Code] = c
	}
	for _, lang := range []string{"en", "ja"} {
		t.Run(lang, func(t *testing.T) {
			out := mustRun(t, "--db", db, "--lang", lang, "list", "customers", "--archived").stdout
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) != 41 {
				t.Fatalf("%d lines, want a header and 40 rows", len(lines))
			}
			p := i18n.New(i18n.Lang(lang))
			header := []string{p.Field("code"), p.Field("name"), p.Field("kana"), p.Field("phone"),
				p.Field("person_in_charge"), p.Field("archived")}
			starts := cellStarts(t, lines[0], header)
			for _, line := range lines[1:] {
				code, _, _ := strings.Cut(line, " ")
				c, ok := byCode[code]
				if !ok {
					t.Fatalf("line %q: unknown code", line)
				}
				mark := ""
				if c.Archived {
					mark = p.T("cli.list.archived_mark")
				}
				cells := []string{c.Code, store.FoldDisplay(c.Name), store.FoldDisplay(c.Kana), c.Phone,
					c.PersonInCharge, mark}
				got := cellStarts(t, line, cells)
				for i := range cells {
					if cells[i] != "" && got[i] != starts[i] {
						t.Errorf("%s: %q starts at cell %d, its header at %d\n%s\n%s", code, cells[i], got[i],
							starts[i], lines[0], line)
					}
				}
			}
		})
	}
}

// cellStarts finds each cell in line, in order, and returns the display
// column it starts at (-1 for an empty cell).
func cellStarts(t *testing.T, line string, cells []string) []int {
	t.Helper()
	starts := make([]int, len(cells))
	from := 0
	for i, cell := range cells {
		if cell == "" {
			starts[i] = -1
			continue
		}
		at := strings.Index(line[from:], cell)
		if at < 0 {
			t.Fatalf("%q not in %q", cell, line)
		}
		starts[i] = ansi.StringWidth(line[:from+at])
		from += at + len(cell)
	}
	return starts
}

func TestListProducts(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "d.db")
	mustRun(t, "--db", db, "demo")
	var active, all []store.Product
	json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "products", "--format", "json").stdout), &active)
	json.Unmarshal([]byte(mustRun(t, "--db", db, "list", "products", "--format", "json", "--archived").stdout), &all)
	if len(all) != 15 || len(active) != 14 {
		t.Fatalf("%d products, %d active", len(all), len(active))
	}
	cats := map[string]bool{}
	for _, p := range all {
		cats[p.TaxCategory] = true
	}
	if len(cats) != 3 {
		t.Errorf("tax categories %v", cats)
	}
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "products", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 15 || strings.Join(rows[0], ",") != "code,name,kana,unit,unit_price,cost_price,tax_category,archived" {
		t.Errorf("csv %v %v", rows, err)
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "products", "--archived").stdout
	if !strings.Contains(table, "軽減（8%）") || !strings.Contains(table, "30,000") || !strings.Contains(table, "アーカイブ済") {
		t.Errorf("table:\n%s", table)
	}
}

var paymentKeys = []string{"id", "date", "customer_code", "customer_name", "amount", "allocated", "unapplied",
	"method", "payer_name", "reference", "memo", "reversed", "reverses", "reason"}

func TestListPayments(t *testing.T) {
	db, _, _ := demoBank(t)
	out := mustRun(t, "--db", db, "list", "payments", "--format", "json").stdout
	objs, _ := orderedKeys(t, out)
	if len(objs) != 33 || !slices.Equal(objs[0], paymentKeys) {
		t.Fatalf("%d payments, keys %v", len(objs), objs[0])
	}
	ps := payments(t, db)
	var unapplied float64
	methods := map[any]bool{}
	for _, p := range ps {
		unapplied += p["unapplied"].(float64)
		methods[p["method"]] = true
	}
	if unapplied != 7000 || !methods["cash"] || !methods["bank_transfer"] || ps[0]["date"].(string) > "2026-11-20" {
		t.Errorf("unapplied %v, methods %v, newest %v", unapplied, methods, ps[0])
	}
	if got := payments(t, db, "--customer", "C0017"); len(got) != 4 || got[0]["amount"].(float64) != 40000 {
		t.Errorf("C0017's payments %v", got)
	}
	if got := payments(t, db, "--from", "2026-11-01", "--to", "2026-11-10"); len(got) == 0 || len(got) >= len(ps) {
		t.Errorf("%d payments in early November", len(got))
	}
	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "payments", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 34 || !slices.Equal(rows[0], paymentKeys) {
		t.Errorf("csv: %d rows, %v", len(rows), err)
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "payments").stdout
	if !strings.Contains(table, "振込依頼人") || !strings.Contains(table, "現金") || !strings.Contains(table, "7,000") {
		t.Errorf("table:\n%s", table)
	}
}

// contractKeys are the keys of list contracts --format json, in order, and
// those of its lines and prices: snake_case like every JSON of daicho.
var (
	contractKeys = []string{"number", "customer_code", "customer_name", "title", "status", "start", "end", "cycle",
		"cycle_months", "billing_day", "in_advance", "pro_rate", "payment_method", "auto_renew", "renewal_months",
		"notice_days", "cancel_reason", "notes", "person_in_charge", "lines", "next_billing", "monthly_value",
		"ends_in_days", "notify_customer", "bill_from"} // notify_customer: contracts that mail themselves (issue 16)
	contractLineKeys = []string{"product_code", "description", "quantity", "unit", "unit_price", "tax_category", "prices"}
)

func TestListContractsJSON(t *testing.T) {
	db := contractDemo(t)
	out := mustRun(t, "--db", db, "list", "contracts", "--format", "json").stdout
	objects, lines := orderedKeys(t, out)
	if len(objects) != 11 {
		t.Fatalf("%d contracts listed, want the demo's 11", len(objects))
	}
	for _, keys := range objects {
		if !reflect.DeepEqual(keys, contractKeys) {
			t.Fatalf("keys %v\nwant %v", keys, contractKeys)
		}
	}
	for _, keys := range lines {
		if !reflect.DeepEqual(keys, contractLineKeys) {
			t.Fatalf("line keys %v\nwant %v", keys, contractLineKeys)
		}
	}
	var cs []map[string]any
	if err := json.Unmarshal([]byte(out), &cs); err != nil {
		t.Fatal(err)
	}
	byNumber := map[string]map[string]any{}
	statuses := map[string]int{}
	for _, c := range cs {
		byNumber[c["number"].(string)] = c
		statuses[c["status"].(string)]++
	}
	if !reflect.DeepEqual(statuses, map[string]int{"draft": 1, "active": 9, "cancelled": 1}) {
		t.Errorf("statuses %v", statuses)
	}
	// The maintenance contract with its price rise: the whole history.
	k := byNumber["K-2026-0003"]
	prices := k["lines"].([]any)[0].(map[string]any)["prices"]
	want := []any{map[string]any{"from": "2026-04-01", "unit_price": 30000.0},
		map[string]any{"from": "2027-01-01", "unit_price": 33000.0}}
	if !reflect.DeepEqual(prices, want) || k["customer_code"] != "C0001" || k["auto_renew"] != true ||
		k["end"] != "2027-03-31" || k["billing_day"] != 1.0 {
		t.Errorf("K-2026-0003: %v", k)
	}
	if open := byNumber["K-2025-0001"]; open["end"] != nil || open["ends_in_days"] != nil || open["in_advance"] != false {
		t.Errorf("the open-ended contract: end %v, ends_in_days %v", open["end"], open["ends_in_days"])
	}
	if c := byNumber["K-2026-0004"]; c["status"] != "cancelled" || !strings.Contains(c["cancel_reason"].(string), "閉店") {
		t.Errorf("the cancelled contract: %v", c)
	}

	r := mustRun(t, "--db", db, "list", "contracts", "--status", "cancelled", "--format", "json")
	if objects, _ := orderedKeys(t, r.stdout); len(objects) != 1 {
		t.Errorf("--status cancelled listed %d", len(objects))
	}
	r = mustRun(t, "--db", db, "list", "contracts", "--customer", "C0001", "--format", "csv")
	if rows := strings.Split(strings.TrimSpace(r.stdout), "\r\n"); len(rows) != 2 || !strings.HasPrefix(rows[1], "K-2026-0003,C0001,") {
		t.Errorf("--customer C0001 as csv:\n%s", r.stdout)
	}
	table := mustRun(t, "--db", db, "list", "contracts").stdout
	for _, want := range []string{"K-2025-0003", "POSレジ保守", "2026-12-31 (in ", "open-ended", "cancelled", "every N months"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
	// An active contract past its end says its term ended, never "in 0 days".
	today := time.Now().Format(time.DateOnly)
	for number, c := range byNumber {
		end, _ := c["end"].(string)
		if c["status"] != "active" || end == "" || end >= today {
			continue
		}
		if row := lineWith(table, number); !strings.Contains(row, end+" (term ended)") {
			t.Errorf("%s ended %s, the table says:\n%s", number, end, row)
		}
	}
}

// lineWith is the first line of out that contains s.
func lineWith(out, s string) string {
	for line := range strings.Lines(out) {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}

// The demo's inquiry log through list inquiries: open ones first, in every
// format, narrowed by status and customer.
func TestListInquiries(t *testing.T) {
	db := contractDemo(t) // the small demo
	keys := []string{"id", "customer_code", "customer_name", "date", "channel", "subject", "body", "status", "person",
		"document", "follow_up"}
	list := func(extra ...string) []map[string]any {
		t.Helper()
		out := mustRun(t, append([]string{"--db", db, "list", "inquiries", "--format", "json"}, extra...)...).stdout
		objects, _ := orderedKeys(t, out)
		for _, k := range objects {
			if !slices.Equal(k, keys) {
				t.Fatalf("keys %v, want %v", k, keys)
			}
		}
		var qs []map[string]any
		if err := json.Unmarshal([]byte(out), &qs); err != nil {
			t.Fatal(err)
		}
		return qs
	}
	qs := list()
	if len(qs) != 14 {
		t.Fatalf("%d inquiries, want the demo's 14", len(qs))
	}
	rank := map[any]int{"open": 0, "waiting": 1, "closed": 2}
	linked := 0
	for i, q := range qs {
		if i > 0 && rank[q["status"]] < rank[qs[i-1]["status"]] {
			t.Errorf("%v after %v", q["status"], qs[i-1]["status"])
		}
		if q["document"] != nil {
			linked++
		}
	}
	if qs[0]["status"] != "open" || qs[0]["follow_up"] != "2026-11-18" || linked < 5 {
		t.Errorf("first %v; %d linked", qs[0], linked)
	}
	if got := list("--status", "waiting"); len(got) != 2 || got[0]["status"] != "waiting" {
		t.Errorf("--status waiting: %v", got)
	}
	if got := list("--customer", "C0013", "--status", "waiting"); len(got) != 1 || got[0]["subject"] != "試作見積の有効期限" ||
		!strings.HasPrefix(got[0]["document"].(string), "Q-2026-") || got[0]["follow_up"] != "2026-11-20" ||
		!strings.Contains(got[0]["body"].(string), "\n11/12 ") {
		t.Errorf("C0013's: %v", got)
	}

	rows, err := csv.NewReader(strings.NewReader(mustRun(t, "--db", db, "list", "inquiries", "--format", "csv").stdout)).ReadAll()
	if err != nil || len(rows) != 15 || !slices.Equal(rows[0], keys) {
		t.Fatalf("csv: %d rows, %v", len(rows), err)
	}
	for _, r := range rows[1:] {
		if r[0] == fmt.Sprint(qs[0]["id"]) && (r[6] != qs[0]["body"] || r[10] != "2026-11-18") {
			t.Errorf("csv row %v, json %v", r, qs[0])
		}
	}
	table := mustRun(t, "--db", db, "--lang", "ja", "list", "inquiries", "--customer", "C0013").stdout
	for _, want := range []string{"次回対応日", "回答待", "試作見積の有効期限", "対面", "Q-2026-"} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}

	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--status", "done"}, exitUsage, "open, waiting, closed"},
		{[]string{"--kind", "invoice"}, exitUsage, "--kind"},
		{[]string{"--customer", "C9999"}, exitFail, "C9999"},
	} {
		r := runWith("", append([]string{"--db", db, "list", "inquiries"}, tc.args...)...)
		if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, r.code, r.stderr)
		}
	}
}
