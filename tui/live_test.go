package tui

import (
	"context"
	"testing"
	"time"

	"daicho/store"
	"daicho/tui/i18n"
)

// Live updates as the screens take them: the harness runs commands one by
// one, so these tests take the change from the store's feed themselves and
// hand it to the root as the waiting command would (tui/serve drives the
// whole way over SSH).

// liveChange makes a change through another session's Store and returns
// the message the root gets for it.
func liveChange(t *testing.T, st *store.Store, change func()) liveMsg {
	t.Helper()
	ch, stop := st.Subscribe()
	defer stop()
	change()
	select {
	case c := <-ch:
		return liveMsg{change: c}
	case <-time.After(5 * time.Second):
		t.Fatal("the feed told nothing")
		return liveMsg{}
	}
}

// Another desk's new customer shows up without a key press; the cursor
// stays on the customer it was on, although the new one sorts before it.
func TestLiveListShowsAnotherDesksCustomer(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("down", "down")
	list := h.m.screens[0].(*customersScreen).list
	before := list.SelectedID()

	msg := liveChange(t, st, func() {
		addCustomers(t, st.As("hanako"), [4]string{"A0001", "花子の新しい顧客", "", ""})
	})
	h.send(msg)
	h.mustSee("5 of 5", "花子の新しい顧客")
	if list.SelectedID() != before {
		t.Errorf("the cursor moved to %d, want %d", list.SelectedID(), before)
	}
	// The customer pickers (the root's references) follow it.
	if n := len(h.m.refs.customers); n != 5 {
		t.Errorf("the customer pickers have %d customers", n)
	}
}

// A session's own saves are not loaded a second time: the screen that
// saved has reloaded already.
func TestLiveLeavesOutOwnSaves(t *testing.T) {
	st := newStore(t, true)
	taro := st.As("taro")
	h := newHarness(t, taro, i18n.EN, 120, 40)
	msg := liveChange(t, st, func() { addCustomers(t, taro, sampleCustomers[0]) })
	if cmd := h.m.changed(msg.change); cmd != nil {
		t.Error("an own save reloads the screens")
	}
}

// Every form: when someone saves its record underneath, the status line
// says who and when at once, the form keeps what it shows, and the save is
// still refused as stale.
func TestLiveFormSaysItsRecordChanged(t *testing.T) {
	for _, tc := range staleForms {
		t.Run(tc.name, func(t *testing.T) {
			st := newStore(t, true)
			_, id := tc.setup(t, st)
			hanako := st.As("hanako")
			hanako.Now = func() time.Time { return hanakoAt }
			h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
			h.press(tc.open...)
			form := h.m.current()
			dlg := h.m.ui.d

			h.send(liveChange(t, st, func() { tc.change(t, hanako, id) }))
			h.mustSee("hanako saved this record at " + hanakoAt.Local().Format("2006-01-02 15:04") + ", after you opened it")
			if h.m.current() != form || h.m.ui.d != dlg {
				t.Fatal("the form was closed or replaced")
			}
			h.press("ctrl+s")
			h.mustSee(staleQuestion())
		})
	}
}

// A customer someone deleted cannot be — but a draft can: its editor says
// so.
func TestLiveEditorSaysItsDraftWasDeleted(t *testing.T) {
	st := newStore(t, true)
	_, id := staleForms[2].setup(t, st) // the document draft
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("3", "e")
	h.send(liveChange(t, st, func() { mustNot(t, st.As("hanako").DeleteDraft(context.Background(), atoi(id))) }))
	h.mustSee("someone deleted this record after you opened it")
	if !h.m.screens[2].(*documentsScreen).editing() {
		t.Fatal("the editor was closed")
	}
}

// The detail view shows the record as saved now; a refresh that arrives
// after the person opened the form does not replace the form.
func TestLiveDetailRefreshesButNeverReplacesAForm(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	hanako := st.As("hanako")
	h := newHarness(t, st.As("taro"), i18n.EN, 120, 40)
	h.press("enter")
	rename := func(name string) func() {
		return func() {
			c, _ := hanako.CustomerByCode(context.Background(), "C0001")
			c.Name = name
			mustNot(t, hanako.UpdateCustomer(context.Background(), &c))
		}
	}
	h.send(liveChange(t, st, rename("花子が直した商事")))
	h.mustSee("花子が直した商事")

	msg := liveChange(t, st, rename("花子がまた直した商事"))
	refresh := h.m.changed(msg.change) // on its way while…
	h.press("e")                       // …the form opens
	h.run(refresh)
	s := h.m.screens[0].(*customersScreen)
	if !s.editing() || s.editor == nil {
		t.Fatal("the late refresh of the detail view replaced the form")
	}
}

// The command that waits for the next change ends with the TUI, or when
// the store closes the subscription.
func TestLiveWaitEnds(t *testing.T) {
	ch := make(chan store.Change)
	done := make(chan struct{})
	close(done)
	if msg := waitChange(ch, done, time.Now().Add(time.Hour))(); msg != nil {
		t.Errorf("after done: %v", msg)
	}
	close(ch)
	if msg := waitChange(ch, nil, time.Time{})(); msg != nil {
		t.Errorf("after the channel closed: %v", msg)
	}
}
