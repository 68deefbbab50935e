package pdf

import (
	"bytes"
	"strings"
	"testing"

	"daicho/store"
)

// TestBalancesPDF: the receivables report prints its period, every
// customer's five figures and the total, in Japanese and in English; many
// customers run onto a second page with the header again.
func TestBalancesPDF(t *testing.T) {
	needPoppler(t)
	rep := store.BalancesReport{From: store.DateOf(2026, 10, 1), To: store.DateOf(2026, 11, 30)}
	for i := range 60 {
		r := store.BalanceRow{Code: "C" + string(rune('A'+i/26)) + string(rune('A'+i%26)), Name: "株式会社テスト" + string(rune('A'+i%26)),
			Previous: 41_800, Invoiced: 46_200, Received: 41_800, Adjusted: 880, Closing: 45_320}
		rep.Rows = append(rep.Rows, r)
		rep.Total.Previous += r.Previous
		rep.Total.Invoiced += r.Invoiced
		rep.Total.Received += r.Received
		rep.Total.Adjusted += r.Adjusted
		rep.Total.Closing += r.Closing
	}
	for _, lang := range []string{"ja", "en"} {
		var buf bytes.Buffer
		err := RenderBalances(&buf, Balances{Company: testCompany(""), Report: rep, Lang: lang, Printed: store.DateOf(2026, 12, 1)})
		if err != nil {
			t.Fatal(err)
		}
		pages := pdfText(t, buf.Bytes(), "-layout")
		text := strings.Join(pages, "")
		want := []string{"売掛金残高一覧表", "前期繰越", "当期売上", "当期入金", "調整", "期末残高", "2026年10月1日", "2026年11月30日",
			"CAA", "株式会社テストA", "41,800", "46,200", "880", "45,320", "合計", "2,719,200"}
		if lang == "en" {
			want = []string{"Receivables by Customer", "Previous", "Invoiced", "Received", "Adjusted", "Closing", "Total",
				"CAA", "45,320", "2,719,200"}
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the PDF lacks %q:\n%s", lang, w, text)
			}
		}
		if len(pages) < 2 || !strings.Contains(pages[1], want[1]) {
			t.Errorf("%s: %d pages; the second repeats the header? %q", lang, len(pages), pages[len(pages)-1])
		}
	}
}
