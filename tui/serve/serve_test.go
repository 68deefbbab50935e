package serve

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"daicho/store"
	"daicho/store/demo"
	"daicho/store/storetest"
	"daicho/tui/i18n"
)

// These tests run the real server on a loopback port over a demo ledger and
// connect with golang.org/x/crypto/ssh as a real client, with a terminal, so
// everything between the key press and the database is what a person gets.

// syncBuffer is a bytes.Buffer several goroutines write to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func (b *syncBuffer) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Len()
}

// fixture is a running server: a demo ledger in a temporary folder, and the
// keys of hanako (listed with her name), taro (listed without a comment: he
// works under his login name) and a stranger (not listed).
type fixture struct {
	t      *testing.T
	root   string // the temporary folder everything is in
	db     string
	st     *store.Store
	cfg    Config
	srv    *Server
	log    *syncBuffer
	cancel context.CancelFunc
	served chan error
	keys   map[string]gossh.Signer
}

func newSigner(t *testing.T) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func authorizedLine(s gossh.Signer, comment string) string {
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey()))) + " " + comment + "\n"
}

// prepare makes the ledger and the keys; start starts the server.
func prepare(t *testing.T) *fixture {
	t.Helper()
	root := t.TempDir()
	f := &fixture{t: t, root: root, db: filepath.Join(root, "ledger", "daicho.db"), log: &syncBuffer{},
		keys: map[string]gossh.Signer{"hanako": newSigner(t), "taro": newSigner(t), "stranger": newSigner(t)}}
	st := storetest.OpenFile(t, f.db)
	if err := demo.Fill(context.Background(), st, demo.Small); err != nil {
		t.Fatal(err)
	}
	f.st = st
	keys := filepath.Join(root, "authorized_keys")
	lines := "# the office\n" + authorizedLine(f.keys["hanako"], "hanako") + "\n" + authorizedLine(f.keys["taro"], "")
	if err := os.WriteFile(keys, []byte(lines), 0o600); err != nil {
		t.Fatal(err)
	}
	f.cfg = Config{Store: st, Printer: i18n.New(i18n.EN), Listen: "127.0.0.1:0", AuthorizedKeys: keys,
		IdleTimeout: time.Minute, ShutdownGrace: 2 * time.Second, Log: f.log}
	return f
}

func (f *fixture) start() *fixture {
	f.t.Helper()
	srv, err := New(f.cfg)
	if err != nil {
		f.t.Fatal(err)
	}
	f.srv = srv
	ctx, cancel := context.WithCancel(context.Background())
	f.cancel, f.served = cancel, make(chan error, 1)
	go func() { f.served <- srv.Serve(ctx) }()
	f.t.Cleanup(func() { f.stop() })
	return f
}

// stop shuts the server down and waits for Serve to return.
func (f *fixture) stop() error {
	f.cancel()
	select {
	case err, ok := <-f.served:
		if ok {
			close(f.served)
		}
		return err
	case <-time.After(15 * time.Second):
		f.t.Fatal("Serve did not return after its context was cancelled")
		return nil
	}
}

func (f *fixture) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.srv.Addr().String(), &gossh.ClientConfig{User: user, Auth: auth,
		HostKeyCallback: gossh.FixedHostKey(f.srv.host), Timeout: 5 * time.Second})
}

// term is one person's terminal: what the server sent, and their keyboard.
type term struct {
	t      *testing.T
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	out    *syncBuffer
	mark   int  // where the output of the latest key begins
	wide   bool // the width toggles to make the server repaint
	done   chan error
}

// connect logs in as login with name's key and opens the TUI in a 120×40
// terminal.
func (f *fixture) connect(login, name string) *term {
	f.t.Helper()
	client, err := f.dial(login, gossh.PublicKeys(f.keys[name]))
	if err != nil {
		f.t.Fatalf("%s cannot log in: %v", name, err)
	}
	sess, err := client.NewSession()
	if err != nil {
		f.t.Fatal(err)
	}
	tm := &term{t: f.t, client: client, sess: sess, out: &syncBuffer{}, done: make(chan error, 1)}
	sess.Stdout, sess.Stderr = tm.out, tm.out
	if tm.in, err = sess.StdinPipe(); err != nil {
		f.t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		f.t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		f.t.Fatal(err)
	}
	go func() { tm.done <- sess.Wait() }()
	f.t.Cleanup(func() { client.Close() })
	tm.waitFor("Customers")
	return tm
}

