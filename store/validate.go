package store

import (
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Field checks shared by every record with contact details (customers, the
// company). Each normalises its value in place, so what is stored is the one
// canonical spelling, and adds an error naming the field when the value is bad.

// checker collects the field errors of one validation pass.
type checker struct{ errs Errors }

func (c *checker) add(field, reason string, args ...any) {
	c.errs = append(c.errs, Invalid(field, reason, args...))
}

// text trims a free-text field and checks it is present when required and not
// longer than max characters.
func (c *checker) text(field string, v *string, required bool, max int) {
	*v = strings.TrimSpace(*v)
	switch {
	case required && *v == "":
		c.add(field, "required")
	case utf8.RuneCountInString(*v) > max:
		c.add(field, "too_long", max)
	case strings.ContainsFunc(*v, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }):
		c.add(field, "control_chars")
	}
}

// line is text that must stay on one line (names, addresses): a newline in a
// name would break every table and PDF it is printed in.
func (c *checker) line(field string, v *string, required bool, max int) {
	if strings.ContainsAny(*v, "\r\n") {
		c.add(field, "one_line")
		return
	}
	c.text(field, v, required, max)
}

// foldASCII turns full-width ASCII (Ｔ, １, －, ＠) into half-width, leaving kana alone.
func foldASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 0xFF01 && r <= 0xFF5E {
			return r - 0xFEE0
		}
		if r == '　' {
			return ' '
		}
		return r
	}, strings.TrimSpace(s))
}

// digitsDash folds the dashes people type between digits into "-".
func digitsDash(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case 'ー', '−', '‐', '―', '－', '‑', '–', '—':
			return '-'
		}
		return r
	}, foldASCII(s))
}

var postalJP = lazyRegexp(`^\d{3}-\d{4}$`)

// postalCode accepts 〒100-0001, 1000001 and full-width digits, stored as
// 100-0001. Japanese postal codes are checked strictly; elsewhere (an English-
// language customer abroad) the code is free text.
func (c *checker) postalCode(field string, v *string, japan bool) {
	s := strings.TrimSpace(strings.TrimPrefix(digitsDash(*v), "〒"))
	if len(s) == 7 && AllDigits(s) {
		s = s[:3] + "-" + s[3:]
	}
	*v = s
	if s != "" && japan && !postalJP().MatchString(s) {
		c.add(field, "postal.format_jp")
		return
	}
	c.line(field, v, false, 20)
}

var phoneChars = lazyRegexp(`^\+?[0-9()\- ]+$`)

// phone accepts digits with - ( ) spaces and a leading +, full-width folded.
func (c *checker) phone(field string, v *string) {
	s := digitsDash(*v)
	*v = s
	if s == "" {
		return
	}
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if !phoneChars().MatchString(s) || digits < 6 || len(s) > 30 {
		c.add(field, "phone.format")
	}
}

// email checks one plain address (name@example.jp), full-width folded.
func (c *checker) email(field string, v *string) {
	s := foldASCII(*v)
	*v = s
	if s == "" {
		return
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		c.add(field, "email.format")
	}
}

// registrationNumber normalises and checks a qualified-invoice registration number.
func (c *checker) registrationNumber(field string, v *string, required bool) {
	n, err := NormalizeRegistrationNumber(*v)
	if err != nil {
		if e, ok := AsError(err); ok {
			c.add(field, e.Reason, e.Args...)
			return
		}
		c.add(field, "regno.format")
		return
	}
	*v = n
	if required && n == "" {
		c.add(field, "required")
	}
}

// kana normalises a reading to full-width katakana (hiragana and half-width
// kana are folded) and refuses kanji, which is not a reading.
func (c *checker) kana(field string, v *string) {
	s := strings.Map(func(r rune) rune {
		if r >= 'ぁ' && r <= 'ゖ' {
			return r + ('ァ' - 'ぁ')
		}
		return r
	}, WidenKana(foldASCII(*v)))
	*v = s
	for _, r := range s {
		if !(unicode.In(r, unicode.Katakana) || r == 'ー' || r == '・' || r == ' ' ||
			r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("().,&'-", r)) ||
			strings.ContainsRune("（）＆", r)) {
			c.add(field, "kana.format")
			return
		}
	}
	c.line(field, v, false, 100)
}

// choice checks that v is one of the allowed values.
func (c *checker) choice(field, v string, allowed ...string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	c.add(field, "choice", strings.Join(allowed, ", "))
}

// intRange checks lo ≤ v ≤ hi, or v == also when also > 0 (31 = month end).
func (c *checker) intRange(field string, v, lo, hi, also int) {
	if (v < lo || v > hi) && (also == 0 || v != also) {
		if also > 0 {
			c.add(field, "day.range", lo, hi, also)
		} else {
			c.add(field, "range", lo, hi)
		}
	}
}
