package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"

	"daicho/store"
	"daicho/store/storetest"
)

// fakePDF is bytes standing for a rendered PDF.
func fakePDF(s string) []byte { return []byte("%PDF-1.4\n" + s + "\n%%EOF\n") }

func TestArchiveSentRefuses(t *testing.T) {
	f := newPayFix(t)
	inv := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	draft := f.draft(store.KindInvoice, "2026-11-20", storetest.Line("保守作業", "1", 5000, store.TaxExempt))
	doc := func(id int64) store.SentFile {
		return store.SentFile{DocumentID: id, Channel: store.SentExport, FileName: "x.pdf", PDF: fakePDF("x")}
	}
	cases := []struct {
		name          string
		f             store.SentFile
		code          store.Code
		field, reason string
	}{
		{"no bytes", func() store.SentFile { s := doc(inv.ID); s.PDF = nil; return s }(), store.CodeInvalid, "pdf", "required"},
		{"unknown channel", func() store.SentFile { s := doc(inv.ID); s.Channel = "fax"; return s }(), store.CodeInvalid, "channel", "choice"},
		{"no file name", func() store.SentFile { s := doc(inv.ID); s.FileName = " "; return s }(), store.CodeInvalid, "file_name", "required"},
		{"a draft", doc(draft.ID), store.CodeInvalid, "document", "archive.draft"},
		{"unknown document", doc(9999), store.CodeNotFound, "document", "document.not_found"},
		{"unknown customer", store.SentFile{CustomerID: 9999, Kind: store.SentStatement, Date: storetest.Date("2026-10-31"),
			Channel: store.SentExport, FileName: "s.pdf", PDF: fakePDF("s")}, store.CodeInvalid, "customer", "customer.not_found"},
		{"no kind", store.SentFile{CustomerID: f.cust.ID, Date: storetest.Date("2026-10-31"),
			Channel: store.SentExport, FileName: "s.pdf", PDF: fakePDF("s")}, store.CodeInvalid, "kind", "required"},
		{"no date", store.SentFile{CustomerID: f.cust.ID, Kind: store.SentStatement,
			Channel: store.SentExport, FileName: "s.pdf", PDF: fakePDF("s")}, store.CodeInvalid, "date", "required"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := tc.f
			e := storeError(t, f.st.ArchiveSent(f.ctx, &s), tc.code)
			if e.Field != tc.field || e.Reason != tc.reason {
				t.Errorf("%v, want %s: %s", e, tc.field, tc.reason)
			}
		})
	}
	if n := f.count(`SELECT count(*) FROM archive`); n != 0 {
		t.Fatalf("%d rows after refusals", n)
	}
}

