package store_test

import (
	"path/filepath"
	"reflect"
	"testing"
)

// CustomerSummariesHead is the start of what CustomerSummaries returns,
// archived customers left out: the customer list's first rows.
func TestCustomerSummariesHead(t *testing.T) {
	st := openTestStore(t, filepath.Join(t.TempDir(), "d.db"))
	fillCustomers(t, st, 12)
	all, err := st.CustomerSummaries(t.Context())
	mustDo(t, err)
	mustDo(t, st.SetCustomerArchived(t.Context(), all[1].ID, true))
	head, err := st.CustomerSummariesHead(t.Context(), 5)
	mustDo(t, err)
	want := append(all[:1:1], all[2:6]...)
	if !reflect.DeepEqual(head, want) {
		t.Errorf("head = %+v\nwant %+v", head, want)
	}
	if head, _ := st.CustomerSummariesHead(t.Context(), 100); len(head) != 11 {
		t.Errorf("head of 100 = %d customers, want the 11 not archived", len(head))
	}
}