// send types keys; the screen checked next is what came after them.
func (tm *term) send(keys ...string) {
	tm.t.Helper()
	for _, k := range keys {
		tm.mark = tm.out.Len()
		if _, err := io.WriteString(tm.in, k); err != nil {
			tm.t.Fatalf("typing %q: %v", k, err)
		}
		// A lone ESC waits for what may follow it; a pause keeps each key
		// a key of its own, as a person types them.
		time.Sleep(40 * time.Millisecond)
	}
}

// Keys as a terminal sends them.
const (
	enter = "\r"
	tab   = "\t"
	esc   = "\x1b"
	ctrlS = "\x13"
	ctrlR = "\x12"
	down  = "\x1b[B"
)

// screenText is the output since the latest key, without escape sequences
// and without white space: the renderer moves the cursor over blank cells
// instead of writing spaces, so words arrive without the spaces between.
func screenText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, ansi.Strip(s))
}

// waitFor waits until the screen shows text. The renderer writes only the
// cells that changed, so text can arrive in pieces: when it has not shown
// up for a while, a window resize makes the server redraw the whole screen.
func (tm *term) waitFor(text string) {
	tm.t.Helper()
	want := screenText(text)
	deadline := time.Now().Add(10 * time.Second)
	lastRepaint := time.Now()
	for time.Now().Before(deadline) {
		out := tm.out.String()
		if strings.Contains(screenText(out[min(tm.mark, len(out)):]), want) {
			return
		}
		if time.Since(lastRepaint) > 400*time.Millisecond {
			tm.repaint()
			lastRepaint = time.Now()
		}
		time.Sleep(25 * time.Millisecond)
	}
	out := tm.out.String()
	tm.t.Fatalf("the screen never showed %q; since the last key:\n%s", text, ansi.Strip(out[min(tm.mark, len(out)):]))
}

// repaint changes the window's width by one column, which makes the TUI
// draw the whole screen again; output before it no longer counts.
func (tm *term) repaint() {
	tm.wide = !tm.wide
	w := 120
	if tm.wide {
		w = 121
	}
	tm.mark = tm.out.Len()
	tm.sess.WindowChange(40, w)
}

// waitEnd waits for the server to end the session.
func (tm *term) waitEnd(within time.Duration) {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(within):
		tm.t.Fatalf("the session is still open after %s", within)
	}
}

// customerByName finds a customer of the ledger by its name.
func (f *fixture) customerByName(name string) store.CustomerSummary {
	f.t.Helper()
	sums, err := f.st.CustomerSummaries(context.Background())
	if err != nil {
		f.t.Fatal(err)
	}
	for _, c := range sums {
		if c.Name == name {
			return c
		}
	}
	f.t.Fatalf("no customer %q", name)
	return store.CustomerSummary{}
}

func (f *fixture) actors(entity, id string) []string {
	f.t.Helper()
	log, err := f.st.AuditLog(context.Background(), entity, id)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, e := range log {
		out = append(out, e.Action+" by "+e.Actor)
	}
	return out
}

