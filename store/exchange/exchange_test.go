package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
	"daicho/store/storetest"
)

// readFile writes content to a real file and reads it back through
// ReadCustomers, the way the CLI does.
func readFile(t *testing.T, name string, content []byte) ([]store.Customer, []int, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, content, 0o600); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return ReadCustomers(f, name)
}

func shiftJIS(t *testing.T, s string) []byte {
	t.Helper()
	b, err := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// customer builds the expected record: the defaults with some fields set.
func customer(code, name string, edit func(*store.Customer)) store.Customer {
	c := storetest.Customer(code, name)
	if edit != nil {
		edit(&c)
	}
	return c
}

const japaneseCSV = "name,code,kana,phone,closing_day,months_deferred,payment_day,archived\r\n" +
	"株式会社さくら工業,C0001,サクラコウギョウ,03-1234-5678,20,1,10,false\r\n" +
	"山田 太郎,C0002,ヤマダ タロウ,,31,2,31,true\r\n"

func japaneseWant() []store.Customer {
	return []store.Customer{
		customer("C0001", "株式会社さくら工業", func(c *store.Customer) {
			c.Kana, c.Phone, c.ClosingDay, c.PaymentDay = "サクラコウギョウ", "03-1234-5678", 20, 10
		}),
		customer("C0002", "山田 太郎", func(c *store.Customer) {
			c.Kana, c.MonthsDeferred, c.Archived = "ヤマダ タロウ", 2, true
		}),
	}
}

func TestReadCustomers(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		content   []byte
		want      []store.Customer
		wantLines []int
	}{
		{"utf8", "c.csv", []byte(japaneseCSV), japaneseWant(), []int{2, 3}},
		{"utf8 bom", "c.csv", append([]byte("\xEF\xBB\xBF"), japaneseCSV...), japaneseWant(), []int{2, 3}},
		{"shift_jis", "c.csv", shiftJIS(t, japaneseCSV), japaneseWant(), []int{2, 3}},
		{"lf line ends, header in capitals and spaced", "c.csv",
			[]byte(" Code , NAME \nC1,Acme Ltd.\n"),
			[]store.Customer{customer("C1", "Acme Ltd.", nil)}, []int{2}},
		{"a quoted cell over two lines keeps physical line numbers", "c.csv",
			[]byte("code,name,notes\nC1,A,\"first\nsecond\"\nC2,B,\n"),
			[]store.Customer{
				customer("C1", "A", func(c *store.Customer) { c.Notes = "first\nsecond" }),
				customer("C2", "B", nil),
			}, []int{2, 4}},
		{"blank rows and trailing unnamed columns are ignored", "c.csv",
			[]byte("code,name,,\nC1,A,,\n,,,\n\nC2,B,,\n"),
			[]store.Customer{customer("C1", "A", nil), customer("C2", "B", nil)}, []int{2, 5}},
		{"blank number and boolean cells keep the defaults; full-width digits and yes/no", "c.csv",
			[]byte("code,name,closing_day,payment_day,archived,honorific\nC1,A,,１５,yes,\nC2,B,5,,0,様\n"),
			[]store.Customer{
				customer("C1", "A", func(c *store.Customer) { c.PaymentDay, c.Archived, c.Honorific = 15, true, "" }),
				customer("C2", "B", func(c *store.Customer) { c.ClosingDay, c.Honorific = 5, "様" }),
			}, []int{2, 3}},
		{"json", "c.json",
			[]byte(`[{"code":"C1","name":"株式会社テスト","closing_day":20,"archived":true},` +
				"\n" + `{"code":"C2","name":"B","payment_day":"10","archived":"no","phone":null}]`),
			[]store.Customer{
				customer("C1", "株式会社テスト", func(c *store.Customer) { c.ClosingDay, c.Archived = 20, true }),
				customer("C2", "B", func(c *store.Customer) { c.PaymentDay = 10 }),
			}, []int{1, 2}},
		{"json with bom and leading space", "c.json",
			[]byte("\xEF\xBB\xBF \n[{\"code\":\"C1\",\"name\":\"A\"}]\n"),
			[]store.Customer{customer("C1", "A", nil)}, []int{1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, lines, err := readFile(t, tt.file, tt.content)
			if err != nil {
				t.Fatalf("ReadCustomers: %v", err)
			}
			if !reflect.DeepEqual(cs, tt.want) {
				t.Errorf("customers:\n got %+v\nwant %+v", cs, tt.want)
			}
			if !reflect.DeepEqual(lines, tt.wantLines) {
				t.Errorf("lines = %v, want %v", lines, tt.wantLines)
			}
		})
	}
}

