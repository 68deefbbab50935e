package cli

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type noticeOut struct {
	Person, Email string
	Items         []struct {
		Kind         string `json:"kind"`
		Ref          string `json:"ref"`
		CustomerCode string `json:"customer_code"`
	}
}

// On the demo, notify --dry-run --format json gives one entry per person in
// charge, whose overdue items are exactly the overdue invoices of their own
// customers (as `overdue` lists them), each with their email.
func TestNotifyDryRunOnTheDemo(t *testing.T) {
	db := filepath.Join(cleanEnv(t), "demo.db")
	mustRun(t, "--db", db, "demo")
	var notices []noticeOut
	out := mustRun(t, "--db", db, "notify", "--dry-run", "--format", "json", "--as-of", "2026-12-04").stdout
	if err := json.Unmarshal([]byte(out), &notices); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var over []map[string]any
	if err := json.Unmarshal([]byte(mustRun(t, "--db", db, "overdue", "--format", "json", "--as-of", "2026-12-04").stdout), &over); err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{}
	for _, o := range over {
		p := o["person_in_charge"].(string)
		want[p] = append(want[p], o["number"].(string)+" "+o["customer_code"].(string))
	}
	if len(notices) < 3 || len(notices) != len(want) {
		t.Fatalf("%d notices for %d people with overdue invoices:\n%s", len(notices), len(want), out)
	}
	for _, n := range notices {
		var got []string
		for _, it := range n.Items {
			if it.Kind == "overdue" {
				got = append(got, it.Ref+" "+it.CustomerCode)
			}
		}
		slices.Sort(got)
		w := slices.Sorted(slices.Values(want[n.Person]))
		if !slices.Equal(got, w) {
			t.Errorf("%s: overdue %v, want %v", n.Person, got, w)
		}
		if !strings.HasSuffix(n.Email, "@sample-shoji.example.jp") {
			t.Errorf("%s: email %q", n.Person, n.Email)
		}
	}

	text := mustRun(t, "--lang", "en", "--db", db, "notify", "--dry-run", "--as-of", "2026-12-04").stdout
	if c := strings.Count(text, "To: "); c != len(notices) || !strings.Contains(text, "dry run: nothing sent") {
		t.Errorf("%d mails printed for %d people:\n%s", c, len(notices), text)
	}
	for _, bad := range [][]string{{"--format", "json"}, {"--dry-run", "--format", "xml"}, {"--as-of", "someday"}, {"extra"}} {
		if r := runWith("", append([]string{"--db", db, "notify"}, bad...)...); r.code != exitUsage {
			t.Errorf("notify %v: exit %d", bad, r.code)
		}
	}
}

// Without an SMTP server, notify writes one .eml per person into the
// exports folder and logs it; a second run the same day writes nothing.
func TestNotifyWritesOnceADay(t *testing.T) {
	dir := cleanEnv(t)
	db := filepath.Join(dir, "demo.db")
	mustRun(t, "--db", db, "demo")
	r := mustRun(t, "--lang", "en", "--db", db, "notify", "--as-of", "2026-12-04")
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) < 3 || strings.Count(r.stdout, "written to") != len(files) {
		t.Fatalf("files %v\n%s", files, r.stdout)
	}
	r = mustRun(t, "--lang", "en", "--db", db, "notify", "--as-of", "2026-12-04")
	if !strings.Contains(r.stdout, "nothing new to tell anyone as of 2026-12-04") {
		t.Errorf("second run: %s", r.stdout)
	}
	if again, _ := filepath.Glob(filepath.Join(dir, "*.eml")); len(again) != len(files) {
		t.Errorf("second run wrote %d files", len(again)-len(files))
	}
	dry := mustRun(t, "--db", db, "notify", "--dry-run", "--format", "json", "--as-of", "2026-12-04").stdout
	if strings.TrimSpace(dry) != "[]" {
		t.Errorf("still to tell: %s", dry)
	}
}
