package pdf

import (
	"bytes"
	"slices"
	"testing"

	"daicho/store"
)

// TestStampBoxCoversNoText: the revenue-stamp box of a paper receipt of
// ¥50,000 and more is empty space for the stamp and its 消印: no word of the
// receipt (the addressee's name, the amount, the issuer) lies inside it, in
// either document language. The box is found around its label, which is
// printed at its centre.
func TestStampBoxCoversNoText(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	const mm = 72 / 25.4
	for _, tt := range []struct {
		name  string
		label []string // the label's words
		d     func() []byte
	}{
		{"ja", []string{"収入印紙"}, func() []byte { return f.renderReceipt(f.receiptOf(f.ja, 50000)) }},
		{"en", []string{"Revenue", "stamp"}, func() []byte { return f.renderReceipt(f.receiptOf(f.en, 50000)) }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			words := wordBoxes(t, tt.d())
			var label []wordBox
			var rest []wordBox
			for _, w := range words {
				if slices.Contains(tt.label, w.text) {
					label = append(label, w)
				} else {
					rest = append(rest, w)
				}
			}
			if len(label) != len(tt.label) {
				t.Fatalf("label words %v found %d times in %v", tt.label, len(label), words)
			}
			cx := (label[0].x0 + label[len(label)-1].x1) / 2
			cy := (label[0].y0 + label[0].y1) / 2
			box := wordBox{x0: cx - stampBoxW*mm/2, x1: cx + stampBoxW*mm/2, y0: cy - stampBoxH*mm/2, y1: cy + stampBoxH*mm/2}
			for _, w := range rest {
				if w.overlaps(box) {
					t.Errorf("%q (%.0f,%.0f–%.0f,%.0f) lies in the stamp box (%.0f,%.0f–%.0f,%.0f)",
						w.text, w.x0, w.y0, w.x1, w.y1, box.x0, box.y0, box.x1, box.y1)
				}
			}
		})
	}
}

func (f *fix) renderReceipt(d store.Document) []byte {
	f.t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		f.t.Fatalf("Render receipt: %v", err)
	}
	return buf.Bytes()
}
