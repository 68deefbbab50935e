package cli

import (
	"strings"
	"testing"
)

// Bank file errors (issue 15) name the file and the file's line, framed as
// "N problems; nothing was imported" like every other import, and a file
// that is not Zengin is told so rather than read as a CSV without a 日付
// column.
func TestBankFileErrorsNameFileAndLine(t *testing.T) {
	db, _, _ := demoBank(t)
	long := strings.Repeat("ア", 210)
	preamble := writeFile(t, "pre.csv", []byte("口座番号,1234567\n期間,2026/11/01-2026/11/30\n"+
		"日付,摘要,入金金額,出金金額\n2026/11/02,電気代,,5000\n2026/11/03,"+long+",1000,\n2026/11/04,カ)テスト,2000,\n"))
	notes := writeFile(t, "notes.txt", []byte("Hello\nthis is a memo\n"))
	fixed := writeFile(t, "kind02.txt", []byte("102"+strings.Repeat("0", 197)+"\r\n"))
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{preamble}, []string{preamble + ": 1 problem; nothing was imported:", "  line 5: payer: at most 200 characters"}},
		{[]string{notes}, []string{notes + ": 1 problem; nothing was imported:", "not a Zengin file", "nor a bank's CSV export"}},
		{[]string{preamble, "--format", "zengin"}, []string{preamble + ": 1 problem; nothing was imported:", "  not a Zengin file: "}},
		{[]string{fixed}, []string{fixed + ": ", "line 1: kind: 種別コード \"02\" is not supported"}},
	}
	for _, tc := range tests {
		r := runWith("", append([]string{"--db", db, "import", "bank", "--dry-run"}, tc.args...)...)
		for _, w := range tc.want {
			if r.code != exitFail || !strings.Contains(r.stderr, w) {
				t.Errorf("import bank %v: exit %d, stderr %q, want %q", tc.args, r.code, r.stderr, w)
			}
		}
		if strings.Contains(r.stderr, "日付") {
			t.Errorf("import bank %v: %q asks for a 日付 column", tc.args, r.stderr)
		}
	}
}
