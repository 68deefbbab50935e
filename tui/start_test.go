package tui

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// The start-up order (start.go): the first load is the customer list's head
// alone; the company check comes beside it; the whole list, the references
// and the other tabs follow once the rows are in.
func TestFirstRowsComeFirst(t *testing.T) {
	st := newStore(t, true)
	cs := make([]store.Customer, headRows+50)
	for i := range cs {
		cs[i] = store.NewCustomer()
		cs[i].Code, cs[i].Name = fmt.Sprintf("C%04d", i+1), fmt.Sprintf("顧客%d", i+1)
	}
	if err := st.CreateCustomers(t.Context(), cs, nil); err != nil {
		t.Fatal(err)
	}
	m := New(st, i18n.New(i18n.EN), withoutLive())
	m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})

	first, ok := m.firstLoad()().(firstRowsMsg)
	if !ok {
		t.Fatal("the first load is not the first rows")
	}
	head, ok := first.msg.(customersLoadedMsg)
	if !ok || !head.head || len(head.rows) != headRows {
		t.Fatalf("first rows = %T head=%v with %d rows, want the list's %d first", first.msg, head.head, len(head.rows), headRows)
	}
	h := &harness{t: t, m: m}
	_, rest := m.Update(first) // the whole list is read next; the rest waits for the company
	if m.start.rest {
		t.Error("the rest started before the company was known")
	}
	h.run(rest)
	h.send(companyCheckedMsg{has: true, company: savedCompany(t, st)})
	if !m.start.rest {
		t.Error("the rest did not start once the rows and the company were in")
	}
	h.mustSee(fmt.Sprintf("%d of %d", len(cs), len(cs)), "C0001")
}

func savedCompany(t *testing.T, st *store.Store) store.Company {
	t.Helper()
	c, err := st.Company(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The integrity check runs after the first rows (store.OpenCheckingLater in
// the real program): on a ledger damaged where the first screen does not
// read, the rows come, then the status line says the file is damaged, and
// saving is refused.
func TestDamageFoundAfterTheFirstRowsIsShown(t *testing.T) {
	st := newStore(t, true)
	cs := make([]store.Customer, 300)
	for i := range cs {
		cs[i] = storetest.Customer(fmt.Sprintf("C%04d", i+1), fmt.Sprintf("顧客%d", i+1))
		cs[i].Notes = strings.Repeat("メモ", 50) // an audit log of many pages
	}
	storetest.AddCustomers(t, st, cs...)
	path := st.Path()
	var page int // an audit log page that no screen reads at start
	if err := st.DB().QueryRow(`SELECT min(pageno) FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf'`).Scan(&page); err != nil {
		t.Fatal(err)
	}
	st.Close()
	body, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	const pageSize = 4096
	copy(body[(page-1)*pageSize:page*pageSize], bytes.Repeat([]byte{0x42, 0x99, 0x17, 0xEE}, pageSize/4))
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	st, err = store.OpenCheckingLater(path)
	if err != nil {
		t.Fatalf("OpenCheckingLater = %v", err)
	}
	defer st.Close()

	h := newHarness(t, st, i18n.EN, 120, 30)
	h.mustSee("C0001", path+" is damaged")
	c := store.NewCustomer()
	c.Code, c.Name = "C9999", "書けないはず"
	if err := st.CreateCustomer(t.Context(), &c); err == nil {
		t.Error("a customer was written to a damaged ledger")
	}
}

// Run starts Init's work before the program (prefetch): Init then hands on
// the company check and the first rows, and the start goes on as usual.
func TestPrefetchedStart(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, [4]string{"C0001", "株式会社さくら工業", "サクラコウギョウ", "03-1234-5678"},
		[4]string{"C0002", "青葉商事", "アオバショウジ", ""})
	m := New(st, i18n.New(i18n.EN), withoutLive())
	m.prefetch()
	h := &harness{t: t, m: m}
	h.send(tea.WindowSizeMsg{Width: 100, Height: 30})
	h.run(m.Init())
	if !m.ready || !m.start.rows || !m.start.company || !m.start.rest {
		t.Fatalf("after the prefetched Init: ready %v, start %+v", m.ready, m.start)
	}
	h.mustSee("2 of 2", "C0001", "株式会社さくら工業", "C0002")
}
