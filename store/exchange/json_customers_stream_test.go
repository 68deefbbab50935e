package exchange

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"daicho/store"
)

// StreamCustomers gives exactly the customers ReadCustomers reads from a
// file it reads without a problem, and declines every other file (which
// ReadCustomers then reads, reporting what is wrong), never one that reads
// cleanly and is of the usual shape.
func TestStreamCustomersAsReadCustomers(t *testing.T) {
	var sampleJSON bytes.Buffer
	if err := WriteCustomersJSON(&sampleJSON, sample()); err != nil {
		t.Fatal(err)
	}
	many := manyCustomersJSON(2*streamBatch + 5)
	files := append(jsonFastCases, sampleJSON.String(), "\ufeff"+sampleJSON.String(), many,
		"code,name\nC1,A\n", manyCustomersJSON(streamBatch)+" x", manyCustomersJSON(streamBatch),
		// Not UTF-8 in the last batch, and after the last element: the
		// stream has given batches before it finds out, and declines.
		strings.Replace(many, "株式会社 2050", "\x82\xa0 2050", 1), many[:len(many)-1]+"\xff]")
	streamed := 0
	for _, text := range files {
		if checkStream(t, []byte(text)) {
			streamed++
		}
	}
	if streamed < 8 {
		t.Errorf("StreamCustomers streamed only %d of the files", streamed)
	}
}

func FuzzStreamCustomers(f *testing.F) {
	for _, text := range jsonFastCases {
		f.Add([]byte(text))
	}
	f.Fuzz(func(t *testing.T, data []byte) { checkStream(t, data) })
}

// checkStream compares StreamCustomers with ReadCustomers on text, read
// whole at once and read 97 bytes at a time (cut anywhere: in a key, a
// text, a character, between elements); it tells whether the stream gave
// the file's customers.
func checkStream(t *testing.T, text []byte) bool {
	t.Helper()
	whole := checkStreamRead(t, text, bytes.NewReader(text))
	if cut := checkStreamRead(t, text, &pieces{text, 97}); cut != whole {
		t.Errorf("%.200s: streamed %v read whole, %v read in pieces", text, whole, cut)
	}
	return whole
}

// pieces reads at most n bytes at a time.
type pieces struct {
	b []byte
	n int
}

func (r *pieces) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	m := copy(p[:min(len(p), r.n)], r.b)
	r.b = r.b[m:]
	return m, nil
}

func checkStreamRead(t *testing.T, text []byte, r io.Reader) bool {
	t.Helper()
	from, ok := StreamCustomers(ReadGrowing(r, len(text)))
	var got []store.Customer
	whole := ok && from(func(cs []store.Customer) bool {
		if len(cs) == 0 || len(cs) > streamBatch {
			t.Errorf("a batch of %d customers", len(cs))
		}
		got = append(got, cs...)
		return true
	})
	want, _, err := ReadCustomers(bytes.NewBuffer(bytes.Clone(text)), "f")
	switch {
	case whole && err != nil:
		t.Errorf("%.200s: streamed %d customers of a file ReadCustomers refuses: %v", text, len(got), err)
	case whole && !reflect.DeepEqual(got, want):
		t.Errorf("%.200s:\n streamed %+v\nread %+v", text, got, want)
	case !whole && err == nil && utf8.Valid(text) && isUsualJSON(want, text):
		t.Errorf("%.200s: declined a file of the usual shape that reads cleanly", text)
	}
	return whole
}

// isUsualJSON: text is a JSON file whose every element readJSONFast reads
// itself (no element handed to encoding/json), the shape the stream takes.
func isUsualJSON(cs []store.Customer, text []byte) bool {
	if DetectFormat(text) != JSON || len(cs) == 0 {
		return false
	}
	p := newJSONScan(string(bytes.TrimPrefix(text, utf8BOM)))
	p.space()
	p.eat('[')
	for {
		p.space()
		var c store.Customer
		if _, usual := p.customer(0, &c); !usual {
			return false
		}
		p.space()
		if !p.eat(',') {
			return true
		}
	}
}

// manyCustomersJSON is a file of n usual customers.
func manyCustomersJSON(n int) string {
	var b strings.Builder
	b.WriteString("[")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"code":"K%06d","name":"株式会社 %d","closing_day":20,"archived":false}`, i+1, i+1)
	}
	b.WriteString("]")
	return b.String()
}
