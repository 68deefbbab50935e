package store_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// inqFix is the documents fixture with inquiry helpers: C0001 (佐藤 in
// charge) and C0002, an issued invoice of each, and a draft of C0001's.
type inqFix struct {
	*docFix
	invoice, othersInvoice, draftDoc store.Document
}

func newInqFix(t *testing.T) *inqFix {
	t.Helper()
	f := &inqFix{docFix: newDocFix(t)}
	f.invoice = f.issued(store.KindInvoice, "2026-11-02", storetest.Line("作業", "1", 10000, store.TaxStandard))
	other := f.newDoc(store.KindInvoice, "2026-11-03", storetest.Line("作業", "1", 20000, store.TaxStandard))
	other.CustomerID = f.other.ID
	if err := f.st.SaveDraft(f.ctx, &other); err != nil {
		t.Fatal(err)
	}
	f.othersInvoice = f.issue(f.load(other.ID))
	f.draftDoc = f.draft(store.KindEstimate, "2026-11-04", storetest.Line("見積", "1", 5000, store.TaxStandard))
	return f
}

// inquiry is a valid new inquiry of the fixture's first customer.
func (f *inqFix) inquiry(mods ...func(*store.Inquiry)) store.Inquiry {
	q := store.Inquiry{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-10"), Channel: store.ChannelPhone,
		Subject: "請求書の送付先変更", Status: store.InquiryOpen}
	for _, m := range mods {
		m(&q)
	}
	return q
}

// create stores an inquiry or fails the test.
func (f *inqFix) create(mods ...func(*store.Inquiry)) store.Inquiry {
	f.t.Helper()
	q := f.inquiry(mods...)
	if err := f.st.CreateInquiry(f.ctx, &q); err != nil {
		f.t.Fatalf("CreateInquiry: %v", err)
	}
	return q
}

