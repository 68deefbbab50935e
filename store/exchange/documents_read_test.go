package exchange

import (
	"encoding/json"
	"reflect"
	"testing"
)

// readDocument decodes a record of the usual shape in one go: what it reads
// must be what documentRecord reads key by key, problems included, for
// records of that shape and for those just outside it.
func TestReadDocumentAsDocumentRecord(t *testing.T) {
	line := `{"product_code": "P1", "description": "作業費", "quantity": "1.5", "unit": "時間", "unit_price": 8000, "tax_rate": 10, "amount": 12000}`
	for _, tt := range []struct {
		json  string
		usual bool
	}{
		{`{"kind": "invoice", "customer_code": "C1", "issue_date": "2026-11-20", "lines": [` + line + `, {"description": "x", "quantity": 2, "unit_price": 1, "tax_rate": null}]}`, true},
		{`{"kind": "invoice", "number": "I-1", "status": "issued", "due_date": "2026-12-31", "taxes": [{"rate": 10, "net": 1, "tax": 0, "gross": 1}],
			"total": 1, "paid": 0, "adjusted": 0, "credited": 0, "open": 1, "payment_status": "unpaid", "sources": ["D-1"], "voided_reason": "", "lines": []}`, true},
		{`{"kind": "estimate", "lines": null, "valid_until": null, "notes": null}`, true},
		{`{"Kind": "invoice"}`, false},
		{`{"kind": "invoice", "carry_forward": {}}`, false},
		{`{"kind": "invoice", "lines": [null]}`, false},
		{`{"kind": "invoice", "lines": [1]}`, false},
		{`{"kind": "invoice", "lines": {"a": {}}}`, true}, // decoding whole fails: read again key by key
		{`{"kind": "invoice", "lines": [{"unit_price": "8000", "Unit": "h"}]}`, false},
		{`{"kind": 1, "lines": [{"unit_price": "8000"}]}`, true},
		{`{"kind": "invoice", "paid": "a lot"}`, true},
		{`{"kind": "invoice", "total": 1.5, "lines": [{"quantity": true}]}`, true},
		{`[]`, false},
		{`null`, false},
	} {
		raw := json.RawMessage(tt.json)
		if got := usualDocumentShape(raw); got != tt.usual {
			t.Errorf("%s: usual shape %v, want %v", tt.json, got, tt.usual)
		}
		rec := rawRecord{raw: raw, dups: duplicateKeys(raw)}
		gotJ, gotErrs := readDocument(rec)
		wantJ, wantErrs := documentRecord(rec.object())
		if !reflect.DeepEqual(gotJ, wantJ) || !reflect.DeepEqual(gotErrs, wantErrs) {
			t.Errorf("%s:\nread   %+v %v\nrecord %+v %v", tt.json, gotJ, gotErrs, wantJ, wantErrs)
		}
	}
}
