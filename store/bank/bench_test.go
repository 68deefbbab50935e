package bank

import (
	"fmt"
	"strings"
	"testing"
)

// A month of a busy account: 10,000 lines, every fourth a withdrawal.
func benchLines(n int) []line03 {
	lines := make([]line03, n)
	for i := range lines {
		dir := "1"
		if i%4 == 3 {
			dir = "2"
		}
		lines[i] = line03{ref: fmt.Sprint(i + 1), date: fmt.Sprintf("0811%02d", i%30+1), dir: dir, kind: "11",
			amount: int64(1000 + i), payer: "ｶ)ﾃｽﾄｼﾖｳｼﾞ", fromBank: "ﾐﾄﾞﾘ", edi: fmt.Sprint("INV-", i)}
	}
	return lines
}

func BenchmarkParseZengin10000(b *testing.B) {
	data := file03("\r\n", benchLines(10_000)...)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseZengin(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseCSV10000(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(genericHeader)
	for i := range 10_000 {
		fmt.Fprintf(&sb, "2026/11/%02d,\"%d\",,ｶ)ﾃｽﾄｼﾖｳｼﾞ\r\n", i%30+1, 1000+i)
	}
	data := sjisBytes(b, sb.String())
	p := profile(b, "generic")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseCSV(data, p); err != nil {
			b.Fatal(err)
		}
	}
}
