package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"strconv"
	"strings"
	"time"

	"daicho/store"
)

// errNoSTARTTLS is a server that does not offer STARTTLS when the settings
// require it: the mail is not sent in plain text instead.
var errNoSTARTTLS = errors.New("the server does not offer STARTTLS, which the mail settings require " +
	"(the mail was not sent in plain text)")

// smtp sends msg from one address to another through the settings' server:
// STARTTLS required (never a silent fallback to plain text) or implicit
// TLS, or plain for "none"; with a user, the password from its variable or
// file, read before connecting. Over "none" a password is sent only to this
// machine (authenticate refuses it elsewhere).
func (s Sender) smtp(ctx context.Context, settings store.MailSettings, from, to string, msg []byte) error {
	host := strings.Trim(settings.Host, "[]")
	server := net.JoinHostPort(host, strconv.Itoa(settings.Port))
	var password string
	if settings.Username != "" {
		var err error
		if password, err = Password(settings); err != nil {
			return err
		}
	}
	timeout := s.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	c := conversation{host: host, server: server, security: settings.Security, timeout: timeout,
		tls: s.tlsConfig(host), user: settings.Username, password: password}
	if err := c.send(ctx, from, to, msg); err != nil {
		return &SendError{Server: server, Err: err}
	}
	return nil
}

// tlsConfig verifies host: with the Sender's config when it has one (a
// private CA, tests), else the system's roots.
func (s Sender) tlsConfig(host string) *tls.Config {
	conf := &tls.Config{MinVersion: tls.VersionTLS12}
	if s.TLSConfig != nil {
		conf = s.TLSConfig.Clone()
	}
	if conf.ServerName == "" {
		conf.ServerName = host
	}
	return conf
}

// conversation is one SMTP session that sends one mail.
type conversation struct {
	host, server, security string
	timeout                time.Duration
	tls                    *tls.Config
	user, password         string
}

// send connects, secures the connection as the settings say, logs in, and
// hands over the mail. A cancelled ctx ends it at whatever step it waits.
func (c conversation) send(ctx context.Context, from, to string, msg []byte) (err error) {
	dialer := net.Dialer{Timeout: c.timeout}
	raw, err := dialer.DialContext(ctx, "tcp", c.server)
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	defer stop()
	defer func() {
		switch {
		case err == nil:
		case ctx.Err() != nil:
			err = ctx.Err()
		case errors.Is(err, os.ErrDeadlineExceeded):
			err = fmt.Errorf("the server did not answer within %v (%w)", c.timeout, err)
		}
	}()
	var conn net.Conn = &stepConn{Conn: raw, timeout: c.timeout}
	if c.security == store.SecurityTLS {
		tc := tls.Client(conn, c.tls)
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return fmt.Errorf("TLS: %w", err)
		}
		conn = tc
	}
	client, err := smtp.NewClient(conn, c.host) // reads the greeting
	if err != nil {
		conn.Close()
		return err
	}
	defer client.Close()
	if err := client.Hello(heloName()); err != nil {
		return err
	}
	if c.security != store.SecurityTLS && c.security != store.SecurityNone {
		if ok, _ := client.Extension("STARTTLS"); !ok {
			return errNoSTARTTLS
		}
		if err := client.StartTLS(c.tls); err != nil {
			return fmt.Errorf("STARTTLS: %w", err)
		}
	}
	if c.user != "" {
		if err := authenticate(client, c.host, c.user, c.password); err != nil {
			return err
		}
	}
	if err := client.Mail(from); err != nil {
		return err
	}
	if err := client.Rcpt(to); err != nil {
		return err
	}
	w, err := client.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil { // the server's answer to the whole mail
		return err
	}
	// The server took the mail: a QUIT that fails changes nothing, and an
	// error now would have it sent twice.
	client.Quit()
	return nil
}

// heloName is the name the client gives in EHLO: this machine's, as go-mail
// gave it before (some servers frown on "localhost", net/smtp's default).
func heloName() string {
	name, err := os.Hostname()
	if err != nil || name == "" || strings.ContainsAny(name, " \t\r\n") {
		return "localhost"
	}
	return name
}

// stepConn gives every read and write its own deadline, so a server that
// stops answering at any step is reported after the timeout, while a large
// attachment on a slow line still has as long as it needs in total.
type stepConn struct {
	net.Conn
	timeout time.Duration
}

func (c *stepConn) Read(p []byte) (int, error) {
	c.Conn.SetReadDeadline(time.Now().Add(c.timeout))
	return c.Conn.Read(p)
}

func (c *stepConn) Write(p []byte) (int, error) {
	c.Conn.SetWriteDeadline(time.Now().Add(c.timeout))
	return c.Conn.Write(p)
}
