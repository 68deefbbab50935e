package store_test

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

func TestFiscalYearAndFormatNumber(t *testing.T) {
	for _, tc := range []struct {
		date  string
		start int
		want  int
	}{
		{"2027-03-31", 4, 2026},
		{"2027-04-01", 4, 2027},
		{"2026-12-31", 4, 2026},
		{"2026-01-01", 1, 2026},
		{"2026-12-31", 1, 2026},
		{"2026-09-30", 10, 2025},
		{"2026-10-01", 10, 2026},
		{"2026-06-15", 0, 2026}, // unset: the calendar year
	} {
		if got := store.FiscalYear(storetest.Date(tc.date), tc.start); got != tc.want {
			t.Errorf("FiscalYear(%s, %d) = %d, want %d", tc.date, tc.start, got, tc.want)
		}
	}
	for _, tc := range []struct {
		format, kind string
		year, seq    int
		want         string
	}{
		{store.DefaultNumberFormat, store.KindInvoice, 2026, 7, "I-2026-0007"},
		{store.DefaultNumberFormat, store.KindEstimate, 2026, 1, "Q-2026-0001"},
		{store.DefaultNumberFormat, store.KindDeliveryNote, 2027, 12345, "D-2027-12345"},
		{store.DefaultNumberFormat, store.KindCreditNote, 2026, 3, "C-2026-0003"},
		{"{kind}{year}-{seq}", store.KindInvoice, 2026, 42, "I2026-42"},
		{"請求{year}/{kind}{seq:6}", store.KindInvoice, 2026, 42, "請求2026/I000042"},
	} {
		if got := store.FormatNumber(tc.format, tc.kind, tc.year, tc.seq); got != tc.want {
			t.Errorf("FormatNumber(%q, %s, %d, %d) = %q, want %q", tc.format, tc.kind, tc.year, tc.seq, got, tc.want)
		}
	}
	// A format without all three placeholders would let numbers collide.
	for _, bad := range []string{"{year}-{seq:4}", "{kind}-{seq:4}", "{kind}-{year}", "{kind}-{year}-{seq:x}"} {
		c := validCompany()
		c.NumberFormat = bad
		if got := fieldErrors(c.Validate()); !slices.Contains(got, "number_format number_format.placeholders") {
			t.Errorf("number format %q: %q", bad, got)
		}
	}
}

