package tui

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"daicho/store"
	"daicho/tui/i18n"
)

// hanakoAt is when hanako's change is made in these tests; the refusal
// shows it in local time.
var hanakoAt = time.Date(2026, 11, 26, 5, 7, 0, 0, time.UTC)

func staleQuestion() string {
	return "changed by hanako at " + hanakoAt.Local().Format("2006-01-02 15:04") + " — reload?"
}

// staleForm is one form that can be saved over someone else's change: open
// presses the keys that open it on the record setup stored; change is
// hanako's save made meanwhile, and shows what the form holds once reloaded.
type staleForm struct {
	name   string
	setup  func(t *testing.T, st *store.Store) (entity, id string)
	open   []string
	change func(t *testing.T, hanako *store.Store, id string)
	shows  string
}

var staleForms = []staleForm{
	{
		name: "customer",
		setup: func(t *testing.T, st *store.Store) (string, string) {
			addCustomers(t, st, sampleCustomers...)
			return "customer", "C0001"
		},
		open: []string{"e"},
		change: func(t *testing.T, hanako *store.Store, _ string) {
			c, _ := hanako.CustomerByCode(context.Background(), "C0001")
			c.Name = "花子が直した商事"
			mustNot(t, hanako.UpdateCustomer(context.Background(), &c))
		},
		shows: "花子が直した商事",
	},
	{
		name:  "company settings",
		setup: func(*testing.T, *store.Store) (string, string) { return "company", "company" },
		open:  []string{"S"},
		change: func(t *testing.T, hanako *store.Store, _ string) {
			c, _ := hanako.Company(context.Background())
			c.Phone = "03-9999-0000"
			mustNot(t, hanako.SaveCompany(context.Background(), &c))
		},
		shows: "03-9999-0000",
	},
	{
		name: "document draft",
		setup: func(t *testing.T, st *store.Store) (string, string) {
			addCustomers(t, st, sampleCustomers...)
			c, _ := st.CustomerByCode(context.Background(), "C0001")
			d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: "十一月分", IssueDate: hanakoAt,
				Lines: []store.Line{{Description: "作業", Quantity: 1000, Unit: "式", UnitPrice: 10000, TaxCategory: store.TaxStandard}}}
			mustNot(t, st.SaveDraft(context.Background(), &d))
			return "document", itoa(d.ID)
		},
		open: []string{"3", "e"},
		change: func(t *testing.T, hanako *store.Store, id string) {
			d, _ := hanako.Document(context.Background(), atoi(id))
			d.Subject = "花子の件名"
			mustNot(t, hanako.SaveDraft(context.Background(), &d))
		},
		shows: "花子の件名",
	},
	{
		name: "contract",
		setup: func(t *testing.T, st *store.Store) (string, string) {
			addCustomers(t, st, sampleCustomers...)
			cu, _ := st.CustomerByCode(context.Background(), "C0001")
			c := store.NewContract()
			c.CustomerID, c.Title, c.Start = cu.ID, "サーバー保守", hanakoAt
			c.Lines = []store.ContractLine{{Description: "保守料", Quantity: 1000, Unit: "月", UnitPrice: 30000,
				TaxCategory: store.TaxStandard}}
			mustNot(t, st.SaveContract(context.Background(), &c))
			return "contract", itoa(c.ID)
		},
		open: []string{"2", "e"},
		change: func(t *testing.T, hanako *store.Store, id string) {
			c, _ := hanako.Contract(context.Background(), atoi(id))
			c.Title = "花子の契約名"
			mustNot(t, hanako.SaveContract(context.Background(), &c))
		},
		shows: "花子の契約名",
	},
	{
		name: "inquiry",
		setup: func(t *testing.T, st *store.Store) (string, string) {
			addCustomers(t, st, sampleCustomers...)
			q := addInquiry(t, st, "納品書の再発行", store.InquiryOpen, "2026-11-20", "", "")
			return "inquiry", itoa(q.ID)
		},
		open: []string{"6", "enter"},
		change: func(t *testing.T, hanako *store.Store, id string) {
			q, _ := hanako.Inquiry(context.Background(), atoi(id))
			q.Subject = "花子が答えた件"
			mustNot(t, hanako.UpdateInquiry(context.Background(), &q))
		},
		shows: "花子が答えた件",
	},
}

