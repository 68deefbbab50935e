package bank

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
)

// A deposit's identity, from the file to the ledger: real files of each
// format, imported into a real database. Banks number the records of each
// statement afresh (照会番号) and a CSV's balance column depends on where
// the export starts, so neither may tell deposits apart; two equal deposits
// on one day are two all the same.
func TestImportIdentityAcrossFiles(t *testing.T) {
	type money struct {
		day    int // of November 2026
		amount int64
		payer  string
		edi    string
	}
	a := money{16, 11_000, "ｱｻﾋ ﾀﾛｳ", ""}
	b := money{17, 22_000, "ｶ)ｲﾄｳｼﾖｳｼﾞ", "I-2026-0007"}
	c := money{18, 33_000, "ｳｴﾀﾞ ｼﾞﾛｳ", ""}
	e := money{19, 5_500, "ｴﾉﾓﾄ ｹﾝ", "0042"}
	generic := profile(t, "generic")
	// Each builder writes statement n: its records numbered from n*100, its
	// balance starting at n million.
	formats := []struct {
		name  string
		build func(t *testing.T, n int, ms []money) []byte
		parse func([]byte) ([]Deposit, error)
	}{
		{"zengin 03", func(_ *testing.T, n int, ms []money) []byte {
			var ls []line03
			for i, m := range ms {
				ls = append(ls, line03{ref: fmt.Sprint(n*100 + i), date: fmt.Sprintf("0811%02d", m.day), dir: "1",
					kind: "11", amount: m.amount, payer: m.payer, desc: "ﾌﾘｺﾐ", edi: m.edi})
			}
			return file03("\r\n", ls...)
		}, ParseZengin},
		{"zengin 01", func(_ *testing.T, n int, ms []money) []byte {
			var ls []line01
			for i, m := range ms {
				ls = append(ls, line01{ref: fmt.Sprint(n*100 + i), date: fmt.Sprintf("0811%02d", m.day), amount: m.amount,
					payer: m.payer, fromBank: "ﾐﾄﾞﾘ", edi: m.edi})
			}
			return file01("", ls...)
		}, ParseZengin},
		{"csv", func(t *testing.T, n int, ms []money) []byte {
			var text strings.Builder
			text.WriteString("日付,入金金額,出金金額,摘要,メモ,残高\r\n")
			balance := int64(n) * 1_000_000
			for _, m := range ms {
				balance += m.amount
				fmt.Fprintf(&text, "2026/11/%02d,\"%d\",,振込 %s,%s,%d\r\n", m.day, m.amount, m.payer, m.edi, balance)
			}
			return sjisBytes(t, text.String())
		}, func(data []byte) ([]Deposit, error) { return ParseCSV(data, generic) }},
	}
	steps := []struct {
		name           string
		deposits       []money
		added, already int
	}{
		{"yesterday's statement", []money{a, b, c}, 3, 0},
		{"today's, from yesterday", []money{c, e}, 1, 1},
		{"today's in another order", []money{e, c}, 0, 2},
		{"the week, newest first", []money{e, c, b, a}, 0, 4},
		{"a twin of e", []money{e, e}, 1, 1},
		{"the twins again", []money{e, e}, 0, 2},
		{"three of e", []money{e, a, e, e}, 1, 3},
	}
	for _, f := range formats {
		t.Run(f.name, func(t *testing.T) {
			st, err := store.Open(filepath.Join(t.TempDir(), "daicho.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			for n, s := range steps {
				ds, err := f.parse(f.build(t, n+1, s.deposits))
				if err != nil || len(ds) != len(s.deposits) {
					t.Fatalf("%s: %d deposits, %v", s.name, len(ds), err)
				}
				lines := make([]store.BankLine, len(ds))
				for i, d := range ds {
					lines[i] = store.BankLine{Account: d.Account, Date: d.Date, Amount: d.Amount, PayerName: d.PayerName,
						Reference: d.Reference, Memo: d.Memo}
				}
				res, err := st.ImportBankLines(t.Context(), s.name, lines)
				if err != nil || len(res.Added) != s.added || res.AlreadyImported != s.already {
					t.Fatalf("%s: %d new, %d imported before (%v); want %d, %d",
						s.name, len(res.Added), res.AlreadyImported, err, s.added, s.already)
				}
			}
			all, err := st.BankLines(t.Context(), "")
			if err != nil || len(all) != 6 {
				t.Errorf("%d lines stored (%v), want 6: a, b, c and e three times (the most one file brought)", len(all), err)
			}
		})
	}
}
