package i18n

import (
	"strings"
	"sync"
)

// The catalogs, one per language, each made of its area files: en_screens.go
// (the TUI's screens), en_keys.go (key names in the help bar), en_fields.go
// (field labels), en_errors.go (store errors), en_cli.go and en_cli_usage.go
// (the command line). Every ja_*.go mirrors its en_*.go key for key and in
// the same order, so the two read side by side (a test checks). A message
// that counts has two keys, key.one and key.other, read through Printer.N.
//
// Each area file is a function returning its map literal, and a part's map
// is made the first time a lookup needs it, once. Made as package variables
// the maps were built at start-up for both languages, ≈1,600 keys each, the
// largest part of what every process paid before main — `daicho version`
// too, and the TUI a language it never shows (issue 17). Now a process makes
// only the parts of its own language that it reads from.
//
// A key is looked up in the parts one after another rather than in one map
// merged from them (a merge would copy every key again): first in the part
// its first word points to (partFor), then in the others. No key is in two
// parts (a test checks), so the order only decides which parts get made: a
// key found in its first part makes no other.
//
// The command line's parts come last, so a TUI key that is not in its first
// part is found before them: the TUI makes no command-line part.
const (
	partScreens = iota
	partKeys
	partFields
	partErrors
	partStaff
	partBank
	partClosing
	partContractMail
	partCLI
	partCLIUsage
	numParts
)

// A catalog is one language's parts.
type catalog [numParts]part

// part is one area file's map, made on first use.
type part struct {
	make func() map[string]string
	once sync.Once
	msgs map[string]string
}

func (p *part) messages() map[string]string {
	p.once.Do(func() { p.msgs = p.make() })
	return p.msgs
}

// The two catalogs are plain data: nothing runs at start-up.
var (
	enCatalog = catalog{
		partScreens: {make: enScreens}, partKeys: {make: enKeys}, partFields: {make: enFields},
		partErrors: {make: enErrors}, partCLI: {make: enCLI}, partCLIUsage: {make: enCLIUsage},
		partStaff: {make: enStaff}, partBank: {make: enBank}, partClosing: {make: enClosing},
		partContractMail: {make: enContractMail},
	}
	jaCatalog = catalog{
		partScreens: {make: jaScreens}, partKeys: {make: jaKeys}, partFields: {make: jaFields},
		partErrors: {make: jaErrors}, partCLI: {make: jaCLI}, partCLIUsage: {make: jaCLIUsage},
		partStaff: {make: jaStaff}, partBank: {make: jaBank}, partClosing: {make: jaClosing},
		partContractMail: {make: jaContractMail},
	}
)

// Preload makes lang's parts that the TUI reads (all but the command
// line's) now rather than on its first lookups: the TUI calls it in the
// background while the ledger opens, so its first screen finds its messages
// made (issue 17). Safe beside lookups.
func Preload(lang Lang) {
	if lang == JA {
		jaCatalog.preload()
	} else {
		enCatalog.preload()
	}
}

// preload makes every part before the command line's.
func (c *catalog) preload() {
	for i := range partCLI {
		c[i].messages()
	}
}

// lookup returns lang's message for key; a language daicho lacks has none.
func lookup(lang Lang, key string) (string, bool) {
	switch lang {
	case EN:
		return enCatalog.find(key)
	case JA:
		return jaCatalog.find(key)
	}
	return "", false
}

// find looks key up in the part it most likely is in, then in the others.
func (c *catalog) find(key string) (string, bool) {
	first := partFor(key)
	if msg, ok := c[first].messages()[key]; ok {
		return msg, true
	}
	for i := range c {
		if i == first {
			continue
		}
		if msg, ok := c[i].messages()[key]; ok {
			return msg, true
		}
	}
	return "", false
}

// partFor names the part to read key from first, by its first word (most
// "cli." keys are in en_cli.go, every "key." key in en_keys.go …). It only
// saves making parts: a key elsewhere is still found, in the next parts.
func partFor(key string) int {
	switch key {
	case "cli.usage", "cli.usage_short", "cli.version":
		return partCLIUsage
	}
	word, _, _ := strings.Cut(key, ".")
	switch word {
	case "cli", "serve", "bal", "replica":
		return partCLI
	case "key":
		return partKeys
	case "field":
		return partFields
	case "err":
		return partErrors
	case "close":
		return partClosing
	case "queue", "staff":
		return partStaff
	case "conmail":
		return partContractMail
	}
	return partScreens
}
