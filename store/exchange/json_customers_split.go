package exchange

import (
	"strings"
)

// splitJSONAt is the size from which readJSONFast reads a file in two
// halves at once (a variable, so a test can split small files).
var splitJSONAt = 1 << 20

// readJSONHalves reads the records of a large file (p just inside its '[')
// on two goroutines: the second from an element found near the middle,
// the first from the start up to that element. Where an element starts
// cannot be known without reading what comes before (a '{' may be inside a
// text), so the guess is only kept if the first half, read as always, ends
// exactly there; then the second half's records are what reading on would
// have given, numbered after the first half's. Otherwise the first goes on
// reading to the end. done is false when the file is not read (too small to
// share, or no element to guess).
func readJSONHalves(p *jsonScan) (r jsonRecords, done bool) {
	if len(p.s)-p.i < splitJSONAt {
		return r, false
	}
	guess := elementNear(p.s, (p.i+len(p.s))/2)
	if guess < 0 {
		return r, false
	}
	second := make(chan jsonRecords, 1)
	go func() {
		q := newJSONScan(p.s)
		q.i = guess
		second <- q.records(-1)
	}()
	r = p.records(guess)
	later := <-second
	switch {
	case !r.stopped: // broken, or read to the end without meeting the guess
		return r, true
	case !later.ok:
		return later, true
	}
	for i := range later.lines {
		later.lines[i] += r.count
	}
	for i := range later.problems {
		later.problems[i].Line += r.count
	}
	r.cs = append(r.cs, later.cs...)
	r.lines = append(r.lines, later.lines...)
	r.problems = append(r.problems, later.problems...)
	r.count += later.count
	return r, true
}

// elementNear is the first position after from that looks like the start
// of an element: a '{' after a ',' and white space. -1 if none.
func elementNear(s string, from int) int {
	for i := from; i < len(s); {
		j := strings.IndexByte(s[i:], '{')
		if j < 0 {
			return -1
		}
		at := i + j
		k := at - 1
		for k > 0 && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r' || s[k] == '\n') {
			k--
		}
		if k > 0 && s[k] == ',' {
			return at
		}
		i = at + 1
	}
	return -1
}
