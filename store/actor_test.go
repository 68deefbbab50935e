package store_test

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// Two Stores made with As over one file write the audit log under their own
// names, share the pool, and closing a copy leaves the others working.
func TestAsWritesUnderItsActor(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	hanako, taro := st.As("hanako"), st.As("taro")
	c := validCustomer("C0001")
	if err := hanako.CreateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	c.Name = "太郎が直した名前"
	if err := taro.UpdateCustomer(ctx, &c); err != nil {
		t.Fatal(err)
	}
	if err := taro.Close(); err != nil { // a copy's Close does nothing
		t.Fatal(err)
	}
	if err := st.As("jiro").SetCustomerArchived(ctx, c.ID, true); err != nil {
		t.Fatalf("after a copy's Close: %v", err)
	}
	log, err := hanako.AuditLog(ctx, "customer", "C0001")
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, e := range log {
		got = append(got, [2]string{e.Action, e.Actor})
	}
	want := [][2]string{{"create", "hanako"}, {"update", "taro"}, {"archive", "jiro"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("audit rows (action, actor) = %v, want %v", got, want)
	}
	if st.Actor != "tester" {
		t.Errorf("As changed the original's actor to %q", st.Actor)
	}
}

// A copy shares the original's open-time check: on a large damaged file,
// checked in the background, a copy made before the verdict refuses writes
// just as the original does, and never writes to the file.
func TestAsSharesTheOpenTimeCheck(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "daicho.db")
	st := openTestStore(t, path)
	fillCustomers(t, st, 300)
	st.Close()
	b := readFile(t, path)
	const pageSize = 4096
	p := customerPage(t, path) - 1 // pages count from 1
	copy(b[p*pageSize:(p+1)*pageSize], bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4))
	writeFile(t, path, b)
	files := dirNames(t, dir)

	defer store.SetSyncCheckLimit(0)()
	st, err := store.Open(path)
	if err != nil {
		t.Fatalf("Open = %v; a large file opens before its check ends", err)
	}
	hanako := st.As("hanako")
	c := store.NewCustomer()
	c.Code, c.Name = "C9999", "書けないはず"
	storeError(t, hanako.CreateCustomer(context.Background(), &c), store.CodeDamaged)
	storeError(t, hanako.As("taro").Checked(), store.CodeDamaged)
	if err := hanako.Close(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	assertUntouched(t, path, b, files)
}

// staleCase is one kind of record that two people can have open at once:
// setup stores it (as "tester") and returns the two saves: hanako's, which
// goes first and wins, and taro's, made from the record as it was before.
type staleCase struct {
	name  string
	setup func(t *testing.T, st *store.Store) (first, second func(*store.Store) error)
}

var staleCases = []staleCase{
	{"customer", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := fullCustomer("C0001")
		mustDo(t, st.CreateCustomer(t.Context(), &c))
		return func(s *store.Store) error {
				mine := c
				mine.Name = "花子の名前"
				return s.UpdateCustomer(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := c
				mine.Phone = "03-0000-0000"
				return s.UpdateCustomer(t.Context(), &mine)
			}
	}},
	{"customer code changed", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := fullCustomer("C0001")
		mustDo(t, st.CreateCustomer(t.Context(), &c))
		return func(s *store.Store) error {
				mine := c
				mine.Code = "K0001" // the log of the new code is the one to read
				return s.UpdateCustomer(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := c
				mine.Name = "太郎の名前"
				return s.UpdateCustomer(t.Context(), &mine)
			}
	}},
	{"customer archived", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := fullCustomer("C0001")
		mustDo(t, st.CreateCustomer(t.Context(), &c))
		return func(s *store.Store) error {
				return s.SetCustomerArchived(t.Context(), c.ID, true)
			}, func(s *store.Store) error {
				mine := c
				mine.Name = "太郎の名前"
				return s.UpdateCustomer(t.Context(), &mine)
			}
	}},
	{"product", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		p := validProduct("P001")
		mustDo(t, st.SaveProduct(t.Context(), &p))
		return func(s *store.Store) error {
				mine := p
				mine.UnitPrice = 9000
				return s.SaveProduct(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := p
				mine.Name = "太郎の品名"
				return s.SaveProduct(t.Context(), &mine)
			}
	}},
	{"company", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := validCompany()
		mustDo(t, st.SaveCompany(t.Context(), &c))
		return func(s *store.Store) error {
				mine := c
				mine.Phone = "03-1111-2222"
				return s.SaveCompany(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := c
				mine.Name = "太郎の会社名"
				return s.SaveCompany(t.Context(), &mine)
			}
	}},
	{"document draft", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		d := staleDraft(t, st)
		return func(s *store.Store) error {
				mine := d
				mine.Subject = "花子の件名"
				return s.SaveDraft(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := d
				mine.Notes = "太郎のメモ"
				return s.SaveDraft(t.Context(), &mine)
			}
	}},
	{"issue of a changed draft", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		d := staleDraft(t, st)
		return func(s *store.Store) error {
				mine := d
				mine.Subject = "花子の件名"
				return s.SaveDraft(t.Context(), &mine)
			}, func(s *store.Store) error {
				_, err := s.Issue(t.Context(), d.ID, d.Version)
				return err
			}
	}},
	{"inquiry", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		d := staleDraft(t, st) // makes the company and customer
		q := store.Inquiry{CustomerID: d.CustomerID, Date: storetest.Date("2026-11-10"), Channel: store.ChannelPhone,
			Subject: "送付先の変更", Status: store.InquiryOpen}
		mustDo(t, st.CreateInquiry(t.Context(), &q))
		return func(s *store.Store) error {
				mine := q
				mine.Status = store.InquiryClosed
				return s.UpdateInquiry(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := q
				mine.Subject = "太郎の件名"
				return s.UpdateInquiry(t.Context(), &mine)
			}
	}},
	{"contract", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := staleContract(t, st)
		return func(s *store.Store) error {
				mine := c
				mine.Title = "花子の契約名"
				return s.SaveContract(t.Context(), &mine)
			}, func(s *store.Store) error {
				mine := c
				mine.Notes = "太郎のメモ"
				return s.SaveContract(t.Context(), &mine)
			}
	}},
	{"activation of a changed contract", func(t *testing.T, st *store.Store) (func(*store.Store) error, func(*store.Store) error) {
		c := staleContract(t, st)
		return func(s *store.Store) error {
				mine := c
				mine.Title = "花子の契約名"
				return s.SaveContract(t.Context(), &mine)
			}, func(s *store.Store) error {
				_, err := s.ActivateContract(t.Context(), c.ID, c.Version)
				return err
			}
	}},
}

