package serve

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"strings"
	"unicode"

	gossh "golang.org/x/crypto/ssh"

	"daicho/store"
	"daicho/tui/i18n"
)

// authorizedKey is one line of the authorized keys file: a public key and
// the name its holder works under ("" when the line has no comment: then the
// name the SSH client logs in with).
type authorizedKey struct {
	key  gossh.PublicKey
	user string
	role store.Role // from "role=clerk" after the name; a manager without one
}

// loadKeys reads the authorized keys file: OpenSSH's format, one key a line,
// the user name as the comment (ssh-ed25519 AAAA… hanako); blank lines and
// lines starting with # are skipped. A line with options before the key
// (from=, command=, …) is refused rather than obeyed halfway, and so is a
// file with no key at all. The errors are sentences for the operator.
func loadKeys(path string, p i18n.Printer) ([]authorizedKey, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, errors.New(p.T("serve.keys_unreadable", path, err))
	}
	var keys []authorizedKey
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20) // lines longer than the default 64 KB: a certificate with many principals
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, comment, options, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, errors.New(p.T("serve.keys_bad_line", path, n, err))
		}
		if len(options) > 0 {
			return nil, errors.New(p.T("serve.keys_options", path, n))
		}
		name, role, ok := splitRole(comment)
		if !ok {
			return nil, errors.New(p.T("serve.keys_bad_role", path, n))
		}
		keys = append(keys, authorizedKey{key: key, user: cleanName(name), role: role})
	}
	if err := sc.Err(); err != nil {
		return nil, errors.New(p.T("serve.keys_unreadable", path, err))
	}
	if len(keys) == 0 {
		return nil, errors.New(p.T("serve.keys_empty", path))
	}
	return keys, nil
}

// splitRole parses a key's comment: the person's name, optionally followed
// by role=clerk or role=manager (no role: a manager, so files written before
// roles existed keep working). ok is false for an unknown role, which is
// refused rather than taken for either.
func splitRole(comment string) (name string, role store.Role, ok bool) {
	fields := strings.Fields(comment)
	if len(fields) == 0 {
		return "", store.RoleManager, true
	}
	last := fields[len(fields)-1]
	value, isRole := strings.CutPrefix(last, "role=")
	if !isRole {
		return comment, store.RoleManager, true
	}
	role, ok = store.ParseRole(value)
	return strings.Join(fields[:len(fields)-1], " "), role, ok
}

// find returns the entry of key, if it is listed.
func find(keys []authorizedKey, key gossh.PublicKey) (authorizedKey, bool) {
	if key == nil {
		return authorizedKey{}, false
	}
	want := key.Marshal()
	for _, k := range keys {
		if bytes.Equal(k.key.Marshal(), want) {
			return k, true
		}
	}
	return authorizedKey{}, false
}

// userName is who a session works as: the key's comment, else the name the
// client logged in with, else "ssh".
func userName(k authorizedKey, login string) string {
	if k.user != "" {
		return k.user
	}
	if login = cleanName(login); login != "" {
		return login
	}
	return "ssh"
}

// cleanName makes a name fit for the audit log and the server's log: no
// control characters (a comment could carry escape sequences), at most 64
// characters, trimmed.
func cleanName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, s)
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 64 {
		s = string(r[:64])
	}
	return s
}

// fingerprint is how OpenSSH shows a key: SHA256:….
func fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
