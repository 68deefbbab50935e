package mail

import (
	"bytes"
	"crypto/rand"
	"encoding/base64"
	"mime/quotedprintable"
	netmail "net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"daicho/store"
)

// build turns m into a MIME message, the bytes SMTP sends and an .eml file
// holds: UTF-8 text (quoted-printable), the PDF attached (base64), Date and
// Message-ID set (the ID under the sender's domain). It also returns the
// Message-ID, in angle brackets, as the mail log keeps it. Everything a user
// typed that goes into a header (names, subject, file name) is encoded, and
// line breaks in it become spaces: no value can start a header of its own.
func build(m Message, now time.Time) ([]byte, string, error) {
	from, ok := headerAddress(m.FromName, m.From)
	if !ok {
		return nil, "", store.Invalid("from_address", "email.format")
	}
	to, ok := headerAddress(m.ToName, m.To)
	if !ok {
		return nil, "", store.Invalid("to", "email.format")
	}
	id := "<" + strings.ToLower(rand.Text()) + "@" + m.From[strings.LastIndex(m.From, "@")+1:] + ">"

	var b bytes.Buffer
	// One allocation for the whole message, as a rule: base64 is 4/3 of the
	// PDF plus a line break every 76 characters; quoted-printable Japanese
	// is about 3 times the text.
	b.Grow(len(m.Attachment)*4/3 + len(m.Attachment)/57*2 + 3*len(m.Body) + 4096)
	writeField(&b, "From", from)
	writeField(&b, "To", to)
	writeField(&b, "Subject", encodeText(m.Subject))
	writeField(&b, "Date", now.Format(time.RFC1123Z))
	writeField(&b, "Message-ID", id)
	writeField(&b, "MIME-Version", "1.0")
	// Both names, as go-mail wrote them before: some filters look at one,
	// some at the other.
	writeField(&b, "User-Agent", "daicho")
	writeField(&b, "X-Mailer", "daicho")
	if len(m.Attachment) == 0 {
		writeText(&b, m.Body)
		return b.Bytes(), id, nil
	}
	// "=_" never occurs in quoted-printable or base64 text, so the boundary
	// cannot appear inside a part.
	boundary := "=_daicho_" + rand.Text()
	writeField(&b, "Content-Type", `multipart/mixed; boundary="`+boundary+`"`)
	b.WriteString("\r\n--" + boundary + "\r\n")
	writeText(&b, m.Body)
	b.WriteString("\r\n--" + boundary + "\r\n")
	name := oneLine(m.AttachmentName)
	writeField(&b, "Content-Type", "application/pdf; "+fileNameParams("name", name, false))
	writeField(&b, "Content-Disposition", "attachment; "+fileNameParams("filename", name, true))
	writeField(&b, "Content-Transfer-Encoding", "base64")
	b.WriteString("\r\n")
	writeBase64(&b, m.Attachment)
	b.WriteString("\r\n--" + boundary + "--\r\n")
	return b.Bytes(), id, nil
}

// writeText writes the Content-Type and encoding headers of the UTF-8 body,
// the blank line and the body, quoted-printable (lines of at most 76
// characters, CRLF line breaks whatever the text had).
func writeText(b *bytes.Buffer, body string) {
	writeField(b, "Content-Type", "text/plain; charset=UTF-8")
	writeField(b, "Content-Transfer-Encoding", "quoted-printable")
	b.WriteString("\r\n")
	w := quotedprintable.NewWriter(b)
	w.Write([]byte(body)) // a bytes.Buffer does not fail
	w.Close()
}

// writeBase64 writes data in base64, 76 characters (57 bytes) a line.
func writeBase64(b *bytes.Buffer, data []byte) {
	var line [76]byte
	for len(data) > 0 {
		n := min(57, len(data))
		base64.StdEncoding.Encode(line[:], data[:n])
		b.Write(line[:base64.StdEncoding.EncodedLen(n)])
		b.WriteString("\r\n")
		data = data[n:]
	}
}

