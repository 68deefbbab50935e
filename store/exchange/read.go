package exchange

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// MaxFileSize bounds what ReadCustomers reads into memory: a customer list of
// 100,000 rows is a few tens of MB, and a wrong file (a disk image, a video)
// should fail fast instead of filling the memory.
const MaxFileSize = 64 << 20

// Format is the kind of file ReadCustomers found.
type Format int

const (
	CSV  Format = iota // records are lines: a problem is reported by line
	JSON               // records are array elements: a problem is reported by record number
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// DetectFormat tells JSON from CSV: JSON when the first byte that is not
// white space (after a byte-order mark) is '[' (or '{', a lone object, which
// is then refused with a message about the array rather than read as a
// strange CSV header). A CSV header cannot start so: its cells are §8 keys.
func DetectFormat(data []byte) Format {
	data = bytes.TrimLeft(bytes.TrimPrefix(data, utf8BOM), " \t\r\n")
	if len(data) > 0 && (data[0] == '[' || data[0] == '{') {
		return JSON
	}
	return CSV
}

// ReadCustomers reads a customer file: JSON (the `list customers --format
// json` shape) or CSV whose header row names §8 keys in any order (code and
// name required, others optional). CSV may be UTF-8, with or without a
// byte-order mark, or Shift_JIS (what Excel in Japan saves), told apart by
// whether the bytes are valid UTF-8. Missing columns and keys take the
// defaults of store.NewCustomer. name (the file name) goes into messages about
// the whole file.
//
// It returns the customers with each one's line as the user sees it (CSV: the
// physical line where the record starts, the header being line 1; JSON: the
// record's 1-based position in the array), ready for store.CreateCustomers.
//
// Problems with records (a bad number, an unknown column, broken CSV quoting)
// come back together as a store.BatchError of store.Invalid errors with
// reasons import.*; the records that could be read are returned with it (a
// field that failed keeps its default), so a caller can check them too and
// report every problem at once. Problems with the whole file (empty, too
// large, an unknown text encoding) are a single *store.Error.
func ReadCustomers(r io.Reader, name string) ([]store.Customer, []int, error) {
	data, err := readAll(r)
	if err != nil {
		return nil, nil, err
	}
	if len(data) > MaxFileSize {
		return nil, nil, store.Invalid("", "import.too_large", name, MaxFileSize>>20)
	}
	text, err := decodeText(data, name)
	if err != nil {
		return nil, nil, err
	}
	var cs []store.Customer
	var lines []int
	var problems store.BatchError
	if DetectFormat(text) == JSON {
		cs, lines, problems = readJSON(text)
	} else {
		cs, lines, problems = readCSV(text)
	}
	if len(problems) > 0 {
		sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
		return cs, lines, problems
	}
	if len(cs) == 0 {
		return nil, nil, store.Invalid("", "import.empty", name)
	}
	return cs, lines, nil
}

// readAll reads r up to one byte past MaxFileSize. A bytes.Buffer (the
// CLI's file, read whole) is taken as it is; a reader that knows its length
// is read into a buffer of that size at once: growing one step by step
// copied a 50 MB file about twenty times.
func readAll(r io.Reader) ([]byte, error) {
	if b, ok := r.(*bytes.Buffer); ok { // already in memory (the CLI's file): not copied again
		return b.Next(MaxFileSize + 1), nil
	}
	lr := io.LimitReader(r, MaxFileSize+1)
	if l, ok := r.(interface{ Len() int }); ok {
		// MinRead more: ReadFrom wants that much free before the read
		// that finds the end, and would double a full buffer for it.
		buf := bytes.NewBuffer(make([]byte, 0, min(l.Len(), MaxFileSize)+1+bytes.MinRead))
		_, err := buf.ReadFrom(lr)
		return buf.Bytes(), err
	}
	return io.ReadAll(lr)
}

// decodeText returns the file as UTF-8 without a byte-order mark. Bytes that
// are not valid UTF-8 are taken as Shift_JIS (in its Windows form, which is
// what the x/text decoder implements), the encoding of a CSV saved by a
// Japanese Excel; if that does not decode cleanly either, the file is refused
// rather than imported as mojibake.
func decodeText(data []byte, name string) ([]byte, error) {
	if utf8.Valid(data) {
		return bytes.TrimPrefix(data, utf8BOM), nil
	}
	// UTF-16 (Excel's "Unicode text") is neither, and would decode as
	// plausible-looking Shift_JIS garbage: recognise its byte-order mark.
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, store.Invalid("", "import.encoding", name)
	}
	text, err := japanese.ShiftJIS.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(text, utf8.RuneError) {
		return nil, store.Invalid("", "import.encoding", name)
	}
	return text, nil
}

