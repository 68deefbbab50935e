package store

// AllDigits reports whether s is one or more ASCII digits (0–9) and nothing
// else: no sign, no space, no full-width digit (fold those first). It is the
// one such check for the store and its parsers (money, dates, registration
// numbers, postal codes, bank accounts, Zengin fields and era dates).
func AllDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