// problem is one expected RowError: line, field and reason.
type problem struct {
	line          int
	field, reason string
}

func TestReadCustomersProblems(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		content string
		want    []problem
	}{
		{"bad int names line and field", "c.csv",
			"code,name,closing_day\nC1,A,20\nC2,B,twenty\nC3,C,1.5\n",
			[]problem{{3, "closing_day", "import.int"}, {4, "closing_day", "import.int"}}},
		{"bad boolean", "c.csv", "code,name,archived\nC1,A,maybe\n",
			[]problem{{2, "archived", "import.bool"}}},
		{"unknown column", "c.csv", "code,name,fax\nC1,A,03\n",
			[]problem{{1, "", "import.unknown_column"}}},
		{"missing code column", "c.csv", "name,phone\nA,03-1234-5678\n",
			[]problem{{1, "", "import.missing_column"}}},
		{"missing code and name", "c.csv", "phone\n03-1234-5678\n",
			[]problem{{1, "", "import.missing_column"}, {1, "", "import.missing_column"}}},
		{"duplicate column", "c.csv", "code,name,Name\nC1,A,B\n",
			[]problem{{1, "", "import.duplicate_column"}}},
		{"wrong number of cells, every bad row", "c.csv", "code,name,phone\nC1,A\nC2,B,1,2\nC3,C,\n",
			[]problem{{2, "", "import.field_count"}, {3, "", "import.field_count"}}},
		{"value under an unnamed column", "c.csv", "code,name,\nC1,A,oops\n",
			[]problem{{2, "", "import.unnamed_column"}}},
		{"bare quote", "c.csv", "code,name\nC1,A\"B\n",
			[]problem{{2, "", "import.csv_bare_quote"}}},
		{"unclosed quote", "c.csv", "code,name\nC1,\"A\nC2,B\n",
			[]problem{{2, "", "import.csv_quote"}}},
		{"json text must be a string", "c.json", `[{"code":"C1","name":42}]`,
			[]problem{{1, "name", "import.json_text"}}},
		{"json bad number and unknown key", "c.json",
			`[{"code":"C1","name":"A"},{"code":"C2","name":"B","closing_day":"x","fax":"1"}]`,
			[]problem{{2, "closing_day", "import.int"}, {2, "", "import.unknown_key"}}},
		{"json record not an object", "c.json", `[{"code":"C1","name":"A"}, 7]`,
			[]problem{{2, "", "import.json_record"}}},
		{"json syntax", "c.json", "[{\"code\":\"C1\",\"name\":\"A\"},\n{\"code\" \"C2\"}]",
			[]problem{{2, "", "import.json_syntax"}}},
		{"json truncated", "c.json", `[{"code":"C1","name":"A"}`,
			[]problem{{2, "", "import.json_truncated"}}},
		{"json trailing text", "c.json", `[{"code":"C1","name":"A"}] x`,
			[]problem{{2, "", "import.json_trailing"}}},
		{"json lone object", "c.json", `{"code":"C1","name":"A"}`,
			[]problem{{1, "", "import.json_array"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readFile(t, tt.file, []byte(tt.content))
			var batch store.BatchError
			if !errors.As(err, &batch) {
				t.Fatalf("err = %v, want a BatchError", err)
			}
			var got []problem
			for _, re := range batch {
				if re.Err.Code != store.CodeInvalid {
					t.Errorf("line %d: code %s, want invalid", re.Line, re.Err.Code)
				}
				got = append(got, problem{re.Line, re.Err.Field, re.Err.Reason})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("problems = %v, want %v", got, tt.want)
			}
		})
	}
}

