package store_test

import (
	"fmt"
	"testing"

	"daicho/store"
)

// autoFix is a ledger with two deposits sure to match (an invoice number in
// the memo), one to review and one unknown.
func autoFix(t *testing.T) (*recFix, []store.BankLine, []store.Document) {
	f := newRecFix(t, "サクラコウギョウ", "ミドリデンキ")
	s1 := f.invoice("サクラコウギョウ", "2026-10-31", 33000)
	m1 := f.invoice("ミドリデンキ", "2026-10-31", 77000)
	lines := []store.BankLine{
		deposit("a", "2026-11-16", 33000, "ﾀﾅｶ", s1.Number),
		deposit("b", "2026-11-17", 77000, "ﾀﾅｶ", m1.Number),
		deposit("c", "2026-11-18", 76340, "ﾐﾄﾞﾘﾃﾞﾝｷ", ""),
		deposit("d", "2026-11-18", 5500, "ﾔﾏﾓﾄｹｲｺ", ""),
	}
	return f, lines, []store.Document{s1, m1}
}

// The deposits and their sure matches commit together: a failure after the
// first match (here a trigger standing in for a full disk or a kill) leaves
// nothing, and the re-run adds and matches everything.
func TestImportBankFileIsOneTransaction(t *testing.T) {
	f, lines, invs := autoFix(t)
	if _, err := f.st.DB().Exec(`CREATE TRIGGER fail_second BEFORE INSERT ON payments WHEN NEW.amount = 77000
		BEGIN SELECT RAISE(ABORT, 'disk full'); END`); err != nil {
		t.Fatal(err)
	}
	if _, err := f.st.ImportBankFile(t.Context(), "bank.txt", lines); err == nil {
		t.Fatal("the import went through")
	}
	if ls, _ := f.st.BankLines(t.Context(), ""); len(ls) != 0 {
		t.Fatalf("a failed import left %d lines", len(ls))
	}
	if _, err := f.st.DB().Exec(`DROP TRIGGER fail_second`); err != nil {
		t.Fatal(err)
	}
	res, err := f.st.ImportBankFile(t.Context(), "bank.txt", lines)
	if err != nil {
		t.Fatal(err)
	}
	f.check()
	if len(res.Added) != 4 || len(res.Matched) != 2 || len(res.Failed) != 0 {
		t.Fatalf("added %d, matched %d, failed %d", len(res.Added), len(res.Matched), len(res.Failed))
	}
	for i, m := range res.Matched {
		if m.Payment.Allocated != m.Line.Amount || m.Match.InvoiceIDs[0] != invs[i].ID {
			t.Errorf("match %d: %+v", i, m)
		}
	}
	again, err := f.st.ImportBankFile(t.Context(), "bank.txt", lines)
	if err != nil || len(again.Added) != 0 || again.AlreadyImported != 4 || len(again.Matched) != 0 {
		t.Fatalf("re-run: %+v, %v", again, err)
	}
}

// A sure match the ledger refuses in the transaction (its invoice was paid
// after the matches were chosen) rolls back alone: the deposit stays open
// and is reported; the other matches stand.
func TestImportBankFileReportsARefusedMatch(t *testing.T) {
	f, lines, invs := autoFix(t)
	// Paid by hand between the choice and the write: a trigger pays the
	// invoice as the first deposit is inserted.
	if _, err := f.st.DB().Exec(`CREATE TRIGGER pay_meanwhile AFTER INSERT ON bank_lines WHEN NEW.amount = 33000
		BEGIN INSERT INTO adjustments (invoice_id, kind, amount, date, actor, created_at)
		VALUES (` + fmt.Sprint(invs[0].ID) + `, 'discount', 33000, '2026-11-16', 'x', 'x'); END`); err != nil {
		t.Fatal(err)
	}
	res, err := f.st.ImportBankFile(t.Context(), "bank.txt", lines)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Added) != 4 || len(res.Matched) != 1 || len(res.Failed) != 1 || res.Failed[0].Line.Amount != 33000 {
		t.Fatalf("added %d, matched %d, failed %+v", len(res.Added), len(res.Matched), res.Failed)
	}
	if l, _ := f.st.BankLine(t.Context(), res.Failed[0].Line.ID); l.State != store.LineOpen {
		t.Errorf("the refused deposit is %s", l.State)
	}
}
