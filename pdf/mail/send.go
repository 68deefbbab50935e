package mail

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"daicho/pdf"
	"daicho/store"
)

// DefaultTimeout bounds each step of talking to the server (connecting,
// every command): a server that does not answer is reported, not waited for.
const DefaultTimeout = 30 * time.Second

// Sender sends composed messages. The zero value is ready: system roots,
// DefaultTimeout, .eml files where the company settings put exports.
type Sender struct {
	// TLSConfig verifies the server (its ServerName is filled in from the
	// host); nil: the system's roots. For a private CA, and for tests.
	TLSConfig *tls.Config
	Timeout   time.Duration
	// ExportsDir is where .eml files go; "": pdf.ExportsDir of the company
	// settings. Server mode fixes it, as it does for PDFs.
	ExportsDir string
}

// Send sends m with the zero Sender.
func Send(ctx context.Context, st *store.Store, m Message) (store.MailLog, error) {
	return Sender{}.Send(ctx, st, m)
}

// SendError is a mail the server did not take (or that could not reach it).
type SendError struct {
	Server string // host:port
	Err    error
}

func (e *SendError) Error() string { return "mail: sending through " + e.Server + ": " + e.Err.Error() }
func (e *SendError) Unwrap() error { return e.Err }

// NotLoggedError is a mail that left but whose log entry could not be
// written: it must not be sent again blindly.
type NotLoggedError struct {
	Log store.MailLog
	Err error
}

func (e *NotLoggedError) Error() string {
	return "mail: sent to " + e.Log.To + ", but the mail log could not be written: " + e.Err.Error()
}
func (e *NotLoggedError) Unwrap() error { return e.Err }

// Send sends m as the mail settings say: over SMTP to their host, or with
// no host as an .eml file (attachment included) in the exports folder, for
// sending by hand from a mail program. Only when that succeeded is the mail
// logged (and a reminder's history entry written, in the same transaction)
// and its attachment kept in the archive (Message.Kept); a failure logs
// nothing. The log entry is returned.
func (s Sender) Send(ctx context.Context, st *store.Store, m Message) (store.MailLog, error) {
	d, err := s.Deliver(ctx, st, m)
	if err != nil {
		return store.MailLog{}, err
	}
	log := store.MailLog{DocumentID: m.DocumentID, CustomerID: m.CustomerID, Kind: m.Kind, To: m.To,
		Subject: m.Subject, MessageID: d.MessageID, Method: d.Method, File: d.File,
		ContractID: m.ContractID, ContractEnd: m.ContractEnd}
	var reminder *store.ReminderLog
	if m.Reminder != nil {
		r := *m.Reminder
		reminder = &r
	}
	var kept *store.SentFile
	if m.Kept != nil {
		k := *m.Kept
		k.Channel, k.FileName, k.PDF = store.SentMail, m.AttachmentName, m.Attachment
		kept = &k
	}
	if err := st.LogMailKept(ctx, &log, reminder, kept); err != nil {
		return log, &NotLoggedError{Log: log, Err: err}
	}
	return log, nil
}

// Delivery is how a mail left: store.MailSMTP, or store.MailEML with the
// file written.
type Delivery struct {
	Method, File, MessageID string
}

// Deliver sends m as the mail settings say (SMTP, or an .eml file in the
// exports folder with no host set) and logs nothing: Send logs a customer's
// mail; a notice to a staff member is logged by its caller (store.RecordNotice).
func (s Sender) Deliver(ctx context.Context, st *store.Store, m Message) (Delivery, error) {
	settings, err := st.MailSettings(ctx)
	if err != nil {
		return Delivery{}, err
	}
	now := st.Now()
	msg, id, err := build(m, now)
	if err != nil {
		return Delivery{}, err
	}
	d := Delivery{MessageID: id}
	if settings.Host == "" {
		d.Method = store.MailEML
		if d.File, err = s.writeEML(ctx, st, msg, m.AttachmentName, now); err != nil {
			return Delivery{}, err
		}
		return d, nil
	}
	d.Method = store.MailSMTP
	if err := s.smtp(ctx, settings, m.From, m.To, msg); err != nil {
		return Delivery{}, err
	}
	return d, nil
}

// Password reads the SMTP password from where the settings say: an
// environment variable, or a file that only its owner may read (0600 or
// stricter: a password others can read is refused, with the file named).
// A trailing line break in the file is not part of it.
func Password(settings store.MailSettings) (string, error) {
	if settings.PasswordEnv != "" {
		v, ok := os.LookupEnv(settings.PasswordEnv)
		if !ok || v == "" {
			return "", store.Invalid("password_env", "mail.password_env_unset", settings.PasswordEnv)
		}
		return v, nil
	}
	path := settings.PasswordFile
	if path == "" {
		return "", store.Invalid("password_env", "mail.password_missing")
	}
	f, err := os.Open(path)
	if err != nil {
		return "", store.Invalid("password_file", "mail.password_file_unreadable", path, reason(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", store.Invalid("password_file", "mail.password_file_unreadable", path, reason(err))
	}
	if !info.Mode().IsRegular() {
		return "", store.Invalid("password_file", "mail.password_file_unreadable", path, "not a regular file")
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return "", store.Invalid("password_file", "mail.password_file_mode", path, fmt.Sprintf("%04o", perm))
	}
	b, err := io.ReadAll(io.LimitReader(f, 4096))
	if err != nil {
		return "", store.Invalid("password_file", "mail.password_file_unreadable", path, reason(err))
	}
	password := strings.TrimRight(string(b), "\r\n")
	if password == "" {
		return "", store.Invalid("password_file", "mail.password_file_empty", path)
	}
	return password, nil
}

// reason is an os error without the path it repeats.
func reason(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// writeEML writes msg into the exports folder, named after its attachment
// and the time (I-2026-0007_株式会社テスト_20261126-090000.eml), through the
// exporter: whole or not at all, never outside the folder, never over
// another file (a second mail the same second gets -2).
func (s Sender) writeEML(ctx context.Context, st *store.Store, msg []byte, attachment string, now time.Time) (string, error) {
	dir := s.ExportsDir
	if dir == "" {
		co, err := st.Company(ctx)
		if err != nil {
			return "", err
		}
		dir = pdf.ExportsDir(co, st.Path())
	}
	ex := pdf.Exporter{Dir: dir}
	// The attachment's name is a clean one (pdf.FileName, at most 200 bytes):
	// what is added keeps it a plain name under the 255-byte limit.
	stem := strings.TrimSuffix(attachment, ".pdf")
	if stem == "" {
		stem = "mail"
	}
	stem += "_" + now.Format("20060102-150405")
	for n := 1; ; n++ {
		name := stem + ".eml"
		if n > 1 {
			name = fmt.Sprintf("%s-%d.eml", stem, n)
		}
		path, err := ex.Write(name, func(w io.Writer) error {
			_, err := w.Write(msg)
			return err
		})
		if errors.Is(err, pdf.ErrExists) && n < 100 {
			continue
		}
		return path, err
	}
}
