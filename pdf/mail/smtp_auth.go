package mail

import (
	"errors"
	"fmt"
	"net/smtp"
	"slices"
	"strings"
)

// errPlainPassword refuses to log in over an unencrypted connection to
// another machine.
var errPlainPassword = errors.New("the connection is not encrypted: a password is sent in plain text " +
	"only to this machine (set the security to STARTTLS or TLS)")

// authenticate logs in with the first mechanism the server offers of PLAIN,
// LOGIN and CRAM-MD5, in that order. Without TLS it does so only with this
// machine, as net/smtp's PlainAuth does, whatever the mechanism.
func authenticate(c *smtp.Client, host, user, password string) error {
	if _, tls := c.TLSConnectionState(); !tls && !isLocalhost(host) {
		return errPlainPassword
	}
	ok, list := c.Extension("AUTH")
	if !ok {
		return errors.New("the server does not offer AUTH, but the mail settings name a user")
	}
	offered := strings.Fields(strings.ToUpper(list))
	var auth smtp.Auth
	switch {
	case slices.Contains(offered, "PLAIN"):
		auth = smtp.PlainAuth("", user, password, host)
	case slices.Contains(offered, "LOGIN"):
		auth = &loginAuth{user: user, password: password, host: host}
	case slices.Contains(offered, "CRAM-MD5"):
		auth = smtp.CRAMMD5Auth(user, password)
	default:
		return fmt.Errorf("the server offers AUTH %s; daicho logs in with PLAIN, LOGIN or CRAM-MD5", list)
	}
	if err := c.Auth(auth); err != nil {
		return fmt.Errorf("logging in as %s: %w", user, err)
	}
	return nil
}

// isLocalhost is the names net/smtp's PlainAuth sends a password to
// without TLS.
func isLocalhost(host string) bool {
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}

// loginAuth is the LOGIN mechanism (a de-facto standard net/smtp lacks):
// the server asks for the user name, then the password, each in base64
// (net/smtp encodes and decodes). The prompts' wording varies between
// servers, so the answer goes by the step, not by the prompt.
type loginAuth struct {
	user, password, host string
	step                 int
}

func (a *loginAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	if !server.TLS && !isLocalhost(server.Name) {
		return "", nil, errPlainPassword
	}
	if server.Name != a.host {
		return "", nil, errors.New("wrong host name")
	}
	a.step = 0
	return "LOGIN", nil, nil
}

func (a *loginAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	if !more {
		return nil, nil
	}
	a.step++
	switch a.step {
	case 1:
		return []byte(a.user), nil
	case 2:
		return []byte(a.password), nil
	}
	return nil, fmt.Errorf("unexpected LOGIN challenge %q", fromServer)
}
