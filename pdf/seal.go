package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io/fs"
	"os"

	"github.com/signintech/gopdf"
)

// sealMaxPixels caps the seal's longer side: 20 mm at 600 dpi is ≈ 470
// pixels, so a larger picture (a phone photo of the seal) only makes every
// PDF bigger and is scaled down first.
const sealMaxPixels = 480

// seal draws the company's 角印 or logo inside a sealSize square whose
// top-left corner is (x, y), keeping its proportions and transparency.
//
// The image is the one kept in the ledger (store.Company.SealImage, copied
// when it was chosen, issue 15): no path is read for it. Only a document
// issued before the ledger kept images has the path alone; its file is read
// as it always was, and a file that is no longer there prints no seal and
// no error (a reprint years later on another machine must still work). An
// image that is not a readable PNG is an error: the office asked for a
// seal, and a document silently printed without it is the wrong document.
func (c *canvas) seal(image []byte, path string, x, y float64) {
	if (len(image) == 0 && path == "") || c.err != nil {
		return
	}
	data := image
	if len(data) == 0 {
		var err error
		data, err = os.ReadFile(path)
		if errors.Is(err, fs.ErrNotExist) {
			return
		}
		if err != nil {
			c.fail(fmt.Errorf("pdf: reading the seal image %s: %w", path, err))
			return
		}
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		c.fail(fmt.Errorf("pdf: the seal image %s is not a readable PNG (%v); choose another file in the settings", path, err))
		return
	}
	img = shrink(img, sealMaxPixels)
	w, h := fitIn(img.Bounds().Dx(), img.Bounds().Dy(), sealSize)
	// ImageFrom re-encodes the decoded image with image/png: whatever the
	// file's PNG flavour (16-bit, interlaced, palette), gopdf gets one it
	// reads, and the same picture always gives the same bytes.
	c.fail(c.pdf.ImageFrom(img, x+(sealSize-w), y, &gopdf.Rect{W: w, H: h}))
}

// fitIn scales a w×h picture to fit a side×side square.
func fitIn(w, h int, side float64) (float64, float64) {
	if w >= h {
		return side, side * float64(h) / float64(w)
	}
	return side * float64(w) / float64(h), side
}

// shrink scales img down by an integer factor (averaging each block of
// pixels) until its longer side is at most limit; smaller images are
// returned as they are.
func shrink(img image.Image, limit int) image.Image {
	b := img.Bounds()
	f := (max(b.Dx(), b.Dy()) + limit - 1) / limit
	if f <= 1 {
		return img
	}
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx()/f, b.Dy()/f))
	for y := 0; y < out.Rect.Dy(); y++ {
		for x := 0; x < out.Rect.Dx(); x++ {
			out.Set(x, y, average(img, b.Min.X+x*f, b.Min.Y+y*f, f))
		}
	}
	return out
}

// average is the mean colour of the f×f block at (x0, y0).
func average(img image.Image, x0, y0, f int) color.Color {
	var r, g, b, a uint64
	for y := y0; y < y0+f; y++ {
		for x := x0; x < x0+f; x++ {
			cr, cg, cb, ca := img.At(x, y).RGBA() // premultiplied, 16-bit
			r, g, b, a = r+uint64(cr), g+uint64(cg), b+uint64(cb), a+uint64(ca)
		}
	}
	n := uint64(f * f)
	return color.RGBA64{R: uint16(r / n), G: uint16(g / n), B: uint16(b / n), A: uint16(a / n)}
}
