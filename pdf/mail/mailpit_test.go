package mail_test

import (
	"crypto/tls"
	"testing"

	"daicho/pdf/mail/mailtest"
)

// The mail tests' names for the shared SMTP server (pdf/mail/mailtest).
type (
	mailpit struct {
		*mailtest.Server
		smtpPort int
	}
	mailpitOptions struct {
		users string // "user:password" lines: SMTP AUTH required
		tls   bool   // STARTTLS offered, with a certificate made for 127.0.0.1
	}
	apiMessage = mailtest.Message
)

func startMailpit(t *testing.T, o mailpitOptions) *mailpit {
	s := mailtest.Start(t, mailtest.Options{Users: o.users, TLS: o.tls})
	return &mailpit{Server: s, smtpPort: s.SMTPPort}
}

func (m *mailpit) messages() []apiMessage        { return m.Messages() }
func (m *mailpit) part(id, partID string) []byte { return m.Part(id, partID) }
func (m *mailpit) tlsConfig() *tls.Config        { return m.TLSConfig() }

func freePort(t *testing.T) int { return mailtest.FreePort(t) }
