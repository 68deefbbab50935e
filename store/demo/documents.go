package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"daicho/store"
)

// The demo's documents tell a story on fixed dates, so the same size always
// gives the same documents, whatever day it is run: the store's clock is set
// to each step's day (issue dates, numbers and stamps follow it) and put back
// afterwards.

// Reference is the demo's "today": the last step of the story and the day
// its statuses are meant to be read on (an estimate valid until the 16th is
// expired by then). Screens and tests that show demo data as of a fixed day
// can use it.
var Reference = store.DateOf(2026, 11, 20)

// largeInvoices is how many invoices the large demo adds (about 20 s on two
// cores); tests lower it, and run the full size only with DAICHO_DEMO_FULL
// set (see documents_test.go).
var largeInvoices = 100_000

// largeFrom is the first day of the large demo's invoices; they run up to
// Reference, three years.
var largeFrom = store.DateOf(2023, 12, 1)

// importChunk is how many invoices go into one ImportDocuments call: large
// enough that per-batch costs vanish, small enough that the batch held in
// memory stays a few MB.
const importChunk = 5_000

// one is a quantity of 1.
const one = store.Quantity(1000)

// product is a demo product; key names it in the story.
type product struct {
	key string
	store.Product
}

// products are the demo price list: services by the month and the hour,
// printing, food at the reduced rate, expenses that are not taxed, some
// English names, and one product no longer sold.
var products = []product{
	{"support", store.Product{Name: "保守サポート（月額）", Kana: "ホシュサポート", Unit: "月", UnitPrice: 30_000, CostPrice: 12_000}},
	{"work", store.Product{Name: "作業費", Kana: "サギョウヒ", Unit: "時間", UnitPrice: 8_000, CostPrice: 4_500}},
	{"print", store.Product{Name: "印刷物（チラシ A4 両面）", Kana: "インサツブツ", Unit: "式", UnitPrice: 48_000, CostPrice: 31_000}},
	{"tea", store.Product{Name: "お茶（500ml）", Kana: "オチャ", Unit: "本", UnitPrice: 150, CostPrice: 92,
		TaxCategory: store.TaxReduced}},
	{"bento", store.Product{Name: "弁当（幕の内）", Kana: "ベントウ", Unit: "個", UnitPrice: 980, CostPrice: 640,
		TaxCategory: store.TaxReduced}},
	{"travel", store.Product{Name: "交通費（実費）", Kana: "コウツウヒ", Unit: "式", UnitPrice: 1_200, CostPrice: 1_200,
		TaxCategory: store.TaxExempt}},
	{"web", store.Product{Name: "Web design", Kana: "ウェブデザイン", Unit: "式", UnitPrice: 200_000, CostPrice: 110_000}},
	{"hosting", store.Product{Name: "Cloud hosting (monthly)", Kana: "クラウドホスティング", Unit: "月", UnitPrice: 15_000,
		CostPrice: 9_000}},
	{"paper", store.Product{Name: "コピー用紙 A4（5,000枚）", Kana: "コピーヨウシ", Unit: "箱", UnitPrice: 3_800, CostPrice: 2_700}},
	{"toner", store.Product{Name: "トナーカートリッジ", Kana: "トナーカートリッジ", Unit: "個", UnitPrice: 12_000, CostPrice: 8_400}},
	{"consulting", store.Product{Name: "Consulting", Kana: "コンサルティング", Unit: "時間", UnitPrice: 15_000, CostPrice: 6_000}},
	{"install", store.Product{Name: "設置作業", Kana: "セッチサギョウ", Unit: "式", UnitPrice: 25_000, CostPrice: 12_000}},
	{"coffee", store.Product{Name: "コーヒー豆（1kg）", Kana: "コーヒーマメ", Unit: "袋", UnitPrice: 3_600, CostPrice: 2_200,
		TaxCategory: store.TaxReduced}},
	{"stamp", store.Product{Name: "収入印紙代", Kana: "シュウニュウインシダイ", Unit: "式", UnitPrice: 200, CostPrice: 200,
		TaxCategory: store.TaxExempt}},
	{"oldplan", store.Product{Name: "旧保守プラン", Kana: "キュウホシュプラン", Unit: "月", UnitPrice: 20_000, CostPrice: 9_000,
		Archived: true}},
}

// filler makes the demo documents through the store's API.
type filler struct {
	ctx       context.Context
	st        *store.Store
	customers []store.Customer // as added, samples first
	products  map[string]store.Product
	made      int   // documents made
	contracts int   // contracts made (drafts too)
	storyFrom int64 // the last invoice made before the story (payments.go)
}

// on sets the store's clock to 10:00 of date where the user is, so Today is
// date in every time zone.
func (f *filler) on(date time.Time) {
	at := time.Date(date.Year(), date.Month(), date.Day(), 10, 0, 0, 0, time.Local)
	f.st.Now = func() time.Time { return at }
}

