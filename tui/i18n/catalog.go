package i18n

// The catalogs, one per language, each made of its area files: en_screens.go
// (the TUI's screens), en_keys.go (key names in the help bar), en_fields.go
// (field labels), en_errors.go (store errors), en_cli.go and en_cli_usage.go
// (the command line). Every ja_*.go mirrors its en_*.go key for key and in
// the same order, so the two read side by side (a test checks). A message
// that counts has two keys, key.one and key.other, read through Printer.N.
//
// A key is looked up in the parts one after another rather than in one map
// merged from them: the merge ran at start-up for both languages and was
// about half of this package's initialisation (≈0.5 ms and 160 KB of the
// 1 ms and 370 KB every command paid, even `daicho version`: issue 17),
// while the few more map reads of a lookup cost tens of nanoseconds. No key
// is in two parts (a test checks), so the order of the parts does not matter.
var (
	enParts = []map[string]string{enScreens, enKeys, enFields, enErrors, enCLI, enCLIUsage, enStaff, enBank, enClosing, enContractMail}
	jaParts = []map[string]string{jaScreens, jaKeys, jaFields, jaErrors, jaCLI, jaCLIUsage, jaStaff, jaBank, jaClosing, jaContractMail}
)

// lookup returns lang's message for key; a language daicho lacks has none.
func lookup(lang Lang, key string) (string, bool) {
	parts := enParts
	if lang == JA {
		parts = jaParts
	} else if lang != EN {
		return "", false
	}
	for _, p := range parts {
		if msg, ok := p[key]; ok {
			return msg, true
		}
	}
	return "", false
}