// Two people at once: a customer hanako adds shows up for taro after a
// reload, each change is in the audit log under its author (taro's key has
// no comment: his login name), and a save over the other's change is
// refused with the name and offered a reload.
func TestTwoSessionsShareTheLedger(t *testing.T) {
	f := prepare(t).start()
	a := f.connect("anyone", "hanako")
	b := f.connect("taro", "taro")

	a.send("n")
	a.waitFor("New customer")
	a.send(tab, "SSH商会テスト", ctrlS)
	a.waitFor("added")
	c := f.customerByName("SSH商会テスト")

	b.send(ctrlR)
	b.waitFor("Reloaded")
	b.send("/", "ssh商会", enter)
	b.waitFor(c.Code + "SSH商会テスト")

	// Both open the customer; taro saves first, then hanako's save is stale.
	a.send("e")
	a.waitFor("Edit customer " + c.Code)
	b.send("e")
	b.waitFor("Edit customer " + c.Code)
	b.send(ctrlS)
	b.waitFor("Customer " + c.Code + " saved.")
	a.send(ctrlS)
	a.waitFor("changed by taro at")
	a.send("y")
	a.waitFor("Reloaded")
	a.send(ctrlS)
	a.waitFor("Customer " + c.Code + " saved.")

	want := []string{"create by hanako", "update by taro", "update by hanako"}
	if got := f.actors("customer", c.Code); strings.Join(got, ", ") != strings.Join(want, ", ") {
		t.Errorf("audit log %v, want %v", got, want)
	}
	for _, line := range []string{`event=start user="hanako" remote=127.0.0.1:`, `event=start user="taro" remote=127.0.0.1:`} {
		if !strings.Contains(f.log.String(), line) {
			t.Errorf("the log lacks %q:\n%s", line, f.log)
		}
	}

	a.send("q")
	a.waitEnd(5 * time.Second)
	if !strings.Contains(f.log.String(), `event=end user="hanako"`) || !strings.Contains(f.log.String(), "reason=quit") {
		t.Errorf("no end line for hanako's session:\n%s", f.log)
	}
}

// Live updates: a customer hanako saves shows up in taro's list within a
// moment, without a key press (the screen is only repainted, as a resize
// does, to read it back), his search kept. The time it took is logged;
// the wait allows far more, so a busy machine does not fail the test.
func TestSessionsSeeEachOthersSavesLive(t *testing.T) {
	f := prepare(t).start()
	a := f.connect("anyone", "hanako")
	b := f.connect("taro", "taro")
	b.send("/", "live商会", enter)
	b.waitFor("/ live商会")

	a.send("n")
	a.waitFor("New customer")
	a.send(tab, "LIVE商会テスト", ctrlS)
	a.waitFor("added")
	saved := time.Now()
	c := f.customerByName("LIVE商会テスト")

	b.mark = b.out.Len() // what b shows from now on, with no key pressed
	b.waitFor(c.Code + "LIVE商会テスト")
	t.Logf("taro's list showed hanako's new customer %s after she saw it saved", time.Since(saved).Round(time.Millisecond))
	b.waitFor("1 of")
}

// Only listed keys get in; a password or keyboard-interactive attempt is
// refused however it is made, and so is a key removed from the file.
func TestOnlyListedKeysGetIn(t *testing.T) {
	f := prepare(t).start()
	tries := map[string]gossh.AuthMethod{
		"an unlisted key":      gossh.PublicKeys(f.keys["stranger"]),
		"a password":           gossh.Password("hanako"),
		"keyboard-interactive": gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{"hanako"}, nil }),
	}
	for name, auth := range tries {
		t.Run(name, func(t *testing.T) {
			c, err := f.dial("hanako", auth)
			if err == nil {
				c.Close()
				t.Fatal("got in")
			}
			if !strings.Contains(err.Error(), "unable to authenticate") {
				t.Errorf("error %v", err)
			}
		})
	}
	if !strings.Contains(f.log.String(), "event=refused") {
		t.Errorf("refusals are not logged:\n%s", f.log)
	}

	// The file is read at every login: removing taro's line locks him out.
	hanakoOnly := authorizedLine(f.keys["hanako"], "hanako")
	if err := os.WriteFile(f.cfg.AuthorizedKeys, []byte(hanakoOnly), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err := f.dial("taro", gossh.PublicKeys(f.keys["taro"])); err == nil {
		c.Close()
		t.Fatal("a removed key still gets in")
	}
}

