package store_test

import (
	"io"
	"testing"
	"time"

	"daicho/store"
	"daicho/store/exchange"
)

// exportBenchLedger is the 100,000-invoice ledger of the overdue benchmarks
// (fillPaidLedger: 1,000 customers, payments, a few transfer fees) with each
// invoice's document_taxes row, which the exports read. fillPaidLedger
// inserts the invoices as issued, and issued documents' taxes are frozen by
// a trigger, so the fill lifts that trigger for its one transaction and
// puts it back as it was.
func exportBenchLedger(b *testing.B) *store.Store {
	b.Helper()
	st := overdueLedger(b)
	var trigger string
	if err := st.DB().QueryRow(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'document_taxes_frozen_insert'`).
		Scan(&trigger); err != nil {
		b.Fatal(err)
	}
	execBench(b, st, 0,
		`DROP TRIGGER document_taxes_frozen_insert`,
		`INSERT INTO document_taxes (document_id, rate, net, tax, gross)
		SELECT id, 10, subtotal, tax, total FROM documents WHERE id > 2000000`,
		trigger,
	)
	return st
}

// BenchmarkExportInvoicesCSV writes the 100,000 invoices of the ledger as
// CSV (every column: per-rate figures, what is paid and open) through the
// real query and writer. Target: under 3 s.
func BenchmarkExportInvoicesCSV(b *testing.B) {
	st := exportBenchLedger(b)
	for _, enc := range []exchange.Encoding{exchange.UTF8, exchange.ShiftJIS} {
		b.Run(string(enc), func(b *testing.B) {
			var w countingWriter
			for b.Loop() {
				w = 0
				if err := exchange.ExportCSV(b.Context(), &w, st, exchange.TableInvoices, time.Time{}, time.Time{}, enc); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w)/1e6, "MB")
		})
	}
}

// BenchmarkExportPaymentsCSV: the ledger's 95,000 payments.
func BenchmarkExportPaymentsCSV(b *testing.B) {
	st := exportBenchLedger(b)
	for b.Loop() {
		if err := exchange.ExportCSV(b.Context(), io.Discard, st, exchange.TablePayments, time.Time{}, time.Time{},
			exchange.UTF8); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportJournal writes the whole ledger (100,000 invoices, 95,000
// payments, 2,000 transfer fees) as an hledger journal and as a 弥生 file.
func BenchmarkExportJournal(b *testing.B) {
	st := exportBenchLedger(b)
	for _, format := range exchange.JournalFormats {
		b.Run(format, func(b *testing.B) {
			var w countingWriter
			for b.Loop() {
				w = 0
				if err := exchange.ExportJournal(b.Context(), &w, st, format, time.Time{}, time.Time{}, "ja"); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w)/1e6, "MB")
		})
	}
}

// countingWriter discards what it is given and counts the bytes.
type countingWriter int

func (w *countingWriter) Write(p []byte) (int, error) {
	*w += countingWriter(len(p))
	return len(p), nil
}