func TestArchiveSentKeepsAndSearches(t *testing.T) {
	f := newPayFix(t)
	small := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
	big := f.invoice(f.cust, "2026-10-05", "2026-11-30", 80000)
	others := f.invoice(f.other, "2026-10-10", "2026-11-30", 50000)

	keep := func(id int64, channel, body string) store.SentFile {
		s := store.SentFile{DocumentID: id, Channel: channel, FileName: "f.pdf", PDF: fakePDF(body),
			Amount: 1, Kind: "ignored"} // a document's facts come from the document
		if err := f.st.ArchiveSent(f.ctx, &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	a := keep(small.ID, store.SentExport, "small")
	if a.ID == 0 || a.Number != small.Number || a.Amount != 10000 || a.Kind != store.KindInvoice ||
		a.CustomerID != f.cust.ID || store.FormatDate(a.Date) != "2026-09-20" || len(a.SHA256) != 64 ||
		a.Actor != "tester" || !a.SentAt.Equal(fixedNow) {
		t.Errorf("kept %+v", a)
	}
	keep(small.ID, store.SentPrint, "small") // the same bytes again: one more row, no second copy
	keep(big.ID, store.SentMail, "big")
	keep(others.ID, store.SentExport, "others")
	if rows, files := f.count(`SELECT count(*) FROM archive`), f.count(`SELECT count(*) FROM archive_files`); rows != 4 || files != 3 {
		t.Errorf("%d rows, %d files; want 4, 3", rows, files)
	}
	if n := f.count(`SELECT count(*) FROM audit_log WHERE record = 'archive'`); n != 4 {
		t.Errorf("%d audit rows for the archive, want 4", n)
	}
	got, err := f.st.SentPDF(f.ctx, a.ID)
	if err != nil || string(got) != string(fakePDF("small")) {
		t.Errorf("SentPDF = %q, %v", got, err)
	}

	search := []struct {
		name string
		f    store.ArchiveFilter
		want []string
	}{
		{"everything", store.ArchiveFilter{}, []string{small.Number, small.Number, big.Number, others.Number}},
		{"a customer", store.ArchiveFilter{CustomerID: f.other.ID}, []string{others.Number}},
		{"amount range and customer", store.ArchiveFilter{CustomerID: f.cust.ID,
			Amount: store.MoneyRange{Min: 20000, HasMin: true, Max: 100000, HasMax: true}}, []string{big.Number}},
		{"date range", store.ArchiveFilter{From: storetest.Date("2026-10-01"), To: storetest.Date("2026-10-05")}, []string{big.Number}},
		{"channel", store.ArchiveFilter{Channel: store.SentPrint}, []string{small.Number}},
		{"nothing matches", store.ArchiveFilter{Amount: store.MoneyRange{Max: 9999, HasMax: true}}, nil},
	}
	for _, tc := range search {
		t.Run(tc.name, func(t *testing.T) {
			files, err := f.st.SentFiles(f.ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var numbers []string
			for _, s := range files {
				numbers = append(numbers, s.Number)
			}
			if strings.Join(numbers, ",") != strings.Join(tc.want, ",") {
				t.Errorf("got %v, want %v", numbers, tc.want)
			}
		})
	}

	// Nothing in daicho changes or deletes a kept file.
	for _, q := range []string{`UPDATE archive SET amount = 1`, `DELETE FROM archive`,
		`UPDATE archive_files SET content = x'00'`, `DELETE FROM archive_files`} {
		if _, err := f.st.DB().ExecContext(f.ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") {
			t.Errorf("%s: %v, want append-only", q, err)
		}
	}
}

// TestVerifyArchiveNamesTampering keeps files, verifies them, then changes
// the database as another program would and expects verify — and check, for
// the row — to name the file.
func TestVerifyArchiveNamesTampering(t *testing.T) {
	const firstFile = `sha256 = (SELECT sha256 FROM archive WHERE id = 1)`
	sum := sha256.Sum256([]byte("ABC"))
	abc := hex.EncodeToString(sum[:])
	cases := []struct {
		name   string
		sql    []string
		reason string
		check  string // the violation check reports too ("" none)
	}{
		{"the bytes changed", []string{`DROP TRIGGER archive_files_no_update`,
			`UPDATE archive_files SET content = CAST(replace(CAST(content AS TEXT), 'one', 'two') AS BLOB) WHERE ` + firstFile},
			store.ArchiveChanged, ""},
		{"the bytes deleted", []string{`DROP TRIGGER archive_files_no_delete`,
			`DELETE FROM archive_files WHERE ` + firstFile}, store.ArchiveMissing, ""},
		{"the amount changed", []string{`DROP TRIGGER archive_no_update`,
			`UPDATE archive SET amount = 1 WHERE id = 1`}, store.ArchiveRowChanged, "check.archive_changed"},
		{"bytes and hash replaced together", []string{`DROP TRIGGER archive_no_update`,
			`INSERT INTO archive_files (sha256, size, content) VALUES ('` + abc + `', 3, 'ABC')`,
			`UPDATE archive SET sha256 = '` + abc + `' WHERE id = 1`},
			store.ArchiveRowChanged, "check.archive_changed"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newPayFix(t)
			one := f.invoice(f.cust, "2026-09-20", "2026-10-31", 10000)
			two := f.invoice(f.other, "2026-10-10", "2026-11-30", 50000)
			for _, s := range []store.SentFile{{DocumentID: one.ID, PDF: fakePDF("one")},
				{DocumentID: two.ID, PDF: fakePDF("deux")}} {
				s.Channel, s.FileName = store.SentMail, "f.pdf"
				if err := f.st.ArchiveSent(f.ctx, &s); err != nil {
					t.Fatal(err)
				}
			}
			r, err := f.st.VerifyArchive(f.ctx)
			if err != nil || r.Checked != 2 || r.Files != 2 || len(r.Problems) != 0 {
				t.Fatalf("before: %+v, %v", r, err)
			}
			if v, err := f.st.Check(f.ctx); err != nil || len(v) != 0 {
				t.Fatalf("check before: %v, %v", v, err)
			}
			db := rawDB(t, f.st.Path(), "_pragma=foreign_keys(0)")
			for _, q := range tc.sql {
				res, err := db.ExecContext(f.ctx, q)
				if err != nil {
					t.Fatalf("%s: %v", q, err)
				}
				if n, _ := res.RowsAffected(); n == 0 && !strings.HasPrefix(q, "DROP") {
					t.Fatalf("%s: no row changed", q)
				}
			}
			r, err = f.st.VerifyArchive(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(r.Problems) != 1 || r.Problems[0].Reason != tc.reason || r.Problems[0].File.Number != one.Number {
				t.Fatalf("after: %+v, want %s of %s", r.Problems, tc.reason, one.Number)
			}
			v, err := f.st.Check(f.ctx)
			if err != nil {
				t.Fatal(err)
			}
			var reasons []string
			for _, x := range v {
				reasons = append(reasons, x.Reason)
			}
			if got := strings.Join(reasons, ","); got != tc.check {
				t.Errorf("check: %v, want %q", v, tc.check)
			}
		})
	}
}
