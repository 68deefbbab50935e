package exchange

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/japanese"

	"daicho/store"
)

// readCSVBack parses a written file (after decoding Shift_JIS) into rows.
func readCSVBack(t *testing.T, data []byte, enc Encoding) [][]string {
	t.Helper()
	if enc == ShiftJIS {
		var err error
		if data, err = japanese.ShiftJIS.NewDecoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1 // the callers compare the lengths
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return rows
}

// Formula injection: a text cell starting with = + - @ tab, CR or NUL gets
// one leading apostrophe; a "-" further in, and numbers, are left alone.
func TestExportFormulaInjection(t *testing.T) {
	tests := []struct {
		name string
		c    cell
		want string
	}{
		{"equals", text("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")"},
		{"plus", text("+81-3-1234-5678"), "'+81-3-1234-5678"},
		{"minus", text("-2+3"), "'-2+3"},
		{"at", text("@SUM(A1)"), "'@SUM(A1)"},
		{"tab", text("\t=1"), "'\t=1"},
		{"CR", text("\r=1"), "'\r=1"},
		{"NUL", text("\x00=1"), "'\x00=1"},
		{"apostrophe and formula", text("'=1"), "''=1"},
		{"dash inside", text("株式会社A-B"), "株式会社A-B"},
		{"number first", text("3-2"), "3-2"},
		{"plain text", text("保守作業"), "保守作業"},
		{"empty", text(""), ""},
		{"negative amount", amount(-500), "-500"},
		{"negative integer", integer(-7), "-7"},
		{"negative quantity", quantity(-1500), "-1.5"},
		{"word", plain("credit_note"), "credit_note"},
	}
	for _, tt := range tests {
		for _, enc := range []Encoding{UTF8, ShiftJIS} {
			t.Run(tt.name+"/"+string(enc), func(t *testing.T) {
				var buf bytes.Buffer
				cw, err := newCellWriter(&buf, enc, true, []string{"a", "b"})
				if err != nil {
					t.Fatal(err)
				}
				if err := cw.write(tt.c, amount(-1)); err != nil {
					t.Fatal(err)
				}
				if err := cw.flush(); err != nil {
					t.Fatal(err)
				}
				rows := readCSVBack(t, buf.Bytes(), enc)
				got := rows[1][0]
				// encoding/csv reads a CR inside quotes as written by
				// UseCRLF: a lone CR is dropped on the way out.
				want := strings.ReplaceAll(tt.want, "\r", "")
				if got != want || rows[1][1] != "-1" {
					t.Errorf("cell %q, %q; want %q, -1", got, rows[1][1], want)
				}
			})
		}
	}
}

// Shift_JIS: written, decoded with the Shift_JIS decoder and parsed back,
// every cell is what was written; the characters Mac input methods type
// come back as their Windows twins, the header is ASCII, lines end in CRLF.
func TestExportShiftJISRoundTrip(t *testing.T) {
	cells := []cell{text("株式会社テスト"), text("ｶ)ﾃｽﾄ ﾀﾞｲﾁｮｳ"), text("髙橋①～－"), text("a,b \"c\"\n2行目"),
		amount(-12_345), quantity(1500), date(time.Date(2026, 11, 5, 0, 0, 0, 0, time.UTC))}
	want := []string{"株式会社テスト", "ｶ)ﾃｽﾄ ﾀﾞｲﾁｮｳ", "髙橋①～－", "a,b \"c\"\n2行目", "-12345", "1.5", "2026-11-05"}
	var buf bytes.Buffer
	cw, err := newCellWriter(&buf, ShiftJIS, true, []string{"a", "b", "c", "d", "e", "f", "g"})
	if err != nil {
		t.Fatal(err)
	}
	if err := cw.write(cells...); err != nil {
		t.Fatal(err)
	}
	twins := []cell{text("〜"), text("−"), text("—"), text("‖"), text("¢"), text("£"), text("¬"), text("¥1,000")}
	if err := cw.write(twins...); err != nil {
		t.Fatal(err)
	}
	if err := cw.flush(); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte("株")) {
		t.Fatal("the file holds UTF-8")
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("a,b,c,d,e,f,g\r\n")) {
		t.Errorf("header %q", buf.Bytes()[:20])
	}
	rows := readCSVBack(t, buf.Bytes(), ShiftJIS)
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	for i, w := range want {
		if got := strings.ReplaceAll(rows[1][i], "\r\n", "\n"); got != w {
			t.Errorf("cell %d: %q, want %q", i, got, w)
		}
	}
	if got := strings.Join(rows[2], " "); got != "～ － ― ∥ ￠ ￡ ￢ ￥1,000" {
		t.Errorf("twins read back as %q", got)
	}
}

// A character Shift_JIS cannot hold is an error naming the row, its key,
// the column and the character, never a silent '?'.
func TestExportShiftJISUnencodable(t *testing.T) {
	tests := []struct {
		name, value, char string
	}{
		{"emoji", "ありがとう😀", "😀"},
		{"kanji outside JIS X 0208", "𠮷野家", "𠮷"},
		{"accent", "Café", "é"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			cw, err := newCellWriter(&buf, ShiftJIS, true, invoiceExportKeys)
			if err != nil {
				t.Fatal(err)
			}
			row := store.InvoiceExportRow{Number: "I-2026-0001", CustomerCode: "C0001", CustomerName: "株式会社テスト"}
			if err := cw.write(invoiceCells(row)...); err != nil {
				t.Fatal(err)
			}
			row.Number, row.Subject = "I-2026-0002", tt.value
			err = cw.write(invoiceCells(row)...)
			e, ok := store.AsError(err)
			if !ok || e.Reason != "export.not_sjis" {
				t.Fatalf("err %v, want export.not_sjis", err)
			}
			if e.Args[0] != 2 || e.Args[1] != "I-2026-0002" || e.Args[2] != "subject" || e.Args[3] != tt.char {
				t.Errorf("args %v: want row 2, I-2026-0002, subject, %q", e.Args, tt.char)
			}
			// UTF-8 holds it.
			cw, _ = newCellWriter(&bytes.Buffer{}, UTF8, true, invoiceExportKeys)
			if err := cw.write(invoiceCells(row)...); err != nil {
				t.Errorf("utf8: %v", err)
			}
		})
	}
}

