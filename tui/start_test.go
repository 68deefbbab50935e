package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
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
