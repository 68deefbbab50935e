package exchange

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"daicho/store"
)

// jsonFastCases are customer files of every shape readJSONFast meets: the
// usual records, records it hands to customerRecord, and broken files it
// must leave to readJSONRecords.
var jsonFastCases = []string{
	`[]`, ` [ ] `, `[]x`, `[`, `]`, `{}`, `[{}]`, `[{},]`, `[,{}]`, `[{}{}]`, `[{}] ,`,
	`[{"code":"C1","name":"A"}]`,
	"[\n {\"code\" : \"C1\" , \"name\":\"A\"} ,\r\n\t{\"code\":\"C2\",\"name\":\"B\"}\n]\n",
	`[{"code":"C1","name":"A\u0026\"B\\\/\n","kana":"\ud83d\ude00","notes":"\ud800"}]`,
	`[{"code":"C1","name":"A","closing_day":20,"months_deferred":"2","payment_day":"１０"}]`,
	`[{"code":"C1","closing_day":20.5,"months_deferred":1e2,"payment_day":-0,"archived":1}]`,
	`[{"code":"C1","archived":"yes","pre_due_notice":true,"name":null,"email":null}]`,
	`[{"code":1,"name":true,"kana":false,"archived":"maybe","closing_day":"x"}]`,
	`[{"code":"C1","name":"A","fax":"x","Code":"y"}]`,
	`[{"code":"C1","name":"A","name":"B"}]`,
	`[{"code":"C1","na\u006de":"A"}]`,
	`[{"code":"C1","name":{"a":[1,{"b":null}]}}]`,
	`[{"code":"C1","name":["x"]}]`,
	`[null,1,"x",true,[],[{"a":1,"a":2}],{"code":"C1","name":"A"}]`,
	`[{"code":"C1","name":"A"},{"code":"C2","name":"B",}]`,
	`[{"code":"C1","name":"A"},{"code":"C2" "name":"B"}]`,
	`[{"code":"C1","name":"A"},{"code":"C2","name":"B}]`,
	"[{\"code\":\"C1\",\"name\":\"A\tB\"}]",
	`[{"code":"C1","name":"\x"}]`, `[{"code":"C1","name":"\u12"}]`,
	`[{"code":"C1","closing_day":01}]`, `[{"code":"C1","closing_day":1.}]`, `[{"code":"C1","closing_day":-}]`,
	`[{"code":"C1","closing_day":1e}]`, `[{"code":"C1","closing_day":+1}]`, `[{"code":"C1","archived":tru}]`,
	`[{"code":"C1","archived":nulls}]`, `[{"code":"C1","name":"A"}]]`, `[{"code":"C1","name":"A"}`,
	`[{"code":"C1","x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}]`,
	// Where readJSONHalves may guess wrong: a '{' after a ',' in a text or
	// a nested value, past the middle.
	`[{"code":"C1","name":"A"},{"code":"C2","name":"B, {x","notes":"y,\n{z"},{"code":"C3","name":"C"}]`,
	`[{"code":"C1","name":"A"},{"code":"C2","name":"B","x":[1, {"a":2}, {"b":3}]},{"code":"C3","name":"C"}]`,
	`[{"code":"C1","name":"A"},null,7,{"code":"C2","name":"B","email":"x"},{"code":"C3","name":"C","fax":1}]`,
	`[{"code":"C1","name":"A"},{"code":"C2","name":"B"},{"code":"C3","name":"C"},{"code":"C4",,}]`,
}

// readJSONFast reads what readJSONRecords reads, with the same problems, or
// leaves the file to it.
func TestReadJSONFastAsReadJSON(t *testing.T) {
	var sampleJSON bytes.Buffer
	if err := WriteCustomersJSON(&sampleJSON, sample()); err != nil {
		t.Fatal(err)
	}
	files := append(jsonFastCases, sampleJSON.String())
	fast := 0
	for _, text := range files {
		if checkJSONFast(t, []byte(text)) {
			fast++
		}
	}
	if fast < 15 {
		t.Errorf("readJSONFast read only %d of the files", fast)
	}
	t.Run("in two halves", func(t *testing.T) {
		splitAll(t)
		for _, text := range files {
			checkJSONFast(t, []byte(text))
		}
	})
}

func FuzzReadJSONFast(f *testing.F) {
	for _, text := range jsonFastCases {
		f.Add([]byte(text))
	}
	splitAll(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if utf8.Valid(data) { // what decodeText hands on
			checkJSONFast(t, data)
		}
	})
}

// splitAll makes readJSONFast read every file in two halves until the test
// ends.
func splitAll(t testing.TB) {
	was := splitJSONAt
	splitJSONAt = 1
	t.Cleanup(func() { splitJSONAt = was })
}

// checkJSONFast compares the two readers on text; it tells whether
// readJSONFast read it.
func checkJSONFast(t *testing.T, text []byte) bool {
	t.Helper()
	cs, lines, problems, ok := readJSONFast(text)
	if !ok {
		return false
	}
	wantCS, wantLines, wantProblems := readJSONRecords(text)
	if len(cs) == 0 && len(wantCS) == 0 {
		cs, wantCS = nil, nil
	}
	if !reflect.DeepEqual(cs, wantCS) || !reflect.DeepEqual(lines, wantLines) && len(lines)+len(wantLines) > 0 {
		t.Errorf("%s:\n got %+v %v\nwant %+v %v", text, cs, lines, wantCS, wantLines)
	}
	if !reflect.DeepEqual(problems, wantProblems) {
		t.Errorf("%s: problems\n got %v\nwant %v", text, describe(problems), describe(wantProblems))
	}
	return true
}

func describe(problems store.BatchError) []string {
	var out []string
	for _, re := range problems {
		out = append(out, fmt.Sprintf("%d %s %s %v", re.Line, re.Err.Field, re.Err.Reason, re.Err.Args))
	}
	return out
}