// A bad cell does not hide the record: the caller gets it back (the field at
// its default) to check the other fields, and the problem names the value.
func TestReadCustomersReturnsRecordsWithProblems(t *testing.T) {
	cs, lines, err := readFile(t, "c.csv", []byte("code,name,closing_day\nC1,A,x\nC2,,20\n"))
	var batch store.BatchError
	if !errors.As(err, &batch) || len(batch) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	if got := batch[0].Err.Args; !reflect.DeepEqual(got, []any{`"x"`}) {
		t.Errorf("args = %v, want the quoted value", got)
	}
	want := []store.Customer{customer("C1", "A", nil), customer("C2", "", func(c *store.Customer) { c.ClosingDay = 20 })}
	if !reflect.DeepEqual(cs, want) || !reflect.DeepEqual(lines, []int{2, 3}) {
		t.Errorf("got %+v at %v, want %+v at [2 3]", cs, lines, want)
	}
}

func TestReadCustomersFileProblems(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		reason  string
	}{
		{"empty file", nil, "import.empty"},
		{"header only", []byte("code,name\r\n"), "import.empty"},
		{"empty json array", []byte(" [ ] "), "import.empty"},
		{"utf-16", []byte("\xFF\xFEc\x00o\x00d\x00e\x00"), "import.encoding"},
		{"neither utf-8 nor shift_jis", []byte("code,name\nC1,\x80\xFD\xFE\n"), "import.encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := readFile(t, "list.csv", tt.content)
			e, ok := store.AsError(err)
			if !ok || e.Reason != tt.reason {
				t.Fatalf("err = %v, want reason %s", err, tt.reason)
			}
			if e.Args[0] != "list.csv" {
				t.Errorf("args = %v, want the file name first", e.Args)
			}
		})
	}
}

func TestReadCustomersTooLarge(t *testing.T) {
	r := strings.NewReader(strings.Repeat("x", MaxFileSize+1))
	if _, _, err := ReadCustomers(r, "big.csv"); !hasReason(err, "import.too_large") {
		t.Fatalf("err = %v, want import.too_large", err)
	}
}

func hasReason(err error, reason string) bool {
	e, ok := store.AsError(err)
	return ok && e.Reason == reason
}

// sample has every field set, Japanese and English text, and values that a
// spreadsheet would run as formulas.
func sample() []store.Customer {
	return []store.Customer{
		{Code: "C0001", Name: "株式会社サンプル", Kana: "サンプル", Honorific: "御中", PostalCode: "100-0001",
			Address1: "東京都千代田区千代田1-1", Address2: "サンプルビル 3F", Department: "経理部", Contact: "佐藤",
			Email: "keiri@sample.example.jp", Phone: "03-1234-5678", ClosingDay: 20, MonthsDeferred: 1,
			PaymentDay: 10, HolidayRule: "next", RegistrationNumber: "T4011001098993", Language: "ja",
			PersonInCharge: "鈴木", Notes: "改行を\n含む備考, \"引用\"つき"},
		{Code: "C0002", Name: "=HYPERLINK(\"http://x\")", Kana: "", Honorific: "", PostalCode: "SW1A 1AA",
			Address1: "@home", Address2: "-1 floor", Phone: "+44 20 7946 0123", ClosingDay: 31,
			MonthsDeferred: 2, PaymentDay: 31, HolidayRule: "previous", Language: "en",
			Notes: "'=already quoted", Contact: "O'Neil", Department: "\tTabbed", Archived: true},
	}
}

func TestJSONRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCustomersJSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	cs, lines, err := readFile(t, "c.json", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cs, sample()) || !reflect.DeepEqual(lines, []int{1, 2}) {
		t.Errorf("round trip:\n got %+v\nwant %+v", cs, sample())
	}
}

// The JSON keys are exactly §8's, in its order, for every record.
func TestWriteCustomersJSONKeys(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCustomersJSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(&buf)
	dec.Token() // [
	for dec.More() {
		var keys []string
		dec.Token() // {
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip any
			dec.Decode(&skip)
		}
		dec.Token() // }
		if !reflect.DeepEqual(keys, Keys()) {
			t.Errorf("keys = %v, want %v", keys, Keys())
		}
	}
	var empty bytes.Buffer
	if err := WriteCustomersJSON(&empty, nil); err != nil || strings.TrimSpace(empty.String()) != "[]" {
		t.Errorf("no customers = %q, %v; want []", empty.String(), err)
	}
}

