// Package mailtest runs a real SMTP server on loopback for the tests of any
// package that sends mail (pdf/mail, the TUI, the command line): mailpit
// (github.com/axllent/mailpit, a binary, not a Go dependency), started for one
// test and read back through its HTTP API. It is an ordinary package so that
// tests of several packages can share it; only tests import it.
package mailtest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Server is a mailpit started for one test.
type Server struct {
	t         *testing.T
	SMTPPort  int // where it takes mail, on 127.0.0.1
	api       string
	certRoots *x509.CertPool // with TLS: the roots that trust its certificate
}

// Options say how the server is started.
type Options struct {
	Users string // "user:password" lines: SMTP AUTH required
	TLS   bool   // STARTTLS offered, with a certificate made for 127.0.0.1
}

// mailpitVersion is the mailpit the tests run; mailpitModule builds it.
const (
	mailpitVersion = "v1.33.1"
	mailpitModule  = "github.com/axllent/mailpit@" + mailpitVersion
)

var (
	mailpitOnce sync.Once
	mailpitPath string
	mailpitErr  error
)

// findMailpit is the mailpit binary: on PATH or in $(go env GOPATH)/bin
// when installed (.ci/run does), else built once into the user's cache with
// `go install` (about 20 s the first time), so that `go test ./...` needs
// nothing but Go.
func findMailpit(t *testing.T) string {
	t.Helper()
	mailpitOnce.Do(func() { mailpitPath, mailpitErr = locateMailpit() })
	if mailpitErr != nil {
		t.Fatalf("mailpit (a real SMTP server for the mail tests) could not be built: %v; "+
			"install it with `go install %s`", mailpitErr, mailpitModule)
	}
	return mailpitPath
}

func locateMailpit() (string, error) {
	if p, err := exec.LookPath("mailpit"); err == nil {
		return p, nil
	}
	gopath, err := exec.Command("go", "env", "GOPATH").Output()
	if err != nil {
		return "", err
	}
	for _, dir := range filepath.SplitList(strings.TrimSpace(string(gopath))) {
		if p := filepath.Join(dir, "bin", "mailpit"); isFile(p) {
			return p, nil
		}
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(cache, "daicho-test", "mailpit-"+mailpitVersion)
	if p := filepath.Join(bin, "mailpit"); isFile(p) {
		return p, nil
	}
	cmd := exec.Command("go", "install", mailpitModule)
	cmd.Env = append(os.Environ(), "GOBIN="+bin)
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go install %s: %v\n%s", mailpitModule, err, out)
	}
	return filepath.Join(bin, "mailpit"), nil
}

func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// FreePort returns a loopback port nobody listens on just now.
func FreePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// Start runs mailpit until the test ends and waits until both its
// SMTP and HTTP ports answer.
func Start(t *testing.T, o Options) *Server {
	t.Helper()
	bin := findMailpit(t)
	dir := t.TempDir()
	m := &Server{t: t, SMTPPort: FreePort(t)}
	httpPort := FreePort(t)
	m.api = fmt.Sprintf("http://127.0.0.1:%d/api/v1", httpPort)
	args := []string{"--smtp", "127.0.0.1:" + strconv.Itoa(m.SMTPPort), "--listen", "127.0.0.1:" + strconv.Itoa(httpPort),
		"--database", filepath.Join(dir, "mp.db"), "--disable-version-check", "--smtp-disable-rdns", "--quiet"}
	if o.Users != "" {
		auth := filepath.Join(dir, "smtp-users")
		if err := os.WriteFile(auth, []byte(o.Users+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		args = append(args, "--smtp-auth-file", auth)
		if !o.TLS {
			args = append(args, "--smtp-auth-allow-insecure")
		}
	}
	if o.TLS {
		cert, key := m.makeCert(dir)
		args = append(args, "--smtp-tls-cert", cert, "--smtp-tls-key", key)
	}
	cmd := exec.Command(bin, args...)
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting mailpit: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	deadline := time.Now().Add(15 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", fmt.Sprintf("127.0.0.1:%d", m.SMTPPort), time.Second)
		if err == nil {
			c.Close()
			if resp, err := http.Get(m.api + "/messages"); err == nil {
				resp.Body.Close()
				if resp.StatusCode == http.StatusOK {
					return m
				}
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("mailpit did not start: %s", stderr.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// makeCert writes a self-signed certificate for 127.0.0.1 and keeps it as
// the only root the client trusts, so STARTTLS is verified for real.
func (m *Server) makeCert(dir string) (certFile, keyFile string) {
	m.t.Helper()
	cert, roots := SelfSigned(m.t)
	keyDER, err := x509.MarshalECPrivateKey(cert.PrivateKey.(*ecdsa.PrivateKey))
	if err != nil {
		m.t.Fatal(err)
	}
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	if err := os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Certificate[0]}), 0o600); err != nil {
		m.t.Fatal(err)
	}
	if err := os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		m.t.Fatal(err)
	}
	m.certRoots = roots
	return certFile, keyFile
}

// SelfSigned makes a certificate for 127.0.0.1 (an ECDSA key) and the pool
// of roots that trusts only it: a server's certificate that a client
// verifies for real.
func SelfSigned(t testing.TB) (cert tls.Certificate, roots *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true}
	der, err := x509.CreateCertificate(rand.Reader, tpl, tpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	roots = x509.NewCertPool()
	roots.AddCert(parsed)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, roots
}

func (m *Server) TLSConfig() *tls.Config { return &tls.Config{RootCAs: m.certRoots} }

// Message is what mailpit's API says about one message.
type Message struct {
	ID          string
	MessageID   string
	From        Address
	To          []Address
	Subject     string
	Username    string
	Text        string
	Date        time.Time
	Attachments []struct {
		PartID      string
		FileName    string
		ContentType string
		Size        int
	}
}

type Address struct{ Name, Address string }

func (m *Server) get(path string, into any) []byte {
	m.t.Helper()
	resp, err := http.Get(m.api + path)
	if err != nil {
		m.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		m.t.Fatalf("GET %s: %d %v: %s", path, resp.StatusCode, err, b)
	}
	if into != nil {
		if err := json.Unmarshal(b, into); err != nil {
			m.t.Fatalf("GET %s: %v", path, err)
		}
	}
	return b
}

// Messages returns every message received, newest first, in full.
func (m *Server) Messages() []Message {
	m.t.Helper()
	var list struct{ Messages []struct{ ID string } }
	m.get("/messages", &list)
	out := make([]Message, len(list.Messages))
	for i, s := range list.Messages {
		m.get("/message/"+s.ID, &out[i])
	}
	return out
}

// Part returns the bytes of one MIME part of a message (an attachment).
func (m *Server) Part(id, partID string) []byte {
	return m.get("/message/"+id+"/part/"+partID, nil)
}