func TestParseEncoding(t *testing.T) {
	for in, want := range map[string]Encoding{"utf8": UTF8, "UTF-8": UTF8, "sjis": ShiftJIS, "Shift_JIS": ShiftJIS,
		"cp932": ShiftJIS} {
		if got, ok := ParseEncoding(in); !ok || got != want {
			t.Errorf("%q: %q %v", in, got, ok)
		}
	}
	for _, bad := range []string{"", "latin1", "euc-jp"} {
		if _, ok := ParseEncoding(bad); ok {
			t.Errorf("%q accepted", bad)
		}
	}
}

// sumColumn sums the named column of rows (the first is the header).
func sumColumn(t *testing.T, rows [][]string, key string) store.Money {
	t.Helper()
	idx := -1
	for i, k := range rows[0] {
		if k == key {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("no column %q in %q", key, rows[0])
	}
	var sum store.Money
	for _, r := range rows[1:] {
		n, err := strconv.ParseInt(r[idx], 10, 64)
		if err != nil {
			t.Fatalf("%s: %q is not a number", key, r[idx])
		}
		sum += store.Money(n)
	}
	return sum
}

func exportTable(t *testing.T, l *accountingLedger, table string, enc Encoding) [][]string {
	t.Helper()
	var buf bytes.Buffer
	if err := ExportCSV(l.ctx, &buf, l.st, table, time.Time{}, time.Time{}, enc); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(buf.Bytes(), []byte("\r\n")) {
		t.Error("the last line does not end in CRLF")
	}
	rows := readCSVBack(t, buf.Bytes(), enc)
	for i, r := range rows {
		if len(r) != len(rows[0]) {
			t.Errorf("%s row %d: %d cells, the header %d", table, i, len(r), len(rows[0]))
		}
	}
	return rows
}

// The columns of each table sum to the ledger's own figures, in both
// encodings.
func TestExportCSVSums(t *testing.T) {
	l := newAccountingLedger(t)
	want := l.figures(t)
	for _, enc := range []Encoding{UTF8, ShiftJIS} {
		t.Run(string(enc), func(t *testing.T) {
			inv := exportTable(t, l, TableInvoices, enc)
			if len(inv) != 1+5 {
				t.Errorf("%d invoice rows, want 5 (4 invoices, one of them void, and a credit note)", len(inv)-1)
			}
			if got := sumColumn(t, inv, "subtotal"); got != want.subtotalNet {
				t.Errorf("Σ subtotal %d, want the net sales %d", got, want.subtotalNet)
			}
			for _, rate := range []int{10, 8} {
				r := strconv.Itoa(rate)
				if got := sumColumn(t, inv, "net_"+r); got != want.sales[rate] {
					t.Errorf("Σ net_%s %d, want %d", r, got, want.sales[rate])
				}
				if got := sumColumn(t, inv, "tax_"+r); got != want.tax[rate] {
					t.Errorf("Σ tax_%s %d, want %d", r, got, want.tax[rate])
				}
			}
			var open store.Money
			bs, err := l.st.InvoiceBalances(l.ctx, store.BalanceFilter{})
			if err != nil {
				t.Fatal(err)
			}
			for _, b := range bs {
				open += b.Open
			}
			if got := sumColumn(t, inv, "open"); got != open {
				t.Errorf("Σ open %d, want %d", got, open)
			}
			if got := sumColumn(t, inv, "total"); got != 14_499-2_200+33_000+22_000 {
				t.Errorf("Σ total %d", got)
			}

			pay := exportTable(t, l, TablePayments, enc)
			if got := sumColumn(t, pay, "amount"); got != want.bank+want.cash {
				t.Errorf("Σ payments %d, want %d", got, want.bank+want.cash)
			}
			var reversal []string
			for _, r := range pay[1:] {
				if strings.HasPrefix(r[4], "-") {
					reversal = r
				}
			}
			if reversal == nil || reversal[4] != "-5000" || reversal[10] != strconv.FormatInt(l.p4.ID, 10) ||
				reversal[11] != "2026-11-09" || reversal[12] != "誤入力" {
				t.Errorf("the reversal row %q", reversal)
			}

			docs := exportTable(t, l, TableDocuments, enc)
			if got := sumColumn(t, docs, "amount"); got != 10_000+3_240+2_000+50_000+30_000+20_000 {
				t.Errorf("Σ line amounts %d", got)
			}

			cust := exportTable(t, l, TableCustomers, enc)
			if strings.Join(cust[0], ",") != strings.Join(Keys(), ",") || len(cust) != 3 || cust[1][1] != "株式会社テスト" {
				t.Errorf("customers %q", cust)
			}
		})
	}
}
