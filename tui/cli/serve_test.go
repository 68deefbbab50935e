package cli

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// writeKeys writes an authorized keys file with one new key in it.
func writeKeys(t *testing.T, dir string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	k, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "authorized_keys")
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(k))) + " hanako\n"
	if err := os.WriteFile(path, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Bad flags are usage errors (2); what the operator must fix on the machine
// (a keys file missing or empty, an address in use) is exit 1 with a
// sentence that names it. Neither starts a server.
func TestServeFlagErrors(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "d.db")
	keys := writeKeys(t, dir)
	empty := filepath.Join(dir, "empty_keys")
	if err := os.WriteFile(empty, []byte("# nobody\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"unknown flag", []string{"serve", "--authorized-keys", keys, "--port", "22"}, exitUsage, "-port"},
		{"no keys file", []string{"serve"}, exitUsage, "--authorized-keys FILE is required"},
		{"bad duration", []string{"serve", "--authorized-keys", keys, "--idle-timeout", "soon"}, exitUsage, "idle-timeout"},
		{"zero idle timeout", []string{"serve", "--authorized-keys", keys, "--idle-timeout", "0s"}, exitUsage, "give a positive duration"},
		{"not an address", []string{"serve", "--authorized-keys", keys, "--listen", "2222"}, exitUsage, `--listen "2222" is not an address`},
		{"extra argument", []string{"serve", "--authorized-keys", keys, "now"}, exitUsage, `unexpected argument "now"`},
		{"keys file missing", []string{"serve", "--authorized-keys", filepath.Join(dir, "nope")}, exitFail, "cannot read the authorized keys file"},
		{"keys file empty", []string{"serve", "--authorized-keys", empty}, exitFail, "lists no key"},
		{"address taken", []string{"serve", "--authorized-keys", keys, "--listen", taken.Addr().String()}, exitFail, "cannot listen on"},
		{"replica not a URL", []string{"serve", "--authorized-keys", keys, "--replicate", "ftp://nas/daicho"}, exitFail, "replication to ftp://nas/daicho"},
		{"sftp replica without host key", []string{"serve", "--authorized-keys", keys, "--replicate", "sftp://me@nas/daicho?key=" + keys}, exitFail, "host-key"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := runWith("", append(tc.args, "--db", db)...)
			if r.code != tc.code || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", r.code, r.stderr, tc.code, tc.want)
			}
			if strings.Contains(r.stderr, "listening on") {
				t.Error("a server started")
			}
		})
	}
}

// lockedBuffer is the stderr of a server run, written from its goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// daicho serve runs until SIGTERM, says where it listens and its host key,
// makes the host key 0600 beside the database, and exits 0.
func TestServeRunsUntilSignalled(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "ledger", "d.db")
	keys := writeKeys(t, dir)
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- Run([]string{"serve", "--db", db, "--authorized-keys", keys, "--listen", "127.0.0.1:0"},
			strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "Ctrl+C stops the server") {
		if time.Now().After(deadline) {
			t.Fatalf("no listening message: %q", stderr.String())
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited %d: %s", c, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	// The message is printed once the signals are caught, so this ends
	// the server, not the test.
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit %d: %s", c, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	for _, want := range []string{"listening on 127.0.0.1:", "SHA256:", filepath.Join(dir, "ledger", "exports"), "stopping"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
	info, err := os.Stat(filepath.Join(dir, "ledger", "ssh_host_ed25519_key"))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("host key: %v, %v", info, err)
	}
	if stdout.String() != "" {
		t.Errorf("stdout %q: serve prints nothing there", stdout.String())
	}
}

// serve --replicate replicates from the start, says so, and the replica
// holds the ledger when serve has stopped.
func TestServeReplicates(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "ledger", "d.db")
	replicaDir := filepath.Join(dir, "replica")
	keys := writeKeys(t, dir)
	var stdout, stderr lockedBuffer
	code := make(chan int, 1)
	go func() {
		code <- Run([]string{"serve", "--db", db, "--authorized-keys", keys, "--listen", "127.0.0.1:0",
			"--replicate", replicaDir}, strings.NewReader(""), &stdout, &stderr)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(stderr.String(), "replicated to "+replicaDir) {
		if time.Now().After(deadline) {
			t.Fatalf("no replication message: %q", stderr.String())
		}
		select {
		case c := <-code:
			t.Fatalf("serve exited %d: %s", c, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case c := <-code:
		if c != exitOK {
			t.Errorf("exit %d: %s", c, stderr.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not stop on SIGTERM")
	}
	restored := filepath.Join(dir, "restored.db")
	mustRun(t, "--db", restored, "restore", "--from-replica", replicaDir, "--yes")
	mustRun(t, "--db", restored, "check")
}
