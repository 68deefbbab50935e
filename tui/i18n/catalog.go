package i18n

import "maps"

// The catalogs, one per language, each put together once at start-up from
// its area files: en_screens.go (the TUI's screens), en_keys.go (key names in
// the help bar), en_fields.go (field labels), en_errors.go (store errors),
// en_cli.go and en_cli_usage.go (the command line). Every ja_*.go mirrors its
// en_*.go key for key and in the same order, so the two read side by side (a
// test checks). A message that counts has two keys, key.one and key.other,
// read through Printer.N.
var (
	en = merge(enParts...)
	ja = merge(jaParts...)

	enParts = []map[string]string{enScreens, enKeys, enFields, enErrors, enCLI, enCLIUsage, enStaff, enBank, enClosing, enContractMail}
	jaParts = []map[string]string{jaScreens, jaKeys, jaFields, jaErrors, jaCLI, jaCLIUsage, jaStaff, jaBank, jaClosing, jaContractMail}
)

// merge copies the parts into one map, so a lookup stays a single map read.
// A key in two parts would keep the later value: a test forbids it.
func merge(parts ...map[string]string) map[string]string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	all := make(map[string]string, n)
	for _, p := range parts {
		maps.Copy(all, p)
	}
	return all
}
