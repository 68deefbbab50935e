package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// The monthly contract pack: after December's run, every contract active in
// December has its summary (契約内容確認書) in the folder and each invoice
// of the run is there once; the files are kept in the archive.
func TestExportContractsMonth(t *testing.T) {
	db := contractDemo(t)
	mustRun(t, "--db", db, "bill", "--month", "2026-12", "--issue")
	dir := filepath.Join(t.TempDir(), "pack")
	r := mustRun(t, "--db", db, "export", "pdf", "--contracts", "--month", "2026-12", "--dir", dir)
	paths := strings.Split(strings.TrimSpace(r.stdout), "\n")
	var summaries, invoices []string
	for _, p := range paths {
		readPDF(t, p)
		text, ok := pdfText(t, p)
		if !ok {
			return
		}
		switch {
		case strings.Contains(text, "契約内容確認書") || strings.Contains(text, "Contract Summary"):
			summaries = append(summaries, p)
		case strings.Contains(text, "請求書") || strings.Contains(text, "INVOICE") || strings.Contains(text, "Invoice"):
			invoices = append(invoices, p)
			if !strings.Contains(text, "契約番号: K-") && !strings.Contains(text, "Contract: K-") {
				t.Errorf("%s does not name its contract:\n%s", p, text)
			}
		default:
			t.Errorf("%s is neither a summary nor an invoice:\n%s", p, text)
		}
	}
	if len(invoices) != 7 || len(summaries) < 7 {
		t.Errorf("%d summaries, %d invoices, want ≥7 and 7:\n%s", len(summaries), len(invoices), r.stdout)
	}
	if !strings.Contains(r.stderr, "contract summaries and 7 invoices written to "+dir) {
		t.Errorf("summary: %s", r.stderr)
	}
	// The cancelled contract is not in the pack.
	for _, p := range summaries {
		if text, _ := pdfText(t, p); strings.Contains(text, "コーヒー豆") {
			t.Errorf("the cancelled contract's summary was written: %s", p)
		}
	}
	if r := runWith("", "--db", db, "export", "pdf", "--contracts"); r.code != exitUsage {
		t.Errorf("--contracts without --month: exit %d", r.code)
	}
}
