package store_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"daicho/store"
)

// The seal image is kept in the ledger (issue 15): SaveCompany stores the
// bytes it is given and reads no path; a path without its image, or an
// image that is not a PNG, is refused under seal_path.
func TestSealImageIsKeptInTheLedger(t *testing.T) {
	st := newTestStore(t)
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	c := validCompany()
	c.SealPath = "/nowhere/seal.png" // never read: the image is what counts
	err := st.SaveCompany(t.Context(), &c)
	if e := storeError(t, err, store.CodeInvalid); e.Field != "seal_path" || e.Reason != "path.missing" {
		t.Fatalf("a path without its image: %v", err)
	}
	c.SealImage = []byte("not a png")
	err = st.SaveCompany(t.Context(), &c)
	if e := storeError(t, err, store.CodeInvalid); e.Field != "seal_path" || e.Reason != "seal.png" {
		t.Fatalf("an image that is no PNG: %v", err)
	}
	c.SealImage = img.Bytes()
	if err := st.SaveCompany(t.Context(), &c); err != nil {
		t.Fatal(err)
	}
	got, err := st.Company(t.Context())
	if err != nil || !bytes.Equal(got.SealImage, img.Bytes()) || got.SealPath != c.SealPath {
		t.Fatalf("kept %d bytes from %q (%v), want %d", len(got.SealImage), got.SealPath, err, img.Len())
	}
	got.SealPath, got.SealImage = "", nil
	if err := st.SaveCompany(t.Context(), &got); err != nil {
		t.Fatal(err)
	}
	if again, _ := st.Company(t.Context()); again.SealImage != nil {
		t.Errorf("a removed seal kept %d bytes", len(again.SealImage))
	}
}