// The host key is made 0600 on the first start, in the database's folder,
// and kept; one found readable by others is set back to 0600.
func TestHostKeyIsPrivateAndKept(t *testing.T) {
	f := prepare(t).start()
	path := DefaultHostKey(f.db)
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %04o, want 0600", info.Mode().Perm())
	}
	if _, err := os.Stat(path + ".pub"); err != nil {
		t.Errorf("no public key beside it: %v", err)
	}
	first := f.srv.HostKeyFingerprint()
	f.stop()

	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	g := prepare(t)
	g.cfg.Store, g.cfg.HostKey = f.st, path
	g.start()
	if g.srv.HostKeyFingerprint() != first {
		t.Error("a new host key was made although one exists")
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %04o after the restart, want 0600", info.Mode().Perm())
	}
	if !strings.Contains(g.log.String(), "set to 0600") {
		t.Errorf("the fix is not logged:\n%s", g.log)
	}
}

// A quiet session is closed after the idle timeout and told why; key
// presses keep a session open although the timeout passes meanwhile.
func TestIdleTimeoutClosesAQuietSession(t *testing.T) {
	f := prepare(t)
	f.cfg.IdleTimeout = time.Second
	f.start()
	quiet := f.connect("taro", "taro")
	busy := f.connect("hanako", "hanako")
	for start := time.Now(); time.Since(start) < 2500*time.Millisecond; { // someone working: j and k move the cursor
		busy.send("j")
		busy.send("k")
	}
	quiet.waitEnd(5 * time.Second)
	if !strings.Contains(screenText(quiet.out.String()), screenText("closed after 1s without a key press")) {
		t.Errorf("the quiet session was not told why")
	}
	select {
	case <-busy.done:
		t.Fatal("the busy session was closed")
	default:
	}
	if !strings.Contains(f.log.String(), `user="taro"`) || !strings.Contains(f.log.String(), "reason=idle") {
		t.Errorf("the log does not say why:\n%s", f.log)
	}
}

// Files go into the server's exports folder only: whatever a session types
// into the settings' exports field, a PDF lands there and nowhere else.
func TestSessionsWriteOnlyIntoTheExportsFolder(t *testing.T) {
	f := prepare(t)
	f.cfg.ExportsDir = filepath.Join(f.root, "exports")
	f.start()
	outside := filepath.Join(f.root, "outside")
	tm := f.connect("hanako", "hanako")
	tm.send("S")
	tm.waitFor("Company settings")
	for range 11 { // to the exports folder field
		tm.send(tab)
	}
	tm.send("../../etc/x.pdf", " ", filepath.Join(outside, "x.pdf"), ctrlS)
	tm.waitFor("Company settings saved.")
	tm.send("3")
	tm.waitFor("Documents")
	tm.send("p")
	tm.waitFor("Saved: " + f.cfg.ExportsDir)

	co, err := f.st.Company(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if co.ExportsDir != "" {
		t.Errorf("a session changed the stored exports folder to %q", co.ExportsDir)
	}
	var pdfs []string
	filepath.WalkDir(f.root, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".pdf") {
			pdfs = append(pdfs, path)
		}
		return nil
	})
	if len(pdfs) != 1 || filepath.Dir(pdfs[0]) != f.cfg.ExportsDir {
		t.Errorf("PDFs written: %v; want one, in %s", pdfs, f.cfg.ExportsDir)
	}
	if _, err := os.Stat(outside); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s exists: %v", outside, err)
	}
}

// Stopping the server closes every session, tells the person, and Serve
// returns.
func TestShutdownClosesTheSessions(t *testing.T) {
	f := prepare(t).start()
	tm := f.connect("hanako", "hanako")
	if err := f.stop(); err != nil {
		t.Fatalf("Serve: %v", err)
	}
	tm.waitEnd(5 * time.Second)
	if !strings.Contains(screenText(tm.out.String()), screenText("the server is shutting down")) {
		t.Error("the session was not told")
	}
	if c, err := f.dial("hanako", gossh.PublicKeys(f.keys["hanako"])); err == nil {
		c.Close()
		t.Error("a stopped server still takes connections")
	}
}

