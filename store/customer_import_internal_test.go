package store

import (
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// importCustomers makes n valid customers of varied content: texts that
// json.Marshal escapes, notes over several lines, staff and none, archived
// and not.
func importCustomers(n int) []Customer {
	cs := make([]Customer, n)
	for i := range cs {
		c := NewCustomer()
		c.Code = fmt.Sprintf("k%06d", i+1) // upper-cased by Validate
		c.Name = fmt.Sprintf("株式会社テスト<&>商事 %d", i+1)
		c.Kana = "テストショウジ"
		c.Address1 = "東京都千代田区丸の内1-2-3"
		c.Notes = fmt.Sprintf("請求書は\"郵送\"で。\n%d …", i)
		c.Email = fmt.Sprintf("keiri%d@example.co.jp", i)
		c.Delivery = DeliveryEmail
		c.ClosingDay, c.PaymentDay = 1+i%28, MonthEnd
		c.Archived = i%7 == 0
		if i%3 == 0 {
			c.PersonInCharge = "鈴木 美咲"
		}
		cs[i] = c
	}
	return cs
}

// openImportStore opens a new ledger with the clock, the actor and the
// staff fixed, so two of them write the same rows.
func openImportStore(t testing.TB) *Store {
	t.Helper()
	st, err := Open(filepath.Join(t.TempDir(), "daicho.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	at := time.Date(2026, 12, 5, 3, 0, 0, 123456789, time.UTC)
	st.Now = func() time.Time { return at }
	st.Actor = "hanako"
	if err := st.CreateStaff(t.Context(), &Staff{Name: "鈴木 美咲"}); err != nil {
		t.Fatal(err)
	}
	return st
}

// CreateCustomers writing a batch at a time stores what writing one
// customer at a time stored (insertCustomer, as before it): the same
// customers with the same ids, one "create" audit row each with the same
// content and the same chain, so the audit trail reads as it did and check
// finds nothing.
func TestCreateCustomersBatchAsOneByOne(t *testing.T) {
	ctx := t.Context()
	const n = 2000 + customerBatchRows/2 // a last batch that is not full
	batched, oneByOne := openImportStore(t), openImportStore(t)
	cs := importCustomers(n)
	if err := batched.CreateCustomers(ctx, cs, nil); err != nil {
		t.Fatal(err)
	}
	want := importCustomers(n)
	if problems := validateCustomerBatch(want, func(i int) int { return i + 1 }); len(problems) > 0 {
		t.Fatal(problems)
	}
	err := oneByOne.bulkWrite(ctx, func(tx *Tx) error {
		for i := range want {
			if err := tx.insertCustomer(&want[i]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cs, want) {
		t.Error("the batch's customers (ids, versions, normalised fields) differ")
	}
	for _, table := range []string{"customers", "audit_log"} {
		got, want := tableRows(t, batched, table), tableRows(t, oneByOne, table)
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, one by one %d", table, len(got), len(want))
		}
		for i := range got {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%s row %d:\n got %q\nwant %q", table, i+1, got[i], want[i])
			}
		}
	}
	log, err := batched.AuditLog(ctx, "customer", "K002000")
	if err != nil || len(log) != 1 || log[0].Action != "create" || log[0].Actor != "hanako" || log[0].Before != "" {
		t.Errorf("audit log of K002000: %+v, %v", log, err)
	}
	if v, err := batched.Check(ctx); err != nil || len(v) > 0 {
		t.Errorf("check after the import: %v, %v", v, err)
	}
}

// tableRows is every row of table by id, each column as SQLite gives it
// (with its type: a text and a blob of the same bytes differ).
func tableRows(t *testing.T, st *Store, table string) [][]any {
	t.Helper()
	rows, err := st.db.Query(`SELECT * FROM ` + table + ` ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// BenchmarkCreateCustomers imports 10,000 customers into a new ledger (the
// write `daicho import customers` makes, the file already read).
func BenchmarkCreateCustomers(b *testing.B) {
	const n = 10000
	for b.Loop() {
		b.StopTimer()
		st := openImportStore(b)
		cs := importCustomers(n)
		b.StartTimer()
		if err := st.CreateCustomers(b.Context(), cs, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*n), "µs/customer")
}

// A batch the database refuses late (a code in use, an unknown person in
// charge, past several written batches) stores nothing, and the problems
// are those the record-by-record check names.
func TestCreateCustomersBatchRefusedLate(t *testing.T) {
	ctx := t.Context()
	st := openImportStore(t)
	taken := NewCustomer()
	taken.Code, taken.Name = "K000900", "既存"
	if err := st.CreateCustomer(ctx, &taken); err != nil {
		t.Fatal(err)
	}
	before := tableRows(t, st, "audit_log")
	cs := importCustomers(1000)
	cs[899].PersonInCharge = "誰か" // also record 900, whose code is taken
	cs[949].PersonInCharge = "誰か"
	got := batchProblems(t, st.CreateCustomers(ctx, cs, nil))
	want := []string{"900 code customer.code_taken", "900 person_in_charge staff.unknown", "950 person_in_charge staff.unknown"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}
	if n := len(tableRows(t, st, "customers")); n != 1 {
		t.Errorf("%d customers after a refused batch, want 1", n)
	}
	if after := tableRows(t, st, "audit_log"); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused batch changed the audit log: %d rows, %d before", len(after), len(before))
	}
}

// TestCreateCustomersBatchInvalidLate: the batch is validated as it is
// written (makeCustomerChunks), so records found invalid or repeated after
// hundreds were written roll the whole batch back, and every problem is
// named as when everything was validated before writing.
func TestCreateCustomersBatchInvalidLate(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(cs []Customer)
		want  []string
	}{
		{"invalid", func(cs []Customer) { cs[799].ClosingDay = 40; cs[989].Name = "" },
			[]string{"800 closing_day day.range", "990 name required"}},
		{"repeated", func(cs []Customer) { cs[899].Code = cs[9].Code },
			[]string{"900 code customer.code_repeated"}},
		{"invalid and repeated", func(cs []Customer) { cs[2].Name = ""; cs[999].Code = cs[500].Code },
			[]string{"3 name required", "1000 code customer.code_repeated"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ctx := t.Context()
			st := openImportStore(t)
			before := tableRows(t, st, "audit_log")
			cs := importCustomers(1000)
			tc.spoil(cs)
			if got := batchProblems(t, st.CreateCustomers(ctx, cs, nil)); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("problems\n got %q\nwant %q", got, tc.want)
			}
			if n := len(tableRows(t, st, "customers")); n != 0 {
				t.Errorf("%d customers after a refused batch, want 0", n)
			}
			if after := tableRows(t, st, "audit_log"); !reflect.DeepEqual(after, before) {
				t.Errorf("a refused batch changed the audit log: %d rows, %d before", len(after), len(before))
			}
		})
	}
}

// CreateCustomersFrom stores what CreateCustomers stores from the same
// customers, however the source slices them; a source that fails after
// giving them all, or gives none, declines the batch and writes nothing.
func TestCreateCustomersFromAsCreateCustomers(t *testing.T) {
	ctx := t.Context()
	const n = 3*customerBatchRows*10 + 7
	sliced := func(cs []Customer, whole bool) CustomerSource {
		return func(yield func([]Customer) bool) bool {
			for start, size := 0, 1; start < len(cs); start, size = start+size, size*3+1 {
				if !yield(cs[start:min(start+size, len(cs))]) {
					return true
				}
			}
			return whole
		}
	}
	streamed, batched := openImportStore(t), openImportStore(t)
	cs := importCustomers(n)
	if got, err := streamed.CreateCustomersFrom(ctx, sliced(cs, true)); err != nil || got != n {
		t.Fatalf("CreateCustomersFrom: %d, %v", got, err)
	}
	want := importCustomers(n)
	if err := batched.CreateCustomers(ctx, want, nil); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cs, want) {
		t.Error("the streamed customers (ids, versions, normalised fields) differ")
	}
	for _, table := range []string{"customers", "audit_log"} {
		if got, want := tableRows(t, streamed, table), tableRows(t, batched, table); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: streamed %d rows differ from the batch's %d", table, len(got), len(want))
		}
	}

	for _, tc := range []struct {
		name string
		from CustomerSource
	}{
		{"fails at the end", sliced(importCustomers(n), false)},
		{"gives none", sliced(nil, true)},
	} {
		st := openImportStore(t)
		before := tableRows(t, st, "audit_log")
		if got, err := st.CreateCustomersFrom(ctx, tc.from); !errors.Is(err, ErrBatchDeclined) || got != 0 {
			t.Errorf("%s: %d, %v; want ErrBatchDeclined", tc.name, got, err)
		}
		if rows := tableRows(t, st, "customers"); len(rows) != 0 {
			t.Errorf("%s: %d customers written", tc.name, len(rows))
		}
		if after := tableRows(t, st, "audit_log"); !reflect.DeepEqual(after, before) {
			t.Errorf("%s: the audit log changed", tc.name)
		}
	}
}

// A batch writes its rows without the trigger customers_staff_insert
// (withoutTrigger) and leaves the schema as it found it, written or
// refused: the trigger is back, word for word, and refuses as before.
func TestCreateCustomersBatchKeepsTheSchema(t *testing.T) {
	ctx := t.Context()
	st := openImportStore(t)
	schema := func() [][]any {
		t.Helper()
		rows, err := st.db.QueryContext(ctx, `SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out [][]any
		for rows.Next() {
			var typ, name, table string
			var sqlText sql.NullString
			if err := rows.Scan(&typ, &name, &table, &sqlText); err != nil {
				t.Fatal(err)
			}
			out = append(out, []any{typ, name, table, sqlText})
		}
		return out
	}
	before := schema()
	if err := st.CreateCustomers(ctx, importCustomers(100), nil); err != nil {
		t.Fatal(err)
	}
	refused := importCustomers(100)
	refused[60].PersonInCharge = "誰か"
	refused[0].Code = "K999999"
	if err := st.CreateCustomers(ctx, refused, nil); err == nil {
		t.Fatal("a batch naming a person not on the staff was written")
	}
	if after := schema(); !reflect.DeepEqual(after, before) {
		t.Errorf("the schema changed:\n got %v\nwant %v", after, before)
	}
	_, err := st.db.ExecContext(ctx, `INSERT INTO customers (code, name, person_in_charge, created_at, updated_at)
		VALUES ('Z1', 'x', '誰か', '', '')`)
	if err == nil || !strings.Contains(err.Error(), "person_in_charge names no staff entry") {
		t.Errorf("the trigger after the batches: %v", err)
	}
}

// batchProblems is CreateCustomers' refusal, one "line field reason" a
// problem; anything but a BatchError fails the test.
func batchProblems(t *testing.T, err error) []string {
	t.Helper()
	problems, ok := err.(BatchError)
	if !ok {
		t.Fatalf("CreateCustomers: %v", err)
	}
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprint(p.Line, " ", p.Err.Field, " ", p.Err.Reason))
	}
	return got
}
