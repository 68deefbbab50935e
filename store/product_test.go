package store_test

import (
	"slices"
	"strings"
	"testing"

	"daicho/store"
)

func validProduct(code string) store.Product {
	return store.Product{Code: code, Name: "作業費", Kana: "サギョウヒ", Unit: "時間", UnitPrice: 8000, CostPrice: 5000,
		TaxCategory: store.TaxStandard}
}

func TestProductValidate(t *testing.T) {
	cases := []struct {
		name string
		edit func(p *store.Product)
		want []string
		norm func(p *store.Product) // the normalised form, when valid
	}{
		{name: "valid", edit: func(p *store.Product) {}},
		{name: "full-width lower-case code", edit: func(p *store.Product) { p.Code = " ｐ００１ " },
			norm: func(p *store.Product) { p.Code = "P001" }},
		{name: "tax category defaults to standard", edit: func(p *store.Product) { p.TaxCategory = "" },
			norm: func(p *store.Product) { p.TaxCategory = store.TaxStandard }},
		{name: "hiragana kana", edit: func(p *store.Product) { p.Kana = "さぎょうひ" }},
		{name: "discount item with a negative price", edit: func(p *store.Product) { p.UnitPrice = -500 },
			norm: func(p *store.Product) { p.UnitPrice = -500 }},
		{name: "no code", edit: func(p *store.Product) { p.Code = "" }, want: []string{"code required"}},
		{name: "bad code", edit: func(p *store.Product) { p.Code = "P 001" }, want: []string{"code code.format"}},
		{name: "no name", edit: func(p *store.Product) { p.Name = " " }, want: []string{"name required"}},
		{name: "kanji kana", edit: func(p *store.Product) { p.Kana = "作業費" }, want: []string{"kana kana.format"}},
		{name: "unit too long", edit: func(p *store.Product) { p.Unit = strings.Repeat("個", 11) }, want: []string{"unit too_long"}},
		{name: "unknown tax category", edit: func(p *store.Product) { p.TaxCategory = "luxury" }, want: []string{"tax_category choice"}},
		{name: "negative cost", edit: func(p *store.Product) { p.CostPrice = -1 }, want: []string{"cost_price money.negative"}},
	}
	for _, tc := range cases {
		p := validProduct("P001")
		tc.edit(&p)
		got := fieldErrors(p.Validate())
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
			continue
		}
		if tc.want == nil && tc.norm != nil {
			want := validProduct("P001")
			tc.norm(&want)
			if p != want {
				t.Errorf("%s: normalised to %+v, want %+v", tc.name, p, want)
			}
		}
	}
}

func TestSaveProduct(t *testing.T) {
	st := newTestStore(t)
	ctx := t.Context()
	p := validProduct("p001")
	if err := st.SaveProduct(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Version != 1 || p.Code != "P001" {
		t.Fatalf("after create: %+v", p)
	}
	got, err := st.ProductByCode(ctx, "ｐ００１")
	if err != nil || got != p {
		t.Fatalf("ProductByCode: %+v, %v; want %+v", got, err, p)
	}
	p.UnitPrice, p.Archived = 9000, true
	if err := st.SaveProduct(ctx, &p); err != nil {
		t.Fatal(err)
	}
	if got, _ := st.ProductByCode(ctx, "P001"); got != p || got.Version != 2 {
		t.Errorf("after update: %+v, want %+v", got, p)
	}
	stale := p
	stale.Version = 1
	stale.Name = "古い"
	if e := storeError(t, st.SaveProduct(ctx, &stale), store.CodeConflict); e.Reason != "changed_by" {
		t.Errorf("stale: %v", e)
	}
	q := validProduct("P001")
	if e := storeError(t, st.SaveProduct(ctx, &q), store.CodeConflict); e.Reason != "product.code_taken" || e.Field != "code" {
		t.Errorf("duplicate code: %v", e)
	}
	q = validProduct("P0009")
	if err := st.SaveProduct(ctx, &q); err != nil {
		t.Fatal(err)
	}
	q.Code = "P001"
	if e := storeError(t, st.SaveProduct(ctx, &q), store.CodeConflict); e.Reason != "product.code_taken" {
		t.Errorf("rename onto a taken code: %v", e)
	}
	_, err = st.ProductByCode(ctx, "P404")
	if e := storeError(t, err, store.CodeNotFound); e.Reason != "product.not_found" {
		t.Errorf("unknown code: %v", e)
	}
	ghost := validProduct("P777")
	ghost.ID, ghost.Version = 12345, 1
	storeError(t, st.SaveProduct(ctx, &ghost), store.CodeNotFound)

	all, err := st.Products(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, x := range all {
		codes = append(codes, x.Code)
	}
	if !slices.Equal(codes, []string{"P0009", "P001"}) {
		t.Errorf("products %q (archived ones included, by code)", codes)
	}
	if next, err := st.NextProductCode(ctx); err != nil || next != "P0010" {
		t.Errorf("NextProductCode = %q, %v; want P0010", next, err)
	}
	// Products are archived, never deleted: documents point at them.
	if _, err := st.DB().Exec(`DELETE FROM products WHERE id = ?`, p.ID); err == nil || !strings.Contains(err.Error(), "archived, not deleted") {
		t.Errorf("DELETE product: %v", err)
	}
	var actions []string
	for _, a := range auditRows(t, st) {
		if a.Entity == "product" {
			actions = append(actions, a.Action+" "+a.EntityID)
		}
	}
	if w := []string{"create P001", "update P001", "create P0009"}; !slices.Equal(actions, w) {
		t.Errorf("audit %q, want %q", actions, w)
	}
}
