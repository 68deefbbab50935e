// Package demo fills a database with made-up but realistic data, so daicho
// can be tried (`daicho --demo`), shown and benchmarked (`daicho demo --size
// large`) without a real office's records. The data is generated from a fixed
// seed and on fixed dates: the same size always gives the same customers,
// products and documents.
package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"daicho/store"
)

// Size is how much demo data to make.
type Size int

const (
	Small Size = iota // the 40 hand-written customers: for trying daicho out
	Large             // 10,000 customers: for benchmarks and for feeling the speed
)

// Customers per size.
const (
	SmallCustomers = 40
	LargeCustomers = 10_000
)

// ParseSize reads "small" or "large", as the CLI's --size flag takes them.
func ParseSize(s string) (Size, error) {
	switch s {
	case "small":
		return Small, nil
	case "large":
		return Large, nil
	}
	return Small, fmt.Errorf("unknown size %q (use small or large)", s)
}

func (s Size) String() string {
	if s == Large {
		return "large"
	}
	return "small"
}

// Count is how many customers a size makes.
func (s Size) Count() int {
	if s == Large {
		return LargeCustomers
	}
	return SmallCustomers
}

// HasData reports whether the database holds anything a person may have
// typed: the company settings or any customer. `daicho demo` refuses such a
// database unless forced.
func HasData(ctx context.Context, st *store.Store) (bool, error) {
	if ok, err := st.HasCompany(ctx); err != nil || ok {
		return ok, err
	}
	// The store has no count yet; the list columns of even 10,000
	// customers load in milliseconds.
	cs, err := st.CustomerSummaries(ctx)
	return len(cs) > 0, err
}

// Added counts what Add put into the database.
type Added struct{ Customers, Products, Documents, Payments, Contracts, Inquiries int }

// Fill is Add for callers that do not need the counts.
func Fill(ctx context.Context, st *store.Store, size Size) error {
	_, err := Add(ctx, st, size)
	return err
}

// Add adds the demo data of the given size. It never overwrites: company
// settings already saved are kept (the demo company is written only to a
// database without one), and the customers get codes after the highest code
// in use, so they cannot clash with customers already there. On an empty
// database the codes are C0001… (small) or C00001… (large: five digits, so
// text order is number order up to C10000). The customers go in as one batch:
// all of them or none.
//
// Products and documents are made only when Add wrote the company, that is
// in a database the demo set up itself: issued documents take numbers from
// the real sequence and can never be deleted, so they must not land in an
// office's own ledger through `daicho demo --force`. The documents are the
// story of documents.go; large adds 100,000 invoices over three years. The
// payments are payments.go's: the story's, and most of large's invoices. The
// contracts are contracts.go's: eleven in the story, and large adds 5,000
// active ones. The inquiries are inquiries.go's: fourteen in the story, and
// large adds 3,000.
func Add(ctx context.Context, st *store.Store, size Size) (Added, error) {
	fresh, err := ensureCompany(ctx, st)
	if err != nil {
		return Added{}, err
	}
	first, err := st.NextCustomerCode(ctx)
	if err != nil {
		return Added{}, err
	}
	start, err := strconv.Atoi(first[1:]) // NextCustomerCode always gives C + digits
	if err != nil {
		return Added{}, fmt.Errorf("demo: next customer code %q: %w", first, err)
	}
	cs := Customers(size, start)
	if err := ensureStaff(ctx, st); err != nil {
		return Added{}, err
	}
	if err := st.CreateCustomers(ctx, cs, nil); err != nil {
		return Added{}, err
	}
	added := Added{Customers: len(cs)}
	if !fresh {
		return added, nil
	}
	f := &filler{ctx: ctx, st: st, customers: cs}
	defer func(now func() time.Time) { st.Now = now }(st.Now)
	if err := f.addProducts(); err != nil {
		return added, err
	}
	added.Products = len(products)
	if size == Large {
		if err = f.addLarge(); err == nil {
			err = f.payLarge()
		}
	}
	if err == nil {
		err = f.markStory()
	}
	if err == nil {
		err = f.tellStory()
	}
	if err == nil {
		err = f.payStory()
	}
	if err == nil {
		added.Inquiries, err = f.addInquiries()
	}
	if err == nil && size == Large {
		var n int
		n, err = f.addLargeInquiries()
		added.Inquiries += n
	}
	if err == nil && size == Large {
		err = f.addLargeContracts()
	}
	added.Documents, added.Contracts = f.made, f.contracts
	if err == nil {
		added.Payments, err = countPayments(ctx, st)
	}
	return added, err
}