// readCSV reads records after a header row of §8 keys. A problem in one
// record does not stop the others from being read, so every problem is
// reported in one go; only broken quoting stops the reading, because after it
// the record boundaries are a guess.
func readCSV(text []byte) ([]store.Customer, []int, store.BatchError) {
	cr := csv.NewReader(bytes.NewReader(text))
	cr.FieldsPerRecord = -1 // a row of the wrong length is reported by us, with both counts
	header, err := cr.Read()
	if err == io.EOF {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, store.BatchError{csvSyntax(err)}
	}
	headerLine, _ := cr.FieldPos(0)
	cols, problems := parseHeader(header, headerLine)
	if len(problems) > 0 {
		return nil, nil, problems
	}
	var cs []store.Customer
	var lines []int
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			problems = append(problems, csvSyntax(err))
			break
		}
		line, _ := cr.FieldPos(0)
		if blankRecord(rec) {
			continue // spreadsheets leave rows of empty cells below the data
		}
		if len(rec) != len(cols) {
			problems = append(problems, store.RowError{Line: line,
				Err: store.Invalid("", "import.field_count", len(rec), len(cols))})
			continue
		}
		c, rowProblems := csvRecord(cols, rec, line)
		problems = append(problems, rowProblems...)
		cs = append(cs, c)
		lines = append(lines, line)
	}
	return cs, lines, problems
}

// parseHeader maps each header cell to its column. A cell with no name maps
// to nil: spreadsheets add such columns after the data, and they are ignored
// as long as they stay empty.
func parseHeader(header []string, line int) ([]*column, store.BatchError) {
	var problems store.BatchError
	bad := func(reason string, args ...any) {
		problems = append(problems, store.RowError{Line: line, Err: store.Invalid("", reason, args...)})
	}
	cols := make([]*column, len(header))
	seen := map[string]bool{}
	for i, h := range header {
		key := strings.ToLower(strings.TrimSpace(h))
		if key == "" {
			continue
		}
		col, ok := columnByKey(key)
		switch {
		case !ok:
			bad("import.unknown_column", quote(h), strings.Join(Keys(), ", "))
		case seen[key]:
			bad("import.duplicate_column", key)
		default:
			cols[i] = &col
		}
		seen[key] = true
	}
	for _, key := range required {
		if !seen[key] {
			bad("import.missing_column", key)
		}
	}
	return cols, problems
}

// csvRecord turns one record into a customer, starting from the defaults.
func csvRecord(cols []*column, rec []string, line int) (store.Customer, store.BatchError) {
	var problems store.BatchError
	c := store.NewCustomer()
	for i, col := range cols {
		v := rec[i]
		if col == nil {
			if strings.TrimSpace(v) != "" {
				problems = append(problems, store.RowError{Line: line,
					Err: store.Invalid("", "import.unnamed_column", i+1)})
			}
			continue
		}
		if col.text != nil {
			v = restore(v)
		}
		if e := col.set(&c, v); e != nil {
			problems = append(problems, store.RowError{Line: line, Err: e})
		}
	}
	return c, problems
}

func blankRecord(rec []string) bool {
	for _, v := range rec {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// csvSyntax reports broken CSV at the line where the reader gave up.
func csvSyntax(err error) store.RowError {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return store.RowError{Line: 1, Err: store.Invalid("", "import.csv_syntax", err.Error())}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrQuote):
		return store.RowError{Line: pe.StartLine, Err: store.Invalid("", "import.csv_quote")}
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return store.RowError{Line: pe.Line, Err: store.Invalid("", "import.csv_bare_quote")}
	}
	return store.RowError{Line: pe.Line, Err: store.Invalid("", "import.csv_syntax", pe.Err.Error())}
}

// readJSON reads an array of customer objects: readJSONFast when it can.
func readJSON(text []byte) ([]store.Customer, []int, store.BatchError) {
	if cs, lines, problems, ok := readJSONFast(text); ok {
		return cs, lines, problems
	}
	return readJSONRecords(text)
}

// readJSONRecords reads an array of customer objects one record at a time
// with encoding/json, which says what is wrong with broken syntax.
func readJSONRecords(text []byte) ([]store.Customer, []int, store.BatchError) {
	var cs []store.Customer
	var lines []int
	problems, _ := eachJSONRecord(bytes.NewReader(text), "import.json_array", func(record int, rec rawRecord) (store.BatchError, error) {
		c, problems := customerRecord(record, rec)
		if c != nil {
			cs = append(cs, *c)
			lines = append(lines, record)
		}
		return problems, nil
	})
	return cs, lines, problems // (reading text in memory fails in no other way)
}

// customerRecord decodes one element of a customers file: nil for one that
// is not an object, which is a problem of its own.
func customerRecord(record int, rec rawRecord) (*store.Customer, store.BatchError) {
	problems := rowErrors(record, rec.dups)
	obj := rec.object()
	if obj == nil {
		return nil, append(problems, store.RowError{Line: record, Err: store.Invalid("", "import.json_record")})
	}
	c, more := jsonRecord(obj, record)
	return &c, append(problems, more...)
}