// Numbers per kind and fiscal year (April start), gapless: a void document
// keeps its number, and the next one continues after it.
func TestIssueNumbers(t *testing.T) {
	f := newDocFix(t)
	one := storetest.Line("設計", "1", 10000, store.TaxStandard)
	next := func(kind, date string) string {
		t.Helper()
		d := f.draft(kind, date, one)
		preview, err := f.st.IssuePreview(f.ctx, d.ID)
		if err != nil || preview.Problems != nil {
			t.Fatal(err, preview.Problems)
		}
		got := f.issue(d)
		if preview.Number != got.Number {
			t.Errorf("IssuePreview said %s, Issue gave %s", preview.Number, got.Number)
		}
		if again, err := f.st.IssuePreview(f.ctx, d.ID); err != nil || again.Number != "" || again.Problems != nil {
			t.Errorf("IssuePreview of issued %s = %q, %v, %v: want no number, no problems", got.Number, again.Number, again.Problems, err)
		}
		return got.Number
	}
	steps := []struct{ kind, date, want string }{
		{store.KindInvoice, "2026-04-01", "I-2026-0001"},
		{store.KindInvoice, "2027-03-31", "I-2026-0002"}, // still fiscal 2026
		{store.KindInvoice, "2027-04-01", "I-2027-0001"}, // a new year, a new counter
		{store.KindEstimate, "2026-11-20", "Q-2026-0001"},
		{store.KindDeliveryNote, "2026-11-20", "D-2026-0001"},
		{store.KindInvoice, "2026-11-20", "I-2026-0003"}, // back-dated into fiscal 2026
		{store.KindInvoice, "2026-03-31", "I-2025-0001"}, // fiscal 2025
	}
	var numbers []string
	for _, s := range steps {
		got := next(s.kind, s.date)
		if got != s.want {
			t.Errorf("%s of %s: %s, want %s", s.kind, s.date, got, s.want)
		}
		numbers = append(numbers, got)
	}
	inv, err := f.st.DocumentByNumber(f.ctx, "I-2026-0003")
	if err != nil {
		t.Fatal(err)
	}
	f.void(inv.ID, "二重発行")
	if got := next(store.KindInvoice, "2026-12-01"); got != "I-2026-0004" {
		t.Errorf("after voiding I-2026-0003: %s, want I-2026-0004", got)
	}
	if v := f.load(inv.ID); v.Number != "I-2026-0003" || v.Status != store.StatusVoid {
		t.Errorf("void document: %s %s", v.Number, v.Status)
	}
	// A credit note numbers in its own series.
	cn, err := f.st.CreateCreditNote(f.ctx, f.must(f.st.DocumentByNumber(f.ctx, "I-2026-0001")).ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.issue(cn); got.Number != "C-2026-0001" {
		t.Errorf("credit note: %s", got.Number)
	}
	// Found by number however it is typed.
	for _, typed := range []string{"I-2026-0001", " i-2026-0001 ", "Ｉ－２０２６－０００１"} {
		if d, err := f.st.DocumentByNumber(f.ctx, typed); err != nil || d.Number != "I-2026-0001" {
			t.Errorf("DocumentByNumber(%q) = %q, %v", typed, d.Number, err)
		}
	}
	_, err = f.st.DocumentByNumber(f.ctx, "I-2026-9999")
	if e := storeError(t, err, store.CodeNotFound); e.Reason != "document.not_found" {
		t.Errorf("unknown number: %v", e)
	}
	// Issuing twice is refused, and changes nothing.
	again, err := f.st.Issue(f.ctx, inv.ID, 0)
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.frozen" {
		t.Errorf("issuing a void document: %v, %+v", e, again)
	}
}

func (f *docFix) must(d store.Document, err error) store.Document {
	f.t.Helper()
	if err != nil {
		f.t.Fatal(err)
	}
	return d
}

func TestIssueCustomNumberFormat(t *testing.T) {
	f := newDocFix(t)
	f.company.NumberFormat = "{kind}{year}-no{seq:3}"
	f.company.FiscalYearStart = 1
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	a := f.issued(store.KindInvoice, "2026-03-31", storetest.Line("設計", "1", 10000, store.TaxStandard))
	b := f.issued(store.KindInvoice, "2026-04-01", storetest.Line("設計", "1", 10000, store.TaxStandard))
	if a.Number != "I2026-no001" || b.Number != "I2026-no002" {
		t.Errorf("numbers %s, %s; want I2026-no001, I2026-no002 (calendar fiscal year)", a.Number, b.Number)
	}
	for _, typed := range []string{"I2026-no002", "I2026-no002 "} {
		if got, err := f.st.DocumentByNumber(f.ctx, typed); err != nil || got.ID != b.ID {
			t.Errorf("DocumentByNumber(%q): %v", typed, err)
		}
	}
	// A later change of format leaves issued numbers alone and keeps counting.
	f.company.NumberFormat = "{year}-{kind}{seq:5}"
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	c := f.issued(store.KindInvoice, "2026-05-01", storetest.Line("設計", "1", 10000, store.TaxStandard))
	if c.Number != "2026-I00003" || f.load(a.ID).Number != "I2026-no001" {
		t.Errorf("after a format change: %s (old %s)", c.Number, f.load(a.ID).Number)
	}
}