// markStory notes the last invoice made before the story, so the story's
// payments (payments.go) touch the story's invoices only.
func (f *filler) markStory() error {
	all, err := f.st.InvoiceBalances(f.ctx, store.BalanceFilter{})
	for _, b := range all {
		f.storyFrom = max(f.storyFrom, b.InvoiceID)
	}
	return err
}

func countPayments(ctx context.Context, st *store.Store) (int, error) {
	ps, err := st.Payments(ctx, store.PaymentFilter{})
	return len(ps), err
}

// ensureCompany writes the demo company to a database without one and
// reports whether it did.
func ensureCompany(ctx context.Context, st *store.Store) (bool, error) {
	ok, err := st.HasCompany(ctx)
	if err != nil || ok {
		return false, err
	}
	c := Company()
	return true, st.SaveCompany(ctx, &c)
}

// ensureStaff adds the demo's people in charge that are not staff entries
// yet (the customers name them), each with an email and an SSH key name.
func ensureStaff(ctx context.Context, st *store.Store) error {
	for i, name := range staff {
		_, err := st.StaffByName(ctx, name)
		if e, ok := store.AsError(err); !ok || e.Code != store.CodeNotFound {
			if err != nil {
				return err
			}
			continue // there already
		}
		m := store.Staff{Name: name, Email: staffMailboxes[i] + "@sample-shoji.example.jp", SSHKey: staffMailboxes[i]}
		if err := st.CreateStaff(ctx, &m); err != nil {
			return err
		}
	}
	return nil
}

// Company is the demo office: a fictional trading company in Tokyo with a
// valid registration number and two bank accounts.
func Company() store.Company {
	c := store.NewCompany()
	c.Name = "株式会社サンプル商事"
	c.Kana = "サンプルショウジ"
	c.PostalCode = "100-0005"
	c.Address1 = "東京都千代田区丸の内1-2-3"
	c.Address2 = "サンプルビル8階"
	c.NameEN = "Sample Shoji Co., Ltd."
	c.Address1EN, c.Address2EN = "Sample Bldg. 8F, 1-2-3 Marunouchi", "Chiyoda-ku, Tokyo, Japan"
	c.Phone = "03-1234-5678"
	c.Email = "info@sample-shoji.example.jp"
	c.RegistrationNumber = registrationNumber("010401234567")
	c.BankAccounts = []store.BankAccount{
		{Bank: "サンプル銀行", Branch: "本店営業部", AccountType: store.AccountOrdinary, Number: "1234567",
			HolderKana: "カ）サンプルシヨウジ"},
		{Bank: "みらい信用金庫", Branch: "丸の内支店", AccountType: store.AccountCurrent, Number: "0076543",
			HolderKana: "カ）サンプルシヨウジ"},
	}
	return c
}

// Customers makes the customers of a size, numbered from start (C0001 when
// start is 1). Exported for tests and benchmarks that want the records
// without a database.
func Customers(size Size, start int) []store.Customer {
	n := size.Count()
	digits := max(4, len(strconv.Itoa(start+n-1)))
	if size == Large {
		digits = max(5, digits)
	}
	g := newGenerator()
	cs := make([]store.Customer, 0, n)
	for i := range n {
		var c store.Customer
		if i < len(samples) {
			c = g.fromSample(i)
		} else {
			c = g.generated()
		}
		c.Code = fmt.Sprintf("C%0*d", digits, start+i)
		closingRunChoices(&c, i)
		cs = append(cs, c)
	}
	return cs
}