// headerAddress is a From or To value: addr, which must be one bare
// address, with the display name before it (encoded when not plain ASCII).
func headerAddress(name, addr string) (string, bool) {
	a, err := netmail.ParseAddress(addr)
	if err != nil || a.Address != addr {
		return "", false
	}
	name = strings.TrimSpace(oneLine(name))
	switch {
	case name == "":
		return addr, true
	case isPrintableASCII(name):
		return (&netmail.Address{Name: name, Address: addr}).String(), true // quotes it as needed
	}
	// net/mail would Q-encode it; B is about a third as long for Japanese.
	return bEncode(name) + " <" + addr + ">", true
}

// encodeText is unstructured header text (a subject): as it is when plain
// ASCII, else RFC 2047 encoded words.
func encodeText(s string) string { return bEncode(oneLine(s)) }

// fileNameParams is the parameter naming an attachment: plain when its name
// is ASCII; else, with rfc2231, the standard form first (RFC 2231,
// percent-encoded in continuation lines: a reader that takes the first
// filename it finds gets this one), then an RFC 2047 fallback in quotes,
// which mail programs that lack RFC 2231 read.
func fileNameParams(param, name string, rfc2231 bool) string {
	if isPrintableASCII(name) {
		return param + `="` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	fallback := param + `="` + bEncode(name) + `"`
	if !rfc2231 {
		return fallback
	}
	pieces := percentPieces(name, 54) // 78 with " filename*10*=" and ";"
	if len(pieces) == 1 {
		return param + "*=UTF-8''" + pieces[0] + "; " + fallback
	}
	var out strings.Builder
	for i, p := range pieces {
		out.WriteString(param + "*" + strconv.Itoa(i) + "*=")
		if i == 0 {
			out.WriteString("UTF-8''")
		}
		out.WriteString(p + "; ")
	}
	return out.String() + fallback
}

// percentPieces is s percent-encoded as RFC 2231 says, cut into pieces of
// at most max characters between characters (never inside one), so each
// continuation decodes alone.
func percentPieces(s string, max int) []string {
	const hex = "0123456789ABCDEF"
	var pieces []string
	var cur []byte
	for _, r := range s {
		var enc []byte
		for _, c := range []byte(string(r)) {
			if isAttrChar(c) {
				enc = append(enc, c)
			} else {
				enc = append(enc, '%', hex[c>>4], hex[c&15])
			}
		}
		if len(cur)+len(enc) > max && len(cur) > 0 {
			pieces, cur = append(pieces, string(cur)), nil
		}
		cur = append(cur, enc...)
	}
	return append(pieces, string(cur))
}

// isAttrChar reports a character RFC 2231 lets stand for itself.
func isAttrChar(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		strings.IndexByte("!#$&+-.^_`|~", c) >= 0
}

// bEncode is s as RFC 2047 "B" encoded words when it is not plain ASCII,
// with the B in capitals as most mail programs write it. Each word holds at
// most 39 bytes of whole characters (64 characters encoded), so that a
// word fits on a folded line even after name=" (mime's words run to 75).
func bEncode(s string) string {
	if isPrintableASCII(s) {
		return s
	}
	var words []string
	for len(s) > 0 {
		n := 0
		for n < len(s) {
			_, size := utf8.DecodeRuneInString(s[n:])
			if n+size > 39 && n > 0 {
				break
			}
			n += size
		}
		words = append(words, "=?UTF-8?B?"+base64.StdEncoding.EncodeToString([]byte(s[:n]))+"?=")
		s = s[n:]
	}
	return strings.Join(words, " ")
}

func isPrintableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// oneLine is s with every line break (CR, LF) turned into a space: a header
// value never ends its line early.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' {
			return ' '
		}
		return r
	}, s)
}

// maxLine is the line length RFC 5322 asks headers to keep to.
const maxLine = 78

// writeField writes one header, folded at its spaces so that its lines keep
// to maxLine where a space allows (an encoded word is at most 75
// characters): unfolding, which only removes the CRLFs, gives value back.
func writeField(b *bytes.Buffer, name, value string) {
	b.WriteString(name + ":")
	line := len(name) + 1
	for word := range strings.SplitSeq(value, " ") {
		if word != "" && line+1+len(word) > maxLine && line > 1 {
			b.WriteString("\r\n")
			line = 0
		}
		b.WriteString(" " + word)
		line += 1 + len(word)
	}
	b.WriteString("\r\n")
}
