package exchange

import (
	"bytes"
	"encoding/json"
	"strconv"

	"daicho/store"
)

// duplicateKeys refuses every key that appears twice in one object of a
// record (encoding/json would silently keep the last), each once, on its
// path (lines.0.unit_price). raw is one record already read whole, so it is
// valid JSON.
func duplicateKeys(raw []byte) []*store.Error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var errs []*store.Error
	var value func(prefix string) error
	value = func(prefix string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			seen, reported := map[string]bool{}, map[string]bool{}
			for dec.More() {
				tok, err := dec.Token()
				if err != nil {
					return err
				}
				key, _ := tok.(string)
				if seen[key] && !reported[key] {
					errs = append(errs, store.Invalid(prefix+key, "import.duplicate_key", quote(key)))
					reported[key] = true
				}
				seen[key] = true
				if err := value(prefix + key + "."); err != nil {
					return err
				}
			}
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := value(prefix + strconv.Itoa(i) + "."); err != nil {
					return err
				}
			}
		default:
			return nil
		}
		_, err = dec.Token() // the closing '}' or ']'
		return err
	}
	if value("") != nil {
		return nil // not JSON: the reader reports that
	}
	return errs
}
