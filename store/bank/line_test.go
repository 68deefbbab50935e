package bank

import (
	"strings"
	"testing"
)

// Every problem the ledger would find with a deposit is found by the parser
// on the deposit's own file line (issue 15): past a preamble and a
// withdrawal the deposit's place among the deposits is another number.
func TestProblemsNameTheFileLine(t *testing.T) {
	long := strings.Repeat("ア", 210)
	data := "口座番号,1234567\r\n期間,2026/11/01-2026/11/30\r\n" + genericHeader +
		"2026/11/02,,5000,電気代\r\n2026/11/03,1000,," + long + "\r\n2026/11/04,2000,,カ)テスト\r\n"
	_, err := ParseCSV([]byte(data), profile(t, "generic"))
	checkProblems(t, err, []problem{{5, "payer", "too_long", nil}})
}
