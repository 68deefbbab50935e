package pdf

import (
	"bytes"
	"testing"

	"daicho/store"
)

// onePageLimit is the budget for a one-page invoice with the font
// subset and the seal.
const onePageLimit = 150 << 10

// TestOnePageInvoiceSize keeps the one-page invoice under its budget (the
// size is deterministic, so it is a test; the time is in the benchmark).
func TestOnePageInvoiceSize(t *testing.T) {
	f := newFix(t)
	d := f.makeDocs(f.ja).invoice
	if n := len(f.render(d)); n > onePageLimit {
		t.Errorf("a one-page invoice is %d bytes, over %d", n, onePageLimit)
	}
}

// BenchmarkRenderInvoice renders an issued one-page Japanese invoice (three
// lines, two tax rates, the seal, two bank accounts) and reports its size.
func BenchmarkRenderInvoice(b *testing.B) {
	benchmarkRender(b, func(f *fix) store.Document { return f.makeDocs(f.ja).invoice })
}

// BenchmarkRenderInvoiceEnglish: the same in English (fewer distinct glyphs).
func BenchmarkRenderInvoiceEnglish(b *testing.B) {
	benchmarkRender(b, func(f *fix) store.Document { return f.makeDocs(f.en).invoice })
}

// BenchmarkRenderLongInvoice renders the 120-line, five-page invoice.
func BenchmarkRenderLongInvoice(b *testing.B) {
	benchmarkRender(b, func(f *fix) store.Document { return f.longInvoice(120) })
}

func benchmarkRender(b *testing.B, make func(*fix) store.Document) {
	f := newFix(b)
	d := make(f)
	opts := Options{Customer: f.customerOf(d), Company: f.company}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KB/pdf")
}

// TestConcurrentRender: renders may run at once (the batch export uses
// every core) and give the same bytes as one at a time; run with -race.
func TestConcurrentRender(t *testing.T) {
	f := newFix(t)
	ds := f.makeDocs(f.ja)
	want := f.render(ds.invoice)
	errs := make(chan error, 8)
	results := make(chan []byte, 8)
	for range 8 {
		go func() {
			var buf bytes.Buffer
			errs <- Render(&buf, ds.invoice, Options{})
			results <- buf.Bytes()
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
		if got := <-results; !bytes.Equal(got, want) {
			t.Error("a concurrent render differs")
		}
	}
}
