package exchange

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"daicho/store"
)

// A file imported as a stream (`daicho import documents`) is read twice
// when it can be: once to check its size and that it is UTF-8 (a
// Shift_JIS file can only be told from a UTF-8 one by reading it all), and
// once by the JSON decoder, record by record, so that neither the file nor
// its records are ever in memory at once. Standard input, which cannot be
// read twice, and a Shift_JIS file are read into memory whole, as before.

// openText returns the text of the file r as UTF-8 without a byte-order
// mark, read from its start, refusing a file over MaxFileSize or in an
// unknown encoding (see decodeText) as decodeText does. name is the file's
// name for those messages.
func openText(r io.Reader, name string) (io.ReadSeeker, error) {
	if rs, ok := r.(io.ReadSeeker); ok {
		if start, err := rs.Seek(0, io.SeekCurrent); err == nil {
			return openSeekable(rs, start, name)
		}
	}
	return readWhole(r, name)
}

// readWhole reads all of r into memory and decodes it.
func readWhole(r io.Reader, name string) (io.ReadSeeker, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, store.Invalid("", "import.too_large", name, MaxFileSize>>20)
	}
	text, err := decodeText(data, name)
	if err != nil {
		return nil, err
	}
	return bytes.NewReader(text), nil
}

// openSeekable checks the file from start: when it is UTF-8, it is read in
// place (after its byte-order mark); else it is read whole and decoded.
func openSeekable(rs io.ReadSeeker, start int64, name string) (io.ReadSeeker, error) {
	size, valid, err := scanUTF8(rs)
	if err != nil {
		return nil, err
	}
	if size > MaxFileSize {
		return nil, store.Invalid("", "import.too_large", name, MaxFileSize>>20)
	}
	if !valid {
		if _, err := rs.Seek(start, io.SeekStart); err != nil {
			return nil, err
		}
		return readWhole(rs, name)
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, err
	}
	head := make([]byte, len(utf8BOM))
	if n, _ := io.ReadFull(rs, head); n == len(head) && bytes.Equal(head, utf8BOM) {
		start += int64(len(utf8BOM))
	}
	if _, err := rs.Seek(start, io.SeekStart); err != nil {
		return nil, err
	}
	return &section{rs: rs, start: start}, nil
}

// scanUTF8 reads r to its end (or just past MaxFileSize), telling its size
// and whether it is valid UTF-8.
func scanUTF8(r io.Reader) (size int64, valid bool, err error) {
	buf := make([]byte, 64<<10)
	valid = true
	carry := 0 // bytes of a character cut by the end of the previous read
	for size <= MaxFileSize {
		n, err := r.Read(buf[carry:])
		size += int64(n)
		chunk := buf[:carry+n]
		if err == io.EOF {
			return size, valid && utf8.Valid(chunk), nil
		}
		if err != nil {
			return 0, false, err
		}
		// Keep an incomplete character at the end for the next read.
		cut := len(chunk)
		for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax; i-- {
			if utf8.RuneStart(chunk[i]) {
				if !utf8.FullRune(chunk[i:]) {
					cut = i
				}
				break
			}
		}
		if valid && !utf8.Valid(chunk[:cut]) {
			valid = false
		}
		carry = copy(buf, chunk[cut:])
	}
	return size, valid, nil
}

// section is a file read from start: Seek(0, io.SeekStart) goes back there,
// so offsets are those of the text (without the byte-order mark).
type section struct {
	rs    io.ReadSeeker
	start int64
}

func (s *section) Read(p []byte) (int, error) { return s.rs.Read(p) }

func (s *section) Seek(offset int64, whence int) (int64, error) {
	if whence == io.SeekStart {
		offset += s.start
	}
	n, err := s.rs.Seek(offset, whence)
	return n - s.start, err
}

// lineAt is the 1-based line of the text at offset (at most its end): the
// text is read again from its start to count.
func lineAt(text io.ReadSeeker, offset int64) (int, error) {
	if _, err := text.Seek(0, io.SeekStart); err != nil {
		return 0, err
	}
	br := bufio.NewReader(io.LimitReader(text, offset))
	line := 1
	for {
		b, err := br.ReadSlice('\n')
		if bytes.HasSuffix(b, []byte("\n")) {
			line++
		}
		if err == io.EOF {
			return line, nil
		}
		if err != nil && err != bufio.ErrBufferFull {
			return 0, err
		}
	}
}
