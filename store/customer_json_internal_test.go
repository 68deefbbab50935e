package store

import (
	"encoding/json"
	"reflect"
	"testing"
)

// appendCustomerJSON writes what json.Marshal writes for every field of a
// customer, whatever its text: a field set by reflection, so one added to
// Customer without being added to appendCustomerJSON fails here.
func TestCustomerJSONIsMarshals(t *testing.T) {
	texts := []string{"", "C0001", "株式会社だいちょう", `"引用" \ /`, "<a href='x'>&amp;</a>", "改行\n\tタブ\r\x00\x1f\x7f",
		"\u2028\u2029…—", "\xff\xfe invalid", "ｶ)ﾀﾞｲﾁｮｳ", "😀 \U0001F600", "é\u00a0"}
	for i, text := range texts {
		var c Customer
		v := reflect.ValueOf(&c).Elem()
		for f := range v.NumField() {
			switch field := v.Field(f); field.Kind() {
			case reflect.String:
				field.SetString(texts[(i+f)%len(texts)] + v.Type().Field(f).Name)
			case reflect.Int, reflect.Int64:
				field.SetInt(int64(f*(i-5)) << (i % 40))
			case reflect.Bool:
				field.SetBool((i+f)%2 == 0)
			default:
				t.Fatalf("field %s of kind %s: teach appendCustomerJSON and this test", v.Type().Field(f).Name, field.Kind())
			}
		}
		want, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendCustomerJSON(nil, &c); string(got) != string(want) {
			t.Errorf("text %q:\n got %s\nwant %s", text, got, want)
		}
	}
}

func FuzzCustomerJSONString(f *testing.F) {
	f.Add("株式会社", "<&>\u2028")
	f.Fuzz(func(t *testing.T, a, b string) {
		c := NewCustomer()
		c.Name, c.Notes = a, b
		want, _ := json.Marshal(&c)
		if got := appendCustomerJSON(nil, &c); string(got) != string(want) {
			t.Errorf("%q %q:\n got %s\nwant %s", a, b, got, want)
		}
	})
}
