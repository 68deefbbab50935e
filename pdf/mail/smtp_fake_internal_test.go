package mail

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"io"
	"net"
	"net/textproto"
	"strings"
	"sync"
	"testing"

	"daicho/pdf/mail/mailtest"
)

// fakeSMTP is a scripted SMTP server on loopback for what mailpit cannot be
// made to do: offer only some AUTH mechanisms, lack STARTTLS, say nothing.
type fakeSMTP struct {
	t        *testing.T
	addr     *net.TCPAddr
	ext      []string // EHLO keywords offered, e.g. "AUTH LOGIN"
	silent   bool     // accepts and says nothing
	afterGet bool     // greets, then says nothing more
	user     string
	password string
	tls      *tls.Config // implicit TLS on the port

	mu       sync.Mutex
	commands []string // every command line received (AUTH answers as "<answer>")
	authed   string   // the mechanism a login succeeded with
	data     string   // the mail, dot-unstuffed
}

func startFake(t *testing.T, host string, f *fakeSMTP) *fakeSMTP {
	t.Helper()
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		t.Skipf("cannot listen on %s: %v", host, err)
	}
	f.t, f.addr = t, l.Addr().(*net.TCPAddr)
	if f.tls != nil {
		l = tls.NewListener(l, f.tls)
	}
	var wg sync.WaitGroup
	var conns []net.Conn
	var connsMu sync.Mutex
	t.Cleanup(func() {
		l.Close()
		connsMu.Lock()
		for _, c := range conns {
			c.Close()
		}
		connsMu.Unlock()
		wg.Wait()
	})
	wg.Go(func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			connsMu.Lock()
			conns = append(conns, c)
			connsMu.Unlock()
			wg.Go(func() { f.serve(c) })
		}
	})
	return f
}

func (f *fakeSMTP) record(cmd string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.commands = append(f.commands, cmd)
}

// saw reports whether a command beginning with prefix arrived.
func (f *fakeSMTP) saw(prefix string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.commands {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

// got is the mechanism of a successful login and the mail received.
func (f *fakeSMTP) got() (authed, data string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.authed, f.data
}

func (f *fakeSMTP) serve(c net.Conn) {
	defer c.Close()
	if f.silent {
		io.Copy(io.Discard, c) // until the client or the cleanup closes it
		return
	}
	tp := textproto.NewConn(c)
	tp.PrintfLine("220 fake ESMTP")
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		f.record(line)
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO":
			if f.afterGet {
				io.Copy(io.Discard, c)
				return
			}
			lines := append([]string{"fake"}, f.ext...)
			for i, l := range lines {
				sep := "-"
				if i == len(lines)-1 {
					sep = " "
				}
				tp.PrintfLine("250%s%s", sep, l)
			}
		case "AUTH":
			f.auth(tp, arg)
		case "MAIL", "RCPT":
			tp.PrintfLine("250 ok")
		case "DATA":
			tp.PrintfLine("354 go on")
			b, err := io.ReadAll(tp.DotReader())
			if err != nil {
				return
			}
			f.mu.Lock()
			f.data = string(b)
			f.mu.Unlock()
			tp.PrintfLine("250 queued")
		case "QUIT":
			tp.PrintfLine("221 bye")
			return
		default:
			tp.PrintfLine("502 not here")
		}
	}
}

// auth runs one AUTH exchange for PLAIN, LOGIN or CRAM-MD5.
func (f *fakeSMTP) auth(tp *textproto.Conn, arg string) {
	mech, initial, _ := strings.Cut(arg, " ")
	ask := func(challenge string) string {
		tp.PrintfLine("334 %s", base64.StdEncoding.EncodeToString([]byte(challenge)))
		line, _ := tp.ReadLine()
		f.record("<answer>")
		b, _ := base64.StdEncoding.DecodeString(line)
		return string(b)
	}
	ok := false
	switch strings.ToUpper(mech) {
	case "PLAIN":
		b, _ := base64.StdEncoding.DecodeString(initial)
		ok = string(b) == "\x00"+f.user+"\x00"+f.password
	case "LOGIN":
		user := ask("Username:")
		ok = user == f.user && ask("Password:") == f.password
	case "CRAM-MD5":
		const challenge = "<1896.697170952@fake>"
		user, digest, _ := strings.Cut(ask(challenge), " ")
		mac := hmac.New(md5.New, []byte(f.password))
		mac.Write([]byte(challenge))
		ok = user == f.user && digest == hex.EncodeToString(mac.Sum(nil))
	}
	if !ok {
		tp.PrintfLine("535 authentication failed")
		return
	}
	f.mu.Lock()
	f.authed = strings.ToUpper(mech)
	f.mu.Unlock()
	tp.PrintfLine("235 ok")
}

// selfSigned is a certificate for 127.0.0.1: the server's config, and the
// client's that trusts only it.
func selfSigned(t *testing.T) (server, client *tls.Config) {
	cert, roots := mailtest.SelfSigned(t)
	return &tls.Config{Certificates: []tls.Certificate{cert}}, &tls.Config{RootCAs: roots}
}
