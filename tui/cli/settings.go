package cli

import (
	"bufio"
	"encoding/json"
	"fmt"

	"slices"
	"strconv"
	"strings"

	"daicho/store"
)

// settings prints the company and mail settings (`daicho settings [--format
// json]`) or changes them (`daicho settings set KEY=VALUE…`), so an office can
// script its set-up. Keys are the JSON keys under "company." and "mail."
// (company.name, company.bank_accounts.0.bank, mail.host, mail.ja.subject);
// the new settings are validated as the setup forms validate them and saved
// in one transaction, all or nothing.
func (c *cli) settings(args []string) int {
	fs := c.flagSet("settings")
	format := fs.String("format", "text", "")
	pos, code, ok := c.parseCommand(fs, args)
	if !ok {
		return code
	}
	if len(pos) > 0 && pos[0] != "set" {
		return c.usageError(c.p.T("cli.unexpected_arg", pos[0]))
	}
	if *format != "text" && *format != "json" {
		return c.usageError(c.p.T("cli.list.bad_format", *format))
	}
	st, code := c.openChecked()
	if st == nil {
		return code
	}
	defer st.Close()
	co, err := st.Company(c.ctx)
	if e, _ := store.AsError(err); e != nil && e.Code == store.CodeNotFound {
		co, err = store.NewCompany(), nil // first set-up by script
	}
	if err != nil {
		return c.failErr(err)
	}
	mail, err := st.MailSettings(c.ctx)
	if err != nil {
		return c.failErr(err)
	}
	all := settingsJSON{Company: co, Mail: mail}
	if len(pos) == 0 {
		return c.printSettings(all, *format)
	}
	if len(pos) == 1 {
		return c.usageError(c.p.T("cli.settings.need_pairs"))
	}
	tree, err := toTree(all)
	if err != nil {
		return c.failErr(err)
	}
	for _, pair := range pos[1:] {
		key, value, ok := strings.Cut(pair, "=")
		if !ok || key == "" {
			return c.usageError(c.p.T("cli.settings.bad_pair", pair))
		}
		switch msg := setPath(tree, strings.Split(key, "."), value); msg {
		case "":
		case "unknown_key":
			return c.fail(c.p.T("cli.settings.unknown_key", key))
		default:
			return c.fail(c.p.T("cli.settings."+msg, key, value))
		}
	}
	next := settingsJSON{Company: co, Mail: mail} // versions carried over: json:"-" fields survive the decode
	raw, _ := json.Marshal(tree)
	if err := json.Unmarshal(raw, &next); err != nil {
		return c.failErr(err)
	}
	if err := st.SaveSettings(c.ctx, &next.Company, &next.Mail); err != nil {
		return c.failErr(err)
	}
	fmt.Fprintln(c.stdout, c.p.T("cli.settings.saved", len(pos)-1))
	return exitOK
}

// settingsJSON is the shape `settings --format json` prints.
type settingsJSON struct {
	Company store.Company      `json:"company"`
	Mail    store.MailSettings `json:"mail"`
}

func (c *cli) printSettings(all settingsJSON, format string) int {
	w := bufio.NewWriter(c.stdout)
	if format == "json" {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(all); err != nil {
			return c.failErr(err)
		}
	} else {
		tree, err := toTree(all)
		if err != nil {
			return c.failErr(err)
		}
		var lines []string
		flatten("", tree, &lines)
		slices.Sort(lines)
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}
	if err := w.Flush(); err != nil {
		return c.failErr(err)
	}
	return exitOK
}

// toTree turns the settings into generic JSON values (maps, slices, numbers)
// that setPath can change by key.
func toTree(v any) (map[string]any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var tree map[string]any
	return tree, json.Unmarshal(raw, &tree)
}

// flatten writes one KEY=VALUE line per leaf, newlines in texts as \n so
// every setting stays on its line.
func flatten(prefix string, v any, out *[]string) {
	switch t := v.(type) {
	case map[string]any:
		for k, sub := range t {
			flatten(joinKey(prefix, k), sub, out)
		}
	case []any:
		for i, sub := range t {
			flatten(joinKey(prefix, strconv.Itoa(i)), sub, out)
		}
	case string:
		*out = append(*out, prefix+"="+strings.ReplaceAll(t, "\n", `\n`))
	case nil:
		*out = append(*out, prefix+"=")
	default:
		*out = append(*out, fmt.Sprintf("%s=%v", prefix, t))
	}
}

func joinKey(prefix, k string) string {
	if prefix == "" {
		return k
	}
	return prefix + "." + k
}

// setPath sets the leaf at path to value, typed as the leaf it replaces: a
// number must be an integer ("1,000" allowed), a flag true or false, a text
// anything (\n in it becomes a newline, as printed). An index one past the
// end of a list (company.bank_accounts.N.bank) adds an entry. It returns
// the catalog key's suffix of the problem, or "".
func setPath(node any, path []string, value string) string {
	for i, k := range path {
		last := i == len(path)-1
		switch t := node.(type) {
		case map[string]any:
			cur, ok := t[k]
			if !ok {
				return "unknown_key"
			}
			if !last {
				if cur == nil { // an empty list (bank_accounts) reads as null
					cur = []any{}
					t[k] = cur
				}
				if list, ok := cur.([]any); ok && i+1 < len(path) {
					n, err := strconv.Atoi(path[i+1])
					if err != nil || n < 0 || n > len(list) {
						return "unknown_key"
					}
					if n == len(list) {
						t[k] = append(list, map[string]any{"bank": "", "branch": "", "account_type": store.AccountOrdinary,
							"number": "", "holder_kana": ""})
					}
					cur = t[k]
				}
				node = cur
				continue
			}
			v, msg := typed(cur, value)
			if msg != "" {
				return msg
			}
			t[k] = v
		case []any:
			n, err := strconv.Atoi(k)
			if err != nil || n < 0 || n >= len(t) {
				return "unknown_key"
			}
			if last {
				return "unknown_key" // a whole entry is not one value
			}
			node = t[n]
		default:
			return "unknown_key"
		}
	}
	return ""
}

// typed reads value as the type of the value it replaces.
func typed(old any, value string) (any, string) {
	switch old.(type) {
	case float64:
		n, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(value), ",", ""), 10, 64)
		if err != nil {
			return nil, "bad_number"
		}
		return n, ""
	case bool:
		b, err := strconv.ParseBool(strings.TrimSpace(value))
		if err != nil {
			return nil, "bad_bool"
		}
		return b, ""
	case string:
		return strings.ReplaceAll(value, `\n`, "\n"), ""
	case map[string]any, []any:
		return nil, "unknown_key"
	}
	return value, ""
}
