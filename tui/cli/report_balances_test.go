package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestReportBalances: report balances on the demo ledger gives each
// customer's previous, invoiced, received, adjusted and closing balances;
// its closing total is what report aging says is open on its last day, its
// previous total what was open the day before its first; CSV has a row per
// customer and the table a total.
func TestReportBalances(t *testing.T) {
	db := demoDB(t)
	type row struct {
		Code                                            string
		Previous, Invoiced, Received, Adjusted, Closing int64
	}
	var rep struct {
		From, To string
		Rows     []row
		Total    row
	}
	r := mustRun(t, "--db", db, "report", "balances", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	openOn := func(day string) int64 {
		var a struct{ Total struct{ Open int64 } }
		r := mustRun(t, "--db", db, "report", "aging", "--to", day, "--format", "json")
		if err := json.Unmarshal([]byte(r.stdout), &a); err != nil {
			t.Fatal(err)
		}
		return a.Total.Open
	}
	if rep.From != "2026-10-01" || rep.To != "2026-11-30" || len(rep.Rows) < 3 || rep.Total.Invoiced == 0 || rep.Total.Received == 0 {
		t.Fatalf("report %+v", rep)
	}
	if want := openOn("2026-11-30"); rep.Total.Closing != want {
		t.Errorf("closing total %d, open on 2026-11-30 %d", rep.Total.Closing, want)
	}
	if want := openOn("2026-09-30"); rep.Total.Previous != want {
		t.Errorf("previous total %d, open on 2026-09-30 %d", rep.Total.Previous, want)
	}
	for _, x := range rep.Rows {
		if x.Closing != x.Previous+x.Invoiced-x.Received-x.Adjusted {
			t.Errorf("%s does not add up: %+v", x.Code, x)
		}
	}

	r = mustRun(t, "--db", db, "report", "balances", "--from", "2026-10-01", "--to", "2026-11-30", "--format", "csv")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\r\n")
	if lines[0] != "code,name,previous,invoiced,received,adjusted,closing" || len(lines) != len(rep.Rows)+1 {
		t.Errorf("csv:\n%s", r.stdout)
	}
	r = mustRun(t, "--db", db, "--lang", "ja", "report", "balances", "--from", "2026-10-01", "--to", "2026-11-30")
	for _, want := range []string{"売掛金残高一覧表 2026-10-01〜2026-11-30", "前期繰越", "期末残高", "合計"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := runWith("", "--db", db, "report", "balances", "--by", "customer"); r.code != exitUsage {
		t.Errorf("--by: exit %d", r.code)
	}
}
