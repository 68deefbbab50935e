package pdf

import (
	"image"
	"image/color"
	"slices"
	"strings"
	"testing"
)

func testCanvas(t *testing.T) *canvas {
	t.Helper()
	c := newCanvas(docInfo{}, "", footer{page: "%d / %d"})
	c.setFont(sizeBody)
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c
}

// TestWrap: lines fit the width, nothing is lost, English words stay whole,
// Japanese breaks anywhere but never before closing punctuation, and the
// text's own line breaks are kept.
func TestWrap(t *testing.T) {
	c := testCanvas(t)
	tests := []struct {
		name, text string
		width      float64
		want       []string // nil: only the general checks
	}{
		{"short", "ウェブサイト保守", 50, []string{"ウェブサイト保守"}},
		{"english words", "Website maintenance and hosting for the whole year", 40, nil},
		{"japanese", "トップページのデザイン刷新および関連する下層ページ十二枚のレイアウト調整", 40, nil},
		// At 9 pt a full-width character is 3.175 mm: 6 fit in 20 mm, and
		// the seventh, 。, may not start the next line, so え moves with it.
		{"kinsoku", "あいうえおか。きくけこ", 20, []string{"あいうえお", "か。きくけこ"}},
		{"newlines", "一行目\n\n三行目", 50, []string{"一行目", "", "三行目"}},
		{"long word", "Supercalifragilisticexpialidocious", 20, nil},
		{"empty", "", 50, nil},
	}
	for _, tt := range tests {
		lines := c.wrap(tt.text, tt.width)
		if tt.want != nil && !slices.Equal(lines, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, lines, tt.want)
		}
		for _, l := range lines {
			if w := c.width(l); w > tt.width && len([]rune(l)) > 1 {
				t.Errorf("%s: line %q is %.1f mm wide, more than %.1f", tt.name, l, w, tt.width)
			}
			if l != "" && strings.ContainsRune("。、）", []rune(l)[0]) {
				t.Errorf("%s: line %q starts with closing punctuation", tt.name, l)
			}
		}
		joined := strings.Join(lines, "")
		if strings.ContainsRune(tt.text, ' ') {
			joined = strings.Join(lines, " ")
		}
		if joined != strings.ReplaceAll(tt.text, "\n", "") {
			t.Errorf("%s: text changed by wrapping: %q", tt.name, lines)
		}
		if tt.name == "english words" {
			for _, l := range lines {
				for _, w := range strings.Fields(l) {
					if !strings.Contains(" "+tt.text+" ", " "+w+" ") {
						t.Errorf("word cut: %q in %q", w, lines)
					}
				}
			}
		}
	}
}

// TestShrink: a large seal picture is scaled down to the limit, keeping
// its proportions and colour; a small one is left alone.
func TestShrink(t *testing.T) {
	big := image.NewNRGBA(image.Rect(0, 0, 2000, 1000))
	for y := 0; y < 1000; y++ {
		for x := 0; x < 2000; x++ {
			big.Set(x, y, color.NRGBA{R: 200, A: 255})
		}
	}
	small := shrink(big, sealMaxPixels)
	if b := small.Bounds(); b.Dx() > sealMaxPixels || b.Dx() != 2*b.Dy() {
		t.Errorf("shrunk to %v, want at most %d wide and twice as wide as high", b, sealMaxPixels)
	}
	if r, g, b, a := small.At(10, 10).RGBA(); r>>8 != 200 || g != 0 || b != 0 || a>>8 != 255 {
		t.Errorf("colour changed to %d %d %d %d", r>>8, g>>8, b>>8, a>>8)
	}
	if tiny := image.NewNRGBA(image.Rect(0, 0, 100, 100)); shrink(tiny, sealMaxPixels) != image.Image(tiny) {
		t.Error("a small picture was scaled")
	}
}