// generator holds the random source and the names used so far: every
// customer's name is unique, so a demo list never shows two of the same.
type generator struct {
	rng  *rand.Rand
	seen map[string]bool
}

func newGenerator() *generator {
	g := &generator{rng: rand.New(rand.NewPCG(2026, 4)), seen: map[string]bool{}}
	for _, s := range samples {
		g.seen[s.name] = true
	}
	return g
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

// fromSample turns hand-written sample i into a customer.
func (g *generator) fromSample(i int) store.Customer {
	s := samples[i]
	c := g.base()
	c.Name, c.Kana = s.name, s.kana
	c.Archived = archivedSamples[i]
	switch {
	case s.english != nil:
		g.english(&c, *s.english)
	case s.person:
		g.person(&c, places[s.place])
	default:
		g.company(&c, places[s.place])
	}
	if s.slug != "" {
		c.Email = g.mailbox(&c) + "@" + s.slug + mailDomain(c.Language)
	} else {
		c.Email = ""
	}
	return c
}

// generated makes a customer from the word lists: mostly Japanese companies,
// a few individuals and a few companies abroad.
func (g *generator) generated() store.Customer {
	c := g.base()
	c.Archived = g.rng.IntN(40) == 0
	switch r := g.rng.IntN(100); {
	case r < 2:
		c.Name, c.Kana = g.unique(g.englishName)
		g.english(&c, g.abroad())
	case r < 5:
		c.Name, c.Kana = g.unique(g.personName)
		g.person(&c, places[g.rng.IntN(len(places))])
	default:
		var slug string
		c.Name, c.Kana = g.unique(func() (string, string) {
			var name, kana string
			name, kana, slug = g.companyName()
			return name, kana
		})
		g.company(&c, places[g.rng.IntN(len(places))])
		c.Email = g.mailbox(&c) + "@" + slug + mailDomain(c.Language)
	}
	return c
}

// unique draws names until one is new. The word lists allow far more
// combinations than a size needs, so this ends after a few draws.
func (g *generator) unique(draw func() (name, kana string)) (string, string) {
	for {
		name, kana := draw()
		if !g.seen[name] {
			g.seen[name] = true
			return name, kana
		}
	}
}

// base is what every customer shares: defaults, payment terms, the person in
// charge.
func (g *generator) base() store.Customer {
	c := store.NewCustomer()
	t := terms[g.rng.IntN(len(terms))]
	c.ClosingDay, c.MonthsDeferred, c.PaymentDay = t.closing, t.deferred, t.payment
	switch g.rng.IntN(10) {
	case 0:
		c.HolidayRule = store.HolidayPrevious
	case 1:
		c.HolidayRule = store.HolidayKeep
	}
	c.PersonInCharge = g.pick(staff)
	return c
}

// company fills a Japanese company's address and contact; about half have a
// registration number (qualified-invoice issuers).
func (g *generator) company(c *store.Customer, p place) {
	g.address(c, p)
	c.Department = g.pick(departments)
	if c.Department != "" {
		c.Contact = g.pick(surnames) + " " + g.pick(givenNames)
	}
	if g.rng.IntN(2) == 0 {
		c.RegistrationNumber = registrationNumber(g.digits(12))
	}
	if g.rng.IntN(8) == 0 {
		c.Notes = "請求書は郵送と PDF の両方で送付"
	}
}

// person fills an individual's details: 様, no department.
func (g *generator) person(c *store.Customer, p place) {
	c.Honorific = store.HonorificPerson
	g.address(c, p)
	c.Phone = "090-" + g.digits(4) + "-" + g.digits(4)
}

// english fills a customer abroad: documents in English, no honorific.
func (g *generator) english(c *store.Customer, a abroad) {
	c.Language = "en"
	c.Honorific = ""
	c.HolidayRule = store.HolidayKeep // Japanese bank holidays mean nothing to them
	c.ClosingDay, c.MonthsDeferred, c.PaymentDay = store.MonthEnd, 1, store.MonthEnd
	c.PostalCode, c.Address1, c.Address2, c.Phone = a.postal, a.address1, a.address2, a.phone
	c.Contact = "Accounts Payable"
}

func (g *generator) address(c *store.Customer, p place) {
	c.PostalCode = p.postal
	c.Address1 = fmt.Sprintf("%s%d-%d-%d", p.address, 1+g.rng.IntN(5), 1+g.rng.IntN(20), 1+g.rng.IntN(30))
	if b := g.pick(buildings); b != "" {
		c.Address2 = fmt.Sprintf("%s%d階", b, 1+g.rng.IntN(12))
	}
	c.Phone = phone(p.area, g)
}

// phone makes a ten-digit Japanese number: 03-1234-5678, 052-123-4567.
func phone(area string, g *generator) string {
	// A subscriber number never starts with 0: that is the trunk prefix.
	local := string(rune('1'+g.rng.IntN(9))) + g.digits(9-len(area))
	return area + "-" + local[:len(local)-4] + "-" + local[len(local)-4:]
}

func (g *generator) mailbox(c *store.Customer) string {
	if c.Language == "en" {
		return "accounts"
	}
	return []string{"keiri", "info", "soumu", "office"}[g.rng.IntN(4)]
}

func mailDomain(lang string) string {
	if lang == "en" {
		return ".example.com"
	}
	return ".example.co.jp" // example.co.jp is reserved: no real office gets mail
}

// companyName draws a Japanese company name, its reading without the legal
// form, and an email slug.
func (g *generator) companyName() (name, kana, slug string) {
	a, s, t := areas[g.rng.IntN(len(areas))], stems[g.rng.IntN(len(stems))], trades[g.rng.IntN(len(trades))]
	f := forms[g.rng.IntN(len(forms))]
	body := a.text + s.text + t.text
	if f.before {
		name = f.text + body
	} else {
		name = body + f.text
	}
	slug = strings.TrimPrefix(a.slug+"-"+s.slug+"-"+t.slug, "-")
	return name, a.kana + s.kana + t.kana, slug
}

func (g *generator) personName() (string, string) {
	i, j := g.rng.IntN(len(surnames)), g.rng.IntN(len(givenNames))
	return surnames[i] + " " + givenNames[j], surnameKana[i] + " " + givenKana[j]
}

// englishName draws a company abroad; they have no kana reading.
func (g *generator) englishName() (string, string) {
	return g.pick(englishFirst) + " " + g.pick(englishTrade) + " " + g.pick(englishForm), ""
}

func (g *generator) abroad() abroad {
	a := englishPlaces[g.rng.IntN(len(englishPlaces))]
	a.address1 = fmt.Sprintf("%d Example Street", 1+g.rng.IntN(200))
	a.phone += g.digits(4)
	return a
}

// digits returns n random decimal digits.
func (g *generator) digits(n int) string {
	var b strings.Builder
	for range n {
		b.WriteByte(byte('0' + g.rng.IntN(10)))
	}
	return b.String()
}

// registrationNumber completes a 12-digit corporate number body into a valid
// registration number (T + check digit + body). The check digit rule belongs
// to the store, so rather than restate it this tries the nine possible check
// digits against store.NormalizeRegistrationNumber; exactly one passes.
func registrationNumber(body string) string {
	for d := '1'; d <= '9'; d++ {
		if n, err := store.NormalizeRegistrationNumber("T" + string(d) + body); err == nil {
			return n
		}
	}
	panic("demo: no check digit fits " + body) // unreachable: 9 − (x mod 9) is always 1…9
}
