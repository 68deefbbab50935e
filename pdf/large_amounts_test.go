package pdf

import (
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"daicho/store"
)

// TestLargeAmountsPrintAtBodySize: up to the bound (¥99,999,999,999) every
// figure of the line table and of the per-rate summary prints whole and at
// the body size, in both document languages: the columns widen, the figures
// do not shrink.
func TestLargeAmountsPrintAtBodySize(t *testing.T) {
	needPoppler(t)
	f := newFix(t)
	for _, c := range []store.Customer{f.ja, f.en} {
		// 10% of 90,909,090,909 floors to 9,090,909,090: a total of 99,999,999,999.
		d := f.draft(store.KindInvoice, c, "2026-11-25",
			freeLine("一括納入", "1", "式", 90_909_090_909, store.TaxStandard))
		pdf := f.render(d)
		for _, figure := range []string{"90,909,090,909", "9,090,909,090", "99,999,999,999"} {
			heights := wordHeights(t, pdf, figure)
			if len(heights) == 0 {
				t.Fatalf("%s: %s is not printed whole", c.Language, figure)
			}
			for _, h := range heights {
				if h < sizeBody-0.5 {
					t.Errorf("%s: %s printed %.1f pt high, want the body size %.1f", c.Language, figure, h, sizeBody)
				}
			}
		}
	}
}

// wordHeights are the heights (pt) of the words of pdf that contain figure,
// from pdftotext's bounding boxes.
func wordHeights(t *testing.T, pdf []byte, figure string) []float64 {
	t.Helper()
	var hs []float64
	for _, w := range wordBoxes(t, pdf) {
		if strings.Contains(w.text, figure) {
			hs = append(hs, w.y1-w.y0)
		}
	}
	return hs
}

// wordBox is one word pdftotext found, with its bounding box in points
// from the page's top-left corner.
type wordBox struct {
	x0, y0, x1, y1 float64
	text           string
}

// overlaps reports whether the two boxes share any area.
func (a wordBox) overlaps(b wordBox) bool {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1
}

// wordBoxes are the words of pdf's pages with their bounding boxes
// (pdftotext -bbox).
func wordBoxes(t *testing.T, pdf []byte) []wordBox {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
	var ws []wordBox
	for _, m := range word.FindAllSubmatch(out, -1) {
		var v [4]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(string(m[i+1]), 64)
		}
		ws = append(ws, wordBox{v[0], v[1], v[2], v[3], html.UnescapeString(string(m[5]))})
	}
	return ws
}