// eachJSONRecord calls each for every object of the JSON array in text, with
// its 1-based position, and collects the problems. Each record is decoded on
// its own, so one bad value is reported with its record number and the rest
// are still checked; a key given twice in one object is refused (see
// duplicateKeys: each gets those problems, in rec.dups, to report with its
// own); for an element that is not an object (not even null) rec.object()
// is nil; broken JSON syntax stops the reading. notArray is the
// reason given when the file does not hold an array. The text is read as a
// stream, one record at a time (read again from the start only to tell the
// line of broken syntax); an error from each (not a problem of the record)
// stops the reading and is returned.
func eachJSONRecord(text io.ReadSeeker, notArray string,
	each func(record int, rec rawRecord) (store.BatchError, error)) (store.BatchError, error) {
	dec := json.NewDecoder(text)
	syntax := func(record int, err error) (store.BatchError, error) {
		e, ferr := jsonSyntax(text, dec, err)
		if ferr != nil {
			return nil, ferr
		}
		return store.BatchError{{Line: record, Err: e}}, nil
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
		return store.BatchError{{Line: 1, Err: store.Invalid("", notArray)}}, nil
	}
	var problems store.BatchError
	record := 1
	for ; dec.More(); record++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			more, err := syntax(record, err)
			return append(problems, more...), err
		}
		more, err := each(record, rawRecord{raw: raw, dups: duplicateKeys(raw)})
		if err != nil {
			return nil, err
		}
		problems = append(problems, more...)
	}
	if _, err := dec.Token(); err != nil { // the closing ']'
		more, err := syntax(record, err)
		return append(problems, more...), err
	}
	if _, err := dec.Token(); err != io.EOF {
		return append(problems, store.RowError{Line: record, Err: store.Invalid("", "import.json_trailing")}), nil
	}
	return problems, nil
}

// rawRecord is one element of a JSON array as read, and the keys it gives
// twice (duplicateKeys).
type rawRecord struct {
	raw  json.RawMessage
	dups []*store.Error
}

// object is the record's keys and values; nil for an element that is not
// an object (null too).
func (r rawRecord) object() map[string]json.RawMessage {
	var obj map[string]json.RawMessage
	if json.Unmarshal(r.raw, &obj) != nil {
		return nil
	}
	return obj
}

// jsonRecord turns one object into a customer, starting from the defaults.
// Keys are handled in the §8 order so problems come out in a stable order.
func jsonRecord(obj map[string]json.RawMessage, record int) (store.Customer, store.BatchError) {
	var problems store.BatchError
	bad := func(e *store.Error) { problems = append(problems, store.RowError{Line: record, Err: e}) }
	c := store.NewCustomer()
	for _, col := range columns {
		raw, ok := obj[col.key]
		if !ok {
			continue
		}
		if e := setJSON(col, &c, raw); e != nil {
			bad(e)
		}
	}
	var unknown []string
	for key := range obj {
		if _, ok := columnByKey(key); !ok {
			unknown = append(unknown, key)
		}
	}
	sort.Strings(unknown)
	for _, key := range unknown {
		bad(store.Invalid("", "import.unknown_key", quote(key), strings.Join(Keys(), ", ")))
	}
	return c, problems
}

// setJSON sets one field from its JSON value. null keeps the default. Text
// fields need a JSON string; numbers and booleans also accept their text
// ("31", "true"), as a spreadsheet-made JSON often quotes everything.
func setJSON(col column, c *store.Customer, raw json.RawMessage) *store.Error {
	s := string(raw)
	switch {
	case s == "null":
		return nil
	case strings.HasPrefix(s, `"`):
		if err := json.Unmarshal(raw, &s); err != nil {
			return store.Invalid(col.key, "import.json_text")
		}
	case col.text != nil:
		return store.Invalid(col.key, "import.json_text")
	}
	return col.set(c, s)
}

// jsonSyntax describes broken JSON, with the physical line of the fault so
// the user can find it in an editor; the error is one of reading the text
// again to count the lines.
func jsonSyntax(text io.ReadSeeker, dec *json.Decoder, err error) (*store.Error, error) {
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return store.Invalid("", "import.json_truncated"), nil
	}
	offset := dec.InputOffset()
	var se *json.SyntaxError
	if errors.As(err, &se) {
		offset = se.Offset
	}
	line, lerr := lineAt(text, offset)
	if lerr != nil {
		return nil, lerr
	}
	return store.Invalid("", "import.json_syntax", line, err.Error()), nil
}

// MergeProblems adds more to problems, leaving out a field of a record that
// already has a problem and every further problem of a record that could not
// be read at all (import.json_record), and sorts them by record, stably: one
// report of everything wrong in a file, without saying a thing twice.
func MergeProblems(problems, more store.BatchError) store.BatchError {
	type at struct {
		line  int
		field string
	}
	reported, unread := map[at]bool{}, map[int]bool{}
	for _, re := range problems {
		reported[at{re.Line, re.Err.Field}] = true
		unread[re.Line] = unread[re.Line] || re.Err.Reason == "import.json_record"
	}
	for _, re := range more {
		if !reported[at{re.Line, re.Err.Field}] && !unread[re.Line] {
			problems = append(problems, re)
			reported[at{re.Line, re.Err.Field}] = true
		}
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Line < problems[j].Line })
	return problems
}
