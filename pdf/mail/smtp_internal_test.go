package mail

import (
	"context"
	"errors"
	"net/smtp"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// sendTo sends a small built message to f with settings made by edit.
func sendTo(ctx context.Context, t *testing.T, f *fakeSMTP, s Sender, edit func(ms *store.MailSettings)) error {
	t.Helper()
	ms := store.MailSettings{Host: f.addr.IP.String(), Port: f.addr.Port, Security: store.SecurityNone}
	if edit != nil {
		edit(&ms)
	}
	msg, _, err := build(Message{From: "keiri@sample.example.jp", To: "yamada@test.example.jp", ToName: "山田 太郎",
		Subject: "請求書", Body: "本文\n.\n"}, fixedNowInternal)
	if err != nil {
		t.Fatal(err)
	}
	if s.Timeout == 0 {
		s.Timeout = 5 * time.Second
	}
	return s.smtp(ctx, ms, "keiri@sample.example.jp", "yamada@test.example.jp", msg)
}

func withUser(t *testing.T, password string) func(ms *store.MailSettings) {
	t.Setenv("DAICHO_TEST_FAKE_PASSWORD", password)
	return func(ms *store.MailSettings) { ms.Username, ms.PasswordEnv = "keiri", "DAICHO_TEST_FAKE_PASSWORD" }
}

// TestAuthMechanisms logs in with what the server offers: PLAIN, then
// LOGIN, then CRAM-MD5; a wrong password or nothing usable sends nothing.
func TestAuthMechanisms(t *testing.T) {
	cases := []struct {
		name     string
		offered  []string
		password string
		want     string // the mechanism used; "" an error containing wantErr
		wantErr  string
	}{
		{"LOGIN only", []string{"AUTH LOGIN"}, "s3cret-パス", "LOGIN", ""},
		{"LOGIN, wrong password", []string{"AUTH LOGIN"}, "wrong", "", "535"},
		{"PLAIN first", []string{"8BITMIME", "AUTH CRAM-MD5 LOGIN PLAIN"}, "s3cret-パス", "PLAIN", ""},
		{"LOGIN before CRAM-MD5", []string{"AUTH CRAM-MD5 LOGIN"}, "s3cret-パス", "LOGIN", ""},
		{"CRAM-MD5 only", []string{"AUTH CRAM-MD5"}, "s3cret-パス", "CRAM-MD5", ""},
		{"CRAM-MD5, wrong password", []string{"AUTH CRAM-MD5"}, "wrong", "", "535"},
		{"no AUTH", nil, "s3cret-パス", "", "does not offer AUTH"},
		{"nothing usable", []string{"AUTH XOAUTH2 GSSAPI"}, "s3cret-パス", "", "XOAUTH2"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startFake(t, "127.0.0.1", &fakeSMTP{ext: tc.offered, user: "keiri", password: "s3cret-パス"})
			err := sendTo(t.Context(), t, f, Sender{}, withUser(t, tc.password))
			if tc.want == "" {
				var se *SendError
				if !errors.As(err, &se) || !strings.Contains(err.Error(), tc.wantErr) || f.saw("MAIL") {
					t.Fatalf("got %v (MAIL sent: %v), want a SendError with %q", err, f.saw("MAIL"), tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if authed, data := f.got(); authed != tc.want || !strings.Contains(data, "Subject: =?UTF-8?B?") ||
				!strings.HasSuffix(data, "\n.\n") || !f.saw("QUIT") { // a line "." went through dot-stuffed
				t.Errorf("logged in with %q, want %s; data %q", authed, tc.want, data)
			}
		})
	}
}

// TestPasswordOnlyToThisMachine: over an unencrypted connection a password
// goes to localhost only, whatever the mechanism.
func TestPasswordOnlyToThisMachine(t *testing.T) {
	// 127.0.0.2 is this machine too, but not a name PlainAuth trusts: it
	// stands for another host without needing one.
	f := startFake(t, "127.0.0.2", &fakeSMTP{ext: []string{"AUTH LOGIN PLAIN CRAM-MD5"}, user: "keiri", password: "pw"})
	err := sendTo(t.Context(), t, f, Sender{}, withUser(t, "pw"))
	if !errors.Is(err, errPlainPassword) || f.saw("AUTH") || f.saw("MAIL") {
		t.Fatalf("got %v (AUTH sent: %v)", err, f.saw("AUTH"))
	}
	// LOGIN keeps the rule on its own too, as net/smtp's PlainAuth does.
	a := &loginAuth{user: "u", password: "p", host: "mail.example.jp"}
	if _, _, err := a.Start(&smtp.ServerInfo{Name: "mail.example.jp"}); !errors.Is(err, errPlainPassword) {
		t.Errorf("LOGIN without TLS to another host: %v", err)
	}
	if mech, _, err := a.Start(&smtp.ServerInfo{Name: "mail.example.jp", TLS: true}); err != nil || mech != "LOGIN" {
		t.Errorf("LOGIN over TLS: %s %v", mech, err)
	}
	if _, _, err := a.Start(&smtp.ServerInfo{Name: "other.example.jp", TLS: true}); err == nil {
		t.Error("LOGIN to another host name than configured was allowed")
	}
}

// TestSTARTTLSRequired: with the default security a server without
// STARTTLS gets nothing, not even the user name; "none" sends in plain.
func TestSTARTTLSRequired(t *testing.T) {
	for _, security := range []string{store.SecuritySTARTTLS, ""} {
		f := startFake(t, "127.0.0.1", &fakeSMTP{ext: []string{"AUTH PLAIN"}, user: "keiri", password: "pw"})
		user := withUser(t, "pw")
		err := sendTo(t.Context(), t, f, Sender{}, func(ms *store.MailSettings) { user(ms); ms.Security = security })
		var se *SendError
		if !errors.As(err, &se) || !errors.Is(err, errNoSTARTTLS) || f.saw("AUTH") || f.saw("MAIL") {
			t.Errorf("security %q: got %v (AUTH sent: %v, MAIL sent: %v)", security, err, f.saw("AUTH"), f.saw("MAIL"))
		}
	}
	f := startFake(t, "127.0.0.1", &fakeSMTP{})
	err := sendTo(t.Context(), t, f, Sender{}, nil)
	if _, data := f.got(); err != nil || data == "" || !f.saw("EHLO "+heloName()) {
		t.Errorf("security none: %v (EHLO with this machine's name: %v)", err, f.saw("EHLO "+heloName()))
	}
}

// TestImplicitTLS sends over TLS from the first byte, the server verified.
func TestImplicitTLS(t *testing.T) {
	serverTLS, clientTLS := selfSigned(t)
	f := startFake(t, "127.0.0.1", &fakeSMTP{ext: []string{"AUTH PLAIN"}, user: "keiri", password: "pw", tls: serverTLS})
	user := withUser(t, "pw")
	tlsOn := func(ms *store.MailSettings) { user(ms); ms.Security = store.SecurityTLS }
	err := sendTo(t.Context(), t, f, Sender{TLSConfig: clientTLS}, tlsOn)
	if authed, data := f.got(); err != nil || authed != "PLAIN" || data == "" {
		t.Fatalf("%v, logged in with %q", err, authed)
	}
	// A certificate the client does not trust: nothing is sent.
	f = startFake(t, "127.0.0.1", &fakeSMTP{ext: []string{"AUTH PLAIN"}, user: "keiri", password: "pw", tls: serverTLS})
	err = sendTo(t.Context(), t, f, Sender{}, tlsOn)
	if err == nil || !strings.Contains(err.Error(), "certificate") || f.saw("AUTH") {
		t.Errorf("an unverified server: %v", err)
	}
}

// TestSilentServer: a server that stops answering is reported after the
// timeout, at the greeting or at a later step; a cancelled context ends
// the wait at once.
func TestSilentServer(t *testing.T) {
	cases := []struct {
		name             string
		silent, afterGet bool
	}{
		{"says nothing", true, false},
		{"greets, then nothing", false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := startFake(t, "127.0.0.1", &fakeSMTP{silent: tc.silent, afterGet: tc.afterGet})
			start := time.Now()
			err := sendTo(t.Context(), t, f, Sender{Timeout: 200 * time.Millisecond}, nil)
			var se *SendError
			if !errors.As(err, &se) || !strings.Contains(err.Error(), "did not answer within 200ms") {
				t.Fatalf("got %v", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
	f := startFake(t, "127.0.0.1", &fakeSMTP{silent: true})
	ctx, cancel := context.WithTimeout(t.Context(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := sendTo(ctx, t, f, Sender{Timeout: time.Minute}, nil)
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 3*time.Second {
		t.Errorf("cancelled: %v after %v", err, time.Since(start))
	}
}
