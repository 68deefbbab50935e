package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"daicho/store/storetest"
)

// TestArchiveKeepsVerifiesAndExports: what daicho mail and daicho export pdf
// send out is kept; archive verify passes, and after the bytes of one kept
// file are changed outside daicho it names that file and exits 1; archive
// export writes the kept files under YYYYMMDD_counterparty_amount_number.pdf
// with an index.
func TestArchiveKeepsVerifiesAndExports(t *testing.T) {
	f := newExportFixture(t)
	ctx := context.Background()
	st := storetest.OpenFile(t, f.db)
	cu, _ := st.CustomerByCode(ctx, "C0001")
	cu.Email = "tanaka@test.example.jp"
	if err := st.UpdateCustomer(ctx, &cu); err != nil {
		t.Fatal(err)
	}
	st.Close()

	mustRun(t, "--db", f.db, "mail", f.nov20)
	mustRun(t, "--db", f.db, "export", "pdf", f.october, "--dir", t.TempDir())
	mustRun(t, "--db", f.db, "export", "pdf", "--kind", "invoice", "--month", "2026-11", "--dir", t.TempDir())

	r := mustRun(t, "--db", f.db, "archive", "list", "--format", "json")
	var kept []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &kept); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	var got []string
	for _, k := range kept {
		got = append(got, k["number"].(string)+"/"+k["channel"].(string))
	}
	// By transaction date: the month's batch writes nov5, other and nov20
	// (no draft, no void one); nov20 was mailed first.
	want := []string{f.october + "/export", f.nov5 + "/export", f.other + "/export", f.nov20 + "/mail", f.nov20 + "/export"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kept %v, want %v", got, want)
	}

	r = mustRun(t, "--db", f.db, "archive", "verify")
	if !strings.Contains(r.stdout, "5 kept files checked (4 distinct PDFs)") {
		t.Errorf("verify: %q", r.stdout)
	}

	// The law's search over the archive: amount range and counterparty.
	r = mustRun(t, "--db", f.db, "archive", "list", "--customer", "C0001", "--min", "30000", "--max", "¥60,000")
	if !strings.Contains(r.stdout, f.october) || !strings.Contains(r.stdout, f.nov20) ||
		strings.Contains(r.stdout, f.nov5) || strings.Contains(r.stdout, f.other) {
		t.Errorf("search:\n%s", r.stdout)
	}

	out := filepath.Join(t.TempDir(), "archive")
	r = mustRun(t, "--db", f.db, "archive", "export", "--from", "2026-11-01", "--to", "2026-11-30", "--dir", out)
	names, _ := filepath.Glob(filepath.Join(out, "*"))
	for i := range names {
		names[i] = filepath.Base(names[i])
	}
	// nov20 mailed and exported: the same bytes, one file.
	wantFiles := []string{"20261105_株式会社テスト_22000_" + f.nov5 + ".pdf", "20261110_有限会社ほか_44000_" + f.other + ".pdf",
		"20261120_株式会社テスト_33000_" + f.nov20 + ".pdf", "index.csv"}
	slices.Sort(wantFiles)
	if strings.Join(names, "\n") != strings.Join(wantFiles, "\n") {
		t.Errorf("exported:\n%s\nwant:\n%s", strings.Join(names, "\n"), strings.Join(wantFiles, "\n"))
	}
	index, err := os.ReadFile(filepath.Join(out, "index.csv"))
	if err != nil {
		t.Fatal(err)
	}
	rows := csvRows(t, string(index))
	if len(rows) != 5 || cellOf(t, rows, 4, "number") != f.nov20 || cellOf(t, rows, 4, "amount") != "33000" ||
		cellOf(t, rows, 4, "file") != wantFiles[2] || cellOf(t, rows, 4, "counterparty") != "株式会社テスト" ||
		cellOf(t, rows, 4, "date") != "2026-11-20" {
		t.Errorf("index:\n%s", index)
	}
	if text, ok := pdfText(t, filepath.Join(out, wantFiles[2])); ok && !strings.Contains(text, f.nov20) {
		t.Errorf("the exported PDF lacks its number:\n%s", text)
	}

	// Another program changes the bytes of the October invoice's PDF.
	rawExec(t, f.db, `DROP TRIGGER archive_files_no_update`,
		`UPDATE archive_files SET content = CAST(replace(CAST(content AS TEXT), 'PDF', 'PDX') AS BLOB)
			WHERE sha256 = (SELECT sha256 FROM archive WHERE number = '`+f.october+`')`)
	r = runWith("", "--db", f.db, "archive", "verify")
	if r.code != exitFail || !strings.Contains(r.stderr, f.october) || !strings.Contains(r.stderr, "its bytes changed") ||
		strings.Contains(r.stderr, f.nov20) || !strings.Contains(r.stderr, "1 of 5 kept files") {
		t.Errorf("verify after the change: exit %d\n%s", r.code, r.stderr)
	}
}

// TestListDocumentsSearch: list documents by an amount range and a customer
// together finds exactly the documents that match, as a filter over the
// whole list computes them.
func TestListDocumentsSearch(t *testing.T) {
	f := newExportFixture(t)
	all := listDocuments(t, f.db)
	for _, tc := range []struct {
		args     []string
		customer string
		min, max float64 // max 0: open
	}{
		{[]string{"--customer", "C0001", "--min", "30000", "--max", "60000"}, "C0001", 30000, 60000},
		{[]string{"--min", "40000"}, "", 40000, 0},
		{[]string{"--max", "２２，０００"}, "", 0, 22000},
		{[]string{"--customer", "C0002", "--min", "1", "--max", "10"}, "C0002", 1, 10},
	} {
		var want []string
		for _, d := range all {
			total := d["total"].(float64)
			if (tc.customer == "" || d.str("customer_code") == tc.customer) && total >= tc.min && (tc.max == 0 || total <= tc.max) {
				want = append(want, d.str("number")+"#"+d.str("subject"))
			}
		}
		var got []string
		for _, d := range listDocuments(t, f.db, tc.args...) {
			got = append(got, d.str("number")+"#"+d.str("subject"))
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%v: got %v, want %v", tc.args, got, want)
		}
	}
	got := listDocuments(t, f.db, "--customer", "C0001", "--min", "30000", "--max", "60000")
	if len(got) != 2 || got[0].str("number") != f.nov20 || got[1].str("number") != f.october {
		t.Errorf("C0001 30,000–60,000: %v", got)
	}
	for _, bad := range [][]string{{"--min", "abc"}, {"--min", "5", "--max", "4"}} {
		r := runWith("", append([]string{"--db", f.db, "list", "documents"}, bad...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", bad, r.code, exitUsage, r.stderr)
		}
	}
}
