package exchange

import (
	"bytes"
	"strings"
	"testing"

	"daicho/store"
)

// appendDocumentJSON writes what marshalElement (encoding/json) writes for
// every shape of DocumentJSON: keys given or left out, nil and empty lists,
// null figures, a carry-forward head, and text that needs escaping (every
// ASCII byte, invalid UTF-8, U+2028 and U+2029, HTML's <>&, Japanese).
func TestAppendDocumentJSONIsMarshalElement(t *testing.T) {
	var ascii strings.Builder
	for c := range 0x80 {
		ascii.WriteByte(byte(c))
	}
	texts := []string{"", "株式会社さくら 御中", ascii.String(), "A&B <商会>", "bad \xff\xfe utf-8 \xe3\x81", "line\u2028sep\u2029end",
		"tab\there \"quoted\" back\\slash", "😀 ｶﾞ", "\x00\x1f\x7f"}
	date, money, rate := "2026-11-30", store.Money(-12345), 8
	docs := []DocumentJSON{
		{},
		{Lines: []LineJSON{}, Taxes: []store.TaxLine{}, Sources: []string{}},
		{Kind: "invoice", CustomerCode: "C001", IssueDate: date, Lines: []LineJSON{
			{ProductCode: "P001", Description: "作業費", Quantity: "1.5", Unit: "時間", UnitPrice: 8000, TaxRate: &rate, Amount: &money},
			{Description: "no rate, no amount", Quantity: "3"},
		}, Number: "I-2026-0001", Status: "issued", DueDate: &date, ClosingDate: &date,
			Taxes: []store.TaxLine{{Rate: 10, Net: 1000, Tax: 100, Gross: 1100}, {Rate: 8, Net: 1, Tax: 0, Gross: 1}},
			Total: &money, Paid: &money, Adjusted: &money, Credited: &money, Open: &money, PaymentStatus: "paid",
			Sources: []string{"E-2026-0001", "D-2026-0002"}, VoidedReason: "重複",
			CarryForward: &CarryForwardJSON{PreviousClosing: date, PreviousBilled: 1, Received: 2, Adjusted: 3,
				Carried: 4, Current: 5, Billed: 6}},
		{Kind: "estimate", ValidUntil: new(""), DeliveryDate: &date, Total: new(store.Money(0))},
	}
	for _, text := range texts {
		docs = append(docs, DocumentJSON{Kind: text, CustomerCode: text, Subject: text, Notes: text, VoidedReason: text,
			Lines:   []LineJSON{{ProductCode: text, Description: text, Quantity: Decimal(text), Unit: text}},
			Sources: []string{text}, DueDate: &text, PaymentStatus: text})
	}
	for i, j := range docs {
		want, err := marshalElement(j)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendDocumentJSON(nil, &j); !bytes.Equal(got, want) {
			t.Errorf("document %d:\n got %s\nwant %s", i, got, want)
		}
	}
}