// Issuing keeps what the customer and the company were: editing either later
// does not change a document already sent.
func TestIssueSnapshots(t *testing.T) {
	f := newDocFix(t)
	draft := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	inv := f.issue(draft)
	wantCust := store.CustomerSnapshot{Code: "C0001", Name: f.cust.Name, Honorific: f.cust.Honorific,
		PostalCode: f.cust.PostalCode, Address1: f.cust.Address1, Address2: f.cust.Address2,
		Department: f.cust.Department, Contact: f.cust.Contact, RegistrationNumber: f.cust.RegistrationNumber, Language: "ja"}
	if inv.Customer == nil || *inv.Customer != wantCust {
		t.Fatalf("customer snapshot %+v, want %+v", inv.Customer, wantCust)
	}
	wantComp := f.company
	wantComp.Version = 0 // not part of the snapshot
	if inv.Company == nil || !reflect.DeepEqual(*inv.Company, wantComp) {
		t.Fatalf("company snapshot %+v, want %+v", inv.Company, wantComp)
	}
	if inv.Status != store.StatusIssued || !inv.IssuedAt.Equal(fixedNow) || inv.Version != draft.Version+1 {
		t.Errorf("status %q issued at %v version %d", inv.Status, inv.IssuedAt, inv.Version)
	}
	if !reflect.DeepEqual(inv.Lines, draft.Lines) || !reflect.DeepEqual(inv.Totals, draft.Totals) {
		t.Error("issuing changed the lines or totals")
	}

	// Edit the customer master and the company.
	cust, err := f.st.Customer(f.ctx, f.cust.ID)
	if err != nil {
		t.Fatal(err)
	}
	cust.Name, cust.Address1, cust.RegistrationNumber, cust.Honorific = "株式会社あたらしい名前", "大阪府大阪市北区1-1", "", store.HonorificPerson
	if err := f.st.UpdateCustomer(f.ctx, &cust); err != nil {
		t.Fatal(err)
	}
	comp, err := f.st.Company(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	comp.Name, comp.Address1 = "株式会社だいちょう（新社名）", "東京都港区1-1"
	comp.BankAccounts[0].Number = "7777777"
	comp.RegistrationNumber = "T4011001098993"
	if err := f.st.SaveCompany(f.ctx, &comp); err != nil {
		t.Fatal(err)
	}

	after := f.load(inv.ID)
	if *after.Customer != wantCust || !reflect.DeepEqual(*after.Company, wantComp) {
		t.Errorf("snapshots changed after editing the masters:\n%+v\n%+v", after.Customer, after.Company)
	}
	if after.CustomerName != f.cust.Name {
		t.Errorf("issued document shows customer %q, want the name it was issued to, %q", after.CustomerName, f.cust.Name)
	}
	rows, err := f.st.DocumentSummaries(f.ctx, store.DocumentFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1 || rows[0].CustomerName != f.cust.Name {
		t.Errorf("list shows %+v, want the issued name", rows)
	}
	// A draft follows the master until it is issued.
	d := f.draft(store.KindInvoice, "2026-11-21", f.twoLines()...)
	if d.CustomerName != "株式会社あたらしい名前" {
		t.Errorf("draft shows %q", d.CustomerName)
	}
	d = f.issue(d)
	if d.Customer.Name != "株式会社あたらしい名前" || d.Company.Name != "株式会社だいちょう（新社名）" || d.Customer.Honorific != store.HonorificPerson {
		t.Errorf("second invoice snapshots %+v %+v", d.Customer, d.Company.Name)
	}

	// The issue is audited with its number and total.
	var last store.AuditEntry
	for _, a := range auditRows(t, f.st) {
		if a.Entity == "document" && a.EntityID == fmt.Sprint(inv.ID) {
			last = a
		}
	}
	if last.Action != "issue" || jsonField(t, last.After, "number") != inv.Number ||
		jsonField(t, last.After, "total") != float64(inv.Totals.Total) {
		t.Errorf("audit %+v", last)
	}
}

// The check before issuing refuses what would be an invalid document, each
// problem on its field; nothing is numbered.
func TestIssueProblems(t *testing.T) {
	ok := storetest.Line("設計", "1", 10000, store.TaxStandard)
	cases := []struct {
		name  string
		kind  string
		lines []store.Line
		setup func(f *docFix, d *store.Document)
		want  []string
	}{
		{"no lines", store.KindInvoice, nil, nil, []string{"lines document.no_lines"}},
		{"a line without a tax category", store.KindInvoice, []store.Line{ok, storetest.Line("未定", "1", 1, "")}, nil,
			[]string{"lines.1.tax_category document.line_no_tax"}},
		{"invoice, company without registration number", store.KindInvoice, []store.Line{ok}, noRegNo,
			[]string{"company.registration_number document.company_regno"}},
		{"due date before issue date", store.KindInvoice, []store.Line{ok}, func(f *docFix, d *store.Document) {
			// The editor refuses it; a draft changed underneath (or an old one) is caught at issue.
			f.st.DB().Exec(`UPDATE documents SET due_date = '2026-11-19' WHERE id = ?`, d.ID)
		}, []string{"due_date document.due_before_issue"}},
		{"valid until before issue date", store.KindEstimate, []store.Line{ok}, func(f *docFix, d *store.Document) {
			f.st.DB().Exec(`UPDATE documents SET valid_until = '2026-11-01' WHERE id = ?`, d.ID)
		}, []string{"valid_until document.before_issue_date"}},
		{"all at once", store.KindInvoice, []store.Line{storetest.Line("未定", "1", 1, "")}, noRegNo,
			[]string{"lines.0.tax_category document.line_no_tax", "company.registration_number document.company_regno"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newDocFix(t)
			d := f.draft(tc.kind, "2026-11-20", tc.lines...)
			if tc.setup != nil {
				tc.setup(f, &d)
			}
			preview, err := f.st.IssuePreview(f.ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			if preview.Number != "" {
				t.Errorf("a draft that cannot be issued previews number %s", preview.Number)
			}
			_, err = f.st.Issue(f.ctx, d.ID, d.Version)
			for _, e := range []error{preview.Problems, err} {
				if got := fieldErrors(e); !slices.Equal(got, tc.want) {
					t.Errorf("got %q, want %q", got, tc.want)
				}
			}
			storeError(t, err, store.CodeInvalid)
			if got := f.load(d.ID); got.Status != store.StatusDraft || got.Number != "" {
				t.Errorf("refused document is %s %q", got.Status, got.Number)
			}
			if n := f.count(`SELECT count(*) FROM counters`); n != 0 {
				t.Errorf("a refused issue advanced a counter")
			}
		})
	}

	// Estimates and delivery notes are no qualified invoices: they may be
	// issued before the company has its registration number; credit notes not.
	f := newDocFix(t)
	noRegNo(f, nil)
	for _, kind := range []string{store.KindEstimate, store.KindDeliveryNote} {
		d := f.draft(kind, "2026-11-20", ok)
		if p, err := f.st.IssuePreview(f.ctx, d.ID); err != nil || p.Problems != nil {
			t.Errorf("%s: IssuePreview: %v %v", kind, err, p.Problems)
		}
		f.issue(d)
	}
	f.company.RegistrationNumber = "T7123456789012"
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		t.Fatal(err)
	}
	inv := f.issued(store.KindInvoice, "2026-11-20", ok)
	cn, err := f.st.CreateCreditNote(f.ctx, inv.ID)
	if err != nil {
		t.Fatal(err)
	}
	noRegNo(f, nil)
	_, err = f.st.Issue(f.ctx, cn.ID, 0)
	if got := fieldErrors(err); !slices.Equal(got, []string{"company.registration_number document.company_regno"}) {
		t.Errorf("credit note without registration number: %q", got)
	}
	// Issuing with a stale version is refused.
	d := f.draft(store.KindEstimate, "2026-11-20", ok)
	d2 := d
	if err := f.st.SaveDraft(f.ctx, &d2); err != nil {
		t.Fatal(err)
	}
	_, err = f.st.Issue(f.ctx, d.ID, d.Version)
	if e := storeError(t, err, store.CodeConflict); e.Reason != "changed_by" {
		t.Errorf("stale issue: %v", e)
	}
}

func noRegNo(f *docFix, _ *store.Document) {
	f.company.RegistrationNumber = ""
	if err := f.st.SaveCompany(f.ctx, &f.company); err != nil {
		f.t.Fatal(err)
	}
}

// Dates the draft leaves empty are filled when issuing: an invoice's closing
// and due dates from the customer's terms, a delivery note's delivery date.
func TestIssueFillsDates(t *testing.T) {
	f := newDocFix(t)
	one := storetest.Line("設計", "1", 10000, store.TaxStandard)
	cases := []struct {
		name                  string
		kind, date            string
		closing, due, deliver string // set on the draft
		wantClosing, wantDue  string
		wantDelivery          string
	}{
		// 20日締め翌月10日払い: 11-25 falls in the cycle closing 12-20; due 2027-01-10,
		// a Sunday; 01-11 is 成人の日; next business day 01-12. The invoice's
		// closing date is the cycle's (ARCHITECTURE.md §4), not its issue date.
		{name: "invoice from terms", kind: store.KindInvoice, date: "2026-11-25", wantClosing: "2026-12-20", wantDue: "2027-01-12"},
		// 11-20 closes that day; due 12-10, a Thursday.
		{name: "invoice on the closing day", kind: store.KindInvoice, date: "2026-11-20", wantClosing: "2026-11-20", wantDue: "2026-12-10"},
		{name: "closing date given", kind: store.KindInvoice, date: "2026-11-05", closing: "2026-11-20",
			wantClosing: "2026-11-20", wantDue: "2026-12-10"},
		// A closing date that is no closing day of the customer's is the
		// closing date of the cycle it falls in.
		{name: "closing date inside a cycle", kind: store.KindInvoice, date: "2026-11-05", closing: "2026-11-15",
			wantClosing: "2026-11-20", wantDue: "2026-12-10"},
		{name: "due date given", kind: store.KindInvoice, date: "2026-11-25", due: "2026-11-30",
			wantClosing: "2026-12-20", wantDue: "2026-11-30"},
		{name: "delivery note", kind: store.KindDeliveryNote, date: "2026-11-25", wantDelivery: "2026-11-25"},
		{name: "delivery date given", kind: store.KindDeliveryNote, date: "2026-11-25", deliver: "2026-11-27", wantDelivery: "2026-11-27"},
		{name: "estimate", kind: store.KindEstimate, date: "2026-11-25"},
	}
	for _, tc := range cases {
		d := f.newDoc(tc.kind, tc.date, one)
		d.ClosingDate, d.DueDate, d.DeliveryDate = optDate(tc.closing), optDate(tc.due), optDate(tc.deliver)
		if err := f.st.SaveDraft(f.ctx, &d); err != nil {
			t.Fatal(err)
		}
		got := f.issue(d)
		if c, du, dv := store.FormatDate(got.ClosingDate), store.FormatDate(got.DueDate), store.FormatDate(got.DeliveryDate); c != tc.wantClosing || du != tc.wantDue || dv != tc.wantDelivery {
			t.Errorf("%s: closing %q due %q delivery %q; want %q %q %q", tc.name, c, du, dv, tc.wantClosing, tc.wantDue, tc.wantDelivery)
		}
	}
}

func optDate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	return storetest.Date(s)
}

func TestVoid(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-20", f.twoLines()...)
	for _, reason := range []string{"", "   ", "\n"} {
		err := f.st.Void(f.ctx, est.ID, reason)
		if got := fieldErrors(err); len(got) != 1 || got[0][:7] != "reason " {
			t.Errorf("reason %q: %q", reason, got)
		}
	}
	draft := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	if e := storeError(t, f.st.Void(f.ctx, draft.ID, "不要"), store.CodeConflict); e.Reason != "document.void_draft" {
		t.Errorf("void a draft: %v", e)
	}
	// An estimate with a live delivery note (draft or issued) stays.
	dn, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindDeliveryNote, nil)
	if err != nil {
		t.Fatal(err)
	}
	if e := storeError(t, f.st.Void(f.ctx, est.ID, "失注"), store.CodeConflict); e.Reason != "document.void_has_targets" {
		t.Errorf("void with a draft target: %v", e)
	}
	dn = f.issue(dn)
	if e := storeError(t, f.st.Void(f.ctx, est.ID, "失注"), store.CodeConflict); e.Reason != "document.void_has_targets" ||
		!slices.Equal(e.Args, []any{est.Number, dn.Number}) {
		t.Errorf("void with an issued target: %v", e)
	}
	f.void(dn.ID, "納品取消")
	f.void(est.ID, "  失注  ")
	got := f.load(est.ID)
	if got.Status != store.StatusVoid || got.VoidedReason != "失注" || got.Number != est.Number {
		t.Errorf("void estimate: %q %q %q", got.Status, got.VoidedReason, got.Number)
	}
	if n := f.count(`SELECT count(*) FROM documents WHERE id = ? AND voided_at = ?`, est.ID, fixedNow.Format(time.RFC3339Nano)); n != 1 {
		t.Error("voided_at not stamped with the transaction's time")
	}
	if e := storeError(t, f.st.Void(f.ctx, est.ID, "again"), store.CodeConflict); e.Reason != "document.already_void" {
		t.Errorf("void twice: %v", e)
	}
	if n := f.count(`SELECT count(*) FROM audit_log WHERE entity = 'document' AND action = 'void'`); n != 2 {
		t.Errorf("%d void audit rows, want 2", n)
	}
}