// addProducts saves the demo products with codes after the highest in use.
func (f *filler) addProducts() error {
	f.products = map[string]store.Product{}
	for _, p := range products {
		code, err := f.st.NextProductCode(f.ctx)
		if err != nil {
			return err
		}
		pr := p.Product
		pr.Code = code
		if err := f.st.SaveProduct(f.ctx, &pr); err != nil {
			return fmt.Errorf("demo product %s: %w", p.Name, err)
		}
		f.products[p.key] = pr
	}
	return nil
}

// line is a line for qty of the product with that key.
func (f *filler) line(key string, qty store.Quantity) store.Line {
	p := f.products[key]
	return store.Line{ProductID: p.ID, Description: p.Name, Quantity: qty, Unit: p.Unit, UnitPrice: p.UnitPrice,
		TaxCategory: p.TaxCategory}
}

// doc is a new document of kind for sample customer i, dated on the clock.
func (f *filler) doc(kind string, i int, subject string, lines ...store.Line) store.Document {
	return store.Document{Kind: kind, CustomerID: f.customers[i].ID, Subject: subject,
		IssueDate: store.Today(f.st.Now()), Lines: lines}
}

// draft saves d as a draft (a new one counts as made).
func (f *filler) draft(d *store.Document) error {
	if d.ID == 0 {
		f.made++
	}
	return f.st.SaveDraft(f.ctx, d)
}

// issue saves d and issues it.
func (f *filler) issue(d store.Document) (store.Document, error) {
	if err := f.draft(&d); err != nil {
		return d, err
	}
	return f.st.Issue(f.ctx, d.ID, d.Version)
}

// issueMade issues a draft a conversion made (it is counted here).
func (f *filler) issueMade(d store.Document, err error) (store.Document, error) {
	if err != nil {
		return d, err
	}
	f.made++
	return f.st.Issue(f.ctx, d.ID, d.Version)
}

// step is one dated part of the story.
type step struct {
	date time.Time
	do   func(f *filler) error
}

