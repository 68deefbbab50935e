package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// Pickers for the records a document refers to, over lists the screen already
// holds (so they open at once, in Update); onPick runs with the choice.

func (e env) pickCustomer(title string, all []store.CustomerSummary, onPick func(store.CustomerSummary) tea.Cmd) tea.Cmd {
	var cs []store.CustomerSummary
	var items []pickItem
	for _, c := range all {
		if c.Archived {
			continue
		}
		name, kana := store.FoldDisplay(c.Name), store.FoldDisplay(c.Kana)
		cs = append(cs, c)
		items = append(items, pickItem{cells: []string{c.Code, name, kana},
			search: store.FoldSearch(c.Code + "\x00" + name + "\x00" + kana + "\x00" + c.Phone)})
	}
	cols := []Column{{Title: e.p.T("field.code"), Min: 7}, {Title: e.p.T("field.name"), Min: 28}, {Title: e.p.T("field.kana"), Min: 18}}
	return e.picker(title, cols, items, "", func(i int) tea.Cmd { return onPick(cs[i]) })
}

func (e env) pickProduct(all []store.Product, query string, onPick func(store.Product) tea.Cmd) tea.Cmd {
	var ps []store.Product
	var items []pickItem
	for _, p := range all {
		if p.Archived {
			continue
		}
		ps = append(ps, p)
		items = append(items, pickItem{
			cells:  []string{p.Code, store.FoldDisplay(p.Name), p.Unit, e.money(p.UnitPrice), e.taxLabel(p.TaxCategory)},
			search: store.FoldSearch(strings.Join([]string{p.Code, p.Name, p.Kana}, "\x00"))})
	}
	cols := []Column{{Title: e.p.T("field.code"), Min: 7}, {Title: e.p.T("field.name"), Min: 24},
		{Title: e.p.T("field.unit"), Min: 4}, {Title: e.p.T("field.unit_price"), Min: 9, Right: true},
		{Title: e.p.T("docs.col_tax"), Min: 5}}
	return e.picker(e.p.T("docs.pick_product"), cols, items, query, func(i int) tea.Cmd { return onPick(ps[i]) })
}

// taxLabel is the short label of a tax category: 10%, 8%※, 0%.
func (e env) taxLabel(category string) string {
	if category == "" {
		return "—"
	}
	return e.p.T("tax." + category)
}