func TestInquiryValidate(t *testing.T) {
	base := store.Inquiry{CustomerID: 1, Date: storetest.Date("2026-11-10"), Channel: store.ChannelEmail, Subject: "見積の件",
		Status: store.InquiryWaiting}
	cases := []struct {
		name string
		mod  func(*store.Inquiry)
		want []string
	}{
		{"valid", func(*store.Inquiry) {}, nil},
		{"no customer", func(q *store.Inquiry) { q.CustomerID = 0 }, []string{"customer required"}},
		{"no date", func(q *store.Inquiry) { q.Date = time.Time{} }, []string{"date required"}},
		{"unknown channel", func(q *store.Inquiry) { q.Channel = "fax" }, []string{"channel choice"}},
		{"empty subject", func(q *store.Inquiry) { q.Subject = "　 " }, []string{"subject required"}},
		{"subject on two lines", func(q *store.Inquiry) { q.Subject = "見積\nの件" }, []string{"subject one_line"}},
		{"long subject", func(q *store.Inquiry) { q.Subject = strings.Repeat("あ", 201) }, []string{"subject too_long"}},
		{"control character in the body", func(q *store.Inquiry) { q.Body = "a\x07b" }, []string{"body control_chars"}},
		{"body on several lines", func(q *store.Inquiry) { q.Body = "11/10 電話\n11/12 メール" }, nil},
		{"unknown status", func(q *store.Inquiry) { q.Status = "done" }, []string{"status choice"}},
		{"long person", func(q *store.Inquiry) { q.Person = strings.Repeat("田", 51) }, []string{"person too_long"}},
		{"follow-up before the date", func(q *store.Inquiry) { q.FollowUp = storetest.Date("2026-11-09") },
			[]string{"follow_up inquiry.follow_up_before_date"}},
		{"follow-up on the date", func(q *store.Inquiry) { q.FollowUp = storetest.Date("2026-11-10") }, nil},
		{"everything wrong at once", func(q *store.Inquiry) { *q = store.Inquiry{Channel: "fax", Status: "?"} },
			[]string{"customer required", "date required", "channel choice", "subject required", "status choice"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := base
			tc.mod(&q)
			if got := fieldErrors(q.Validate()); !slices.Equal(got, tc.want) {
				t.Errorf("Validate() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestInquiryValidateNormalises(t *testing.T) {
	q := store.Inquiry{CustomerID: 1, Date: time.Date(2026, 11, 10, 23, 30, 0, 0, time.FixedZone("JST", 9*3600)),
		Channel: store.ChannelVisit, Subject: "  納品物の確認 ", Body: " 来社。\n現物を確認。 ", Status: store.InquiryOpen,
		Person: " 佐藤 ", DocumentNumber: " ｉ－２０２６－０００１ "}
	if err := q.Validate(); err != nil {
		t.Fatal(err)
	}
	if q.Date != storetest.Date("2026-11-10") || q.Subject != "納品物の確認" || q.Body != "来社。\n現物を確認。" ||
		q.Person != "佐藤" || q.DocumentNumber != "i-2026-0001" {
		t.Errorf("normalised to %+v", q)
	}
}

func TestCreateInquiry(t *testing.T) {
	f := newInqFix(t)
	q := f.create(func(q *store.Inquiry) {
		q.Body = "経理部の山田様より。\n来月から送付先を本社に。"
		q.DocumentNumber = strings.ToLower(f.invoice.Number) // typed in lower case
		q.FollowUp = storetest.Date("2026-11-17")
	})
	if q.ID == 0 || q.Version != 1 || q.Person != "佐藤" || q.DocumentID != f.invoice.ID ||
		q.DocumentNumber != f.invoice.Number || q.CustomerCode != "C0001" || q.CustomerName != f.cust.Name {
		t.Errorf("created %+v", q)
	}
	got, err := f.st.Inquiry(f.ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := q
	want.CustomerKana = f.cust.Kana
	if got != want {
		t.Errorf("Inquiry(%d):\n got %+v\nwant %+v", q.ID, got, want)
	}
	// A person given is kept; none at all when the customer has none either.
	mine := f.create(func(q *store.Inquiry) { q.Person = "鈴木" })
	theirs := f.create(func(q *store.Inquiry) { q.CustomerID = f.other.ID })
	if mine.Person != "鈴木" || theirs.Person != "" {
		t.Errorf("persons %q and %q", mine.Person, theirs.Person)
	}

	log, err := f.st.AuditLog(f.ctx, "inquiry", strconv.FormatInt(q.ID, 10))
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 1 || log[0].Action != "create" || log[0].Before != "" || log[0].Actor != "tester" ||
		jsonField(t, log[0].After, "subject") != "請求書の送付先変更" ||
		jsonField(t, log[0].After, "document") != f.invoice.Number || jsonField(t, log[0].After, "follow_up") != "2026-11-17" {
		t.Errorf("audit %+v", log)
	}

	if _, err := f.st.Inquiry(f.ctx, 999); storeError(t, err, store.CodeNotFound).Reason != "inquiry.not_found" {
		t.Errorf("Inquiry(999): %v", err)
	}
}

func TestInquiryDocumentLink(t *testing.T) {
	f := newInqFix(t)
	cases := []struct {
		name   string
		mod    func(*store.Inquiry)
		reason string
	}{
		{"another customer's document by id", func(q *store.Inquiry) { q.DocumentID = f.othersInvoice.ID },
			"inquiry.document_other_customer"},
		{"another customer's document by number", func(q *store.Inquiry) { q.DocumentNumber = f.othersInvoice.Number },
			"inquiry.document_other_customer"},
		{"a draft", func(q *store.Inquiry) { q.DocumentID = f.draftDoc.ID }, "inquiry.document_draft"},
		{"an unknown number", func(q *store.Inquiry) { q.DocumentNumber = "I-2026-9999" }, "inquiry.document_unknown"},
		{"an unknown id", func(q *store.Inquiry) { q.DocumentID = 999 }, "inquiry.document_unknown"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			q := f.inquiry(tc.mod)
			e := storeError(t, f.st.CreateInquiry(f.ctx, &q), store.CodeInvalid)
			if e.Field != "document" || e.Reason != tc.reason {
				t.Errorf("got %v, want document: %s", e, tc.reason)
			}
		})
	}
	q := f.inquiry(func(q *store.Inquiry) { q.CustomerID = 999 })
	if e := storeError(t, f.st.CreateInquiry(f.ctx, &q), store.CodeInvalid); e.Field != "customer" ||
		e.Reason != "customer.not_found" {
		t.Errorf("unknown customer: %v", e)
	}
	if n := queryInt(t, f.st.DB(), "SELECT count(*) FROM inquiries"); n != 0 {
		t.Errorf("%d inquiries stored, want none", n)
	}

	// Moving a linked inquiry to another customer is refused too, and the
	// database itself refuses such a link from any program.
	linked := f.create(func(q *store.Inquiry) { q.DocumentID = f.invoice.ID })
	moved := linked
	moved.CustomerID = f.other.ID
	if e := storeError(t, f.st.UpdateInquiry(f.ctx, &moved), store.CodeInvalid); e.Reason != "inquiry.document_other_customer" {
		t.Errorf("moving: %v", e)
	}
	if _, err := f.st.DB().Exec(`UPDATE inquiries SET document_id = ? WHERE id = ?`, f.othersInvoice.ID, linked.ID); err == nil ||
		!strings.Contains(err.Error(), "its own customer") {
		t.Errorf("UPDATE to another customer's document: %v", err)
	}
	// Unlinking is a plain edit.
	linked.DocumentID, linked.DocumentNumber = 0, ""
	if err := f.st.UpdateInquiry(f.ctx, &linked); err != nil || linked.DocumentID != 0 {
		t.Fatalf("unlinking: %v, %+v", err, linked)
	}
}

func TestInquiriesOrder(t *testing.T) {
	f := newInqFix(t)
	mk := func(status, date, followUp string, mods ...func(*store.Inquiry)) store.Inquiry {
		return f.create(append([]func(*store.Inquiry){func(q *store.Inquiry) {
			q.Subject = status + " " + date + " " + followUp
			q.Status, q.Date = status, storetest.Date(date)
			if followUp != "" {
				q.FollowUp = storetest.Date(followUp)
			}
		}}, mods...)...)
	}
	closedOld := mk(store.InquiryClosed, "2026-10-01", "")
	openNoFollowUpOld := mk(store.InquiryOpen, "2026-11-01", "")
	waiting := mk(store.InquiryWaiting, "2026-11-05", "2026-11-30")
	openLater := mk(store.InquiryOpen, "2026-11-02", "2026-12-01")
	closedNew := mk(store.InquiryClosed, "2026-11-12", "2026-11-13")
	openSoon := mk(store.InquiryOpen, "2026-11-03", "2026-11-18", func(q *store.Inquiry) { q.DocumentID = f.invoice.ID })
	openNoFollowUpNew := mk(store.InquiryOpen, "2026-11-15", "")
	others := mk(store.InquiryWaiting, "2026-11-06", "", func(q *store.Inquiry) { q.CustomerID = f.other.ID })
	sameDay := mk(store.InquiryOpen, "2026-11-15", "") // same date as openNoFollowUpNew: the later one first

	ids := func(qs []store.Inquiry) []int64 {
		out := make([]int64, len(qs))
		for i, q := range qs {
			out[i] = q.ID
		}
		return out
	}
	cases := []struct {
		name   string
		filter store.InquiryFilter
		want   []store.Inquiry
	}{
		{"everything", store.InquiryFilter{}, []store.Inquiry{openSoon, openLater, sameDay, openNoFollowUpNew,
			openNoFollowUpOld, waiting, others, closedNew, closedOld}},
		{"one customer", store.InquiryFilter{CustomerID: f.cust.ID}, []store.Inquiry{openSoon, openLater, sameDay,
			openNoFollowUpNew, openNoFollowUpOld, waiting, closedNew, closedOld}},
		{"waiting", store.InquiryFilter{Status: store.InquiryWaiting}, []store.Inquiry{waiting, others}},
		{"about a document", store.InquiryFilter{DocumentID: f.invoice.ID}, []store.Inquiry{openSoon}},
		{"another customer's closed", store.InquiryFilter{CustomerID: f.other.ID, Status: store.InquiryClosed}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.st.Inquiries(f.ctx, tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), ids(tc.want)) {
				var names []string
				for _, q := range got {
					names = append(names, q.Subject)
				}
				t.Errorf("order %v (%q), want %v", ids(got), names, ids(tc.want))
			}
		})
	}
	if got, _ := f.st.Inquiries(f.ctx, store.InquiryFilter{DocumentID: f.invoice.ID}); len(got) != 1 ||
		got[0].DocumentNumber != f.invoice.Number || got[0].CustomerCode != "C0001" {
		t.Errorf("loaded %+v", got)
	}
}

// The list is read in the order of an index: no sort of every inquiry on
// each load (the expressions of the query and the migration must agree).
func TestInquiriesUseTheListIndexes(t *testing.T) {
	f := newInqFix(t)
	for _, where := range []string{"", " WHERE i.customer_id = 1"} {
		rows, err := f.st.DB().Query(`EXPLAIN QUERY PLAN SELECT i.id FROM inquiries i` + where + ` ORDER BY
			(CASE i.status WHEN 'open' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END), (i.follow_up = ''), i.follow_up,
			i.date DESC, i.id DESC`)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		text := strings.Join(plan, "; ")
		if strings.Contains(text, "TEMP B-TREE") || !strings.Contains(text, "INDEX inquiries_") {
			t.Errorf("plan%s: %s", where, text)
		}
	}
}

func TestUpdateInquiry(t *testing.T) {
	f := newInqFix(t)
	q := f.create(func(q *store.Inquiry) { q.Body = "11/10 電話あり。" })
	opened := q // a second form, opened at the same time

	q.Status, q.Body = store.InquiryWaiting, q.Body+"\n11/11 新しい送付先をメールで依頼。"
	q.FollowUp = storetest.Date("2026-11-20")
	if err := f.st.UpdateInquiry(f.ctx, &q); err != nil {
		t.Fatal(err)
	}
	if q.Version != 2 {
		t.Errorf("version %d after one save, want 2", q.Version)
	}
	got, _ := f.st.Inquiry(f.ctx, q.ID)
	if got.Status != store.InquiryWaiting || got.Body != "11/10 電話あり。\n11/11 新しい送付先をメールで依頼。" ||
		got.FollowUp != storetest.Date("2026-11-20") || got.Version != 2 {
		t.Errorf("stored %+v", got)
	}

	// The other form is stale now: its save is refused like a customer's.
	opened.Status = store.InquiryClosed
	e := storeError(t, f.st.UpdateInquiry(f.ctx, &opened), store.CodeConflict)
	if e.Reason != "changed_by" || e.Field != "" {
		t.Errorf("stale save: %v", e)
	}
	if again, _ := f.st.Inquiry(f.ctx, q.ID); again != got {
		t.Errorf("a refused save changed the inquiry: %+v", again)
	}

	log, err := f.st.AuditLog(f.ctx, "inquiry", strconv.FormatInt(q.ID, 10))
	if err != nil {
		t.Fatal(err)
	}
	if len(log) != 2 || log[1].Action != "update" || jsonField(t, log[1].Before, "status") != "open" ||
		jsonField(t, log[1].After, "status") != "waiting" || jsonField(t, log[1].After, "follow_up") != "2026-11-20" {
		t.Errorf("audit %+v", log)
	}

	missing := f.inquiry()
	missing.ID, missing.Version = 999, 1
	if e := storeError(t, f.st.UpdateInquiry(f.ctx, &missing), store.CodeNotFound); e.Reason != "inquiry.not_found" {
		t.Errorf("missing: %v", e)
	}
	bad := got
	bad.Subject = ""
	if e := storeError(t, f.st.UpdateInquiry(f.ctx, &bad), store.CodeInvalid); e.Field != "subject" {
		t.Errorf("empty subject: %v", e)
	}
}

func TestInquiriesAreNeverDeleted(t *testing.T) {
	f := newInqFix(t)
	q := f.create()
	for _, stmt := range []string{`DELETE FROM inquiries WHERE id = ?`, `DELETE FROM inquiries WHERE id = ? OR 1`} {
		_, err := f.st.DB().Exec(stmt, q.ID)
		if err == nil || !strings.Contains(err.Error(), "not deleted") {
			t.Errorf("%s: %v", stmt, err)
		}
	}
	if n := queryInt(t, f.st.DB(), "SELECT count(*) FROM inquiries"); n != 1 {
		t.Errorf("%d inquiries left, want 1", n)
	}
}

func TestCreateInquiriesIsAllOrNothing(t *testing.T) {
	f := newInqFix(t)
	batch := []store.Inquiry{f.inquiry(), f.inquiry(func(q *store.Inquiry) { q.DocumentID = f.othersInvoice.ID })}
	if e := storeError(t, f.st.CreateInquiries(f.ctx, batch), store.CodeInvalid); e.Field != "document" {
		t.Errorf("bad batch: %v", e)
	}
	if n := queryInt(t, f.st.DB(), "SELECT count(*) FROM inquiries"); n != 0 {
		t.Errorf("%d inquiries stored from a bad batch, want none", n)
	}
	batch = []store.Inquiry{f.inquiry(), f.inquiry(func(q *store.Inquiry) {
		q.CustomerID, q.Status = f.other.ID, store.InquiryClosed
	})}
	if err := f.st.CreateInquiries(f.ctx, batch); err != nil {
		t.Fatal(err)
	}
	if batch[0].ID == 0 || batch[1].ID == 0 || batch[0].Person != "佐藤" || batch[1].CustomerCode != "C0002" {
		t.Errorf("batch came back as %+v", batch)
	}
	if n := queryInt(t, f.st.DB(), "SELECT count(*) FROM audit_log WHERE entity = 'inquiry' AND action = 'create'"); n != 2 {
		t.Errorf("%d audit rows, want 2", n)
	}
}

// benchInquiries stores n inquiries over 100 customers in one batch.
func benchInquiries(b *testing.B, st *store.Store, customers []int64, n int) {
	b.Helper()
	qs := make([]store.Inquiry, n)
	for i := range qs {
		qs[i] = store.Inquiry{CustomerID: customers[i%len(customers)], Date: store.DateOf(2026, 1, 1).AddDate(0, 0, i%300),
			Channel: store.InquiryChannels[i%4], Subject: "請求書の再発行", Body: "請求書を紛失したため再発行してほしい。",
			Status: store.InquiryStatuses[i%3]}
		if i%3 != 2 {
			qs[i].FollowUp = qs[i].Date.AddDate(0, 0, 7)
		}
	}
	if err := st.CreateInquiries(b.Context(), qs); err != nil {
		b.Fatal(err)
	}
}

func benchCustomers(b *testing.B, st *store.Store) []int64 {
	b.Helper()
	cs := make([]store.Customer, 100)
	for i := range cs {
		cs[i] = validCustomer("C" + strconv.Itoa(1000+i))
	}
	if err := st.CreateCustomers(b.Context(), cs, nil); err != nil {
		b.Fatal(err)
	}
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.ID
	}
	return ids
}

// The large demo's 3,000 inquiries go in as one batch, audit rows included.
func BenchmarkCreateInquiries3000(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		st := newBenchStore(b)
		ids := benchCustomers(b, st)
		b.StartTimer()
		benchInquiries(b, st, ids, 3000)
	}
}

// The Inquiries tab's load: every inquiry, in the list order, with the
// customer and the document joined.
func BenchmarkInquiries3000(b *testing.B) {
	st := newBenchStore(b)
	benchInquiries(b, st, benchCustomers(b, st), 3000)
	for b.Loop() {
		qs, err := st.Inquiries(b.Context(), store.InquiryFilter{})
		if err != nil || len(qs) != 3000 {
			b.Fatal(len(qs), err)
		}
	}
}
