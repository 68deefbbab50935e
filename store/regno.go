package store

import (
	"strings"

	"golang.org/x/text/width"
)

// NormalizeRegistrationNumber turns a qualified-invoice registration number
// (適格請求書発行事業者登録番号) as typed into its canonical form "T" + 13
// digits, and checks it. People type it full-width, with a lower-case t, or
// grouped like "T4-0110-0109-8993"; all of that is accepted. An empty input
// returns "", nil because the field is optional; callers decide if it is
// required. Errors are *Error with Field "" and reason regno.format (not T +
// 13 digits) or regno.check_digit (a typo the check digit caught).
func NormalizeRegistrationNumber(s string) (string, error) {
	s = strings.TrimSpace(width.Fold.String(s))
	if s == "" {
		return "", nil
	}
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212', 'ー':
			// Separators between digit groups, including the dashes an IME
			// produces and the long-vowel mark ー that looks like one.
			return -1
		case 't':
			return 'T'
		}
		return r
	}, s)
	if len(s) != 14 || s[0] != 'T' || !AllDigits(s[1:]) {
		return "", Invalid("", "regno.format")
	}
	if s[1]-'0' != regnoCheckDigit(s[2:]) {
		return "", Invalid("", "regno.check_digit")
	}
	return s, nil
}

// regnoCheckDigit computes the check digit of a corporate/individual number
// body (12 ASCII digits): 9 − (Σ Pn×Qn mod 9), where Pn is the n-th digit
// counted from the rightmost and Qn is 1 for odd n, 2 for even n.
func regnoCheckDigit(body string) byte {
	sum := 0
	for n := 1; n <= len(body); n++ {
		p := int(body[len(body)-n] - '0')
		q := 1
		if n%2 == 0 {
			q = 2
		}
		sum += p * q
	}
	return byte(9 - sum%9)
}
