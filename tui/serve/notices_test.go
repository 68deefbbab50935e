package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// The server sends the day's notices by itself once the settings' time has
// come, once a day; before that time, and with no time set, it sends none.
func TestServerSendsTheDaysNoticesOnce(t *testing.T) {
	f := prepare(t)
	srv, err := New(f.cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	at := func(s string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", s, time.Local)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	emls := func() []string {
		files, _ := filepath.Glob(filepath.Join(srv.ExportsDir(), "*.eml"))
		return files
	}
	srv.noticesTick(ctx, at("2026-12-04 09:00"))
	if n := len(emls()); n != 0 {
		t.Fatalf("no time set, yet %d notices written", n)
	}
	n, err := f.st.NotifySettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	n.SendAt = "08:30"
	if err := f.st.SaveNotifySettings(ctx, &n); err != nil {
		t.Fatal(err)
	}
	srv.noticesTick(ctx, at("2026-12-04 08:29"))
	if len(emls()) != 0 {
		t.Fatal("sent before the time")
	}
	srv.noticesTick(ctx, at("2026-12-04 08:30"))
	sent := emls()
	staff, _ := f.st.StaffList(ctx)
	if len(sent) < 3 || len(sent) > len(staff) {
		t.Fatalf("%d notices written for %d staff:\n%s", len(sent), len(staff), f.log.String())
	}
	if !strings.Contains(f.log.String(), "event=notify person=") {
		t.Errorf("log:\n%s", f.log.String())
	}
	srv.noticesTick(ctx, at("2026-12-04 17:00"))
	if len(emls()) != len(sent) {
		t.Error("sent twice the same day")
	}
	if rest, _ := f.st.Notices(ctx, store.DateOf(2026, 12, 4)); len(rest) != 0 {
		t.Errorf("%d notices left untold", len(rest))
	}
}

// A session whose key is named like a staff entry's SSH key opens on that
// person's queue (TestQueueIsTheFirstScreenOfAPersonInCharge: without one,
// the customers come first as before).
func TestStaffKeyOpensOnTheQueue(t *testing.T) {
	f := prepare(t)
	f.keys["sato"] = newSigner(t)
	lines, err := os.ReadFile(f.cfg.AuthorizedKeys)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.cfg.AuthorizedKeys, append(lines, authorizedLine(f.keys["sato"], "sato")...), 0o600); err != nil {
		t.Fatal(err)
	}
	f.start()
	sato := f.connect("sato", "sato")
	sato.waitFor("Waiting for 佐藤 健一")
}
