package exchange

import (
	"bytes"
	"errors"
	"iter"
	"testing"
)

// TestJSONArrayIsWhatTheEncoderWrites checks that streaming an array element
// by element gives the bytes writeJSON gives for the whole slice, so every
// list reads the same whichever way it was written.
func TestJSONArrayIsWhatTheEncoderWrites(t *testing.T) {
	type line struct {
		Text  string         `json:"text"`
		Tags  []string       `json:"tags"`
		Extra map[string]int `json:"extra,omitempty"`
	}
	for _, elems := range [][]line{
		nil,
		{},
		{{Text: "A&B 商会 <x>", Tags: []string{"a", "b"}}},
		{{Text: "one", Tags: []string{}}, {Text: "two", Extra: map[string]int{"n": 2}}, {Text: "\"three\"\n"}},
	} {
		var want, got bytes.Buffer
		if err := writeJSON(&want, append([]line{}, elems...)); err != nil {
			t.Fatal(err)
		}
		if err := writeJSONArray(&got, all(elems), asIs); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("array of %d:\ngot  %q\nwant %q", len(elems), got.String(), want.String())
		}
	}
}

// TestJSONArrayStopsOnError checks that an element that cannot be read
// ends the array with its error.
func TestJSONArrayStopsOnError(t *testing.T) {
	boom := errors.New("boom")
	var seq iter.Seq2[int, error] = func(yield func(int, error) bool) {
		if yield(1, nil) {
			yield(0, boom)
		}
	}
	var buf bytes.Buffer
	if err := writeJSONArray(&buf, seq, asIs); !errors.Is(err, boom) {
		t.Fatalf("got %v, want boom", err)
	}
}