func TestSetEstimateOutcome(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-20", f.twoLines()...)
	for _, s := range []string{store.StatusAccepted, store.StatusDeclined, store.StatusAccepted} {
		if err := f.st.SetEstimateOutcome(f.ctx, est.ID, s); err != nil {
			t.Fatalf("→ %s: %v", s, err)
		}
		if got := f.load(est.ID); got.Status != s || got.Number != est.Number {
			t.Errorf("status %q, want %q", got.Status, s)
		}
	}
	inv := f.issued(store.KindInvoice, "2026-11-20", f.twoLines()...)
	draft := f.draft(store.KindEstimate, "2026-11-20", f.twoLines()...)
	void := f.issued(store.KindEstimate, "2026-11-20", f.twoLines()...)
	f.void(void.ID, "取消")
	for _, tc := range []struct {
		name   string
		id     int64
		status string
	}{
		{"an invoice", inv.ID, store.StatusAccepted},
		{"a draft", draft.ID, store.StatusAccepted},
		{"a void estimate", void.ID, store.StatusAccepted},
		{"to void", est.ID, store.StatusVoid},
		{"to draft", est.ID, store.StatusDraft},
		{"to expired", est.ID, store.StatusExpired},
	} {
		if e := storeError(t, f.st.SetEstimateOutcome(f.ctx, tc.id, tc.status), store.CodeConflict); e.Reason != "document.outcome_not_allowed" {
			t.Errorf("%s: %v", tc.name, e)
		}
	}
	if got := f.load(est.ID); got.Status != store.StatusAccepted {
		t.Errorf("after refused changes: %s", got.Status)
	}
	// An accepted estimate still converts.
	if _, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, nil); err != nil {
		t.Errorf("convert an accepted estimate: %v", err)
	}
	// Expired is derived from valid-until and today.
	d := f.newDoc(store.KindEstimate, "2026-10-01", f.twoLines()...)
	d.ValidUntil = storetest.Date("2026-10-31")
	if err := f.st.SaveDraft(f.ctx, &d); err != nil {
		t.Fatal(err)
	}
	d = f.issue(d)
	for today, want := range map[string]string{"2026-10-31": store.StatusIssued, "2026-11-01": store.StatusExpired} {
		if got := d.DisplayStatus(storetest.Date(today)); got != want {
			t.Errorf("on %s: %s, want %s", today, got, want)
		}
	}
}

