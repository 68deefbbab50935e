package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
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
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-bbox", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>`)
	var hs []float64
	for _, m := range word.FindAllSubmatch(out, -1) {
		if !bytes.Contains(m[5], []byte(figure)) {
			continue
		}
		y0, _ := strconv.ParseFloat(string(m[2]), 64)
		y1, _ := strconv.ParseFloat(string(m[4]), 64)
		hs = append(hs, y1-y0)
	}
	return hs
}
