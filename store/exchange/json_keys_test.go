package exchange

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// A key given twice in one object is refused on its path, once, at every
// depth; the same key in two different objects is not a duplicate.
func TestDuplicateKeys(t *testing.T) {
	for _, tt := range []struct {
		json string
		want []string
	}{
		{`{"a": 1, "b": 2}`, nil},
		{`{"a": 1, "a": 2, "a": 3}`, []string{`a "a"`}},
		{`{"lines": [{"x": 1}, {"x": 1, "y": {"z": 1, "z": 2}, "x": 2}], "lines": []}`,
			[]string{`lines.1.y.z "z"`, `lines.1.x "x"`, `lines "lines"`}},
		{`[{"a": 1}, {"a": 1}]`, nil},
		// Keys compare as encoding/json reads them: escapes undone.
		{`{"a": 1, "\u0061": 2, "k\"": {"s": "}{\"", "s": [1, {"t": null, "t": true}]}, "k\"": 0}`,
			[]string{`a "a"`, `k".s "s"`, `k".s.1.t "t"`, `k" "k\""`}},
	} {
		var got []string
		for _, e := range duplicateKeys([]byte(tt.json)) {
			if e.Reason != "import.duplicate_key" {
				t.Errorf("%s: reason %s", tt.json, e.Reason)
			}
			got = append(got, fmt.Sprintf("%s %s", e.Field, e.Args[0]))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q, want %q", tt.json, got, tt.want)
		}
	}
	// A customer file too: the last value no longer silently wins.
	_, _, err := ReadCustomers(strings.NewReader(`[{"code": "A001", "name": "一", "name": "二"}]`), "c.json")
	if err == nil || !strings.Contains(err.Error(), "import.duplicate_key") {
		t.Errorf("ReadCustomers: %v", err)
	}
}
