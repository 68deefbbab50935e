package demo

import (
	"context"
	"slices"
	"strconv"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// The small demo's inquiries show what the Inquiries tab and the customer
// detail must handle, as of the reference date: mostly closed, some
// waiting, open ones with a follow-up past, due today and later, links to
// the customer's own documents, and a history in the audit log.
func TestSmallDemoInquiries(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	added, err := Add(ctx, st, Small)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := st.Inquiries(ctx, store.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if added.Inquiries != 14 || len(qs) != 14 {
		t.Fatalf("added %d inquiries, %d stored; want 14", added.Inquiries, len(qs))
	}
	customers, _ := st.Customers(ctx)
	byID := map[int64]store.Customer{}
	for _, c := range customers {
		byID[c.ID] = c
	}
	count := map[string]int{}
	for _, q := range qs {
		count[q.Status]++
		count["channel "+q.Channel]++
		c := byID[q.CustomerID]
		if q.Status != store.InquiryClosed && c.Archived {
			t.Errorf("#%d %s is for an archived customer", q.ID, q.Subject)
		}
		if q.Person == "" || q.Date.After(Reference) {
			t.Errorf("#%d: person %q, date %s", q.ID, q.Person, store.FormatDate(q.Date))
		}
		if q.Status != store.InquiryClosed && !q.FollowUp.IsZero() {
			switch {
			case q.FollowUp.Before(Reference):
				count["follow-up past"]++
			case q.FollowUp.Equal(Reference):
				count["follow-up today"]++
			default:
				count["follow-up later"]++
			}
		}
		if q.DocumentID != 0 {
			count["linked"]++
			d, err := st.Document(ctx, q.DocumentID)
			if err != nil || d.CustomerID != q.CustomerID || d.Number == "" || d.Number != q.DocumentNumber {
				t.Errorf("#%d links %+v (%v)", q.ID, d, err)
			}
		}
		log, err := st.AuditLog(ctx, "inquiry", strconv.FormatInt(q.ID, 10))
		if err != nil || len(log) == 0 || log[0].Action != "create" {
			t.Errorf("#%d audit %v, %v", q.ID, log, err)
		}
		if len(log) > 1 {
			count["updated later"]++
		}
	}
	for what, least := range map[string]int{store.InquiryClosed: 8, store.InquiryWaiting: 2, store.InquiryOpen: 3,
		"channel phone": 1, "channel email": 1, "channel visit": 1, "channel other": 1, "follow-up past": 1,
		"follow-up today": 1, "follow-up later": 2, "linked": 5, "updated later": 5} {
		if count[what] < least {
			t.Errorf("%d inquiries are %q, want at least %d (%v)", count[what], what, least, count)
		}
	}
	if qs[0].Status != store.InquiryOpen || qs[len(qs)-1].Status != store.InquiryClosed {
		t.Errorf("not open first: %s … %s", qs[0].Status, qs[len(qs)-1].Status)
	}

	// The same every time.
	again := storetest.Open(t)
	if _, err := Add(ctx, again, Small); err != nil {
		t.Fatal(err)
	}
	qs2, _ := again.Inquiries(ctx, store.InquiryFilter{})
	if !slices.Equal(qs, qs2) {
		t.Errorf("a second demo differs:\n%+v\n%+v", qs, qs2)
	}
}

func TestLargeDemoInquiries(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 customers: skipped with -short")
	}
	fewerLargeInvoices(t)
	ctx := context.Background()
	st := storetest.Open(t)
	added, err := Add(ctx, st, Large)
	if err != nil {
		t.Fatal(err)
	}
	qs, err := st.Inquiries(ctx, store.InquiryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := 14 + largeInquiries; added.Inquiries != want || len(qs) != want {
		t.Fatalf("added %d, stored %d; want %d", added.Inquiries, len(qs), want)
	}
	active := 0
	for _, q := range qs {
		if q.Date.Before(largeFrom) || q.Date.After(Reference) {
			t.Fatalf("#%d dated %s", q.ID, store.FormatDate(q.Date))
		}
		if q.Status != store.InquiryClosed {
			active++
		}
	}
	if active == 0 || active > len(qs)/10 {
		t.Errorf("%d of %d inquiries still open or waiting", active, len(qs))
	}
}