// The second of two saves from the same starting point is refused, and the
// refusal says who made the first and when (local time, to the minute).
func TestStaleSaveNamesWhoChangedIt(t *testing.T) {
	hanakoAt := time.Date(2026, 11, 26, 14, 5, 30, 0, time.UTC)
	wantTime := hanakoAt.Local().Format("2006-01-02 15:04")
	for _, tc := range staleCases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "daicho.db")
			st := openTestStore(t, path)
			storetest.Staff(t, st, testStaff...)
			first, second := tc.setup(t, st)
			hanako, taro := st.As("hanako"), st.As("taro")
			hanako.Now = func() time.Time { return hanakoAt }
			taro.Now = func() time.Time { return hanakoAt.Add(10 * time.Minute) }
			if err := first(hanako); err != nil {
				t.Fatalf("hanako's save: %v", err)
			}
			audits := queryInt(t, st.DB(), "SELECT count(*) FROM audit_log")
			e := storeError(t, second(taro), store.CodeConflict)
			if e.Reason != "changed_by" || !reflect.DeepEqual(e.Args, []any{"hanako", wantTime}) {
				t.Errorf("taro's stale save: Reason %q Args %v, want changed_by [hanako %s]", e.Reason, e.Args, wantTime)
			}
			if n := queryInt(t, st.DB(), "SELECT count(*) FROM audit_log"); n != audits {
				t.Errorf("the refused save wrote %d audit rows", n-audits)
			}
		})
	}
}

// A record whose change left no audit row (data from before the log) is
// still refused, with the reason that names no one.
func TestStaleSaveWithoutAuditRow(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	c := validCustomer("C0001")
	mustDo(t, st.CreateCustomer(ctx, &c))
	// What a database from before the audit log looks like: a newer version
	// with nothing in the log (its rows cannot be deleted, so the code moves).
	if _, err := st.DB().Exec(`UPDATE customers SET version = version + 1, code = 'C9999' WHERE id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	c.Name = "古い画面から"
	if e := storeError(t, st.UpdateCustomer(ctx, &c), store.CodeConflict); e.Reason != "changed_since_opened" {
		t.Errorf("Reason = %q, want changed_since_opened", e.Reason)
	}
}

func mustDo(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// staleDraft stores the company, a customer and an invoice draft of it.
func staleDraft(t *testing.T, st *store.Store) store.Document {
	t.Helper()
	co := validCompany()
	mustDo(t, st.SaveCompany(t.Context(), &co))
	cu := fullCustomer("C0001")
	mustDo(t, st.CreateCustomer(t.Context(), &cu))
	d := store.Document{Kind: store.KindInvoice, CustomerID: cu.ID, Subject: "保守", IssueDate: storetest.Date("2026-11-20"),
		Lines: []store.Line{storetest.Line("作業", "1", 10000, store.TaxStandard)}}
	mustDo(t, st.SaveDraft(t.Context(), &d))
	got, err := st.Document(t.Context(), d.ID)
	mustDo(t, err)
	return got
}

// staleContract stores the company, a customer and a draft contract of it.
func staleContract(t *testing.T, st *store.Store) store.Contract {
	t.Helper()
	co := validCompany()
	mustDo(t, st.SaveCompany(context.Background(), &co))
	cu := fullCustomer("C0001")
	mustDo(t, st.CreateCustomer(t.Context(), &cu))
	c := store.NewContract()
	c.CustomerID, c.Title, c.Start = cu.ID, "サーバー保守", storetest.Date("2026-11-01")
	c.Lines = []store.ContractLine{{Description: "保守料", Quantity: storetest.Qty("1"), Unit: "月", UnitPrice: 30000,
		TaxCategory: store.TaxStandard}}
	mustDo(t, st.SaveContract(t.Context(), &c))
	got, err := st.Contract(t.Context(), c.ID)
	mustDo(t, err)
	return got
}