// Every form: a save over hanako's change is refused with her name and the
// time, y loads her version into the form, and saving that goes through.
func TestStaleSaveOffersReload(t *testing.T) {
	for _, tc := range staleForms {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t, true)
			entity, id := tc.setup(t, st)
			taro, hanako := st.As("taro"), st.As("hanako")
			hanako.Now = func() time.Time { return hanakoAt }
			h := newHarness(t, taro, i18n.EN, 120, 40)
			h.press(tc.open...)
			h.mustNotSee(tc.shows)
			tc.change(t, hanako, id)

			h.press("ctrl+s")
			h.mustSee(staleQuestion())
			if newest(t, st, entity, id) != "hanako" {
				t.Fatal("the stale save was written")
			}
			h.press("y")
			h.mustSee(tc.shows)
			h.mustNotSee("reload?")

			h.press("ctrl+s")
			h.mustNotSee("reload?")
			if who := newest(t, st, entity, id); who != "taro" {
				t.Fatalf("after reloading, the save is still refused (newest change by %s):\n%s", who, h.screen())
			}
		})
	}
}

// n keeps what was typed on screen, under the refusal, and saves nothing.
func TestStaleSaveNoKeepsTheEdits(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	hanako := st.As("hanako")
	hanako.Now = func() time.Time { return hanakoAt }
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("e")
	form := h.m.screens[0].(*customersScreen).editor.form
	for form.Focused() != "phone" {
		h.press("tab")
	}
	h.typeText("9")
	c, _ := hanako.CustomerByCode(context.Background(), "C0001")
	c.Name = "花子が直した商事"
	mustNot(t, hanako.UpdateCustomer(context.Background(), &c))

	h.press("ctrl+s")
	h.mustSee(staleQuestion())
	h.press("n")
	h.mustNotSee("y yes")
	h.mustSee("03-1234-56789", staleQuestion()) // the edit, and the refusal above the form
	if form.Value("name") != "株式会社テスト" {
		t.Errorf("name %q: the form was reloaded", form.Value("name"))
	}
	if got, _ := st.CustomerByCode(context.Background(), "C0001"); got.Phone != "03-1234-5678" || got.Name != c.Name {
		t.Errorf("stored %q %q", got.Name, got.Phone)
	}
}

// The inquiry form is itself a dialog: n returns to it with the edits.
func TestStaleInquiryNoReturnsToTheForm(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	q := addInquiry(t, st, "納品書の再発行", store.InquiryOpen, "2026-11-20", "", "")
	hanako := st.As("hanako")
	hanako.Now = func() time.Time { return hanakoAt }
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("6", "enter")
	focusField(h, "status")
	h.press("right")
	other := q
	other.Body = "郵送済み"
	mustNot(t, hanako.UpdateInquiry(context.Background(), &other))

	h.press("ctrl+s")
	h.mustSee(staleQuestion())
	h.press("n")
	d := inquiryForm(h)
	if d.form.Value("status") == store.InquiryOpen || d.saving {
		t.Fatalf("the form lost its edit or waits: status %q saving %v", d.form.Value("status"), d.saving)
	}
	h.press("ctrl+s", "y") // asked again; this time reload
	if d := inquiryForm(h); d.form.Value("status") != store.InquiryOpen || !strings.Contains(d.form.Value("body"), "郵送済み") {
		t.Fatalf("reloaded form: status %q body %q", d.form.Value("status"), d.form.Value("body"))
	}
}

// newest is the actor of the entity's newest audit row.
func newest(t *testing.T, st *store.Store, entity, id string) string {
	t.Helper()
	log, err := st.AuditLog(context.Background(), entity, id)
	if err != nil || len(log) == 0 {
		t.Fatalf("audit log of %s %s: %v, %d rows", entity, id, err, len(log))
	}
	return log[len(log)-1].Actor
}

func mustNot(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func atoi(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// ctrl+r reads the lists again: a customer someone else added appears.
func TestReloadShowsOthersChanges(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.mustSee("4 of 4")
	addCustomers(t, st.As("hanako"), [4]string{"C0005", "花子の新しい顧客", "", ""})
	h.mustNotSee("花子の新しい顧客")
	h.send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	h.mustSee("5 of 5", "花子の新しい顧客", "Reloaded")
}

// Issuing a draft someone changed after the issue question was shown is
// refused the same way; y shows the draft as it is now, to issue again.
func TestIssuingAChangedDraftOffersReload(t *testing.T) {
	st := newStore(t, true)
	_, id := staleForms[2].setup(t, st) // the document draft
	hanako := st.As("hanako")
	hanako.Now = func() time.Time { return hanakoAt }
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("3", "enter", "I")
	h.mustSee("Issue")
	staleForms[2].change(t, hanako, id)
	h.press("y")
	h.mustSee(staleQuestion())
	h.press("y")
	h.mustSee("花子の件名")
	if d, _ := st.Document(context.Background(), atoi(id)); d.Status != store.StatusDraft {
		t.Errorf("status %s: the changed draft was issued", d.Status)
	}
}
