package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/demo"
)

// Hardening of the desks (issue 15), tried with real SSH sessions.

// The bank-file prompt of a session reads only the imports folder: an
// absolute path, a path with "..", and a link leading out are refused, tab
// completes a name inside it, and a bank file there is imported.
func TestBankPromptReadsOnlyTheImportsFolder(t *testing.T) {
	f := prepare(t)
	f.cfg.ImportsDir = filepath.Join(f.root, "imports")
	if err := os.MkdirAll(f.cfg.ImportsDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.WriteBankFiles(context.Background(), f.cfg.ImportsDir, f.st); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(f.root, "secret.txt")
	if err := os.WriteFile(secret, []byte("日付,入金金額\n2026/11/20,1000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(f.cfg.ImportsDir, "link.csv")); err != nil {
		t.Fatal(err)
	}
	f.start()
	if f.srv.ImportsDir() != f.cfg.ImportsDir {
		t.Fatalf("imports folder %s, want %s", f.srv.ImportsDir(), f.cfg.ImportsDir)
	}
	tm := f.connect("hanako", "hanako")
	tm.send("4", "b")
	tm.waitFor("Bank reconciliation")
	tm.send("i")
	tm.waitFor("in the imports folder " + f.cfg.ImportsDir)
	const clear = "\x15" // ctrl+u: the input is emptied
	for _, bad := range []string{secret, "../secret.txt", "/etc/passwd"} {
		tm.send(clear, bad, enter)
		tm.waitFor("only a file in the imports folder")
	}
	tm.send(clear, "link.csv", enter)
	tm.waitFor("no such file")
	tm.send(clear, "../", tab, enter) // completion lists nothing above the folder
	tm.waitFor("only a file in the imports folder")
	tm.send(clear, "zen", tab)
	tm.waitFor("zengin_20261120.txt")
	tm.send(enter)
	tm.waitFor("deposits added")
}

// A clerk's key (role=clerk in its comment) drafts but cannot issue: the
// keys are not in the help, pressing them does nothing, the settings do not
// open, and the store refuses what gets through with "a manager is needed".
func TestClerkCannotIssueOverSSH(t *testing.T) {
	f := prepare(t)
	lines := authorizedLine(f.keys["hanako"], "hanako role=clerk") + authorizedLine(f.keys["taro"], "taro role=manager")
	if err := os.WriteFile(f.cfg.AuthorizedKeys, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	f.start()
	issued := func() int {
		docs, err := f.st.DocumentSummaries(context.Background(), store.DocumentFilter{})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, d := range docs {
			if d.Status != store.StatusDraft {
				n++
			}
		}
		return n
	}
	before := issued()

	clerk := f.connect("hanako", "hanako")
	clerk.send("3")
	clerk.waitFor("Documents")
	clerk.send("?")
	clerk.waitFor("duplicate")
	time.Sleep(300 * time.Millisecond)
	if out := screenText(clerk.out.String()[clerk.mark:]); strings.Contains(out, "Iissue") || strings.Contains(out, "Vvoid") {
		t.Errorf("the clerk's help offers issuing or voiding:\n%s", out)
	}
	clerk.send("?", "I", enter, "y", "V", "S")
	time.Sleep(500 * time.Millisecond)
	if out := screenText(clerk.out.String()[clerk.mark:]); strings.Contains(out, "Companysettings") {
		t.Errorf("the settings opened for a clerk")
	}
	if got := issued(); got != before {
		t.Errorf("%d documents issued or voided after the clerk's keys, were %d", got, before)
	}
	if log := f.log.String(); !strings.Contains(log, `role=clerk`) {
		t.Errorf("the log does not name the clerk's role:\n%s", log)
	}

	// The manager's session offers what the clerk's does not.
	manager := f.connect("taro", "taro")
	manager.send("3")
	manager.waitFor("Documents")
	manager.send("?")
	manager.waitFor("issue")
}

func TestKeyRoles(t *testing.T) {
	for _, tc := range []struct {
		comment, name string
		role          store.Role
		ok            bool
	}{
		{"hanako", "hanako", store.RoleManager, true},
		{"", "", store.RoleManager, true},
		{"hanako role=clerk", "hanako", store.RoleClerk, true},
		{"佐藤 花子 role=manager", "佐藤 花子", store.RoleManager, true},
		{"taro role=boss", "taro", "", false},
	} {
		name, role, ok := splitRole(tc.comment)
		if name != tc.name || role != tc.role || ok != tc.ok {
			t.Errorf("%q: %q %q %v, want %q %q %v", tc.comment, name, role, ok, tc.name, tc.role, tc.ok)
		}
	}
}
