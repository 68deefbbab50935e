package storetest

import (
	"slices"
	"testing"

	"daicho/store"
)

// Company is the smallest valid company: the defaults of store.NewCompany
// with a name and a registration number.
func Company() store.Company {
	c := store.NewCompany()
	c.Name = "株式会社サンプル商事"
	c.RegistrationNumber = "T4011001098993"
	return c
}

// SaveCompany saves c as the ledger's company and returns it as saved.
func SaveCompany(t testing.TB, st *store.Store, c store.Company) store.Company {
	t.Helper()
	if err := st.SaveCompany(t.Context(), &c); err != nil {
		t.Fatalf("save company: %v", err)
	}
	return c
}

// WithCompany saves Company() as the ledger's company, so the ledger is ready
// for documents, and returns it as saved.
func WithCompany(t testing.TB, st *store.Store) store.Company {
	t.Helper()
	return SaveCompany(t, st, Company())
}

// Customer is a valid new customer (store.NewCustomer's defaults: 御中,
// month-end closing, paid at the next month's end) with a code and a name.
func Customer(code, name string) store.Customer {
	c := store.NewCustomer()
	c.Code, c.Name = code, name
	return c
}

// AddCustomers stores cs in one transaction and returns them as stored (with
// their IDs), in the same order.
func AddCustomers(t testing.TB, st *store.Store, cs ...store.Customer) []store.Customer {
	t.Helper()
	out := slices.Clone(cs)
	if err := st.CreateCustomers(t.Context(), out, nil); err != nil {
		t.Fatalf("add customers: %v", err)
	}
	return out
}

// AddProducts stores ps and returns them as stored (with their IDs), in the
// same order.
func AddProducts(t testing.TB, st *store.Store, ps ...store.Product) []store.Product {
	t.Helper()
	out := slices.Clone(ps)
	for i := range out {
		if err := st.SaveProduct(t.Context(), &out[i]); err != nil {
			t.Fatalf("add product %s: %v", out[i].Code, err)
		}
	}
	return out
}

// Staff adds staff entries (people in charge) named names that are not
// there yet, so customers and contracts may name them (0014_staff.sql
// refuses a name that is no entry's).
func Staff(t testing.TB, st *store.Store, names ...string) {
	t.Helper()
	for _, n := range names {
		if _, err := st.StaffByName(t.Context(), n); err == nil {
			continue
		}
		m := store.Staff{Name: n}
		if err := st.CreateStaff(t.Context(), &m); err != nil {
			t.Fatalf("staff %s: %v", n, err)
		}
	}
}
