package tui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"daicho/store"
	"daicho/tui/i18n"
)

// TestReportsBalancesView: the Reports screen's balances view (売掛金残高一覧表)
// lists each customer's five figures, its closing total is what is open on
// the period's last day, and p writes it as a PDF.
func TestReportsBalancesView(t *testing.T) {
	st := reportsLedger(t)
	ctx := context.Background()
	co, err := st.Company(ctx)
	if err != nil {
		t.Fatal(err)
	}
	co.ExportsDir = t.TempDir()
	if err := st.SaveCompany(ctx, &co); err != nil {
		t.Fatal(err)
	}
	h := newHarness(t, st, i18n.JA, 120, 40)
	h.press("7", "left") // the last view
	h.mustSee("売掛金残高一覧表", "前期繰越", "期末残高")
	s := reportsOf(h)
	from, to := s.period()
	rep, err := st.ReceivableBalances(ctx, from, to)
	if err != nil {
		t.Fatal(err)
	}
	recv, err := st.Receivables(ctx, to)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Total.Closing != recv.Total() || len(rep.Rows) == 0 {
		t.Fatalf("closing total %d, open on %s %d", rep.Total.Closing, store.FormatDate(to), recv.Total())
	}
	total := screenLine(h, "合計")
	for _, m := range []store.Money{rep.Total.Previous, rep.Total.Invoiced, rep.Total.Received, rep.Total.Closing} {
		if !strings.Contains(total, m.Plain(store.JPY)) {
			t.Errorf("total line %q lacks %s", total, m.Plain(store.JPY))
		}
	}
	first := rep.Rows[0]
	if line := screenLine(h, first.Code); !strings.Contains(line, first.Closing.Plain(store.JPY)) {
		t.Errorf("%s: %q lacks its closing balance %s", first.Code, line, first.Closing.Plain(store.JPY))
	}

	h.press("p")
	path := filepath.Join(co.ExportsDir, "balances_"+store.FormatDate(from)+"_"+store.FormatDate(to)+".pdf")
	h.mustSee("保存しました")
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
		if err != nil || !strings.Contains(string(out), "売掛金残高一覧表") ||
			!strings.Contains(string(out), rep.Total.Closing.Plain(store.JPY)) {
			t.Errorf("the PDF: %v\n%s", err, out)
		}
	}
}