// story is the small demo's documents, in date order: every kind and status,
// the conversions with their links, a closing invoice over three delivery
// notes, tax-inclusive prices, both tax rates on one invoice, a voided and a
// revised invoice and a credit note, and monthly invoices around them.
func story() []step {
	var q1, q3, q5, foodInvoice store.Document
	d := store.DateOf
	steps := []step{
		{d(2026, 7, 1), func(f *filler) (err error) {
			q1, err = f.issue(f.doc(store.KindEstimate, 0, "コーポレートサイト制作", f.line("web", one),
				f.line("work", 10*one), f.line("support", 12*one)))
			return err
		}},
		{d(2026, 7, 3), func(f *filler) error { return f.st.SetEstimateOutcome(f.ctx, q1.ID, store.StatusAccepted) }},
		{d(2026, 7, 10), func(f *filler) error { // partial: the design and 4 of the 10 hours
			_, err := f.issueMade(f.st.ConvertEstimate(f.ctx, q1.ID, store.KindDeliveryNote, []store.Pick{
				{SourceLineID: q1.Lines[0].ID, Quantity: one}, {SourceLineID: q1.Lines[1].ID, Quantity: 4 * one}}))
			return err
		}},
		{d(2026, 8, 3), func(f *filler) error {
			q2, err := f.issue(f.doc(store.KindEstimate, 2, "会社案内パンフレット", f.line("print", 2*one)))
			if err != nil {
				return err
			}
			f.on(d(2026, 8, 20))
			return f.st.SetEstimateOutcome(f.ctx, q2.ID, store.StatusDeclined)
		}},
		{d(2026, 8, 5), func(f *filler) (err error) {
			q3 = f.doc(store.KindEstimate, 3, "業務システム改修", f.line("consulting", 20*one), f.line("work", 15*one))
			q3.ValidUntil = d(2026, 9, 4)
			if q3, err = f.issue(q3); err != nil {
				return err
			}
			return f.st.SetEstimateOutcome(f.ctx, q3.ID, store.StatusAccepted)
		}},
		{d(2026, 8, 31), func(f *filler) error { // estimate → invoice, no delivery note
			_, err := f.issueMade(f.st.ConvertEstimate(f.ctx, q3.ID, store.KindInvoice, nil))
			return err
		}},
	}
	// 締め請求: 青葉商事 closes on the 15th. Three delivery notes of the cycle
	// 08-16…09-15, one invoice at its close; a fourth, in the next cycle,
	// stays to be invoiced.
	for _, dn := range []struct {
		day          time.Time
		paper, toner store.Quantity
	}{{d(2026, 9, 4), 10 * one, 2 * one}, {d(2026, 9, 12), 5 * one, 0}, {d(2026, 9, 14), 20 * one, 4 * one},
		{d(2026, 10, 8), 8 * one, 1 * one}} {
		steps = append(steps, step{dn.day, func(f *filler) error {
			lines := []store.Line{f.line("paper", dn.paper)}
			if dn.toner > 0 {
				lines = append(lines, f.line("toner", dn.toner))
			}
			_, err := f.issue(f.doc(store.KindDeliveryNote, 1, "事務用品", lines...))
			return err
		}})
	}
	steps = append(steps,
		step{d(2026, 9, 15), func(f *filler) error {
			_, err := f.issueMade(f.st.CreateClosingInvoice(f.ctx, f.customers[1].ID, d(2026, 9, 15), "9月分 事務用品"))
			return err
		}},
		step{d(2026, 10, 1), func(f *filler) error { // a private customer, prices with tax
			inv := f.doc(store.KindInvoice, 30, "パソコン設定サポート",
				store.Line{Description: "出張設定作業（税込）", Quantity: 3 * one, Unit: "時間", UnitPrice: 8_800,
					TaxCategory: store.TaxStandard}, f.line("travel", one))
			inv.PriceMode = store.PriceInclusive
			_, err := f.issue(inv)
			return err
		}},
		step{d(2026, 10, 5), func(f *filler) (err error) { // 10%, 8% and 0% on one invoice
			foodInvoice, err = f.issue(f.doc(store.KindInvoice, 8, "展示会 ケータリング", f.line("bento", 30*one),
				f.line("tea", 60*one), f.line("install", one), f.line("travel", 2*one)))
			return err
		}},
		step{d(2026, 10, 15), func(f *filler) error { return f.voidAndRevise() }},
		step{d(2026, 10, 20), func(f *filler) error { // issued twice by mistake: voided, not replaced
			inv, err := f.issue(f.doc(store.KindInvoice, 15, "10月分 ホスティング", f.line("hosting", one)))
			if err != nil {
				return err
			}
			return f.st.Void(f.ctx, inv.ID, "二重発行のため取消")
		}},
		step{d(2026, 10, 30), func(f *filler) error { // 5 lunch boxes came back: a credit note
			cn, err := f.st.CreateCreditNote(f.ctx, foodInvoice.ID)
			if err != nil {
				return err
			}
			f.made++
			cn.Lines = cn.Lines[:1]
			cn.Lines[0].Quantity = 5 * one
			cn.Subject, cn.Notes = "返品（弁当 5個）", "10月5日納品分のうち5個の返品"
			_, err = f.issue(cn)
			return err
		}},
		step{d(2026, 11, 2), func(f *filler) error { // valid until the 16th: expired on the 20th
			q := f.doc(store.KindEstimate, 12, "精密部品 試作", f.line("consulting", 4*one), f.line("install", one))
			q.ValidUntil = d(2026, 11, 16)
			_, err := f.issue(q)
			return err
		}},
		step{d(2026, 11, 5), func(f *filler) error { // still open (valid to the end of the fiscal year)
			q := f.doc(store.KindEstimate, 34, "Website localisation", f.line("web", one), f.line("consulting", 12*one))
			q.ValidUntil = d(2027, 3, 31)
			_, err := f.issue(q)
			return err
		}},
		step{d(2026, 11, 9), func(f *filler) (err error) {
			q5, err = f.issue(f.doc(store.KindEstimate, 5, "ポスター印刷", f.line("print", 3*one)))
			if err == nil {
				err = f.st.SetEstimateOutcome(f.ctx, q5.ID, store.StatusAccepted)
			}
			return err
		}},
		step{d(2026, 11, 12), func(f *filler) error { // delivered whole
			_, err := f.issueMade(f.st.ConvertEstimate(f.ctx, q5.ID, store.KindDeliveryNote, nil))
			return err
		}},
		step{Reference, func(f *filler) error { return f.drafts(q1) }},
	)
	for m := time.June; m <= time.October; m++ {
		steps = append(steps, step{store.MonthEndOf(2026, m), func(f *filler) error { return f.monthly(m) }})
	}
	steps = append(steps, contractSteps()...) // contracts.go
	slices.SortStableFunc(steps, func(a, b step) int { return a.date.Compare(b.date) })
	return steps
}

// voidAndRevise issues an invoice with a wrong quantity, then revises it:
// the first is voided (its number kept) and a corrected one replaces it.
func (f *filler) voidAndRevise() error {
	wrong, err := f.issue(f.doc(store.KindInvoice, 5, "チラシ印刷", f.line("print", 5*one)))
	if err != nil {
		return err
	}
	f.on(store.DateOf(2026, 10, 16))
	fixed, err := f.st.Revise(f.ctx, wrong.ID, "数量誤り（正しくは3式）")
	if err != nil {
		return err
	}
	f.made++
	fixed.Lines[0].Quantity = 3 * one
	_, err = f.issue(fixed)
	return err
}

