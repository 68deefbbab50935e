package mail

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"regexp"
	"strings"
	"testing"
	"time"

	"daicho/store"
)

// parsed is a message built by build and read back with the standard
// library only: headers decoded, parts decoded.
type parsed struct {
	header      netmail.Header
	from, to    *netmail.Address
	subject     string
	text        string
	fileName    string // as Part.FileName gives it (RFC 2231 preferred)
	fallback    string // the quoted RFC 2047 filename= alone, decoded
	contentName string // Content-Type's name=, decoded
	attachment  []byte
	attachments int
}

func parseBuilt(t *testing.T, raw []byte) parsed {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("net/mail cannot read it: %v\n%s", err, raw)
	}
	p := parsed{header: msg.Header}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 {
		t.Fatalf("From %q: %v %v", msg.Header.Get("From"), from, err)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil || len(to) != 1 {
		t.Fatalf("To %q: %v %v", msg.Header.Get("To"), to, err)
	}
	p.from, p.to = from[0], to[0]
	dec := new(mime.WordDecoder)
	if p.subject, err = dec.DecodeHeader(msg.Header.Get("Subject")); err != nil {
		t.Fatal(err)
	}
	mediaType, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	if mediaType == "text/plain" {
		p.text = decodeBody(t, msg.Header.Get("Content-Transfer-Encoding"), msg.Body)
		return p
	}
	if mediaType != "multipart/mixed" {
		t.Fatalf("content type %s", mediaType)
	}
	r := multipart.NewReader(msg.Body, params["boundary"])
	for {
		part, err := r.NextPart()
		if err == io.EOF {
			return p
		}
		if err != nil {
			t.Fatal(err)
		}
		body := decodeBody(t, part.Header.Get("Content-Transfer-Encoding"), part)
		ct, ctParams, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil {
			t.Fatal(err)
		}
		switch ct {
		case "text/plain":
			p.text = body
		case "application/pdf":
			p.attachments++
			p.attachment, p.fileName = []byte(body), part.FileName()
			p.contentName, _ = dec.DecodeHeader(ctParams["name"])
			quoted := regexp.MustCompile(`filename="([^"]*)"`).FindStringSubmatch(part.Header.Get("Content-Disposition"))
			if quoted != nil {
				p.fallback, _ = dec.DecodeHeader(quoted[1])
			}
		}
	}
}

func decodeBody(t *testing.T, encoding string, r io.Reader) string {
	t.Helper()
	switch strings.ToLower(encoding) {
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, r)
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "": // a multipart part's quoted-printable, which NextPart decodes itself
	default:
		t.Fatalf("transfer encoding %q", encoding)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// checkLines checks the wire format: CRLF only, no line over 78 characters
// (headers folded, quoted-printable and base64 at 76).
func checkLines(t *testing.T, raw []byte) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\n")) ||
		bytes.Contains(bytes.ReplaceAll(raw, []byte("\r\n"), nil), []byte("\r")) {
		t.Errorf("a bare CR or LF:\n%q", raw)
	}
	for line := range strings.SplitSeq(string(raw), "\r\n") {
		if len(line) > 78 {
			t.Errorf("line of %d characters: %q", len(line), line)
		}
	}
}

// TestBuildRoundTrip builds messages and reads them back with net/mail,
// mime's word decoder and the multipart reader: names, subject, text and
// attachment come back as they went in.
func TestBuildRoundTrip(t *testing.T) {
	pdfBytes := make([]byte, 5000)
	for i := range pdfBytes {
		pdfBytes[i] = byte(i * 7)
	}
	copy(pdfBytes, "%PDF-1.7\n")
	long := strings.Repeat("長い名前の株式会社サンプル", 4)
	cases := []struct {
		name string
		m    Message
	}{
		{"Japanese names, subject and file", Message{FromName: "株式会社サンプル商事", ToName: "山田 太郎 様",
			Subject: "請求書 I-2026-0043 のご送付", Body: "山田 太郎 様\n\nご請求金額: ¥33,000\n",
			AttachmentName: "I-2026-0043_山田 太郎.pdf", Attachment: pdfBytes}},
		{"ASCII names that need quoting", Message{FromName: `Sample "Trading", Ltd.`, ToName: `O'Brien \ Co.`,
			Subject: "Invoice I-2026-0002 from Sample Trading", Body: "Dear O'Brien,\n",
			AttachmentName: "reminder_C0001_2026-11-26.pdf", Attachment: pdfBytes}},
		{"long names and subject fold", Message{FromName: long, ToName: long, Subject: long + " " + long,
			Body:           strings.Repeat("とても長い一行です。", 40) + "\n. a dot line\nFrom the start  \n",
			AttachmentName: "I-2026-0043_" + long + ".pdf", Attachment: pdfBytes}},
		{"no attachment: one text part", Message{FromName: "daicho", ToName: "経理 花子",
			Subject: "本日の督促", Body: "経理 花子 さん\n未入金が 3 件あります。"}},
		{"short Japanese file name: one filename*", Message{FromName: "経理", ToName: "山田",
			Subject: "見積書", Body: "本文", AttachmentName: "見積書.pdf", Attachment: pdfBytes}},
		{"no names", Message{Subject: "x", Body: "x", AttachmentName: "a.pdf", Attachment: []byte("%PDF")}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.m
			m.From, m.To = "keiri@sample.example.jp", "yamada@test.example.jp"
			raw, id, err := build(m, fixedNowInternal)
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, raw)
			p := parseBuilt(t, raw)
			if p.from.Name != m.FromName || p.from.Address != m.From || p.to.Name != m.ToName || p.to.Address != m.To {
				t.Errorf("from %+v, to %+v", p.from, p.to)
			}
			if p.subject != m.Subject {
				t.Errorf("subject %q, want %q", p.subject, m.Subject)
			}
			if want := strings.ReplaceAll(m.Body, "\n", "\r\n"); p.text != want {
				t.Errorf("text %q, want %q", p.text, want)
			}
			h := p.header
			if date, err := h.Date(); err != nil || !date.Equal(fixedNowInternal) || h.Get("Message-ID") != id ||
				!strings.HasSuffix(id, "@sample.example.jp>") || h.Get("MIME-Version") != "1.0" ||
				h.Get("User-Agent") != "daicho" || h.Get("X-Mailer") != "daicho" {
				t.Errorf("headers %v (id %s)", h, id)
			}
			if m.Attachment == nil {
				if p.attachments != 0 {
					t.Errorf("%d attachments", p.attachments)
				}
				return
			}
			if p.attachments != 1 || !bytes.Equal(p.attachment, m.Attachment) {
				t.Errorf("%d attachments, bytes equal: %v", p.attachments, bytes.Equal(p.attachment, m.Attachment))
			}
			if p.fileName != m.AttachmentName || p.fallback != m.AttachmentName || p.contentName != m.AttachmentName {
				t.Errorf("file name %q, fallback %q, Content-Type name %q; want %q",
					p.fileName, p.fallback, p.contentName, m.AttachmentName)
			}
		})
	}
}

