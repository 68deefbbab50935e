package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
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
	for lang, parts := range map[string][]map[string]string{"en": enParts, "ja": jaParts} {
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
