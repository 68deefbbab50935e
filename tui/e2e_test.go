package tui

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"daicho/tui/i18n"
)

// The whole program, end to end: a real tea.Program on a real database, keys
// typed as a person would, the terminal output read back.
func TestEndToEndCustomerLifecycle(t *testing.T) {
	st := newStore(t, true)
	addCustomers(t, st, sampleCustomers...)
	tm := teatest.NewTestModel(t, New(st, i18n.New(i18n.JA)), teatest.WithInitialTermSize(100, 30))
	waitFor := func(what string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(what)) },
			teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(10*time.Millisecond))
	}
	press := func(keys ...string) {
		for _, k := range keys {
			tm.Send(keyMsg(k))
		}
	}
	waitFor("4 / 4件")

	// A new customer with a Japanese name.
	press("n")
	waitFor("顧客の新規登録")
	press("tab")
	tm.Type("株式会社みどり電機")
	press("tab")
	tm.Type("みどりでんき")
	press("ctrl+s")
	waitFor("顧客 C0005 を登録しました")
	c, err := st.CustomerByCode(context.Background(), "C0005")
	if err != nil || c.Name != "株式会社みどり電機" || c.Kana != "ミドリデンキ" {
		t.Fatalf("stored %+v, %v", c, err)
	}

	// Found by its reading typed in katakana; archived after confirming.
	press("esc", "/")
	tm.Type("ミドリ")
	waitFor("1 / 5件")
	press("enter", "a")
	waitFor("アーカイブしますか")
	press("y")
	waitFor("顧客 C0005 をアーカイブしました")
	if c, _ := st.CustomerByCode(context.Background(), "C0005"); !c.Archived {
		t.Fatal("not archived")
	}

	press("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if _, ok := tm.FinalModel(t).(*Model); !ok {
		t.Fatal("final model is not the root model")
	}
}
