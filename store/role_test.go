package store_test

import (
	"testing"
	"time"

	"daicho/store"
	"daicho/store/storetest"
)

// A clerk (issue 15) drafts documents and records payments; issuing,
// voiding, the settings and backups are refused with CodeForbidden,
// whichever way they are asked for.
func TestClerkCannotIssue(t *testing.T) {
	f := newDocFix(t)
	issued := f.issued(store.KindInvoice, "2026-11-20", storetest.Line("作業", "1", 10000, store.TaxStandard))
	manager := f.st
	clerk := manager.AsPerson("hanako", store.RoleClerk)
	if clerk.IsManager() || !manager.IsManager() || clerk.Role() != store.RoleClerk {
		t.Fatalf("roles: clerk %s, manager %s", clerk.Role(), manager.Role())
	}
	f.st = clerk
	d := f.draft(store.KindInvoice, "2026-11-21", storetest.Line("作業", "2", 10000, store.TaxStandard))
	p := store.Payment{CustomerID: f.cust.ID, Date: storetest.Date("2026-11-25"), Amount: 5000, Method: store.PayCash}
	if err := clerk.RecordPayment(f.ctx, &p); err != nil {
		t.Fatalf("a clerk records a payment: %v", err)
	}
	forbidden := func(what, action string, err error) {
		t.Helper()
		if e, ok := store.AsError(err); !ok || e.Code != store.CodeForbidden || e.Reason != "role.manager_needed."+action {
			t.Errorf("%s by a clerk: %v, want CodeForbidden role.manager_needed.%s", what, err, action)
		}
	}
	_, err := clerk.Issue(f.ctx, d.ID, d.Version)
	forbidden("Issue", "issue", err)
	_, err = clerk.IssuePreview(f.ctx, d.ID)
	forbidden("IssuePreview", "issue", err)
	forbidden("Void", "void", clerk.Void(f.ctx, issued.ID, "誤り"))
	forbidden("VoidCheck", "void", clerk.VoidCheck(f.ctx, issued.ID))
	_, err = clerk.Revise(f.ctx, issued.ID, "誤り")
	forbidden("Revise", "void", err)
	_, err = clerk.ImportDocuments(f.ctx, []store.Document{f.newDoc(store.KindInvoice, "2026-11-22",
		storetest.Line("作業", "1", 1000, store.TaxStandard))}, true)
	forbidden("ImportDocuments --issue", "issue", err)
	c := f.company
	forbidden("SaveCompany", "settings", clerk.SaveCompany(f.ctx, &c))
	m := store.MailSettings{}
	forbidden("SaveMailSettings", "settings", clerk.SaveMailSettings(f.ctx, &m))
	_, err = clerk.Backup(f.ctx, t.TempDir())
	forbidden("Backup", "backup", err)
	_, err = clerk.RunBilling(f.ctx, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), true)
	if e, ok := store.AsError(err); err != nil && (!ok || e.Code != store.CodeForbidden) {
		t.Errorf("RunBilling with issue by a clerk: %v", err)
	}
	if got := f.load(d.ID); got.Status != store.StatusDraft {
		t.Errorf("the draft is %s after the clerk's refusals", got.Status)
	}
	if got := f.load(issued.ID); got.Status != store.StatusIssued {
		t.Errorf("the issued invoice is %s after the clerk's refusals", got.Status)
	}
	// The manager issues what the clerk drafted.
	if _, err := manager.Issue(f.ctx, d.ID, d.Version); err != nil {
		t.Fatalf("the manager issues: %v", err)
	}
}