func TestRevise(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-11-01", f.twoLines()...)
	inv, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, nil)
	if err != nil {
		t.Fatal(err)
	}
	inv.Lines = append(inv.Lines, storetest.Line("追加作業", "2", 3000, store.TaxStandard))
	inv.IssueDate = storetest.Date("2026-11-10")
	if err := f.st.SaveDraft(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	old := f.issue(inv)

	if _, err := f.st.Revise(f.ctx, old.ID, " "); err == nil {
		t.Fatal("revise without a reason")
	}
	draft := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	_, err = f.st.Revise(f.ctx, draft.ID, "訂正")
	if e := storeError(t, err, store.CodeConflict); e.Reason != "document.void_draft" {
		t.Errorf("revise a draft: %v", e)
	}

	rev, err := f.st.Revise(f.ctx, old.ID, "単価訂正")
	if err != nil {
		t.Fatal(err)
	}
	gone := f.load(old.ID)
	if gone.Status != store.StatusVoid || gone.VoidedReason != "単価訂正" || gone.Number != old.Number {
		t.Errorf("old: %s %q %s", gone.Status, gone.VoidedReason, gone.Number)
	}
	if rev.Status != store.StatusDraft || rev.Number != "" || rev.RevisesID != old.ID || rev.Kind != old.Kind ||
		rev.CustomerID != old.CustomerID || rev.Subject != old.Subject || rev.Notes != old.Notes ||
		!rev.IssueDate.Equal(old.IssueDate) || rev.PriceMode != old.PriceMode {
		t.Errorf("revision header %+v\nold %+v", rev, old)
	}
	if len(rev.Lines) != len(old.Lines) {
		t.Fatalf("%d lines, want %d", len(rev.Lines), len(old.Lines))
	}
	for i := range old.Lines {
		a, b := old.Lines[i], rev.Lines[i]
		if b.ID == a.ID {
			t.Errorf("line %d shares its id with the old document", i)
		}
		a.ID, b.ID = 0, 0
		if a != b {
			t.Errorf("line %d\n got %+v\nwant %+v", i, b, a)
		}
	}
	if !reflect.DeepEqual(rev.Totals, old.Totals) {
		t.Errorf("totals %+v, want %+v", rev.Totals, old.Totals)
	}
	if got := refNumbers(rev.Sources); !slices.Equal(got, []string{est.Number}) {
		t.Errorf("sources %q, want the estimate", got)
	}
	// The estimate now leads to the void invoice and the revision.
	if got := refNumbers(f.load(est.ID).Targets); !slices.Equal(got, []string{old.Number, "draft:invoice"}) {
		t.Errorf("estimate targets %q", got)
	}
	// The revision takes the estimate's lines in the void one's place.
	if rem, err := f.st.Remaining(f.ctx, est.ID); err != nil || rem[0].Remaining != 0 || rem[1].Remaining != 0 {
		t.Errorf("remaining after revise: %+v, %v", rem, err)
	}
	if got := f.issue(rev); got.Number != "I-2026-0002" {
		t.Errorf("revision issued as %s", got.Number)
	}
}

