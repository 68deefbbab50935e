package exchange

import (
	"bytes"
	"encoding/json"
	"io"
	"iter"
)

// Every JSON daicho writes comes from the two writers here, so every file
// and every command's output is indented and escaped alike.

// newEncoder is the encoder of every JSON daicho writes: two-space indent,
// each line after the first starting with prefix, and <, > and & kept as
// they are (this is a file, not HTML, and a customer named "A&B 商会"
// should read as such).
func newEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

// writeJSON writes v as indented JSON, the form of every JSON daicho writes.
func writeJSON(w io.Writer, v any) error {
	return newEncoder(w, "").Encode(v)
}

// writeJSONArray writes what elems yields, each as toJSON makes it, as an
// indented JSON array: "[]" for none, never "null", so a reader can always
// expect an array. Elements are written one at a time as they come, so a
// list of 100,000 documents is never held in memory; the output is what
// writeJSON gives for the whole array.
func writeJSONArray[T any](w io.Writer, elems iter.Seq2[T, error], toJSON func(T) any) error {
	aw := arrayWriter{w: w}
	for e, err := range elems {
		if err != nil {
			return err
		}
		if err := aw.add(toJSON(e)); err != nil {
			return err
		}
	}
	return aw.end()
}

// arrayWriter writes a JSON array one element at a time, as writeJSONArray
// does (which uses it).
type arrayWriter struct {
	w io.Writer
	n int
}

func (aw *arrayWriter) add(v any) error {
	b, err := marshalElement(v)
	if err != nil {
		return err
	}
	return aw.addMarshalled(b)
}

// addMarshalled adds an element already as marshalElement gives it.
func (aw *arrayWriter) addMarshalled(b []byte) error {
	sep := ",\n  "
	if aw.n == 0 {
		sep = "[\n  "
	}
	if _, err := io.WriteString(aw.w, sep); err != nil {
		return err
	}
	if _, err := aw.w.Write(b); err != nil {
		return err
	}
	aw.n++
	return nil
}

// end closes the array: "[]" for none.
func (aw *arrayWriter) end() error {
	end := "\n]\n"
	if aw.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(aw.w, end)
	return err
}

// marshalElement is one array element as writeJSON indents it inside the
// array, without the final newline.
func marshalElement(v any) ([]byte, error) {
	var buf bytes.Buffer
	if err := newEncoder(&buf, "  ").Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// all yields the elements of a slice, for writeJSONArray.
func all[T any](s []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, e := range s {
			if !yield(e, nil) {
				return
			}
		}
	}
}

// asIs is toJSON for elements that are already in their JSON form.
func asIs[T any](e T) any { return e }
