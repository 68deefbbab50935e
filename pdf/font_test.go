package pdf

import (
	"bytes"
	"errors"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// TestMissingGlyphEveryRender: the parsed font is shared by every render of
// the process, and so is what it is known to lack; each render still reports
// exactly its own missing characters — again on a second render, and never
// on a render that does not use them.
func TestMissingGlyphEveryRender(t *testing.T) {
	f := newFix(t)
	d := f.draft(store.KindInvoice, f.ja, "2026-11-25", storetest.ProductLine(f.service, "1"))
	sushi, plain := f.ja, f.ja
	sushi.Name = "株式会社テスト🍣"
	for i := range 2 {
		err := Render(&bytes.Buffer{}, d, Options{Customer: sushi, Company: f.company})
		var mg *MissingGlyphsError
		if !errors.As(err, &mg) || len(mg.Runes) != 1 || mg.Runes[0] != '🍣' {
			t.Fatalf("render %d: got %v, want a MissingGlyphsError for 🍣", i+1, err)
		}
	}
	if err := Render(&bytes.Buffer{}, d, Options{Customer: plain, Company: f.company}); err != nil {
		t.Fatalf("a render without the character: %v", err)
	}
}
