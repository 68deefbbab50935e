package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// catalogFileKeys reads the keys of every lang_*.go catalog file in the order
// they are written, by the file's area ("screens" for en_screens.go).
func catalogFileKeys(t *testing.T, lang string) map[string][]string {
	t.Helper()
	paths, err := filepath.Glob(lang + "_*.go")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	fset := token.NewFileSet()
	for _, path := range paths {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		area := strings.TrimSuffix(strings.TrimPrefix(path, lang+"_"), ".go")
		out[area] = []string{} // a file without keys still needs its mirror
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			lit, ok := kv.Key.(*ast.BasicLit)
			if !ok {
				t.Fatalf("%s: a key that is not a string literal", path)
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			out[area] = append(out[area], key)
			return false
		})
	}
	return out
}

// The ja files mirror the en files: the same files, the same keys in the same
// order, so a reader can put them side by side. And every key in the files
// reaches the catalog (no file left out of enParts, no key in two files).
func TestCatalogFilesMirror(t *testing.T) {
	files := map[string]map[string][]string{"en": catalogFileKeys(t, "en"), "ja": catalogFileKeys(t, "ja")}
	if len(files["en"]) < 5 {
		t.Fatalf("found only %d en_*.go catalog files", len(files["en"]))
	}
	for area, enKeys := range files["en"] {
		jaKeys, ok := files["ja"][area]
		if !ok {
			t.Errorf("en_%s.go has no ja_%s.go", area, area)
			continue
		}
		for i := range max(len(enKeys), len(jaKeys)) {
			if i >= len(enKeys) || i >= len(jaKeys) || enKeys[i] != jaKeys[i] {
				t.Errorf("%s: en and ja part at key %d (en %q, ja %q)", area, i+1, at(enKeys, i), at(jaKeys, i))
				break
			}
		}
	}
	for area := range files["ja"] {
		if _, ok := files["en"][area]; !ok {
			t.Errorf("ja_%s.go has no en_%s.go", area, area)
		}
	}
	for lang, cat := range catalogNames {
		n := 0
		for _, keys := range files[lang] {
			n += len(keys)
			for _, k := range keys {
				if _, ok := cat[k]; !ok {
					t.Errorf("%s: %q is in a file but not in the catalog: is the file's map in %sParts?", lang, k, lang)
				}
			}
		}
		if n != len(cat) {
			t.Errorf("%s: the files hold %d keys, the catalog %d", lang, n, len(cat))
		}
	}
}

func at(keys []string, i int) string {
	if i < len(keys) {
		return keys[i]
	}
	return "(none)"
}

// A key in two parts of one language would silently keep one of its values.
func TestCatalogPartsDoNotOverlap(t *testing.T) {
	for lang, parts := range map[string][]map[string]string{"en": enCatalog.parts(), "ja": jaCatalog.parts()} {
		seen := map[string]int{}
		for i, part := range parts {
			for k := range part {
				if j, ok := seen[k]; ok {
					t.Errorf("%s: %q is in part %d and part %d", lang, k, j, i)
				}
				seen[k] = i
			}
		}
	}
}

// A part's map is made when a lookup first needs it, and only once; a key
// found in the part its first word points to makes no other part. So
// `daicho version` makes only the small usage part and the TUI only its own
// language's parts (issue 17).
func TestCatalogPartsAreMadeWhenFirstNeeded(t *testing.T) {
	made := map[int]int{}
	var c catalog
	for i := range c {
		c[i].make = func() map[string]string {
			made[i]++
			return map[string]string{fmt.Sprintf("part%d", i): "v"}
		}
	}
	if msg, ok := c.find(fmt.Sprintf("part%d", partKeys)); !ok || msg != "v" {
		t.Fatalf("find = %q, %v", msg, ok)
	}
	// "part1" is no known first word: the screens part is read first.
	if want := map[int]int{partScreens: 1, partKeys: 1}; !maps.Equal(made, want) {
		t.Errorf("made %v, want %v (only the parts read up to the key)", made, want)
	}
	c.find(fmt.Sprintf("part%d", partKeys))
	c.find("missing")
	for i := range c {
		if made[i] != 1 {
			t.Errorf("part %d made %d times, want once", i, made[i])
		}
	}
}

// The keys `daicho version` and `daicho help` print are found in the first
// part read, so those commands make one small map (the real catalogs).
func TestVersionAndHelpReadOnePart(t *testing.T) {
	for _, key := range []string{"cli.version", "cli.usage", "cli.usage_short"} {
		for lang, c := range map[string]*catalog{"en": &enCatalog, "ja": &jaCatalog} {
			if _, ok := c[partFor(key)].make()[key]; !ok {
				t.Errorf("%s: %q is not in the part partFor names", lang, key)
			}
		}
	}
}

// Preload makes the parts the TUI reads, not the command line's.
func TestPreloadMakesTheTUIParts(t *testing.T) {
	var c catalog
	made := map[int]bool{}
	for i := range c {
		c[i].make = func() map[string]string { made[i] = true; return nil }
	}
	c.preload()
	for i := range c {
		if want := i < partCLI; made[i] != want {
			t.Errorf("part %d made: %v, want %v", i, made[i], want)
		}
	}
}