// The column table and store.Customer's json tags must name the same keys in
// the same order, or CSV and JSON would disagree.
func TestKeysMatchJSONTags(t *testing.T) {
	var tags []string
	typ := reflect.TypeFor[store.Customer]()
	for i := range typ.NumField() {
		if tag := typ.Field(i).Tag.Get("json"); tag != "-" {
			tags = append(tags, tag)
		}
	}
	if !reflect.DeepEqual(tags, Keys()) {
		t.Errorf("json tags %v\n   != keys %v", tags, Keys())
	}
}

func TestCSVRoundTripAndFormulaInjection(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCustomersCSV(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, strings.Join(Keys(), ",")+"\r\n") {
		t.Errorf("header: %q", out[:80])
	}
	// Every text cell a spreadsheet would evaluate starts with an apostrophe,
	// phone numbers included; ordinary text and numbers are left alone.
	for _, cell := range []string{`"'=HYPERLINK(""http://x"")"`, ",'@home,", ",'-1 floor,", ",'+44 20 7946 0123,",
		",''=already quoted,", ",O'Neil,", ",'\tTabbed,", ",03-1234-5678,", ",20,1,10,", ",true,", ",false,"} {
		if !strings.Contains(out, cell) {
			t.Errorf("CSV lacks %q:\n%s", cell, out)
		}
	}
	cs, lines, err := readFile(t, "c.csv", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cs, sample()) {
		t.Errorf("round trip:\n got %+v\nwant %+v", cs, sample())
	}
	if !reflect.DeepEqual(lines, []int{2, 4}) { // the first record's notes span two lines
		t.Errorf("lines = %v", lines)
	}
}

// An apostrophe is removed only where the writer would have put one.
func TestRestore(t *testing.T) {
	for in, want := range map[string]string{
		"'=1+2": "=1+2", "''=x": "'=x", "'+81": "+81", "'abc": "'abc", "O'Neil": "O'Neil",
		"'s-Hertogenbosch": "'s-Hertogenbosch", "'": "'", "": "",
	} {
		if got := restore(in); got != want {
			t.Errorf("restore(%q) = %q, want %q", in, got, want)
		}
		if got := restore(Defuse(want)); got != want {
			t.Errorf("restore(Defuse(%q)) = %q", want, got)
		}
	}
}

func FuzzReadCustomers(f *testing.F) {
	var csvBuf, jsonBuf bytes.Buffer
	WriteCustomersCSV(&csvBuf, sample())
	WriteCustomersJSON(&jsonBuf, sample())
	for _, seed := range []string{
		japaneseCSV, csvBuf.String(), jsonBuf.String(), "", "[", "{", "[1]", "[null]", "code\n\"",
		"code,name\nC1,\"a\"\"b\"\n", "\xEF\xBB\xBFcode,name\n", "code,name,closing_day\nC1,A,99999999999999999999\n",
		`[{"code":"C1","name":"A","closing_day":{"x":[1]}}]`, "\x82\xa0,\x82\xa2\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, lines, err := ReadCustomers(bytes.NewReader(data), "fuzz")
		var batch store.BatchError
		switch {
		case errors.As(err, &batch):
			for _, re := range batch {
				if re.Err == nil || re.Line < 1 {
					t.Fatalf("bad problem %+v", re)
				}
			}
			return
		case err != nil:
			return
		}
		if len(cs) == 0 || len(cs) != len(lines) {
			t.Fatalf("%d customers, %d lines", len(cs), len(lines))
		}
		for i := 1; i < len(lines); i++ {
			if lines[i] <= lines[i-1] {
				t.Fatalf("lines not increasing: %v", lines)
			}
		}
		// What was read writes out and reads back the same, except text with
		// a CR, which CSV cannot keep apart from a line end (and which
		// Validate refuses anyway).
		if hasCR(cs) {
			return
		}
		var buf bytes.Buffer
		if err := WriteCustomersCSV(&buf, cs); err != nil {
			t.Fatal(err)
		}
		again, _, err := ReadCustomers(&buf, "again")
		if err != nil {
			t.Fatalf("re-reading our own CSV: %v\n%s", err, buf.String())
		}
		if !reflect.DeepEqual(again, cs) {
			t.Fatalf("round trip:\n got %+v\nwant %+v", again, cs)
		}
	})
}

func hasCR(cs []store.Customer) bool {
	for i := range cs {
		for _, col := range columns {
			if col.text != nil && strings.Contains(*col.text(&cs[i]), "\r") {
				return true
			}
		}
	}
	return false
}
