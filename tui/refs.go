package tui

import (
	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// references are the records every screen looks things up in: the customers
// the pickers offer, and the products and tax rates the line editors fill
// lines from. The root loads them once at start, again on ctrl+r and after a
// save that changes them, and keeps them in one place (env.refs) that every
// screen reads; refsLoadedMsg then tells the screens, so those that show a
// customer's name can show the new one.
type references struct {
	customers []store.CustomerSummary // every customer (archived too), by code, names folded for display
	products  []store.Product
	taxes     store.TaxTable
	staff     []store.Staff // the people in charge the forms offer, by name
}

// refsLoadedMsg carries freshly loaded references. The root stores them
// before any screen sees the message.
type refsLoadedMsg struct {
	refs references
	err  error
}

// loadRefs reads the references in one command.
func (e env) loadRefs() tea.Cmd {
	st, ctx := e.st, e.ctx
	return func() tea.Msg {
		sums, err := st.CustomerSummaries(ctx)
		if err != nil {
			return refsLoadedMsg{err: err}
		}
		for i := range sums {
			sums[i].Name, sums[i].Kana = store.FoldDisplay(sums[i].Name), store.FoldDisplay(sums[i].Kana)
		}
		taxes, err := st.TaxTable(ctx)
		if err != nil {
			return refsLoadedMsg{err: err}
		}
		staff, err := st.StaffList(ctx)
		if err != nil {
			return refsLoadedMsg{err: err}
		}
		products, err := st.Products(ctx)
		return refsLoadedMsg{refs: references{customers: sums, products: products, taxes: taxes, staff: staff}, err: err}
	}
}

// changesRefs reports a message that says the references are out of date:
// a customer was saved, archived or restored.
func changesRefs(msg tea.Msg) bool {
	switch msg := msg.(type) {
	case customerSavedMsg:
		return true
	case customerArchivedMsg:
		return msg.err == nil
	}
	return false
}
