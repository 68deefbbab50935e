package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
)

// Pickers for the records a document refers to, over lists the screen already
// holds (so they open at once, in Update); onPick runs with the choice.

func (k kit) pickCustomer(title string, all []store.CustomerSummary, onPick func(store.CustomerSummary) tea.Cmd) tea.Cmd {
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
	cols := []Column{{Title: k.p.T("field.code"), Min: 7, Whole: true}, {Title: k.p.T("field.name"), Min: 28}, {Title: k.p.T("field.kana"), Min: 18}}
	return k.picker(title, cols, items, "", func(i int) tea.Cmd { return onPick(cs[i]) })
}

func (k kit) pickProduct(all []store.Product, query string, onPick func(store.Product) tea.Cmd) tea.Cmd {
	var ps []store.Product
	var items []pickItem
	for _, p := range all {
		if p.Archived {
			continue
		}
		ps = append(ps, p)
		items = append(items, pickItem{
			cells:  []string{p.Code, store.FoldDisplay(p.Name), p.Unit, k.money(p.UnitPrice), k.taxLabel(p.TaxCategory)},
			search: store.FoldSearch(strings.Join([]string{p.Code, p.Name, p.Kana}, "\x00"))})
	}
	cols := []Column{{Title: k.p.T("field.code"), Min: 7, Whole: true}, {Title: k.p.T("field.name"), Min: 24},
		{Title: k.p.T("field.unit"), Min: 4}, {Title: k.p.T("field.unit_price"), Min: 9, Right: true},
		{Title: k.p.T("docs.col_tax"), Min: 5}}
	return k.picker(k.p.T("docs.pick_product"), cols, items, query, func(i int) tea.Cmd { return onPick(ps[i]) })
}

// taxLabel is the short label of a tax category: 10%, 8%※, 0%.
func (k kit) taxLabel(category string) string {
	if category == "" {
		return "—"
	}
	return k.p.T("tax." + category)
}

// pickStaff offers the people in charge (and "none"); onPick gets the name
// picked ("" for none).
func (k kit) pickStaff(all []store.Staff, onPick func(name string) tea.Cmd) tea.Cmd {
	names := []string{""}
	items := []pickItem{{cells: []string{k.p.T("staff.none"), ""}, search: store.FoldSearch(k.p.T("staff.none"))}}
	for _, m := range all {
		names = append(names, m.Name)
		items = append(items, pickItem{cells: []string{store.FoldDisplay(m.Name), m.Email},
			search: store.FoldSearch(m.Name + "\x00" + m.Email)})
	}
	cols := []Column{{Title: k.p.T("field.name"), Min: 16}, {Title: k.p.T("field.email"), Min: 30}}
	return k.picker(k.p.T("staff.pick"), cols, items, "", func(i int) tea.Cmd { return onPick(names[i]) })
}

// staffField is the person-in-charge field of a form: typed, or picked from
// the staff list with enter.
func (k kit) staffField(value string, staff []store.Staff) *Field {
	f := TextField("person_in_charge", k.p.T("field.person_in_charge"), value, k.p.T("staff.pick_hint"), k.styles)
	f.Pick = func(set func(string)) tea.Cmd {
		return k.pickStaff(staff, func(name string) tea.Cmd { set(name); return nil })
	}
	return f
}
