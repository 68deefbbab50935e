package bank

import (
	"bytes"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"daicho/store"
)

// checkResult is what every parse must satisfy, whatever the input: an error
// is a *store.Error or a non-empty store.BatchError of *store.Error by line
// and no deposits; a success gives deposits in line order with positive
// amounts, dates, printable text and an account.
func checkResult(t *testing.T, ds []Deposit, err error) {
	t.Helper()
	if err != nil {
		if ds != nil {
			t.Fatalf("deposits with an error")
		}
		var batch store.BatchError
		var single *store.Error
		switch {
		case errors.As(err, &batch):
			if len(batch) == 0 || len(batch) > maxProblems {
				t.Fatalf("batch of %d problems", len(batch))
			}
			for _, re := range batch {
				if re.Err == nil || re.Line < 1 || re.Err.Reason == "" {
					t.Fatalf("bad row error %+v", re)
				}
			}
		case errors.As(err, &single):
			if single.Reason == "" {
				t.Fatalf("error without a reason: %v", err)
			}
		default:
			t.Fatalf("error of type %T: %v", err, err)
		}
		return
	}
	last := 0
	for _, d := range ds {
		if d.Line <= last {
			t.Fatalf("line %d after %d", d.Line, last)
		}
		last = d.Line
		if d.Amount <= 0 {
			t.Fatalf("line %d: amount %d", d.Line, d.Amount)
		}
		if d.Date.IsZero() || d.Date.Year() < 1000 {
			t.Fatalf("line %d: date %v", d.Line, d.Date)
		}
		for _, s := range []string{d.PayerName, d.Memo, d.Reference} {
			if !utf8.ValidString(s) {
				t.Fatalf("line %d: invalid UTF-8 %q", d.Line, s)
			}
			for _, r := range s {
				if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
					t.Fatalf("line %d: control character in %q", d.Line, s)
				}
			}
		}
		if d.Account != "csv" && !strings.HasPrefix(d.Account, "zengin:") {
			t.Fatalf("line %d: account %q", d.Line, d.Account)
		}
	}
}

func FuzzParseZengin(f *testing.F) {
	f.Add(file03("\r\n", lines03...))
	f.Add(file03("", lines03...))
	f.Add(file01("\n", line01{ref: "1", date: "081120", amount: 1000, payer: "ｱ"},
		line01{ref: "2", date: "081120", amount: 1000, payer: "ｲ", cancel: "1"}))
	f.Add(file("\r\n", header03(testAccount, "081130", "081101", "081130"),
		append([]byte("2"), jis7("ｶ)ﾃｽﾄ", false)...), end()))
	f.Add([]byte("1030"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ParseZengin(data)
		checkResult(t, ds, err)
		again, err2 := ParseZengin(data)
		if (err == nil) != (err2 == nil) || len(again) != len(ds) {
			t.Fatal("a second parse differs")
		}
		for i := range ds {
			if ds[i] != again[i] {
				t.Fatalf("deposit %d differs on a second parse", i)
			}
		}
	})
}

func FuzzParseCSV(f *testing.F) {
	for i, pf := range profileFiles {
		for _, data := range encodings(f, pf.text) {
			f.Add(data, uint8(i))
		}
	}
	f.Add([]byte(genericHeader+"2026/11/01,\"1,000\",,\"a\r\nb\"\r\n"), uint8(len(Profiles)-1))
	f.Add([]byte("\xef\xbb\xbf日付\t入金金額\r\nR8.11.1\t1\r\n"), uint8(len(Profiles)-1))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		p := Profiles[int(which)%len(Profiles)]
		ds, err := ParseCSV(data, p)
		checkResult(t, ds, err)
	})
}

// NormalizePayer is stable (a key normalised again stays the same key) and
// keeps valid UTF-8 valid.
func FuzzNormalizePayer(f *testing.F) {
	for _, s := range []string{"ｶ)ﾃｽﾄ", "ﾃｽﾄ(ｶ ｵｵｻｶ", "(カ)(カ))", "カ )テスト", "ー カ)", "カブシキ ガイシャ",
		"ｶﾞ", "カ\u3099", "㈱㈲", "（ カ ）"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizePayer(s)
		if again := NormalizePayer(n); again != n {
			t.Fatalf("NormalizePayer(%q) = %q, but NormalizePayer(%q) = %q", s, n, n, again)
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("invalid UTF-8 from %q", s)
		}
	})
}

// Random damage to good files, with a fixed seed: the fuzz targets' checks
// on every run of go test, not only when fuzzing.
func TestParsersSurviveDamage(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	zengin := [][]byte{file03("\r\n", lines03...), file03("", lines03...),
		file01("\n", line01{ref: "1", date: "081120", amount: 1000, payer: "ｱ"})}
	var csvs [][]byte
	for _, pf := range profileFiles {
		for _, data := range encodings(t, pf.text) {
			csvs = append(csvs, data)
		}
	}
	damage := func(b []byte) []byte {
		b = bytes.Clone(b)
		for range 1 + rng.IntN(4) {
			switch i := rng.IntN(len(b)); rng.IntN(3) {
			case 0:
				b[i] = byte(rng.IntN(256))
			case 1:
				b = append(b[:i], b[i+1:]...)
			default:
				b = append(b[:i], append([]byte{byte(rng.IntN(256))}, b[i:]...)...)
			}
		}
		return b
	}
	accepted := 0
	for range 5000 {
		ds, err := ParseZengin(damage(zengin[rng.IntN(len(zengin))]))
		checkResult(t, ds, err)
		if err == nil {
			accepted++
		}
		ds, err = ParseCSV(damage(csvs[rng.IntN(len(csvs))]), Profiles[rng.IntN(len(Profiles))])
		checkResult(t, ds, err)
	}
	t.Logf("%d of 5000 damaged Zengin files accepted", accepted)
}