// A session without a terminal, or with a command, gets a sentence and exit
// status 1 instead of a TUI.
func TestSessionsNeedATerminalAndNoCommand(t *testing.T) {
	f := prepare(t).start()
	for _, tc := range []struct {
		name, command, want string
	}{
		{"no terminal", "", "daicho needs a terminal"},
		{"a command", "cat /etc/passwd", "daicho serve runs only the ledger"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := f.dial("hanako", gossh.PublicKeys(f.keys["hanako"]))
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			sess, err := c.NewSession()
			if err != nil {
				t.Fatal(err)
			}
			var out syncBuffer
			sess.Stdout, sess.Stderr = &out, &out
			if tc.command == "" {
				err = sess.Shell()
				if err == nil {
					err = sess.Wait()
				}
			} else {
				err = sess.Run(tc.command)
			}
			var exit *gossh.ExitError
			if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
				t.Errorf("exit: %v, want status 1", err)
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output %q, want %q", out.String(), tc.want)
			}
		})
	}
}

// What cannot work stops New with a sentence that says what to fix.
func TestConfigProblemsAreReported(t *testing.T) {
	f := prepare(t)
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	write := func(name, content string) string {
		path := filepath.Join(f.root, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	key := authorizedLine(f.keys["hanako"], "hanako")
	for _, tc := range []struct {
		name string
		mod  func(*Config)
		want string
	}{
		{"missing keys file", func(c *Config) { c.AuthorizedKeys = filepath.Join(f.root, "nope") }, "cannot read the authorized keys file"},
		{"empty keys file", func(c *Config) { c.AuthorizedKeys = write("empty", "# nobody yet\n\n") }, "lists no key"},
		{"not a key", func(c *Config) { c.AuthorizedKeys = write("bad", key+"ssh-ed25519 notbase64 taro\n") }, "line 2: not a public key"},
		{"options", func(c *Config) { c.AuthorizedKeys = write("opts", `from="10.0.0.1" `+key) }, "line 1: options before the key"},
		{"address taken", func(c *Config) { c.Listen = taken.Addr().String() }, "cannot listen on " + taken.Addr().String()},
		{"not a host key", func(c *Config) { c.HostKey = write("hostkey", "not a key") }, "is not an SSH private key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := f.cfg
			tc.mod(&cfg)
			srv, err := New(cfg)
			if err == nil {
				srv.ln.Close()
				t.Fatal("New accepted it")
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q, want %q", err, tc.want)
			}
		})
	}
}

func TestUserNames(t *testing.T) {
	for _, tc := range []struct{ comment, login, want string }{
		{"hanako", "root", "hanako"},
		{"", "taro", "taro"},
		{"", "", "ssh"},
		{"佐藤 花子", "x", "佐藤 花子"},
		{"evil\x1b[2Jname\n", "x", "evil[2Jname"},
	} {
		if got := userName(authorizedKey{user: cleanName(tc.comment)}, tc.login); got != tc.want {
			t.Errorf("comment %q login %q: %q, want %q", tc.comment, tc.login, got, tc.want)
		}
	}
}

// A session speaks the language its ssh client sends, else the server's.
func TestSessionLanguage(t *testing.T) {
	server := i18n.New(i18n.JA)
	for _, tc := range []struct {
		env  []string
		want i18n.Lang
	}{
		{nil, i18n.JA},
		{[]string{"LANG=en_US.UTF-8"}, i18n.EN},
		{[]string{"LANG=ja_JP.UTF-8"}, i18n.JA},
		{[]string{"LANG=ja_JP.UTF-8", "LC_ALL=C"}, i18n.EN}, // LC_ALL wins
		{[]string{"TERM=xterm", "LC_MESSAGES=ja_JP"}, i18n.JA},
	} {
		if got := sessionPrinter(tc.env, server).Lang; got != tc.want {
			t.Errorf("%v: %s, want %s", tc.env, got, tc.want)
		}
	}
}