var fixedNowInternal = time.Date(2026, 11, 26, 9, 0, 0, 0, time.FixedZone("JST", 9*3600))

// TestHeaderInjection: a line break in a name, the subject or the file name
// never starts a header of its own (it becomes a space); one in an address
// is refused, as before.
func TestHeaderInjection(t *testing.T) {
	const evil = "\r\nBcc: victim@example.com\r\n"
	base := Message{From: "keiri@sample.example.jp", FromName: "株式会社サンプル商事", To: "yamada@test.example.jp",
		ToName: "山田 太郎", Subject: "請求書", Body: "本文\n",
		AttachmentName: "I-2026-0043.pdf", Attachment: []byte("%PDF")}
	cases := []struct {
		name   string
		edit   func(m *Message)
		reason string // a refusal's; "": built without the header
	}{
		{"Japanese from name", func(m *Message) { m.FromName += evil }, ""},
		{"ASCII to name", func(m *Message) { m.ToName = "Yamada" + evil }, ""},
		{"Japanese subject", func(m *Message) { m.Subject += evil + "X-Evil: 1" }, ""},
		{"ASCII subject", func(m *Message) { m.Subject = "Invoice" + evil }, ""},
		{"bare LF subject", func(m *Message) { m.Subject = "Invoice\nBcc: victim@example.com" }, ""},
		{"file name", func(m *Message) { m.AttachmentName = "a" + evil + ".pdf" }, ""},
		{"Japanese file name", func(m *Message) { m.AttachmentName = "山田" + evil + ".pdf" }, ""},
		{"to address", func(m *Message) { m.To += evil }, "email.format"},
		{"from address", func(m *Message) { m.From = "keiri@sample.example.jp\nBcc: victim@example.com" }, "email.format"},
		{"to address with a name", func(m *Message) { m.To = "Evil <yamada@test.example.jp>" }, "email.format"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := base
			tc.edit(&m)
			raw, _, err := build(m, fixedNowInternal)
			if tc.reason != "" {
				if e, ok := store.AsError(err); !ok || e.Reason != tc.reason {
					t.Fatalf("got %v, want a refusal %s", err, tc.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, raw)
			p := parseBuilt(t, raw)
			if p.header.Get("Bcc") != "" || p.header.Get("X-Evil") != "" {
				t.Fatalf("a header was injected:\n%s", raw)
			}
			for _, line := range strings.Split(string(raw), "\r\n") {
				if strings.HasPrefix(line, "Bcc:") || strings.HasPrefix(line, "X-Evil:") {
					t.Fatalf("a line starts a header: %q", line)
				}
			}
			clean := func(s string) string { return strings.NewReplacer("\r", " ", "\n", " ").Replace(s) }
			if p.from.Name != strings.TrimSpace(clean(m.FromName)) || p.to.Name != strings.TrimSpace(clean(m.ToName)) || p.subject != strings.TrimSpace(clean(m.Subject)) ||
				p.fileName != clean(m.AttachmentName) {
				t.Errorf("from %q to %q subject %q file %q", p.from.Name, p.to.Name, p.subject, p.fileName)
			}
		})
	}
}

func TestPercentPieces(t *testing.T) {
	cases := []struct {
		in   string
		max  int
		want []string
	}{
		{"a b.pdf", 54, []string{"a%20b.pdf"}},
		{"山田", 54, []string{"%E5%B1%B1%E7%94%B0"}},
		{"山田", 10, []string{"%E5%B1%B1", "%E7%94%B0"}}, // never inside a character
		{"(1)'*%.pdf", 54, []string{"%281%29%27%2A%25.pdf"}},
	}
	for _, tc := range cases {
		got := percentPieces(tc.in, tc.max)
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("percentPieces(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}
