package exchange

import (
	"errors"
	"io"
	"sync/atomic"
)

// growingChunk is how much ReadGrowing reads at a time: what arrives is
// handed on a chunk at a time.
const growingChunk = 1 << 20

// errGrew is a file longer than its size said when its reading began.
var errGrew = errors.New("the file grew while it was read")

// Growing is a file's bytes as a goroutine reads them (ReadGrowing), for a
// reader that works on what has arrived while the rest comes: a 45 MB file
// took 0.13 s to read into fresh memory, which the import of its customers
// then spends writing the first ones instead of waiting. The bytes that
// have arrived never change.
type Growing struct {
	buf    []byte
	avail  atomic.Int64  // bytes of buf read so far
	arrive chan struct{} // a token after each chunk
	done   chan struct{} // closed when the reading ends
	err    error         // why it ended early, once done is closed
}

// ReadGrowing reads r, of size bytes, in the background. The file may not
// grow meanwhile (the reading then fails).
func ReadGrowing(r io.Reader, size int) *Growing {
	g := &Growing{buf: make([]byte, size), arrive: make(chan struct{}, 1), done: make(chan struct{})}
	go g.read(r)
	return g
}

func (g *Growing) read(r io.Reader) {
	defer close(g.done)
	n := 0
	for n < len(g.buf) {
		m, err := r.Read(g.buf[n:min(n+growingChunk, len(g.buf))])
		n += m
		g.avail.Store(int64(n))
		select {
		case g.arrive <- struct{}{}:
		default:
		}
		if err == io.EOF && n < len(g.buf) {
			g.err = io.ErrUnexpectedEOF
			return
		}
		if err != nil && err != io.EOF {
			g.err = err
			return
		}
	}
	var one [1]byte
	if m, _ := r.Read(one[:]); m > 0 {
		g.err = errGrew
	}
}

// Arrived is what has been read so far.
func (g *Growing) Arrived() []byte { return g.buf[:g.avail.Load()] }

// Wait waits until more than have bytes have arrived and returns them all,
// or, when no more will come, returns nil: the reading ended, whole or not
// (Err says).
func (g *Growing) Wait(have int) []byte {
	for {
		if b := g.Arrived(); len(b) > have {
			return b
		}
		select {
		case <-g.arrive:
		case <-g.done:
			if b := g.Arrived(); len(b) > have {
				return b
			}
			return nil
		}
	}
}

// Err waits for the reading to end and says why it ended early (nil: the
// file was read whole).
func (g *Growing) Err() error {
	<-g.done
	return g.err
}