func TestDuplicate(t *testing.T) {
	f := newDocFix(t)
	est := f.issued(store.KindEstimate, "2026-10-01", f.twoLines()...)
	inv, err := f.st.ConvertEstimate(f.ctx, est.ID, store.KindInvoice, nil)
	if err != nil {
		t.Fatal(err)
	}
	inv.IssueDate = storetest.Date("2026-10-31")
	inv.DueDate = storetest.Date("2026-11-30")
	if err := f.st.SaveDraft(f.ctx, &inv); err != nil {
		t.Fatal(err)
	}
	old := f.issue(inv)
	dup, err := f.st.Duplicate(f.ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == old.ID || dup.Status != store.StatusDraft || dup.Number != "" || dup.RevisesID != 0 ||
		!dup.IssueDate.Equal(store.Today(fixedNow)) || !dup.DueDate.IsZero() || !dup.ClosingDate.IsZero() {
		t.Errorf("duplicate header: id %d status %s number %q revises %d date %v due %v closing %v",
			dup.ID, dup.Status, dup.Number, dup.RevisesID, dup.IssueDate, dup.DueDate, dup.ClosingDate)
	}
	if dup.Subject != old.Subject || dup.CustomerID != old.CustomerID || dup.Notes != old.Notes || dup.Kind != old.Kind {
		t.Errorf("duplicate content %+v", dup)
	}
	if len(dup.Sources) != 0 || len(dup.Targets) != 0 {
		t.Errorf("duplicate has links: %v %v", dup.Sources, dup.Targets)
	}
	for i, l := range dup.Lines {
		o := old.Lines[i]
		if l.SourceLineID != 0 || l.ID == o.ID || l.Description != o.Description || l.Quantity != o.Quantity ||
			l.UnitPrice != o.UnitPrice || l.TaxCategory != o.TaxCategory || l.ProductID != o.ProductID || l.Amount != o.Amount {
			t.Errorf("line %d: %+v, old %+v", i, l, o)
		}
	}
	if got := f.load(old.ID); got.Status != store.StatusIssued || len(got.Targets) != 0 {
		t.Errorf("the original changed: %s, targets %v", got.Status, got.Targets)
	}
	// A duplicate of a void document is fine too (the usual way to redo one).
	f.void(old.ID, "宛先違い")
	if _, err := f.st.Duplicate(f.ctx, old.ID); err != nil {
		t.Errorf("duplicate a void document: %v", err)
	}
}

// The check before issuing only reads: another process writing at the time
// (an import, a billing run) does not make it wait or fail.
func TestIssuePreviewWhileAnotherWrites(t *testing.T) {
	f := newDocFix(t)
	d := f.draft(store.KindInvoice, "2026-11-20", f.twoLines()...)
	other := rawDB(t, f.st.Path(), "_pragma=busy_timeout(0)")
	conn, err := other.Conn(f.ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(f.ctx, "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(f.ctx, "ROLLBACK")
	start := time.Now()
	if p, err := f.st.IssuePreview(f.ctx, d.ID); err != nil || p.Problems != nil || p.Number == "" {
		t.Errorf("IssuePreview: %+v, %v", p, err)
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("IssuePreview waited %v for the other writer", took)
	}
}

// No invoice is un-issuable because of its customer's terms: 月末締め翌月5日払い
// with the previous business day, an invoice of 2024-12-31. 2025-01-05 is a
// Sunday, and back from it the 4th is a Saturday, 1–3 January and 31
// December bank holidays: the previous business day, 12-30, is before the
// closing date (and the issue date), so the due date moves forward to the
// next business day, 01-06.
func TestIssueYearEndWithPreviousBusinessDay(t *testing.T) {
	f := newDocFix(t)
	f.cust.ClosingDay, f.cust.MonthsDeferred, f.cust.PaymentDay = store.MonthEnd, 1, 5
	f.cust.HolidayRule = store.HolidayPrevious
	if err := f.st.UpdateCustomer(f.ctx, &f.cust); err != nil {
		t.Fatal(err)
	}
	draft := f.draft(store.KindInvoice, "2024-12-31", storetest.Line("設計", "1", 10000, store.TaxStandard))
	// The question before issuing knows why the due date is what it is.
	p, err := f.st.IssuePreview(f.ctx, draft.ID)
	if err != nil || p.Problems != nil {
		t.Fatalf("preview: %v, %v", p.Problems, err)
	}
	if s := p.Schedule; store.FormatDate(s.Payment) != "2025-01-05" || store.FormatDate(s.Due) != "2025-01-06" || s.Moved != store.DueForward {
		t.Errorf("preview schedule %+v", s)
	}
	inv := f.issue(draft)
	if c, d := store.FormatDate(inv.ClosingDate), store.FormatDate(inv.DueDate); c != "2024-12-31" || d != "2025-01-06" {
		t.Errorf("closing %s due %s; want 2024-12-31, 2025-01-06", c, d)
	}
}
