package exchange

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"daicho/store"
)

// sameAsUnmarshal checks fastDocument against what readDocument did before
// it: when it takes a record, the record is of the usual shape and
// json.Unmarshal gives the same DocumentJSON. It reports whether it took it.
func sameAsUnmarshal(t *testing.T, raw []byte) bool {
	t.Helper()
	got, ok := fastDocument(raw)
	if !ok {
		return false
	}
	var want DocumentJSON
	if !json.Valid(raw) {
		return true // never given one: the decoder checks every record
	}
	if !usualDocumentShape(raw) {
		t.Errorf("fastDocument took %s, which is not of the usual shape", raw)
		return true
	}
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Errorf("fastDocument took %s, which Unmarshal refuses: %v", raw, err)
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fastDocument(%s)\n = %#v\nUnmarshal gives %#v", raw, got, want)
	}
	return true
}

// records are the elements of a JSON array.
func records(t *testing.T, text string) [][]byte {
	var out [][]byte
	if _, err := eachJSONRecord(strings.NewReader(text), "import.json_documents", func(_ int, rec rawRecord) (store.BatchError, error) {
		out = append(out, rec.raw)
		return nil, nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// fastDocument reads the usual files (a user's, list documents' output with
// every computed key, one document a line as programs write) as
// json.Unmarshal does, and leaves anything it cannot read exactly so
// (escapes, fractions or exponents where integers belong, other spellings
// of keys, unknown keys, null where Unmarshal would call Decimal) to it.
func TestFastDocumentIsUnmarshal(t *testing.T) {
	st := docStore(t)
	var listed bytes.Buffer
	if err := WriteDocumentsJSON(&listed, Documents(importText(t, st, docFile, true)), docToday); err != nil {
		t.Fatal(err)
	}
	usual := append(records(t, docFile), records(t, listed.String())...)
	usual = append(usual, records(t, manyDocuments(3))...)
	usual = append(usual, []byte(`{"kind":"invoice","customer_code":"K000045","issue_date":"2026-09-02","subject":"9月分","price_mode":"exclusive","notes":"","lines":[{"product_code":"P0001","description":"保守","quantity":"5","unit":"月","unit_price":30000,"tax_rate":10},{"description":"出張費","quantity":1.50,"unit":"式","unit_price":-4000,"tax_rate":null,"amount":null}]}`),
		[]byte(`{}`), []byte(`{ "lines" : [ ] , "taxes" : null, "sources": [], "total": null, "due_date": null, "kind": null } `),
		[]byte(`{"taxes": [{"rate": 10, "net": 1, "tax": 0, "gross": 1}], "total": -9223372036854775808}`),
		[]byte(`{"lines": [{"quantity": 1e3, "unit_price": 9223372036854775807}], "sources": ["I-1", "I-2"]}`))
	for _, raw := range usual {
		if !sameAsUnmarshal(t, raw) {
			t.Errorf("fastDocument left %s to Unmarshal", raw)
		}
	}
	for _, raw := range []string{
		`{"subject": "a \"quoted\" word"}`, `{"subject": "\u3042"}`, "{\"subject\": \"bad \xff\"}",
		`{"Kind": "invoice"}`, `{"carry_forward": null}`, `{"colour": "red"}`,
		`{"lines": [{"unit_price": 1.5}]}`, `{"lines": [{"unit_price": 1e3}]}`, `{"lines": [{"tax_rate": 1.0}]}`,
		`{"lines": [{"unit_price": 9223372036854775808}]}`, `{"total": -9223372036854775809}`,
		`{"lines": [{"quantity": null}]}`, `{"lines": [null]}`, `{"lines": [{"Unit": "h"}]}`, `{"lines": {}}`,
		`{"taxes": [{"Rate": 10}]}`, `{"taxes": [{"rate": 10, "extra": 1}]}`, `{"sources": [null]}`, `{"sources": [1]}`,
		`{"kind": 1}`, `{"kind": ["invoice"]}`, `{"total": "100"}`, `{"due_date": 20261130}`, `[]`, `"text"`, `null`,
	} {
		if sameAsUnmarshal(t, []byte(raw)) {
			t.Errorf("fastDocument took %s", raw)
		}
	}
}

// FuzzFastDocument: whatever fastDocument takes, json.Unmarshal reads the
// same (go test ./store/exchange -run - -fuzz FuzzFastDocument).
func FuzzFastDocument(f *testing.F) {
	for _, seed := range []string{docFile, manyDocuments(2)} {
		_, _ = eachJSONRecord(strings.NewReader(seed), "", func(_ int, rec rawRecord) (store.BatchError, error) {
			f.Add([]byte(rec.raw))
			return nil, nil
		})
	}
	f.Fuzz(func(t *testing.T, raw []byte) { sameAsUnmarshal(t, raw) })
}