// drafts are what is being worked on today: an invoice, an estimate, and a
// delivery note for the rest of the first estimate.
func (f *filler) drafts(q1 store.Document) error {
	inv := f.doc(store.KindInvoice, 0, "11月分 保守", f.line("support", one))
	if err := f.draft(&inv); err != nil {
		return err
	}
	q := f.doc(store.KindEstimate, 20, "社内研修", f.line("consulting", 6*one), f.line("coffee", 2*one))
	if err := f.draft(&q); err != nil {
		return err
	}
	_, err := f.st.ConvertEstimate(f.ctx, q1.ID, store.KindDeliveryNote, nil)
	if err == nil {
		f.made++
	}
	return err
}

// monthlyCustomers get the monthly maintenance invoice (sample indexes).
var monthlyCustomers = []int{0, 3, 6, 10, 13, 16, 19, 23, 27, 35}

// monthly issues month m's maintenance invoices in one batch, on its last day.
func (f *filler) monthly(m time.Month) error {
	var docs []store.Document
	for n, i := range monthlyCustomers {
		subject := fmt.Sprintf("%d月分 保守", m)
		if f.customers[i].Language == "en" {
			subject = fmt.Sprintf("Support, %s 2026", m)
		}
		d := f.doc(store.KindInvoice, i, subject, f.line("support", one))
		if n%3 == 0 { // some months need extra hours: (m mod 4 + 1) half hours
			d.Lines = append(d.Lines, f.line("work", store.Quantity(int(m)%4+1)*one/2))
		}
		docs = append(docs, d)
	}
	if _, err := f.st.ImportDocuments(f.ctx, docs, true); err != nil {
		return fmt.Errorf("demo: %s invoices: %w", m, err)
	}
	f.made += len(docs)
	return nil
}

// tellStory runs the story's steps in date order.
func (f *filler) tellStory() error {
	for _, s := range story() {
		f.on(s.date)
		if err := s.do(f); err != nil {
			return fmt.Errorf("demo: the documents of %s: %w", store.FormatDate(s.date), err)
		}
	}
	return nil
}

// largeDates are n issue dates from largeFrom to Reference, drawn from rng
// and sorted, so numbers rise with dates.
func largeDates(rng *rand.Rand, n int) []time.Time {
	days := int(Reference.Sub(largeFrom).Hours()/24) + 1
	out := make([]time.Time, n)
	for i := range out {
		out[i] = largeFrom.AddDate(0, 0, rng.IntN(days))
	}
	slices.SortFunc(out, func(a, b time.Time) int { return a.Compare(b) })
	return out
}

// addLarge issues the large demo's invoices: largeInvoices of them over
// three years, for random customers (archived ones only before 2025, when
// they were still clients), 1–5 lines of the products on sale each, in
// batches of importChunk.
func (f *filler) addLarge() error {
	rng := rand.New(rand.NewPCG(2026, 11))
	onSale := slices.DeleteFunc(slices.Clone(products), func(p product) bool { return p.Archived })
	dates := largeDates(rng, largeInvoices)
	for start := 0; start < len(dates); start += importChunk {
		chunk := dates[start:min(start+importChunk, len(dates))]
		docs := make([]store.Document, len(chunk))
		for i, date := range chunk {
			docs[i] = f.largeInvoice(rng, onSale, date)
		}
		f.on(chunk[len(chunk)-1])
		if _, err := f.st.ImportDocuments(f.ctx, docs, true); err != nil {
			return fmt.Errorf("demo: invoices from %s: %w", store.FormatDate(chunk[0]), err)
		}
		f.made += len(docs)
	}
	return nil
}

var archivedUntil = store.DateOf(2025, 1, 1)

func (f *filler) largeInvoice(rng *rand.Rand, onSale []product, date time.Time) store.Document {
	c := f.customers[rng.IntN(len(f.customers))]
	for c.Archived && !date.Before(archivedUntil) {
		c = f.customers[rng.IntN(len(f.customers))]
	}
	subject := fmt.Sprintf("%d年%d月分", date.Year(), date.Month())
	if c.Language == "en" {
		subject = fmt.Sprintf("Services, %s %d", date.Month(), date.Year())
	}
	d := store.Document{Kind: store.KindInvoice, CustomerID: c.ID, Subject: subject, IssueDate: date}
	for range 1 + rng.IntN(5) {
		p := onSale[rng.IntN(len(onSale))]
		qty := store.Quantity(1+rng.IntN(10)) * one
		if p.Unit == "時間" {
			qty = store.Quantity(1+rng.IntN(16)) * one / 2 // half hours
		}
		d.Lines = append(d.Lines, f.line(p.key, qty))
	}
	return d
}
