package i18n

import "maps"

// The whole catalog of each language in one map, as the tests read it (the
// program looks a key up part by part: catalog.go).
var (
	en = merge(enCatalog.parts()...)
	ja = merge(jaCatalog.parts()...)
)

// parts makes every part of c and returns their maps.
func (c *catalog) parts() []map[string]string {
	maps := make([]map[string]string, len(c))
	for i := range c {
		maps[i] = c[i].messages()
	}
	return maps
}

// merge copies the parts into one map. A key in two parts would keep the
// later value: a test forbids it.
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
