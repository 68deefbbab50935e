package store

import (
	"bytes"
	"image/png"
	"os"
)

// The company's seal (角印) or logo is kept in the ledger (issue 15): the
// screen reads the chosen file once — over SSH only from the imports folder
// — and SaveCompany stores its bytes with the company, so a PDF never reads
// a path; SealPath only says where it came from.

// MaxSealBytes bounds the seal image (a phone photo is a few MB; the PDF
// scales it down anyway).
const MaxSealBytes = 8 << 20

// checkSealImage refuses an image that is not a PNG, or is too large.
func checkSealImage(ck *checker, image []byte) {
	switch {
	case len(image) > MaxSealBytes:
		ck.add("seal_path", "seal.too_large", MaxSealBytes>>20)
	case len(image) > 0:
		if _, err := png.DecodeConfig(bytes.NewReader(image)); err != nil {
			ck.add("seal_path", "seal.png")
		}
	}
}

// CheckSealImage refuses, under seal_path, an image that is not a PNG or is
// too large: for a screen that has just read the file.
func CheckSealImage(image []byte) error {
	var ck checker
	checkSealImage(&ck, image)
	return ck.errs.OrNil()
}

// fillSealImage copies the image at the seal path set before the image was
// kept in the ledger, as the migration's Go step; a file that is gone or
// unreadable leaves the company without an image (a reprint then falls back
// to the path, as it always did).
func fillSealImage(tx *Tx) error {
	var path string
	err := tx.QueryRowContext(tx.ctx, `SELECT seal_path FROM company WHERE id = 1`).Scan(&path)
	if isNoRows(err) || (err == nil && path == "") {
		return nil
	}
	if err != nil {
		return err
	}
	data, err := os.ReadFile(path)
	if err != nil || len(data) > MaxSealBytes {
		return nil
	}
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
		return nil
	}
	_, err = tx.ExecContext(tx.ctx, `UPDATE company SET seal_image = ? WHERE id = 1`, data)
	return err
}
