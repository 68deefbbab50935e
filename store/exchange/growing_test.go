package exchange

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"daicho/store"
)

// ReadGrowing hands on what has arrived and says when the file was not what
// its size said: shorter, longer, or unreadable part of the way.
func TestReadGrowing(t *testing.T) {
	text := []byte(strings.Repeat("0123456789", 1000))
	broken := errors.New("disk gone")
	tests := []struct {
		name string
		r    io.Reader
		size int
		want error
	}{
		{"whole", bytes.NewReader(text), len(text), nil},
		{"in pieces", &pieces{text, 7}, len(text), nil},
		{"shorter than its size", bytes.NewReader(text[:5000]), len(text), io.ErrUnexpectedEOF},
		{"longer than its size", bytes.NewReader(text), len(text) - 1, errGrew},
		{"unreadable half way", io.MultiReader(bytes.NewReader(text[:3000]), iotest.ErrReader(broken)), len(text), broken},
	}
	for _, tc := range tests {
		g := ReadGrowing(tc.r, tc.size)
		var got []byte
		for b := g.Arrived(); b != nil; b = g.Wait(len(b)) {
			if !bytes.HasPrefix(text, b) {
				t.Fatalf("%s: arrived bytes that are not the file's", tc.name)
			}
			got = b
		}
		if err := g.Err(); !errors.Is(err, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		if tc.want == nil && len(got) != len(text) {
			t.Errorf("%s: %d bytes arrived of %d", tc.name, len(got), len(text))
		}
	}
}

// A file whose reading fails part of the way declines the stream, after
// the batches read before were given.
func TestStreamCustomersReadingFails(t *testing.T) {
	text := []byte(manyCustomersJSON(3 * streamBatch))
	r := io.MultiReader(bytes.NewReader(text[:len(text)*2/3]), iotest.ErrReader(errors.New("disk gone")))
	from, ok := StreamCustomers(ReadGrowing(r, len(text)))
	if !ok {
		t.Fatal("a JSON file was not taken")
	}
	given := 0
	whole := from(func(cs []store.Customer) bool {
		given += len(cs)
		return true
	})
	if whole || given == 0 || given >= 3*streamBatch {
		t.Errorf("source: %v after %d customers; want false after some", whole, given)
	}
}
